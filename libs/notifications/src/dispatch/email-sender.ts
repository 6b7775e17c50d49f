import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailTransportConfig } from '../notifications-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The same words as HTML: the message goes out as multipart/alternative. */
  html?: string;
  /** The deadline as an iCalendar object, attached as `frist.ics`. */
  ics?: string;
  /** Stable per notification: a re-sent reminder carries the same Message-ID. */
  notificationId: string;
}

/**
 * `<notificationId@domain>`: one per notification, whatever the attempt. The domain is
 * MAIL_MESSAGE_ID_DOMAIN (by default MAIL_FROM's): set it explicitly to keep it when the sender
 * changes, so that a message sent again (after a crash between sending and recording it) carries
 * the very same Message-ID and mail systems drop the duplicate.
 */
export function messageIdOf(notificationId: string, domain: string): string {
  return `<${notificationId}@${domain}>`;
}

export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Time limits of an SMTP conversation (nodemailer waits up to 10 minutes of silence otherwise):
 * an attempt ends, one way or the other, within about SMTP_ATTEMPT_BOUND_MS, and a job that Redis
 * lost while its attempt was under way is not taken up again before.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
export const SMTP_ATTEMPT_BOUND_MS = 180_000;

/**
 * SMTP through nodemailer, or (development without SMTP_URL) a file sink that writes each
 * message as an .eml file into DATA_DIR/outbox, to be opened with any mail client.
 */
export function createMailSender(
  transport: MailTransportConfig,
  from: string,
  messageIdDomain: string,
): MailSender {
  const transporter =
    transport.kind === 'smtp'
      ? nodemailer.createTransport({ url: transport.url, ...SMTP_TIMEOUTS })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message) {
      const info = await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.ics
          ? {
              attachments: [
                {
                  filename: 'frist.ics',
                  content: message.ics,
                  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                },
              ],
            }
          : {}),
        messageId: messageIdOf(message.notificationId, messageIdDomain),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-KKZ-Notification': message.notificationId },
      });
      if (transport.kind === 'file') {
        mkdirSync(transport.dir, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        writeFileSync(
          join(transport.dir, `${stamp}-${message.notificationId}.eml`),
          (info as unknown as { message: Buffer }).message,
        );
      }
    },
    close() {
      transporter.close();
    },
  };
}
