import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailSender } from './email-sender';

describe('the development mail sink', () => {
  it('writes each message as an .eml file into the outbox directory', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kkz-outbox-')), 'outbox');
    const sender = createMailSender(
      { kind: 'file', dir },
      'Fristen <fristen@example.org>',
      'fristen.praeventionsketten.nrw.de',
    );
    await sender.send({
      to: 'fristen@kreis-unna.de',
      subject: 'Erinnerung: Frist endet am Donnerstag, 15. Dezember 2011',
      text: 'Grüße aus Düsseldorf',
      notificationId: 'a5b2c3d4-0000-5000-8000-000000000001',
    });
    sender.close();
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/a5b2c3d4-0000-5000-8000-000000000001\.eml$/);
    const eml = readFileSync(join(dir, files[0]), 'utf8');
    expect(eml).toContain('To: fristen@kreis-unna.de\r\n');
    // Stable per notification, from MAIL_MESSAGE_ID_DOMAIN: a message sent again is the same message.
    expect(eml.replace(/\r\n[ \t]+/g, ' ')).toContain(
      'Message-ID: <a5b2c3d4-0000-5000-8000-000000000001@fristen.praeventionsketten.nrw.de>',
    );
    expect(eml).toContain('Auto-Submitted: auto-generated');
    expect(eml).toMatch(/^Subject: /m);
  });
});
