import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Every word the portal says about the office's reschedule requests and a change of staff member, from the
 * portal catalogue (`request.*`) in the page's language.
 */
export function useRequestWords() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      bannerTitle: t('request.bannerTitle'),
      bannerIntro: t('request.bannerIntro'),
      respondBy: (when: string) => t('request.respondBy', { when }),
      suggestionsHeading: t('request.suggestionsHeading'),
      withStaff: (name: string) => t('request.withStaff', { name }),
      confirm: t('request.confirm'),
      confirming: t('request.confirming'),
      allTimes: t('request.allTimes'),
      noneWork: t('request.noneWork'),
      declineTitle: t('request.declineTitle'),
      declineNote: t('request.declineNote'),
      declineSend: t('request.declineSend'),
      declineSending: t('request.declineSending'),
      declineCancel: t('request.declineCancel'),
      declinedTitle: t('request.declinedTitle'),
      declinedText: t('request.declinedText'),
      readyTitle: t('request.readyTitle'),
      readyText: (from: string) => t('request.readyText', { from }),
      takenTitle: t('request.takenTitle'),
      takenText: t('request.takenText'),
      staffLabel: t('request.staffLabel'),
      rescheduledTitle: t('request.rescheduledTitle'),
      rescheduledText: (when: string) => t('request.rescheduledText', { when }),
    }),
    [t],
  );
}
