/**
 * `npm run demo`: the bundled action, run exactly as the Actions runner runs it, against the
 * sandbox on loopback: a simulated Vivenu API with a bad day's faults, and a receiver that
 * verifies signatures. Prints the log as it goes, then the job summary, the outputs, the
 * progress file, the commits it made through the GitHub API, and where the ticket files are.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE, runBundledAction } from '../sandbox/action-runner.js';
import { startGitHubSandbox } from '../sandbox/github-sandbox.js';
import { startReceiverSandbox } from '../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../sandbox/ticket-factory.js';
import { startVivenuSandbox } from '../sandbox/vivenu-sandbox.js';

const EVENT_ID = '6864d4f427c2aa9b05cd17ee';
const API_KEY = 'sandbox-demo-key';
const WEBHOOK_SECRET = 'sandbox-demo-secret';
const GITHUB_TOKEN = 'sandbox-demo-github-token';
const TICKETS = 400;

if (!existsSync(BUNDLE)) {
  console.error(`No ${path.relative(process.cwd(), BUNDLE)}: run npm run build first.`);
  process.exit(1);
}

const vivenu = await startVivenuSandbox({
  apiKey: API_KEY,
  events: { [EVENT_ID]: generateEventTickets({ eventId: EVENT_ID, count: TICKETS, seed: 2025 }) },
  // A taste of a bad day at Vivenu: rate limits, a short 503 storm, a dropped connection.
  faults: {
    rateLimit: { rate: 0.2, retryAfter: 1, max: 2 },
    unavailable: { rate: 0.2, burst: 2, max: 2 },
    drop: { rate: 0.2, max: 1 },
  },
});
// The receiver stumbles too: now and then an attempt answers 502 and is retried.
const receiver = await startReceiverSandbox({
  secret: WEBHOOK_SECRET,
  behaviour: { random: { serverError: 0.02 } },
});
console.log(`Sandbox Vivenu API on ${vivenu.url} with ${TICKETS} tickets of event ${EVENT_ID}`);
const github = await startGitHubSandbox({ token: GITHUB_TOKEN });
console.log(`Sandbox receiver on ${receiver.url}, verifying signatures`);
console.log(`Sandbox GitHub API on ${github.url}, taking the progress commits\n`);

try {
  const run = await runBundledAction({
    inputs: {
      region: 'DEV',
      'event-id': EVENT_ID,
      'api-key': API_KEY,
      mode: 'sync',
      'vivenu-url': vivenu.url,
      'webhook-url': receiver.url,
      'webhook-secret': WEBHOOK_SECRET,
      'github-token': GITHUB_TOKEN,
      // Fast for the demo; the real default is 1.8 s.
      interval: '0.05',
    },
    // What the runner sets for a workflow_dispatch run on main.
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'high-impact-athletes/vivenu-historical-sync',
      GITHUB_REF: 'refs/heads/main',
    },
    onStdout: (text) => process.stdout.write(text),
  });
  console.log('\n──── job summary (GITHUB_STEP_SUMMARY) ────\n');
  console.log(run.summary);
  // `npm run screenshot-summary` renders this file as GitHub does, for the README.
  const summaryFile = process.env.DEMO_SUMMARY_FILE;
  if (summaryFile) await writeFile(summaryFile, run.summary);
  console.log('──── outputs (GITHUB_OUTPUT) ────');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`);

  const progressFile = run.outputs['progress-file'];
  if (progressFile && existsSync(progressFile)) {
    const progress = JSON.parse(await readFile(progressFile, 'utf8')) as Record<string, unknown>;
    const { event_progress: events, ...rest } = progress;
    console.log(`\n──── progress file ${progressFile} (ids abridged) ────`);
    console.log(JSON.stringify(rest, null, 2));
    for (const [id, event] of Object.entries(events as Record<string, { sent: number }>)) {
      console.log(`event_progress.${id}: ${event.sent} sent_ticket_ids`);
    }
  }
  console.log('\n──── commits to the sandbox GitHub (Contents API) ────');
  for (const commit of github.commits)
    console.log(`${commit.sha.slice(0, 7)} ${commit.message} (${commit.path})`);
  const accepted = receiver.accepted();
  const valid = accepted.filter((d) => d.signatureValid).length;
  console.log(
    `\nReceiver: ${receiver.deliveries.length} requests, ${accepted.length} accepted (${valid} with a valid signature), ` +
      `${new Set(accepted.map((d) => d.ticketId)).size} distinct tickets.`,
  );
  const eventDir = path.join(run.workspace, 'purchased_tickets', EVENT_ID);
  if (existsSync(eventDir)) {
    const individual = await readdir(path.join(eventDir, 'individual'));
    console.log(
      `Files: ${eventDir}/{all_tickets.json, metadata.json, individual/ (${individual.length} files)}`,
    );
  }
  console.log(`Exit code ${run.exitCode}.`);
  process.exitCode = run.exitCode ?? 1;
} finally {
  await vivenu.close();
  await receiver.close();
  await github.close();
}
