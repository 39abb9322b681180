/**
 * `@social-shift/adapters/email`: send digests by e-mail over SMTP (Node only: `node:net`, `node:tls`).
 *
 * @packageDocumentation
 */

export type {
  EmailDigestSender,
  EmailDigestSenderOptions,
  EmailDigestSendOptions,
} from './notifications/email-digest-sender.js';
export { createEmailDigestSender } from './notifications/email-digest-sender.js';
export type { MailMessage, SmtpOptions } from './notifications/smtp-client.js';
export { buildMimeMessage, encodeHeaderValue, sendSmtpMail } from './notifications/smtp-client.js';
