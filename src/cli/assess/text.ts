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

const HIDDEN = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u061c\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/g;

/** A file name as a shell would need it typed. */
export function shellQuote(s: string): string {
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  // A control character is written \uHHHH inside $'…', which bash and zsh read back to the
  // same name and the terminal shows as text.
  if (s.search(HIDDEN) >= 0) return `$'${s.replace(/[\\']/g, '\\$&').replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
