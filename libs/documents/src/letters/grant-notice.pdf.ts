import { amountInWords } from '../format/amount-in-words';
import { formatDateLong, formatDateNumeric, formatEur, formatPercent } from '../format/german';
import { fileNameOf, pageFooter, type PdfContent, renderPdf, type RenderedPdf } from '../pdf/render-pdf';
import type { GrantNoticeView } from './grant-notice.view';
import {
  keepHeadingsWithNext,
  LETTER_STYLES,
  letterHead,
  numbered,
  partHeading,
  signatureBlock,
} from './letter-layout';

const KIND_LABEL = { grant: 'Zuwendung', own: 'Eigenmittel', 'third-party': 'Drittmittel' } as const;

/** A share as an office writes it: "80 %", or "33,33 %" where it is not whole. */
function share(part: number, whole: number): string {
  const percent = (part * 100) / whole;
  return formatPercent(percent, Number.isInteger(percent) ? 0 : 2);
}

/** The sum of the sources that the office pays (kind 'grant'): the Zuwendung. */
export function grantAmountCents(view: GrantNoticeView): number {
  return view.financing.filter((f) => f.kind === 'grant').reduce((sum, f) => sum + f.cents, 0);
}

/**
 * A notice must be consistent before anyone signs it: the plan adds up to the eligible total,
 * something is granted, the period runs forwards. A wrong notice is not printed.
 */
export function assertNoticeConsistent(view: GrantNoticeView): void {
  const planned = view.financing.reduce((sum, f) => sum + f.cents, 0);
  if (planned !== view.eligibleTotalCents) {
    throw new RangeError(
      `notice ${view.grantId}: the financing plan adds up to ${planned} cents, not to the eligible total ${view.eligibleTotalCents}`,
    );
  }
  if (grantAmountCents(view) <= 0) throw new RangeError(`notice ${view.grantId}: no source of kind 'grant'`);
  if (view.period.from > view.period.to)
    throw new RangeError(`notice ${view.grantId}: the period ends before it begins`);
}

function bewilligung(view: GrantNoticeView): PdfContent[] {
  const amount = grantAmountCents(view);
  const application = view.application
    ? `Auf Ihren Antrag vom ${formatDateLong(view.application.submittedOn)} hin bewillige ich Ihnen`
    : 'Hiermit bewillige ich Ihnen';
  const phase = view.phase ? ` für die Phase „${view.phase.name}“` : '';
  const plan = {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto'],
      body: [
        ['Quelle', 'Art', 'Betrag', 'Anteil'].map((text) => ({ text, style: 'tableHeader' })),
        ...view.financing.map((f) => [
          f.name,
          KIND_LABEL[f.kind],
          { text: formatEur(f.cents), alignment: 'right' },
          { text: share(f.cents, view.eligibleTotalCents), alignment: 'right' },
        ]),
        [
          { text: 'Zuwendungsfähige Gesamtausgaben', bold: true, colSpan: 2 },
          '',
          { text: formatEur(view.eligibleTotalCents), bold: true, alignment: 'right' },
          { text: formatPercent(100), bold: true, alignment: 'right' },
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 4],
  };
  return [
    partHeading('I. Bewilligung'),
    numbered('1.', {
      text: [
        `${application}${phase} für die Zeit vom ${formatDateLong(view.period.from)} bis ${formatDateLong(view.period.to)} `,
        '(Bewilligungszeitraum) eine Zuwendung in Höhe von ',
        { text: formatEur(amount), bold: true },
        ` (in Buchstaben: ${amountInWords(amount)}).`,
      ],
    }),
    numbered('2.', [
      { text: 'Zweck der Zuwendung', style: 'subheading' },
      ...view.purpose.map((p) => ({ text: p, margin: [0, 0, 0, 3] })),
      'Die Zuwendung ist ausschließlich für diesen Zweck zu verwenden.',
    ]),
    numbered('3.', [
      { text: 'Art, Finanzierungsart und Form', style: 'subheading' },
      {
        table: {
          widths: [110, '*'],
          body: [
            ['Art der Zuwendung', 'Projektförderung'],
            [
              'Finanzierungsart',
              `${view.financingType} in Höhe von ${share(amount, view.eligibleTotalCents)} der zuwendungsfähigen Gesamtausgaben von ${formatEur(view.eligibleTotalCents)}, höchstens ${formatEur(amount)}`,
            ],
            [
              'Form',
              `${view.form} (nicht rückzahlbar, soweit die Bedingungen dieses Bescheides eingehalten werden)`,
            ],
            ['Höhe', formatEur(amount)],
            [
              'Bewilligungszeitraum',
              `${formatDateNumeric(view.period.from)}–${formatDateNumeric(view.period.to)}`,
            ],
          ],
        },
        layout: 'noBorders',
      },
    ]),
    numbered('4.', [
      { text: 'Finanzierungsplan', style: 'subheading' },
      'Der Zuwendung liegt der folgende Finanzierungsplan zugrunde; er ist hinsichtlich des Gesamtergebnisses verbindlich.',
      plan,
    ]),
    numbered('5.', [
      { text: 'Auszahlung', style: 'subheading' },
      `Die Zuwendung wird auf Anforderung ausgezahlt, jedoch nur insoweit, als sie innerhalb von ${view.disbursementWindowMonths} Monaten nach der Auszahlung für fällige Zahlungen benötigt wird.`,
    ]),
  ];
}

function nebenbestimmungen(view: GrantNoticeView): PdfContent[] {
  const { conditions } = view;
  const excluded = conditions.notApplicable?.length
    ? ` Die Nummern ${conditions.notApplicable.join(', ')} finden keine Anwendung.`
    : '';
  const reports = view.reports.length
    ? [
        'Zwischenberichte (Sachbericht und zahlenmäßiger Nachweis) sind zu folgenden Terminen vorzulegen:',
        {
          table: {
            headerRows: 1,
            widths: ['*', 'auto'],
            body: [
              [
                { text: 'Berichtszeitraum', style: 'tableHeader' },
                { text: 'vorzulegen bis', style: 'tableHeader' },
              ],
              ...view.reports.map((r) => [r.periodLabel, formatDateLong(r.dueOn)]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 4, 0, 0],
        },
      ]
    : ['Zwischenberichte sind nicht vorzulegen.'];
  const items: PdfContent[] = [
    `Die beigefügten ${conditions.general.abbreviation} sind Bestandteil dieses Bescheides.${excluded}`,
    ...conditions.programme,
    reports,
    `Die Verwendung der Zuwendung ist bis zum ${formatDateLong(view.proofOfUseDueOn)} nachzuweisen (Verwendungsnachweis).`,
  ];
  return [partHeading('II. Nebenbestimmungen'), ...items.map((item, i) => numbered(`${i + 1}.`, item))];
}

function hinweise(view: GrantNoticeView): PdfContent[] {
  const interest =
    'Wird der Bescheid ganz oder teilweise zurückgenommen oder widerrufen, ist die Zuwendung insoweit zu erstatten ' +
    `und der Erstattungsbetrag nach §\u00a049a Abs.\u00a03 VwVfG NRW mit ${view.interestPointsAboveBaseRate} Prozentpunkten über ` +
    'dem Basiszinssatz jährlich zu verzinsen.';
  const notes = [
    ...view.notes,
    interest,
    'Bitte geben Sie bei allen Schreiben das oben genannte Aktenzeichen an.',
  ];
  return [partHeading('III. Hinweise'), ...notes.map((note, i) => numbered(`${i + 1}.`, note))];
}

function begruendung(view: GrantNoticeView): PdfContent[] {
  if (!view.reasons?.length) return [];
  return [partHeading('Begründung'), ...view.reasons.map((r) => ({ text: r, margin: [0, 0, 0, 6] }))];
}

function rechtsbehelfsbelehrung(view: GrantNoticeView): PdfContent[] {
  const court = [view.court.name, ...view.court.addressLines].join(', ');
  return [
    partHeading('Rechtsbehelfsbelehrung'),
    {
      text:
        `Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Klage erhoben werden beim ${court}. ` +
        'Die Klage ist schriftlich oder zur Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle ' +
        'zu erheben. Sie kann auch als elektronisches Dokument nach Maßgabe des §\u00a055a der Verwaltungsgerichtsordnung (VwGO) ' +
        'und der Elektronischer-Rechtsverkehr-Verordnung (ERVV) eingereicht werden; Behörden und juristische Personen ' +
        'des öffentlichen Rechts sind dazu nach §\u00a055d VwGO verpflichtet.',
      margin: [0, 0, 0, 6],
    },
  ];
}

export function grantNoticeDefinition(view: GrantNoticeView) {
  assertNoticeConsistent(view);
  const references = view.application
    ? [
        {
          label: 'Ihr Antrag vom',
          value: `${formatDateNumeric(view.application.submittedOn)}${view.application.reference ? ` (${view.application.reference})` : ''}`,
        },
      ]
    : [];
  const { title, abbreviation } = view.conditions.general;
  const enclosures = [`${title} (${abbreviation})`, ...(view.enclosures ?? [])];
  return {
    footer: pageFooter(`Zuwendungsbescheid · Az. ${view.fileReference}`),
    pageBreakBefore: keepHeadingsWithNext,
    styles: LETTER_STYLES,
    content: [
      ...letterHead({
        authority: view.authority,
        recipient: view.recipient,
        date: view.issuedOn,
        fileReference: view.fileReference,
        references,
        addressInHead: true,
      }),
      { text: 'Zuwendungsbescheid (Projektförderung)', style: 'title' },
      {
        text: [
          `Zuwendung zur Förderung im Programm „${view.programme.title}“`,
          view.programme.guideline ? `; ${view.programme.guideline}` : '',
          '; §§\u00a023 und 44 der Landeshaushaltsordnung (LHO) und die Verwaltungsvorschriften dazu',
        ].join(''),
        style: 'subject',
      },
      { text: `Anlagen: ${enclosures.join('; ')}`, style: 'small', margin: [0, 0, 0, 12] },
      { text: 'Sehr geehrte Damen und Herren,', margin: [0, 0, 0, 6] },
      ...bewilligung(view),
      ...nebenbestimmungen(view),
      ...hinweise(view),
      ...begruendung(view),
      ...rechtsbehelfsbelehrung(view),
      signatureBlock(view.signature, view.authority),
    ],
  };
}

/** The notice as a PDF with its SHA-256; the grants context records the hash in the notice's event. */
export async function renderGrantNotice(view: GrantNoticeView): Promise<RenderedPdf> {
  return renderPdf(
    grantNoticeDefinition(view),
    {
      title: `Zuwendungsbescheid – ${view.recipient.name} – ${view.programme.title}`,
      author: view.authority.name,
      subject: `Zuwendungsbescheid (Projektförderung), Az. ${view.fileReference}`,
      // ids for machines live in the metadata, people read names and the Aktenzeichen
      keywords: `Zuwendungsbescheid, ${view.programme.title}, ${view.fileReference}, ${view.grantId}`,
      date: view.issuedOn,
    },
    fileNameOf('Zuwendungsbescheid', view.recipient.name, view.fileReference),
  );
}
