/**
 * Every word the portal says about the office's reschedule requests and a change of staff member, in one
 * place (for the catalogues of the portal's languages).
 */
export const REQUEST_WORDS = {
  bannerTitle: 'Please choose a new time',
  bannerIntro: 'We need to move this appointment. It stays where it is until you choose.',
  respondBy: (when: string) => `Please choose by ${when}.`,
  suggestionsHeading: 'Suggested times',
  withStaff: (name: string) => `with ${name}`,
  confirm: 'Confirm reschedule',
  confirming: 'Rescheduling…',
  allTimes: 'See all times',
  noneWork: 'None of these work',
  declineTitle: 'None of these work',
  declineNote: 'Tell us what would suit you',
  declineSend: 'Send',
  declineSending: 'Sending…',
  declineCancel: 'Back',
  declinedTitle: 'Thank you, we will be in touch',
  declinedText:
    'Your booking stays where it is for now. We have told the office that none of these times work.',
  readyTitle: 'Your new time, ready to confirm',
  readyText: (from: string) => `Currently ${from}.`,
  takenTitle: 'That time has just been taken',
  takenText: 'Please choose one of the times below.',
  staffLabel: 'With',
  rescheduledTitle: 'Your booking has been rescheduled',
  rescheduledText: (when: string) => `It is now on ${when}. A confirmation email is on its way.`,
} as const;
