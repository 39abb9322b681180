import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The install commands the docs give for a driver (an optional peer dependency) must name a version in the range the
// adapters support: `pnpm add better-sqlite3` installed better-sqlite3 13, `pnpm add postgres` postgres.js 4 and
// `pnpm add @electric-sql/pglite` PGlite 0.6, each outside that range (pnpm only warns).
const repo = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'packages/adapters/package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
};
const pages = [
  // The package's own README is its page on npm, the first one a user reads.
  'packages/adapters/README.md',
  'docs/getting-started/intranet-node.md',
  'docs/storage/sqlite.md',
  'docs/storage/postgres.md',
  'docs/storage/indexeddb.md',
];
const drivers = ['better-sqlite3', 'pg', 'postgres', '@electric-sql/pglite'];

const parts = (version: string) => version.split('.').map(Number);
/** Whether `given` (`12`, `0.5`, `8.23.1`) lies in `>=a.b.c <x.y.z`, its missing parts read as 0. */
function inRange(given: string, range: string): boolean {
  const [, low, high] = /^>=([\d.]+) <([\d.]+)$/.exec(range) ?? [];
  if (!low || !high) throw new Error(`unexpected range ${range}`);
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const lowParts = parts(low).slice(0, parts(given).length);
  return compare(parts(given), lowParts) >= 0 && compare(parts(given), parts(high)) < 0;
}

/** Every driver a `npm install` / `npm i` / `pnpm add` command of the page installs, with the version it names. */
function installs(text: string): { command: string; name: string; version: string | undefined }[] {
  const found: { command: string; name: string; version: string | undefined }[] = [];
  for (const [command] of text.matchAll(/(?:npm install|npm i|pnpm add)(?: [^\s`|]+)+/g)) {
    for (const word of command.split(' ').slice(2)) {
      const at = word.lastIndexOf('@');
      const [name, version] = at > 0 ? [word.slice(0, at), word.slice(at + 1)] : [word, undefined];
      if (drivers.includes(name)) found.push({ command, name, version });
    }
  }
  return found;
}

describe('the install commands of the drivers in the docs', () => {
  it.each(pages)('%s names a version of each driver that the adapters support', (page) => {
    const text = readFileSync(join(repo, page), 'utf8');
    for (const { command, name, version } of installs(text)) {
      const range = pkg.peerDependencies[name]!;
      expect(
        version,
        `${page}: \`${command}\` installs the newest ${name}, not one in ${range}`,
      ).toBeDefined();
      expect(inRange(version!, range), `${page}: ${name}@${version} is outside ${range}`).toBe(true);
    }
  });

  it('finds the commands it checks', () => {
    expect(installs('`pnpm add pg` and `npm install -D @types/pg better-sqlite3@12`')).toEqual([
      { command: 'pnpm add pg', name: 'pg', version: undefined },
      { command: 'npm install -D @types/pg better-sqlite3@12', name: 'better-sqlite3', version: '12' },
    ]);
    expect(inRange('12', '>=12.0.0 <13.0.0')).toBe(true);
    expect(inRange('13', '>=12.0.0 <13.0.0')).toBe(false);
    expect(inRange('0.5', '>=0.5.0 <0.6.0')).toBe(true);
    expect(inRange('0.6', '>=0.5.0 <0.6.0')).toBe(false);
  });
});
