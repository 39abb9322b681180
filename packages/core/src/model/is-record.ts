/** True for an object that is neither `null` nor an array: what a JSON object parses to. */
export const isRecord = <T>(value: T): value is T & Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
