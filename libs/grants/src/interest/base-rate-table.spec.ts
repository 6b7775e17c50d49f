import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@app/shared';
import { parseBaseRateTable, rateStretches } from './base-rate-table';
import { loadBaseRateTable } from './base-rate-table.provider';

const dir = mkdtempSync(join(tmpdir(), 'kkz-base-rates-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('the base-rate table (Basiszinssatz, § 247 BGB)', () => {
  it('bundles the Bundesbank rates from 2002 on, one per half-year', () => {
    const table = loadBaseRateTable({});
    const rate = (from: string) => table.rates.find((r) => r.from === from)?.basisPoints;
    expect(table.rates[0]).toEqual({ from: '2002-01-01', basisPoints: 257 });
    expect(table.rates).toHaveLength(49);
    expect([rate('2011-07-01'), rate('2012-01-01'), rate('2013-01-01'), rate('2013-07-01')]).toEqual([
      37, 12, -13, -38,
    ]);
    expect([rate('2014-01-01'), rate('2014-07-01'), rate('2015-01-01'), rate('2016-07-01')]).toEqual([
      -63, -73, -83, -88,
    ]);
    expect([rate('2022-07-01'), rate('2023-01-01'), rate('2023-07-01'), rate('2024-01-01')]).toEqual([
      -88, 162, 312, 362,
    ]);
    expect([rate('2024-07-01'), rate('2025-01-01'), rate('2025-07-01')]).toEqual([337, 227, 127]);
  });

  it('splits a range at every entry and stops at the end of the last published half-year', () => {
    const table = loadBaseRateTable({});
    expect(rateStretches(table, '2012-05-01', '2012-08-01')).toEqual([
      { from: '2012-05-01', to: '2012-07-01', basisPoints: 12 },
      { from: '2012-07-01', to: '2012-08-01', basisPoints: 12 },
    ]);
    expect(rateStretches(table, '2026-06-01', '2026-07-02')).toBeUndefined();
  });

  it('reads a table from BASE_RATE_TABLE_FILE', () => {
    const path = file(
      'ok.json',
      JSON.stringify({
        source: 'test table',
        knownUntil: '2012-12-31',
        rates: [{ from: '2012-01-01', percent: 0.12 }],
      }),
    );
    expect(loadBaseRateTable({ BASE_RATE_TABLE_FILE: path })).toEqual({
      source: 'test table',
      knownUntil: '2012-12-31',
      rates: [{ from: '2012-01-01', basisPoints: 12 }],
    });
  });

  it('stops the start with a clear message naming the variable when the file is missing or not JSON', () => {
    expect(() => loadBaseRateTable({ BASE_RATE_TABLE_FILE: join(dir, 'missing.json') })).toThrow(
      /BASE_RATE_TABLE_FILE: cannot read .*missing\.json as JSON \(there is no such file\)/,
    );
    expect(() => loadBaseRateTable({ BASE_RATE_TABLE_FILE: file('broken.json', '{ rates: ') })).toThrow(
      ConfigError,
    );
  });

  it('names every mistake in a table', () => {
    const { table, problems } = parseBaseRateTable({
      knownUntil: '2012-13-01',
      rates: [
        { from: '2012-07-01', percent: 0.12 },
        { from: '2012-01-01', percent: 0.12 },
        { from: '2013-02-01', percent: 1 },
        { from: '2014-01-01', percent: 0.125 },
        { from: '2014-07-01', percent: '0.1' },
      ],
    });
    expect(table).toBeUndefined();
    expect(problems).toEqual([
      '"knownUntil" must be a date YYYY-MM-DD',
      'rates[1].from 2012-01-01 must come after 2012-07-01',
      'rates[2].from must be a 1 January or 1 July date YYYY-MM-DD, not "2013-02-01"',
      'rates[3].percent must be a number with at most two decimals, not 0.125',
      'rates[4].percent must be a number with at most two decimals, not "0.1"',
    ]);
  });

  it('refuses a table whose known end lies before its last rate, or that has no rates', () => {
    expect(
      parseBaseRateTable({ knownUntil: '2011-12-31', rates: [{ from: '2012-01-01', percent: 0 }] }).problems,
    ).toEqual(['"knownUntil" 2011-12-31 lies before the last rate\'s date']);
    expect(parseBaseRateTable({ knownUntil: '2012-12-31', rates: [] }).table).toBeUndefined();
    expect(parseBaseRateTable([1, 2]).problems).toHaveLength(1);
  });

  it('reports a broken file with every problem and the file name', () => {
    const path = file(
      'bad.json',
      JSON.stringify({ knownUntil: '2012-12-31', rates: [{ from: '2012-02-01', percent: 1 }] }),
    );
    let error: ConfigError | undefined;
    try {
      loadBaseRateTable({ BASE_RATE_TABLE_FILE: path });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toEqual([
      `BASE_RATE_TABLE_FILE ${path}: rates[0].from must be a 1 January or 1 July date YYYY-MM-DD, not "2012-02-01".`,
    ]);
  });
});
