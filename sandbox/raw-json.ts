/**
 * JSON text a sandbox sends exactly as written, inside a value it otherwise writes with
 * `JSON.stringify`: a number as Vivenu's server might write it (`1.10`, `1e2`,
 * `12345678901234567890`, none of which a JavaScript number keeps), or a value nested deeper
 * than `JSON.stringify` can go (it runs out of stack near 4,100 levels on Node 20).
 */
export class RawJsonText {
  /** How many were made: none, and pages are written with plain `JSON.stringify`. */
  static made = 0;

  constructor(readonly text: string) {
    RawJsonText.made++;
  }
}

/** `JSON.stringify(value)`, with each RawJsonText inside written as its text. */
export function jsonWithRawText(value: unknown): string {
  if (RawJsonText.made === 0) return JSON.stringify(value);
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (!(inner instanceof RawJsonText)) return inner;
    raws.push(inner.text);
    // A control character is written escaped, so the placeholder cannot be a real value's text.
    return `\u0001raw-json-${raws.length - 1}\u0001`;
  });
  return text.replace(
    /"\\u0001raw-json-(\d+)\\u0001"/g,
    (_match, index: string) => raws[Number(index)]!,
  );
}

/** `{"a":{"a":…"bottom"…}}`, `levels` objects deep, as text: deeper than JSON.stringify reaches. */
export function nestedJsonText(levels: number): string {
  return `${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`;
}
