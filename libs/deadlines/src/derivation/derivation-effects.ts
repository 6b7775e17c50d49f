import type { DeadlineOpenedData } from '../deadline';
import type { Amendment } from '../extend-deadline/announce-amendment.decide';
import type { Move } from '../extend-deadline/follow-cause.decide';
import type { DerivationState, Fulfilment, WantedObligation, Withdrawal } from './deadline-derivation';

export type DerivationEffect =
  | { kind: 'open'; opened: DeadlineOpenedData }
  | { kind: 'add-obligation'; deadlineId: string; obligation: WantedObligation }
  | { kind: 'meet-obligation'; deadlineId: string; obligation: WantedObligation; fulfilment: Fulfilment }
  | { kind: 'withdraw'; deadlineId: string; withdrawal: Withdrawal }
  | { kind: 'meet'; deadlineId: string; fulfilment: Fulfilment }
  | { kind: 'follow'; deadlineId: string; move: Move }
  | { kind: 'announce'; deadlineId: string; amendment: Amendment };

/**
 * What the history still asks for one deadline, in the order to record it: to be opened, its
 * applicants' obligations to begin or end, to be withdrawn, to be met. Empty once its stream
 * tells all of it, so a replay asks for nothing.
 */
export function effectsFor(state: DerivationState, deadlineId: string): DerivationEffect[] {
  const known = state.deadlines.get(deadlineId);
  const toOpen = known ? undefined : state.toOpen.get(deadlineId);
  if (!known && !toOpen) return [];
  const effects: DerivationEffect[] = toOpen ? [{ kind: 'open', opened: toOpen }] : [];
  const status = known?.status ?? 'open';
  if (status === 'open') {
    const wanted = state.obligations.get(deadlineId);
    // By AGS: a call's deadline has an obligation per applicant, all of them looked at per event.
    const recordedByAgs = wanted?.size ? new Map(known?.obligations.map((o) => [o.ags, o])) : undefined;
    for (const obligation of wanted?.values() ?? []) {
      const recorded = recordedByAgs?.get(obligation.ags);
      if (!recorded) effects.push({ kind: 'add-obligation', deadlineId, obligation });
      if (obligation.met && recorded?.metAt === undefined)
        effects.push({ kind: 'meet-obligation', deadlineId, obligation, fulfilment: obligation.met });
    }
  }
  const move = state.moves.get(deadlineId);
  if (status === 'open' && move && move.end.dueAt !== (known?.deadline.dueAt ?? toOpen?.dueAt))
    effects.push({ kind: 'follow', deadlineId, move });
  if (status === 'open')
    for (const amendment of state.amendments.get(deadlineId) ?? [])
      if (!known?.amendments?.includes(amendment.cause))
        effects.push({ kind: 'announce', deadlineId, amendment });
  if (status !== 'open' && status !== 'missed') return effects;
  const withdrawal = state.withdrawals.get(deadlineId);
  if (withdrawal) return [...effects, { kind: 'withdraw', deadlineId, withdrawal }];
  const fulfilment = state.fulfilments.get(deadlineId);
  if (fulfilment) effects.push({ kind: 'meet', deadlineId, fulfilment });
  return effects;
}

/** Every deadline with something outstanding: what reconciliation looks at. */
export function outstandingDeadlineIds(state: DerivationState): string[] {
  return [
    ...new Set([
      ...state.toOpen.keys(),
      ...state.fulfilments.keys(),
      ...state.withdrawals.keys(),
      ...[...state.moves.keys()].filter((id) => effectsFor(state, id).length > 0),
      ...[...state.amendments.keys()].filter((id) => effectsFor(state, id).length > 0),
      ...[...state.obligations.keys()].filter((id) => effectsFor(state, id).length > 0),
    ]),
  ];
}
