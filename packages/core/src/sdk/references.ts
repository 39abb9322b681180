// Finds where a person is named in stored data: any string value equal to their id, at any depth. Ids are opaque
// and unique, so an equal string is a reference (a creator, a publisher, a member, an approver, an actor…).

/** How many values a reference search walks in one record before it stops (records are bounded far below). */
const MAX_VALUES = 200_000;

/**
 * Whether `value` holds the string `id` anywhere (object values and array items, at any depth), walked without
 * recursion.
 *
 * @example
 * ```ts
 * mentions({ audience: { personIds: ['person_7'] } }, 'person_7'); // true
 * ```
 */
export function mentions(value: unknown, id: string): boolean {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_VALUES) {
    const node = stack.pop();
    if (node === id) return true;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) stack.push(...node);
    else stack.push(...Object.values(node as Record<string, unknown>));
  }
  return false;
}
