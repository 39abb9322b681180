import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildMimeMessage, encodeHeaderValue } from './smtp-client.js';

/**
 * Decodes an unstructured header value as a mail client does (RFC 2047 §6.2): every white-space-separated word of
 * the form `=?charset?B?…?=` or `=?charset?Q?…?=` is an encoded word and decoded; white space between two encoded
 * words is dropped; everything else is kept as it is.
 */
function rfc2047Decode(value: string): string {
  const unfolded = value.replace(/\r\n(?=[ \t])/g, '');
  const tokens = unfolded.split(/([ \t]+)/);
  const out: string[] = [];
  let previousEncoded = false;
  let pendingSpace = '';
  for (const token of tokens) {
    if (/^[ \t]+$/.test(token)) {
      pendingSpace += token;
      continue;
    }
    const m = /^=\?([^?]+)\?([BbQq])\?([^?]*)\?=$/.exec(token);
    if (m !== null) {
      if (!previousEncoded) out.push(pendingSpace);
      const [, , kind = 'B', text = ''] = m;
      out.push(
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            ).toString('utf8'),
      );
      previousEncoded = true;
    } else {
      out.push(pendingSpace, token);
      previousEncoded = false;
    }
    pendingSpace = '';
  }
  out.push(pendingSpace);
  return out.join('');
}

const subjectOf = (subject: string): string => {
  const mime = buildMimeMessage({
    from: 'a@example.org',
    to: ['b@example.org'],
    subject,
    text: 'x',
    html: 'x',
  });
  const headers = mime.split('\r\n\r\n', 1)[0] ?? '';
  return (/^Subject: (.*(?:\r\n .*)*)/m.exec(headers)?.[1] ?? '').trim();
};

describe('a subject that holds text in the form of an encoded word', () => {
  it('reaches the reader as written, not decoded into other text', () => {
    const subject = 'Gebruik =?UTF-8?B?SGFjaw==?= niet';
    expect(rfc2047Decode(subjectOf(subject))).toBe(subject);
    expect(encodeHeaderValue(subject)).not.toBe(subject);
  });

  it('leaves an ordinary short ASCII subject as it is', () => {
    expect(encodeHeaderValue('Deze week: 2 berichten = veel?')).toBe('Deze week: 2 berichten = veel?');
  });

  test.prop([
    fc
      .array(
        fc.constantFrom(
          '=?UTF-8?B?SGk=?=',
          '=?utf-8?q?x_y=41?=',
          '=?UTF-8?B?',
          '?=',
          ' ',
          'a',
          '=',
          '?',
          'é',
        ),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join('')),
  ])('decodes back to the subject, whatever mix of = ? and words it holds', (subject) => {
    const clean = subject.replace(/^ +| +$/g, '');
    expect(rfc2047Decode(subjectOf(clean)).trim()).toBe(clean.trim());
  });
});
