/**
 * The bytes of a base64 or base64url text, only if the text is exactly how those bytes are
 * written (what `toString` gives back); otherwise undefined. Node's decoder is lenient: it skips
 * characters outside the alphabet and ignores the unused low bits of the last character, so
 * several texts decode to the same bytes. Where a text is checked for being unaltered (a sealed
 * secret, a signature), an altered text must not pass for the original.
 */
export function strictBase64(text: string, encoding: 'base64' | 'base64url'): Buffer | undefined {
  const bytes = Buffer.from(text, encoding);
  return bytes.toString(encoding) === text ? bytes : undefined;
}
