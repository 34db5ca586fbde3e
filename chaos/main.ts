/** `npm run chaos [-- --seed N --runs 30 --tickets 500]`: the chaos suite, with its table. */
import { parseArgs } from 'node:util';
import { chaosViolations, formatChaosReport, runChaos } from './chaos.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    runs: { type: 'string', default: '30' },
    tickets: { type: 'string', default: '500' },
    interval: { type: 'string', default: '0.1' },
  },
});
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 1_000_000);
const intervalSeconds = Number(values.interval);
console.log(`chaos: seed ${seed}, ${values.runs} interrupted runs, ${values.tickets} tickets\n`);
const started = Date.now();
const report = await runChaos({
  seed,
  interruptedRuns: Number(values.runs),
  tickets: Number(values.tickets),
  intervalSeconds,
  log: (line) => console.log(line),
});
console.log(`\n${formatChaosReport(report, intervalSeconds)}`);
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
const problems = chaosViolations(report, intervalSeconds);
for (const problem of problems) console.error(`FAIL: ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
