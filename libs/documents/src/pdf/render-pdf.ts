import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Locale } from '@app/eventsourcing';
import { type CalendarDate, dateParts } from '../format/german';

/**
 * PDFs through pdfmake (declarative layout over PDFKit, pure JavaScript): a document is a tree of
 * paragraphs, tables and SVG, which suits letters whose structure is fixed by a model notice.
 *
 * Same input, same bytes: the creation date comes from the document's own date, the file id is
 * PDFKit's MD5 of the metadata (so fixed too), font subsets are named from their order of use,
 * and nothing reads the clock. The SHA-256 of the bytes is returned with them, for the caller to
 * record in the event that issues the document.
 *
 * The font is Noto Sans (SIL Open Font License 1.1, shipped with its licence in
 * `@expo-google-fonts/noto-sans`), embedded as a subset: Latin incl. ä ö ü ß € § „ “ –, also
 * Latin Extended, Greek and Cyrillic, so a contact's name such as "Dvořák" prints too.
 */
export type PdfContent = string | PdfNode | PdfContent[];
export type PdfNode = { [key: string]: unknown };

export interface PdfDocumentDefinition {
  content: PdfContent;
  [key: string]: unknown;
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** The document's own date (the notice's date): its creation date, so regeneration is identical. */
  date: CalendarDate;
  /** BCP 47 language of the text (default de-DE); screen readers pick their voice by it. */
  language?: string;
}

export interface RenderedPdf {
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`, for the event that records the document. */
  sha256: string;
  contentType: 'application/pdf';
  fileName: string;
}

const FONT_PACKAGE = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
export const FONT_FAMILY = 'NotoSans';
const FONT_FILES = {
  normal: join(FONT_PACKAGE, '400Regular', 'NotoSans_400Regular.ttf'),
  bold: join(FONT_PACKAGE, '700Bold', 'NotoSans_700Bold.ttf'),
  italics: join(FONT_PACKAGE, '400Regular_Italic', 'NotoSans_400Regular_Italic.ttf'),
  bolditalics: join(FONT_PACKAGE, '700Bold_Italic', 'NotoSans_700Bold_Italic.ttf'),
};
const ALLOWED_FILES = new Set(Object.values(FONT_FILES));

/** Colours with at least 4.5:1 contrast on white (WCAG 2.1 AA) for text. */
export const INK = '#1a1a1a';
export const MUTED = '#4a4a4a';
export const ACCENT = '#1f4e79';

/** A4 with DIN 5008-like margins (left 25 mm, right 20 mm), in points. */
const MM = 72 / 25.4;
export const PAGE_MARGINS = [25 * MM, 20 * MM, 20 * MM, 22 * MM];

/** pdfmake (with PDFKit and fontkit) is loaded with the first PDF, not with the library. */
async function configuredPdfmake() {
  const { default: pdfmake } = await import('pdfmake');
  // pdfmake is a process-wide singleton: every document sets the same fonts and the same limits on
  // what it may read: no URL at all, and of local files our fonts only.
  pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => ALLOWED_FILES.has(path));
  return pdfmake;
}

export async function renderPdf(
  definition: PdfDocumentDefinition,
  metadata: PdfMetadata,
  fileName: string,
): Promise<RenderedPdf> {
  const { year, month, day } = dateParts(metadata.date);
  const created = new Date(Date.UTC(year, month - 1, day, 12));
  const pdfmake = await configuredPdfmake();
  const document = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: metadata.language ?? 'de-DE',
    version: '1.7',
    compress: true,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.2, color: INK },
    ...definition,
    info: {
      title: metadata.title,
      author: metadata.author,
      subject: metadata.subject,
      keywords: metadata.keywords ?? '',
      creator: metadata.author,
      producer: 'pdfmake',
      creationDate: created,
      modDate: created,
    },
    displayTitle: true,
  });
  const bytes: Buffer = await document.getBuffer();
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: 'application/pdf',
    fileName,
  };
}

/** "Seite 1 von 3" at the foot of each page, with the reference the letter is filed under. */
export function pageFooter(reference: string, locale: Locale = 'de') {
  const [pageLabel, ofLabel] = locale === 'en' ? ['Page', 'of'] : ['Seite', 'von'];
  return (currentPage: number, pageCount: number): PdfContent => ({
    columns: [
      { text: reference, alignment: 'left', width: '*' },
      { text: `${pageLabel} ${currentPage} ${ofLabel} ${pageCount}`, alignment: 'right', width: 'auto' },
    ],
    margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
    fontSize: 8,
    color: MUTED,
  });
}

/** A file name a person recognises and any file system accepts: letters, digits, dashes. */
export function fileNameOf(...parts: string[]): string {
  const text = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${text || 'dokument'}.pdf`;
}
