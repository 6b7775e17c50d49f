import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { CouncilResolution, CouncilResolutionEvent } from '../council-resolution';

export interface CouncilResolutionCorrection {
  reason: string;
  correctedAt: string;
  by: string;
}

/** A resolution as it stands now, with when it was recorded and every correction's reason. */
export interface CouncilResolutionView extends CouncilResolution {
  recordedAt: string;
  recordedBy: string;
  corrections: CouncilResolutionCorrection[];
  revision: number;
}

export interface CouncilResolutionsReadModel {
  byId: Map<string, CouncilResolutionView>;
  /** applicationId → resolution ids, in the order they were recorded. */
  byApplication: Map<string, string[]>;
}

export const councilResolutionsProjection: Projection<CouncilResolutionsReadModel> = {
  name: 'council-resolutions',
  eventTypes: ['CouncilResolutionRecorded', 'CouncilResolutionCorrected'],
  initialState: () => ({ byId: new Map(), byApplication: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<CouncilResolutionEvent>;
    switch (event.type) {
      case 'CouncilResolutionRecorded': {
        const { resolutionId, ...resolution } = event.data;
        const { applicationId } = resolution;
        if (model.byId.has(resolutionId)) break;
        // `{ id, ...data, more }`, not `{ ...data, more }`: V8 gives each of the latter a hidden class of
        // its own; the former share one (same field order: the id leads the event's data too).
        model.byId.set(resolutionId, {
          resolutionId,
          ...resolution,
          recordedAt: event.metadata.recordedAt,
          recordedBy: event.metadata.actor.subject,
          corrections: [],
          revision: event.revision,
        });
        // Concatenated, not pushed: a pushed-to array reserves room for 16 more.
        model.byApplication.set(
          applicationId,
          (model.byApplication.get(applicationId) ?? []).concat([resolutionId]),
        );
        break;
      }
      case 'CouncilResolutionCorrected': {
        const view = model.byId.get(event.data.resolutionId);
        if (!view) break;
        const { reason, resolutionId, ...resolution } = event.data;
        const corrections = [
          ...view.corrections,
          { reason, correctedAt: event.metadata.recordedAt, by: event.metadata.actor.subject },
        ];
        // The corrected resolution replaces the content; a field it omits is gone, not kept.
        model.byId.set(resolutionId, {
          resolutionId,
          ...resolution,
          recordedAt: view.recordedAt,
          recordedBy: view.recordedBy,
          corrections,
          revision: event.revision,
        });
        break;
      }
    }
    return model;
  },
};
