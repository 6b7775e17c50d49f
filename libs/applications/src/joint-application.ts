import { NotFound } from '@app/eventsourcing';
import type { MunicipalityType } from '@app/shared';
import { ApplicantNotEligible, InvalidJointApplication, UnknownMunicipality } from './errors';
import type { Applicant } from './expression-of-interest';

/*
 * A joint application (Verbundbewerbung) as the real one was made: the lead names its partners,
 * and each partner takes part by its own decision (Kreis Unna's Kreistag, and each city's own
 * council, seed 004). Naming a municipality invites it; only its own confirmation binds it.
 */

/** Which application, and which invited municipality, an event is about. */
type About = { applicationId: string; callId: string; ags: string };

/** The lead named a municipality, in its draft or a revision. Binds nobody. */
export type JointApplicationMemberInvited = {
  type: 'JointApplicationMemberInvited';
  data: { applicationId: string; callId: string; member: Applicant };
};
/** The invited municipality joined, with its own token: from now on it is a member. */
export type JointApplicationMembershipConfirmed = {
  type: 'JointApplicationMembershipConfirmed';
  data: About;
};
export type JointApplicationInvitationDeclined = {
  type: 'JointApplicationInvitationDeclined';
  data: About & { reason?: string };
};
/** A confirmed member left before the submission. */
export type JointApplicationMemberLeft = {
  type: 'JointApplicationMemberLeft';
  data: About & { reason?: string };
};
/** The lead no longer names the municipality; `wasMember` when it had confirmed. */
export type JointApplicationInvitationWithdrawn = {
  type: 'JointApplicationInvitationWithdrawn';
  data: About & { wasMember: boolean };
};
/** An invitation still open when the lead submitted: the submission went in without it. */
export type JointApplicationInvitationLapsed = { type: 'JointApplicationInvitationLapsed'; data: About };

export type JointApplicationEvent =
  | JointApplicationMemberInvited
  | JointApplicationMembershipConfirmed
  | JointApplicationInvitationDeclined
  | JointApplicationMemberLeft
  | JointApplicationInvitationWithdrawn
  | JointApplicationInvitationLapsed;

export const JOINT_APPLICATION_EVENT_TYPES = Object.keys({
  JointApplicationMemberInvited: true,
  JointApplicationMembershipConfirmed: true,
  JointApplicationInvitationDeclined: true,
  JointApplicationMemberLeft: true,
  JointApplicationInvitationWithdrawn: true,
  JointApplicationInvitationLapsed: true,
} satisfies Record<JointApplicationEvent['type'], true>) as JointApplicationEvent['type'][];

export type InvitationStatus = 'invited' | 'confirmed' | 'declined' | 'left' | 'withdrawn' | 'lapsed';

export interface Invitation {
  municipality: Applicant;
  status: InvitationStatus;
  /** A member bound by the lead's naming alone (history before invitations, schema version 1). */
  boundByLead?: true;
}

/** What each event makes of the invitation it is about. */
export const STATUS_AFTER: Record<
  Exclude<JointApplicationEvent['type'], 'JointApplicationMemberInvited'>,
  InvitationStatus
> = {
  JointApplicationMembershipConfirmed: 'confirmed',
  JointApplicationInvitationDeclined: 'declined',
  JointApplicationMemberLeft: 'left',
  JointApplicationInvitationWithdrawn: 'withdrawn',
  JointApplicationInvitationLapsed: 'lapsed',
};

/** Members named by a version-1 draft or revision: bound then, so read as confirmed now. */
export function boundByLead(named: Applicant[]): Invitation[] {
  return named.map((municipality) => ({ municipality, status: 'confirmed', boundByLead: true }));
}

/** The confirmed members, in the order they were invited. */
export function members(invitations: Invitation[]): Applicant[] {
  return invitations.filter((i) => i.status === 'confirmed').map((i) => i.municipality);
}

/** An invitation that still means something: open, or confirmed. */
export const isOpen = (i: Invitation) => i.status === 'invited' || i.status === 'confirmed';

/** A new invitation replaces an earlier one that ended (declined, left, withdrawn): one entry per municipality. */
export function evolveInvitations(invitations: Invitation[], event: JointApplicationEvent): Invitation[] {
  if (event.type === 'JointApplicationMemberInvited') {
    const { member } = event.data;
    return [
      ...invitations.filter((i) => i.municipality.ags !== member.ags),
      { municipality: member, status: 'invited' },
    ];
  }
  const status = STATUS_AFTER[event.type];
  return invitations.map((i) =>
    i.municipality.ags === event.data.ags ? { municipality: i.municipality, status } : i,
  );
}

export function invitationOf(invitations: Invitation[], ags: string): Invitation | undefined {
  return invitations.find((i) => i.municipality.ags === ags);
}

/** The invitation a municipality acts on; anyone never invited learns nothing of the application. */
export function requireInvitation(invitations: Invitation[], applicationId: string, ags: string): Invitation {
  const invitation = invitationOf(invitations, ags);
  if (!invitation) throw new NotFound({ de: 'Einladung', en: 'Invitation' }, `${applicationId}/${ags}`);
  return invitation;
}

/** A member AGS as asked for, and the municipality it names if the registry knows it. */
export interface MemberLookup {
  ags: string;
  municipality?: Applicant;
}

/** Members must be known, distinct, eligible, and not the lead itself. */
export function checkMembers(
  lead: Applicant,
  named: MemberLookup[],
  eligible: MunicipalityType[],
): Applicant[] {
  const seen = new Set<string>();
  return named.map(({ ags, municipality }) => {
    if (!municipality) throw new UnknownMunicipality({ ags });
    if (ags === lead.ags)
      throw new InvalidJointApplication({ reason: 'lead-as-member', name: lead.name, ags });
    if (seen.has(ags))
      throw new InvalidJointApplication({ reason: 'named-twice', name: municipality.name, ags });
    seen.add(ags);
    if (!eligible.includes(municipality.type))
      throw new ApplicantNotEligible({ name: municipality.name, type: municipality.type, eligible });
    return municipality;
  });
}

/**
 * What naming `named` as the members means now: an invitation for each one not already invited
 * or confirmed (a municipality that declined or left is invited anew), a withdrawal for each open
 * invitation or membership no longer named. Those still named keep what they have.
 */
export function reconcileInvitations(
  invitations: Invitation[],
  named: Applicant[],
  about: { applicationId: string; callId: string },
): JointApplicationEvent[] {
  const open = invitations.filter(isOpen);
  const namedAgs = new Set(named.map((m) => m.ags));
  const withdrawn: JointApplicationEvent[] = open
    .filter((i) => !namedAgs.has(i.municipality.ags))
    .map((i) => ({
      type: 'JointApplicationInvitationWithdrawn',
      data: { ...about, ags: i.municipality.ags, wasMember: i.status === 'confirmed' },
    }));
  const invited: JointApplicationEvent[] = named
    .filter((m) => !open.some((i) => i.municipality.ags === m.ags))
    .map((member) => ({ type: 'JointApplicationMemberInvited', data: { ...about, member } }));
  return [...withdrawn, ...invited];
}
