import { NumberText } from './ticket-json.js';

/**
 * Redaction of a ticket's values from outside text (a receiver's answer), built to hold
 * whatever the ticket and the text are: it never throws, and its work is bounded.
 *
 * Issue 23, row 1: the redaction used to join the ticket's values into one regular expression;
 * a ticket with a 50,000-character value made a pattern V8 refused ("Invalid regular
 * expression: … too large"), after the receiver had accepted the delivery, and the error held
 * the pattern: every value of the ticket. Here each value is looked for with `indexOf` in the
 * case-folded text, and what is found is cut out. Issue 23 also showed the email pattern
 * `[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}` backtracking quadratically: 3.5 s for 64 KiB of letters
 * without an `@`, 73 s for 256 KiB; `redactEmails` finds the same matches in one pass.
 */

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';
/**
 * Values shorter than this are left in an answer. Redacting case-insensitively, a 1-2
 * character value ("M", "DE", a one-letter initial, a short id) would hit inside almost every
 * word and eat the whole message, and alone it names nobody; from 3 on ("Ann", "Lee") a value
 * can be a name, so it goes.
 */
export const MIN_REDACTED_LENGTH = 3;
/** Numbers this long may be a phone number or a customer number; shorter ones are prices, counts. */
const MIN_REDACTED_DIGITS = 6;
/**
 * Ids the log shows on every line anyway (`[3/80] sent <_id> (<ticketName>)`, the summary's
 * ticketTypeIds): not personal data, and what a reader needs to act on, so an answer keeps them.
 */
const SHOWN_FIELDS = ['_id', 'ticketTypeId', 'eventId', 'ticketName'] as const;
/**
 * Text longer than this is not looked through: it is withheld whole. An answer is read to
 * 64 KiB (webhook-sender.ts); a recorded reason is 200 characters.
 */
export const MOST_TEXT_REDACTED = 256 * 1024;
/**
 * Characters compared at most, searching for the ticket's values (about a tenth of a second);
 * past it the text is withheld whole rather than shown half checked. A real answer and ticket
 * take thousands: only a ticket of many long values that all occur in the answer comes near.
 */
const MOST_WORK = 100_000_000;

/** A ticket, or anything shaped like one: the redaction reads its values only. */
type Values = Readonly<Record<string, unknown>>;

/**
 * `text` with every value of the ticket (at any depth: `extraFields` contacts, history
 * entries), in any case, its JSON-escaped forms, long numbers, and anything shaped like an
 * email replaced by REDACTED, for a receiver that echoes what it was sent into an error message
 * we record. The ids the log shows anyway (SHOWN_FIELDS) stay. Redact before cutting: a cut
 * value no longer matches. Text too long, or too costly, to look through is withheld whole.
 */
export function redactPersonalData(text: string, ticket: Values): string {
  if (text === '') return text;
  if (text.length > MOST_TEXT_REDACTED) return withheld(text, 'too long to check');
  const folded = foldCase(text);
  const ranges = findValues(folded, valuesToRedact(ticket, text.length));
  if (ranges === undefined) return withheld(text, 'too costly to check');
  return redactEmails(cutOut(text, ranges));
}

function withheld(text: string, why: string): string {
  return `[answer withheld: ${text.length} characters, ${why} for personal data]`;
}

/**
 * `text` in lower case, one UTF-16 unit for one, so that a position in it is the same position
 * in `text`. String.prototype.toLowerCase keeps the length but for U+0130 (İ, which becomes
 * "i̇": Unicode's SpecialCasing.txt), so a text holding it is lowered one character at a time;
 * final sigma, the one lowering that depends on the letters around it, is made σ.
 */
export function foldCase(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    lower = '';
    for (const character of text) {
      const lowered = character.toLowerCase();
      lower += lowered.length === character.length ? lowered : character;
    }
  }
  return lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower;
}

/**
 * Every string (and long number) inside `ticket`, at any depth, as the receiver may echo it,
 * case-folded; none longer than `longest` (it could not be in the text). Walked on a stack of
 * its own: a ticket of any depth is safe.
 */
function valuesToRedact(ticket: Values, longest: number): Set<string> {
  const values = new Set<string>();
  const add = (value: string): void => {
    if (value.length <= longest) values.add(foldCase(value));
  };
  const stack: unknown[] = [ticket];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed.length < MIN_REDACTED_LENGTH || trimmed.length > longest) continue;
      add(trimmed);
      // An echo in JSON shows quotes and backslashes escaped, and, from an encoder that writes
      // ASCII only (Python's json.dumps by default), every other character as \uXXXX.
      const escaped = JSON.stringify(trimmed).slice(1, -1);
      add(escaped);
      add(
        escaped.replace(
          /[^\x20-\x7e]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
      );
    } else if (typeof value === 'number' && Number.isInteger(value)) {
      const digits = String(Math.abs(value));
      if (digits.length >= MIN_REDACTED_DIGITS) add(digits);
    } else if (value instanceof NumberText) {
      const digits = value.text.replace(/^-/, '');
      if (/^\d+$/.test(digits) && digits.length >= MIN_REDACTED_DIGITS) add(digits);
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) stack.push(inner);
    }
  }
  for (const field of SHOWN_FIELDS) {
    const shown = ticket[field];
    if (typeof shown === 'string') values.delete(foldCase(shown.trim()));
  }
  return values;
}

/** The three UTF-16 units from `at`, as one number: a cheap key for "may occur here". */
function trigramAt(text: string, at: number): number {
  return (
    (text.charCodeAt(at) * 65_536 + text.charCodeAt(at + 1)) * 65_536 + text.charCodeAt(at + 2)
  );
}

/**
 * Where each value occurs in `folded`, as [start, end) pairs (every occurrence, overlapping
 * ones too); undefined when finding them would cost more than MOST_WORK. A value whose first
 * and last three characters do not both occur in the text is passed over without a search.
 */
function findValues(folded: string, values: Set<string>): [number, number][] | undefined {
  const trigrams = new Set<number>();
  for (let at = 0; at + 3 <= folded.length; at++) trigrams.add(trigramAt(folded, at));
  const ranges: [number, number][] = [];
  let work = 0;
  for (const value of values) {
    if (!trigrams.has(trigramAt(value, 0)) || !trigrams.has(trigramAt(value, value.length - 3)))
      continue;
    for (let from = 0; ;) {
      const found = folded.indexOf(value, from);
      work += (found === -1 ? folded.length : found + value.length) - from;
      if (work > MOST_WORK) return undefined;
      if (found === -1) break;
      ranges.push([found, found + value.length]);
      from = found + 1;
    }
  }
  return ranges;
}

/** `text` with the union of `ranges` replaced, each stretch once, by REDACTED. */
function cutOut(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let kept = 0;
  let [start, end] = ranges[0]!;
  for (const [nextStart, nextEnd] of ranges) {
    if (nextStart <= end) {
      end = Math.max(end, nextEnd);
      continue;
    }
    pieces.push(text.slice(kept, start), REDACTED);
    kept = end;
    [start, end] = [nextStart, nextEnd];
  }
  pieces.push(text.slice(kept, start), REDACTED, text.slice(end));
  return pieces.join('');
}

/** A character the email pattern's runs `[^\s@"'<>]` cannot hold. */
const NOT_IN_EMAIL = /[\s@"'<>]/;
const isAsciiLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * Anything shaped like an email replaced by REDACTED: what
 * `text.replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi, REDACTED)` replaces, found in one pass
 * (that pattern backtracks quadratically on a long run without an `@`; see the file's top).
 */
export function redactEmails(text: string): string {
  if (!text.includes('@')) return text;
  const ranges: [number, number][] = [];
  let floor = 0;
  for (let at = text.indexOf('@'); at !== -1;) {
    let start = at;
    while (start > floor && !NOT_IN_EMAIL.test(text[start - 1]!)) start--;
    let runEnd = at + 1;
    while (runEnd < text.length && !NOT_IN_EMAIL.test(text[runEnd]!)) runEnd++;
    const end = start < at ? domainEnd(text, at + 1, runEnd) : -1;
    if (end === -1) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    ranges.push([start, end]);
    floor = end;
    at = text.indexOf('@', end);
  }
  return cutOut(text, ranges);
}

/**
 * Where `[^\s@"'<>]+\.[a-z]{2,}` (greedy, as the pattern backtracks) ends when it starts at
 * `from` inside a run of allowed characters ending at `runEnd`; -1 when it cannot match: the
 * last dot with at least one character before it and two letters after, then every letter.
 */
function domainEnd(text: string, from: number, runEnd: number): number {
  for (let dot = runEnd - 3; dot > from; dot--) {
    if (text.charCodeAt(dot) !== 0x2e) continue;
    if (!isAsciiLetter(text.charCodeAt(dot + 1)) || !isAsciiLetter(text.charCodeAt(dot + 2)))
      continue;
    let end = dot + 3;
    while (end < runEnd && isAsciiLetter(text.charCodeAt(end))) end++;
    return end;
  }
  return -1;
}
