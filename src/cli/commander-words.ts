// commander's own errors (an unknown option, a missing argument) in the language of --lang.
// commander words them in English and has no catalogue, so its messages are read back into
// catalogue entries (`commander.*`): the patterns are those of commander 14, pinned in
// package.json, and a message that matches none is left in English (test/commands-lang).
// Loaded only when a command is asked for in another language than English.
import { DEFAULT_LANG, firstLang, messages, type MessageKey, type Messages, type Params } from '../i18n/catalogue.js';

const PATTERNS: [RegExp, MessageKey, (m: RegExpExecArray) => Params][] = [
  [/^error: unknown option '(.*)'(?:\n\(Did you mean (.*)\?\))?$/s, 'commander.unknownOption', (m) => ({ option: m[1]!, hint: m[2] ? 'yes' : 'no', near: m[2] ?? '' })],
  [/^error: unknown command '(.*)'(?:\n\(Did you mean (.*)\?\))?$/s, 'commander.unknownCommand', (m) => ({ command: m[1]!, hint: m[2] ? 'yes' : 'no', near: m[2] ?? '' })],
  [/^error: missing required argument '(.*)'$/s, 'commander.missingArgument', (m) => ({ name: m[1]! })],
  [/^error: option '(.*)' argument missing$/s, 'commander.optionMissingArgument', (m) => ({ option: m[1]! })],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s, 'commander.tooManyArguments', (m) => ({ command: m[1] ?? 'dutykit', expected: Number(m[2]), got: Number(m[3]) })],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, 'commander.invalidChoice', (m) => ({ option: m[1]!, value: m[2]!, choices: m[3]! })],
];

/** One of commander's messages (with its line break) in the language of `l`, when it is one we know. */
export function commanderWords(text: string, l: Messages): string {
  const english = text.replace(/\n$/, '');
  for (const [pattern, key, params] of PATTERNS) {
    const m = pattern.exec(english);
    if (m) return `${l.t(key, params(m))}\n`;
  }
  return text;
}

/**
 * The language the command line asks for: the first known language of the last `--lang`
 * (commander takes the last), or of an earlier one when that names none (`--lang cy --lang
 * xx`, `--lang xx,cy`), so that the refusal of the bad one is said in the language the
 * reader asked for. Undefined for English.
 */
export function askedLang(argv: readonly string[]): Messages | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    const known = firstLang(value);
    if (known) return known === DEFAULT_LANG ? undefined : messages(known);
  }
  return undefined;
}
