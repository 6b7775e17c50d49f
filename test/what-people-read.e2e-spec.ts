import ICAL from 'ical.js';
import { type AddressObject, simpleParser } from 'mailparser';
import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { readPdf } from '@app/documents/testing/pdf-text';
import { notificationIdFor } from '@app/notifications';
import { startEsfWorld, type EsfWorld } from './support/esf-reporting-world';
import { KREIS_UNNA } from './support/fixtures';
import { appendDeadlineEvent, startNotificationsWorker, startSmtpReceiver } from './support/notifications';
import { eventually, removeQueueKeys } from './support/waiting';

/** Queue tests share Redis database 5, each under its own prefix. */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
const BASE = 'https://foerderung.nrw.example.de';
const DUE_AT = '2013-04-30T22:00:00.000Z';

/** Internal ids a person must not read where a name exists: grant and report ids, bare AGS. */
const INTERNAL_IDS = [/\b[a-z]+\.phase-\d\.\d{8}/, /AGS \d{8}/, /\b05\d{6}\b/];

function expectNoInternalIds(label: string, text: string): void {
  for (const pattern of INTERNAL_IDS)
    expect({ label, match: pattern.exec(text)?.[0] ?? null }).toEqual({ label, match: null });
}

/** The values of the properties a person reads in a calendar (not UID, which is for machines). */
function readableCalendarText(ics: string): string {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const readable = ['summary', 'description', 'x-wr-calname', 'x-wr-caldesc'];
  const values = (c: ICAL.Component): string[] => [
    ...c.getAllProperties().flatMap((p) => (readable.includes(p.name) ? [String(p.getFirstValue())] : [])),
    ...c.getAllSubcomponents().flatMap(values),
  ];
  return values(calendar).join('\n');
}

describe('what people read names things, and e-mails carry text, HTML and the deadline as .ics', () => {
  let world: EsfWorld;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let worker: Awaited<ReturnType<typeof startNotificationsWorker>>;
  let calendarPath: string;
  let reportId: string;
  let deadlineId: string;
  const prefix = `kkz-test-read-${randomUUID()}`;

  beforeAll(async () => {
    world = await startEsfWorld({ env: { REDIS_URL } });
    const { api, as } = world;
    await world.openPeriods(world.unnaGrant);
    reportId = `${world.unnaGrant}.2012`;
    const settings = `/municipalities/${KREIS_UNNA}/notification-settings`;
    await api.http.put(settings).set(as.unna).send({ email: 'fristen@kreis-unna.de' }).expect(200);
    calendarPath = (await api.http.get(settings).set(as.unna).expect(200)).body.calendarUrl;
    smtp = await startSmtpReceiver();
    worker = await startNotificationsWorker(api, prefix, {
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: BASE,
      MAIL_FROM: 'Fristen Präventionsketten <fristen@mkjfgfi.nrw.de>',
    });
    deadlineId = `esf-report-due.${reportId}`;
    await appendDeadlineEvent(api, deadlineId, 'DeadlineOpened', {
      kind: 'esf-report-due',
      programmeId: 'kkz',
      subject: { grantId: world.unnaGrant, reportId },
      obligedAgs: [KREIS_UNNA],
      dueDate: '2013-04-30',
      dueAt: DUE_AT,
      reminderOffsetsDays: [14, 7],
    });
  });

  afterAll(async () => {
    await worker?.close();
    await removeQueueKeys(REDIS_URL, prefix);
    await smtp?.close();
    await world?.api.close();
  });

  it('sends a reminder as multipart/alternative: German text and HTML with links, the deadline as a parseable .ics', async () => {
    const cause = await appendDeadlineEvent(world.api, deadlineId, 'DeadlineReminderIssued', {
      kind: 'esf-report-due',
      offsetDays: 7,
      dueAt: DUE_AT,
      obligedAgs: [KREIS_UNNA],
      issuedAt: '2013-04-23T06:00:00.000Z',
    });
    const raw = await eventually(
      () => smtp.messages.find((m) => m.to.includes('fristen@kreis-unna.de'))?.raw,
    );
    expect(raw).toMatch(/Content-Type: multipart\/(mixed|alternative)/i);
    const mail = await simpleParser(raw);

    expect(mail.subject).toBe(
      'Erinnerung: ESF-Bericht 2012 – Kreis Unna (Förderphase I) – Frist endet in 7 Tagen, am Dienstag, 30. April 2013',
    );
    expect((mail.from as AddressObject).value[0].address).toBe('fristen@mkjfgfi.nrw.de');
    expect(mail.messageId).toBe(`<${notificationIdFor(cause, KREIS_UNNA)}@mkjfgfi.nrw.de>`);
    expect(mail.text).toContain('am Dienstag, 30. April 2013 um 24:00 Uhr');
    expect(mail.text).toContain(`Frist ansehen: ${BASE}/deadlines/${encodeURIComponent(deadlineId)}`);
    expect(mail.text).toContain(`Fristenkalender abonnieren: ${BASE}${calendarPath}`);
    expect(mail.html).toBeTruthy();
    const html = mail.html as string;
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('ESF-Bericht 2012 – Kreis Unna (Förderphase I)');
    expect(html).toContain(`href="${BASE}${calendarPath}"`);
    expect(html).toContain(`href="${BASE}/inbox"`);

    const ics = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics?.filename).toBe('frist.ics');
    const calendar = new ICAL.Component(ICAL.parse(ics?.content.toString('utf8') as string));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.summary).toBe('Frist: ESF-Bericht 2012 – Kreis Unna (Förderphase I)');
    expect(event.startDate.toString()).toBe('2013-04-30');
    expect(event.uid).toContain(deadlineId);

    for (const [label, text] of [
      ['subject', mail.subject as string],
      ['text part', mail.text as string],
      ['HTML part', html.replace(/href="[^"]*"/g, '')],
      ['attachment', readableCalendarText(ics?.content.toString('utf8') as string)],
    ])
      // Links are for machines to follow: a URL may hold an id.
      expectNoInternalIds(label, text.replace(/https?:\/\/\S+/g, ''));
  });

  it('shows names, not ids, in the inbox and the calendar feed', async () => {
    const inbox = (await world.api.http.get('/inbox').set(world.as.unna).expect(200)).body;
    expect(inbox.items[0].headline).toContain('ESF-Bericht 2012 – Kreis Unna (Förderphase I)');
    // The ids stay, as fields, for machines.
    expect(inbox.items[0].deadline).toMatchObject({ deadlineId, subject: { reportId } });
    for (const item of inbox.items) {
      expectNoInternalIds('inbox headline', item.headline);
      expectNoInternalIds('inbox text', item.text);
      expectNoInternalIds('inbox title', item.deadline.title);
    }
    const feed = (await world.api.http.get(calendarPath).expect(200)).text;
    const readable = readableCalendarText(feed);
    expect(readable).toContain('Förderfristen – Kreis Unna');
    expect(readable).toContain('Frist: ESF-Bericht 2012 – Kreis Unna (Förderphase I)');
    expectNoInternalIds('calendar feed', readable);
  });

  it("names the municipality in the grants office's escalation", async () => {
    await appendDeadlineEvent(world.api, deadlineId, 'DeadlineMissed', { dueAt: DUE_AT, missedAt: DUE_AT });
    await appendDeadlineEvent(world.api, deadlineId, 'DeadlineEscalated', {
      to: 'grants-office',
      at: DUE_AT,
    });
    const inbox = (await world.api.http.get('/inbox').set(world.as.office).expect(200)).body;
    const escalation = inbox.items.find((i: { type: string }) => i.type === 'escalated');
    expect(escalation.headline).toBe(
      'Eskalation: ESF-Bericht 2012 – Kreis Unna (Förderphase I) – Frist vom Dienstag, 30. April 2013 versäumt',
    );
    expectNoInternalIds('escalation', `${escalation.headline}\n${escalation.text}`);
  });

  it('writes the reminder letter as a PDF in names, the same bytes each time; another municipality gets 404', async () => {
    const path = `/deadlines/${deadlineId}/reminder-letters/${KREIS_UNNA}.pdf`;
    const pdf = (who: Record<string, string>) =>
      world.api.http
        .get(path)
        .set(who)
        .buffer(true)
        .parse((res: Response, done: (err: Error | null, body: Buffer) => void) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const first = (await pdf(world.as.unna).expect(200)).body as Buffer;
    const second = (await pdf(world.as.office).expect(200)).body as Buffer;
    expect(createHash('sha256').update(second).digest('hex')).toBe(
      createHash('sha256').update(first).digest('hex'),
    );
    const { text } = readPdf(first);
    expect(text).toContain('ESF-Bericht 2012 – Kreis Unna (Förderphase I)');
    expect(text).toContain('30. April 2013');
    // The letter shows the AGS small under the address, as official letters do; no record id.
    expect(text).not.toMatch(INTERNAL_IDS[0]);
    await world.api.http.get(path).set(world.as.dortmund).expect(404);
  });

  it('writes the reminder letter in English on Accept-Language: en, German for none, "de" and "*"', async () => {
    const path = `/deadlines/${deadlineId}/reminder-letters/${KREIS_UNNA}.pdf`;
    const fetch = (language?: string) => {
      const request = world.api.http.get(path).set(world.as.unna);
      if (language !== undefined) request.set('Accept-Language', language);
      return request
        .buffer(true)
        .parse((res: Response, done: (err: Error | null, body: Buffer) => void) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
    };
    const english = await fetch('en-GB, de;q=0.5');
    expect(english.headers['content-language']).toBe('en');
    expect(english.headers['vary']).toMatch(/Accept-Language/i);
    const { text } = readPdf(english.body as Buffer);
    expect(text).toContain('Dear Sir or Madam');
    expect(text).toContain('“ESF report 2012 – Kreis Unna (Förderphase I)”');
    expect(text).toContain('30 April 2013');
    expect(text).toContain('The granting authority will be informed if the deadline is missed.');
    expect(text).not.toContain('Sehr geehrte');
    expect(text).not.toContain('Bewilligungsbehörde wird');
    const germanBytes = (await fetch()).body as Buffer;
    for (const language of [undefined, 'de', '*', 'de-DE, en;q=0.9']) {
      const german = await fetch(language);
      expect({ language, lang: german.headers['content-language'] }).toEqual({ language, lang: 'de' });
      expect((german.body as Buffer).equals(germanBytes)).toBe(true);
    }
    expect(readPdf(germanBytes).text).toContain('Sehr geehrte Damen und Herren');
  });
});
