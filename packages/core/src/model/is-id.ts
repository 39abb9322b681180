/** Whether `value` is an id as `IdSchema` accepts it: its fast path, without zod (the schema words a refusal). */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
