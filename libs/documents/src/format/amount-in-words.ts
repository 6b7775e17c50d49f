/**
 * An amount in German words, as a notice states the granted sum "in Buchstaben" so that a figure
 * cannot be altered unnoticed: 250 000,00 € → "zweihundertfünfzigtausend Euro". Below a million
 * the number is one word; Millionen and Milliarden stand apart, as German spelling has it.
 */
const ONES = ['', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const TEENS = [
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

function below100(n: number): string {
  if (n < 10) return ONES[n];
  if (n < 20) return TEENS[n - 10];
  const unit = n % 10;
  return `${unit ? `${ONES[unit]}und` : ''}${TENS[Math.floor(n / 10)]}`;
}

/** Hundreds are written out in full ("einhundert"), as on payment orders. */
function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  return `${hundreds ? `${ONES[hundreds]}hundert` : ''}${below100(n % 100)}`;
}

function below1e6(n: number): string {
  const thousands = Math.floor(n / 1000);
  return `${thousands ? `${below1000(thousands)}tausend` : ''}${below1000(n % 1000)}`;
}

/** A final "ein" is counted as "eins" ("einhunderteins"); alone it stays "ein" (ein Euro). */
function finish(words: string, n: number): string {
  return n % 100 === 1 && n !== 1 ? `${words}s` : words;
}

function large(n: number, singular: string, plural: string): string {
  return n === 1 ? `eine ${singular}` : `${finish(below1000(n), n)} ${plural}`;
}

/** A whole number in German words ("null" for 0). */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${n} is not a whole number ≥ 0`);
  if (n === 0) return 'null';
  if (n >= 1e12) throw new RangeError(`${n} is beyond the amounts a notice names`);
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor((n % 1e9) / 1e6);
  const rest = n % 1e6;
  const parts = [
    billions ? large(billions, 'Milliarde', 'Milliarden') : '',
    millions ? large(millions, 'Million', 'Millionen') : '',
    rest ? finish(below1e6(rest), rest) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** "zweihundertfünfzigtausend Euro", "ein Euro und fünfzig Cent", "null Euro". */
export function amountInWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0)
    throw new RangeError(`${cents} is not an amount of cents ≥ 0`);
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const euroWords = `${numberInWords(euros)} Euro`;
  return rest ? `${euroWords} und ${numberInWords(rest)} Cent` : euroWords;
}
