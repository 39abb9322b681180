import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

describe('an SMTP host given as an IP address', () => {
  it('connects over TLS without sending the address as the TLS server name (RFC 6066 does not allow it)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) =>
      warnings.push(`${warning.code} ${warning.message}`);
    process.on('warning', onWarning);
    closers.push(() => process.off('warning', onWarning));
    const names: (string | false | undefined)[] = [];
    const smtp = new SMTPServer({
      logger: false,
      secure: true,
      authOptional: true,
      SNICallback(servername, callback) {
        names.push(servername);
        callback(null, undefined as never);
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    closers.push(() => smtp.close());
    await sendSmtpMail(
      {
        host: '127.0.0.1',
        port: (smtp.server.address() as AddressInfo).port,
        secure: true,
        allowUnauthorizedTls: true,
      },
      { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' },
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => /ServerName|DEP0123/.test(w))).toEqual([]);
    expect(names).toEqual([]);
  });
});
