/**
 * The operator's "Run workflow", end to end: historical-sync.yml and the workflow it calls, run
 * by the emulation in test/support/run-workflow.ts (GitHub's parser and expression engine,
 * GitHub's token and secret rules), with the action step running dist/index.js against the
 * sandbox Vivenu API, receiver and GitHub API on loopback.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../sandbox/action-runner.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { leakedValues, personalValues, shownToPeople } from '../support/personal-data.js';
import {
  dispatchedRun,
  findStep,
  runWorkflow,
  type RunWorkflowOptions,
  type WorkflowRun,
} from '../support/run-workflow.js';
import { granted } from '../support/token-permissions.js';

const EVENT = '68108c20c5c88849372bfb61';
const PROD_KEY = 'emulated-prod-vivenu-key';
const HMAC_KEY = 'emulated-receiver-hmac-key';
/** The repository's secrets: one key per region, and the receiver's HMAC key. No ITALY_API. */
const SECRETS = { PROD_API: PROD_KEY, DEV_API: 'emulated-dev-vivenu-key', VIVENU_SECRET: HMAC_KEY };
const CALLED = 'historical-sync-run.yml';

const tickets: Ticket[] = generateEventTickets({ eventId: EVENT, count: 400, seed: 31 });
const eligible = selectTickets(tickets, {
  statuses: ['VALID', 'DETAILSREQUIRED'],
  nameContains: 'CHARITY',
}).eligible.map((ticket) => ticket._id);

let vivenu: VivenuSandbox;
let receiver: ReceiverSandbox;
let github: GitHubSandbox;
beforeEach(async () => {
  vivenu = await startVivenuSandbox({ apiKey: PROD_KEY, events: { [EVENT]: tickets } });
  receiver = await startReceiverSandbox({ secret: HMAC_KEY });
  // The sandbox's own token is never used: each job gets one issued with its computed scopes.
  github = await startGitHubSandbox({ token: 'unused-sandbox-token', permissions: {} });
});
afterEach(async () => {
  await vivenu.close();
  await receiver.close();
  await github.close();
});

/**
 * The workflow passes no vivenu-url or webhook-url (it talks to the real hosts) and a 330-minute
 * budget: these, and only these, are set over it so the step reaches the sandboxes.
 */
function sandboxHosts(): RunWorkflowOptions['overrideActionInputs'] {
  return { 'vivenu-url': vivenu.url, 'webhook-url': receiver.url, interval: '0.02' };
}

/** What the operator clicks for a real sync of the event; the rest stays as the form has it. */
const SYNC_FORM = { region: 'PROD', 'event-id': EVENT, mode: 'sync', 'dry-run': false };

async function calledWorkflowText(): Promise<string> {
  return readFile(path.join(REPOSITORY_ROOT, '.github/workflows', CALLED), 'utf8');
}
async function formWorkflowText(): Promise<string> {
  return readFile(path.join(REPOSITORY_ROOT, '.github/workflows/historical-sync.yml'), 'utf8');
}

/**
 * The progress file the sync step used, as a path in the repository: the action names it by
 * receiver (the loopback receiver is a receiver of its own), and says where in `progress-file`.
 */
function progressFileOf(run: WorkflowRun): string {
  const step = findStep(run, 'sync')!;
  return path.relative(step.action!.workspace, step.outputs['progress-file']!);
}

/** Everything a committing sync must have done; the mutation tests expect this to fail. */
function expectCommittedSync(run: WorkflowRun): void {
  expect(run.conclusion, run.startupFailure).toBe('success');
  const step = findStep(run, 'sync');
  expect(step?.outcome, step?.error).toBe('success');
  // Every eligible ticket once, in creation order, signed with the key passed by name.
  const accepted = receiver.accepted();
  expect(accepted.map((delivery) => delivery.ticketId)).toEqual(eligible);
  expect(accepted.every((delivery) => delivery.signatureValid)).toBe(true);
  // The progress file is on the branch the run started from.
  const committed = github.file(progressFileOf(run), 'main');
  expect(committed, 'progress file committed to main').toBeDefined();
  const progress = JSON.parse(committed!) as {
    events_processed: string[];
    tickets_sent: number;
    event_progress: Record<string, { sent_ticket_ids: string[] }>;
  };
  expect(progress.events_processed).toEqual([EVENT]);
  expect(progress.tickets_sent).toBe(eligible.length);
  expect([...progress.event_progress[EVENT]!.sent_ticket_ids].sort()).toEqual([...eligible].sort());
}

/** Nothing personal, and no key or token, in what people see. */
function expectNothingLeaked(...runs: WorkflowRun[]): void {
  const steps = runs.flatMap((run) => run.jobs.flatMap((job) => job.steps));
  const seen = steps
    .map((step) =>
      [
        shownToPeople(step.action?.stdout ?? ''),
        step.action?.summary ?? '',
        JSON.stringify(step.with),
        JSON.stringify(step.actionInputs ?? {}),
        step.error ?? '',
      ].join('\n'),
    )
    .join('\n');
  const commits = github.commits.map((commit) => `${commit.message}\n${commit.text}`).join('\n');
  expect(leakedValues(seen + commits, personalValues(tickets))).toEqual([]);
  for (const secret of [PROD_KEY, HMAC_KEY, ...Object.values(SECRETS)])
    expect(seen + commits).not.toContain(secret);
  expect(seen).not.toMatch(/ghs_sandbox/);
}

describe('Run workflow (historical-sync.yml), emulated by GitHub’s rules', () => {
  it('a dry run (the form’s default): the plan, nothing delivered, nothing committed', async () => {
    const run = await runWorkflow({
      github,
      secrets: SECRETS,
      inputs: { region: 'PROD', 'event-id': EVENT, mode: 'sync' },
      overrideActionInputs: sandboxHosts(),
    });
    // The form's defaults as GitHub hands them to `inputs`: booleans stay booleans, the number
    // fields are strings; the event holds strings only.
    expect(run.inputs).toEqual({
      region: 'PROD',
      'event-id': EVENT,
      mode: 'sync',
      target: 'test',
      'dry-run': true,
      limit: '0',
      resync: false,
      'ticket-ids': '',
      'sold-before': '',
      'auto-continue': false,
      continuation: '0',
    });
    expect(run.eventInputs).toMatchObject({ 'dry-run': 'true', limit: '0', continuation: '0' });
    expect(run.runName).toBe(`sync PROD ${EVENT} → test (dry run)`);
    // A dry run delivers nothing: a group of its own, keyed by its run id.
    expect(run.concurrencyGroup).toBe('historical-sync-no-delivery-4242');
    expect(run.jobs.map((job) => [job.caller, job.status])).toEqual([
      ['sync', 'success'],
      ['sync-and-continue', 'skipped'],
    ]);
    const [job] = run.jobs;
    expect(job!.name).toBe('Sync / sync PROD');
    expect(granted(job!.permissions!)).toEqual({ contents: 'write' });
    expect(job!.secrets).toEqual(['GITHUB_TOKEN', 'VIVENU_API_KEY', 'VIVENU_SECRET']);

    const step = findStep(run, 'sync')!;
    expect(step.outcome, step.error).toBe('success');
    expect(step.overridden).toEqual(['interval', 'vivenu-url', 'webhook-url']);
    expect(step.actionInputs).toMatchObject({
      region: 'PROD',
      'api-key': '***',
      'webhook-secret': '***',
      'github-token': '***',
      'dry-run': 'true',
      limit: '0',
      'commit-progress': 'true',
    });
    expect(step.outputs['tickets-eligible']).toBe(String(eligible.length));
    expect(step.outputs['tickets-sent']).toBe('0');
    expect(receiver.deliveries).toHaveLength(0);
    expect(github.commits).toHaveLength(0);
    // It read the receiver's progress file on the branch (to plan from), and wrote nothing.
    expect(github.requests).toEqual([
      `GET /repos/hia/vivenu-sync/contents/${path.basename(step.outputs['progress-file']!)}`,
    ]);
    expect(github.dispatches).toHaveLength(0);

    // upload-artifact runs with the name the action chose, and the progress file's path.
    const upload = run.jobs[0]!.steps.find((s) => s.uses.startsWith('actions/upload-artifact@'))!;
    expect(upload.outcome).toBe('success');
    expect(upload.with.name).toBe(step.outputs['artifact-name']);
    expect(upload.with.path).toBe(
      'purchased_tickets/\nhistorical_sync_progress_PROD.json\nhistorical_sync_progress_PROD.*.json\n',
    );
    expectNothingLeaked(run);
  });

  it('a sync: every eligible ticket delivered once, the progress file committed to the branch', async () => {
    const run = await runWorkflow({
      github,
      secrets: SECRETS,
      inputs: SYNC_FORM,
      overrideActionInputs: sandboxHosts(),
    });
    expectCommittedSync(run);
    expect(run.runName).toBe(`sync PROD ${EVENT} → test`);
    expect(run.concurrencyGroup).toBe('historical-sync-receiver-test');
    expect(granted(run.jobs[0]!.permissions!)).toEqual({ contents: 'write' });
    expect(findStep(run, 'sync')!.outputs).toMatchObject({
      complete: 'true',
      'tickets-sent': String(eligible.length),
    });
    // Only the job that may commit ran; nothing asked to start another run.
    expect(github.dispatches).toHaveLength(0);
    expectNothingLeaked(run);
  });

  it('auto-continue: at the time budget it commits and starts the same workflow again, which continues', async () => {
    const first = await runWorkflow({
      github,
      secrets: SECRETS,
      inputs: { ...SYNC_FORM, 'auto-continue': true },
      // A budget of 3 seconds instead of 330 minutes, so the run stops with tickets left.
      overrideActionInputs: { ...sandboxHosts(), interval: '0.05', 'max-runtime-minutes': '0.05' },
    });
    expect(first.jobs.map((job) => [job.caller, job.status])).toEqual([
      ['sync', 'skipped'],
      ['sync-and-continue', 'success'],
    ]);
    expect(granted(first.jobs[1]!.permissions!)).toEqual({ actions: 'write', contents: 'write' });
    const step = findStep(first, 'sync')!;
    expect(step.outcome, step.error).toBe('success');
    expect(step.action!.stdout).toMatch(/Time budget of 0.05 minutes reached/);
    const deliveredFirst = receiver.accepted().map((delivery) => delivery.ticketId);
    expect(deliveredFirst.length).toBeGreaterThan(0);
    expect(deliveredFirst.length).toBeLessThan(eligible.length);
    expect(JSON.parse(github.file(progressFileOf(first))!)).toMatchObject({
      tickets_sent: deliveredFirst.length,
    });

    // The follow-up: this workflow, on this ref, the same inputs, the chain counted on.
    expect(github.dispatches).toEqual([
      {
        workflow: 'historical-sync.yml',
        ref: 'refs/heads/main',
        inputs: { ...first.eventInputs, continuation: '1' },
        returnRunDetails: true,
      },
    ]);

    // GitHub starts it: the REST API's strings go through the same form.
    const second = await runWorkflow({
      ...dispatchedRun(github.dispatches[0]!),
      github,
      secrets: SECRETS,
      runId: 4243,
      overrideActionInputs: sandboxHosts(),
    });
    expect(second.inputs).toMatchObject({
      'auto-continue': true,
      'dry-run': false,
      continuation: '1',
    });
    expect(second.runName).toBe(`sync PROD ${EVENT} → test · continuation 1`);
    const next = findStep(second, 'sync')!;
    expect(next.outcome, next.error).toBe('success');
    expect(next.actionInputs).toMatchObject({ continuation: '1', 'auto-continue': 'true' });
    // It started from the committed file (a fresh checkout) and sent only the rest.
    expect(next.outputs).toMatchObject({
      complete: 'true',
      'tickets-skipped': String(deliveredFirst.length),
      'tickets-sent': String(eligible.length - deliveredFirst.length),
    });
    expectCommittedSync(second);
    expect(github.dispatches).toHaveLength(1);
    expectNothingLeaked(first, second);
  });

  it('sold-before from the repository variable <REGION>_WEBHOOK_LIVE_SINCE, set or not, or typed', async () => {
    // A cutoff inside the sales: the eligible tickets created before it, and those after.
    const times = tickets.map((t) => Date.parse(t.createdAt as string)).sort((a, b) => a - b);
    const cutoff = new Date(times[200]!).toISOString();
    const before = selectTickets(tickets, {
      statuses: ['VALID', 'DETAILSREQUIRED'],
      nameContains: 'CHARITY',
      soldBefore: { ms: Date.parse(cutoff) },
    }).eligible.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(eligible.length);
    const dryRun = async (inputs: Record<string, string>, variables: Record<string, string>) => {
      const run = await runWorkflow({
        github,
        secrets: SECRETS,
        variables,
        inputs: { region: 'PROD', 'event-id': EVENT, mode: 'sync', ...inputs },
        overrideActionInputs: sandboxHosts(),
      });
      const step = findStep(run, 'sync')!;
      expect(step.outcome, step.error).toBe('success');
      return step;
    };
    const set = { PROD_WEBHOOK_LIVE_SINCE: cutoff };
    const fromVariable = await dryRun({}, set);
    expect(fromVariable.actionInputs!['sold-before']).toBe(cutoff);
    expect(fromVariable.outputs['tickets-eligible']).toBe(String(before));
    expect(fromVariable.action!.summary).toContain('Only tickets sold before');

    const unset = await dryRun({}, {});
    expect(unset.actionInputs!['sold-before']).toBe('');
    expect(unset.outputs['tickets-eligible']).toBe(String(eligible.length));
    expect(unset.action!.summary).toContain('No sold-before cutoff is set');

    // Another region's variable is not this region's; `none` turns the variable off.
    expect(
      (await dryRun({}, { DEV_WEBHOOK_LIVE_SINCE: cutoff })).actionInputs!['sold-before'],
    ).toBe('');
    const none = await dryRun({ 'sold-before': 'none' }, set);
    expect(none.outputs['tickets-eligible']).toBe(String(eligible.length));
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('redeliver from the form: the named tickets again, under their ids, recorded apart', async () => {
    const first = await runWorkflow({
      github,
      secrets: SECRETS,
      inputs: SYNC_FORM,
      overrideActionInputs: sandboxHosts(),
    });
    expect(first.conclusion).toBe('success');
    const named = eligible.slice(5, 8);
    const run = await runWorkflow({
      github,
      secrets: SECRETS,
      inputs: { ...SYNC_FORM, mode: 'redeliver', 'ticket-ids': named.join(' ') },
      overrideActionInputs: sandboxHosts(),
      runId: 4343,
    });
    expect(run.runName).toBe(`redeliver PROD ${EVENT} → test`);
    // It delivers: it waits its turn with the receiver's other runs.
    expect(run.concurrencyGroup).toBe('historical-sync-receiver-test');
    const step = findStep(run, 'sync')!;
    expect(step.outcome, step.error).toBe('success');
    expect(step.actionInputs).toMatchObject({ mode: 'redeliver', 'ticket-ids': named.join(' ') });
    const again = receiver.accepted().slice(eligible.length);
    expect(again.map((d) => d.ticketId)).toEqual(named);
    const committed = JSON.parse(github.file(path.basename(step.outputs['progress-file']!))!) as {
      tickets_sent: number;
      event_progress: Record<string, { redelivered: { id: string }[] }>;
    };
    expect(committed.tickets_sent).toBe(eligible.length);
    expect(committed.event_progress[EVENT]!.redelivered.map((r) => r.id)).toEqual(named);
    expectNothingLeaked(first, run);
  });

  it('a region without its secret: a clear error naming <REGION>_API, and Vivenu never asked', async () => {
    const run = await runWorkflow({
      github,
      secrets: SECRETS,
      inputs: { ...SYNC_FORM, region: 'ITALY' },
      overrideActionInputs: sandboxHosts(),
    });
    expect(run.conclusion).toBe('failure');
    const step = findStep(run, 'sync')!;
    expect(step.outcome).toBe('failure');
    expect(step.error).toContain('api-key is empty');
    expect(step.error).toContain('repository secret ITALY_API');
    expect(vivenu.stats.requests).toBe(0);
    expect(receiver.deliveries).toHaveLength(0);
    expect(github.commits).toHaveLength(0);
    // The upload still runs (`if: always()`), under the fallback name the expression builds.
    const upload = run.jobs[0]!.steps.at(-1)!;
    expect(upload.outcome).toBe('success');
    expect(upload.with.name).toBe('tickets-ITALY-4242-1');
  });
});

/** The operator's sync, run with these workflow texts in place of the files. */
function syncWith(workflowTexts: Record<string, string>): Promise<WorkflowRun> {
  return runWorkflow({
    github,
    secrets: SECRETS,
    inputs: SYNC_FORM,
    workflowTexts,
    overrideActionInputs: sandboxHosts(),
  });
}

describe('the suite catches the defect: mutated workflows fail the sync’s assertions', () => {
  it('the called workflow with `permissions: {}` at its top level: no checkout, no delivery, no commit', async () => {
    const called = (await calledWorkflowText()).replace(/^jobs:$/m, 'permissions: {}\n\njobs:');
    const run = await syncWith({ [CALLED]: called });
    expect(() => expectCommittedSync(run)).toThrow();
    // `{}` narrows the caller's contents: write to nothing: the private repository cannot be
    // checked out, so the action never runs.
    expect(granted(run.jobs[0]!.permissions!)).toEqual({});
    expect(run.jobs[0]!.steps.map((step) => [step.id, step.outcome])).toEqual([
      ['__actions_checkout', 'failure'],
      ['sync', 'skipped'],
      ['__actions_upload-artifact', 'success'],
    ]);
    expect(github.commits).toHaveLength(0);
  });

  it('the calling job granting contents: read instead of write: nothing delivered, the permission named', async () => {
    const form = await formWorkflowText();
    const mutated = form.replace('contents: write # commit the progress file', 'contents: read');
    expect(mutated).not.toBe(form);
    const run = await syncWith({ 'historical-sync.yml': mutated });
    expect(() => expectCommittedSync(run)).toThrow();
    expect(granted(run.jobs[0]!.permissions!)).toEqual({ contents: 'read' });
    expect(github.requests.some((request) => request.startsWith('PUT '))).toBe(true);
    expect(github.commits).toHaveLength(0);
    // The action proved it could not record before its first delivery: it delivered nothing
    // and says which permission is missing, and where to grant it.
    expect(receiver.deliveries).toHaveLength(0);
    expect(findStep(run, 'sync')!.error).toMatch(
      /^::error::Nothing was delivered: .*403 Resource not accessible by integration\): grant `contents: write` to the job that runs the sync/,
    );
  });

  it('the called job asking for actions: write: the `sync` call fails at start-up', async () => {
    const called = (await calledWorkflowText()).replace(
      /^( {4}runs-on: ubuntu-latest)$/m,
      '    permissions:\n      contents: write\n      actions: write\n$1',
    );
    const run = await syncWith({ [CALLED]: called });
    expect(() => expectCommittedSync(run)).toThrow();
    expect(run.conclusion).toBe('startup_failure');
    expect(run.startupFailure).toBe(
      "Error calling workflow './.github/workflows/historical-sync-run.yml'. The nested job 'run' is requesting 'actions: write', but is only allowed 'actions: none'.",
    );
    expect(run.jobs).toEqual([]);
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('the called workflow picking the key itself while secrets come by name: the key never arrives', async () => {
    const called = (await calledWorkflowText()).replace(
      '${{ secrets.VIVENU_API_KEY }}',
      "${{ secrets[format('{0}_API', inputs.region)] }}",
    );
    const run = await syncWith({ [CALLED]: called });
    expect(() => expectCommittedSync(run)).toThrow();
    expect(findStep(run, 'sync')!.error).toContain('repository secret PROD_API');
    expect(vivenu.stats.requests).toBe(0);
  });
});
