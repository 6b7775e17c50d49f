import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailTransportConfig } from '../notifications-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per notification: a re-sent reminder carries the same Message-ID. */
  notificationId: string;
}

/**
 * The right-hand side of every Message-ID: fixed, not taken from MAIL_FROM, so that a message
 * sent again (after a crash between sending and recording it) carries the very same Message-ID
 * even if the sender address changed meanwhile, and mail systems drop the duplicate.
 */
export const MESSAGE_ID_DOMAIN = 'fristen.praeventionsketten.nrw.de';

/** `<notificationId@fristen.praeventionsketten.nrw.de>`: one per notification, whatever the attempt. */
export function messageIdOf(notificationId: string): string {
  return `<${notificationId}@${MESSAGE_ID_DOMAIN}>`;
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
export function createMailSender(transport: MailTransportConfig, from: string): MailSender {
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
        messageId: messageIdOf(message.notificationId),
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
