import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';

export interface Figure {
  value: number;
  unit: string;
  goal?: Goal;
  met?: boolean;
}

/** What the issue asks of a figure: at least or at most this value. */
export type Goal = { atLeast: number } | { atMost: number };

export function meets(value: number, goal: Goal): boolean {
  return 'atLeast' in goal ? value >= goal.atLeast : value <= goal.atMost;
}

/** Decimals per unit: throughputs as whole numbers, latencies to 0.01 ms, ratios to 0.001. */
const DECIMALS: Record<string, number> = {
  'events/s': 0,
  'commands/s': 0,
  ms: 2,
  ratio: 3,
  count: 0,
  s: 2,
  min: 2,
  MB: 0,
};

/**
 * Prints each figure as `BENCH <name> <value> <unit>` (one line, easy to grep and compare across
 * runs) and keeps it for the results file.
 */
export class Report {
  private readonly figures: Record<string, Figure> = {};
  private readonly notes: string[] = [];

  /** With a goal, the line says it and whether this run met it: `… goal >= 0.5: met`. */
  figure(name: string, value: number, unit: string, goal?: Goal): void {
    const rounded = Number(value.toFixed(DECIMALS[unit] ?? 2));
    if (!goal) {
      this.figures[name] = { value: rounded, unit };
      console.log(`BENCH ${name} ${rounded} ${unit}`);
      return;
    }
    const met = meets(rounded, goal);
    this.figures[name] = { value: rounded, unit, goal, met };
    const wanted = 'atLeast' in goal ? `>= ${goal.atLeast}` : `<= ${goal.atMost}`;
    console.log(`BENCH ${name} ${rounded} ${unit}   goal ${wanted}: ${met ? 'met' : 'NOT met'}`);
  }

  /** Sets the goal of a figure printed already (by a bench that does not know the goal). */
  judge(name: string, goal: Goal): void {
    const figure = this.figures[name];
    if (!figure) return;
    figure.goal = goal;
    figure.met = meets(figure.value, goal);
    const wanted = 'atLeast' in goal ? `>= ${goal.atLeast}` : `<= ${goal.atMost}`;
    console.log(`# goal: ${name} ${wanted} ${figure.unit}: ${figure.met ? 'met' : 'NOT met'}`);
  }

  /** The goals of this run's figures, met or not, for the closing summary. */
  goals(): { name: string; figure: Figure }[] {
    return Object.entries(this.figures)
      .filter(([, figure]) => figure.goal !== undefined)
      .map(([name, figure]) => ({ name, figure }));
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
