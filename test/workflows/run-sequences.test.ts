/**
 * What the first real week on GitHub does, click by click, through the emulation with the
 * action itself (dist/index.js) against the sandboxes: runs that wait in their receiver's
 * group, a re-run, a second click from an older commit, a self-continuing chain with a dry run
 * clicked during its handover, two regions taking turns at one receiver.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import {
  ActionsEmulator,
  findStep,
  type ActionInputOverrides,
  type EmulatorOptions,
  type WorkflowRun,
} from '../support/run-workflow.js';
import { numberInputWorkflows } from '../support/rule-probes.js';
import { until } from '../support/stub-action.js';

const PROD_EVENT = '68108c20c5c88849372bfb61';
const ITALY_EVENT = '69208c20c5c88849372bfb62';
const PROD_KEY = 'sequence-prod-vivenu-key';
const ITALY_KEY = 'sequence-italy-vivenu-key';
const HMAC_KEY = 'sequence-receiver-hmac-key';
const SECRETS = {
  PROD_API: PROD_KEY,
  ITALY_API: ITALY_KEY,
  DEV_API: PROD_KEY,
  VIVENU_SECRET: HMAC_KEY,
};

const prodTickets: Ticket[] = generateEventTickets({ eventId: PROD_EVENT, count: 400, seed: 31 });
const italyTickets: Ticket[] = generateEventTickets({ eventId: ITALY_EVENT, count: 200, seed: 33 });
const eligibleOf = (tickets: Ticket[]) =>
  selectTickets(tickets, {
    statuses: ['VALID', 'DETAILSREQUIRED'],
    nameContains: 'CHARITY',
  }).eligible.map((ticket) => ticket._id);
const prodEligible = eligibleOf(prodTickets);
const italyEligible = eligibleOf(italyTickets);

/** A sync to the production receiver (the loopback receiver stands in for it). */
const SYNC = {
  region: 'PROD',
  'event-id': PROD_EVENT,
  mode: 'sync',
  target: 'prod',
  'dry-run': false,
};

let prod: VivenuSandbox;
let italy: VivenuSandbox;
let receiver: ReceiverSandbox;
let github: GitHubSandbox;
let actions: ActionsEmulator | undefined;
beforeEach(async () => {
  prod = await startVivenuSandbox({ apiKey: PROD_KEY, events: { [PROD_EVENT]: prodTickets } });
  italy = await startVivenuSandbox({ apiKey: ITALY_KEY, events: { [ITALY_EVENT]: italyTickets } });
  receiver = await startReceiverSandbox({ secret: HMAC_KEY });
  github = await startGitHubSandbox({ token: 'unused-sandbox-token', permissions: {} });
});
afterEach(async () => {
  actions?.close();
  actions = undefined;
  await Promise.all([prod.close(), italy.close(), receiver.close(), github.close()]);
});

/** The hosts only the sandboxes make sense of; PROD's Vivenu unless told otherwise. */
function hosts(extra: ActionInputOverrides = {}): ActionInputOverrides {
  return { 'vivenu-url': prod.url, 'webhook-url': receiver.url, interval: '0.02', ...extra };
}

function emulate(options: Partial<EmulatorOptions> = {}): ActionsEmulator {
  actions = new ActionsEmulator({
    github,
    secrets: SECRETS,
    overrideActionInputs: hosts(),
    ...options,
  });
  return actions;
}

/** The ids the receiver accepted, and whether any arrived twice. */
function accepted(): { ids: string[]; twice: string[] } {
  const ids = receiver.accepted().map((delivery) => delivery.ticketId);
  return { ids, twice: ids.filter((id, index) => ids.indexOf(id) !== index) };
}

/** The step's progress file, as a path in the repository (named by receiver: see src). */
function progressFileOf(run: WorkflowRun): string {
  const step = findStep(run, 'sync')!;
  return path.relative(step.action!.workspace, step.outputs['progress-file']!);
}

function expectSucceeded(run: WorkflowRun): void {
  const step = findStep(run, 'sync');
  expect(run.conclusion, run.startupFailure ?? step?.error).toBe('success');
}

describe('Run workflow, click by click', () => {
  it('a click with the form’s defaults starts and runs; the workflows before issue 19 fail there', async () => {
    const clicked = emulate();
    const run = await (await clicked.click({ inputs: { 'event-id': PROD_EVENT } })).finished;
    expectSucceeded(run);
    expect(run.runName).toBe(`test DEV ${PROD_EVENT} → test (dry run)`);
    expect(findStep(run, 'sync')!.outputs['tickets-sent']).toBe('0');

    const before = emulate({ workflowTexts: await numberInputWorkflows() });
    const refused = await (await before.click({ inputs: { 'event-id': PROD_EVENT } })).finished;
    expect(refused.conclusion).toBe('failure');
    expect(refused.jobs).toEqual([]);
    expect(refused.startupFailure).toMatch(
      /^The template is not valid\. \.github\/workflows\/historical-sync\.yml \(Line: \d+, Col: 14\): Unexpected value '0',/,
    );
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('a re-run (attempt 2, same commit) of a run that delivered 40 delivers none of them again', async () => {
    const clicked = emulate();
    const first = await clicked.click({ inputs: { ...SYNC, limit: 40 } });
    const done = await first.finished;
    expectSucceeded(done);
    const firstForty = accepted().ids;
    expect(firstForty).toEqual(prodEligible.slice(0, 40));

    const again = await (await clicked.rerun(first)).finished;
    expect([again.runId, again.runAttempt, again.sha]).toEqual([done.runId, 2, done.sha]);
    // Its checkout is the commit of the click, without the progress the first attempt committed.
    expect(github.filesAt(again.sha)![progressFileOf(done)]).toBeUndefined();
    expectSucceeded(again);
    // The same limit: the next tickets, none of the first forty, none twice.
    const { ids, twice } = accepted();
    const sentAgain = ids.slice(40);
    expect(findStep(again, 'sync')!.outputs['tickets-sent']).toBe(String(sentAgain.length));
    expect(sentAgain.filter((id) => firstForty.includes(id))).toEqual([]);
    expect(twice).toEqual([]);
    expect(ids).toEqual(prodEligible.slice(0, ids.length));
  });

  it('a second click made while a sync runs waits, starts from the older commit, and sends only the rest', async () => {
    const clicked = emulate();
    const first = await clicked.click({
      inputs: { ...SYNC, limit: 40 },
      overrideActionInputs: hosts({ interval: '0.1' }),
    });
    await until(() => receiver.accepted().length >= 5, 30_000);
    const second = await clicked.click({ inputs: SYNC });
    expect(second.record.status).toBe('pending');
    const firstDone = await first.finished;
    const secondDone = await second.finished;
    expectSucceeded(firstDone);
    expectSucceeded(secondDone);
    // It was clicked before the first run's last commit: its checkout is older than the branch.
    expect(secondDone.sha).not.toBe(github.headSha());
    expect(github.commits.some((commit) => commit.parent === secondDone.sha)).toBe(true);
    expect(findStep(secondDone, 'sync')!.outputs['tickets-sent']).toBe(
      String(prodEligible.length - 40),
    );
    expect(accepted()).toEqual({ ids: prodEligible, twice: [] });
    // One pace: the second run's first delivery came after the first run's last.
    const arrivals = receiver.accepted().map((delivery) => delivery.at);
    expect(Math.min(...arrivals.slice(40))).toBeGreaterThan(Math.max(...arrivals.slice(0, 40)));
  });

  it('a self-continuing chain completes the event, and a dry run clicked during its handover runs at once', async () => {
    // A 3-second budget instead of 330 minutes: the chain takes several runs.
    const clicked = emulate({
      followDispatches: true,
      overrideActionInputs: hosts({ interval: '0.05', 'max-runtime-minutes': '0.05' }),
    });
    const first = await clicked.click({ inputs: { ...SYNC, 'auto-continue': true } });
    const handover = () =>
      clicked.runs.find((run) => run !== first && run.record.status === 'pending');
    await until(() => handover() !== undefined, 30_000);
    expect(first.record.status).toBe('in_progress');
    const dry = await clicked.click({ inputs: { ...SYNC, 'dry-run': true } });
    expect(dry.record.status).toBe('in_progress');
    expectSucceeded(await dry.finished);
    expect(dry.record.runName).toBe(`sync PROD ${PROD_EVENT} → production (dry run)`);
    await clicked.idle();

    const chain = clicked.runs.filter((run) => run !== dry).map((run) => run.record);
    expect(chain.length).toBeGreaterThanOrEqual(2);
    for (const run of chain) expectSucceeded(run);
    expect(chain.map((run) => run.runName)).toEqual(
      chain.map((_, index) =>
        index === 0
          ? `sync PROD ${PROD_EVENT} → production`
          : `sync PROD ${PROD_EVENT} → production · continuation ${index}`,
      ),
    );
    expect(findStep(chain.at(-1)!, 'sync')!.outputs.complete).toBe('true');
    expect(accepted()).toEqual({ ids: prodEligible, twice: [] });
    // The dry run did not wait for the chain: it ended before the chain did.
    expect(dry.record.completedAt!).toBeLessThan(chain.at(-1)!.completedAt!);
  });

  it('two regions syncing to one receiver take turns; a dry run meanwhile does not wait', async () => {
    const clicked = emulate();
    const prodRun = await clicked.click({
      inputs: SYNC,
      overrideActionInputs: hosts({ interval: '0.03' }),
    });
    await until(() => receiver.accepted().length >= 3, 30_000);
    const italyRun = await clicked.click({
      inputs: { ...SYNC, region: 'ITALY', 'event-id': ITALY_EVENT },
      overrideActionInputs: hosts({ 'vivenu-url': italy.url }),
    });
    const dry = await clicked.click({
      inputs: { ...SYNC, region: 'ITALY', 'event-id': ITALY_EVENT, 'dry-run': true },
      overrideActionInputs: hosts({ 'vivenu-url': italy.url }),
    });
    expect([italyRun.record.status, dry.record.status]).toEqual(['pending', 'in_progress']);
    expect(italyRun.record.concurrencyGroup).toBe(prodRun.record.concurrencyGroup);
    expect(italyRun.record.runName).toBe(`sync ITALY ${ITALY_EVENT} → production`);
    await clicked.idle();
    for (const run of [prodRun, italyRun, dry]) expectSucceeded(run.record);
    expect(dry.record.completedAt!).toBeLessThan(prodRun.record.completedAt!);

    const deliveries = receiver.accepted();
    const fromProd = deliveries.filter((delivery) => prodEligible.includes(delivery.ticketId));
    const fromItaly = deliveries.filter((delivery) => italyEligible.includes(delivery.ticketId));
    expect([fromProd.length, fromItaly.length]).toEqual([
      prodEligible.length,
      italyEligible.length,
    ]);
    // Never at once: every ITALY delivery arrived after the last PROD one.
    const lastProd = Math.max(...fromProd.map((delivery) => delivery.at));
    expect(Math.min(...fromItaly.map((delivery) => delivery.at))).toBeGreaterThan(lastProd);
    // Each region's progress, under the receiver's name, on the branch.
    expect(progressFileOf(italyRun.record)).toMatch(
      /^historical_sync_progress_ITALY\.receiver-[0-9a-f]{12}\.json$/,
    );
    expect(github.file(progressFileOf(prodRun.record))).toBeDefined();
    expect(github.file(progressFileOf(italyRun.record))).toBeDefined();
  });
});
