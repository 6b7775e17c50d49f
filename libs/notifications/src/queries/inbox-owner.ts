import type { Principal } from '@app/identity';
import type { Recipient } from '../notifications';

/**
 * Whose inbox a caller reads: a municipality its own, the grants office the office's (where
 * escalations arrive); undefined for anyone else. A caller who is both reads as the office.
 */
export function inboxOwner(principal: Principal): Recipient | undefined {
  if (principal.roles.includes('grants-office')) return null;
  if (principal.roles.includes('municipality') && principal.ags) return principal.ags;
  return undefined;
}
