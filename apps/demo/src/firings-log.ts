import type { RecordedEvent } from '@app/eventsourcing';

const KIND: Record<string, string> = {
  'call-closes': 'the call closes',
  'council-resolution-due': 'council resolution due',
  'esf-report-due': 'ESF report due',
  'proof-of-use-due': 'proof of use due',
  'survey-closes': 'the survey closes',
  'phase-ends': 'the phase ends',
};

interface Fired {
  kind?: string;
  offsetDays?: number;
  obligedAgs?: string[];
  callId?: string;
}

/** One progress line per kind of firing at one moment: what fired, for how many. */
export function describeFirings(events: RecordedEvent[]): string[] {
  const groups = new Map<string, { count: number; recipients: Set<string> }>();
  for (const e of events) {
    const d = e.data as Fired;
    const what =
      e.type === 'CallClosed'
        ? `call ${d.callId} closed`
        : e.type === 'DeadlineMissed'
          ? `missed, escalated to the grants office: ${KIND[d.kind ?? ''] ?? d.kind}`
          : `reminder: ${KIND[d.kind ?? ''] ?? d.kind} ${d.offsetDays === 0 ? 'today' : d.offsetDays === 1 ? 'tomorrow' : `in ${d.offsetDays} days`}`;
    const group = groups.get(what) ?? { count: 0, recipients: new Set<string>() };
    group.count += 1;
    for (const ags of d.obligedAgs ?? []) group.recipients.add(ags);
    groups.set(what, group);
  }
  return [...groups].map(([what, g]) =>
    g.recipients.size > 0
      ? `  ${what} → ${g.recipients.size} municipalit${g.recipients.size === 1 ? 'y' : 'ies'}`
      : `  ${what}`,
  );
}
