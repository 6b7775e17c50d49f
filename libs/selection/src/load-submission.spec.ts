import {
  MemoryEventStore,
  ProjectionRunner,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/eventsourcing';
import { applicationUpcasters } from '@app/applications/upcasters';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { type AppConfig, CommandService, FixedClock } from '@app/shared';
import { RulesVersionUnknown } from './errors';
import { loadIssuedGrant, loadSubmission } from './load-submission';
import { APPLICATION_ID, call2011, kamen, kreisUnna, luenen, phaseOne } from './testing-fixtures';

/**
 * The loader against a real in-memory store: every fact is read from the stream that owns it,
 * through the upcasters as in the application. Events are written as their code wrote them.
 */
describe('the facts of a submission, loaded from their streams', () => {
  let store: MemoryEventStore;
  let commands: CommandService;

  beforeEach(async () => {
    store = new MemoryEventStore();
    const reading = new UpcastingEventStore(store, new UpcasterRegistry().register(...applicationUpcasters));
    commands = new CommandService(
      reading,
      new ProjectionRunner(reading),
      new FixedClock('2012-01-10'),
      {} as AppConfig,
    );
    await store.appendToStream(
      'programme-kkz',
      [
        newEvent('ProgrammeCreated', { programmeId: 'kkz', title: 'KeKiz' }),
        newEvent('ProgrammeRulesAdopted', phaseOne),
      ],
      'no_stream',
    );
    await store.appendToStream(
      'call-kkz-2011',
      [
        newEvent('CallDrafted', {
          ...call2011,
          callId: 'kkz-2011',
          programmeId: 'kkz',
          title: 'Aufruf',
          closingDate: '2011-12-15',
        }),
        newEvent('CallPublished', { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' }),
      ],
      'no_stream',
    );
  });

  /** Kreis Unna's draft as the code before invitations wrote it (schema v1): Kamen bound by being named. */
  async function submit(rules?: object) {
    await store.appendToStream(
      `application-${APPLICATION_ID}`,
      [
        newEvent('ExpressionOfInterestDrafted', {
          applicationId: APPLICATION_ID,
          callId: 'kkz-2011',
          programmeId: 'kkz',
          applicant: kreisUnna,
          members: [kamen],
          content: {
            coordinator: { name: 'Koordinierungsstelle' },
            councilResolution: { status: 'promised' },
          },
        }),
        newEvent('ExpressionOfInterestSubmitted', {
          applicationId: APPLICATION_ID,
          callId: 'kkz-2011',
          submittedAt: '2011-12-14T10:00:00.000Z',
          ...(rules ? { rules } : {}),
        }),
      ],
      'no_stream',
    );
  }

  const resolution = (ags: string, type: string, result: string, resultDate = '2011-12-01') =>
    store.appendToStream(
      `council-resolution-${APPLICATION_ID}.${ags}`,
      [
        newEvent(type, {
          resolutionId: `${APPLICATION_ID}.${ags}`,
          applicationId: APPLICATION_ID,
          ags,
          result,
          resultDate,
        }),
      ],
      'any',
    );

  it('rebuilds the rules from the version the submission recorded', async () => {
    await submit({ version: 1, effectiveFrom: '2011-11-01' });
    const facts = await loadSubmission(commands, APPLICATION_ID);
    expect(facts).toMatchObject({
      status: 'submitted',
      lead: { ags: kreisUnna.ags },
      coordinatorName: 'Koordinierungsstelle',
      resolutionStatement: 'promised',
      rules: { applied: { version: 1 }, rules: { councilResolution: 'may-follow-after-selection' } },
    });
  });

  it("takes a submission recorded before rules were versioned as decided under the call's terms", async () => {
    await submit();
    expect(await loadSubmission(commands, APPLICATION_ID)).toMatchObject({
      rules: { applied: { version: 0 } },
    });
  });

  it('refuses a submission naming a rules version the programme does not hold', async () => {
    await submit({ version: 3, effectiveFrom: '2013-01-01' });
    await expect(loadSubmission(commands, APPLICATION_ID)).rejects.toBeInstanceOf(RulesVersionUnknown);
    await expect(loadSubmission(commands, APPLICATION_ID)).rejects.toMatchObject({
      code: 'rules-version-unknown',
    });
  });

  it('counts a council as committed by its latest approved or amended resolution', async () => {
    await submit({ version: 1, effectiveFrom: '2011-11-01' });
    await resolution(kreisUnna.ags, 'CouncilResolutionRecorded', 'rejected');
    await resolution(kamen.ags, 'CouncilResolutionRecorded', 'amended');
    expect(await loadSubmission(commands, APPLICATION_ID)).toMatchObject({
      committingResolutions: [{ ags: kamen.ags, resultDate: '2011-12-01' }],
    });
    await resolution(kreisUnna.ags, 'CouncilResolutionCorrected', 'approved', '2012-01-05');
    await resolution(kamen.ags, 'CouncilResolutionCorrected', 'noted');
    expect(await loadSubmission(commands, APPLICATION_ID)).toMatchObject({
      committingResolutions: [{ ags: kreisUnna.ags, resultDate: '2012-01-05' }],
    });
  });

  it('names only confirmed members: an invitation left open binds nobody', async () => {
    const about = { applicationId: APPLICATION_ID, callId: 'kkz-2011' };
    await store.appendToStream(
      `application-${APPLICATION_ID}`,
      [
        newEvent(
          'ExpressionOfInterestDrafted',
          {
            ...about,
            programmeId: 'kkz',
            applicant: kreisUnna,
            content: { councilResolution: { status: 'promised' } },
          },
          { schemaVersion: 2 },
        ),
        newEvent('JointApplicationMemberInvited', { ...about, member: kamen }),
        newEvent('JointApplicationMemberInvited', { ...about, member: luenen }),
        newEvent('JointApplicationMembershipConfirmed', { ...about, ags: luenen.ags }),
        newEvent('ExpressionOfInterestSubmitted', {
          ...about,
          submittedAt: '2011-12-14T10:00:00.000Z',
          rules: { version: 1, effectiveFrom: '2011-11-01' },
        }),
        newEvent('JointApplicationInvitationLapsed', { ...about, ags: kamen.ags }),
      ],
      'no_stream',
    );
    await resolution(kamen.ags, 'CouncilResolutionRecorded', 'approved');
    await resolution(luenen.ags, 'CouncilResolutionRecorded', 'approved');
    expect(await loadSubmission(commands, APPLICATION_ID)).toMatchObject({
      members: [luenen],
      committingResolutions: [{ ags: luenen.ags }],
    });
  });

  it("takes the call's phase, phase I when the call names none", async () => {
    await submit({ version: 1, effectiveFrom: '2011-11-01' });
    expect(await loadSubmission(commands, APPLICATION_ID)).toMatchObject({ call: { phase: 1 } });
  });

  it('finds the grant notice issued on the selection by the grants contract', async () => {
    await submit({ version: 1, effectiveFrom: '2011-11-01' });
    const submission = await loadSubmission(commands, APPLICATION_ID);
    if (submission.status !== 'submitted') throw new Error('not submitted');
    expect(await loadIssuedGrant(commands, submission)).toBeUndefined();
    await store.appendToStream(
      'grant-kkz.phase-2.05978000',
      [newEvent('GrantNoticeIssued', { grantId: 'kkz.phase-2.05978000' })],
      'no_stream',
    );
    expect(await loadIssuedGrant(commands, submission)).toBeUndefined();
    await store.appendToStream(
      'grant-kkz.phase-1.05978000',
      [newEvent('GrantNoticeIssued', { grantId: 'kkz.phase-1.05978000' })],
      'no_stream',
    );
    expect(await loadIssuedGrant(commands, submission)).toBe('kkz.phase-1.05978000');
  });

  it('says when there is no submission to decide on', async () => {
    expect(await loadSubmission(commands, 'kkz-2011.05913000')).toEqual({
      status: 'none',
      applicationId: 'kkz-2011.05913000',
    });
  });
});
