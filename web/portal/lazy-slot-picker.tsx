import { useMemo } from 'react';
import { LazySlotPicker } from '../shared/lazy-slot-picker';
import type { SlotPickerProps } from '../shared/slot-picker';
import type { SlotPickerWords } from '../shared/slot-picker-words';
import { errorMessage } from './error-words';
import { usePortalWords } from './portal-words';
import { Skeleton, Spinner } from './ui-parts';

/** The shared slot picker, loaded on demand, in the portal's words and the page's language. */
export function SlotPicker(props: Omit<SlotPickerProps, 'describeError' | 'words' | 'locale'>) {
  const portalWords = usePortalWords();
  const { t, locale } = portalWords;
  const words = useMemo<SlotPickerWords>(
    () => ({
      checking: t('picker.checking'),
      times: (mode) => (mode === 'working_hours' ? t('picker.times') : t('picker.freeTimes')),
      legend: (mode) => (mode === 'working_hours' ? t('picker.legendWorking') : t('picker.legendFree')),
      legendCurrent: t('picker.legendCurrent'),
      timesIn: (zone, abbreviation) => t('picker.timesIn', { zone, abbreviation }),
      alsoTheirs: (zone) => t('picker.alsoTheirs', { zone }),
      zoneName: portalWords.zoneName,
      workingHours: t('picker.workingHours'),
      loadFailed: t('picker.loadFailed'),
      tryAgain: t('common.tryAgain'),
      noneThisMonth: t('picker.noneThisMonth'),
      nextFree: (date) => t('picker.nextFree', { date }),
      show: (date) => t('picker.show', { date }),
      lookingAhead: t('picker.lookingAhead'),
      nothingAhead: t('picker.nothingAhead'),
      chooseDay: t('picker.chooseDay'),
      emptyDay: t('picker.chooseDay'),
      conflictsAllowed: '',
      timeCount: (count) => t('picker.timeCount', { count }),
      timesOn: (date, mode) =>
        mode === 'working_hours' ? t('picker.timesOn', { date }) : t('picker.freeOn', { date }),
      partsOfDay: {
        morning: t('picker.morning'),
        afternoon: t('picker.afternoon'),
        evening: t('picker.evening'),
      },
      currentTag: t('picker.currentTag'),
      current: t('picker.currentBooking'),
      currentTime: t('picker.currentTime'),
      selected: t('picker.selected'),
      noFreeTimes: t('picker.noFreeTimes'),
      nextMonth: t('picker.nextMonth'),
      previousMonth: t('picker.previousMonth'),
    }),
    [t, portalWords.zoneName],
  );
  return (
    <LazySlotPicker
      describeError={(error) => errorMessage(error, portalWords)}
      words={words}
      locale={locale}
      {...props}
      fallback={
        <div className="slot-picker" aria-busy="true">
          <p className="muted">
            <Spinner /> {t('picker.opening')}
          </p>
          <Skeleton height="18rem" />
        </div>
      }
    />
  );
}
