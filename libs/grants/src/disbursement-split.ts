import type { SourceAmount } from './grant';

/**
 * What each of the notice's grant sources bears of a payment (Anteilsfinanzierung): the payment in
 * proportion to the sources' amounts in the financing plan, in whole cents, the cents rounding
 * leaves over going to the sources with the largest remainders (the earlier one on a tie), so the
 * parts add up to the payment exactly. Own funds and third parties are not paid by the office:
 * only the `grantSources` given take part. Nothing stores the split: it follows from the notice.
 */
export function splitBySource(amountCents: number, grantSources: readonly SourceAmount[]): SourceAmount[] {
  const base = grantSources.reduce((sum, s) => sum + s.cents, 0);
  if (base <= 0 || amountCents <= 0) return grantSources.map((s) => ({ sourceId: s.sourceId, cents: 0 }));
  const exact = grantSources.map((s) => (amountCents * s.cents) / base);
  const parts = exact.map((x) => Math.floor(x));
  let left = amountCents - parts.reduce((sum, c) => sum + c, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return grantSources.map((s, i) => ({ sourceId: s.sourceId, cents: parts[i] }));
}
