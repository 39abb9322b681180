/** Orders two strings by UTF-16 code units (as `<` does), for `sort`: -1, 0 or 1. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
