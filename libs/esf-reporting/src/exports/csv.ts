/**
 * RFC 4180: comma-separated fields, CRLF line ends, a field quoted when it holds a comma, a quote,
 * CR or LF, and quotes inside doubled.
 */
export function toCsv(rows: (string | number)[][]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
