import { describe, expect, it } from 'vitest';
import { buildMimeMessage } from './smtp-client.js';

/** The decoded bodies of the message's base64 parts, in order. */
function decodedParts(mime: string): string[] {
  const boundary = /boundary="([^"]+)"/.exec(mime)?.[1] ?? '';
  return mime
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => Buffer.from(part.split('\r\n\r\n')[1] ?? '', 'base64').toString('utf8'));
}

describe('line breaks in the text and HTML parts (RFC 2046 §4.1.1: CRLF only)', () => {
  it('writes a lone CR, a lone LF and CRLF alike as CRLF, so no bare CR or LF is left in a text part', () => {
    const mime = buildMimeMessage({
      from: 'a@example.org',
      to: ['b@example.org'],
      subject: 's',
      text: 'een\rtwee\ndrie\r\nvier\r\rvijf',
      html: '<p>een\rtwee</p>',
    });
    expect(decodedParts(mime)).toEqual(['een\r\ntwee\r\ndrie\r\nvier\r\n\r\nvijf', '<p>een\r\ntwee</p>']);
    expect(mime).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  });
});
