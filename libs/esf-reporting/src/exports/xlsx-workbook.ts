import { strToU8, zipSync } from 'fflate';

/** A cell: text, or a number (written as the number's shortest exact decimal). */
export type XlsxCell = string | number;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A fixed timestamp inside the archive: the same rows always give the same bytes. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/**
 * The smallest SpreadsheetML workbook Excel and LibreOffice open: one sheet, inline strings (no
 * shared-string table), no styles. Five parts: content types, package relationships, workbook,
 * workbook relationships, sheet.
 */
export function xlsxWorkbook(sheetName: string, rows: XlsxCell[][]): Uint8Array {
  const files = {
    '[Content_Types].xml':
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${XML_DECL}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      `<sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_DECL}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `${XML_DECL}<worksheet xmlns="${MAIN}"><sheetData>${rows.map(row).join('')}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])), {
    level: 6,
    mtime: ZIP_TIME,
  });
}

function row(cells: XlsxCell[], index: number): string {
  const r = index + 1;
  return `<row r="${r}">${cells.map((value, c) => cell(`${columnName(c)}${r}`, value)).join('')}</row>`;
}

function cell(ref: string, value: XlsxCell): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cell ${ref}: ${value} is not a number a sheet can hold`);
    return `<c r="${ref}"><v>${value}</v></c>`;
  }
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Escapes markup and drops characters XML 1.0 cannot carry at all. */
function escapeXml(text: string): string {
  return [...text]
    .filter(isXmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** XML 1.0's Char production: tab, LF, CR, and everything from space on but surrogates and U+FFFE/U+FFFF. */
function isXmlChar(char: string): boolean {
  const c = char.codePointAt(0) as number;
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c >= 0x10000
  );
}
