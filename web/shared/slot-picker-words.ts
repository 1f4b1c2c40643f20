/**
 * Everything the slot picker says, so each app words it in its own voice and language: the portal from its
 * message catalogue (in the customer's language), the office in English (OFFICE_WORDS). `mode` is the
 * answer's: in working-hours mode the times are the business's hours, not free times, and are named so.
 */
export type SlotMode = 'real_time' | 'working_hours';

export interface SlotPickerWords {
  checking: string;
  /** The day's heading before a day is chosen, and the time list's name. */
  times(mode: SlotMode | undefined): string;
  legend(mode: SlotMode | undefined): string;
  legendCurrent: string;
  timesIn(zoneName: string, abbreviation: string): string;
  /** Said when each time also shows on the customer's clock. */
  alsoTheirs(zoneName: string): string;
  zoneName(zone: string): string;
  workingHours: string;
  loadFailed: string;
  tryAgain: string;
  noneThisMonth: string;
  nextFree(date: string): string;
  show(date: string): string;
  lookingAhead: string;
  nothingAhead: string;
  chooseDay: string;
  emptyDay: string;
  conflictsAllowed: string;
  timeCount(count: number): string;
  timesOn(date: string, mode: SlotMode | undefined): string;
  partsOfDay: { morning: string; afternoon: string; evening: string };
  currentTag: string;
  current: string;
  currentTime: string;
  selected: string;
  noFreeTimes: string;
  nextMonth: string;
  previousMonth: string;
}

/**
 * The office's words (the admin app is in English), as they were: the office knows working-hours mode from
 * its "allow a conflict" wording, so its times keep the name "Free times".
 */
export const OFFICE_WORDS: SlotPickerWords = {
  checking: 'Checking free times…',
  times: () => 'Free times',
  legend: () => 'Free times',
  legendCurrent: 'Now',
  timesIn: (zoneName, abbreviation) => `Times are in ${zoneName} (${abbreviation}).`,
  alsoTheirs: (zoneName) => `Under each time: the customer's (${zoneName}).`,
  zoneName: (zone) => {
    const city = zone.includes('/') ? zone.split('/').pop()?.replaceAll('_', ' ') : undefined;
    return city ? `${city} time` : zone;
  },
  workingHours: 'Conflicts are not checked: these are the working hours.',
  loadFailed: 'We could not load the free times.',
  tryAgain: 'Try again',
  noneThisMonth: 'No free times this month',
  nextFree: (date) => `The next free time is on ${date}.`,
  show: (date) => `Show ${date}`,
  lookingAhead: 'Looking for the next free day…',
  nothingAhead: 'No free times in the next two months either. Allow a conflict to book a time anyway.',
  chooseDay: 'Choose a highlighted day to see its free times.',
  emptyDay: 'No free times this day. Choose a highlighted day, or allow a conflict below.',
  conflictsAllowed: 'Conflicts allowed: type the start time below.',
  timeCount: (count) => (count === 1 ? '1 time available' : `${count} times available`),
  timesOn: (date) => `Free times on ${date}`,
  partsOfDay: { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' },
  currentTag: 'Current',
  current: 'the booking’s current day',
  currentTime: 'the booking’s current time',
  selected: 'selected',
  noFreeTimes: 'no free times',
  nextMonth: 'Next month',
  previousMonth: 'Previous month',
};
