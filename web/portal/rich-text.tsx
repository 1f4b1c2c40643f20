import { Fragment, type ReactNode } from 'react';

/**
 * A catalogue sentence with a few marked words (`<strong>…</strong>`, `<tel>…</tel>`) as React elements.
 * The sentence is translated with placeholder marks in place of the values, and the values go back in as
 * text afterwards, so nothing a customer or the business typed (a service called "<b>") is ever read as a tag.
 * (react-i18next's Trans does this too, but with an HTML parser the booking page's budget has no room for.)
 */
const MARK = '\u0000';

export const marks = <const K extends string>(names: readonly K[]): { [P in K]: string } =>
  Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`])) as { [P in K]: string };

function withValues(text: string, values: Record<string, string>): ReactNode[] {
  return text.split(MARK).map((piece, index) => (index % 2 === 1 ? (values[piece] ?? '') : piece));
}

export function RichText({
  text,
  values,
  tags,
}: {
  text: string;
  values: Record<string, string>;
  tags: Record<string, (children: ReactNode) => ReactNode>;
}) {
  const parts: ReactNode[] = [];
  const pattern = /<(\w+)>([\s\S]*?)<\/\1>/g;
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const [whole, name = '', inner = ''] = match;
    parts.push(...withValues(text.slice(from, match.index), values));
    const render = tags[name];
    parts.push(render ? render(withValues(inner, values)) : withValues(inner, values));
    from = match.index + whole.length;
  }
  parts.push(...withValues(text.slice(from), values));
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed sentence, in order
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
}
