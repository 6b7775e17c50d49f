import type { Decider } from '@app/eventsourcing';
import {
  type CouncilResolutionContent,
  type CouncilResolutionEvent,
  type CouncilResolutionState,
  evolveCouncilResolution,
  type FinancialConsequences,
  initialCouncilResolutionState,
  type SignOff,
} from '../council-resolution';
import { type OparlDocuments, readOparlResolution } from '../oparl/oparl-resolution';
import { bodyFor } from '../resolution-rules';
import {
  recordResolution,
  type RecordingFacts,
} from '../record-council-resolution/record-council-resolution.decide';

/** What OParl does not carry and the municipality states beside the documents. */
export interface StatedBesideOparl {
  /** The Beschlussvorschlag; by default the resolution text, else the paper's title. */
  proposal?: string;
  financialConsequences?: FinancialConsequences;
  signOffs?: SignOff[];
}

export interface ImportOparlResolution extends RecordingFacts {
  documents: OparlDocuments;
  stated: StatedBesideOparl;
}

/**
 * Records a resolution read from the council information system's OParl documents. The same
 * rules apply as to a manual record; the council system's own wording of the result and the
 * resolution text are kept in `source`.
 */
export function importOparlResolution(
  command: ImportOparlResolution,
  state: CouncilResolutionState,
): CouncilResolutionEvent[] {
  return recordResolution(command, state, () => {
    const read = readOparlResolution(command.documents);
    const { stated, municipality } = command;
    const content: CouncilResolutionContent = {
      // An unknown municipality is refused by the rules before the body matters.
      body: bodyFor(municipality?.type ?? 'kreisfreie-stadt'),
      paper: read.paper,
      proposal: stated.proposal ?? read.source.resolutionText ?? read.paper.title ?? '',
      financialConsequences: stated.financialConsequences,
      signOffs: stated.signOffs ?? [],
      consultations: read.consultations,
      result: read.result,
      resultDate: read.resultDate,
      source: read.source,
    };
    return content;
  });
}

export const importOparlResolutionDecider: Decider<
  ImportOparlResolution,
  CouncilResolutionEvent,
  CouncilResolutionState
> = {
  decide: importOparlResolution,
  evolve: evolveCouncilResolution,
  initialState: initialCouncilResolutionState,
};
