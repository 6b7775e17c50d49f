import { MemoryEventStore, UpcasterRegistry, UpcastingEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import { sourceCents } from './grant';
import { grantsUpcasters } from './upcasters';

/** GrantNoticeIssued and the proof of use as the code before v2 wrote them. */
const NOTICE_V1 = {
  grantId: 'kkz.phase-2.05978000',
  programmeId: 'kkz',
  phase: 2,
  ags: '05978000',
  continuationOf: 'kkz.phase-1.05978000',
  amountCents: 6_400_000,
  period: { from: '2017-01-01', to: '2020-12-31' },
  financing: { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 },
  conditions: [],
  coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
  rules: { version: 2, effectiveFrom: '2016-06-01' },
  disbursementWindowMonths: 2,
  interestPointsAboveBaseRate: 5,
  issuedAt: '2016-12-01T09:00:00.000Z',
};
const EXPENDITURE_V1 = { esfCents: 4_000_000, landCents: 2_000_000, ownCents: 2_500_000 };

async function readBack(type: string, data: object) {
  const inner = new MemoryEventStore();
  await inner.appendToStream('grant-kkz.phase-2.05978000', [newEvent(type, data)], 'any');
  const store = new UpcastingEventStore(inner, new UpcasterRegistry().register(...grantsUpcasters));
  return (await store.readStream('grant-kkz.phase-2.05978000'))[0];
}

describe('grant events of schema version 1 read in today’s shape', () => {
  it('reads a v1 notice’s phase number as the phase id and its ESF, Land and own funds as sources', async () => {
    const event = await readBack('GrantNoticeIssued', NOTICE_V1);
    const { phase: _phase, financing: _financing, ...kept } = NOTICE_V1;
    expect(event.metadata.schemaVersion).toBe(2);
    expect(event.data).toEqual({
      ...kept,
      phaseId: 'phase-2',
      financing: [
        { sourceId: 'esf', cents: 4_300_000 },
        { sourceId: 'land', cents: 2_100_000 },
        { sourceId: 'own', cents: 2_200_000 },
      ],
    });
    expect(event.data).not.toHaveProperty('phase');
  });

  it('names the sources and the phase by the ids the terms built in before v2 give them', async () => {
    const { data } = (await readBack('GrantNoticeIssued', NOTICE_V1)) as unknown as {
      data: { phaseId: string; financing: { sourceId: string; cents: number }[] };
    };
    const builtIn = TERMS_BUILT_IN_BEFORE_V2;
    expect(data.financing.map((f) => f.sourceId)).toEqual(builtIn.sources.map((s) => s.sourceId));
    expect(builtIn.phases.map((p) => p.phaseId)).toContain(data.phaseId);
    // The grant is the grant-kind sources: ESF + Land.
    const grantKind = builtIn.sources.filter((s) => s.kind === 'grant').map((s) => s.sourceId);
    expect(grantKind.reduce((sum, id) => sum + sourceCents(data.financing, id), 0)).toBe(
      NOTICE_V1.amountCents,
    );
  });

  it('reads a v1 proof of use, submitted and accepted, by source with ESF + Land as its public money', async () => {
    for (const type of ['ProofOfUseSubmitted', 'ProofOfUseAccepted']) {
      const event = await readBack(type, { grantId: NOTICE_V1.grantId, expenditure: EXPENDITURE_V1 });
      expect(event.data).toEqual({
        grantId: NOTICE_V1.grantId,
        expenditure: [
          { sourceId: 'esf', cents: 4_000_000 },
          { sourceId: 'land', cents: 2_000_000 },
          { sourceId: 'own', cents: 2_500_000 },
        ],
        publicCents: 6_000_000,
      });
    }
  });

  it('writes today’s notices as version 2 and reads them back unchanged', async () => {
    const registry = new UpcasterRegistry().register(...grantsUpcasters);
    expect(registry.currentVersion('GrantNoticeIssued')).toBe(2);
    expect(registry.currentVersion('ProofOfUseSubmitted')).toBe(2);
    expect(registry.currentVersion('ProofOfUseAccepted')).toBe(2);
    const store = new UpcastingEventStore(new MemoryEventStore(), registry);
    const { phase: _phase, ...rest } = NOTICE_V1;
    const v2 = { ...rest, phaseId: 'aufbau', financing: [{ sourceId: 'bund', cents: 6_400_000 }] };
    await store.appendToStream('grant-x', [newEvent('GrantNoticeIssued', v2)], 'any');
    const [read] = await store.readStream('grant-x');
    expect(read.metadata.schemaVersion).toBe(2);
    expect(read.data).toEqual(v2);
  });
});
