/** Characters a person does not see: controls (JSON's own white space aside) and formats. */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const codePoint = (c: string): string =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `text` is not JSON, in words a person can act on: JSON.parse's message (which may
 * quote the text around the fault) with invisible characters named (`U+200B`), cut to a line,
 * and where the first invisible character of the file is, if it has one; or, for a file saved
 * as UTF-16 (its bytes read as UTF-8 show NULs, or two U+FFFD for its mark), that.
 */
export function jsonProblem(text: string, error: unknown): string {
  if (text.startsWith('\uFFFD\uFFFD') || text.slice(0, 200).includes('\u0000'))
    return 'it looks saved as UTF-16: save it as UTF-8';
  const message = error instanceof Error ? error.message : String(error);
  const named = message.replace(INVISIBLE, codePoint);
  const said = named.length > 200 ? `${named.slice(0, 200)}…` : named;
  INVISIBLE.lastIndex = 0;
  const hidden = INVISIBLE.exec(text);
  if (!hidden) return said;
  const before = text.slice(0, hidden.index).split('\n');
  return `${said}; the file holds an invisible character, ${codePoint(hidden[0])}, at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
