import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgressFileError } from '../../src/errors.js';
import { readProgressFile } from '../../src/progress/progress-file-format.js';

/** Issue 23, row 6: the progress file's text as editors save it. */

const FILE = 'historical_sync_progress_PROD.json';
const text = JSON.stringify({ events_processed: ['e1'], tickets_sent: 3 }, null, 2);

describe('readProgressFile: the text as an editor saved it', () => {
  it('reads a file saved with a UTF-8 byte order mark as the file it is', () => {
    expect(readProgressFile(`\uFEFF${text}`, FILE)).toEqual(readProgressFile(text, FILE));
  });

  it('says in words when the file was saved as UTF-16', () => {
    // UTF-16 LE with its mark, read as UTF-8: the mark's bytes become two U+FFFD.
    const utf16 = new TextDecoder().decode(Buffer.from(`\uFEFF${text}`, 'utf16le'));
    expect(() => readProgressFile(utf16, FILE)).toThrow(
      `progress file ${FILE} is not valid JSON (it looks saved as UTF-16: save it as UTF-8).`,
    );
  });

  it('names an invisible character where JSON.parse quotes it (a zero-width space)', () => {
    expect(() => readProgressFile(`{\u200B"tickets_sent": 1}`, FILE)).toThrow(/U\+200B/);
  });

  it('throws nothing but a ProgressFileError, whatever the text, with a bounded message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (anything) => {
        try {
          readProgressFile(anything, FILE);
        } catch (error) {
          expect(error).toBeInstanceOf(ProgressFileError);
          expect((error as Error).message.length).toBeLessThan(600);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
