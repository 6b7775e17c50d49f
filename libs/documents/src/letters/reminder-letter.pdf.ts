import { formatDateLong, formatDateNumeric, NBSP } from '../format/german';
import { fileNameOf, pageFooter, type PdfContent, renderPdf, type RenderedPdf } from '../pdf/render-pdf';
import { keepHeadingsWithNext, LETTER_STYLES, letterHead, signatureBlock } from './letter-layout';
import type { ReminderLetterView } from './reminder-letter.view';

/** The letter's words in German and English; the facts come from the view. */
const WORDS = {
  de: {
    title: { reminder: 'Erinnerung an eine Frist', missed: 'Versäumte Frist' },
    salutation: 'Sehr geehrte Damen und Herren,',
    lead: {
      reminder: (what: string, due: string) => `wir erinnern Sie an die Frist „${what}“. Sie endet ${due}.`,
      missed: (what: string, due: string) =>
        `die Frist „${what}“ ist ${due} abgelaufen, ohne dass sie erfüllt wurde. Bitte holen Sie das Versäumte unverzüglich nach.`,
    },
    what: 'Was',
    concerning: 'Betrifft',
    obliged: 'Wer',
    due: 'Fällig bis',
    stated: 'Genannter Termin',
    moved: 'nach §\u00a031 Abs.\u00a03 VwVfG NRW auf den nächsten Werktag verschoben',
    how: 'Wie',
    endOfDay: (day: string) => `${day}, 24:00${NBSP}Uhr`,
    onDay: (day: string) => `am ${day} um 24:00${NBSP}Uhr`,
    consequences: { reminder: 'Wenn die Frist versäumt wird', missed: 'Was nun folgt' },
    ask: (name: string) => `Bei Fragen hilft Ihnen ${name} gern weiter`,
    phone: 'Telefon',
    email: 'E-Mail',
    void: 'Haben Sie die Frist inzwischen erfüllt, betrachten Sie dieses Schreiben bitte als gegenstandslos.',
    footer: 'Fristschreiben',
    reference: 'Az.',
    language: 'de-DE',
  },
  en: {
    title: { reminder: 'Reminder of a deadline', missed: 'Missed deadline' },
    salutation: 'Dear Sir or Madam,',
    lead: {
      reminder: (what: string, due: string) =>
        `we would like to remind you of the deadline “${what}”. It ends ${due}.`,
      missed: (what: string, due: string) =>
        `the deadline “${what}” passed ${due} without being met. Please make up for it without delay.`,
    },
    what: 'What',
    concerning: 'Concerning',
    obliged: 'Who',
    due: 'Due by',
    stated: 'Date stated',
    moved: 'moved to the next working day under §\u00a031 (3) VwVfG NRW',
    how: 'How',
    endOfDay: (day: string) => `${day}, midnight (Berlin time)`,
    onDay: (day: string) => `on ${day} at midnight (Berlin time)`,
    consequences: { reminder: 'If the deadline is missed', missed: 'What follows' },
    ask: (name: string) => `If you have any questions, please contact ${name}`,
    phone: 'telephone',
    email: 'e-mail',
    void: 'If you have met it in the meantime, please disregard this letter.',
    footer: 'Deadline letter',
    reference: 'Ref.',
    language: 'en-GB',
  },
};

export function reminderLetterDefinition(view: ReminderLetterView) {
  const locale = view.locale ?? 'de';
  const w = WORDS[locale];
  const { obligation } = view;
  const dueLong = formatDateLong(obligation.dueOn, { weekday: true, locale });
  const facts: [string, string][] = [
    [w.what, obligation.what],
    ...(obligation.concerning ? ([[w.concerning, obligation.concerning]] as [string, string][]) : []),
    [w.obliged, obligation.obliged],
    [w.due, w.endOfDay(dueLong)],
    ...(obligation.statedDueOn && obligation.statedDueOn !== obligation.dueOn
      ? ([[w.stated, `${formatDateNumeric(obligation.statedDueOn, locale)} (${w.moved})`]] as [
          string,
          string,
        ][])
      : []),
    ...(obligation.how ? ([[w.how, obligation.how]] as [string, string][]) : []),
  ];
  const contact = view.authority.contact;
  const reach = contact
    ? [contact.phone && `${w.phone} ${contact.phone}`, contact.email && `${w.email} ${contact.email}`].filter(
        Boolean,
      )
    : [];
  const ask = contact ? `${w.ask(contact.name)}${reach.length ? ` (${reach.join(', ')})` : ''}.` : undefined;
  const lead = w.lead[view.kind](obligation.what, w.onDay(formatDateLong(obligation.dueOn, { locale })));
  const content: PdfContent[] = [
    ...letterHead({
      authority: view.authority,
      recipient: view.recipient,
      date: view.sentOn,
      fileReference: view.fileReference,
      locale,
    }),
    { text: w.title[view.kind], style: 'title' },
    { text: `${obligation.what} – ${view.programmeTitle}`, style: 'subject' },
    { text: w.salutation, margin: [0, 0, 0, 6] },
    { text: lead, margin: [0, 0, 0, 8] },
    {
      table: { widths: [90, '*'], body: facts.map(([label, value]) => [{ text: label, bold: true }, value]) },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    },
    ...(view.consequences.length
      ? [
          { text: w.consequences[view.kind], style: 'part', headlineLevel: 1 },
          { ul: view.consequences, margin: [0, 0, 0, 6] },
        ]
      : []),
    ...(ask ? [{ text: ask, margin: [0, 6, 0, 0] }] : []),
    ...(view.kind === 'reminder' ? [{ text: w.void, margin: [0, 6, 0, 0] }] : []),
    signatureBlock(view.signature, view.authority, locale),
  ];
  const reference = view.fileReference ? ` · ${w.reference} ${view.fileReference}` : '';
  return {
    footer: pageFooter(`${w.footer}${reference}`, locale),
    pageBreakBefore: keepHeadingsWithNext,
    styles: LETTER_STYLES,
    content,
  };
}

/** The letter as a PDF with its SHA-256, for the event that records it was sent. */
export async function renderReminderLetter(view: ReminderLetterView): Promise<RenderedPdf> {
  const locale = view.locale ?? 'de';
  const w = WORDS[locale];
  return renderPdf(
    reminderLetterDefinition(view),
    {
      title: `${w.title[view.kind]}: ${view.obligation.what} – ${view.recipient.name}`,
      author: view.authority.name,
      subject: `${w.title[view.kind]} – ${view.programmeTitle}`,
      // the deadline's id is for machines: in the metadata, not in the text people read
      keywords: view.deadlineId,
      date: view.sentOn,
      language: w.language,
    },
    fileNameOf(w.title[view.kind], view.recipient.name, view.obligation.dueOn),
  );
}
