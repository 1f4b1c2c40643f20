import { type ComponentProps, useEffect, useRef, useState } from 'react';
import {
  formatNumericDate,
  formatWallClock,
  numericDatePattern,
  parseNumericDate,
  parseWallClock,
  usesTwelveHourClock,
} from '../../src/shared/business-time';
import { useBusiness } from './business-context';

type TextProps = Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type'>;

/**
 * A text field that shows its value as the business's locale writes it and keeps what the office types while
 * they type: `parse` turns the text into the value ("" while it names none), `format` the value into text.
 */
function LocaleTextInput({
  value,
  onChange,
  parse,
  format,
  ...props
}: TextProps & {
  value: string;
  onChange(value: string): void;
  parse(text: string): string | null;
  format(value: string): string;
}) {
  const [text, setText] = useState(() => (value ? format(value) : ''));
  const latest = useRef({ parse, format });
  latest.current = { parse, format };
  // A value set from outside (a reset, the start date moving the end) shows as the locale writes it; what is
  // being typed and names no value yet ("9:3") stays as typed.
  useEffect(() => {
    const { parse, format } = latest.current;
    setText((current) => (parse(current) === value || value === '' ? current : format(value)));
  }, [value]);
  return (
    <input
      {...props}
      type="text"
      inputMode="text"
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value) ?? '');
      }}
      onBlur={(event) => {
        const parsed = parse(text);
        if (parsed) setText(format(parsed));
        props.onBlur?.(event);
      }}
    />
  );
}

/**
 * A wall-clock time ("HH:MM" inside) in the business's clock: "5:30 PM" for en-US, "17:30" for en-GB. The
 * office may type either way ("17:30", "5:30 pm"). `endOfDay` lets an end be midnight ("24:00").
 */
export function TimeInput({
  endOfDay = false,
  ...props
}: TextProps & { value: string; onChange(value: string): void; endOfDay?: boolean }) {
  const { locale } = useBusiness().settings;
  return (
    <LocaleTextInput
      {...props}
      className={`input-time ${props.className ?? ''}`}
      placeholder={usesTwelveHourClock(locale) ? '9:00 AM' : '09:00'}
      parse={(text) => parseWallClock(text, { endOfDay })}
      format={(time) => formatWallClock(time, locale)}
    />
  );
}

/** A calendar date ("YYYY-MM-DD" inside) typed and shown in the locale's order: 12/09/2026 or 09.12.2026. */
export function DateInput(props: TextProps & { value: string; onChange(value: string): void }) {
  const { locale } = useBusiness().settings;
  return (
    <LocaleTextInput
      {...props}
      className={`input-date ${props.className ?? ''}`}
      placeholder={numericDatePattern(locale)}
      parse={(text) => parseNumericDate(text, locale)}
      format={(date) => formatNumericDate(date, locale)}
    />
  );
}
