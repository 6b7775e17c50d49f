import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';

export interface Figure {
  value: number;
  unit: string;
}

/** Decimals per unit: throughputs as whole numbers, latencies to 0.01 ms, ratios to 0.001. */
const DECIMALS: Record<string, number> = { 'events/s': 0, 'commands/s': 0, ms: 2, ratio: 3, count: 0 };

/**
 * Prints each figure as `BENCH <name> <value> <unit>` (one line, easy to grep and compare across
 * runs) and keeps it for the results file.
 */
export class Report {
  private readonly figures: Record<string, Figure> = {};
  private readonly notes: string[] = [];

  figure(name: string, value: number, unit: string): void {
    const rounded = Number(value.toFixed(DECIMALS[unit] ?? 2));
    this.figures[name] = { value: rounded, unit };
    console.log(`BENCH ${name} ${rounded} ${unit}`);
  }

  /** A `#` line: context a reader of the figures needs, not a figure itself. */
  note(text: string, keep = true): void {
    if (keep) this.notes.push(text);
    console.log(`# ${text}`);
  }

  /** Small on purpose: the figures and the environment they were measured in, nothing per request. */
  write(file: string, settings: Record<string, unknown>): void {
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      platform: `${process.platform}-${process.arch}`,
      settings,
      figures: this.figures,
      notes: this.notes,
    };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  }
}
