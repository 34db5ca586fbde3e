import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBundledAction, type BundledRun } from '../../sandbox/action-runner.js';
import {
  startGitHubSandbox,
  type GitHubFaults,
  type GitHubSandbox,
} from '../../sandbox/github-sandbox.js';
import {
  startReceiverSandbox,
  type ReceiverBehaviour,
  type ReceiverSandbox,
} from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import {
  startVivenuSandbox,
  type VivenuFaults,
  type VivenuSandbox,
} from '../../sandbox/vivenu-sandbox.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { sandboxInputs } from '../support/bundle-sandboxes.js';
import { personalValues, shownToPeople } from '../support/personal-data.js';

const EVENT = '0a1b2c3d4e5f60718293a4b5';
const API_KEY = 'audit-vivenu-key-7f3a';
const SECRET = 'audit-webhook-secret-9c2e';
const KEYS = { apiKey: API_KEY, secret: SECRET };
const TOKEN = 'audit-github-token-4d1b';
const tickets = generateEventTickets({ eventId: EVENT, count: 80, seed: 404 });
const eligible = selectTickets(tickets, {
  statuses: ['VALID', 'DETAILSREQUIRED'],
  nameContains: 'CHARITY',
}).eligible;
/** A receiver that echoes a ticket's personal data back in its error. */
const echoing = (ticket: Ticket): string =>
  `{"error":"rejected ${String(ticket.email)} ${String(ticket.name)} ${String(ticket.barcode)} ${String(ticket.secret)}"}`;

interface Scenario {
  name: string;
  inputs?: Record<string, string>;
  vivenu?: VivenuFaults;
  receiver?: ReceiverBehaviour;
  receiverSecret?: string;
  github?: GitHubFaults;
  interruptAfterDeliveries?: number;
  expectExit: 0 | 1;
}

const SCENARIOS: Scenario[] = [
  { name: 'pull-only', inputs: { mode: 'pull-only' }, expectExit: 0 },
  { name: 'sync, committed', expectExit: 0 },
  { name: 'sync dry run', inputs: { 'dry-run': 'true' }, expectExit: 0 },
  { name: 'test mode', inputs: { mode: 'test' }, expectExit: 0 },
  {
    name: 'test mode, receiver echoes personal data in a 4xx',
    inputs: { mode: 'test' },
    receiver: {
      always: {
        status: 422,
        body: echoing(eligible.find((t) => /HIA/.test(String(t.ticketName)))!),
      },
    },
    expectExit: 1,
  },
  {
    name: 'sync, permanent 4xx echoing personal data (recorded in errors)',
    receiver: {
      failTickets: Object.fromEntries(
        eligible.slice(0, 3).map((t) => [t._id, { status: 409, body: echoing(t) }]),
      ),
    },
    expectExit: 1,
  },
  { name: 'wrong Vivenu key', inputs: { 'api-key': `${API_KEY}-wrong` }, expectExit: 1 },
  { name: 'receiver rejects the signature', receiverSecret: 'another-secret', expectExit: 1 },
  {
    // A permanent 4xx is about each ticket: every one is tried and recorded, the step fails at the end.
    name: 'receiver refuses every ticket (each failure recorded)',
    receiver: { always: { status: 400, body: 'no' } },
    expectExit: 1,
  },
  { name: 'incomplete pull (untrusted)', vivenu: { inflateTotal: 4 }, expectExit: 1 },
  { name: 'bad input', inputs: { 'event-id': 'abc' }, expectExit: 1 },
  {
    name: 'cancelled by SIGINT',
    inputs: { interval: '0.05' },
    interruptAfterDeliveries: 5,
    expectExit: 1,
  },
  {
    name: 'commit refused (protected branch)',
    github: { protectedBranch: 'classic' },
    expectExit: 1,
  },
  { name: 'commit refused (ruleset)', github: { protectedBranch: 'ruleset' }, expectExit: 1 },
];

let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** Everything a person or the repository could see after a run, as the runner shows it. */
async function everythingVisible(run: BundledRun, github: GitHubSandbox): Promise<string> {
  const log = shownToPeople(run.stdout);
  const progressFile = path.join(run.workspace, 'historical_sync_progress_DEV.json');
  const files = [progressFile, `${progressFile}.journal`].filter((file) => existsSync(file));
  const progress = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const commits = github.commits.map((commit) => `${commit.message}\n${commit.text}`);
  return [log, run.stderr, run.summary, ...progress, ...commits].join('\n');
}

describe('personal-data and secret audit: every mode and failure path', () => {
  it.each(SCENARIOS)(
    '$name: no names, emails, barcodes, secrets, keys or tokens anywhere',
    async (scenario) => {
      const vivenu: VivenuSandbox = await startVivenuSandbox({
        apiKey: API_KEY,
        events: { [EVENT]: tickets },
        faults: scenario.vivenu,
      });
      const receiver: ReceiverSandbox = await startReceiverSandbox({
        secret: scenario.receiverSecret ?? SECRET,
        behaviour: scenario.receiver,
      });
      const github = await startGitHubSandbox({ token: TOKEN });
      servers = [vivenu, receiver, github];
      if (scenario.github) github.setFaults(scenario.github);

      const run = await runBundledAction({
        inputs: {
          ...sandboxInputs({
            region: 'DEV',
            eventId: EVENT,
            keys: KEYS,
            vivenuUrl: vivenu.url,
            webhookUrl: receiver.url,
          }),
          'github-token': TOKEN,
          interval: '0.01',
          ...scenario.inputs,
        },
        env: {
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: 'hia/audit',
          GITHUB_REF: 'refs/heads/main',
        },
        onStart: (child) => {
          const after = scenario.interruptAfterDeliveries;
          if (after === undefined) return;
          const watch = setInterval(() => {
            if (receiver.accepted().length >= after) {
              clearInterval(watch);
              child.kill('SIGINT');
            }
          }, 2);
          child.on('exit', () => clearInterval(watch));
        },
      });
      expect(run.exitCode, run.stdout.slice(-2_000)).toBe(scenario.expectExit);

      const visible = await everythingVisible(run, github);
      // The scan has something to scan: at the least the error line of a bad input.
      expect(visible.length).toBeGreaterThan(40);
      const leaks = personalValues(tickets).filter((value) => visible.includes(value));
      expect(leaks).toEqual([]);
      for (const secret of [API_KEY, SECRET, TOKEN]) expect(visible).not.toContain(secret);
      // Nothing shaped like an email either, whoever's it is.
      expect(visible).not.toMatch(/[\w.+-]+@example\.org/);
    },
  );
});
