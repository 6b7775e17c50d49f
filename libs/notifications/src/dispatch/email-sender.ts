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

export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

function domainOf(address: string): string {
  return /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'localhost';
}

/**
 * SMTP through nodemailer, or (development without SMTP_URL) a file sink that writes each
 * message as an .eml file into DATA_DIR/outbox, to be opened with any mail client.
 */
export function createMailSender(transport: MailTransportConfig, from: string): MailSender {
  const transporter =
    transport.kind === 'smtp'
      ? nodemailer.createTransport(transport.url)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const domain = domainOf(from);
  return {
    async send(message) {
      const info = await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.notificationId}@${domain}>`,
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
