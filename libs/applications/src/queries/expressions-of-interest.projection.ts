import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type {
  Applicant,
  ExpressionOfInterestContent,
  ExpressionOfInterestEvent,
} from '../expression-of-interest';

export interface ExpressionOfInterestView {
  applicationId: string;
  callId: string;
  programmeId: string;
  applicant: Applicant;
  members: Applicant[];
  joint: boolean;
  status: 'draft' | 'submitted';
  content: ExpressionOfInterestContent;
  draftedAt: string;
  submittedAt?: string;
  revision: number;
}

export interface ExpressionsOfInterestReadModel {
  byId: Map<string, ExpressionOfInterestView>;
  /** callId → ids, in the order they were drafted. */
  byCall: Map<string, string[]>;
  /** AGS → ids of expressions of interest it leads or is a member of. */
  byAgs: Map<string, Set<string>>;
}

function index<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function reindexMembers(
  model: ExpressionsOfInterestReadModel,
  view: ExpressionOfInterestView,
  before: Applicant[],
): void {
  for (const m of before) {
    model.byAgs.get(m.ags)?.delete(view.applicationId);
  }
  for (const ags of [view.applicant.ags, ...view.members.map((m) => m.ags)]) {
    const set = model.byAgs.get(ags) ?? new Set<string>();
    set.add(view.applicationId);
    model.byAgs.set(ags, set);
  }
}

export const expressionsOfInterestProjection: Projection<ExpressionsOfInterestReadModel> = {
  name: 'expressions-of-interest',
  eventTypes: ['ExpressionOfInterestDrafted', 'ExpressionOfInterestRevised', 'ExpressionOfInterestSubmitted'],
  initialState: () => ({ byId: new Map(), byCall: new Map(), byAgs: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<ExpressionOfInterestEvent>;
    switch (event.type) {
      case 'ExpressionOfInterestDrafted': {
        // `{ id, ...data, more }`, not `{ ...data, more }`: V8 gives each of the latter a hidden class of
        // its own; the former share one (same field order: the id leads the event's data too).
        const { applicationId, ...drafted } = event.data;
        const view: ExpressionOfInterestView = {
          applicationId,
          ...drafted,
          joint: event.data.members.length > 0,
          status: 'draft',
          draftedAt: event.metadata.occurredAt,
          revision: event.revision,
        };
        model.byId.set(view.applicationId, view);
        index(model.byCall, view.callId, view.applicationId);
        reindexMembers(model, view, []);
        break;
      }
      case 'ExpressionOfInterestRevised': {
        const view = model.byId.get(event.data.applicationId);
        if (!view) break;
        const before = view.members;
        Object.assign(view, {
          members: event.data.members,
          joint: event.data.members.length > 0,
          content: event.data.content,
          revision: event.revision,
        });
        reindexMembers(model, view, before);
        break;
      }
      case 'ExpressionOfInterestSubmitted': {
        const view = model.byId.get(event.data.applicationId);
        if (view)
          Object.assign(view, {
            status: 'submitted',
            submittedAt: event.data.submittedAt,
            revision: event.revision,
          });
        break;
      }
    }
    return model;
  },
};
