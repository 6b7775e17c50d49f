import { streamName } from '@app/eventsourcing';

/** Rat of a city, Kreistag of a Kreis. */
export type CouncilBody = 'council' | 'county-assembly';
export const COUNCIL_BODIES: CouncilBody[] = ['council', 'county-assembly'];

/** The results a council paper's form offers (Zustimmung, Ablehnung, Änderung, Anhörung vollzogen, Kenntnisnahme). */
export type ResolutionResult = 'approved' | 'rejected' | 'amended' | 'hearing-done' | 'noted';
export const RESOLUTION_RESULTS: ResolutionResult[] = [
  'approved',
  'rejected',
  'amended',
  'hearing-done',
  'noted',
];

/** What a consultation was for: Anhörung, Kenntnisnahme, Vorberatung, Beschlussfassung. */
export type ConsultationStage = 'hearing' | 'notice' | 'preliminary' | 'decision';
export const CONSULTATION_STAGES: ConsultationStage[] = ['hearing', 'notice', 'preliminary', 'decision'];

/**
 * Who signed the paper off before it went to the council. 'mayor' stands for the head of the
 * administration (Oberbürgermeister, Bürgermeister, Landrat).
 */
export type SignOffRole = 'department-head' | 'dezernent' | 'treasurer' | 'mayor';
export const SIGN_OFF_ROLES: SignOffRole[] = ['department-head', 'dezernent', 'treasurer', 'mayor'];

export interface SignOff {
  role: SignOffRole;
  name: string;
  date: string;
  /** The title as printed on the paper, e.g. "Bereichsleiter Bereich 0-4". */
  title?: string;
}

export interface Consultation {
  committee: string;
  stage: ConsultationStage;
  date: string;
  result?: ResolutionResult;
}

/** The Vorlage: its reference (Drucksachen-Nr.), its kind (Beschlussvorlage …), title and date. */
export interface CouncilPaper {
  reference: string;
  type: string;
  title?: string;
  date?: string;
}

export interface FinancialConsequences {
  hasConsequences: boolean;
  description?: string;
  amountCents?: number;
}

/** Where the record came from; an OParl import keeps the council system's own words. */
export type ResolutionSource =
  | { kind: 'manual' }
  | { kind: 'oparl'; paperId: string; agendaItemId?: string; rawResult: string; resolutionText?: string };

/** The content of a resolution, as recorded or corrected. */
export interface CouncilResolutionContent {
  body: CouncilBody;
  paper: CouncilPaper;
  proposal: string;
  financialConsequences?: FinancialConsequences;
  signOffs: SignOff[];
  consultations: Consultation[];
  result: ResolutionResult;
  resultDate: string;
  source: ResolutionSource;
}

export interface CouncilResolution extends CouncilResolutionContent {
  /** `<applicationId>.<ags>`: one resolution per municipality of an expression of interest. */
  resolutionId: string;
  applicationId: string;
  callId: string;
  ags: string;
}

export type CouncilResolutionRecorded = { type: 'CouncilResolutionRecorded'; data: CouncilResolution };
export type CouncilResolutionCorrected = {
  type: 'CouncilResolutionCorrected';
  data: CouncilResolution & { reason: string };
};
export type CouncilResolutionEvent = CouncilResolutionRecorded | CouncilResolutionCorrected;

export type CouncilResolutionState =
  { status: 'none' } | { status: 'recorded'; resolution: CouncilResolution; corrections: number };

export const resolutionIdFor = (applicationId: string, ags: string) => `${applicationId}.${ags}`;

export const councilResolutionStream = (applicationId: string, ags: string) =>
  streamName('council-resolution', resolutionIdFor(applicationId, ags));

export const councilResolutionStreamById = (resolutionId: string) =>
  streamName('council-resolution', resolutionId);

/** The application and the municipality a resolution id names, or undefined if it names none. */
export function parseResolutionId(resolutionId: string): { applicationId: string; ags: string } | undefined {
  const match = /^(.+)\.(\d{8})$/.exec(resolutionId);
  return match ? { applicationId: match[1], ags: match[2] } : undefined;
}

export function initialCouncilResolutionState(): CouncilResolutionState {
  return { status: 'none' };
}

export function evolveCouncilResolution(
  state: CouncilResolutionState,
  event: CouncilResolutionEvent,
): CouncilResolutionState {
  switch (event.type) {
    case 'CouncilResolutionRecorded':
      return { status: 'recorded', resolution: event.data, corrections: 0 };
    case 'CouncilResolutionCorrected': {
      if (state.status === 'none') return state;
      const { reason: _reason, ...resolution } = event.data;
      return { status: 'recorded', resolution, corrections: state.corrections + 1 };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** For other contexts loading the stream (e.g. selection checking "resolution present"). */
export const councilResolutionEvolution = {
  evolve: evolveCouncilResolution,
  initialState: initialCouncilResolutionState,
};

/** The council's result as it stands after all corrections; undefined while nothing is recorded. */
export function resolutionStatus(state: CouncilResolutionState): ResolutionResult | undefined {
  return state.status === 'recorded' ? state.resolution.result : undefined;
}

/** Approved or amended: the council committed the municipality, which is what a call asks for. */
export function isCommitting(result: ResolutionResult | undefined): boolean {
  return result === 'approved' || result === 'amended';
}

/** Events hold no `undefined` members: what is stored is exactly what is read back. */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
