import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PdfReading {
  /** Each page's text as PDF.js extracts it, lines ended by "\n". */
  pages: string[];
  /** The whole text with runs of white space (incl. no-break spaces) made one space. */
  text: string;
  info: Record<string, unknown>;
  numPages: number;
}

/** The text of a PDF as a reader sees it, through PDF.js in a child process. */
export function readPdf(bytes: Buffer): PdfReading {
  const out = execFileSync(process.execPath, [join(__dirname, 'extract-pdf-text.mjs')], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
    cwd: join(__dirname, '..', '..', '..', '..'),
  });
  const parsed = JSON.parse(out.toString('utf8')) as Omit<PdfReading, 'text'>;
  return { ...parsed, text: parsed.pages.join('\n').replace(/\s+/g, ' ') };
}
