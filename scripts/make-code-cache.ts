// Build step: run the built CLI (dist/cli.cjs) on the bundled frameworks and examples, as a
// user would, and save the code V8 compiled for it and for the PDF renderer it loaded as their
// code caches (src/cli/code-cache.ts). Only the build writes them; a run that cannot use one
// compiles as usual.
//
// The CLI bundle and this tool each carry their own copy of code-cache.ts: the CLI's copy
// knows the bundles the CLI loaded (the PDF renderer), this one knows the CLI itself.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
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

/** The example assessments, oldest first (their names start with the year). */
function examplesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Make both caches; the names of those that could not be made, with why. */
export async function makeCodeCaches(examples: string, frameworks: string): Promise<string[]> {
  const cli = loadBundle<Cli>(join('dist', 'cli.cjs'));
  const scratch = mkdtempSync(join(tmpdir(), 'dutykit-build-'));
  const files = examplesIn(examples);
  const folders = readdirSync(frameworks)
    .map((id) => join(frameworks, id))
    .filter((dir) => statSync(dir).isDirectory());
  const failed: string[] = [];
  const attempt = async (what: string, step: () => Promise<unknown> | unknown) => {
    try {
      await step();
    } catch (e) {
      failed.push(`${what}: ${(e as Error)?.message ?? e}`);
    }
  };
  // Each command on its own: one that fails leaves the others' code in the caches.
  await attempt('--help', () => run(cli.exports, ['--help']));
  await attempt('validate', () => run(cli.exports, ['validate', ...folders, ...files]));
  for (const file of files) await attempt(`rate ${file}`, () => run(cli.exports, ['rate', file]));
  // Every example to every format, the last against the one before it, and a public version.
  for (const file of files) await attempt(`report ${file}`, () => run(cli.exports, ['report', file, '--format', 'md,json,pdf', '--out', scratch]));
  const [previous, latest] = files.slice(-2);
  if (previous && latest) await attempt('report --previous', () => run(cli.exports, ['report', latest, '--previous', previous, '--format', 'md,pdf', '--out', scratch]));
  if (latest) await attempt('report --audience public', () => run(cli.exports, ['report', latest, '--audience', 'public', '--format', 'pdf', '--out', scratch]));
  rmSync(scratch, { recursive: true, force: true });
  await attempt('the PDF renderer cache', () => {
    if (!cli.exports.saveLoadedCaches().length) throw new Error('no PDF was made');
  });
  await attempt('the CLI cache', () => cli.saveCache());
  return failed;
}
