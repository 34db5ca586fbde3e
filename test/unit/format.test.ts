import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count } from '../../src/format.js';

describe('count', () => {
  it("groups whole numbers exactly as toLocaleString('en-US') does", () => {
    for (const n of [0, -0, 1, -1, 999, 1_000, -1_000, 12_345, 1_234_567, 2 ** 53 - 1]) {
      expect(count(n)).toBe(n.toLocaleString('en-US'));
    }
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => count(n) === n.toLocaleString('en-US')),
      { numRuns: 2_000 },
    );
  });

  it('leaves anything else to toLocaleString', () => {
    for (const n of [1.5, 1234.5678, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(count(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
