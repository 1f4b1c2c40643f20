import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changeRefusalWords, durationWords, slotRefusalWords } from '../../src/i18n/refusal-words';
import type { RefusalWords } from '../../src/i18n/words';
import { formatClockWithZone, formatDate } from '../../src/shared/business-time';
import type { PortalBooking } from '../shared/api-types';
import { usePortalSite } from './bootstrap';

const CHANGE_REFUSALS = new Set<string>([
  'reschedule_disabled',
  'cancel_disabled',
  'minimum_notice',
  'reschedule_limit_reached',
  'booking_not_active',
]);
const SLOT_REFUSALS = new Set<string>([
  'minimum_notice',
  'outside_booking_window',
  'outside_working_hours',
  'slot_unavailable',
]);

type Policy = PortalBooking['policy'];
type SlotCode = Parameters<typeof slotRefusalWords>[1];
type ChangeCode = Parameters<typeof changeRefusalWords>[1];

/**
 * The portal's words in the page's language, and its dates and times in the business's locale (in that
 * language): every page and dialog writes through these.
 */
export function usePortalWords() {
  const { t } = useTranslation();
  const { t: refusalsT } = useTranslation('refusals');
  const { dateLocale: locale, language } = usePortalSite();
  return useMemo(() => {
    const tr = refusalsT as unknown as RefusalWords;
    const duration = (minutes: number) => durationWords(tr, minutes);
    /** "Friday, December 4, 2026 at 5:30 PM EST" */
    const when = (iso: string, zone: string) =>
      t('common.when', { date: formatDate(iso, zone, locale), time: formatClockWithZone(iso, zone, locale) });
    /** "New York time"; a zone without a city (UTC) as it is. */
    const zoneName = (zone: string) => {
      const city = zone.includes('/') ? zone.split('/').pop()?.replaceAll('_', ' ') : undefined;
      return city ? t('picker.zoneCity', { city }) : zone;
    };
    /**
     * Why a change was refused, from its code, in the page's language with the business's own advice after
     * it; a code these words do not know keeps the server's message.
     */
    const refusal = (
      code: string | undefined,
      fallback: string | undefined,
      facts: { status: PortalBooking['status']; policy: Policy } | undefined,
      kind: 'change' | 'slot' = 'change',
    ): string | undefined => {
      if (!code) return fallback;
      // Without the booking's rules (a new appointment) the numbers are unknown: English keeps the server's
      // exact sentence, the other languages say it plainly rather than in English.
      if (!facts)
        return language !== 'en' && (SLOT_REFUSALS.has(code) || CHANGE_REFUSALS.has(code))
          ? tr('time_refused')
          : fallback;
      const all = { status: facts.status, ...facts.policy };
      if (SLOT_REFUSALS.has(code) && (kind === 'slot' || !CHANGE_REFUSALS.has(code)))
        return slotRefusalWords(tr, code as SlotCode, all);
      if (CHANGE_REFUSALS.has(code)) return changeRefusalWords(tr, code as ChangeCode, all);
      return fallback;
    };
    return { t, language, locale, duration, when, zoneName, refusal };
  }, [t, refusalsT, locale, language]);
}

export type PortalWords = ReturnType<typeof usePortalWords>;
