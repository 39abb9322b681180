// A service that cannot start says so. On a port that is taken, `startService` rejects, with the database closed
// again, instead of an 'error' event that ends the process it is embedded in; `pnpm start` then stops, there and on a
// database file that is no SQLite database, with one line that names the setting, as for a bad setting.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ServiceOptions, startService } from '../src/service.js';
import { afterThisTest, temporaryDirectory } from './kiwi.test-support.js';

/** The files under `dir` this process holds open. */
function openFilesIn(dir: string): string[] {
  const files: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) files.push(target);
    } catch {
      // closed meanwhile
    }
  }
  return files;
}

/** A port on 127.0.0.1 that something else listens on. */
async function aTakenPort(): Promise<number> {
  const other = createServer();
  other.listen(0, '127.0.0.1');
  await once(other, 'listening');
  afterThisTest(() => other.close());
  const address = other.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A port on 127.0.0.1 that nothing listens on now. */
async function aFreePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Whether something listens on `port` on 127.0.0.1: listening there again fails then. */
async function taken(port: number): Promise<boolean> {
  const probe = createServer();
  probe.listen(port, '127.0.0.1');
  const listened = await Promise.race([
    once(probe, 'listening').then(() => true),
    once(probe, 'error').then(() => false),
  ]);
  if (listened) await new Promise((resolve) => probe.close(resolve));
  return !listened;
}

function options(work: string, more: Partial<ServiceOptions> = {}): ServiceOptions {
  return {
    databaseFile: join(work, 'programme.db'),
    organisationId: 'org_intranet',
    linkSecret: 'a-test-secret-of-at-least-32-bytes!!',
    outboxDir: join(work, 'outbox'),
    ...more,
  };
}

/** Runs `src/main.ts` with `env` until it exits: its exit code and standard error. */
async function main(
  env: Record<string, string>,
  preload: string[] = [],
): Promise<{ code: number | null; stderr: string }> {
  const args = ['--conditions=source', ...preload.flatMap((file) => ['--require', file]), '--import', 'tsx'];
  const child = spawn(process.execPath, [...args, 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, LINK_SECRET: 'a-test-secret-of-at-least-32-bytes!!', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('listening on')) child.kill('SIGTERM');
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('a service that cannot start', () => {
  it('rejects when its port is taken, and closes the database it opened', async () => {
    const work = temporaryDirectory('social-shift-start-');
    const port = await aTakenPort();
    await expect(startService(options(work, { port }))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(openFilesIn(work)).toEqual([]);
    // The same file serves once the port is free.
    const service = await startService(options(work));
    await service.close();
  });

  it('rejects a file that is no SQLite database, and closes it again, for the process it is embedded in', async () => {
    const work = temporaryDirectory('social-shift-start-');
    const port = await aFreePort();
    writeFileSync(join(work, 'programme.db'), 'notes, not a database\n'.repeat(200));
    await expect(startService(options(work, { port }))).rejects.toMatchObject({ code: 'STORAGE' });
    expect(openFilesIn(work)).toEqual([]);
    expect(await taken(port)).toBe(false);
  });

  it('stops `pnpm start` with exit code 1 and one line naming the setting, without a stack trace', async () => {
    const work = temporaryDirectory('social-shift-start-');
    const database = { DATABASE_FILE: join(work, 'programme.db'), OUTBOX_DIR: join(work, 'outbox') };
    const taken = await main({ ...database, PORT: String(await aTakenPort()) });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^Set PORT to a free port/);
    expect(taken.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(database.DATABASE_FILE, 'notes, not a database\n'.repeat(200));
    const notADatabase = await main(database);
    expect(notADatabase.code).toBe(1);
    expect(notADatabase.stderr).toMatch(/^Set DATABASE_FILE to .*file is not a database/);
    expect(notADatabase.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it.each([
    ['a link secret that is too short', { linkSecret: 'short' }],
    ['an organisation id that is no id', { organisationId: 'org acme' }],
  ])(
    'rejects %s with the database and the port closed, for the process it is embedded in',
    async (_, bad) => {
      const work = temporaryDirectory('social-shift-start-');
      const port = await aFreePort();
      await expect(startService(options(work, { ...bad, port }))).rejects.toMatchObject({
        code: 'VALIDATION',
      });
      expect(openFilesIn(work)).toEqual([]);
      expect(await taken(port)).toBe(false);
    },
  );

  it('stops `pnpm start` with one line that says to build better-sqlite3 when its addon was never built', async () => {
    // pnpm 10 runs no dependency's install script unless allowed: better-sqlite3 is there, its addon is not, and its
    // own error is "Could not locate the bindings file" with a dozen paths, which says nothing of what to do.
    const work = temporaryDirectory('social-shift-start-');
    const unbuilt = join(import.meta.dirname, 'unbuilt-better-sqlite3.cjs');
    const started = await main(
      { DATABASE_FILE: join(work, 'programme.db'), OUTBOX_DIR: join(work, 'outbox') },
      [unbuilt],
    );
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/^Build better-sqlite3's native addon, .*`npm rebuild better-sqlite3`/);
    expect(started.stderr).toContain('pnpm approve-builds');
    expect(started.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('rejects on an outbox folder it cannot make, with the database and the port closed; `pnpm start` names OUTBOX_DIR', async () => {
    const work = temporaryDirectory('social-shift-start-');
    const file = join(work, 'notes.txt');
    writeFileSync(file, 'a file, not a folder\n');
    const outboxDir = join(file, 'outbox');
    const port = await aFreePort();
    await expect(startService(options(work, { outboxDir, port }))).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(openFilesIn(work)).toEqual([]);
    expect(await taken(port)).toBe(false);
    const started = await main({ DATABASE_FILE: join(work, 'programme.db'), OUTBOX_DIR: outboxDir });
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/^Set OUTBOX_DIR to a folder /);
    expect(started.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
