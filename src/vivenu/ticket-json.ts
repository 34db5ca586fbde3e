import { randomUUID } from 'node:crypto';

/**
 * Tickets as JSON text, read and written so that what Vivenu wrote is what goes on: the files,
 * the delivery and its signature carry each number as Vivenu wrote it, and no ticket, however
 * deep, can make the run throw.
 *
 * Numbers (issue 23, row 3). `JSON.parse` turns every number into a float64, and
 * `JSON.stringify` writes that float back in its shortest form: `12345678901234567890` went out
 * as `12345678901234567000`, `9007199254740993` as `…992`, `1.10` as `1.1`, `1.0` as `1`, `1e2`
 * as `100`, `-0` as `0`, `1e400` as `null` (ECMA-262, Number::toString). The reviver's
 * `context.source` and `JSON.rawJSON` would keep them, but Node 20 has neither (V8 11.3), and a
 * reviver slows every page. So a page is searched once for a number whose text would change
 * (about 2 ms per MB: 19,000 tickets, 17.7 MB, take 40 ms more than JSON.parse alone); only a
 * page holding one takes the slower way (about 10 ms more per 1,000 tickets), where that number
 * becomes a NumberText, written back as its text. Everything else JSON does not tell apart is
 * still normalised by JSON.parse: whitespace between tokens, a character written as an escape
 * (`\u00e9`, `\/`), a key given twice (the last kept), and keys that are array indices ("2"),
 * which an object lists first (ECMA-262, OrdinaryOwnPropertyKeys).
 *
 * Depth (issue 23, row 2). `JSON.parse` reads any depth, but `JSON.stringify` recurses and ran
 * out of stack at 4,102 levels on Node 20 and 4,457 on Node 24 (measured, from a shallow
 * stack), with "Maximum call stack size exceeded" while the files were written. A ticket
 * nested deeper than MAX_TICKET_DEPTH is kept aside (`nestedDeeperThan`) and written only by
 * `compactJson`, which keeps its own stack.
 */

/**
 * A Vivenu ticket nests 3 levels (`history` entries, `extraFields`); a hundred is far past any
 * real one and far below where JSON.stringify runs out of stack (above).
 */
export const MAX_TICKET_DEPTH = 100;

/** Starts every placeholder: a private-use character, which JSON.stringify writes as it is. */
const MARK = '\uE000';
/** Unguessable by outside text: a string a ticket holds can never be taken for a number. */
const PLACEHOLDER = `${MARK}${randomUUID()}:`;
const PLACEHOLDER_IN_TEXT = new RegExp(`"${PLACEHOLDER}(-?[0-9][0-9.eE+-]*)"`, 'g');

/** A JSON number kept as written, because a JavaScript number would write it otherwise. */
export class NumberText {
  constructor(readonly text: string) {}

  /** JSON.stringify writes a placeholder; `ticketJson` puts the text in its place. */
  toJSON(): string {
    return `${PLACEHOLDER}${this.text}`;
  }
}

/** A number token where a value can be (after `:`, `,`, `[`), before `,`, `}` or `]`. */
const NUMBER_IN_VALUE_PLACE = /[:,[][ \t\r\n]*(-?[0-9][0-9.eE+-]*)(?=[ \t\r\n]*[,}\]])/g;
/** A number as RFC 8259 section 6 writes it. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** True when JSON.stringify(JSON.parse(token)) would not give `token` back. */
function changedByANumber(token: string): boolean {
  return JSON_NUMBER.test(token) && JSON.stringify(Number(token)) !== token;
}

/**
 * Whether `text` may hold a number that JSON.parse and JSON.stringify would change. May say yes
 * for a string that looks like one (`"a, 1.10, b"`): the slower way is then taken, and is exact.
 */
function mayChangeANumber(text: string): boolean {
  // A number alone (no page is one): the slower way, which handles it too.
  if (/^[ \t\r\n]*-?[0-9]/.test(text)) return true;
  NUMBER_IN_VALUE_PLACE.lastIndex = 0;
  for (let match; (match = NUMBER_IN_VALUE_PLACE.exec(text));) {
    if (changedByANumber(match[1]!)) return true;
  }
  return false;
}

/**
 * `text` with every number JSON.parse would change written as a placeholder string. Only the
 * places NUMBER_IN_VALUE_PLACE finds are touched, and only those outside a string: the quotes
 * before each are stepped over (a quote ends a string unless an odd run of backslashes comes
 * before it), so a string that reads "a, 1.10, b" stays as it is, and text that is not JSON
 * stays as unparsable as it was. A page of 1,000 tickets holding such a number takes about
 * 10 ms more than one without.
 */
function markChangedNumbers(text: string): string {
  const pieces: string[] = [];
  let kept = 0;
  /** Quotes before `scanned` are accounted for: `inString` is the state there. */
  let scanned = 0;
  let inString = false;
  NUMBER_IN_VALUE_PLACE.lastIndex = 0;
  for (let match; (match = NUMBER_IN_VALUE_PLACE.exec(text));) {
    const token = match[1]!;
    if (!changedByANumber(token)) continue;
    const at = match.index + match[0].length - token.length;
    for (let quote = text.indexOf('"', scanned); quote !== -1 && quote < at;) {
      if (!inString || backslashesBefore(text, quote) % 2 === 0) inString = !inString;
      scanned = quote + 1;
      quote = text.indexOf('"', scanned);
    }
    if (inString) continue;
    pieces.push(text.slice(kept, at), `"${PLACEHOLDER}${token}"`);
    kept = at + token.length;
  }
  pieces.push(text.slice(kept));
  return pieces.join('');
}

function backslashesBefore(text: string, at: number): number {
  let count = 0;
  while (text.charCodeAt(at - 1 - count) === 0x5c) count++;
  return count;
}

/** Each placeholder string inside `value` made a NumberText again; walks any depth. */
function restoreNumbers(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const container = stack.pop();
    if (typeof container !== 'object' || container === null) continue;
    const slots = container as Record<string, unknown>;
    for (const key of Object.keys(slots)) {
      const inner = slots[key];
      if (typeof inner === 'string' && inner.startsWith(PLACEHOLDER)) {
        slots[key] = new NumberText(inner.slice(PLACEHOLDER.length));
      } else if (typeof inner === 'object' && inner !== null) {
        stack.push(inner);
      }
    }
  }
}

/**
 * JSON.parse, keeping every number JSON.parse and JSON.stringify would change as a NumberText.
 * Throws what JSON.parse throws for text that is not JSON.
 */
export function parseKeepingNumbers(text: string): unknown {
  if (!mayChangeANumber(text)) return JSON.parse(text);
  const marked = markChangedNumbers(text);
  const value: unknown = JSON.parse(marked);
  // A number alone: JSON.parse took it, so the text is that number between JSON white space.
  if (typeof value === 'number') {
    const token = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    return changedByANumber(token) ? new NumberText(token) : value;
  }
  if (marked.length !== text.length) restoreNumbers(value);
  return value;
}

/** A plain number for what must be one (a page's `total`), whether kept as text or not. */
export function plainNumber(value: unknown): unknown {
  return value instanceof NumberText ? Number(value.text) : value;
}

/**
 * JSON.stringify for a ticket (or anything holding one), its NumberTexts written as their text.
 * Only for values no deeper than MAX_TICKET_DEPTH: deeper ones go through `compactJson`.
 */
export function ticketJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  return text.includes(MARK) ? text.replace(PLACEHOLDER_IN_TEXT, '$1') : text;
}

/**
 * Whether `value` nests objects and arrays more than `levels` deep (`{}` is one level), found
 * with a stack of its own, so any depth is safe to ask about; it stops at the first too deep.
 * Asked of every row a pull reads: 19,000 tickets take about 10 ms (Node 20 and 24, measured),
 * a fifth of what sharing their strings takes (shared-strings.ts).
 */
export function nestedDeeperThan(value: unknown, levels: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [container, depth] = stack.pop()!;
    if (typeof container !== 'object' || container === null) continue;
    if (depth > levels) return true;
    for (const inner of Object.values(container)) {
      if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
    }
  }
  return false;
}

/**
 * JSON text of a value parsed from JSON, at any depth, on a stack of its own: for what
 * JSON.stringify cannot write (a ticket kept aside as too deep). Compact: indenting 5,000
 * levels would write 10,000 spaces on a line.
 */
export function compactJson(value: unknown): string {
  type Step = { text: string } | { value: unknown };
  const out: string[] = [];
  // What is still to write, the next on top: a value, or a piece of text (a comma, a bracket).
  const todo: Step[] = [{ value }];
  // Pushed in reverse, one by one (a spread of a long array would overflow the stack itself).
  const later = (steps: Step[]): void => {
    for (let index = steps.length - 1; index >= 0; index--) todo.push(steps[index]!);
  };
  while (todo.length > 0) {
    const next = todo.pop()!;
    if ('text' in next) {
      out.push(next.text);
      continue;
    }
    const item = next.value;
    if (item instanceof NumberText) out.push(item.text);
    else if (Array.isArray(item)) {
      const steps: Step[] = [{ text: '[' }];
      item.forEach((inner: unknown, index) => {
        if (index > 0) steps.push({ text: ',' });
        steps.push({ value: inner });
      });
      later([...steps, { text: ']' }]);
    } else if (typeof item === 'object' && item !== null) {
      const steps: Step[] = [{ text: '{' }];
      Object.entries(item).forEach(([key, inner], index) => {
        steps.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` }, { value: inner });
      });
      later([...steps, { text: '}' }]);
    } else {
      // A string, number, boolean or null; undefined (never from JSON) is written as null.
      out.push(JSON.stringify(item) ?? 'null');
    }
  }
  return out.join('');
}
