/**
 * The value of `record`'s own property `key`, or `undefined`: for objects indexed by ids or names from the data,
 * so that an id such as `constructor` or `__proto__` is not looked up on Object.prototype.
 *
 * @example
 * ```ts
 * ownValue({ care: 0.9 }, 'constructor'); // undefined
 * ```
 */
export const ownValue = (record: object | null | undefined, key: string): unknown =>
  record != null && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
