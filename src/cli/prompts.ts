// The one module that imports @inquirer/prompts. Prompts draw on stderr, so stdout stays
// for requested output only.
import { confirm as askConfirm, select as askSelect } from '@inquirer/prompts';
import { isIsoDate } from '../model/assessment-schema.js';
import { textPrompt } from './text-prompt.js';
import { withColour } from '../outside.js';

// Stopping by a signal (the terminal closed, SIGTERM) rejects the prompt on screen and every
// later one, as Ctrl-C does, so that the caller saves and says how to resume.
let stopping = new AbortController();
const context = () => ({ output: process.stderr, signal: stopping.signal });

/** Stop the prompt on screen, and any that follows until `resumePrompts`. */
export function stopPrompts(): void {
  stopping.abort();
}

export function resumePrompts(): void {
  if (stopping.signal.aborted) stopping = new AbortController();
}

// Without colour (--no-color, NO_COLOR, not a terminal) the prompts draw no styles at all:
// inquirer's own themes decide colour from stdout alone, and prompts draw on stderr.
let colour = true;
const same = (text: string) => text;
const PLAIN = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: same,
    message: same,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: same,
    highlight: same,
    key: (text: string) => `<${text}>`,
    disabled: same,
    description: same,
    confirmDefault: same,
    keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
  },
};
const plain = () => (colour ? undefined : PLAIN);

/** Draw the prompts in colour or not, as decided once for the command. */
export function promptColour(on: boolean): void {
  colour = on;
}

// Prompts show framework and assessment text (titles, labels, names, defaults): each message,
// choice and default passes through the seam (src/outside.ts) here, whoever calls.
const shown = (s: string) => withColour(s) as string;
const safeChoices = <T>(choices: Choice<T>[]) =>
  choices.map((c) => ({ ...c, name: shown(c.name), ...(c.description !== undefined && { description: shown(c.description) }) }));

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
}

export function select<T>(message: string, choices: Choice<T>[], opts: { default?: T; numbered?: boolean } = {}): Promise<T> {
  return askSelect<T>(
    {
      message: shown(message),
      choices: safeChoices(choices),
      default: opts.default,
      pageSize: Math.min(choices.length, 14),
      loop: false,
      theme: { ...plain(), indexMode: opts.numbered ? 'number' : 'hidden' },
    },
    context(),
  );
}

export interface InputOptions {
  /** Offered on the line, ready to edit, and kept by Enter. */
  current?: string;
  required?: boolean;
  validate?: (value: string) => true | string;
  /** Keep the line breaks of pasted text (else its lines are joined with spaces). */
  multiline?: boolean;
}

/** One answer, typed or pasted; every pasted line is kept, in order (see text-prompt.ts). */
export async function input(message: string, opts: InputOptions = {}): Promise<string> {
  const value = await textPrompt(
    {
      message: shown(message),
      // text-prompt.ts shows a control character in it as \u202e and keeps the value exactly.
      current: opts.current || undefined,
      multiline: opts.multiline,
      theme: plain(),
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
  return askConfirm({ message: shown(message), default: current, theme: plain() }, context());
}

/**
 * Several lines of text, one prompt per line, ended by an empty line (an external editor is
 * awkward in a shared terminal). Enter on the first line keeps what is recorded; `-` removes it.
 * `onLine` gets the text so far after every line, so that a line once confirmed is never lost.
 * Returns undefined to keep, null to remove, or the new text.
 */
export async function lines(message: string, onLine?: (soFar: string) => void, before = 0): Promise<string | null | undefined> {
  const got: string[] = [];
  for (;;) {
    // `before`: lines already recorded that these carry on from, counted in the line numbers.
    const label = before + got.length ? `${message}, line ${before + got.length + 1} (empty line ends)` : message;
    // A paste of several lines comes back as one answer, blank lines and all.
    const line = await textPrompt({ message: shown(label), multiline: true, theme: plain() }, context());
    if (line.trim() === '') break;
    if (!got.length && line.trim() === '-') return null;
    got.push(line.replace(/[ \t]+$/gm, ''));
    onLine?.(got.join('\n').trim());
  }
  return got.length ? got.join('\n').trim() : undefined;
}

/** The error a prompt rejects with on Ctrl-C (or when the terminal goes away). */
export const isExitPrompt = (e: unknown): boolean => e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
