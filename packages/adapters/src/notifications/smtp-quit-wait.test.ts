// The result of a send is known before QUIT: a server that never answers QUIT holds it back at most
// min(timeoutMs, 2 s), not the whole timeoutMs, and never changes it.
import { describe, expect, it } from 'vitest';
import { sendSmtpMail } from './smtp-client.js';
import { accepting, scriptedSmtp } from './smtp-scripted.test-support.js';

const message = { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 'x', html: 'x' };

/** How long `promise` takes to settle, and how. */
async function timed(promise: Promise<unknown>): Promise<{ ms: number; outcome: unknown }> {
  const started = Date.now();
  const outcome = await promise.then(
    () => 'sent',
    (error: unknown) => error,
  );
  return { ms: Date.now() - started, outcome };
}

describe('QUIT to a server that stays silent after it', () => {
  it('after the message was taken: the send resolves within 2 s, not timeoutMs', async () => {
    const server = await scriptedSmtp((line) => (line === 'QUIT' ? undefined : accepting(line)));
    const { ms, outcome } = await timed(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000 }, message),
    );
    expect(outcome).toBe('sent');
    expect(server.data).toHaveLength(1);
    expect(server.lines.at(-1)).toBe('QUIT');
    expect(ms).toBeLessThan(3_000);
  });

  it('after a refusal: the refusal comes within 2 s, not timeoutMs', async () => {
    const server = await scriptedSmtp((line) => {
      if (line === 'QUIT') return undefined;
      return line.startsWith('RCPT TO') ? '550 5.1.1 no such user\r\n' : accepting(line);
    });
    const { ms, outcome } = await timed(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000 }, message),
    );
    expect(outcome).toMatchObject({ code: 'PLATFORM', details: { status: 550, temporary: false } });
    expect(server.lines.at(-1)).toBe('QUIT');
    expect(ms).toBeLessThan(3_000);
  });

  it('bounds the whole 221 reply, not each line: a 221- line every 1.5 s holds it back at most 2 s', async () => {
    const server = await scriptedSmtp((line, write) => {
      if (line !== 'QUIT') return accepting(line);
      let sent = 0;
      const next = setInterval(() => {
        sent++;
        write(sent < 6 ? `221-still here ${sent}\r\n` : '221 bye\r\n');
        if (sent === 6) clearInterval(next);
      }, 1_500);
      next.unref();
      return '221-closing\r\n';
    });
    const { ms, outcome } = await timed(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000 }, message),
    );
    expect(outcome).toBe('sent');
    expect(ms).toBeLessThan(3_000);
  });

  it('waits no longer than timeoutMs when that is shorter than 2 s', async () => {
    const server = await scriptedSmtp((line) => (line === 'QUIT' ? undefined : accepting(line)));
    const { ms, outcome } = await timed(
      sendSmtpMail({ host: '127.0.0.1', port: server.port, timeoutMs: 500 }, message),
    );
    expect(outcome).toBe('sent');
    // Waiting the 2 s of a longer timeoutMs would take at least 2 s.
    expect(ms).toBeLessThan(1_900);
  });
}, 20_000);
