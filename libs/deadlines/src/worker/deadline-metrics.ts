/** The manager's and the scheduler's state when rendered: what could keep a deadline from firing. */
export interface ManagerGauges {
  managerUp: boolean;
  position: number;
  restarts: number;
  skippedEvents: number;
  effectFailures: number;
  skippedDeadlines: number;
  retryFailures: number;
  delaysCorrected: number;
  staleJobsRemoved: number;
}

/** Wall-clock milliseconds: how late a firing was recorded after its moment. */
const LATENESS_BUCKETS_MS = [10, 50, 100, 250, 500, 1000, 2500, 5000, 15000, 60000, 300000];

/**
 * What this process's worker measured, in the Prometheus text format: firing lateness (a
 * histogram), firings and failures by kind, reconciliations. Queue depth is read from Redis when
 * rendered, so any process can show it.
 */
export class DeadlineMetrics {
  private readonly buckets = LATENESS_BUCKETS_MS.map(() => 0);
  private latenessCount = 0;
  private latenessSum = 0;
  private readonly fired = new Map<string, number>();
  private readonly caughtUp = new Map<string, number>();
  private failures = 0;
  private reconciliations = 0;
  private lastReconcileSeconds = 0;
  openDeadlines = 0;

  /**
   * A firing recorded `latenessMs` after its moment. One recorded long after it (`catchUp`: its
   * moment passed while no worker ran) is counted on its own, not in the lateness histogram,
   * which tells how late the running system is.
   */
  observeFiring(kind: string, latenessMs: number, catchUp = false): void {
    this.fired.set(kind, (this.fired.get(kind) ?? 0) + 1);
    if (catchUp) {
      this.caughtUp.set(kind, (this.caughtUp.get(kind) ?? 0) + 1);
      return;
    }
    const ms = Math.max(0, latenessMs);
    this.latenessCount++;
    this.latenessSum += ms;
    LATENESS_BUCKETS_MS.forEach((le, i) => {
      if (ms <= le) this.buckets[i]++;
    });
  }

  observeFailure(): void {
    this.failures++;
  }

  observeReconciliation(seconds: number): void {
    this.reconciliations++;
    this.lastReconcileSeconds = seconds;
  }

  render(manager?: ManagerGauges): string {
    const lines = [
      '# HELP kkz_deadline_firing_lateness_ms Wall-clock delay from a firing moment to its recorded event.',
      '# TYPE kkz_deadline_firing_lateness_ms histogram',
      ...LATENESS_BUCKETS_MS.map(
        (le, i) => `kkz_deadline_firing_lateness_ms_bucket{le="${le}"} ${this.buckets[i]}`,
      ),
      `kkz_deadline_firing_lateness_ms_bucket{le="+Inf"} ${this.latenessCount}`,
      `kkz_deadline_firing_lateness_ms_sum ${this.latenessSum}`,
      `kkz_deadline_firing_lateness_ms_count ${this.latenessCount}`,
      '# HELP kkz_deadline_firings_total Firings processed by this process, by kind.',
      '# TYPE kkz_deadline_firings_total counter',
      ...[...this.fired].map(([kind, n]) => `kkz_deadline_firings_total{firing="${kind}"} ${n}`),
      '# HELP kkz_deadline_catch_up_firings_total Firings recorded long after their moment because no worker ran then (not in the lateness histogram).',
      '# TYPE kkz_deadline_catch_up_firings_total counter',
      ...[...this.caughtUp].map(([kind, n]) => `kkz_deadline_catch_up_firings_total{firing="${kind}"} ${n}`),
      '# HELP kkz_deadline_firing_failures_total Firing attempts that failed (retried with backoff).',
      '# TYPE kkz_deadline_firing_failures_total counter',
      `kkz_deadline_firing_failures_total ${this.failures}`,
      '# HELP kkz_deadline_reconciliations_total Reconciliations of queued jobs against the store.',
      '# TYPE kkz_deadline_reconciliations_total counter',
      `kkz_deadline_reconciliations_total ${this.reconciliations}`,
      '# HELP kkz_deadline_reconcile_seconds Duration of the last reconciliation.',
      '# TYPE kkz_deadline_reconcile_seconds gauge',
      `kkz_deadline_reconcile_seconds ${this.lastReconcileSeconds}`,
      '# HELP kkz_deadlines_open Open deadlines known to this worker.',
      '# TYPE kkz_deadlines_open gauge',
      `kkz_deadlines_open ${this.openDeadlines}`,
      ...(manager ? managerLines(manager) : []),
    ];
    return `${lines.join('\n')}\n`;
  }
}

function managerLines(m: ManagerGauges): string[] {
  const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    `${name} ${value}`,
  ];
  return [
    ...metric(
      'kkz_deadline_manager_up',
      'gauge',
      '1 while the deadline manager follows the store; 0 while it retries (nothing is opened or met).',
      m.managerUp ? 1 : 0,
    ),
    ...metric(
      'kkz_deadline_manager_position',
      'gauge',
      'Store position the manager has folded in.',
      m.position,
    ),
    ...metric(
      'kkz_deadline_manager_restarts_total',
      'counter',
      'Times the subscription to the store ended and was started again.',
      m.restarts,
    ),
    ...metric(
      'kkz_deadline_events_skipped_total',
      'counter',
      'Events the derivation could not read (malformed), skipped; see the log and /health.',
      m.skippedEvents,
    ),
    ...metric(
      'kkz_deadline_effect_failures_total',
      'counter',
      'Effects (open, meet, queue update) that failed; reconciliation repeats them.',
      m.effectFailures,
    ),
    ...metric(
      'kkz_deadline_unschedulable_total',
      'counter',
      'Times an open deadline could not be given a job because its dates cannot be read.',
      m.skippedDeadlines,
    ),
    ...metric(
      'kkz_deadline_retry_failures_total',
      'counter',
      'Failed firings whose retry in reconciliation was refused.',
      m.retryFailures,
    ),
    ...metric(
      'kkz_deadline_delays_corrected_total',
      'counter',
      'Queued firings whose delay reconciliation found wrong and set again.',
      m.delaysCorrected,
    ),
    ...metric(
      'kkz_deadline_stale_jobs_removed_total',
      'counter',
      'Delayed jobs reconciliation removed because their deadline is no longer open.',
      m.staleJobsRemoved,
    ),
  ];
}
