import type { Locale } from '@app/eventsourcing';
import { type CalendarDate, formatDateLong } from '../format/german';
import { ACCENT, MUTED, type PdfContent } from '../pdf/render-pdf';
import type { AuthorityView, ContactView, RecipientView, SignatureView } from './letter-parts.view';

/**
 * The frame of an office letter (after DIN 5008): the authority's head and an information block
 * with date, reference and contact, the return line and address, the subject; at the end the
 * signature. Shared by the notice and the reminder letter.
 */
export interface LetterHead {
  authority: AuthorityView;
  recipient: RecipientView;
  date: CalendarDate;
  fileReference?: string;
  /** Extra lines in the information block ("Ihr Antrag vom …"). */
  references?: { label: string; value: string }[];
  locale?: Locale;
  /**
   * The authority's postal address in the head, under its name (the notice: the office a
   * municipality writes back to). Off for the reminder letter, whose bytes stay as they were.
   */
  addressInHead?: boolean;
}

const LABELS = {
  de: {
    date: 'Datum',
    reference: 'Aktenzeichen',
    contact: 'Auskunft erteilt',
    phone: 'Telefon',
    email: 'E-Mail',
  },
  en: { date: 'Date', reference: 'Reference', contact: 'Contact', phone: 'Telephone', email: 'E-mail' },
};

function contactLines(contact: ContactView | undefined, locale: Locale): { label: string; value: string }[] {
  if (!contact) return [];
  const l = LABELS[locale];
  return [
    { label: l.contact, value: contact.name },
    ...(contact.phone ? [{ label: l.phone, value: contact.phone }] : []),
    ...(contact.email ? [{ label: l.email, value: contact.email }] : []),
    ...(contact.note ? [{ label: '', value: contact.note }] : []),
  ];
}

export function letterHead(head: LetterHead): PdfContent[] {
  const { authority, recipient } = head;
  const locale = head.locale ?? 'de';
  const l = LABELS[locale];
  const info = [
    { label: l.date, value: `${authority.place}, ${formatDateLong(head.date, { locale })}` },
    ...(head.fileReference ? [{ label: l.reference, value: head.fileReference }] : []),
    ...(head.references ?? []),
    ...contactLines(authority.contact, locale),
  ];
  return [
    {
      stack: [
        { text: authority.name, bold: true, fontSize: 13, color: ACCENT },
        ...(authority.department ? [{ text: authority.department, color: MUTED }] : []),
        ...(head.addressInHead && authority.addressLines.length > 0
          ? [{ text: authority.addressLines.join(' · '), color: MUTED }]
          : []),
      ],
      margin: [0, 0, 0, 12],
    },
    {
      columns: [
        {
          width: '*',
          stack: [
            {
              text: [authority.name, ...authority.addressLines].join(' · '),
              fontSize: 7,
              color: MUTED,
              margin: [0, 0, 0, 6],
            },
            { text: recipient.name, bold: true },
            ...recipient.addressLines.map((line) => ({ text: line })),
            ...(recipient.ags
              ? [{ text: `AGS ${recipient.ags}`, fontSize: 7, color: MUTED, margin: [0, 4, 0, 0] }]
              : []),
          ],
        },
        {
          width: 190,
          table: {
            widths: [70, '*'],
            body: info.map((line) => [
              { text: line.label, color: MUTED, fontSize: 8.5 },
              { text: line.value, fontSize: 8.5 },
            ]),
          },
          layout: 'noBorders',
        },
      ],
      columnGap: 16,
      margin: [0, 0, 0, 20],
    },
  ];
}

const CAPACITY_EN = { 'Im Auftrag': 'On behalf of', 'In Vertretung': 'Deputising for' };

export function signatureBlock(
  signature: SignatureView,
  authority: AuthorityView,
  locale: Locale = 'de',
): PdfContent {
  const capacity =
    signature.capacity && (locale === 'en' ? CAPACITY_EN[signature.capacity] : signature.capacity);
  return {
    stack: [
      locale === 'en' ? 'Yours faithfully' : 'Mit freundlichen Grüßen',
      ...(capacity ? [{ text: capacity, margin: [0, 6, 0, 0] }] : []),
      { text: authority.name, color: MUTED, fontSize: 9 },
      { text: signature.name, margin: [0, 24, 0, 0] },
      ...(signature.role ? [{ text: signature.role, color: MUTED }] : []),
    ],
    unbreakable: true,
    margin: [0, 14, 0, 0],
  };
}

/** A heading of the notice's parts ("I. Bewilligung"); kept with what follows it. */
export function partHeading(text: string): PdfContent {
  return { text, style: 'part', headlineLevel: 1 };
}

/** A numbered paragraph: "1." hanging left of its text. */
export function numbered(number: string, body: PdfContent): PdfContent {
  return {
    columns: [
      { text: number, width: 22 },
      { width: '*', stack: [body].flat() },
    ],
    margin: [0, 0, 0, 6],
  };
}

export const LETTER_STYLES = {
  title: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
  subject: { bold: true, margin: [0, 0, 0, 12] },
  part: { fontSize: 12, bold: true, color: ACCENT, margin: [0, 10, 0, 4] },
  subheading: { bold: true, margin: [0, 0, 0, 3] },
  small: { fontSize: 8.5, color: MUTED },
  tableHeader: { bold: true, fillColor: '#e8eef5' },
};

/**
 * Keeps a part heading on the page of its first paragraph: pdfmake asks before each node whether
 * a page break belongs there; a heading with nothing after it on its page moves to the next.
 */
export function keepHeadingsWithNext(node: { headlineLevel?: number }, followingOnPage: unknown[]): boolean {
  return node.headlineLevel === 1 && followingOnPage.length === 0;
}
