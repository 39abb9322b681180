import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildMimeMessage } from './smtp-client.js';

/** The Subject header of a built message, with its folded lines. */
function subjectLines(subject: string): string[] {
  const mime = buildMimeMessage({
    from: 'a@example.org',
    to: ['b@example.org'],
    subject,
    text: 'x',
    html: 'x',
  });
  const headers = mime.split('\r\n\r\n', 1)[0] ?? '';
  const folded = /^Subject: .*(?:\r\n .*)*/m.exec(headers)?.[0] ?? '';
  return folded.split('\r\n');
}

const decode = (lines: string[]): string =>
  lines
    .map((line, i) => (i === 0 ? line.slice('Subject: '.length) : line.slice(1)))
    .map((word) => {
      const encoded = /^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1];
      return encoded === undefined ? word : Buffer.from(encoded, 'base64').toString('utf8');
    })
    .join('');

describe('the Subject header', () => {
  it('keeps every line with an encoded word within RFC 2047’s 76 characters, the first one included', () => {
    const lines = subjectLines('Deze week: '.repeat(300));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    expect(decode(lines)).toBe('Deze week: '.repeat(300));
  });

  test.prop(
    [fc.string({ unit: fc.constantFrom('a', ' ', 'é', '€', '😀', '👨‍👩‍👧', '?', '='), maxLength: 400 })],
    {
      numRuns: 200,
    },
  )('is folded into lines of at most 76 characters that decode back to the subject', (subject) => {
    const lines = subjectLines(subject);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    expect(decode(lines)).toBe(subject);
  });
});
