// Commander declarations only: each action lazy-imports its command module,
// so `--help` loads none of yaml, zod, pdfkit or the prompts.
import { Command, Option } from 'commander';
import { message } from '../outside.js';
import type { GlobalOptions } from './output.js';

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** How commander's own errors are said: as they are, or in the language of --lang (main.ts). */
export interface CommanderOutput {
  error: (text: string) => string;
  afterError?: string;
}

export function buildProgram(version: string, said?: CommanderOutput): Command {
  const program = new Command('dutykit')
    .description('Prevent duty self-assessment: benchmarks, explained RAG ratings and board-ready reports.')
    .version(version, '-V, --version')
    .option('--framework <id|path>', 'framework for benchmarks, init and a new assess (default: home-office-2018)')
    .option('--json', 'machine-readable output on stdout, no colour')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--no-input', 'never prompt')
    .showHelpAfterError(said?.afterError ?? '(run with --help for usage)')
    .exitOverride()
    // A bad SOURCE_DATE_EPOCH is refused before any command starts, whichever reads the clock.
    .hook('preAction', async () => (await import('./clock.js')).checkClock())
    .addHelpText(
      'after',
      examples([
        'dutykit benchmarks',
        'dutykit init assessments/2025.yaml --authority "Northbridge Borough Council" --period 2024/25',
        'dutykit validate assessments/2025.yaml',
        'dutykit rate examples/northbridge-2025.yaml',
        'dutykit report examples/northbridge-2025.yaml --format md',
      ]) + '\nExit codes: 0 ok, 1 a check failed, 2 usage or input error, 70 internal error, 130 interrupted.\n',
    );

  // Set before the commands are added: each copies it. commander quotes what was typed (an
  // option, a value), so its words take the one seam for outside text, in any language.
  program.configureOutput({ outputError: (text, write) => write(message(said ? said.error(text) : text)) });
  // An action that imports its command's module only when it runs; the command is called with
  // its arguments (`<a>`, `[a]`, `<a...>`), then its own options over the global ones (commander
  // passes the options and the command after the arguments).
  const lazy = <A extends (string | string[] | undefined)[], O extends GlobalOptions>(load: () => Promise<(...args: [...A, O]) => Promise<void>>) => async (...args: unknown[]) => {
    const run = await load();
    await run(...([...args.slice(0, -2), (args.at(-1) as Command).optsWithGlobals()] as [...A, O]));
  };
  // A command's own usage errors are said in its --lang, whichever option they are about.
  program.hook('preAction', async (_program, action) => {
    const lang = action.opts().lang;
    if (typeof lang === 'string') (await import('./lang.js')).speakFirst(lang);
    (await import('./option-checks.js')).checkOptions(action);
  });
  const langOption = () => new Option('--lang <list>', 'en (the default), cy (Welsh), or cy,en for both, Welsh first');

  program
    .command('benchmarks')
    .argument('[id]', 'a benchmark id or number to show with its questions')
    .description("list the framework's benchmarks, or show one with its questions")
    .addHelpText('after', examples(['dutykit benchmarks', 'dutykit benchmarks training-programme', 'dutykit benchmarks 7 --json']))
    .action(lazy(async () => (await import('./commands/benchmarks.js')).runBenchmarks));

  program
    .command('init')
    .argument('[file]', 'where to write it (default: assessments/<date>-self-assessment.yaml)')
    .description('write a blank assessment listing every question, then exit')
    .option('--authority <name>', "the council's name")
    .option('--period <text>', 'the period covered, e.g. 2024/25')
    .option('--date <YYYY-MM-DD>', 'the date the group meets to agree the ratings (default: today)')
    .option('--marking <text>', 'protective marking', 'OFFICIAL')
    .option('--force', 'overwrite an existing file')
    .option('--contributor <organisation>', "a contribution from this organisation, for the partnership to merge")
    .option('--kind <id>', "the body's kind, where the framework declares kinds (e.g. secondary): only its questions are listed")
    .option('--roster <file>', 'a roster: write one blank return per body on it (never overwriting one)')
    .option('--out <folder>', 'with --roster: the folder for the returns')
    .addHelpText(
      'after',
      examples([
        'dutykit init',
        'dutykit init assessments/2025.yaml --authority "Ynys Môn" --period 2024/25',
        'dutykit init police-2025.yaml --contributor "Essex Police" --authority "Northbridge Borough Council" --period 2024/25',
        'dutykit init return.yaml --framework thurrock-schools-2020 --kind secondary --authority "Castle Hill School"',
        'dutykit init --roster roster.yaml --out returns/',
      ]),
    )
    .action(lazy(async () => (await import('./commands/init-which.js')).runInit));

  program
    .command('validate')
    .argument('<file...>', 'assessment files, or framework folders')
    .description('check assessment files or framework folders; list every problem')
    .addHelpText('after', examples(['dutykit validate assessments/*.yaml', 'dutykit validate benchmarks/home-office-2018']))
    .action(lazy(async () => (await import('./commands/validate.js')).runValidate));

  program
    .command('merge')
    .argument('<assessment>', "the partnership's assessment file, changed in place")
    .argument('<contribution...>', 'contribution files (written with init --contributor)')
    .description("bring organisations' contributions into the partnership's assessment")
    .option('--allow-older', 'merge a contribution dated before the one already merged from its organisation (its positions replace the newer ones)')
    // One language: the summary is for the officer running it, not a document for the public.
    .addOption(new Option('--lang <lang>', 'en (the default) or cy (Welsh)'))
    .addHelpText(
      'after',
      examples(['dutykit merge examples/northbridge-2025.yaml examples/northbridge-2025-contributions/*.yaml', 'dutykit merge 2025.yaml police-2025.yaml --lang cy']) +
        '\nAnswers are kept under each organisation\'s name; different answers to one question stay as\n' +
        'positions (unsettled) until the group settles them in dutykit assess. Merging again changes nothing.\n',
    )
    .action(lazy(async () => (await import('./commands/merge.js')).runMerge));

  program
    .command('rate')
    .argument('<file>', 'an assessment file')
    .description('the RAG table with reasons, in the terminal')
    .addOption(langOption())
    .addHelpText('after', examples(['dutykit rate examples/northbridge-2025.yaml', 'dutykit rate examples/northbridge-2025.yaml --json', 'dutykit rate examples/northbridge-2025.yaml --lang cy']))
    .action(lazy(async () => (await import('./commands/rate.js')).runRate));

  program
    .command('report')
    .argument('<file>', 'an assessment file')
    .description('write the dated report(s)')
    .option('--format <list>', 'md, pdf, json, html (comma list; default md)')
    .option('--out <dir>', 'folder for the report files', 'reports')
    .option('--stdout', 'print the report instead of writing a file (one format)')
    .option('--previous <file>', "last year's assessment: adds the change since then")
    .addOption(new Option('--audience <who>', 'board (everything) or public (no evidence, notes or names)').choices(['board', 'public']).default('board'))
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'dutykit report examples/northbridge-2025.yaml',
        'dutykit report examples/northbridge-2025.yaml --format md,json --out board-pack',
        'dutykit report examples/northbridge-2025.yaml --audience public --stdout',
        'dutykit report examples/northbridge-2025.yaml --previous examples/northbridge-2024.yaml',
        'dutykit report examples/northbridge-2025.yaml --audience public --lang cy,en --format md,pdf',
      ]),
    )
    .action(lazy(async () => (await import('./commands/report.js')).runReport));

  // No commander default: `--json` with an explicit other --format is a usage error (json-format.ts).
  const formatOption = () => new Option('--format <format>', 'text (a table, the default), md (GitHub Markdown) or json').choices(['text', 'md', 'json']);

  program
    .command('diff')
    .argument('<old>', "last year's assessment file")
    .argument('<new>', "this year's assessment file")
    .description('what changed between two assessments, and why')
    .addOption(formatOption())
    .addOption(langOption())
    .option('--fail-on <list>', 'exit 1 if tripped: decline, red, amber, change, rules (comma list)')
    .addHelpText(
      'after',
      examples([
        'dutykit diff examples/northbridge-2024.yaml examples/northbridge-2025.yaml',
        'dutykit diff last.yaml this.yaml --format md >> "$GITHUB_STEP_SUMMARY"',
        'dutykit diff last.yaml this.yaml --fail-on decline,red',
        'dutykit diff examples/northbridge-2025.yaml examples/northbridge-2026.yaml --format json',
        'dutykit diff examples/northbridge-2024.yaml examples/northbridge-2025.yaml --lang cy',
      ]) +
        '\n--fail-on: decline = a rating fell, or a rated benchmark became Not yet rated; red = a benchmark\n' +
        'became Red; amber = became Amber or Red; change = any rating changed; rules = the framework\'s rules\n' +
        'changed. Identical files never trip. Exit codes: 0 ok, 1 tripped, 2 bad input.\n',
    )
    .action(lazy(async () => (await import('./commands/diff.js')).runDiff));

  program
    .command('trend')
    .argument('<file...>', 'assessment files, in any order')
    .description('ratings across several assessments, oldest first')
    .addOption(formatOption())
    .addOption(langOption())
    .addHelpText('after', examples(['dutykit trend examples/northbridge-*.yaml', 'dutykit trend assessments/*.yaml --format md']))
    .action(lazy(async () => (await import('./commands/trend.js')).runTrend));

  program
    .command('rollup')
    .argument('<files...>', 'return files, or folders of them (a roster among them is recognised)')
    .description('the returns of a round in one view: ratings and answers counted, returns against the roster')
    .option('--roster <file>', 'the roster of expected returns: returned, not returned, late, not on it')
    .option('--previous <folder>', "last round's returns: adds the bodies whose ratings declined")
    .addOption(new Option('--format <format>', 'text (the default), md, json or pdf').choices(['text', 'md', 'json', 'pdf']))
    .option('--out <file>', 'write it to this file instead of stdout')
    .addOption(new Option('--audience <who>', 'board (everything) or public (counts only, any below 5 as "fewer than 5")').choices(['board', 'public']).default('board'))
    .option('--fail-on <list>', 'exit 1 if found: missing, red, decline (comma list)')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'dutykit rollup examples/schools --roster examples/schools/roster-2024-25.yaml',
        'dutykit rollup returns/ --roster roster.yaml --format md --audience public',
        'dutykit rollup returns/2025 --previous returns/2024 --fail-on missing,red,decline',
        'dutykit rollup returns/ --roster roster.yaml --format pdf --out rollup.pdf',
        'dutykit rollup returns/ --roster roster.yaml --format md --lang cy,en',
      ]),
    )
    .action(lazy(async () => (await import('./commands/rollup.js')).runRollup));

  program
    .command('status')
    .argument('<files...>', 'assessments or returns, or folders of them')
    .description('what needs doing now: actions and reviews due or overdue, unsettled questions, sign-offs, returns not in')
    .option('--within <days>', 'how far ahead counts as due, e.g. 30d', '30d')
    .option('--roster <file>', 'the roster: lists the returns not in')
    .option('--fail-on <list>', 'exit 1 if found: overdue')
    .addOption(langOption())
    .addHelpText('after', examples(['dutykit status examples/schools --roster examples/schools/roster-2024-25.yaml', 'dutykit status assessments/ --within 60d --json', 'dutykit status returns/ --fail-on overdue']))
    .action(lazy(async () => (await import('./commands/status.js')).runStatus));

  program
    .command('assess')
    .argument('[file]', 'the assessment to start or resume (default: the latest unsigned one in assessments/, or a new dated file there)')
    .description('interactive walk-through; creates or resumes; autosaves each answer')
    .option('--from <file>', "last year's assessment: its answers offered as defaults, evidence and open actions carried forward")
    .addHelpText(
      'after',
      examples([
        'dutykit assess',
        'dutykit assess assessments/2025.yaml',
        'dutykit assess assessments/2026.yaml --from assessments/2025.yaml',
      ]) + '\nNeeds a terminal. Ctrl-C stops, keeps every confirmed answer and prints the command that resumes (exit 130).\n',
    )
    .action(lazy(async () => (await import('./commands/assess.js')).runAssess));

  return program;
}
