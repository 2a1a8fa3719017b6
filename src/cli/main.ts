// The one place that turns outcomes into exit codes (spec §8).
import { CommanderError } from 'commander';
import { Cancelled, CheckFailed, formatProblemIn, InputError, NotBuilt, UsageError, whyNotWritten } from '../errors.js';
import { buildProgram } from './program.js';
import { VERSION } from './paths.js';
import { message, visible } from '../outside.js';
import { err as write } from './output.js';
import { speakIn, speaking } from './speaking.js';

export const EXIT = { ok: 0, check: 1, usage: 2, internal: 70, interrupted: 130 } as const;

// Messages quote file names, values and problems from the files: every control in them is
// shown as \u001b, never sent raw.
const say = (text: string) => write(message(text));

/** An error's words in the language of the command's --lang, where it has them. */
const worded = (e: UsageError | CheckFailed): string => {
  const m = speaking();
  return m && e.inLang ? e.inLang(m) : e.message;
};

function exitCodeFor(e: unknown): number {
  const debug = process.env.DUTYKIT_DEBUG === '1';
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander has printed the message
  }
  if (e instanceof InputError) {
    say(e.problems.map((p) => formatProblemIn(p, speaking())).join('\n'));
    return EXIT.usage;
  }
  if (e instanceof UsageError) {
    say(`dutykit: ${worded(e)}`);
    return EXIT.usage;
  }
  if (e instanceof CheckFailed) {
    if (e.message) say(worded(e));
    return EXIT.check;
  }
  if (e instanceof NotBuilt) {
    say(`dutykit: ${e.message}`);
    return EXIT.internal;
  }
  if (e instanceof Cancelled) {
    if (e.message) say(`${e.message}`);
    return e.exitCode;
  }
  const err = e as Error;
  say(`dutykit: internal error: ${err?.message ?? String(e)}`);
  say(debug ? `${err?.stack}` : 'This is a bug. Run again with DUTYKIT_DEBUG=1 for details, and report it.');
  return EXIT.internal;
}

export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`| head`) is not an error: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Output that could not be written (a full disk) is lost: say so, never exit 0 or 1.
    say(`dutykit: cannot write the output: ${whyNotWritten(e)}`);
    process.exit(EXIT.usage);
  });
  // commander's own errors in the language of --lang: the catalogue is read only when asked.
  const words = argv.some((a) => a === '--lang' || a.startsWith('--lang=')) ? await import('./commander-words.js') : undefined;
  const l = words?.askedLang(argv);
  // Before the command reads its --lang: a refusal of that --lang itself is said in this one.
  if (l) speakIn(l);
  // commander quotes what was typed: a value with a line break in it is shown, never a line of its own.
  const typed = argv.slice(2).flatMap((a) => [a, a.slice(a.indexOf('=') + 1)]).filter((v) => /[\r\n\u0085\u2028\u2029]/.test(v));
  const shown = (text: string) => typed.reduce((t, v) => t.split(v).join(visible(v)), text);
  const said = { error: (text: string) => shown(words && l ? words.commanderWords(text, l) : text), afterError: l?.t('commander.seeHelp') };
  try {
    await buildProgram(VERSION, said).parseAsync(argv);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

