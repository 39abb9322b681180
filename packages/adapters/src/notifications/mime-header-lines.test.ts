import { describe, expect, it } from 'vitest';
import { buildMimeMessage } from './smtp-client.js';

const message = {
  from: 'ambassadeurs@example.org',
  to: ['anne@example.org'],
  subject: 'Vandaag: 2 berichten wachten op je',
  text: 'Hoi Anne',
  html: '<p>Hoi Anne</p>',
  messageId: 'digest.2026-11-26.anne@example.org',
};

describe('header lines of the MIME message (RFC 5322 §2.1.1: at most 78 characters SHOULD)', () => {
  it('keeps every header line within 78 characters: the multipart Content-Type is folded before its boundary', () => {
    const mime = buildMimeMessage(message);
    const head = mime.slice(0, mime.indexOf('\r\n\r\n'));
    for (const line of head.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(78);
  });

  it('unfolds to one Content-Type whose boundary separates the text and the HTML part', () => {
    const mime = buildMimeMessage(message);
    // RFC 5322 §2.2.3: unfolding removes each CRLF that comes before white space.
    const head = mime.slice(0, mime.indexOf('\r\n\r\n')).replace(/\r\n(?=[ \t])/g, '');
    const contentType = head.split('\r\n').find((line) => line.startsWith('Content-Type:'));
    const boundary = /^Content-Type: multipart\/alternative;\s+boundary="([^"]+)"$/.exec(
      contentType ?? '',
    )?.[1];
    expect(boundary).toBeDefined();
    const parts = mime.split(`\r\n--${boundary}`).slice(1);
    expect(parts.map((part) => /Content-Type: (\S+);/.exec(part)?.[1])).toEqual([
      'text/plain',
      'text/html',
      undefined,
    ]);
    expect(parts.at(-1)).toBe('--\r\n');
    const body = (part: string | undefined): string =>
      Buffer.from(part?.split('\r\n\r\n')[1] ?? '', 'base64').toString('utf8');
    expect([body(parts[0]), body(parts[1])]).toEqual(['Hoi Anne', '<p>Hoi Anne</p>']);
  });
});
