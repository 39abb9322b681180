import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
      readServiceConfig({
        ...secret,
        DIGEST_EVERY_MS: '60000',
        SMTP_HOST: 'mail',
        MAIL_FROM: 'social@acme.example',
        PORT: '8080',
      }),
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
        mailFrom: 'social@acme.example',
      },
    });
  });

  it('refuses SMTP_HOST without MAIL_FROM, which would send digests from intranet.example, and a bad MAIL_FROM', () => {
    expect(readServiceConfig({ ...secret, SMTP_HOST: 'mail' })).toEqual({
      ok: false,
      problems: [expect.stringContaining('Set MAIL_FROM to')],
    });
    for (const value of ['social', 'Social <social@acme.example>', 'sociäl@acme.example']) {
      const config = readServiceConfig({ ...secret, MAIL_FROM: value });
      expect(config).toEqual({ ok: false, problems: [expect.stringContaining(`(not "${value}")`)] });
    }
    expect(readServiceConfig({ ...secret, MAIL_FROM: 'social@acme.example' })).toMatchObject({
      ok: true,
      options: { mailFrom: 'social@acme.example' },
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
      const config = readServiceConfig({
        ...secret,
        SMTP_HOST: 'mail',
        MAIL_FROM: 'social@acme.example',
        [name]: value,
      });
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

  it('reads PUBLIC_URL as the base of links, without a trailing slash', () => {
    for (const [value, publicUrl] of [
      ['https://social.intranet.example', 'https://social.intranet.example'],
      // A slash at the end would make every short link …//s/code, which no route answers.
      ['https://social.intranet.example/', 'https://social.intranet.example'],
      ['HTTPS://Social.Intranet.Example:8443/programme/', 'https://social.intranet.example:8443/programme'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ]) {
      const config = readServiceConfig({ ...secret, PUBLIC_URL: value });
      expect(config.ok && config.options.publicUrl, value).toBe(publicUrl);
    }
  });

  it.each([
    'social.intranet.example',
    '/programme',
    'ftp://files.intranet.example',
    'https://social.intranet.example/?lang=nl',
    'https://social.intranet.example/#offers',
    'https://mira:secret@social.intranet.example',
    'https://',
  ])('refuses PUBLIC_URL=%s, which no link or origin can be built on', (value) => {
    expect(readServiceConfig({ ...secret, PUBLIC_URL: value })).toEqual({
      ok: false,
      problems: [
        `Set PUBLIC_URL to the URL people reach the service at, such as https://social.intranet.example ` +
          `(http or https, without user name, query or #fragment; not "${value}").`,
      ],
    });
  });

  it.each(['my org', 'x'.repeat(65), 'org.acme'])(
    'refuses ORGANISATION_ID=%s, which the SDK would refuse only after the database is opened',
    (value) => {
      expect(readServiceConfig({ ...secret, ORGANISATION_ID: value })).toEqual({
        ok: false,
        problems: [
          `Set ORGANISATION_ID to the organisation's id: 1 to 64 letters, digits, "_" or "-" (not "${value}").`,
        ],
      });
    },
  );

  it('refuses a DATABASE_FILE in a folder that does not exist, or that is a folder, naming the setting', () => {
    const work = mkdtempSync(join(tmpdir(), 'social-shift-config-'));
    try {
      for (const value of [join(work, 'missing', 'programme.db'), work]) {
        expect(readServiceConfig({ ...secret, DATABASE_FILE: value })).toEqual({
          ok: false,
          problems: [
            `Set DATABASE_FILE to a file in a folder that exists (the service creates the file, not its folder; not "${value}").`,
          ],
        });
      }
      const config = readServiceConfig({ ...secret, DATABASE_FILE: join(work, 'programme.db') });
      expect(config.ok && config.options.databaseFile).toBe(join(work, 'programme.db'));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('refuses a DATABASE_FILE whose folder is a file, or whose name is too long, instead of throwing', () => {
    const work = mkdtempSync(join(tmpdir(), 'social-shift-config-'));
    try {
      writeFileSync(join(work, 'afile'), '');
      // ENOTDIR and ENAMETOOLONG from the file system: the setting is named all the same.
      for (const value of [
        join(work, 'afile', 'programme.db'),
        join(work, 'x'.repeat(300), 'programme.db'),
      ]) {
        expect(readServiceConfig({ ...secret, DATABASE_FILE: value })).toEqual({
          ok: false,
          problems: [
            `Set DATABASE_FILE to a file in a folder that exists (the service creates the file, not its folder; not "${value}").`,
          ],
        });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('refuses SMTP_PORT without SMTP_HOST, which would send no mail without a word', () => {
    expect(readServiceConfig({ ...secret, SMTP_PORT: '587' })).toEqual({
      ok: false,
      problems: ['Set SMTP_HOST too: SMTP_PORT alone sends no mail (or leave SMTP_PORT out).'],
    });
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

  it('stops the service at start-up, exit code 1, on a PUBLIC_URL that is no URL', async () => {
    const started = await startMain({ ...secret, PUBLIC_URL: 'social.intranet.example' });
    expect(started).toEqual({ code: 1, stderr: expect.stringContaining('Set PUBLIC_URL to') });
  }, 30_000);
});
