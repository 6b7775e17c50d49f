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
  initialState: () => ({ byId: new Map(), byApplication: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<CouncilResolutionEvent>;
    switch (event.type) {
      case 'CouncilResolutionRecorded': {
        const { resolutionId, applicationId } = event.data;
        if (model.byId.has(resolutionId)) break;
        model.byId.set(resolutionId, {
          ...event.data,
          recordedAt: event.metadata.recordedAt,
          recordedBy: event.metadata.actor.subject,
          corrections: [],
          revision: event.revision,
        });
        const ids = model.byApplication.get(applicationId) ?? [];
        ids.push(resolutionId);
        model.byApplication.set(applicationId, ids);
        break;
      }
      case 'CouncilResolutionCorrected': {
        const view = model.byId.get(event.data.resolutionId);
        if (!view) break;
        const { reason, ...resolution } = event.data;
        const corrections = [
          ...view.corrections,
          { reason, correctedAt: event.metadata.recordedAt, by: event.metadata.actor.subject },
        ];
        // The corrected resolution replaces the content; a field it omits is gone, not kept.
        model.byId.set(resolution.resolutionId, {
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
