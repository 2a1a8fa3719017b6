// The pure parts of the PDF renderer: line breaking, printable text, colour contrast.
import { describe, expect, it } from 'vitest';
import { contrast, textOn } from '../src/report/pdf/colour.js';
import { printable } from '../src/report/pdf/fonts.js';
import { wrap } from '../src/report/pdf/wrap.js';

// One unit per character: widths are easy to reason about.
const mono = (s: string) => [...s].length;

describe('wrap', () => {
  it.each([
    ['fits on one line', 'one two three', 20, ['one two three']],
    ['breaks at spaces', 'one two three', 8, ['one two', 'three']],
    ['keeps line breaks and blank lines', 'a\n\nb', 10, ['a', '', 'b']],
    ['collapses runs of spaces', 'a    b', 10, ['a b']],
    ['breaks a word longer than a line', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['starts a long word on the current line when a useful part fits', 'Links: abcdefghijklmnop', 12, ['Links: abcde', 'fghijklmnop']],
    ['moves a long word to a new line when little of it would fit', 'Links: abcdefghijklmnopqrstuvwxyz', 26, ['Links:', 'abcdefghijklmnopqrstuvwxyz']],
    ['never splits a letter from its accent', 'we\u0302we\u0302we\u0302', 2, ['we\u0302', 'we\u0302', 'we\u0302']],
  ])('%s', (_name, text, width, lines) => {
    expect(wrap(text, width, (s) => [...new Intl.Segmenter().segment(s)].length)).toEqual(lines);
  });

  it('never returns a line wider than asked', () => {
    const text = 'https://intranet.example.gov.uk/a-very-long-path/that-has-no-spaces-at-all and words after it';
    for (const w of [5, 10, 17, 40]) for (const line of wrap(text, w, mono)) expect(mono(line)).toBeLessThanOrEqual(w);
  });
});

describe('printable', () => {
  const font = { hasGlyphForCodePoint: (cp: number) => cp < 0x3000 && cp !== 0x0302 };
  it.each([
    ['composes Welsh letters typed with combining accents', 'Lly\u0302n Gw\u0302yr', 'Llŷn Gŵyr'],
    ['writes a letter the font lacks as its code point', 'Tokyo 東京', 'Tokyo [U+6771][U+4EAC]'],
    ['drops invisible format characters', 'Ynys\u200b Môn\u00ad', 'Ynys Môn'],
  ])('%s', (_name, input, out) => {
    expect(printable(input, font, new Map())).toBe(out);
  });
});

describe('text on rating colours', () => {
  it.each([
    ['#F2A900', '#000000'],
    ['#C0281E', '#FFFFFF'],
    ['#1E7B34', '#FFFFFF'],
    ['#D9D9D9', '#000000'],
  ])('%s takes %s, at 4.5:1 or better', (fill, text) => {
    expect(textOn(fill)).toBe(text);
    expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
  });

  it('picks the better of black and white for any fill', () => {
    for (let v = 0; v < 256; v += 5) {
      const hex = `#${v.toString(16).padStart(2, '0').repeat(3)}`;
      expect(contrast(hex, textOn(hex))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
