import type { ConsultationStage, ResolutionResult } from '../council-resolution';

/**
 * Council information systems write results and consultation roles as free German text
 * ("ungeändert beschlossen", "Vorberatung"), each vendor a little differently. These functions
 * read the common phrasings and answer undefined for anything else, so that the caller refuses
 * rather than guesses.
 */

export type ResultReading =
  { kind: 'result'; result: ResolutionResult } | { kind: 'not-final' } | { kind: 'unreadable' };

/** The abbreviations of the result legend on council papers (seed 001: Z, A, Ä, AV, K). */
const RESULT_ABBREVIATIONS: Record<string, ResolutionResult> = {
  Z: 'approved',
  A: 'rejected',
  Ä: 'amended',
  AV: 'hearing-done',
  K: 'noted',
};

/** A phrase matched as whole words; `\b` does not know umlauts, letters do. */
const phrase = (source: string) => new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, 'u');

/** Postponed, withdrawn, referred, merely recommended: the item carries no decision (yet). */
const NOT_FINAL = phrase(
  'vertagt|zurückgestellt|zurückgezogen|abgesetzt|verwiesen|zurückverwiesen|unerledigt|nicht behandelt|ohne beschluss|empfohlen|beschlussempfehlung',
);
const NEGATED_ADOPTION = phrase('nicht (?:beschlossen|angenommen|zugestimmt|genehmigt)');
const REJECTED = phrase('abgelehnt|ablehnung|zurückgewiesen');
const UNCHANGED = phrase(
  'ungeändert|unverändert|ohne änderungen?|wie vorgeschlagen|gemäß (?:vorlage|beschlussvorschlag)',
);
const CHANGED = phrase(
  'geändert|verändert|mit änderungen?|mit ergänzungen?|ergänzt|abweichend|modifiziert|in geänderter fassung',
);
const ADOPTED = phrase('beschlossen|angenommen|zugestimmt|zustimmung|genehmigt|beschluss gefasst');
const NOTED = phrase('zur kenntnis genommen|kenntnis genommen|kenntnisnahme|zur kenntnis');
const HEARD = phrase('anhörung (?:vollzogen|erfolgt|durchgeführt)|angehört');

export function normalizeGerman(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!;:,]+$/, '')
    .trim();
}

/**
 * The result of an agenda item, read from its text. Exactly one reading must fit: "teilweise
 * abgelehnt, im Übrigen beschlossen" fits two and is therefore unreadable, not approved.
 */
export function readResult(raw: string): ResultReading {
  const trimmed = raw.normalize('NFC').trim();
  const abbreviation = RESULT_ABBREVIATIONS[trimmed];
  if (abbreviation) return { kind: 'result', result: abbreviation };
  const text = normalizeGerman(trimmed);
  if (!text) return { kind: 'unreadable' };
  if (text === 'änderung') return { kind: 'result', result: 'amended' };
  if (NOT_FINAL.test(text)) return { kind: 'not-final' };
  const readings = new Set<ResolutionResult>();
  const rejected = REJECTED.test(text) || NEGATED_ADOPTION.test(text);
  if (rejected) readings.add('rejected');
  const affirmative = text.replace(new RegExp(NEGATED_ADOPTION.source, 'gu'), ' ');
  if (ADOPTED.test(affirmative)) {
    readings.add(CHANGED.test(affirmative) && !UNCHANGED.test(affirmative) ? 'amended' : 'approved');
  }
  if (NOTED.test(text)) readings.add('noted');
  if (HEARD.test(text)) readings.add('hearing-done');
  if (readings.size !== 1) return { kind: 'unreadable' };
  return { kind: 'result', result: [...readings][0] };
}

/**
 * The stage of a consultation from its OParl `role` ("Anhörung", "Kenntnisnahme",
 * "Vorberatung", "Beschlussfassung", "Entscheidung", or the paper's letters A/K/V/B).
 * "Beratung und Beschlussfassung" decides; "Vorberatung und Beschlussempfehlung" only
 * recommends. Undefined when the role says something else or several things at once.
 */
export function readConsultationRole(raw: string): ConsultationStage | undefined {
  const text = normalizeGerman(raw);
  const readings = new Set<ConsultationStage>();
  if (/anhörung|^a$/u.test(text)) readings.add('hearing');
  if (/kenntnis|^k$/u.test(text)) readings.add('notice');
  const recommends = /empfehl/u.test(text);
  if (!recommends && /beschluss|entscheid|^b$/u.test(text)) readings.add('decision');
  else if (/vorberat|beratung|empfehl|^v$/u.test(text)) readings.add('preliminary');
  return readings.size === 1 ? [...readings][0] : undefined;
}
