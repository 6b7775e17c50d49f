import {
  CONSULTATION_STAGES,
  type Consultation,
  type CouncilPaper,
  type ResolutionResult,
  type ResolutionSource,
} from '../council-resolution';
import {
  OparlAgendaItemMismatch,
  OparlAuthoritativeConsultationAmbiguous,
  OparlAuthoritativeConsultationMissing,
  OparlConsultationPaperMismatch,
  OparlConsultationRoleUnreadable,
  OparlConsultationUndated,
  OparlFieldInvalid,
  OparlFieldTooLong,
  OparlPaperReferenceMissing,
  OparlPaperTypeMissing,
  OparlResultDateMissing,
  OparlResultMissing,
  OparlResultNotFinal,
  OparlResultUnreadable,
} from './oparl-errors';
import {
  asObject,
  identify,
  indexById,
  type OparlObject,
  optionalBerlinDate,
  optionalBoolean,
  optionalText,
  optionalUrl,
  urlList,
} from './oparl-json';
import { readConsultationRole, readResult } from './oparl-vocabulary';
import { RESOLUTION_TEXT_LIMITS as LIMITS } from '../resolution-limits';

/**
 * What a council information system serves about one resolution: the Paper (Drucksache), its
 * Consultations (Beratungsfolge; embedded in the paper in OParl 1.1, or sent separately), the
 * authoritative AgendaItem, and optionally the Meetings and Organizations they point to, which
 * give the consultations their dates and committee names.
 */
export interface OparlDocuments {
  paper: unknown;
  consultations?: unknown;
  agendaItem: unknown;
  meetings?: unknown;
  organizations?: unknown;
}

export type OparlSource = Extract<ResolutionSource, { kind: 'oparl' }>;

export interface OparlResolution {
  paper: CouncilPaper;
  consultations: Consultation[];
  result: ResolutionResult;
  resultDate: string;
  source: OparlSource;
}

interface ReadConsultation {
  id: string;
  authoritative: boolean;
  agendaItem?: string;
  meeting?: string;
  organization: string[];
  role?: string;
}

/**
 * Reads a resolution from OParl 1.1 (or 1.0) JSON, or refuses it with the reason. Pure: the
 * documents arrive as data, nothing is fetched.
 */
export function readOparlResolution(documents: OparlDocuments): OparlResolution {
  const paperJson = asObject(documents.paper, 'paper');
  const paperId = identify(paperJson, 'Paper', 'paper');
  const paper = readPaper(paperJson, paperId);
  const agendaItem = asObject(documents.agendaItem, 'agendaItem');
  const agendaItemId = identify(agendaItem, 'AgendaItem', 'agendaItem');
  const meetings = indexById(documents.meetings, 'Meeting', 'meetings');
  const organizations = indexById(documents.organizations, 'Organization', 'organizations');

  const sent = documents.consultations;
  const unsent = sent === undefined || sent === null || (Array.isArray(sent) && sent.length === 0);
  const consultations = readConsultations(unsent ? paperJson.consultation : sent, paperId);
  const decisive = authoritativeConsultation(consultations, paperId);
  const pointedAt = optionalUrl(agendaItem, 'consultation', 'agendaItem');
  if (decisive.agendaItem !== agendaItemId || (pointedAt !== undefined && pointedAt !== decisive.id))
    throw new OparlAgendaItemMismatch(decisive.agendaItem ?? null, agendaItemId);

  const rawResult = optionalText(agendaItem, 'result', 'agendaItem');
  if (rawResult === undefined) throw new OparlResultMissing(agendaItemId);
  capped(rawResult, 'agendaItem.result', LIMITS.rawResult);
  const result = resultOf(rawResult);
  const resultDate =
    optionalBerlinDate(agendaItem, 'start', 'agendaItem') ??
    meetingDate(meetings, optionalUrl(agendaItem, 'meeting', 'agendaItem') ?? decisive.meeting);
  if (resultDate === undefined) throw new OparlResultDateMissing(agendaItemId);

  const sequence = consultations.map((c): Consultation => {
    const stage = c === decisive ? 'decision' : stageOf(c);
    const date = c === decisive ? resultDate : meetingDate(meetings, c.meeting);
    if (date === undefined) throw new OparlConsultationUndated(c.id, c.meeting ?? null);
    return {
      committee: capped(
        committeeOf(c, organizations, meetings),
        `consultation ${c.id} committee`,
        LIMITS.committee,
      ),
      stage,
      date,
      ...(c === decisive ? { result } : {}),
    };
  });
  const resolutionText = optionalText(agendaItem, 'resolutionText', 'agendaItem');
  if (resolutionText !== undefined) capped(resolutionText, 'agendaItem.resolutionText', LIMITS.proposal);
  return {
    paper,
    consultations: chronological(sequence),
    result,
    resultDate,
    source: {
      kind: 'oparl',
      paperId,
      agendaItemId,
      rawResult,
      ...(resolutionText !== undefined ? { resolutionText } : {}),
    },
  };
}

function readPaper(paper: OparlObject, paperId: string): CouncilPaper {
  const reference = optionalText(paper, 'reference', 'paper');
  if (reference === undefined) throw new OparlPaperReferenceMissing(paperId);
  const type = optionalText(paper, 'paperType', 'paper');
  if (type === undefined) throw new OparlPaperTypeMissing(paperId);
  const title = optionalText(paper, 'name', 'paper');
  const date = optionalBerlinDate(paper, 'date', 'paper');
  return {
    reference: capped(reference.trim(), 'paper.reference', LIMITS.paperReference),
    type: capped(type.trim(), 'paper.paperType', LIMITS.paperType),
    ...(title !== undefined ? { title: capped(title.trim(), 'paper.name', LIMITS.paperTitle) } : {}),
    ...(date !== undefined ? { date } : {}),
  };
}

/** The same length limits as a manual record: what the form refuses, an import refuses too. */
function capped(text: string, field: string, maxLength: number): string {
  if (text.length > maxLength) throw new OparlFieldTooLong(field, maxLength, text.length);
  return text;
}

function readConsultations(value: unknown, paperId: string): ReadConsultation[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new OparlFieldInvalid('consultations', {
      de: 'eine Liste von OParl-Consultation-Objekten',
      en: 'a list of OParl Consultation objects',
    });
  // OParl 1.0 lists consultations in a paper by URL only; those cannot be read without the objects.
  return value
    .filter((entry) => typeof entry !== 'string')
    .map((entry, i) => {
      const name = `consultations[${i}]`;
      const consultation = asObject(entry, name);
      const id = identify(consultation, 'Consultation', name);
      const paper = optionalUrl(consultation, 'paper', name);
      if (paper !== undefined && paper !== paperId) throw new OparlConsultationPaperMismatch(id, paper);
      return {
        id,
        authoritative: optionalBoolean(consultation, 'authoritative', name) ?? false,
        agendaItem: optionalUrl(consultation, 'agendaItem', name),
        meeting: optionalUrl(consultation, 'meeting', name),
        organization: urlList(consultation, 'organization', name),
        role: optionalText(consultation, 'role', name),
      };
    });
}

/** OParl: `authoritative` says whether the resolution on the paper is taken at this consultation. */
function authoritativeConsultation(consultations: ReadConsultation[], paperId: string): ReadConsultation {
  const authoritative = consultations.filter((c) => c.authoritative);
  if (authoritative.length === 0) throw new OparlAuthoritativeConsultationMissing(paperId);
  if (authoritative.length > 1)
    throw new OparlAuthoritativeConsultationAmbiguous(authoritative.map((c) => c.id));
  return authoritative[0];
}

function resultOf(raw: string): ResolutionResult {
  const reading = readResult(raw);
  if (reading.kind === 'not-final') throw new OparlResultNotFinal(raw);
  if (reading.kind === 'unreadable') throw new OparlResultUnreadable(raw);
  return reading.result;
}

/**
 * A consultation that is not authoritative takes no resolution, whatever its role says
 * ("Beschlussfassung" on a committee's consultation is only planned or advisory); without a
 * role it is a preliminary consultation (Vorberatung), the usual kind.
 */
function stageOf(consultation: ReadConsultation): Consultation['stage'] {
  if (consultation.role === undefined) return 'preliminary';
  const stage = readConsultationRole(consultation.role);
  if (stage === undefined) throw new OparlConsultationRoleUnreadable(consultation.id, consultation.role);
  return stage === 'decision' ? 'preliminary' : stage;
}

function meetingDate(meetings: Map<string, OparlObject>, meetingId: string | undefined): string | undefined {
  const meeting = meetingId === undefined ? undefined : meetings.get(meetingId);
  return meeting && optionalBerlinDate(meeting, 'start', `meeting ${meetingId}`);
}

/** The lead committee's name (the first organization is federführend); its URL if no name was sent. */
function committeeOf(
  consultation: ReadConsultation,
  organizations: Map<string, OparlObject>,
  meetings: Map<string, OparlObject>,
): string {
  const [lead] = consultation.organization;
  const organization = lead === undefined ? undefined : organizations.get(lead);
  const name = organization && optionalText(organization, 'name', `organization ${lead}`);
  if (name) return name.trim();
  if (lead) return lead;
  const meeting = consultation.meeting === undefined ? undefined : meetings.get(consultation.meeting);
  const meetingName = meeting && optionalText(meeting, 'name', `meeting ${consultation.meeting}`);
  if (meetingName) return meetingName.trim();
  throw new OparlFieldInvalid(`consultation ${consultation.id}.organization`, {
    de: 'das Gremium, das beraten hat',
    en: 'the committee that consulted',
  });
}

/** By date; on one day, the stages in their natural order, so the decision comes last. */
function chronological(consultations: Consultation[]): Consultation[] {
  const rank = (c: Consultation) => CONSULTATION_STAGES.indexOf(c.stage);
  return [...consultations].sort((a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b));
}
