// The built CLI's start, dist/launch.cjs, which bin/dutykit.js runs. The CLI itself is one
// CommonJS script, dist/cli.cjs (src/cli/bundle.ts), run with its code cache (code-cache.ts):
// Node starts that faster than an ES module and its chunks, and V8 need not compile it again.
import { NotBuilt } from '../errors.js';
import { loadBundle } from './code-cache.js';
import { CLI_BUNDLE } from './paths.js';

type Cli = typeof import('./bundle.js');

/**
 * Once the command is done, exit as soon as what it printed has been handed over. Left to
 * itself, Node first waits out V8's background garbage collection and takes the whole heap
 * apart, which after a PDF is some 30 ms of nothing the user needs. `exit` handlers still run.
 */
function exitWhenWritten(): void {
  const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
  if (!pending.length) process.exit();
  // An empty write's callback runs once everything written before it has been handed over.
  let left = pending.length;
  for (const s of pending) s.write('', () => --left === 0 && process.exit());
}

let cli: Cli | undefined;
try {
  cli = loadBundle<Cli>(CLI_BUNDLE).exports;
} catch (e) {
  if (!(e instanceof NotBuilt)) throw e;
  process.stderr.write(`dutykit: ${e.message}\n`);
  process.exitCode = 70;
}
void cli?.main(process.argv).then(exitWhenWritten);
