import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { ConfigError } from '@app/shared';
import bundled from './basiszinssatz.json';
import { type BaseRateTable, parseBaseRateTable } from './base-rate-table';

export const BASE_RATE_TABLE = Symbol('BaseRateTable');

/**
 * The Bundesbank's base-rate table: the bundled one, or the JSON file BASE_RATE_TABLE_FILE names
 * (a new half-year's rate is a file edit, not a release). A broken file stops the start with
 * every problem named, like the rest of the configuration.
 */
export function loadBaseRateTable(env: NodeJS.ProcessEnv = process.env): BaseRateTable {
  const file = env.BASE_RATE_TABLE_FILE?.trim();
  if (!file) {
    const { table, problems } = parseBaseRateTable(bundled);
    if (!table) throw new Error(`the bundled base-rate table is broken: ${problems.join('; ')}`);
    return table;
  }
  const path = resolve(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new ConfigError([`BASE_RATE_TABLE_FILE: cannot read ${path} as JSON (${why}).`]);
  }
  const { table, problems } = parseBaseRateTable(raw);
  if (!table) throw new ConfigError(problems.map((p) => `BASE_RATE_TABLE_FILE ${path}: ${p}.`));
  return { ...table, source: table.source === 'unnamed table' ? path : table.source };
}

export const baseRateTableProvider: Provider = {
  provide: BASE_RATE_TABLE,
  useFactory: () => loadBaseRateTable(),
};
