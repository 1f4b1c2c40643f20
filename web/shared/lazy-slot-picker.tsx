import { lazy, type ReactNode, Suspense } from 'react';
import type { SlotPickerProps } from './slot-picker';

const Loaded = lazy(() => import('./slot-picker').then((module) => ({ default: module.SlotPicker })));

/**
 * The calendar (react-day-picker) loads when someone starts choosing a time, not with the page: a customer
 * arriving from an email on a slow phone waits only for what the page itself shows, and the office's first
 * load stays small. `fallback` is the app's own "opening the calendar" placeholder.
 */
export function LazySlotPicker({ fallback, ...props }: SlotPickerProps & { fallback: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <Loaded {...props} />
    </Suspense>
  );
}
