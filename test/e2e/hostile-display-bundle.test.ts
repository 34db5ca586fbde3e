import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledAction, type BundledRun } from '../../sandbox/action-runner.js';
import type { ReceiverBehaviour, ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import type { VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import { receiverAt } from '../../src/settings/receiver.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { sandboxesClosedAfterEach, sandboxInputs } from '../support/bundle-sandboxes.js';
import { shownToPeople } from '../support/personal-data.js';
import { runCli } from '../support/run-cli.js';

const EVENT = '6864d4f427c2aa9b05cd17ee';
const API_KEY = 'vivenu-key-hostile-display-3c1f';
const SECRET = 'webhook-secret-hostile-display-9a0e';
const TOKEN = 'ghp_hostile_display_5e6f';

const KEYS = { apiKey: API_KEY, secret: SECRET };
const sandbox = sandboxesClosedAfterEach(KEYS);
const sandboxes = (tickets: Ticket[], behaviour?: ReceiverBehaviour) =>
  sandbox.start({ [EVENT]: tickets }, behaviour);

function baseInputs(vivenu: VivenuSandbox, receiver: ReceiverSandbox): Record<string, string> {
  return {
    ...sandboxInputs({
      region: 'DEV',
      eventId: EVENT,
      keys: KEYS,
      vivenuUrl: vivenu.url,
      webhookUrl: receiver.url,
      progressFile: 'receiver',
    }),
    'github-token': TOKEN,
    'commit-progress': 'false',
    interval: '0',
  };
}

/**
 * The lines of `output` the Actions runner would read as workflow commands, as
 * actions/runner reads them (src/Runner.Common/ActionCommand.cs at 258d6c8): output is split
 * into lines at \r\n, \r or \n (StreamReader.ReadLine in ProcessInvoker.cs); `TryParseV2`
 * takes a line that starts with `::` after TrimStart and has a second `::`; the legacy
 * `TryParse` takes a line holding `##[` anywhere, with a `]` after it. Names are compared
 * case-insensitively ("Workflow command and parameter names are not case-sensitive",
 * docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands). Every name is
 * kept, registered or not: stricter than the runner.
 */
function runnerCommands(output: string): { name: string; line: string }[] {
  const commands: { name: string; line: string }[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '');
    const end = trimmed.indexOf('::', 2);
    if (trimmed.startsWith('::') && end > 0) {
      commands.push({ name: trimmed.slice(2, end).split(' ')[0]!.toLowerCase(), line });
      continue;
    }
    const at = line.indexOf('##[');
    const close = line.indexOf(']', at);
    if (at >= 0 && close > 0)
      commands.push({
        name: line
          .slice(at + 3, close)
          .split(' ')[0]!
          .toLowerCase(),
        line,
      });
  }
  return commands;
}

/** The commands the action means to write: log groups, masks for the three secrets, one failure. */
const OWN_COMMANDS = new Set(['group', 'endgroup', 'add-mask', 'error']);

function expectOnlyOwnCommands(run: BundledRun, marker: string): void {
  const commands = runnerCommands(run.stdout);
  expect(commands.filter((command) => !OWN_COMMANDS.has(command.name))).toEqual([]);
  // None of the commands carries a hostile value; at most the one failure is an ::error::.
  expect(commands.filter((command) => command.line.includes(marker))).toEqual([]);
  expect(commands.filter((command) => command.name === 'error').length).toBeLessThanOrEqual(1);
}

const INJECTED = 'injected-by-ticket';

/**
 * Eligible tickets made hostile: ticket names and `_id`s that hold a new line (or a bare \r,
 * which the runner also ends a line at) and a workflow command, and the legacy `##[` form
 * mid-text. Not what Vivenu sends; what issue 11 row 10 tried as an adversary.
 */
function hostileEvent(): { tickets: Ticket[]; hostile: Ticket[]; failing: Ticket } {
  const tickets = generateEventTickets({ eventId: EVENT, count: 60, seed: 21 });
  const eligible = selectTickets(tickets, {
    statuses: ['VALID', 'DETAILSREQUIRED'],
    nameContains: 'CHARITY',
  }).eligible;
  const edits: Partial<Ticket>[] = [
    { ticketName: `HYROX MEN | CHARITY HIA\n::error::${INJECTED} name-lf` },
    { ticketName: `HYROX WOMEN | CHARITY HIA\r\n::warning::${INJECTED} name-crlf` },
    { ticketName: `CHARITY ##[error]${INJECTED} legacy` },
    { ticketName: `CHARITY\r   ::set-output name=complete::${INJECTED} name-cr` },
    { _id: `${eligible[4]!._id}\n::error::${INJECTED} id-lf` },
    { _id: `${eligible[5]!._id}\r\n  ::stop-commands::${INJECTED} id-crlf` },
  ];
  const byId = new Map<string, Ticket>();
  edits.forEach((edit, index) => byId.set(eligible[index]!._id, { ...eligible[index]!, ...edit }));
  const hostileTickets = tickets.map((ticket) => byId.get(ticket._id) ?? ticket);
  return { tickets: hostileTickets, hostile: [...byId.values()], failing: eligible[6]! };
}

describe('row 10: outside values cannot start a workflow command (dist/index.js)', () => {
  it('sync: hostile ids, names and a receiver answer are logged escaped; only the action’s own commands reach the runner', async () => {
    const { tickets, hostile, failing } = hostileEvent();
    const { vivenu, receiver } = await sandboxes(tickets, {
      // A receiver answer is outside text too: a 422 whose body holds commands.
      failTickets: {
        [failing._id]: {
          status: 422,
          body: `{"error":"bad\\n"}\n::error::${INJECTED} answer ##[warning]${INJECTED} answer-legacy`,
        },
      },
    });
    const run = await runBundledAction({ inputs: baseInputs(vivenu, receiver) });

    expectOnlyOwnCommands(run, INJECTED);
    // The hostile tickets were delivered and logged, their text escaped on one line.
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual(
      expect.arrayContaining(hostile.map((t) => t._id)),
    );
    expect(run.stdout).toContain(`\\n::error::${INJECTED} name-lf`);
    expect(run.stdout).toContain(`\\r\\n  ::stop-commands::${INJECTED} id-crlf`);
    expect(run.stdout).toContain(`CHARITY ##\\u005berror]${INJECTED} legacy`);
    // The one failed ticket fails the step: exactly one ::error::, the action's own.
    expect(run.exitCode).toBe(1);
    const errors = runnerCommands(run.stdout).filter((command) => command.name === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toMatch(/^::error::1 tickets? failed/);
  });

  it('dry run and test mode: the plan and the test delivery line are escaped too', async () => {
    const { tickets } = hostileEvent();
    const { vivenu, receiver } = await sandboxes(tickets);
    const dryRun = await runBundledAction({
      inputs: { ...baseInputs(vivenu, receiver), 'dry-run': 'true' },
    });
    expect(dryRun.exitCode).toBe(0);
    expect(dryRun.stdout).toContain('Dry run: ');
    expectOnlyOwnCommands(dryRun, INJECTED);

    const test = await runBundledAction({
      inputs: { ...baseInputs(vivenu, receiver), mode: 'test' },
    });
    expect(test.exitCode).toBe(0);
    expect(test.stdout).toContain('Test delivery of ');
    expectOnlyOwnCommands(test, INJECTED);
  });

  it('the CLI bundle (which may run as a workflow step) writes no command either', async () => {
    const { tickets } = hostileEvent();
    const { vivenu, receiver } = await sandboxes(tickets);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'hostile-display-cli-'));
    await writeFile(path.join(folder, '.env'), `DEV_API=${API_KEY}\nVIVENU_SECRET=${SECRET}\n`);
    const cli = await runCli(
      ['DEV', EVENT, '--vivenu-url', vivenu.url, '--webhook-url', receiver.url, '--interval', '0'],
      folder,
    );
    expect(cli.exitCode).toBe(0);
    expect(runnerCommands(cli.stdout + cli.stderr)).toEqual([]);
  });
});

describe('row 12: a URL is shown as origin and path only (dist/index.js, dist/cli.js)', () => {
  const QUERY_TOKEN = 'query-token-4f2a9c';

  it('a token in the webhook-url query string reaches neither log, summary nor outputs', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 8 });
    const { vivenu, receiver } = await sandboxes(tickets);
    const webhookUrl = `${receiver.url}?token=${QUERY_TOKEN}#frag-${QUERY_TOKEN}`;
    const runs: BundledRun[] = [];
    const extras: Record<string, string>[] = [
      { mode: 'test' },
      { 'dry-run': 'true' },
      { limit: '2' },
    ];
    for (const extra of extras) {
      runs.push(
        await runBundledAction({
          inputs: { ...baseInputs(vivenu, receiver), 'webhook-url': webhookUrl, ...extra },
        }),
      );
    }
    for (const run of runs) {
      expect(run.exitCode).toBe(0);
      const shown = shownToPeople(run.stdout) + run.stderr + run.summary;
      expect(shown).not.toContain(QUERY_TOKEN);
      expect(JSON.stringify(run.outputs)).not.toContain(QUERY_TOKEN);
    }
    // Shown, without the query: the summary still says where deliveries went.
    expect(runs[0]!.summary).toContain(receiver.url);
    // The token still reached the receiver: the URL is only shortened for display.
    expect(receiver.deliveries.length).toBeGreaterThan(0);

    const folder = await mkdtemp(path.join(os.tmpdir(), 'hostile-display-cli-'));
    await writeFile(path.join(folder, '.env'), `DEV_API=${API_KEY}\nVIVENU_SECRET=${SECRET}\n`);
    const cli = await runCli(
      ['--test', 'DEV', EVENT, '--vivenu-url', vivenu.url, '--webhook-url', webhookUrl],
      folder,
    );
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toContain(receiver.url);
    expect(cli.stdout + cli.stderr).not.toContain(QUERY_TOKEN);
  });
});

describe('row 13: folders that resolve outside the workspace are refused (dist/index.js)', () => {
  it('a tickets-dir symlink inside the workspace pointing outside: input error, no request, nothing written outside', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 9 });
    const { vivenu, receiver } = await sandboxes(tickets);
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'hostile-display-ws-'));
    const outside = await mkdtemp(path.join(os.tmpdir(), 'hostile-display-outside-'));
    await symlink(outside, path.join(workspace, 'linked_tickets'));

    const run = await runBundledAction({
      workspace,
      inputs: { ...baseInputs(vivenu, receiver), 'tickets-dir': 'linked_tickets' },
    });
    const errors = runnerCommands(run.stdout).filter((command) => command.name === 'error');
    expect({
      exitCode: run.exitCode,
      errors: errors.map((e) => e.line.slice(0, e.line.indexOf('" ') + 2)),
      vivenuRequests: vivenu.stats.requests,
      deliveries: receiver.deliveries.length,
      writtenOutside: await readdir(outside),
    }).toEqual({
      exitCode: 1,
      errors: ['::error::Invalid input: tickets-dir "linked_tickets" '],
      vivenuRequests: 0,
      deliveries: 0,
      writtenOutside: [],
    });
    expect(errors[0]!.line).toContain('outside the workspace');
  });

  it('the default purchased_tickets, committed as a symlink to outside, is refused the same way', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 9 });
    const { vivenu, receiver } = await sandboxes(tickets);
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'hostile-display-ws-'));
    const outside = await mkdtemp(path.join(os.tmpdir(), 'hostile-display-outside-'));
    await mkdir(path.join(workspace, 'purchased_tickets'));
    // The event's own folder is the link: deeper than the input, still followed by a write.
    await symlink(outside, path.join(workspace, 'purchased_tickets', EVENT));

    const run = await runBundledAction({
      workspace,
      inputs: { ...baseInputs(vivenu, receiver), mode: 'pull-only' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      // action.yml's default reaches the action as the input's value (INPUT_TICKETS-DIR).
      /^::error::Invalid input: tickets-dir "purchased_tickets" resolves through a symbolic link/m,
    );
    expect(vivenu.stats.requests).toBe(0);
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('row 15: counts keep hostile keys; a folder as progress-file is named (dist/index.js)', () => {
  it('statuses toString and __proto__, ticket names constructor and __proto__ are counted like any other', async () => {
    const base = generateEventTickets({ eventId: EVENT, count: 12, seed: 4 });
    const hostile = base.map((ticket, index) => ({
      ...ticket,
      status: ['toString', '__proto__', 'VALID'][index % 3]!,
      ticketName: ['constructor', '__proto__', 'hasOwnProperty', 'CHARITY'][index % 4]!,
    }));
    const { vivenu, receiver } = await sandboxes(hostile);
    const run = await runBundledAction({
      inputs: { ...baseInputs(vivenu, receiver), mode: 'pull-only' },
    });
    expect(run.exitCode).toBe(0);
    const metadata = JSON.parse(
      await readFile(path.join(run.workspace, 'purchased_tickets', EVENT, 'metadata.json'), 'utf8'),
    ) as { by_status: object; by_ticket_name: object };
    // Object.entries: the own keys JSON.parse made, `__proto__` among them.
    expect(Object.fromEntries(Object.entries(metadata.by_status))).toEqual(
      Object.fromEntries([
        ['toString', 4],
        ['__proto__', 4],
        ['VALID', 4],
      ]),
    );
    expect(Object.entries(metadata.by_ticket_name).sort()).toEqual(
      [
        ['constructor', 3],
        ['__proto__', 3],
        ['hasOwnProperty', 3],
        ['CHARITY', 3],
      ].sort(),
    );
    expect(run.summary).not.toContain('native code');
    expect(run.summary).toMatch(/\| __proto__ \| 4 \|/);
    expect(run.summary).toMatch(/\| toString \| 4 \|/);
  });

  it('a progress-file that is a folder: an input error naming progress-file, before any request', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 9 });
    const { vivenu, receiver } = await sandboxes(tickets);
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'hostile-display-ws-'));
    await mkdir(path.join(workspace, 'progress'));
    const run = await runBundledAction({
      workspace,
      inputs: { ...baseInputs(vivenu, receiver), 'progress-file': 'progress' },
    });
    const errors = runnerCommands(run.stdout).filter((command) => command.name === 'error');
    expect({
      exitCode: run.exitCode,
      errors: errors.map((e) => e.line),
      vivenuRequests: vivenu.stats.requests,
    }).toEqual({
      exitCode: 1,
      errors: [
        // The example is the default file of the run's receiver (a loopback one here).
        `::error::Invalid input: progress-file "progress" is a folder, not a file: name a file (for example historical_sync_progress_DEV${receiverAt(receiver.url).fileTag}.json)`,
      ],
      vivenuRequests: 0,
    });
  });
});
