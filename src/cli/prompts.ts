// The one module that imports @inquirer/prompts. Prompts draw on stderr, so stdout stays
// for requested output only.
import { confirm as askConfirm, input as askInput, select as askSelect } from '@inquirer/prompts';
import { isIsoDate } from '../model/dates.js';

const context = () => ({ output: process.stderr });

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
}

export function select<T>(message: string, choices: Choice<T>[], opts: { default?: T; numbered?: boolean } = {}): Promise<T> {
  return askSelect<T>(
    {
      message,
      choices,
      default: opts.default,
      pageSize: Math.min(choices.length, 14),
      loop: false,
      theme: { indexMode: opts.numbered ? 'number' : 'hidden' },
    },
    context(),
  );
}

export interface InputOptions {
  /** Offered on the line, ready to edit, and kept by Enter. */
  current?: string;
  required?: boolean;
  validate?: (value: string) => true | string;
}

export async function input(message: string, opts: InputOptions = {}): Promise<string> {
  const value = await askInput(
    {
      message,
      default: opts.current || undefined,
      prefill: 'editable',
      validate: (v) => {
        if (opts.required && !v.trim()) return 'Please give an answer';
        return opts.validate ? opts.validate(v.trim()) : true;
      },
    },
    context(),
  );
  return value.trim();
}

export const dateInput = (message: string, current?: string, required = false) =>
  input(message, {
    current,
    required,
    validate: (v) => (v === '' || isIsoDate(v) ? true : 'Write the date as YYYY-MM-DD, e.g. 2025-03-31'),
  });

export function confirm(message: string, current: boolean): Promise<boolean> {
  return askConfirm({ message, default: current }, context());
}

/**
 * Several lines of text, one prompt per line, ended by an empty line (an external editor is
 * awkward in a shared terminal). Enter on the first line keeps `current`; `-` removes it.
 * `onLine` gets the text so far after every line, so that a line once confirmed is never lost.
 * Returns undefined to keep, null to remove, or the new text.
 */
export async function lines(message: string, current?: string, onLine?: (soFar: string) => void): Promise<string | null | undefined> {
  const got: string[] = [];
  for (;;) {
    const line = await askInput({ message: got.length ? `${message}, line ${got.length + 1} (empty line ends)` : message }, context());
    if (line.trim() === '') break;
    if (!got.length && line.trim() === '-') return current ? null : undefined;
    got.push(line.trimEnd());
    onLine?.(got.join('\n').trim());
  }
  return got.length ? got.join('\n').trim() : undefined;
}

/** The error a prompt rejects with on Ctrl-C (or when the terminal goes away). */
export const isExitPrompt = (e: unknown): boolean => e instanceof Error && e.name === 'ExitPromptError';
