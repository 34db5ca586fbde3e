import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactJson,
  MAX_TICKET_DEPTH,
  nestedDeeperThan,
  NumberText,
  parseKeepingNumbers,
  ticketJson,
} from '../../src/vivenu/ticket-json.js';

/**
 * Issue 23, rows 2 and 3: a ticket's JSON read and written back as Vivenu wrote it, numbers
 * included, and no depth that can make the run throw.
 */

/** JSON number texts (RFC 8259, section 6), many of which a float64 would write otherwise. */
const numberText = fc.oneof(
  fc.constantFrom(
    '12345678901234567890',
    '9007199254740993',
    '1.10',
    '1.0',
    '1e2',
    '1E+2',
    '-0',
    '-0.0',
    '0.0000001',
    '1e400',
    '-1e-400',
    '0.30000000000000004',
    '100',
    '99.5',
  ),
  fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^(0|[1-9][0-9]{0,25})$/),
      fc.option(fc.stringMatching(/^[0-9]{1,6}$/)),
      fc.option(fc.stringMatching(/^[eE][+-]?[0-9]{1,3}$/)),
    )
    .map(
      ([negative, whole, fraction, exponent]) =>
        `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}${exponent ?? ''}`,
    ),
);

/** A JSON value as text, its numbers written as `numberText` gives them; keys never array indices. */
const { jsonText } = fc.letrec<{ jsonText: string }>((tie) => ({
  jsonText: fc.oneof(
    { depthSize: 'small' },
    numberText,
    fc.string({ unit: 'binary', maxLength: 8 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('true', 'false', 'null', '"a, 1.10, b"', '"[1.0]"', '"x\\"1.10\\""'),
    fc.array(tie('jsonText'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .uniqueArray(fc.tuple(fc.string({ maxLength: 6 }), tie('jsonText')), {
        maxLength: 4,
        selector: ([key]) => key,
      })
      .filter((members) => members.every(([key]) => !/^(0|[1-9][0-9]*)$/.test(key)))
      .map(
        (members) =>
          `{${members.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`,
      ),
  ),
}));

/** `value` with each NumberText as the number JSON.parse would have made of it. */
function asParsed(value: unknown): unknown {
  if (value instanceof NumberText) return JSON.parse(value.text) as unknown;
  if (Array.isArray(value)) return value.map(asParsed);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asParsed(inner)]));
  return value;
}

describe('parseKeepingNumbers and ticketJson (fast-check)', () => {
  it('give back the text Vivenu wrote, every number as written', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        expect(ticketJson(parseKeepingNumbers(text))).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('read the same values JSON.parse reads (a number kept as text is that number)', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        expect(asParsed(parseKeepingNumbers(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuse what JSON.parse refuses, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          jsonText.map((t) => t.slice(0, Math.max(0, t.length - 1))),
          jsonText.map((t) => `${t}1.0`),
          jsonText.map((t) => t.replace(/\d/, '0$&')),
        ),
        (text) => {
          let expected: 'ok' | 'refused' = 'ok';
          try {
            JSON.parse(text);
          } catch {
            expected = 'refused';
          }
          let got: 'ok' | 'refused' = 'ok';
          try {
            parseKeepingNumbers(text);
          } catch (error) {
            expect(error).toBeInstanceOf(SyntaxError);
            got = 'refused';
          }
          expect(got).toBe(expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keep a number as text only where a float64 would write it otherwise', () => {
    const row = parseKeepingNumbers(
      '{"price":99.5,"big":12345678901234567890,"one":1.0,"list":[1.10,2],"total":1e3}',
    ) as Record<string, unknown>;
    expect(row.price).toBe(99.5);
    expect(row.big).toEqual(new NumberText('12345678901234567890'));
    expect(row.one).toEqual(new NumberText('1.0'));
    expect(row.list).toEqual([new NumberText('1.10'), 2]);
    expect(ticketJson(row, 2)).toContain('"big": 12345678901234567890,');
  });

  it('keep `__proto__` an own key, and a string that looks like a number a string', () => {
    const text = '{"__proto__":1.10,"note":"costs 1.10, 2.0, or 3e2","nested":{"__proto__":[1.0]}}';
    const row = parseKeepingNumbers(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row)).toEqual(['__proto__', 'note', 'nested']);
    expect(row.note).toBe('costs 1.10, 2.0, or 3e2');
    expect(ticketJson(row)).toBe(text);
  });
});

describe('nestedDeeperThan and compactJson: any depth, on their own stack', () => {
  const nested = (levels: number): string => `${'{"a":'.repeat(levels)}[1.10]${'}'.repeat(levels)}`;

  it('tell the depth exactly at the limit', () => {
    // `levels` objects around an array: levels + 1 deep.
    expect(nestedDeeperThan(JSON.parse(nested(MAX_TICKET_DEPTH - 1)), MAX_TICKET_DEPTH)).toBe(
      false,
    );
    expect(nestedDeeperThan(JSON.parse(nested(MAX_TICKET_DEPTH)), MAX_TICKET_DEPTH)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan({}, 1)).toBe(false);
  });

  it('walk 100,000 levels, where JSON.stringify overflows its stack', () => {
    const text = nested(100_000);
    const value = parseKeepingNumbers(text);
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(nestedDeeperThan(value, MAX_TICKET_DEPTH)).toBe(true);
    expect(compactJson(value)).toBe(text);
  });

  it('compactJson writes what JSON.stringify writes, numbers kept as text as ticketJson does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(compactJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(jsonText, (text) => {
        expect(compactJson(parseKeepingNumbers(text))).toBe(text);
      }),
      { numRuns: 1_000 },
    );
  });
});
