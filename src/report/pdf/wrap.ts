// Line breaking, pure: text and a width in, lines out. Lines break at spaces; a word wider
// than the line (a long URL, a file path) breaks between characters, never past the edge.

export type Measure = (s: string) => number;

// Made on first use: building a segmenter loads ICU data (~15 ms), and the long words most
// reports break (web addresses, file paths) are SIMPLE.
let graphemes: Intl.Segmenter | undefined;
/** Latin, Greek and Cyrillic letters, digits and punctuation: no character here joins its neighbours. */
const SIMPLE = /^[\u0020-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2010-\u2027\u2030-\u205e]*$/;

export function segments(word: string): Iterable<string> {
  if (SIMPLE.test(word)) return word;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(graphemes.segment(word), (g) => g.segment);
}

export function wrap(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of para.split(/ +/).filter(Boolean)) {
      const w = measure(word);
      if (!line && w <= width) {
        [line, used] = [word, w];
      } else if (line && used + space + w <= width) {
        line += ` ${word}`;
        used += space + w;
      } else if (w <= width) {
        lines.push(line);
        [line, used] = [word, w];
      } else {
        // Too wide for any line: start it here if a useful part fits, then break it.
        const room = line ? width - used - space : width;
        const pieces = breakWord(word, room >= width / 4 ? room : width, width, measure);
        if (line && room >= width / 4) pieces[0] = `${line} ${pieces[0]}`;
        else if (line) lines.push(line);
        lines.push(...pieces.slice(0, -1));
        line = pieces.at(-1)!;
        used = measure(line);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Split one over-long word into pieces: the first fits `first`, the rest `width`. */
function breakWord(word: string, first: number, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let [piece, used, limit] = ['', 0, first];
  // Summing per-grapheme widths keeps this linear; kerning inside a broken URL is noise.
  for (const segment of segments(word)) {
    const w = measure(segment);
    if (piece && used + w > limit) {
      pieces.push(piece);
      [piece, used, limit] = ['', 0, width];
    }
    piece += segment;
    used += w;
  }
  pieces.push(piece);
  return pieces;
}
