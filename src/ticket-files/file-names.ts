import { stringField, type Ticket } from '../vivenu/tickets.js';

/** Longest file name written, in UTF-8 bytes, extension included: safe on every filesystem. */
export const MAX_FILE_NAME_BYTES = 120;
const EXTENSION = '.json';

// Characters no filesystem (or a zip of the artifact) should see in a name: path separators,
// Windows' reserved set, controls, and bidi controls that make a name read differently.
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The longest `_id` suffix used to tell clashing names apart; Vivenu ids are 24 characters. */
const MAX_SUFFIX_BYTES = 40;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The holder's name as Vivenu gave it, or "no name". */
export function holderName(ticket: Ticket): string {
  const full = stringField(ticket, 'name')?.trim();
  if (full) return full;
  const parts = [stringField(ticket, 'firstname'), stringField(ticket, 'lastname')];
  const joined = parts
    .filter((part) => part?.trim())
    .join(' ')
    .trim();
  return joined || 'no name';
}

/** One name part made safe: no separators, controls or reserved characters, single spaces. */
export function sanitizeNamePart(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE_CHARACTERS, '_').trim();
}

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let result = '';
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    result += character;
  }
  return result;
}

function finishName(stem: string, suffix: string): string {
  const room = MAX_FILE_NAME_BYTES - Buffer.byteLength(suffix + EXTENSION);
  const fit = (text: string, bytes: number): string =>
    truncateUtf8(text, bytes).replace(/[. ]+$/, '');
  const trimmed = stem.replace(/^[. ]+/, '');
  let name = fit(trimmed, room);
  // Windows will not open "nul.json" or "CON.x.json": a leading "_" defuses the device name.
  if (name === '' || WINDOWS_DEVICE_NAME.test(name.split('.')[0] ?? ''))
    name = `_${fit(trimmed, room - 1)}`;
  return `${name}${suffix}${EXTENSION}`;
}

function clashSuffix(ticket: Ticket, n?: number): string {
  const id = truncateUtf8(sanitizeNamePart(ticket._id), MAX_SUFFIX_BYTES);
  return n === undefined ? `_${id}` : `_${id}_${n}`;
}

/**
 * File names for `individual/`, one per ticket, in the tickets' order: `<barcode>_<holder>.json`
 * as the earlier pull tool wrote them (`HYgzx3nvev_Paddy McCann.json`). Unique even on
 * case-insensitive filesystems: a clash gets the ticket's `_id` appended.
 */
export function individualFileNames(tickets: readonly Ticket[]): string[] {
  return [...eachIndividualFileName(tickets)];
}

/**
 * The same names one at a time, for writing the files as they come: a pull of 100,000
 * tickets need not hold all their names at once.
 */
export function* eachIndividualFileName(tickets: readonly Ticket[]): Generator<string> {
  const taken = new Set<string>();
  for (const ticket of tickets) {
    const barcode =
      sanitizeNamePart(stringField(ticket, 'barcode') ?? '') || sanitizeNamePart(ticket._id);
    const stem = `${barcode}_${sanitizeNamePart(holderName(ticket))}`;
    let name = [finishName(stem, ''), finishName(stem, clashSuffix(ticket))].find(
      (candidate) => !taken.has(candidate.toLowerCase()),
    );
    for (let n = 2; name === undefined; n++) {
      const candidate = finishName(stem, clashSuffix(ticket, n));
      if (!taken.has(candidate.toLowerCase())) name = candidate;
    }
    taken.add(name.toLowerCase());
    yield name;
  }
}
