import type { CallForm, FormField } from '@app/programmes-calls';
import { FormAnswerInvalid, FormFieldUnknown } from './errors';
import type { ExpressionOfInterestContent, FormAnswer } from './expression-of-interest';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a field of the call's form holds in an expression of interest: its answer, or for the
 * fields the first programme's content named at the top level (motto, goals …) that value.
 */
export function answerOf(content: ExpressionOfInterestContent, fieldId: string): unknown {
  const answers = content.answers ?? {};
  if (Object.prototype.hasOwnProperty.call(answers, fieldId)) return answers[fieldId];
  return (content as Record<string, unknown>)[fieldId];
}

/** Why an answer does not fit its field, in German and English; undefined when it fits. */
function misfit(field: FormField, value: FormAnswer): { de: string; en: string } | undefined {
  switch (field.type) {
    case 'text':
    case 'long-text':
      if (typeof value !== 'string') return { de: 'erwartet wird ein Text', en: 'must be text' };
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return {
          de: `höchstens ${field.maxLength} Zeichen (${value.length} angegeben)`,
          en: `at most ${field.maxLength} characters (${value.length} given)`,
        };
      return undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : { de: 'erwartet wird eine Zahl', en: 'must be a number' };
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : { de: 'erwartet wird ein Datum (JJJJ-MM-TT)', en: 'must be a date (YYYY-MM-DD)' };
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? undefined
        : {
            de: `erlaubt ist eine der Angaben ${(field.options ?? []).map((o) => `„${o}“`).join(', ')}`,
            en: `must be one of ${(field.options ?? []).join(', ')}`,
          };
    case 'yes-no':
      return typeof value === 'boolean'
        ? undefined
        : { de: 'erwartet wird Ja oder Nein', en: 'must be yes or no' };
    default:
      return undefined;
  }
}

/**
 * The answers of an expression of interest checked against its call's form, while drafting as
 * at submission: each answer names a field of the form and fits its type. Whether the required
 * ones are there is asked only at submission (`missingFields`).
 */
export function checkAnswers(form: CallForm | undefined, content: ExpressionOfInterestContent): void {
  const answers = content.answers ?? {};
  for (const [fieldId, value] of Object.entries(answers)) {
    const field = form?.fields.find((f) => f.fieldId === fieldId);
    if (!field) throw new FormFieldUnknown({ fieldId, known: (form?.fields ?? []).map((f) => f.fieldId) });
    const why = misfit(field, value);
    if (why) throw new FormAnswerInvalid({ fieldId, label: field.label, de: why.de, en: why.en });
  }
}

/** A non-blank text, a number, a yes or no, or a real object (not an array): a field filled in. */
export function isFilledIn(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The required fields of the form left empty, as ids and as the labels people read. */
export function missingFields(
  form: CallForm,
  content: ExpressionOfInterestContent,
): { fieldId: string; label: string }[] {
  return form.fields
    .filter((f) => f.required && !isFilledIn(answerOf(content, f.fieldId)))
    .map((f) => ({ fieldId: f.fieldId, label: f.label }));
}
