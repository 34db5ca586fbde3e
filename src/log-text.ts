/**
 * An outside value (from Vivenu, the receiver, GitHub or a file) made safe to put in a log
 * line: control characters and line breaks shown escaped, so the value stays on its line and
 * cannot start a workflow command (`::error::…`) of its own.
 */
export function logText(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  // C0 and C1 controls, DEL, and the two Unicode line separators.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
    switch (character) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}
