import { queryOptions } from '@tanstack/react-query';
import type { SlotAnswer } from './api-types';

/**
 * Where a slot picker gets a range of free times (the portal's reschedule or booking times, the office's
 * availability): one key prefix per source, so invalidating it after a time was taken refreshes every month shown.
 */
export interface SlotSource {
  key: readonly unknown[];
  load(from: string, to: string): Promise<SlotAnswer>;
}

export const slotsQuery = (source: SlotSource, from: string, to: string) =>
  queryOptions({
    queryKey: [...source.key, from, to],
    queryFn: () => source.load(from, to),
    // Free times change as others book: asked again each time a month is shown anew.
    staleTime: 0,
  });
