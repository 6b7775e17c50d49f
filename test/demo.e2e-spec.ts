import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllPages, type RecordedEvent, SqliteEventStore } from '@app/eventsourcing';
import { DEMO_REGISTRY_FILE, loadConfig } from '@app/shared';
import { runDemo } from '../apps/demo/src/run-demo';
import { removeQueueKeys, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';

/**
 * A shortened demo (4 of the 18, 5 applicants not taken, 3 newcomers in phase II) through the
 * real API, SQLite store, BullMQ and simulated clock; its printed figures are then recomputed
 * from the events in the store alone.
 */
describe('npm run demo, shortened', () => {
  const prefix = uniquePrefix('demo');
  afterAll(() => removeQueueKeys(SHARED_QUEUE_DB, prefix));

  it('drives the programme 2011–2018 and reports figures that the events confirm', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kkz-demo-'));
    const config = loadConfig({
      MUNICIPALITY_REGISTRY_FILE: DEMO_REGISTRY_FILE,
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      REDIS_URL: `redis://127.0.0.1:6379/${SHARED_QUEUE_DB}`,
      QUEUE_PREFIX: prefix,
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    });
    const lines: string[] = [];
    const { figures, reportFile } = await runDemo({ config, short: true, write: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/refused, 422 submission-after-deadline/);

    const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    const events: RecordedEvent[] = [];
    for await (const page of readAllPages(store)) events.push(...page);
    await store.close();
    const of = <T>(type: string) => events.filter((e) => e.type === type).map((e) => e.data as T);
    // ReportAccepted v2, as today's code writes it: the money per source of the notice.
    type Expenditure = { sourceId: string; cents: number }[];

    const selected2011 = of<{ callId: string }>('SubmissionSelected').filter((d) => d.callId === 'kkz-2011');
    expect(figures.selected2011).toBe(selected2011.length);
    expect(figures.selected2011).toBe(4);
    expect(figures.submitted2011).toBe(
      of<{ callId: string }>('ExpressionOfInterestSubmitted').filter((d) => d.callId === 'kkz-2011').length,
    );

    const sum = (source: string) =>
      of<{ expenditure: Expenditure }>('ReportAccepted').reduce(
        (s, d) => s + (d.expenditure.find((e) => e.sourceId === source)?.cents ?? 0),
        0,
      );
    expect(figures.totalsBySource).toEqual({ esf: sum('esf'), land: sum('land'), own: sum('own') });
    const total = sum('esf') + sum('land') + sum('own');
    expect(sum('esf') / total).toBeGreaterThan(0.45);
    expect(sum('land') / total).toBeGreaterThan(0.2);

    const phaseOne = new Set(
      // GrantNoticeIssued v2, as today's code writes it: the phase by its id.
      of<{ phaseId?: string; ags: string }>('GrantNoticeIssued')
        .filter((d) => d.phaseId === 'phase-1')
        .map((d) => d.ags),
    );
    const networkSteps = of<{ ags: string; answers: { questionId: string; step?: string }[] }>(
      'SurveyAnswerSubmitted',
    )
      .filter((d) => phaseOne.has(d.ags))
      .map((d) => d.answers.find((a) => a.questionId === 'networks')?.step);
    const largelyOrFully = networkSteps.filter((s) => s === 'largely' || s === 'fully').length;
    expect(figures.networksShare).toMatchObject({
      numerator: largelyOrFully,
      denominator: networkSteps.length,
    });
    expect(figures.integrity.breaks).toBe(0);
    expect(figures.deadlines.reminders).toBe(
      events.filter((e) => e.type === 'DeadlineReminderIssued').length,
    );
    expect(figures.deadlines.reminders).toBeGreaterThan(0);
    expect(reportFile).toBe(join(dataDir, 'programme-report.html'));
  }, 120_000);
});
