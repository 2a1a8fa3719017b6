// The one error vocabulary. The CLI maps each class to an exit code (spec §8);
// anything else that escapes is a bug.
import type { MessageKey, Messages, Params } from './i18n/catalogue.js';
import { visible, visibleValues } from './outside.js';

/** One problem in an input file, reported as `file:line:col: path: message`. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  /** Only on the last line of a capped list ("and 200 more problems not shown"): how many it stands for. */
  more?: number;
  /**
   * The message as a catalogue entry, for the terminal in the language asked (`message` is its
   * English); `paramsIn`, where a value is the framework's words (a kind's label): the params in each language.
   */
  says?: { key: MessageKey; params: Params; paramsIn?: Record<string, Params> };
}

/** How many problems a list stands for: its own, and those a last line counts. */
export function problemCount(problems: readonly Problem[]): number {
  return problems.reduce((n, p) => n + (p.more ?? 1), 0);
}

export function formatProblem(p: Problem): string {
  // A file name is shown exactly as it is, a newline or an escape in it made visible.
  const where = `${visible(p.file)}:${p.line}:${p.col}`;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** The same, worded in the language of `m` where the catalogue has the message. */
export function formatProblemIn(p: Problem, m: Messages | undefined): string {
  // The values in a problem's words are the file's: made visible, as its English message is.
  return formatProblem(p.says && m ? { ...p, message: m.t(p.says.key, visibleValues(p.says.paramsIn?.[m.lang] ?? p.says.params)) } : p);
}

/** The message in another language, from the catalogue: said when the command's --lang was read. */
export type InLang = (m: Messages) => string;

/** An error main.ts says in the language of the command's --lang, where `inLang` words it. */
class Worded extends Error {
  constructor(
    message?: string,
    readonly inLang?: InLang,
  ) {
    super(message);
  }
}

/** Wrong command line: exit 2. */
export class UsageError extends Worded {
  override name = 'UsageError';
}

/** A file could not be written (no space, no permission, a file where a folder should be): exit 2. */
export class CannotWrite extends UsageError {
  override name = 'CannotWrite';
  constructor(file: string, cause: unknown, words?: { message: string; inLang: InLang }) {
    // The writers' refusals come worded from the catalogue (atomic-write.ts), in any language.
    super(words?.message ?? `cannot write ${file}: ${whyNotWritten(cause)}; nothing was changed`, words?.inLang);
  }
}

/** Why a write failed, in the reader's words where the system's code is a common one. */
export function whyNotWritten(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the folder is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EEXIST: 'a file is in the way of a folder on the path',
    ENOTDIR: 'a file is in the way of a folder on the path',
    EISDIR: 'it is a folder',
    ENOTFILE: 'it is not an ordinary file (a device, a pipe or a socket)',
    ENOENT: 'a folder on the path does not exist and cannot be made there',
  };
  return (code && why[code]) ?? (cause as Error)?.message ?? String(cause);
}

/** Bad input files: exit 2 (1 for `validate`). Carries every problem found. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** A check ran and failed (`validate`, `diff --fail-on`): exit 1. */
export class CheckFailed extends Worded {
  override name = 'CheckFailed';
}

/** The user stopped the program; progress is saved: exit 130, or 128 + the signal that stopped it. */
export class Cancelled extends Error {
  override name = 'Cancelled';
  constructor(
    message?: string,
    readonly exitCode = 130,
  ) {
    super(message);
  }
}

/** dutykit's own files are missing (a build that did not finish): exit 70, with what to do. */
export class NotBuilt extends Error {
  override name = 'NotBuilt';
  constructor(missing: string) {
    super(`not built completely (${missing} is missing); run \`npm install\` (or \`npm run build\`) in the dutykit folder`);
  }
}
