// `dutykit assess [file]`: the interactive walk-through. Prompts need a terminal on stdin.
import { usage, usageError } from '../usage.js';
import { namesFolder } from '../option-checks.js';
import { checkReplaceable } from '../../model/atomic-write.js';
import { assessFile, type AssessOptions } from '../assess/run.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../assess/text.js';
import { dutykitCommand } from '../dutykit-command.js';
import { today } from '../clock.js';
import { chosenFramework } from '../open.js';
import { withColour } from '../../outside.js';
import { painter, useColour } from '../output.js';
import { promptColour } from '../prompts.js';

export async function runAssess(file: string | undefined, opts: AssessOptions): Promise<void> {
  if (file && namesFolder(file) && !existsSync(file)) throw usageError('usage.fileIsFolder', { file });
  if (file && existsSync(file) && statSync(file).isDirectory()) {
    throw usage`${file} is a folder: name an assessment file, e.g. ${shellQuote(join(file, `${today()}-self-assessment.yaml`))}`;
  }
  // Every answer is saved as it is given: a file that cannot be replaced is refused before the first question.
  if (file) checkReplaceable(file);
  if (opts.input === false || !process.stdin.isTTY) {
    const why = opts.input === false ? '--no-input was given' : 'stdin is not a terminal';
    const dutykit = dutykitCommand();
    throw usage`assess asks its questions in a terminal, and ${why}. To work without prompts, write a blank file with \`${dutykit} init <file>\`, fill it in with an editor, and check it with \`${dutykit} validate <file>\`.`;
  }
  const colours = Object.fromEntries(chosenFramework(undefined).ratings.map((r) => [r.id, r.colour]));
  const colour = useColour(opts, process.stderr);
  promptColour(colour);
  const paint = await painter(colour, colours);
  await assessFile(file, opts, {
    // Outside text in the walk-through is cleaned where it is put in; `withColour` makes a slip harmless.
    say: (text) => process.stderr.write(`${withColour(text)}\n`),
    paint,
    width: process.stderr.columns ?? 100,
  });
}
