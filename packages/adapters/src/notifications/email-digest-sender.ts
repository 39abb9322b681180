import { invalidOption, isObject } from '../platforms/option-checks.js';
import type { Digest } from './digest.js';
import { renderDigestEmail } from './digest-email.js';
import { type SmtpOptions, sendSmtpMail } from './smtp-client.js';

/** Options of {@link createEmailDigestSender}. */
export interface EmailDigestSenderOptions {
  readonly smtp: SmtpOptions;
  /** The sender address, e.g. `ambassadeurs@example.org`. */
  readonly from: string;
}

/** Sends digests by e-mail. */
export interface EmailDigestSender {
  send(to: string, digest: Digest): Promise<void>;
}

/**
 * Sends a digest as an e-mail with a text and an HTML part (everything escaped) over SMTP.
 *
 * @example
 * ```ts
 * const mail = createEmailDigestSender({ smtp: { host: 'smtp.example.org', port: 587, auth }, from: 'ambassadeurs@example.org' });
 * await mail.send('anne@example.org', digest);
 * ```
 */
export function createEmailDigestSender(options: EmailDigestSenderOptions): EmailDigestSender {
  if (!isObject(options)) {
    throw invalidOption(['options'], 'Pass { smtp, from }: the SMTP server and the sender address.');
  }
  return {
    async send(to, digest) {
      const { subject, text, html } = renderDigestEmail(digest);
      await sendSmtpMail(options.smtp, { from: options.from, to: [to], subject, text, html });
    },
  };
}
