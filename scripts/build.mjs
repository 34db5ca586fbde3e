// Bundles both doors with ncc: dist/index.js (the action, what GitHub runs) and dist/cli.js
// (the historical-sync command). Built in a scratch folder and swapped in only when both
// bundles succeed, so a failed build never leaves dist/ half written or missing.
import { execFileSync } from 'node:child_process';
import { chmodSync, renameSync, rmSync } from 'node:fs';
import process from 'node:process';

const scratch = 'dist.building';
const ncc = (entry, out, ...extra) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--target', 'es2022', ...extra], {
    stdio: 'inherit',
  });

rmSync(scratch, { recursive: true, force: true });
try {
  ncc('src/index.ts', scratch, '--license', 'licenses.txt');
  // ncc writes one index.js per output folder: the command gets a folder of its own first.
  ncc('src/cli.ts', `${scratch}/cli-build`);
  renameSync(`${scratch}/cli-build/index.js`, `${scratch}/cli.js`);
  rmSync(`${scratch}/cli-build`, { recursive: true, force: true });
  chmodSync(`${scratch}/cli.js`, 0o755);
} catch (error) {
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write('build failed: dist/ was left as it was\n');
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
rmSync('dist', { recursive: true, force: true });
renameSync(scratch, 'dist');
