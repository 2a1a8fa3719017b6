// The one place that turns outcomes into exit codes (spec §8).
import { CommanderError } from 'commander';
import { Cancelled, CheckFailed, InputError, NotBuilt, UsageError } from '../errors.js';
import { buildProgram } from './program.js';
import { version } from './paths.js';

export const EXIT = { ok: 0, check: 1, usage: 2, internal: 70, interrupted: 130 } as const;

function exitCodeFor(e: unknown): number {
  const debug = process.env.DUTYKIT_DEBUG === '1';
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander has printed the message
  }
  if (e instanceof InputError) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`dutykit: ${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof CheckFailed) {
    if (e.message) process.stderr.write(`${e.message}\n`);
    return EXIT.check;
  }
  if (e instanceof NotBuilt) {
    process.stderr.write(`dutykit: ${e.message}\n`);
    return EXIT.internal;
  }
  if (e instanceof Cancelled) {
    if (e.message) process.stderr.write(`${e.message}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`dutykit: internal error: ${err?.message ?? String(e)}\n`);
  process.stderr.write(debug ? `${err?.stack}\n` : 'This is a bug. Run again with DUTYKIT_DEBUG=1 for details, and report it.\n');
  return EXIT.internal;
}

export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`| head`) is not an error: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await buildProgram(version()).parseAsync(argv);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

