// Build step: run the built CLI (dist/cli.cjs) on the bundled frameworks and examples, as a
// user would, and save the code V8 compiled for it and for the PDF renderer it loaded as their
// code caches (src/cli/code-cache.ts). Only the build writes them; a run that cannot use one
// compiles as usual.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../src/cli/code-cache.js';

type Cli = typeof import('../src/cli/bundle.js');

/** Run the CLI with `args`, its output kept out of the build's; fail if the command failed. */
async function run(cli: Cli, args: string[]): Promise<void> {
  const [out, err] = [process.stdout.write, process.stderr.write];
  const said: string[] = [];
  const keep = ((chunk: string | Uint8Array) => said.push(String(chunk)) > 0) as typeof out;
  process.stdout.write = process.stderr.write = keep;
  try {
    await cli.main(['node', 'dutykit', ...args]);
  } finally {
    [process.stdout.write, process.stderr.write] = [out, err];
  }
  const code = process.exitCode;
  process.exitCode = undefined;
  if (code) throw new Error(`dutykit ${args.join(' ')} exited ${code}: ${said.join('').trim().split('\n')[0]}`);
}

export async function makeCodeCaches(examples: string, frameworks: string): Promise<void> {
  const cli = loadBundle<Cli>(join('dist', 'cli.cjs'));
  const scratch = mkdtempSync(join(tmpdir(), 'dutykit-build-'));
  const [before, now, next] = ['northbridge-2024.yaml', 'northbridge-2025.yaml', 'northbridge-2026.yaml'].map((f) => join(examples, f));
  try {
    await run(cli.exports, ['--help']);
    await run(cli.exports, ['validate', ...readdirSync(frameworks).map((id) => join(frameworks, id)), before!, now!, next!]);
    await run(cli.exports, ['rate', now!]);
    await run(cli.exports, ['report', now!, '--previous', before!, '--format', 'md,json,pdf', '--out', scratch]);
    await run(cli.exports, ['report', now!, '--audience', 'public', '--format', 'pdf', '--out', scratch]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const inside = cli.exports.saveLoadedCaches();
  if (inside.length !== 1) throw new Error(`expected the PDF renderer's cache, made ${inside.join(', ') || 'none'}`);
  cli.saveCache();
}
