// `dutykit assess [file]`: the interactive walk-through. Prompts need a terminal on stdin.
import { UsageError } from '../../errors.js';
import { checkReplaceable } from '../../model/atomic-write.js';
import { assessFile, type AssessOptions } from '../assess/run.js';
import { chosenFramework } from '../open.js';
import { painter, useColour } from '../output.js';

export type { AssessOptions };

export async function runAssess(file: string | undefined, opts: AssessOptions): Promise<void> {
  // Every answer is saved as it is given: a file that cannot be replaced is refused before the first question.
  if (file) checkReplaceable(file);
  if (opts.input === false || !process.stdin.isTTY) {
    const why = opts.input === false ? '--no-input was given' : 'stdin is not a terminal';
    throw new UsageError(
      `assess asks its questions in a terminal, and ${why}. To work without prompts, write a blank file with ` +
        '`dutykit init <file>`, fill it in with an editor, and check it with `dutykit validate <file>`.',
    );
  }
  const colours = Object.fromEntries(chosenFramework(undefined).ratings.map((r) => [r.id, r.colour]));
  const paint = await painter(useColour(opts, process.stderr), colours);
  await assessFile(file, opts, {
    say: (text) => process.stderr.write(`${text}\n`),
    paint,
    width: process.stderr.columns ?? 100,
  });
}
