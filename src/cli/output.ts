// Colour and terminal decisions, made once.
export interface GlobalOptions {
  framework?: string;
  json?: boolean;
  color?: boolean;
  input?: boolean;
}

export function useColour(opts: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (opts.json || opts.color === false) return false;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

import type { Paint } from '../report/terminal.js';

export type { Paint };

export async function painter(on: boolean, colours: Record<string, string>): Promise<Paint> {
  if (!on) return (_id, text) => text;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 2 });
  return (id, text) => (colours[id] ? chalk.bold.hex(colours[id]!)(text) : chalk.dim(text));
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
