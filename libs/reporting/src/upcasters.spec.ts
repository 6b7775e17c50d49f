import { MemoryEventStore, UpcasterRegistry, UpcastingEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { reportingUpcasters } from './upcasters';

/** The report events that carry money, as schema version 1 (and the `EsfReport*` names before them) wrote them. */
const V1 = { esfCents: 860_000, landCents: 420_000, ownCents: 440_000 };
const AS_SOURCES = [
  { sourceId: 'esf', cents: 860_000 },
  { sourceId: 'land', cents: 420_000 },
  { sourceId: 'own', cents: 440_000 },
];
const SUBMITTED_V1 = {
  reportId: 'kkz.phase-1.05978000.2012',
  grantId: 'kkz.phase-1.05978000',
  ags: '05978000',
  periodId: '2012',
  expenditure: V1,
  indicators: { publicAdministrationsSupported: 5 },
  narrative: 'Netzwerke gebündelt.',
  submission: 1,
  submittedAt: '2013-01-15T10:00:00.000Z',
};

async function readBack(type: string, data: object) {
  const inner = new MemoryEventStore();
  await inner.appendToStream('esf-report-x', [newEvent(type, data)], 'any');
  const store = new UpcastingEventStore(inner, new UpcasterRegistry().register(...reportingUpcasters));
  const [stored] = await inner.readStream('esf-report-x');
  return { event: (await store.readStream('esf-report-x'))[0], stored };
}

describe('report events of schema version 1 read in today’s shape', () => {
  it('reads a submission’s ESF, Land and own funds as the sources esf, land and own; the stored bytes stay', async () => {
    const { event, stored } = await readBack('ReportSubmitted', SUBMITTED_V1);
    expect(event.type).toBe('ReportSubmitted');
    expect(event.metadata.schemaVersion).toBe(2);
    expect(event.data).toEqual({ ...SUBMITTED_V1, expenditure: AS_SOURCES });
    expect(stored.data).toEqual(SUBMITTED_V1);
    expect(stored.metadata.schemaVersion).toBe(1);
  });

  it('reads an `EsfReportSubmitted` (renamed, then v1 → v2) and an `EsfReportAccepted` the same way', async () => {
    expect((await readBack('EsfReportSubmitted', SUBMITTED_V1)).event).toMatchObject({
      type: 'ReportSubmitted',
      data: { expenditure: AS_SOURCES },
      metadata: { schemaVersion: 2 },
    });
    const acceptedV1 = {
      ...SUBMITTED_V1,
      programmeId: 'kkz',
      from: '2012-03-01',
      to: '2012-12-31',
      year: 2012,
      acceptedAt: '2013-02-01T10:00:00.000Z',
    };
    for (const type of ['EsfReportAccepted', 'ReportAccepted'])
      expect((await readBack(type, acceptedV1)).event).toMatchObject({
        type: 'ReportAccepted',
        data: { ...acceptedV1, expenditure: AS_SOURCES },
        metadata: { schemaVersion: 2 },
      });
  });

  it('reads a draft with figures per source, and a draft saved without figures without them', async () => {
    const draft = { reportId: 'r', grantId: 'g', ags: '05978000', savedAt: '2012-11-01T10:00:00.000Z' };
    expect((await readBack('ReportDraftSaved', { ...draft, expenditure: V1 })).event.data).toEqual({
      ...draft,
      expenditure: AS_SOURCES,
    });
    expect((await readBack('EsfReportDraftSaved', { ...draft, narrative: 'x' })).event.data).toEqual({
      ...draft,
      narrative: 'x',
    });
  });

  it("reads a ledger booking's ceilings and counted amounts as the capped sources esf and land", async () => {
    const booking = {
      grantId: 'g',
      reportId: 'r',
      periodId: '2012',
      submission: 1,
      bookedAt: '2013-02-01T10:00:00.000Z',
    };
    const { event } = await readBack('EsfAcceptanceBooked', {
      ...booking,
      expenditure: V1,
      ceilings: { esfCents: 4_300_000, landCents: 2_100_000 },
      countedBefore: { esfCents: 1, landCents: 2 },
    });
    expect(event.metadata.schemaVersion).toBe(2);
    expect(event.data).toEqual({
      ...booking,
      expenditure: AS_SOURCES,
      ceilings: [
        { sourceId: 'esf', cents: 4_300_000 },
        { sourceId: 'land', cents: 2_100_000 },
      ],
      countedBefore: [
        { sourceId: 'esf', cents: 1 },
        { sourceId: 'land', cents: 2 },
      ],
    });
  });

  it('writes the report events that carry money as schema version 2', () => {
    const registry = new UpcasterRegistry().register(...reportingUpcasters);
    for (const type of ['ReportDraftSaved', 'ReportSubmitted', 'ReportAccepted', 'EsfAcceptanceBooked'])
      expect(registry.currentVersion(type)).toBe(2);
    expect(registry.currentVersion('ReportReturned')).toBe(1);
  });
});
