/**
 * A pluggable shortener: turns a tracked URL into a short one and back. The tracker verifies the signature of
 * whatever the shortener expands to, so a shortener never has to be trusted with attribution.
 */
export interface LinkShortener {
  /** Returns a short URL that stands for `trackedUrl`. Called once per tracked link. */
  shorten(trackedUrl: string): Promise<string>;
  /** The tracked URL behind a short code or short URL; `undefined` when unknown. */
  expand(codeOrUrl: string): Promise<string | undefined>;
}

/** Options of {@link createMemoryShortener}. */
export interface MemoryShortenerOptions {
  /** Where short links live, e.g. `https://go.example.org/s`; the code is appended after a `/`. */
  readonly baseUrl: string;
  /** Characters per code; default 10 (about 59 bits from `crypto.getRandomValues`). */
  readonly codeLength?: number;
}

const CODE_ALPHABET = '23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_PATTERN = /^[2-9a-km-zA-HJ-NP-Z]{4,32}$/;

/**
 * A shortener that keeps codes in memory: for tests, demos and single-process services. A durable service
 * implements {@link LinkShortener} over its own store.
 *
 * @example
 * ```ts
 * const shortener = createMemoryShortener({ baseUrl: 'https://go.example.org/s' });
 * const tracker = createLinkTracker({ secret, shortener });
 * ```
 */
export function createMemoryShortener(options: MemoryShortenerOptions): LinkShortener {
  const base = options.baseUrl.replace(/\/+$/, '');
  const length = options.codeLength ?? 10;
  const byCode = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const newCode = (): string => {
    const bytes = new Uint8Array(length);
    globalThis.crypto.getRandomValues(bytes);
    let code = '';
    for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    return code;
  };
  return {
    async shorten(trackedUrl) {
      let code = byUrl.get(trackedUrl);
      if (code === undefined) {
        do code = newCode();
        while (byCode.has(code));
        byCode.set(code, trackedUrl);
        byUrl.set(trackedUrl, code);
      }
      return `${base}/${code}`;
    },
    async expand(codeOrUrl) {
      const code = codeOrUrl.startsWith(`${base}/`) ? codeOrUrl.slice(base.length + 1) : codeOrUrl;
      if (!CODE_PATTERN.test(code)) return undefined;
      return byCode.get(code);
    },
  };
}
