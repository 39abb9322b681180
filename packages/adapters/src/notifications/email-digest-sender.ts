import { invalidOption, isObject } from '../platforms/option-checks.js';
import type { Digest } from './digest.js';
import { renderDigestEmail } from './digest-email.js';
import { checkAddress, checkOptions, type SmtpOptions, sendSmtpMail } from './smtp-client.js';

/** Options of {@link createEmailDigestSender}. */
export interface EmailDigestSenderOptions {
  readonly smtp: SmtpOptions;
  /** The sender address, e.g. `ambassadeurs@example.org`. */
  readonly from: string;
}

/** What one e-mail of {@link EmailDigestSender.send} carries besides the digest. */
export interface EmailDigestSendOptions {
  /** The Date header, from your clock; default now. */
  readonly date?: Date | undefined;
  /**
   * The Message-ID, without angle brackets (`digest.2026-11-26.anne@intranet.example.org`); default a random one.
   * Derive it from the digest (publisher and day) so that sending it again, after an error that says it may have been
   * delivered, carries the same id and the repeat can be recognised.
   */
  readonly messageId?: string | undefined;
}

/** Sends digests by e-mail. */
export interface EmailDigestSender {
  /** Mails one digest to `to` over SMTP (`options`: the `Date` and `Message-ID` headers). */
  send(to: string, digest: Digest, options?: EmailDigestSendOptions): Promise<void>;
}

/**
 * Sends a digest as an e-mail with a text and an HTML part (everything escaped) over SMTP. Checks `smtp` and `from`
 * when it is created: a bad option or sender address is a `VALIDATION` error naming the field then, before any send.
 *
 * @example
 * ```ts
 * const mail = createEmailDigestSender({ smtp: { host: 'smtp.example.org', port: 587, auth }, from: 'ambassadeurs@example.org' });
 * await mail.send('anne@example.org', digest, { messageId: `digest.${day}.${publisherId}@intranet.example.org` });
 * ```
 */
export function createEmailDigestSender(options: EmailDigestSenderOptions): EmailDigestSender {
  if (!isObject(options)) {
    throw invalidOption(['options'], 'Pass { smtp, from }: the SMTP server and the sender address.');
  }
  // Checked now, as the chat senders check their webhook: a service with a mistyped port or sender address fails
  // when it starts, not at its first digest run.
  checkOptions(options.smtp);
  checkAddress(['from'], options.from);
  return {
    async send(to, digest, sendOptions = {}) {
      if (!isObject(sendOptions as unknown)) {
        throw invalidOption(['options'], 'Pass { date, messageId } or leave the options out.');
      }
      const { subject, text, html } = renderDigestEmail(digest);
      const { date, messageId } = sendOptions;
      await sendSmtpMail(options.smtp, {
        from: options.from,
        to: [to],
        subject,
        text,
        html,
        ...(date === undefined ? {} : { date }),
        ...(messageId === undefined ? {} : { messageId }),
      });
    },
  };
}
