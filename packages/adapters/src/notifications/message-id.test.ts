import { describe, expect, it } from 'vitest';
import { createEmailDigestSender } from './email-digest-sender.js';
import { hostileDigest } from './fixtures.test-support.js';
import { buildMimeMessage } from './smtp-client.js';
import { accepting, scriptedSmtp } from './smtp-scripted.test-support.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };
const header = (mime: string, name: string): string | undefined =>
  new RegExp(`^${name}: (.*)\\r$`, 'm').exec(mime)?.[1];

describe('the Message-ID header (RFC 5322 §3.6.4), injected', () => {
  it('writes the given id in angle brackets, the same each time: a repeat of a digest can be recognised', () => {
    const id = 'digest.2026-11-26.anne@intranet.example.org';
    expect(header(buildMimeMessage({ ...message, messageId: id }), 'Message-ID')).toBe(`<${id}>`);
    expect(buildMimeMessage({ ...message, messageId: id, date: new Date(0) })).toContain(
      `Message-ID: <${id}>\r\n`,
    );
  });

  it('still makes a random one at the sender’s domain when none is given', () => {
    expect(header(buildMimeMessage(message), 'Message-ID')).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
  });

  it.each([
    ['a line break (header injection)', 'x@example.org\r\nBcc: victim@example.org'],
    ['angle brackets', '<x@example.org>'],
    ['no @', 'digest-1'],
    ['a space', 'digest 1@example.org'],
    ['non-ASCII', 'zoë@example.org'],
    ['a non-string', 42],
    ['too long', `${'x'.repeat(250)}@example.org`],
  ])('refuses an id with %s with VALIDATION naming messageId', (_, messageId) => {
    expect(() => buildMimeMessage({ ...message, messageId: messageId as string })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { issues: [expect.objectContaining({ path: ['messageId'] })] },
      }),
    );
  });
});

describe('createEmailDigestSender: Date and Message-ID given per send', () => {
  it('sends the given date and id, so a retry of the same digest carries the same Message-ID', async () => {
    const server = await scriptedSmtp(accepting);
    const mail = createEmailDigestSender({
      smtp: { host: '127.0.0.1', port: server.port, timeoutMs: 2000 },
      from: 'ambassadeurs@example.org',
    });
    const date = new Date('2026-11-26T07:00:00.000Z');
    await mail.send('anne@example.org', hostileDigest(), { date, messageId: 'digest-42@example.org' });
    const [sent = ''] = server.data;
    expect(header(sent, 'Message-ID')).toBe('<digest-42@example.org>');
    expect(header(sent, 'Date')).toBe('Thu, 26 Nov 2026 07:00:00 +0000');
  });

  it('refuses send options that are not an object with VALIDATION, before connecting', async () => {
    const mail = createEmailDigestSender({ smtp: { host: '127.0.0.1', port: 1 }, from: 'a@example.org' });
    await expect(
      mail.send('anne@example.org', hostileDigest(), 'digest-42@example.org' as never),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['options'] }] } });
  });
});
