import { describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';
import { answering, toThree as message, scriptedSmtp } from './smtp-scripted.test-support.js';

describe('details.status of refused recipients agrees with details.temporary', () => {
  it('a 4yz before a 5yz: not temporary, with the 5yz in details.status', async () => {
    const server = await scriptedSmtp(
      answering({
        'RCPT TO:<b@example.org>': '450 4.2.1 mailbox busy\r\n',
        'RCPT TO:<c@example.org>': '550 5.1.1 no such user\r\n',
      }),
    );
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      details: {
        status: 550,
        temporary: false,
        refused: [
          { recipient: 'b@example.org', status: 450 },
          { recipient: 'c@example.org', status: 550 },
        ],
      },
    });
  });

  it('only 4yz: temporary, with the first in details.status', async () => {
    const server = await scriptedSmtp(
      answering({
        'RCPT TO:<c@example.org>': '451 4.3.0 try later\r\n',
        'RCPT TO:<d@example.org>': '450 4.2.1 mailbox busy\r\n',
      }),
    );
    await expect(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 }, message),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 451, temporary: true } });
  });
});
