/**
 * `npm run demo`: the bundled action, run exactly as the Actions runner runs it, against the
 * sandbox on loopback. Prints the log as it goes, then the job summary and where the files are.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE, runBundledAction } from './action-runner.js';
import { generateEventTickets } from './ticket-factory.js';
import { startVivenuSandbox } from './vivenu-sandbox.js';

const EVENT_ID = '6864d4f427c2aa9b05cd17ee';
const API_KEY = 'sandbox-demo-key';

if (!existsSync(BUNDLE)) {
  console.error(`No ${path.relative(process.cwd(), BUNDLE)}: run npm run build first.`);
  process.exit(1);
}

const vivenu = await startVivenuSandbox({
  apiKey: API_KEY,
  events: { [EVENT_ID]: generateEventTickets({ eventId: EVENT_ID, count: 1912, seed: 2025 }) },
  // A taste of a bad day at Vivenu: rate limits, a short 503 storm, a dropped connection.
  faults: {
    rateLimit: { rate: 0.08, retryAfter: 1 },
    unavailable: { rate: 0.05, burst: 2 },
    drop: { rate: 0.04 },
  },
});
console.log(
  `Sandbox Vivenu API on ${vivenu.url} with ${(1912).toLocaleString('en-US')} tickets of event ${EVENT_ID}\n`,
);

try {
  const run = await runBundledAction({
    inputs: {
      region: 'DEV',
      'event-id': EVENT_ID,
      'api-key': API_KEY,
      mode: 'pull-only',
      'vivenu-url': vivenu.url,
    },
    onStdout: (text) => process.stdout.write(text),
  });
  const eventDir = path.join(run.workspace, 'purchased_tickets', EVENT_ID);
  console.log('\n──── job summary (GITHUB_STEP_SUMMARY) ────\n');
  console.log(run.summary);
  console.log('──── outputs (GITHUB_OUTPUT) ────');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`);
  console.log(
    `\nExit code ${run.exitCode}. Sandbox: ${vivenu.stats.requests} requests, faults ${JSON.stringify(vivenu.stats.faults)}.`,
  );
  if (existsSync(eventDir)) {
    const individual = await readdir(path.join(eventDir, 'individual'));
    console.log(
      `Files: ${eventDir}/{all_tickets.json, metadata.json, individual/ (${individual.length} files)}`,
    );
  }
  process.exitCode = run.exitCode ?? 1;
} finally {
  await vivenu.close();
}
