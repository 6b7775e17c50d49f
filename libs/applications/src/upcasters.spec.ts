import {
  fold,
  MemoryEventStore,
  type RecordedEvent,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  type ExpressionOfInterestEvent,
  evolveExpressionOfInterest,
  initialExpressionOfInterestState,
} from './expression-of-interest';
import { leaveJointApplicationDecider } from './leave-joint-application/leave-joint-application.decide';
import { expressionsOfInterestProjection } from './queries/expressions-of-interest.projection';
import { reviseExpressionOfInterestDecider } from './revise-expression-of-interest/revise-expression-of-interest.decide';
import { bruecken, call2011, kamen, kreisUnna, left, luenen, withdrawn } from './testing-fixtures';
import { applicationUpcasters } from './upcasters';

const STREAM = 'application-kkz-2011.05978000';
const at = (day: string) => ({ schemaVersion: 1, occurredAt: `${day}T10:00:00.000Z` });

/** The Kreis Unna draft and a revision exactly as the code before invitations wrote them (schema v1). */
const draftedV1 = newEvent(
  'ExpressionOfInterestDrafted',
  {
    applicationId: 'kkz-2011.05978000',
    callId: 'kkz-2011',
    programmeId: 'kkz',
    applicant: kreisUnna,
    members: [kamen, luenen],
    content: bruecken(),
  },
  at('2011-11-14'),
);
const revisedV1 = (members: object[]) =>
  newEvent(
    'ExpressionOfInterestRevised',
    { applicationId: 'kkz-2011.05978000', members, content: bruecken({ motto: 'Brücken' }) },
    at('2011-11-20'),
  );

/** Written as then, read as today: through the application's upcasters, as every reader does. */
async function readToday(...stored: ReturnType<typeof newEvent>[]): Promise<RecordedEvent[]> {
  const inner = new MemoryEventStore();
  await inner.appendToStream(STREAM, stored, 'no_stream');
  const store = new UpcastingEventStore(inner, new UpcasterRegistry().register(...applicationUpcasters));
  return store.readStream(STREAM);
}
const domain = (events: RecordedEvent[]) => events as unknown as ExpressionOfInterestEvent[];
const state = (events: RecordedEvent[]) =>
  fold(
    { evolve: evolveExpressionOfInterest, initialState: initialExpressionOfInterestState },
    domain(events),
  );

describe('joint applications drafted before invitations existed (schema version 1)', () => {
  it('reads the members a version-1 draft named as confirmed: they were bound then, without being asked', async () => {
    const events = await readToday(draftedV1);
    expect(events[0].metadata.schemaVersion).toBe(2);
    expect(events[0].data).not.toHaveProperty('members');
    const s = state(events);
    expect(s).toMatchObject({ status: 'draft', members: [kamen, luenen] });
    if (s.status === 'none') throw new Error('no state');
    expect(s.invitations.map((i) => [i.municipality.ags, i.status, i.boundByLead])).toEqual([
      [kamen.ags, 'confirmed', true],
      [luenen.ags, 'confirmed', true],
    ]);
  });

  it('reads a version-1 revision as replacing the members outright, as it did', async () => {
    const s = state(await readToday(draftedV1, revisedV1([luenen])));
    expect(s).toMatchObject({ members: [luenen], content: { motto: 'Brücken' } });
  });

  it('shows them in the read model as members bound by the lead, and keeps the store as written', async () => {
    const events = await readToday(draftedV1, revisedV1([luenen]));
    const model = events.reduce(
      (m, e) => expressionsOfInterestProjection.apply(m, e),
      expressionsOfInterestProjection.initialState(),
    );
    const view = model.byId.get('kkz-2011.05978000');
    expect(view).toMatchObject({ members: [luenen], joint: true });
    expect(view?.invitations).toEqual([
      {
        municipality: luenen,
        status: 'confirmed',
        invitedAt: '2011-11-20T10:00:00.000Z',
        answeredAt: '2011-11-20T10:00:00.000Z',
        boundByLead: true,
      },
    ]);
    expect(model.byAgs.get(kamen.ags)?.has('kkz-2011.05978000')).toBe(false);
    expect(draftedV1.data).toHaveProperty('members');
  });

  it('lets a member bound by the old code leave before submission, like any confirmed member', async () => {
    const given = domain(await readToday(draftedV1));
    deciderSpecification(leaveJointApplicationDecider)
      .given(given)
      .when({ applicationId: 'kkz-2011.05978000', ags: kamen.ags })
      .then([left(kamen)]);
  });

  it('lets today’s revision keep a member bound by the old code, or withdraw it', async () => {
    const given = domain(await readToday(draftedV1));
    const revise = (named: (typeof kamen)[]) => ({
      applicationId: 'kkz-2011.05978000',
      content: bruecken(),
      members: named.map((m) => ({ ags: m.ags, municipality: m })),
      call: call2011(),
      now: '2011-12-01T10:00:00.000Z',
    });
    const revised = {
      type: 'ExpressionOfInterestRevised' as const,
      data: { applicationId: 'kkz-2011.05978000', content: bruecken() },
    };
    const spec = deciderSpecification(reviseExpressionOfInterestDecider);
    spec
      .given(given)
      .when(revise([kamen, luenen]))
      .then([revised]);
    spec
      .given(given)
      .when(revise([kamen]))
      .then([revised, withdrawn(luenen, true)]);
  });
});
