/** The fields a PATCH actually gave: an absent field leaves the stored value alone. */
export function givenFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
