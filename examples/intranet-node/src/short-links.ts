// A durable link shortener for the SDK's link tracker, in the service's own SQLite database: short links on the
// intranet's domain (`https://intranet.example/s/Ab3dE…`) that survive a restart. The tracker signs every link,
// so this table is never trusted with attribution: it only maps a code to the signed, tracked URL.
import type { LinkShortener } from '@social-shift/core/links';
import type { Database } from 'better-sqlite3';
import { outsideTransactions } from './own-writes.js';

const ALPHABET = '23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE = /^[2-9a-km-zA-HJ-NP-Z]{10}$/;

/** Creates the shortener over `database`, making its table when missing. `baseUrl` ends without a slash. */
export function sqliteShortener(database: Database, baseUrl: string): LinkShortener {
  database.exec(
    'CREATE TABLE IF NOT EXISTS intranet_short_links (code TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE)',
  );
  const byUrl = database.prepare<[string], { code: string }>(
    'SELECT code FROM intranet_short_links WHERE url = ?',
  );
  const byCode = database.prepare<[string], { url: string }>(
    'SELECT url FROM intranet_short_links WHERE code = ?',
  );
  const insert = database.prepare<[string, string]>(
    'INSERT INTO intranet_short_links (code, url) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  // Ten characters, all equally likely: a byte from `fair` up is drawn again, since 256 is no multiple of
  // the alphabet's 56 and `byte % 56` would make its first 32 characters likelier.
  const fair = 256 - (256 % ALPHABET.length);
  const newCode = (): string => {
    let code = '';
    const bytes = new Uint8Array(16);
    while (code.length < 10) {
      globalThis.crypto.getRandomValues(bytes);
      for (const byte of bytes) if (byte < fair && code.length < 10) code += ALPHABET[byte % ALPHABET.length];
    }
    return code;
  };
  return {
    async shorten(trackedUrl) {
      // Not inside a transaction of the SDK's that may still roll back (own-writes.ts).
      await outsideTransactions(database);
      let code = byUrl.get(trackedUrl)?.code;
      while (code === undefined) {
        insert.run(newCode(), trackedUrl);
        code = byUrl.get(trackedUrl)?.code;
      }
      return `${baseUrl}/s/${code}`;
    },
    async expand(codeOrUrl) {
      const code = codeOrUrl.startsWith(`${baseUrl}/s/`) ? codeOrUrl.slice(baseUrl.length + 3) : codeOrUrl;
      return CODE.test(code) ? byCode.get(code)?.url : undefined;
    },
  };
}
