import { count } from './format.js';

/**
 * What the Actions runner reads as a workflow command in a line of a step's output
 * (actions/runner, src/Runner.Common/ActionCommand.cs, read at 258d6c8):
 * - `TryParseV2`: the line, after `TrimStart()` (leading whitespace dropped), starts with `::`
 *   and the text up to the next `::` names a registered command (case-insensitively).
 * - `TryParse`, the legacy form, tried when V2 fails: `##[` ANYWHERE in the line, the name
 *   running to the next `]`.
 * The runner splits output into lines with `StreamReader.ReadLine` (ProcessInvoker.cs), which
 * ends a line at `\n`, `\r` or `\r\n`.
 *
 * What @actions/core escapes itself (actions/toolkit, packages/core/src/command.ts, read at
 * 4b9afa4): `warning`, `error`, `group` and every other command go through `issueCommand`,
 * whose `escapeData` turns `%`, `\r` and `\n` into `%25`, `%0D`, `%0A`, so their message is one
 * line the runner reads as that command and nothing else. `core.info` writes its message raw.
 */

/** The legacy command prefix; a line holding it anywhere is read as a command. */
const LEGACY_COMMAND_PREFIX = '##[';
/** `##[` shown with its bracket escaped: the same text to a person, no command to the runner. */
const LEGACY_PREFIX_SHOWN = '##\\u005b';
/** The runner's line ends: `\r\n`, `\r` and `\n`. */
const RUNNER_LINE_END = /\r\n|\r|\n/;

/**
 * The most of one outside value a log line shows, in UTF-16 units, before the escapes: a
 * ticket name or an id of 50,000 characters (issue 23, row 1) would otherwise fill a line, and
 * every line that names it. Long enough for any path a runner has.
 */
export const MOST_SHOWN_OF_A_VALUE = 1_000;

/**
 * An outside value (from Vivenu, the receiver, GitHub or a file) made safe to put in a log
 * line: control characters and line breaks shown escaped, so the value stays on its line and
 * cannot start a workflow command (`::error::…`) of its own, and `##[` (a command anywhere in
 * a line) shown as `##\u005b`. Past MOST_SHOWN_OF_A_VALUE it is cut, saying how long it was.
 * It never throws: a value with no text of its own (an object without a prototype) is named.
 */
export function logText(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(value);
  } catch {
    text = `(a value of type ${typeof value})`;
  }
  if (text.length > MOST_SHOWN_OF_A_VALUE) {
    // Cut between characters: a surrogate pair's first half alone is no character.
    const end = /[\uD800-\uDBFF]/.test(text[MOST_SHOWN_OF_A_VALUE - 1]!)
      ? MOST_SHOWN_OF_A_VALUE - 1
      : MOST_SHOWN_OF_A_VALUE;
    text = `${text.slice(0, end)}… (${count(text.length)} characters in all)`;
  }
  // C0 and C1 controls, DEL, and the two Unicode line separators.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
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
  return escaped.split(LEGACY_COMMAND_PREFIX).join(LEGACY_PREFIX_SHOWN);
}

/**
 * One line the runner cannot read as a command: a `::` at its start (after leading
 * whitespace, which the runner trims) gets its first colon shown as `\u003a`, and `##[` is
 * shown as `##\u005b`.
 */
export function commandSafeLine(line: string): string {
  const unprefixed = line.split(LEGACY_COMMAND_PREFIX).join(LEGACY_PREFIX_SHOWN);
  // .NET's TrimStart drops what char.IsWhiteSpace calls white space: JavaScript's \s and the
  // next-line control U+0085 cover that set (and U+FEFF besides, which costs nothing here).
  return unprefixed.replace(/^([\s\u0085]*)::/, '$1\\u003a:');
}

/**
 * The last line of defence for text written raw to a step's log (`core.info`, or any entry
 * point whose output a runner may read): every line, split where the runner splits, made
 * command-safe. Lines the code writes itself are unchanged unless they would be read as a
 * command; outside values should already have gone through `logText`.
 */
export function commandSafeText(message: string): string {
  return message.split(RUNNER_LINE_END).map(commandSafeLine).join('\n');
}

/**
 * A URL as shown anywhere a person reads it (log, summary, errors): origin and path only. A
 * query string or fragment can hold a token (`?token=…`), and the parser has already refused
 * credentials in the authority; neither is shown.
 */
export function urlForDisplay(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    // Not a URL (should not happen past settings): show none of it rather than all of it.
    return '(a URL that does not parse)';
  }
}
