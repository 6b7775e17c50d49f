import type { Projection, RecordedEvent } from '@app/eventsourcing';
import { type AppliedRules, CALL_TERMS_ONLY } from '@app/programmes-calls/rules';
import type {
  Applicant,
  ExpressionOfInterestContent,
  ExpressionOfInterestEvent,
} from '../expression-of-interest';
import {
  type InvitationStatus,
  isOpen,
  JOINT_APPLICATION_EVENT_TYPES,
  type JointApplicationEvent,
  STATUS_AFTER,
} from '../joint-application';

/** One municipality named by the lead, and what became of it: what the lead follows. */
export interface InvitationView {
  municipality: Applicant;
  status: InvitationStatus;
  invitedAt: string;
  /** When it was confirmed, declined, left, withdrawn or lapsed. */
  answeredAt?: string;
  /** Given by the municipality when it declined or left. */
  reason?: string;
  /** Bound by the lead's naming alone, without confirmation (history before invitations). */
  boundByLead?: true;
}

export interface ExpressionOfInterestView {
  applicationId: string;
  callId: string;
  programmeId: string;
  applicant: Applicant;
  /** Confirmed members only: the ones a submission names. */
  members: Applicant[];
  invitations: InvitationView[];
  /** A joint application (Verbundbewerbung): someone is invited or has joined. */
  joint: boolean;
  status: 'draft' | 'submitted';
  content: ExpressionOfInterestContent;
  draftedAt: string;
  submittedAt?: string;
  /**
   * Submitted: the version of the programme's terms it is decided under (version 0: the call's
   * own terms, history only), as recorded at submission or as last corrected.
   */
  rules?: AppliedRules;
  /** The office's corrections of those terms, oldest first. */
  rulesCorrections?: TermsCorrectionView[];
  revision: number;
}

export interface TermsCorrectionView {
  from: AppliedRules;
  to: AppliedRules;
  reason: string;
  correctedAt: string;
}

export interface ExpressionsOfInterestReadModel {
  byId: Map<string, ExpressionOfInterestView>;
  /** callId → ids, in the order they were drafted. */
  byCall: Map<string, string[]>;
  /** AGS → ids of expressions of interest it leads or was ever invited to (access is checked on read). */
  byAgs: Map<string, Set<string>>;
}

function index<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexAgs(model: ExpressionsOfInterestReadModel, ags: string, applicationId: string): void {
  const set = model.byAgs.get(ags) ?? new Set<string>();
  set.add(applicationId);
  model.byAgs.set(ags, set);
}

/** Members named by a version-1 draft or revision: bound by being named, at that moment. */
function boundByLead(named: Applicant[], at: string): InvitationView[] {
  return named.map((municipality) => ({
    municipality,
    status: 'confirmed',
    invitedAt: at,
    answeredAt: at,
    boundByLead: true,
  }));
}

/** Keeps `members` and `joint` in step with the invitations. */
function settle(view: ExpressionOfInterestView): void {
  view.members = view.invitations.filter((i) => i.status === 'confirmed').map((i) => i.municipality);
  view.joint = view.invitations.some(isOpen);
}

function applyInvitationEvent(
  model: ExpressionsOfInterestReadModel,
  event: RecordedEvent<JointApplicationEvent>,
): void {
  const view = model.byId.get(event.data.applicationId);
  if (!view) return;
  const at = event.metadata.occurredAt;
  if (event.type === 'JointApplicationMemberInvited') {
    const { member } = event.data;
    view.invitations = view.invitations.filter((i) => i.municipality.ags !== member.ags);
    view.invitations.push({ municipality: member, status: 'invited', invitedAt: at });
    indexAgs(model, member.ags, view.applicationId);
  } else {
    const invitation = view.invitations.find((i) => i.municipality.ags === event.data.ags);
    if (!invitation) return;
    invitation.status = STATUS_AFTER[event.type];
    invitation.answeredAt = at;
    const reason = 'reason' in event.data ? event.data.reason : undefined;
    if (reason) invitation.reason = reason;
  }
  view.revision = event.revision;
  settle(view);
}

const isInvitationEvent = (e: RecordedEvent): e is RecordedEvent<JointApplicationEvent> =>
  (JOINT_APPLICATION_EVENT_TYPES as string[]).includes(e.type);

export const expressionsOfInterestProjection: Projection<ExpressionsOfInterestReadModel> = {
  name: 'expressions-of-interest',
  eventTypes: [
    'ExpressionOfInterestDrafted',
    'ExpressionOfInterestRevised',
    'ExpressionOfInterestSubmitted',
    'SubmissionTermsCorrected',
    ...JOINT_APPLICATION_EVENT_TYPES,
  ],
  initialState: () => ({ byId: new Map(), byCall: new Map(), byAgs: new Map() }),
  apply(model, recorded: RecordedEvent) {
    if (isInvitationEvent(recorded)) {
      applyInvitationEvent(model, recorded);
      return model;
    }
    const event = recorded as RecordedEvent<ExpressionOfInterestEvent>;
    switch (event.type) {
      case 'ExpressionOfInterestDrafted': {
        // `{ id, ...data, more }`, not `{ ...data, more }`: V8 gives each of the latter a hidden class of
        // its own; the former share one (same field order: the id leads the event's data too).
        const { applicationId, membersBoundByLead, ...drafted } = event.data;
        const view: ExpressionOfInterestView = {
          applicationId,
          ...drafted,
          members: [],
          invitations: boundByLead(membersBoundByLead ?? [], event.metadata.occurredAt),
          joint: false,
          status: 'draft',
          draftedAt: event.metadata.occurredAt,
          revision: event.revision,
        };
        settle(view);
        model.byId.set(view.applicationId, view);
        index(model.byCall, view.callId, view.applicationId);
        for (const ags of [view.applicant.ags, ...view.members.map((m) => m.ags)])
          indexAgs(model, ags, applicationId);
        break;
      }
      case 'ExpressionOfInterestRevised': {
        const view = model.byId.get(event.data.applicationId);
        if (!view) break;
        const { content, membersBoundByLead } = event.data;
        Object.assign(view, { content, revision: event.revision });
        if (membersBoundByLead) {
          // A version-1 revision replaced the members: those dropped were freed, as the old code did.
          for (const m of view.members) model.byAgs.get(m.ags)?.delete(view.applicationId);
          view.invitations = boundByLead(membersBoundByLead, event.metadata.occurredAt);
          for (const m of membersBoundByLead) indexAgs(model, m.ags, view.applicationId);
          settle(view);
        }
        break;
      }
      case 'ExpressionOfInterestSubmitted': {
        const view = model.byId.get(event.data.applicationId);
        if (view)
          Object.assign(view, {
            status: 'submitted',
            submittedAt: event.data.submittedAt,
            rules: event.data.rules ?? CALL_TERMS_ONLY,
            revision: event.revision,
          });
        break;
      }
      case 'SubmissionTermsCorrected': {
        const view = model.byId.get(event.data.applicationId);
        if (!view) break;
        const { from, to, reason, correctedAt } = event.data;
        view.rules = to;
        (view.rulesCorrections ??= []).push({ from, to, reason, correctedAt });
        view.revision = event.revision;
        break;
      }
    }
    return model;
  },
};
