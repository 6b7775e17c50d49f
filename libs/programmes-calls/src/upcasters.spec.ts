import {
  fold,
  MemoryEventStore,
  type RecordedEvent,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { evolveProgramme, initialProgrammeState, type ProgrammeEvent } from './programme';
import { rulesInForce, rulesOfVersion } from './rules';
import { call2011Terms } from './testing-fixtures';
import { programmeUpcasters } from './upcasters';

const STREAM = 'programme-kkz';
const v1 = (day: string) => ({ schemaVersion: 1, occurredAt: `${day}T09:00:00.000Z` });

/** The 2011 programme exactly as the code before programme terms v2 wrote it (the demo's seed). */
const createdV1 = newEvent(
  'ProgrammeCreated',
  { programmeId: 'kkz', title: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor' },
  v1('2011-10-17'),
);
const phaseOneV1 = newEvent(
  'ProgrammeRulesAdopted',
  {
    programmeId: 'kkz',
    version: 1,
    effectiveFrom: '2011-11-01',
    label: 'Förderphase I',
    rules: { councilResolution: 'may-follow-after-selection', resolutionFollowUpDays: 90 },
  },
  v1('2011-10-17'),
);
const phaseTwoV1 = newEvent(
  'ProgrammeRulesAdopted',
  {
    programmeId: 'kkz',
    version: 2,
    effectiveFrom: '2016-06-01',
    label: 'Förderphase II',
    rules: {
      councilResolution: 'required-at-submission',
      financing: { esfMaxPercent: 40, landMaxPercent: 30 },
      reportSchedule: { frequency: 'semiannual', dueAfterPeriodEndDays: 30 },
      disbursementWindowMonths: 3,
    },
  },
  v1('2016-05-02'),
);

async function readToday(...stored: ReturnType<typeof newEvent>[]): Promise<RecordedEvent[]> {
  const inner = new MemoryEventStore();
  await inner.appendToStream(STREAM, stored, 'no_stream');
  const store = new UpcastingEventStore(inner, new UpcasterRegistry().register(...programmeUpcasters));
  return store.readStream(STREAM);
}

describe('programmes created and rules adopted before programme terms v2', () => {
  it('read a v1 programme with its title as sender and the holidays of North Rhine-Westphalia', async () => {
    const [created] = await readToday(createdV1);
    expect(created.metadata.schemaVersion).toBe(2);
    expect(created.data).toEqual({
      programmeId: 'kkz',
      title: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor',
      sender: { name: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor' },
      holidayRegion: 'NW',
    });
  });

  it('read a partial v1 version complete, with the values earlier code filled in (2011 terms)', async () => {
    const [, phaseOne] = await readToday(createdV1, phaseOneV1);
    expect(phaseOne.metadata.schemaVersion).toBe(2);
    expect(phaseOne.data).toEqual({
      programmeId: 'kkz',
      version: 1,
      effectiveFrom: '2011-11-01',
      label: 'Förderphase I',
      rules: {
        councilResolution: 'may-follow-after-selection',
        resolutionFollowUpDays: 90,
        sources: [
          { sourceId: 'esf', name: 'ESF', kind: 'grant', maxPercent: 50 },
          { sourceId: 'land', name: 'Land', kind: 'grant', maxPercent: 25 },
          { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 25 },
        ],
        disbursementWindowMonths: 2,
        proofOfUseMonths: 6,
        interestPointsAboveBaseRate: 5,
        reporting: {
          schedule: { frequency: 'annual', anchor: 'calendar', due: { monthsAfterPeriodEnd: 4 } },
          indicators: [
            expect.objectContaining({ indicatorId: 'publicAdministrationsSupported', required: true }),
            expect.objectContaining({ indicatorId: 'participants', required: false }),
          ],
        },
        phases: [
          { phaseId: 'phase-1', name: 'Förderphase I' },
          { phaseId: 'phase-2', name: 'Förderphase II' },
        ],
      },
    });
  });

  it('keep what a v1 version named: its shares as sources, its schedule in days, its windows', async () => {
    const [, , phaseTwo] = await readToday(createdV1, phaseOneV1, phaseTwoV1);
    const rules = (phaseTwo.data as { rules: Record<string, unknown> }).rules;
    expect(rules.sources).toEqual([
      { sourceId: 'esf', name: 'ESF', kind: 'grant', maxPercent: 40 },
      { sourceId: 'land', name: 'Land', kind: 'grant', maxPercent: 30 },
      { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 25 },
    ]);
    expect(rules.reporting).toMatchObject({
      schedule: { frequency: 'semiannual', anchor: 'calendar', due: { daysAfterPeriodEnd: 30 } },
    });
    expect(rules.disbursementWindowMonths).toBe(3);
    expect(rules).not.toHaveProperty('financing');
    expect(rules).not.toHaveProperty('reportSchedule');
  });

  it('decide as before: the resolution rule and coordinator a v1 version left out still come from the call', async () => {
    const events = (await readToday(createdV1, phaseOneV1, phaseTwoV1)) as unknown as ProgrammeEvent[];
    const state = fold({ evolve: evolveProgramme, initialState: initialProgrammeState }, events);
    if (state.status !== 'active') throw new Error('programme not read');
    expect(state).toMatchObject({ sender: { name: state.title }, holidayRegion: 'NW' });
    const call = call2011Terms({
      conditions: { councilResolution: 'not-required', coordinatorRequired: true },
    });
    const { rules, applied } = rulesInForce(state.rules, call, '2012-01-10');
    expect(applied).toEqual({ version: 1, effectiveFrom: '2011-11-01' });
    expect(rules.councilResolution).toBe('may-follow-after-selection');
    expect(rules.coordinatorRequired).toBe(true);
    expect(rules.fundingTiers).toEqual(call.fundingTiers);
    expect(
      rulesOfVersion(state.rules, call, { version: 2, effectiveFrom: '2016-06-01' })?.rules,
    ).toMatchObject({
      councilResolution: 'required-at-submission',
      resolutionFollowUpDays: 90,
    });
  });

  it('leave events written by today’s code as they are', async () => {
    const created = newEvent(
      'ProgrammeCreated',
      { programmeId: 'kkz', title: 'KKZ', sender: { name: 'MKJFGFI NRW' }, holidayRegion: 'BY' },
      { schemaVersion: 2 },
    );
    const [read] = await readToday(created);
    expect(read.data).toEqual(created.data);
  });
});
