import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  ApplicantNotEligible,
  CallClosed,
  ExpressionOfInterestExists,
  InvalidJointApplication,
  UnknownMunicipality,
} from '../errors';
import { bruecken, call2011, drafted, invited, kamen, kreisUnna, luenen } from '../testing-fixtures';
import {
  draftExpressionOfInterestDecider,
  type DraftExpressionOfInterest,
} from './draft-expression-of-interest.decide';

const spec = deciderSpecification(draftExpressionOfInterestDecider);

function command(overrides: Partial<DraftExpressionOfInterest> = {}): DraftExpressionOfInterest {
  return {
    applicationId: 'kkz-2011.05978000',
    leadAgs: kreisUnna.ags,
    content: bruecken(),
    call: call2011(),
    applicant: kreisUnna,
    members: [kamen, luenen].map((m) => ({ ags: m.ags, municipality: m })),
    now: '2011-12-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('draft an expression of interest', () => {
  it('invites the members of a joint application, binding none of them (Verbundbewerbung Kreis Unna)', () =>
    spec
      .given([])
      .when(command())
      .then([drafted(), invited(kamen), invited(luenen)]));

  it('records a draft without members as an application of its own', () =>
    spec
      .given([])
      .when(command({ members: [] }))
      .then([drafted()]));

  it('refuses a second draft by the same lead for the same call', () =>
    spec
      .given([drafted()])
      .when(command())
      .thenThrows(ExpressionOfInterestExists, 'expression-of-interest-exists'));

  it('answers not found for a call that is only a draft: applicants cannot see it yet', () =>
    spec
      .given([])
      .when(command({ call: call2011({ status: 'draft' }) }))
      .thenThrows(NotFound, 'not-found'));

  it('answers not found for a call that does not exist', () =>
    spec
      .given([])
      .when(command({ call: call2011({ status: 'none' }) }))
      .thenThrows(NotFound));

  it('refuses drafting after the call closed', () =>
    spec
      .given([])
      .when(command({ now: '2011-12-15T23:00:00.000Z' }))
      .thenThrows(CallClosed, 'call-closed'));

  it('refuses an applicant type the call does not admit', () =>
    spec
      .given([])
      .when(command({ call: call2011({ eligibleApplicantTypes: ['kreisfreie-stadt'] }) }))
      .thenThrows(ApplicantNotEligible, 'applicant-not-eligible'));

  it('refuses a member AGS nobody knows', () =>
    spec
      .given([])
      .when(command({ members: [{ ags: '05999999' }] }))
      .thenThrows(UnknownMunicipality, 'unknown-municipality'));

  it('refuses the lead as its own member, or a member named twice', () => {
    spec
      .given([])
      .when(command({ members: [{ ags: kreisUnna.ags, municipality: kreisUnna }] }))
      .thenThrows(InvalidJointApplication);
    spec
      .given([])
      .when(command({ members: [kamen, kamen].map((m) => ({ ags: m.ags, municipality: m })) }))
      .thenThrows(InvalidJointApplication, 'invalid-joint-application');
  });
});
