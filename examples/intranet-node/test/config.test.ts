import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServiceConfig } from '../src/config.js';

/** Runs `src/main.ts` with `env`: its exit code and standard error, or `listening` once it serves (then stopped). */
function startMain(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string } | 'listening'> {
  const work = mkdtempSync(join(tmpdir(), 'social-shift-config-'));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      DATABASE_FILE: join(work, 'db'),
      OUTBOX_DIR: join(work, 'outbox'),
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('listening on')) return;
      child.kill('SIGTERM');
      resolve('listening');
    });
    child.once('exit', (code) => {
      rmSync(work, { recursive: true, force: true });
      resolve({ code, stderr });
    });
  });
}

const secret = { LINK_SECRET: 'a-test-secret-of-at-least-32-bytes!!' };

describe('the service configuration', () => {
  it('reads the environment, with defaults', () => {
    expect(
      readServiceConfig({ ...secret, DIGEST_EVERY_MS: '60000', SMTP_HOST: 'mail', PORT: '8080' }),
    ).toEqual({
      ok: true,
      options: {
        databaseFile: 'social-shift.db',
        organisationId: 'org_intranet',
        linkSecret: secret.LINK_SECRET,
        outboxDir: 'outbox',
        port: 8080,
        digestEveryMs: 60_000,
        smtp: { host: 'mail', port: 25 },
      },
    });
  });

  it.each([
    ['DIGEST_EVERY_MS', '1h'],
    ['DIGEST_EVERY_MS', '0'],
    // 30 days: more than a Node timer holds, which Node would run every millisecond.
    ['DIGEST_EVERY_MS', '2592000000'],
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['SMTP_PORT', '-25'],
  ])(
    'refuses %s=%s, which would be a timer firing every millisecond or a port no server has',
    (name, value) => {
      const config = readServiceConfig({ ...secret, SMTP_HOST: 'mail', [name]: value });
      expect(config).toEqual({ ok: false, problems: [expect.stringContaining(`Set ${name} to`)] });
      if (!config.ok) expect(config.problems[0]).toContain(`(not "${value}")`);
    },
  );

  it('reads TRUSTED_ORIGINS, and refuses one that is no origin (a path, no scheme)', () => {
    const portal = 'https://portal.intranet.example';
    const config = readServiceConfig({ ...secret, TRUSTED_ORIGINS: ` ${portal}, http://wiki:8080,` });
    expect(config.ok && config.options.trustedOrigins).toEqual([portal, 'http://wiki:8080']);
    for (const value of ['https://portal.intranet.example/', 'portal.intranet.example', 'ftp://files']) {
      expect(readServiceConfig({ ...secret, TRUSTED_ORIGINS: value })).toEqual({
        ok: false,
        problems: [expect.stringContaining(`Set TRUSTED_ORIGINS to origins separated by commas`)],
      });
    }
  });

  it('refuses a missing or short LINK_SECRET, and names every problem at once', () => {
    expect(readServiceConfig({ LINK_SECRET: 'short', PORT: 'x' })).toEqual({
      ok: false,
      problems: [expect.stringContaining('LINK_SECRET'), expect.stringContaining('PORT')],
    });
  });

  it('stops the service at start-up, exit code 1, instead of running its digest job every millisecond', async () => {
    const started = await startMain({ ...secret, DIGEST_EVERY_MS: '2592000000' });
    expect(started).toEqual({ code: 1, stderr: expect.stringContaining('Set DIGEST_EVERY_MS to') });
  }, 30_000);
});
