import { describe, expect, it } from 'vitest';
import { buildMimeMessage } from './smtp-client.js';

const message = {
  from: 'ambassadeurs@example.org',
  to: ['anne@example.org'],
  subject: 'Hoi',
  text: 'Hoi',
  html: '<p>Hoi</p>',
};

describe('addresses at an internationalised top-level domain', () => {
  it('takes the punycode address that the error for a non-ASCII one tells the user to write (.рф as .xn--p1ai)', () => {
    // пример.рф in punycode: the domain and the top-level domain both start with xn--.
    const address = 'info@xn--e1afmkfd.xn--p1ai';
    const mime = buildMimeMessage({
      ...message,
      from: address,
      to: [address, 'anne@xn--mnchen-3ya.XN--80ASEHDB'],
    });
    expect(mime).toMatch(/^From: info@xn--e1afmkfd\.xn--p1ai\r\n/m);
    expect(mime).toMatch(/^To: info@xn--e1afmkfd\.xn--p1ai, anne@xn--mnchen-3ya\.XN--80ASEHDB\r\n/m);
  });

  it('still refuses a top-level domain that is neither letters nor punycode', () => {
    for (const to of ['anne@example.123', 'anne@example.x-n--p1ai', 'anne@example.xn--']) {
      expect(() => buildMimeMessage({ ...message, to: [to] }), to).toThrow(/Not a plain e-mail address/);
    }
  });
});
