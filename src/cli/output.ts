// Colour and terminal decisions, made once.
import type { Paint } from '../report/terminal.js';
import { jsonText, type Term } from '../outside.js';
import { displayWidth, fitLine } from '../report/box.js';

export interface GlobalOptions {
  framework?: string;
  json?: boolean;
  color?: boolean;
  input?: boolean;
}

/**
 * How wide tables and text may be: the terminal's width; when stdout is not a terminal (a pipe,
 * a file, CI), COLUMNS if it is set, else 120. Never under 40: narrower than that no table reads.
 */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  const columns = stream.isTTY ? stream.columns : Number(process.env.COLUMNS);
  return Math.max(40, Number.isInteger(columns) && columns > 0 ? columns : 120);
}

export function useColour(opts: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (opts.json || opts.color === false) return false;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export async function painter(on: boolean, colours: Record<string, string>): Promise<Paint> {
  if (!on) return (_id, text) => text;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 2 });
  return (id, text) => (colours[id] ? chalk.bold.hex(colours[id]!)(text) : chalk.dim(text));
}

// The only writers to the terminal. They take a `Term` (src/outside.ts), never a bare string:
// text from outside has been through `plain`, `exact` or `term` before it gets here.
export function out(text: Term): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Lines of dutykit's own on stdout (validate's, status's, merge's), fitted to a terminal. */
export function outLines(text: Term): void {
  out(fitted(text, process.stdout));
}

/** Warnings and errors, fitted to a terminal. */
export function err(text: Term): void {
  const t = fitted(text, process.stderr);
  process.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
}

/**
 * On a terminal, a line wider than it goes on indented (fitLine), as the terminal would have
 * wrapped it but never at the margin: text from a file (a name padded with spaces, a long
 * one) wrapped there could start a row that passes for a line of ours ("warning: …", "ok …").
 * Not for a pipe or a file, whose readers take each line whole; nor for coloured text.
 */
function fitted(text: Term, stream: NodeJS.WriteStream): Term {
  if (!stream.isTTY || text.includes('\x1b')) return text;
  const width = terminalWidth(stream);
  return text
    .split('\n')
    .map((l) => (displayWidth(l) > width ? fitLine(l, width) : l))
    .join('\n') as Term;
}

/** JSON on stdout: exact values, no control character raw (see `jsonText`). */
export function outJson(value: unknown, indent = 2): void {
  out(jsonText(value, indent));
}

/** Bytes for a pipe or a file (a PDF on stdout); the caller has made sure it is not a terminal. */
export function outBytes(bytes: Uint8Array): void {
  process.stdout.write(bytes);
}
