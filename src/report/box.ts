// A boxed table for a terminal, measured as a terminal draws text: an emoji takes two
// columns, and otherwise each code point takes what wcwidth gives it, so that combining marks
// (Arabic vowel signs, a Devanagari virama) take none and East Asian wide characters two.
// (cli-table3 counts most combining marks as a column, which pushes its borders out.)

// Made on first use: a segmenter loads ICU data (~15 ms), and plain ASCII never needs one.
let graphemes: Intl.Segmenter | undefined;
const SGR = /\x1b\[[0-9;]*m/g;
// Conjoining Hangul vowels and finals (U+1160–U+11FF, U+D7B0–U+D7FF) join the leading
// consonant before them into one syllable two columns wide, as wcwidth has it.
const ZERO = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11ff\ud7b0-\ud7ff]/u;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const EMOJI = /\p{Regional_Indicator}|\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;

function columns(g: string): number {
  if (EMOJI.test(g)) return 2;
  let w = 0;
  for (const c of g) w += ZERO.test(c) ? 0 : WIDE.test(c) ? 2 : 1;
  return w;
}

const STARTS = /^[\p{L}\p{N}\p{P}\p{Zs}\p{Extended_Pictographic}]/u;
const JOINS = /[\u200d\p{M}]/u;

/** Where a piece may end: before a letter, digit, punctuation, space or emoji that nothing joins to. */
function boundary(s: string, i: number): boolean {
  const here = s.codePointAt(i)!;
  if (here >= 0xdc00 && here <= 0xdfff) return false; // inside a surrogate pair
  return STARTS.test(String.fromCodePoint(here)) && !JOINS.test(s[i - 1]!);
}

/**
 * The grapheme clusters of `s`. ICU's segmenter slows down sharply on a long run of text with
 * no space (a 100,000-letter word took seconds), so it is given pieces of a few hundred
 * characters, cut at a cluster boundary (or, in text with none for 4,000 characters, anywhere).
 */
function* clusters(s: string): Generator<string> {
  if (/^[\x20-\x7e]*$/.test(s)) {
    yield* s;
    return;
  }
  for (let start = 0; start < s.length; ) {
    let end = Math.min(s.length, start + 256);
    while (end < s.length && end - start < 4096 && !boundary(s, end)) end++;
    if (end < s.length && s.charCodeAt(end) >= 0xdc00 && s.charCodeAt(end) <= 0xdfff) end++;
    graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
    for (const { segment } of graphemes.segment(s.slice(start, end))) yield segment;
    start = end;
  }
}

/** Terminal columns taken by `s`; colour codes take none. */
export function displayWidth(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let w = 0;
  for (const g of clusters(s.replace(SGR, ''))) w += columns(g);
  return w;
}

/** Lines of at most `width` columns: broken at spaces, and inside a word only when it is wider than a line. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of para.split(/ +/)) {
      const w = displayWidth(word);
      if (used && used + 1 + w <= width) {
        line += ` ${word}`;
        used += 1 + w;
        continue;
      }
      if (used) out.push(line);
      [line, used] = ['', 0];
      if (w <= width) {
        [line, used] = [word, w];
        continue;
      }
      for (const g of clusters(word)) {
        const c = columns(g);
        if (used + c > width) {
          out.push(line);
          [line, used] = ['', 0];
        }
        line += g;
        used += c;
      }
    }
    out.push(line);
  }
  return out;
}

const rule = (widths: number[], [l, m, r]: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;

/**
 * A table with a border round every cell. `widths` are the text columns of each cell; `style`
 * may colour a cell's lines after wrapping, so that colour never spans a border.
 */
export function boxTable(head: string[], rows: string[][], widths: number[], style: (row: number, col: number, line: string) => string = (_r, _c, l) => l): string {
  const block = (cells: string[], r: number) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) =>
      `│${wrapped.map((w, i) => ` ${style(r, i, w[k] ?? '')}${' '.repeat(widths[i]! - displayWidth(w[k] ?? ''))} `).join('│')}│`,
    ).join('\n');
  };
  const mid = rule(widths, '├┼┤');
  return [rule(widths, '┌┬┐'), block(head, -1), ...rows.flatMap((row, r) => [mid, block(row, r)]), rule(widths, '└┴┘')].join('\n');
}

/** A column of a table made to fit a terminal. */
export interface Column {
  /** Narrower than this the column is not readable: the table is then wider than asked. */
  min: number;
  /** What its widest line needs; it never gets more. */
  natural: number;
  /** Its share of the spare width. Columns without one (short words) are widened first. */
  weight?: number;
}

/** The widest line among `cells`, as a column's natural width; very long text counts as 400. */
export function naturalWidth(cells: string[]): number {
  let w = 0;
  for (const cell of cells) for (const line of cell.split('\n')) w = Math.max(w, line.length > 400 ? 400 : displayWidth(line));
  return w;
}

/**
 * Text widths for a boxTable `width` columns wide in all, borders and padding included. Each
 * column starts at its minimum; spare width goes first to the columns without a weight, up to
 * their natural width, then to the others in proportion to their weights, up to theirs.
 */
export function fitColumns(width: number, cols: Column[]): number[] {
  const w = cols.map((c) => c.min);
  let spare = width - (3 * cols.length + 1) - w.reduce((a, b) => a + b, 0);
  cols.forEach((c, i) => {
    if (c.weight) return;
    const give = Math.max(0, Math.min(spare, c.natural - w[i]!));
    w[i]! += give;
    spare -= give;
  });
  while (spare > 0) {
    const open = cols.flatMap((c, i) => (c.weight && w[i]! < c.natural ? [i] : []));
    if (!open.length) break;
    const total = open.reduce((a, i) => a + cols[i]!.weight!, 0);
    let given = 0;
    for (const i of open) {
      const give = Math.min(cols[i]!.natural - w[i]!, Math.floor((spare * cols[i]!.weight!) / total));
      w[i]! += give;
      given += give;
    }
    // Too little left to share out: a column at a time.
    if (!given) [w[open[0]!], given] = [w[open[0]!]! + 1, 1];
    spare -= given;
  }
  return w;
}

/**
 * A line of text fitted to `width`, wrapped under its own indent (and list dash). A line that
 * starts at the margin goes on indented: a wrapped line carries text from files, and at the
 * margin it could pass for a line of its own ("ok …", "warning: …").
 */
export function fitLine(line: string, width: number): string {
  const lead = /^ *(?:[-*] )?/.exec(line)![0];
  const hang = ' '.repeat(Math.max(2, lead.length));
  return wrap(line.slice(lead.length), Math.max(20, width - hang.length))
    .map((l, i) => (i ? hang : lead) + l)
    .join('\n');
}
