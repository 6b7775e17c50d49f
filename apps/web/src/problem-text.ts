/** A text as a sentence: ending with its own punctuation, or with a full stop added. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * A refusal (problem+json) as people read it: the title ("Regel nicht erfüllt"), then the detail
 * that says what was wrong, as two sentences; one where the detail is missing or repeats the title.
 */
export function problemSentences(title: string, detail: string): [string] | [string, string] {
  const head = title.trim();
  const body = detail.trim();
  if (!body || body === head) return [asSentence(head)];
  if (!head) return [asSentence(body)];
  return [asSentence(head), asSentence(body)];
}
