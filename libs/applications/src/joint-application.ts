import type { MunicipalityType } from '@app/shared';
import { ApplicantNotEligible, InvalidJointApplication, UnknownMunicipality } from './errors';
import type { Applicant } from './expression-of-interest';

/** A member AGS as asked for, and the municipality it names if the registry knows it. */
export interface MemberLookup {
  ags: string;
  municipality?: Applicant;
}

/** Members must be known, distinct, eligible, and not the lead itself. */
export function checkMembers(
  lead: Applicant,
  members: MemberLookup[],
  eligible: MunicipalityType[],
): Applicant[] {
  const seen = new Set<string>();
  return members.map(({ ags, municipality }) => {
    if (!municipality) throw new UnknownMunicipality(ags);
    if (ags === lead.ags) throw new InvalidJointApplication(`the lead ${lead.name} cannot also be a member.`);
    if (seen.has(ags)) throw new InvalidJointApplication(`${municipality.name} (${ags}) is named twice.`);
    seen.add(ags);
    if (!eligible.includes(municipality.type))
      throw new ApplicantNotEligible(municipality.name, municipality.type, eligible);
    return municipality;
  });
}
