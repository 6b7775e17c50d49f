/**
 * Grants office decides; municipalities act on their own records; auditors read everything and
 * change nothing; evaluators read evaluation results and survey answers, not finance.
 */
export const ROLES = ['grants-office', 'municipality', 'auditor', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller. A municipality user is bound to exactly one AGS. */
export interface Principal {
  subject: string;
  roles: Role[];
  ags?: string;
}

/** The role recorded as the actor of events: the most privileged one the caller holds. */
export function primaryRole(principal: Principal): Role {
  return ROLES.find((r) => principal.roles.includes(r)) ?? principal.roles[0];
}

/** Grants office and auditors see every record; nobody else does. */
export function seesEverything(principal: Principal): boolean {
  return principal.roles.some((r) => r === 'grants-office' || r === 'auditor');
}
