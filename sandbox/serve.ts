/**
 * The whole sandbox as a long-running process, for running the action on itself in CI
 * (`uses: ./` against loopback): a simulated Vivenu API with one event, a receiver that
 * verifies signatures, and a GitHub REST API, on fixed ports.
 *
 *   tsx sandbox/serve.ts            serve until stopped
 *   tsx sandbox/serve.ts --wait     wait until a serving sandbox answers
 *   tsx sandbox/serve.ts --check    compare what the sandbox saw with the step's outputs
 *                                   (TICKETS_SENT, TICKETS_ELIGIBLE, COMPLETE in the environment)
 */
import { selectTickets } from '../src/select/select-tickets.js';
import { startGitHubSandbox } from './github-sandbox.js';
import { sendJson, serveOnLoopback } from './loopback-server.js';
import { startReceiverSandbox } from './receiver-sandbox.js';
import { generateEventTickets } from './ticket-factory.js';
import { startVivenuSandbox } from './vivenu-sandbox.js';

export const SANDBOX = {
  eventId: '6864d4f427c2aa9b05cd17ee',
  apiKey: 'sandbox-api-key',
  webhookSecret: 'sandbox-webhook-secret',
  githubToken: 'sandbox-github-token',
  statusPort: 18080,
  vivenuPort: 18081,
  receiverPort: 18082,
  githubPort: 18083,
  tickets: 300,
} as const;

interface Status {
  eligible: number;
  accepted: number;
  distinct: number;
  validSignatures: number;
  commits: string[];
}

const statusUrl = `http://127.0.0.1:${SANDBOX.statusPort}/status`;

async function serve(): Promise<void> {
  const tickets = generateEventTickets({
    eventId: SANDBOX.eventId,
    count: SANDBOX.tickets,
    seed: 2025,
  });
  const eligible = selectTickets(tickets, {
    statuses: ['VALID', 'DETAILSREQUIRED'],
    nameContains: 'CHARITY',
  }).eligible;
  const vivenu = await startVivenuSandbox({
    apiKey: SANDBOX.apiKey,
    events: { [SANDBOX.eventId]: tickets },
    faults: { rateLimit: { rate: 0.2, retryAfter: 1, max: 1 }, drop: { rate: 0.2, max: 1 } },
    port: SANDBOX.vivenuPort,
  });
  const receiver = await startReceiverSandbox({
    secret: SANDBOX.webhookSecret,
    port: SANDBOX.receiverPort,
  });
  const github = await startGitHubSandbox({ token: SANDBOX.githubToken, port: SANDBOX.githubPort });
  const status = await serveOnLoopback(async (_request, response) => {
    const accepted = receiver.accepted();
    const body: Status = {
      eligible: eligible.length,
      accepted: accepted.length,
      distinct: new Set(accepted.map((d) => d.ticketId)).size,
      validSignatures: accepted.filter((d) => d.signatureValid).length,
      commits: github.commits.map((c) => c.message),
    };
    sendJson(response, 200, body);
    return Promise.resolve();
  }, SANDBOX.statusPort);
  console.log(
    `sandbox: Vivenu ${vivenu.url}, receiver ${receiver.url}, GitHub ${github.url}, status ${status.origin}`,
  );
  const stop = async (): Promise<void> => {
    await Promise.all([vivenu.close(), receiver.close(), github.close(), status.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function waitUntilServing(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(statusUrl)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the sandbox did not answer at ${statusUrl} within 20 s`);
}

async function check(): Promise<void> {
  const status = (await (await fetch(statusUrl)).json()) as Status;
  const expect = (what: string, actual: unknown, expected: unknown): void => {
    const ok = actual === expected;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${what}: ${String(actual)}${ok ? '' : ` (expected ${String(expected)})`}`,
    );
    if (!ok) process.exitCode = 1;
  };
  expect('output complete', process.env.COMPLETE, 'true');
  expect('output tickets-eligible', Number(process.env.TICKETS_ELIGIBLE), status.eligible);
  expect('output tickets-sent', Number(process.env.TICKETS_SENT), status.eligible);
  expect('deliveries accepted by the receiver', status.accepted, status.eligible);
  expect('distinct tickets delivered', status.distinct, status.eligible);
  expect('deliveries with a valid signature', status.validSignatures, status.eligible);
  expect('progress commits', status.commits.length > 0, true);
  console.log(`commits: ${status.commits.join(' | ')}`);
}

const mode = process.argv[2];
if (mode === '--wait') await waitUntilServing();
else if (mode === '--check') await check();
else await serve();
