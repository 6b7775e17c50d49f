// Reads a PDF from stdin with PDF.js (Mozilla's reader, legacy build for Node) and prints its
// pages' text and metadata as JSON. A script of its own because PDF.js is an ES module, which
// Jest's CommonJS runtime cannot import.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n += 1) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  pages.push(text);
}
const { info, metadata } = await pdf.getMetadata();
process.stdout.write(
  JSON.stringify({
    pages,
    info,
    language: metadata?.get('dc:language') ?? null,
    numPages: pdf.numPages,
  }),
);
