// A user who picks an adapter without installing its driver (an optional peer dependency) is told which package
// to install. Runs the built adapters (dist/) in a plain Node process from a folder where no driver resolves:
// dist/ and package.json are copied there, next to a link to the built core. Needs `pnpm build` first.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const adapters = join(import.meta.dirname, '..');
let app = '';

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'social-shift-no-driver-'));
  const installed = join(app, 'node_modules', '@social-shift', 'adapters');
  mkdirSync(installed, { recursive: true });
  cpSync(join(adapters, 'dist'), join(installed, 'dist'), { recursive: true });
  cpSync(join(adapters, 'package.json'), join(installed, 'package.json'));
  symlinkSync(join(adapters, '..', 'core'), join(app, 'node_modules', '@social-shift', 'core'), 'dir');
});

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

// Without NODE_PATH: pnpm's command shims set it to the workspace's hoisted packages, where every driver is.
const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: '' },
  }).trim();

const tries = `
  const attempt = async (open) => {
    try { await open(); return 'opened'; }
    catch (e) { return [e.name, e.code, e.details?.missingPackage, /npm install [a-z0-9-]+/.exec(e.message)?.[0]].join(' '); }
  };
  const results = [
    await attempt(() => sqliteStorage({ filename: ':memory:' }).open()),
    await attempt(() => pgClient({ connectionString: 'postgres://nobody@127.0.0.1/none' })),
  ];
  console.log(JSON.stringify({ results, memory: memoryStorage().name }));`;

const expected = {
  results: [
    'SocialShiftError STORAGE better-sqlite3 npm install better-sqlite3',
    'SocialShiftError STORAGE pg npm install pg',
  ],
  memory: 'memory',
};

describe('an adapter whose driver is not installed', () => {
  it('precondition: no driver resolves from the folder', () => {
    expect(
      run(
        `for (const d of ['better-sqlite3', 'pg']) { try { require.resolve(d); console.log(d); } catch {} }`,
        'commonjs',
      ),
    ).toBe('');
  });

  it('says which package to install (ESM), and memory storage needs none', () => {
    const out = run(
      `import { sqliteStorage } from '@social-shift/adapters/sqlite';
       import { pgClient } from '@social-shift/adapters/postgres-pg';
       import { memoryStorage } from '@social-shift/adapters/memory';
       ${tries}`,
      'module',
    );
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('says which package to install (CommonJS)', () => {
    const out = run(
      `const { sqliteStorage } = require('@social-shift/adapters/sqlite');
       const { pgClient } = require('@social-shift/adapters/postgres-pg');
       const { memoryStorage } = require('@social-shift/adapters/memory');
       (async () => { ${tries} })();`,
      'commonjs',
    );
    expect(JSON.parse(out)).toEqual(expected);
  });
});
