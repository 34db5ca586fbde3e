import path from 'node:path';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  MAX_FILE_NAME_BYTES,
  holderName,
  individualFileNames,
  sanitizeNamePart,
  truncateUtf8,
} from '../../src/ticket-files/file-names.js';
import type { Ticket } from '../../src/vivenu/tickets.js';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const roundTrips = (text: string): boolean => Buffer.from(text, 'utf8').toString('utf8') === text;
const nameOf = (ticket: Ticket): string => {
  const [name] = individualFileNames([ticket]);
  if (name === undefined) throw new Error('no name returned');
  return name;
};

// Bidi controls as listed by Unicode (UAX #9): marks, embeddings, overrides and isolates.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_CHARACTERS = /\p{Cc}/u;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

describe('holderName', () => {
  it('uses the trimmed full name when there is one', () => {
    expect(holderName({ _id: 'a', name: '  Paddy McCann ', firstname: 'X', lastname: 'Y' })).toBe(
      'Paddy McCann',
    );
  });

  it('falls back to firstname and lastname', () => {
    expect(holderName({ _id: 'a', firstname: 'Paddy', lastname: 'McCann' })).toBe('Paddy McCann');
    expect(holderName({ _id: 'a', name: '   ', firstname: 'Paddy', lastname: '  ' })).toBe('Paddy');
    expect(holderName({ _id: 'a', lastname: 'McCann' })).toBe('McCann');
  });

  it('says "no name" when there is no usable name', () => {
    expect(holderName({ _id: 'a' })).toBe('no name');
    expect(holderName({ _id: 'a', name: '', firstname: ' ', lastname: '' })).toBe('no name');
    expect(holderName({ _id: 'a', name: 42, firstname: null })).toBe('no name');
  });
});

describe('sanitizeNamePart', () => {
  it('replaces path separators', () => {
    expect(sanitizeNamePart('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(sanitizeNamePart('a/b\\c')).toBe('a_b_c');
  });

  it('replaces Windows reserved characters', () => {
    expect(sanitizeNamePart('a:b*c?d"e<f>g|h')).toBe('a_b_c_d_e_f_g_h');
  });

  it('replaces C0, DEL and C1 control characters', () => {
    expect(sanitizeNamePart('Paddy\u0000Mc\u0007Cann\u001b\u007f\u0085x')).toBe(
      'Paddy_Mc_Cann___x',
    );
  });

  it('turns tabs and line breaks into single spaces', () => {
    expect(sanitizeNamePart('\tPaddy\t\r\nMcCann\n')).toBe('Paddy McCann');
  });

  it('replaces bidi marks, embeddings, overrides and isolates', () => {
    expect(sanitizeNamePart('invoice\u202Egpj.exe')).toBe('invoice_gpj.exe');
    expect(sanitizeNamePart('a\u200eb\u200fc\u202ad\u202be\u202cf\u202dg')).toBe('a_b_c_d_e_f_g');
    expect(sanitizeNamePart('a\u2066b\u2067c\u2068d\u2069e')).toBe('a_b_c_d_e');
  });

  it('collapses other white space to single spaces and trims', () => {
    expect(sanitizeNamePart('  Paddy \u00a0\u2003 McCann  ')).toBe('Paddy McCann');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Zoe\u0308 Se\u0301ne';
    const result = sanitizeNamePart(decomposed);
    expect(result).toBe('Zo\u00eb S\u00e9ne');
    expect(result).not.toBe(decomposed);
  });
});

describe('truncateUtf8', () => {
  it('leaves text that fits alone', () => {
    expect(truncateUtf8('abc', 3)).toBe('abc');
    expect(truncateUtf8('h\u00e9', 3)).toBe('h\u00e9');
  });

  it('cuts at a character boundary, never inside a character', () => {
    expect(truncateUtf8('h\u00e9llo', 2)).toBe('h');
    expect(truncateUtf8('h\u00e9llo', 3)).toBe('h\u00e9');
    expect(truncateUtf8('\u{1F600}a', 3)).toBe('');
    expect(truncateUtf8('\u{1F600}a', 4)).toBe('\u{1F600}');
    expect(truncateUtf8('\u6f22\u5b57', 5)).toBe('\u6f22');
    expect(truncateUtf8('abc', 0)).toBe('');
  });
});

describe('individualFileNames', () => {
  it('names a file <barcode>_<holder>.json like the earlier pull tool', () => {
    expect(
      individualFileNames([
        { _id: '65a1b2c3d4e5f60718293a4b', barcode: 'HYgzx3nvev', name: 'Paddy McCann' },
      ]),
    ).toEqual(['HYgzx3nvev_Paddy McCann.json']);
  });

  it('keeps the tickets order', () => {
    expect(
      individualFileNames([
        { _id: '1', barcode: 'B2', name: 'Second' },
        { _id: '2', barcode: 'A1', name: 'First' },
      ]),
    ).toEqual(['B2_Second.json', 'A1_First.json']);
  });

  it('uses firstname and lastname when there is no full name', () => {
    expect(nameOf({ _id: 'x', barcode: 'B', firstname: 'Paddy', lastname: 'McCann' })).toBe(
      'B_Paddy McCann.json',
    );
  });

  it('writes "no name" when the holder has no name', () => {
    expect(nameOf({ _id: 'x', barcode: 'B' })).toBe('B_no name.json');
  });

  it('uses the _id when the barcode is missing or blank', () => {
    const id = '65a1b2c3d4e5f60718293a4b';
    expect(nameOf({ _id: id, name: 'Paddy McCann' })).toBe(`${id}_Paddy McCann.json`);
    expect(nameOf({ _id: id, barcode: '  ', name: 'Paddy McCann' })).toBe(
      `${id}_Paddy McCann.json`,
    );
    expect(nameOf({ _id: id, barcode: 123, name: 'Paddy McCann' })).toBe(`${id}_Paddy McCann.json`);
  });

  it('sanitises the _id when it stands in for a missing barcode', () => {
    // The _id suffix used on clashes is sanitised; the _id standing in for the barcode must be too.
    const names = individualFileNames([
      { _id: '../../etc/passwd', name: 'x' },
      { _id: 'a\u0000b', name: 'x' },
    ]);
    for (const name of names) {
      expect(name).not.toMatch(/[/\\]/);
      expect(name).not.toMatch(CONTROL_CHARACTERS);
      expect(path.basename(name)).toBe(name);
    }
  });

  it('defuses path tricks in names and barcodes', () => {
    const names = individualFileNames([
      { _id: '1', barcode: 'B', name: '../../etc/passwd' },
      { _id: '2', barcode: '../../etc/passwd' },
      { _id: '3', barcode: 'a/b\\c', name: 'd/e\\f' },
      { _id: '4', barcode: '..', name: '..' },
      { _id: '5', barcode: '.', name: '.' },
    ]);
    expect(names).toEqual([
      'B_.._.._etc_passwd.json',
      '_.._etc_passwd_no name.json',
      'a_b_c_d_e_f.json',
      '_.json',
      '__5.json',
    ]);
    for (const name of names) expect(path.basename(name)).toBe(name);
  });

  it('removes control and bidi characters from names', () => {
    const name = nameOf({
      _id: 'x',
      barcode: 'B\u0000C',
      name: 'Paddy\u0007 \u202eMcCann\u2066\u007f\u0085',
    });
    expect(name).toBe('B_C_Paddy_ _McCann___.json');
    expect(name).not.toMatch(CONTROL_CHARACTERS);
    expect(name).not.toMatch(BIDI_CONTROLS);
  });

  it('replaces Windows reserved characters', () => {
    expect(nameOf({ _id: 'x', barcode: 'B', name: 'A:B*C?"D"<E>|F' })).toBe(
      'B_A_B_C__D__E__F.json',
    );
  });

  it('leaves a device name followed by more text alone', () => {
    expect(nameOf({ _id: 'x', barcode: 'CON' })).toBe('CON_no name.json');
    expect(nameOf({ _id: 'x', barcode: 'nul', name: 'Paddy' })).toBe('nul_Paddy.json');
  });

  it('prefixes a Windows device name that would stand before the first dot', () => {
    expect(nameOf({ _id: 'x', barcode: 'nul.x', name: 'y' })).toBe('_nul.x_y.json');
    expect(nameOf({ _id: 'x', barcode: 'COM1.b', name: 'y' })).toBe('_COM1.b_y.json');
    expect(nameOf({ _id: 'x', barcode: 'lpt\u00b9.b', name: 'y' })).toBe('_lpt\u00b9.b_y.json');
  });

  it('stays within 120 bytes when a truncated stem is a Windows device name', () => {
    const name = nameOf({ _id: 'x', barcode: `nul.${'a'.repeat(200)}` });
    expect(WINDOWS_DEVICE.test(name.split('.')[0] ?? '')).toBe(false);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  });

  it('stays within 120 bytes when a clash appends a long _id', () => {
    const names = individualFileNames([
      { _id: 'first', barcode: 'B', name: 'N' },
      { _id: 'f'.repeat(150), barcode: 'B', name: 'N' },
    ]);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  });

  it('cuts long ASCII names to exactly 120 bytes', () => {
    const name = nameOf({ _id: 'x', barcode: 'B', name: 'a'.repeat(300) });
    expect(name).toBe(`B_${'a'.repeat(113)}.json`);
    expect(bytes(name)).toBe(MAX_FILE_NAME_BYTES);
  });

  it('cuts long multi-byte names without breaking a character', () => {
    const emoji = nameOf({ _id: 'x', barcode: 'B', name: '\u{1F600}'.repeat(100) });
    expect(emoji).toBe(`B_${'\u{1F600}'.repeat(28)}.json`);

    const cjk = nameOf({ _id: 'x', barcode: 'B', name: '\u6f22'.repeat(100) });
    expect(cjk).toBe(`B_${'\u6f22'.repeat(37)}.json`);

    const mixed = nameOf({
      _id: 'x',
      barcode: 'HYgzx3nvev',
      name: 'Zo\u00eb \u{1F3C3}\u200d\u2640\ufe0f \u5c71\u7530 '.repeat(20),
    });
    for (const name of [emoji, cjk, mixed]) {
      expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(roundTrips(name)).toBe(true);
      expect(name.endsWith('.json')).toBe(true);
    }
  });

  it('does not end the stem with a dot or a space after cutting', () => {
    const name = nameOf({ _id: 'x', barcode: 'B', name: `${'a'.repeat(112)} . bbb` });
    expect(name).toBe(`B_${'a'.repeat(112)}.json`);
  });

  it('gives two holders with the same barcode and name different files', () => {
    expect(
      individualFileNames([
        { _id: 'id1', barcode: 'B', name: 'Paddy McCann' },
        { _id: 'id2', barcode: 'B', name: 'Paddy McCann' },
      ]),
    ).toEqual(['B_Paddy McCann.json', 'B_Paddy McCann_id2.json']);
  });

  it('counts up when even the _id suffix clashes', () => {
    expect(
      individualFileNames([
        { _id: 'x_1', barcode: 'B', name: 'N' },
        { _id: 'x/1', barcode: 'B', name: 'N' },
        { _id: 'x\\1', barcode: 'B', name: 'N' },
      ]),
    ).toEqual(['B_N.json', 'B_N_x_1.json', 'B_N_x_1_2.json']);
  });

  it('keeps names unique when they differ only in case', () => {
    const names = individualFileNames([
      { _id: 'id1', barcode: 'HYgzx3nvev', name: 'Paddy McCann' },
      { _id: 'id2', barcode: 'hygzx3nvev', name: 'PADDY MCCANN' },
    ]);
    expect(names).toEqual(['HYgzx3nvev_Paddy McCann.json', 'hygzx3nvev_PADDY MCCANN_id2.json']);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(2);
  });

  it('normalises names to NFC, so NFC and NFD spellings clash and are told apart', () => {
    const names = individualFileNames([
      { _id: 'id1', barcode: 'B', name: 'Zo\u00eb' },
      { _id: 'id2', barcode: 'B', name: 'Zoe\u0308' },
    ]);
    expect(names).toEqual(['B_Zo\u00eb.json', 'B_Zo\u00eb_id2.json']);
  });

  it('gives every ticket a safe, short, unique name (property)', () => {
    const text = fc.option(fc.string({ unit: 'binary', maxLength: 80 }), { nil: undefined });
    const ticket = fc.record(
      {
        _id: fc.stringMatching(/^[0-9a-f]{24}$/),
        barcode: fc.oneof(text, fc.constantFrom('B', 'b', 'CON', 'nul', '..', '.')),
        name: fc.oneof(text, fc.constantFrom('Paddy McCann', 'PADDY MCCANN', '../x')),
        firstname: text,
        lastname: text,
      },
      { requiredKeys: ['_id'] },
    );
    const tickets = fc.uniqueArray(ticket, { selector: (t) => t._id, maxLength: 30 });

    fc.assert(
      fc.property(tickets, (list) => {
        const names = individualFileNames(list);
        expect(names).toHaveLength(list.length);
        for (const name of names) {
          expect(name.endsWith('.json')).toBe(true);
          expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
          expect(name).not.toMatch(/[/\\]/);
          expect(name.includes('\u0000')).toBe(false);
          expect(name).not.toMatch(CONTROL_CHARACTERS);
          expect(name).not.toBe('.');
          expect(name).not.toBe('..');
          expect(path.basename(name)).toBe(name);
          expect(roundTrips(name)).toBe(true);
        }
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
      }),
      { numRuns: 300 },
    );
  });
});
