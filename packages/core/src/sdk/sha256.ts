// SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, synchronously, in plain TypeScript. The idempotency records
// of commands use it for their ids and input fingerprints: Web Crypto's `crypto.subtle.digest` gives the same
// digest but only asynchronously (a hop to a thread pool per call), which cost a fifth of the CPU of a share
// command for inputs of about a hundred bytes. Not for secrets: the link tracker keeps using Web Crypto's HMAC.

/**
 * The first 32 bits of the fractional part of the `n`-th root of `prime`, exactly: the integer `n`-th root of
 * `prime · 2^(32n)` (bit by bit, on BigInt), whose low 32 bits are those of the root's fraction.
 */
const rootFraction = (prime: number, n: bigint): number => {
  const scaled = BigInt(prime) << (32n * n);
  let root = 0n;
  for (let bit = 40n; bit >= 0n; bit--) if ((root | (1n << bit)) ** n <= scaled) root |= 1n << bit;
  return Number(root & 0xffffffffn);
};

let constants: { readonly k: Uint32Array; readonly initial: readonly number[] } | undefined;

/**
 * SHA-256's constants as FIPS 180-4 defines them (§4.2.2, §5.3.3): from the cube roots of the first 64 primes
 * (`k`) and the square roots of the first 8 (`initial`). Derived on first use instead of written out: 72 numbers
 * of random digits weighed about 0.3 KB of the SDK's gzipped bundle, and Node never runs this code.
 */
export function sha256Constants(): { readonly k: Uint32Array; readonly initial: readonly number[] } {
  if (constants) return constants;
  const primes: number[] = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  constants = {
    k: Uint32Array.from(primes, (p) => rootFraction(p, 3n)),
    initial: primes.slice(0, 8).map((p) => rootFraction(p, 2n)),
  };
  return constants;
}
const encoder = new TextEncoder();
const w = new Uint32Array(64);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

interface NodeCrypto {
  /** One-shot digest (Node 20.12 and later): about a third of the cost of `createHash` for short inputs. */
  hash?(algorithm: 'sha256', text: string, encoding: 'hex'): string;
}
// Node's own hash when the runtime offers it without an import (`process.getBuiltinModule`, Node 20.16 and later,
// which all have `crypto.hash`): about five times cheaper than the portable code below, which browsers and other
// runtimes use (also one that offers the module without `hash`).
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/**
 * SHA-256 of the UTF-8 encoding of `text`, as lower-case hex; the same digest as Web Crypto's.
 *
 * @example
 * ```ts
 * sha256HexSync('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export const sha256HexSync = (text: string): string =>
  nodeCrypto?.hash ? nodeCrypto.hash('sha256', text, 'hex') : sha256HexPortable(text);

/** {@link sha256HexSync} in plain TypeScript, for runtimes without Node's `crypto`. */
export function sha256HexPortable(text: string): string {
  const bytes = encoder.encode(text);
  const length = bytes.length;
  // The message, a 1 bit, zeros, and the length in bits as 64 bits: a whole number of 64-byte blocks.
  const blocks = Math.ceil((length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  const { k, initial } = sha256Constants();
  const h = initial.slice();
  for (let block = 0; block < blocks; block++) {
    // The working variables a…h as locals (a list that drops h and puts the new a in front each round took 1.6 to 2
    // times as long): each round shifts them down one, so the new a is worked out from the old a, b, c, now b, c, d.
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      if (t < 16) w[t] = view.getUint32(block * 64 + t * 4);
      else {
        const x = w[t - 15] as number;
        const y = w[t - 2] as number;
        w[t] =
          ((w[t - 16] as number) +
            (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) +
            (w[t - 7] as number) +
            (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) |
          0;
      }
      const t1 =
        (hh +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          (k[t] as number) +
          (w[t] as number)) |
        0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d))) | 0;
    }
    const v = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (v[i] as number)) | 0;
  }
  let hex = '';
  for (const word of h) hex += (word >>> 0).toString(16).padStart(8, '0');
  return hex;
}
