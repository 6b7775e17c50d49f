import type { IndicatorDefinition } from '@app/programmes-calls/rules';
import { IndicatorRequired, IndicatorTypeMismatch, UnknownIndicator } from './errors';
import type { Indicators } from './esf-report';

/** Far beyond any count a report states, far below where numbers stop being exact. */
const MAX_VALUE = 1_000_000_000_000;

function fits(indicator: IndicatorDefinition, value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_VALUE) return false;
  return indicator.type === 'decimal' || Number.isInteger(value);
}

/** Every stated indicator is in the period's catalogue, with a value of its type. */
export function assertIndicatorsInCatalogue(
  indicators: Indicators | undefined,
  catalogue: readonly IndicatorDefinition[],
): void {
  for (const [indicatorId, value] of Object.entries(indicators ?? {})) {
    const indicator = catalogue.find((i) => i.indicatorId === indicatorId);
    if (!indicator) throw new UnknownIndicator(indicatorId, [...catalogue]);
    if (!fits(indicator, value)) throw new IndicatorTypeMismatch(indicator, value);
  }
}

/** A submitted report states every required indicator of its catalogue. */
export function assertRequiredIndicators(
  indicators: Indicators | undefined,
  catalogue: readonly IndicatorDefinition[],
): void {
  const missing = catalogue.filter((i) => i.required && indicators?.[i.indicatorId] === undefined);
  if (missing.length > 0) throw new IndicatorRequired(missing);
}
