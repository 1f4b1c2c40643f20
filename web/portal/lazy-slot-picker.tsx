import { type ComponentProps, lazy, Suspense } from 'react';
import type { SlotPicker as Picker } from './slot-picker';
import { Skeleton, Spinner } from './ui-parts';

const Loaded = lazy(() => import('./slot-picker').then((module) => ({ default: module.SlotPicker })));

/**
 * The calendar (react-day-picker) loads when a customer starts choosing a time, not with the booking page:
 * a customer arriving from an email on a slow phone waits only for what the page itself shows.
 */
export function SlotPicker(props: ComponentProps<typeof Picker>) {
  return (
    <Suspense
      fallback={
        <div className="slot-picker" aria-busy="true">
          <p className="muted">
            <Spinner /> Opening the calendar…
          </p>
          <Skeleton height="18rem" />
        </div>
      }
    >
      <Loaded {...props} />
    </Suspense>
  );
}
