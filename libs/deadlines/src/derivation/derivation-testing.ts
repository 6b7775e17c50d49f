import type { RecordedEvent } from '@app/eventsourcing';
import { BusinessCalendar } from '@app/shared';
import {
  applyToDerivation,
  type DerivationState,
  effectsFor,
  initialDerivationState,
} from './deadline-derivation';

/** Helpers for the derivation specs: events as the store records them, and the manager's effects folded back in. */
export const calendar = new BusinessCalendar();
let position = 0;
export function recorded(
  streamId: string,
  type: string,
  data: unknown,
  occurredAt = '2012-02-20T10:00:00.000Z',
): RecordedEvent {
  position++;
  return {
    streamId,
    revision: 0,
    position,
    type,
    data,
    metadata: {
      eventId: `event-${position}`,
      schemaVersion: 1,
      occurredAt,
      recordedAt: occurredAt,
      actor: { subject: 'test', role: 'grants-office' },
      correlationId: 'c',
      causationId: 'c',
      prevHash: '',
      hash: '',
    },
  } as RecordedEvent;
}
export function fold(events: RecordedEvent[]): DerivationState {
  const state = initialDerivationState();
  for (const e of events) applyToDerivation(state, e, calendar);
  return state;
}
export const opened = (state: DerivationState, id: string) => {
  const effect = effectsFor(state, id)[0];
  return effect?.kind === 'open' ? effect.opened : undefined;
};
/** Folds in what the manager records for these effects, as its subscription would. */
export function record(state: DerivationState, deadlineId: string): void {
  for (const effect of effectsFor(state, deadlineId)) {
    const stream = `deadline-${deadlineId}`;
    if (effect.kind === 'open')
      applyToDerivation(state, recorded(stream, 'DeadlineOpened', effect.opened), calendar);
    if (effect.kind === 'add-obligation') {
      const { ags, applicationId, cause, addedAt } = effect.obligation;
      const data = { deadlineId, ags, applicationId, cause, addedAt };
      applyToDerivation(state, recorded(stream, 'DeadlineObligationAdded', data), calendar);
    }
    if (effect.kind === 'meet-obligation') {
      const { ags, applicationId } = effect.obligation;
      const data = {
        deadlineId,
        ags,
        applicationId,
        by: effect.fulfilment.by,
        metAt: effect.fulfilment.metAt,
      };
      applyToDerivation(state, recorded(stream, 'DeadlineObligationMet', data), calendar);
    }
    if (effect.kind === 'withdraw') {
      const { reason, cause, at } = effect.withdrawal;
      const data = { deadlineId, reason, by: 'deadline-manager', cancelledAt: at, cause };
      applyToDerivation(state, recorded(stream, 'DeadlineCancelled', data), calendar);
    }
  }
}
