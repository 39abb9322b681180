/**
 * A command's input as a caller may give it: every array in it may be readonly (`CONSENT_PURPOSES`, a list
 * `as const`, the state of a frozen store), as the SDK reads its input and never changes it.
 */
export type CommandInput<T> = T extends readonly (infer E)[]
  ? readonly CommandInput<E>[]
  : T extends object
    ? { [K in keyof T]: CommandInput<T[K]> }
    : T;
