// Bundles both doors with ncc: dist/index.js (the action, what GitHub runs) and dist/cli.js
// (the historical-sync command). ncc writes one index.js per output folder, so the command's
// bundle is built in a folder of its own and moved next to the action's.
import { execFileSync } from 'node:child_process';
import { chmodSync, renameSync, rmSync } from 'node:fs';

const ncc = (entry, out, ...extra) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--target', 'es2022', ...extra], {
    stdio: 'inherit',
  });

rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist', '--license', 'licenses.txt');
ncc('src/cli.ts', 'dist/cli-build');
renameSync('dist/cli-build/index.js', 'dist/cli.js');
rmSync('dist/cli-build', { recursive: true, force: true });
chmodSync('dist/cli.js', 0o755);
