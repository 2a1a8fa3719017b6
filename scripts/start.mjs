// `npm start`: the main job, the interactive assessment, in a terminal. Without one
// (CI, a pipe) `assess` cannot ask its questions, so this shows the bundled example instead
// and says how to run the real thing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// A path, not a URL's pathname: that keeps %20 for a space and %C5%B5 for ŵ, and names no file.
const bin = fileURLToPath(new URL('../bin/dutykit.js', import.meta.url));
const run = (args) => spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' }).status ?? 1;

if (process.stdin.isTTY) {
  process.exitCode = run(['assess', ...process.argv.slice(2)]);
} else {
  console.error('npm start runs `dutykit assess`, which asks its questions in a terminal; there is none here.');
  console.error('Showing the bundled example instead: examples/northbridge-2025.yaml\n');
  process.exitCode = run(['rate', 'examples/northbridge-2025.yaml']) || run(['report', 'examples/northbridge-2025.yaml']);
}
