import { describe, expect, it } from 'vitest';
import { readsStaging, WEBHOOK_TARGETS } from '../../src/settings/input-defaults.js';
import { defaultProgressFile, ledgerFileName, receiverAt } from '../../src/settings/receiver.js';

describe('the receiver a run delivers to', () => {
  it('production keeps the earlier tool’s file and ledger names', () => {
    const production = receiverAt(WEBHOOK_TARGETS.prod);
    expect(production).toEqual({ kind: 'production', address: WEBHOOK_TARGETS.prod, fileTag: '' });
    expect(defaultProgressFile('PROD', production)).toBe('historical_sync_progress_PROD.json');
    expect(ledgerFileName(production)).toBe('delivery-ledger.csv');
  });

  it('the test endpoint keeps its own', () => {
    const test = receiverAt(WEBHOOK_TARGETS.test);
    expect(test.kind).toBe('test');
    expect(defaultProgressFile('PROD', test)).toBe(
      'historical_sync_progress_PROD.test-receiver.json',
    );
    expect(ledgerFileName(test)).toBe('delivery-ledger.test-receiver.csv');
  });

  it('any other URL is a receiver of its own, named by origin and path, never its query', () => {
    const a = receiverAt('https://hooks.example/in?token=abc');
    const b = receiverAt('https://hooks.example/in?token=xyz');
    const c = receiverAt('https://hooks.example/other');
    expect(a).toEqual(b);
    expect(a.kind).toBe('custom');
    expect(a.address).toBe('https://hooks.example/in');
    expect(a.fileTag).toMatch(/^\.receiver-[0-9a-f]{12}$/);
    expect(c.fileTag).not.toBe(a.fileTag);
    expect(defaultProgressFile('DEV', a)).toBe(`historical_sync_progress_DEV${a.fileTag}.json`);
  });

  it('a region’s production file is never another region’s test file (a dot no region holds)', () => {
    const test = receiverAt(WEBHOOK_TARGETS.test);
    const production = receiverAt(WEBHOOK_TARGETS.prod);
    expect(defaultProgressFile('X', test).toUpperCase()).not.toBe(
      defaultProgressFile('X_TEST_RECEIVER', production).toUpperCase(),
    );
  });
});

describe('staging tickets', () => {
  it('come from DEV and TEST wherever vivenu-url points, and from vivenu.dev for any region', () => {
    expect(readsStaging('DEV', 'https://vivenu.dev')).toBe(true);
    expect(readsStaging('TEST', 'http://127.0.0.1:4000')).toBe(true);
    expect(readsStaging('PROD', 'https://vivenu.dev')).toBe(true);
    expect(readsStaging('ITALY', 'https://eu.vivenu.dev')).toBe(true);
    expect(readsStaging('PROD', 'https://vivenu.com')).toBe(false);
    expect(readsStaging('PROD', 'https://notvivenu.dev')).toBe(false);
  });
});
