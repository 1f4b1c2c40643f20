import { LazySlotPicker } from '../shared/lazy-slot-picker';
import type { SlotPickerProps } from '../shared/slot-picker';
import { errorMessage } from './error-words';
import { Skeleton, Spinner } from './ui-parts';

/** The shared slot picker, loaded on demand, in the portal's words. */
export function SlotPicker(props: Omit<SlotPickerProps, 'describeError'>) {
  return (
    <LazySlotPicker
      describeError={errorMessage}
      {...props}
      fallback={
        <div className="slot-picker" aria-busy="true">
          <p className="muted">
            <Spinner /> Opening the calendar…
          </p>
          <Skeleton height="18rem" />
        </div>
      }
    />
  );
}
