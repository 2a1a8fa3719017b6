import { basename, relative } from 'node:path';

// Wrapping text for the walk-through: two spaces in, at most `width` wide.
export function indent(text: string, width: number, pad = '  '): string {
  const max = Math.max(40, Math.min(width, 100) - pad.length);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > max) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(pad + line);
  }
  return out.join('\n');
}

/** A file name as a shell would need it typed. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * dutykit as the user ran it, for every hint and the resume line (one rule): `dutykit` once
 * linked or installed, else `node <path to bin/dutykit.js>` from here.
 */
export function dutykitCommand(): string {
  const script = process.argv[1] ?? '';
  return basename(script) === 'dutykit.js' ? `node ${shellQuote(relative(process.cwd(), script) || script)}` : 'dutykit';
}
