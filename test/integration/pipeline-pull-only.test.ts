import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunStoppedError } from '../../src/errors.js';
import { createRunServices } from '../../src/services/run-services.js';
import { newRunReport, runPipeline } from '../../src/pipeline/run-pipeline.js';
import { parseSettings } from '../../src/settings/settings.js';
import { compareByCreation, type Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { memoryLogger } from '../support/memory-logger.js';
import { leakedValues, personalValues } from '../support/personal-data.js';
import { virtualClock } from '../support/virtual-clock.js';

const FIRST = '0123456789abcdef01234567';
const SECOND = 'fedcba9876543210fedcba98';
let sandbox: VivenuSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function pullOnly(events: Record<string, Ticket[]>, extra: { inflateTotal?: number } = {}) {
  sandbox = await startVivenuSandbox({ apiKey: 'k', events, faults: extra });
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'pipeline-'));
  const settings = parseSettings(
    {
      region: 'dev',
      'event-id': Object.keys(events).join('\n'),
      'api-key': 'k',
      mode: 'pull-only',
      'vivenu-url': sandbox.url,
    },
    workspace,
  );
  const logger = memoryLogger();
  const report = newRunReport(settings, 0);
  const outcome = await runPipeline(
    settings,
    createRunServices(settings, { logger, clock: virtualClock() }),
    report,
  ).catch((e: unknown) => e);
  return { workspace, settings, logger, report, outcome };
}

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

describe('pull-only pipeline', () => {
  it('writes no delivery ledger while there is no progress file, and says so', async () => {
    const first = generateEventTickets({ eventId: FIRST, count: 40, seed: 3 });
    const { workspace, logger, report } = await pullOnly({ [FIRST]: first });
    const files = await readdir(path.join(workspace, 'purchased_tickets', FIRST));
    expect(files).toContain('all_tickets.json');
    expect(files).not.toContain('delivery-ledger.csv');
    expect(report.standings ?? []).toEqual([]);
    expect(logger.text()).toContain('No delivery ledger this run: there is no progress file yet');
  });

  it('writes all_tickets.json, metadata.json and one file per ticket for each event', async () => {
    const first = generateEventTickets({ eventId: FIRST, count: 640, seed: 3 });
    const second = generateEventTickets({ eventId: SECOND, count: 75, seed: 4 });
    const { workspace, report, outcome } = await pullOnly({ [FIRST]: first, [SECOND]: second });
    expect(outcome).toBe(report);

    const dir = path.join(workspace, 'purchased_tickets', FIRST);
    expect(await readJson(path.join(dir, 'all_tickets.json'))).toStrictEqual(
      [...first].sort(compareByCreation),
    );

    const metadata = (await readJson(path.join(dir, 'metadata.json'))) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      event_id: FIRST,
      region: 'DEV',
      total_reported: 640,
      total_pulled: 640,
      complete: true,
    });
    const byStatus = metadata.by_status as Record<string, number>;
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(640);
    expect(byStatus.VALID).toBe(first.filter((t) => t.status === 'VALID').length);
    expect(metadata.first_created_at).toBe([...first].sort(compareByCreation)[0]!.createdAt);

    const individual = await readdir(path.join(dir, 'individual'));
    expect(individual).toHaveLength(640);
    const fromFiles = await Promise.all(
      individual.map((name) => readJson(path.join(dir, 'individual', name))),
    );
    expect(new Set(fromFiles.map((t) => (t as Ticket)._id)).size).toBe(640);
    const sample = first.find(
      (t) => typeof t.name === 'string' && /^[A-Za-z]+ [A-Za-z]+$/.test(t.name),
    )!;
    expect(individual).toContain(`${String(sample.barcode)}_${String(sample.name)}.json`);

    expect(report.pulls.map((p) => p.metadata.total_pulled)).toEqual([640, 75]);
    expect(
      await readdir(path.join(workspace, 'purchased_tickets', SECOND, 'individual')),
    ).toHaveLength(75);
  });

  it('replaces the individual files of an earlier pull instead of mixing them', async () => {
    const tickets = generateEventTickets({ eventId: FIRST, count: 30, seed: 5 });
    sandbox = await startVivenuSandbox({ apiKey: 'k', events: { [FIRST]: tickets } });
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'pipeline-'));
    const stale = path.join(workspace, 'purchased_tickets', FIRST, 'individual');
    const settings = parseSettings(
      {
        region: 'DEV',
        'event-id': FIRST,
        'api-key': 'k',
        mode: 'pull-only',
        'vivenu-url': sandbox.url,
      },
      workspace,
    );
    await runPipeline(
      settings,
      createRunServices(settings, { logger: memoryLogger(), clock: virtualClock() }),
    );
    await writeFile(path.join(stale, 'left-over.json'), '{}');
    await runPipeline(
      settings,
      createRunServices(settings, { logger: memoryLogger(), clock: virtualClock() }),
    );
    const names = await readdir(stale);
    expect(names).toHaveLength(30);
    expect(names).not.toContain('left-over.json');
  });

  it('keeps the files of a short pull and then fails with both numbers', async () => {
    const tickets = generateEventTickets({ eventId: FIRST, count: 90, seed: 6 });
    const { workspace, report, outcome } = await pullOnly(
      { [FIRST]: tickets },
      { inflateTotal: 3 },
    );
    expect(outcome).toBeInstanceOf(RunStoppedError);
    expect((outcome as Error).message).toMatch(/pulled 90 unique tickets but Vivenu reported 93/);
    expect(report.pulls[0]?.metadata.complete).toBe(false);
    const all = (await readJson(
      path.join(workspace, 'purchased_tickets', FIRST, 'all_tickets.json'),
    )) as unknown[];
    expect(all).toHaveLength(90);
  });

  it('logs no personal data: names, emails, barcodes and secrets stay in the files', async () => {
    const tickets = generateEventTickets({ eventId: FIRST, count: 400, seed: 8 });
    const { logger } = await pullOnly({ [FIRST]: tickets });
    expect(logger.lines.length).toBeGreaterThan(4);
    expect(leakedValues(logger.text(), personalValues(tickets))).toEqual([]);
  });
});
