// A pass over the text before the YAML parser sees it, for what can be refused cheaply.
// The parser recurses once per level of nesting and runs out of stack somewhere past 800
// levels (less when called deep in a stack), so nesting is refused at four times the limit.
import { said, type Said } from './said.js';

/**
 * What a cheap pass over the text can refuse before the parser sees it: nesting far past the
 * limit, or more lines and items than any assessment has (the parser takes seconds and a
 * gigabyte over a million). The nesting bound adds the block levels open by indentation, the
 * block indicators (`- `, `? `, `: `) on the line and the open flow brackets, skipping quotes
 * and comments; the exact depth is checked on the parsed tree.
 */
export function prescan(text: string, limits: { depth: number; items: number; typical?: 'assessment' | 'roster' }): { offset: number; message: Said } | undefined {
  const guard = 4 * limits.depth;
  const open: number[] = [];
  let flow = 0;
  let quote = 0;
  let run = 0;
  let items = 0;
  /** A block line at `start` opens a level; lines indented as far or less close theirs. */
  const line = (start: number) => {
    let j = start;
    while (text.charCodeAt(j) === SPACE) j++;
    const c = text.charCodeAt(j);
    if (flow > 0 || j >= text.length || c === CR || c === LF || c === HASH) return;
    while (open.length && open[open.length - 1]! >= j - start) open.pop();
    open.push(j - start);
  };
  line(0);
  for (let i = 0; i < text.length; i++) {
    // Straight to the next character that can change anything: a thousand files are read
    // for a trend, and most characters are letters and spaces.
    const next = quote === DQUOTE ? IN_DOUBLE : quote === SQUOTE ? IN_SINGLE : PLAIN;
    next.lastIndex = i;
    if (!next.test(text)) break;
    i = next.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === BACKSLASH && quote === DQUOTE) i++;
      else if (c === LF && flow === 0) quote = 0;
      if (quote || c !== LF) continue;
    }
    const indicator = (c === DASH || c === QUESTION || c === COLON) && spaceAt(text, i + 1);
    if (c === LF || (c === COMMA && flow > 0) || c === LBRACKET || c === LBRACE || indicator) items++;
    if (items > limits.items) {
      return { offset: i, message: said('problem.tooManyItems', { items: limits.items.toLocaleString('en-GB'), typical: limits.typical ?? 'assessment' }) };
    }
    if (c === LF) {
      run = 0;
      line(i + 1);
      continue;
    }
    if (c === HASH && (i === 0 || spaceAt(text, i - 1))) {
      const end = text.indexOf('\n', i + 1);
      i = (end < 0 ? text.length : end) - 1;
    } else if (c === DQUOTE || (c === SQUOTE && flow > 0)) quote = c;
    else if (c === LBRACKET || c === LBRACE) flow++;
    else if ((c === RBRACKET || c === RBRACE) && flow > 0) flow--;
    else if (indicator) run++;
    if (open.length + run + flow > guard) return { offset: i, message: said('problem.nestedDeep', { depth: limits.depth }) };
  }
  return undefined;
}

const [SPACE, LF, CR, HASH, BACKSLASH, DQUOTE, SQUOTE] = [32, 10, 13, 35, 92, 34, 39];
/** The characters the pass acts on: outside quotes, inside double quotes, inside single ones. */
const PLAIN = /[\n#"'[\]{},:?-]/g;
const IN_DOUBLE = /["\\\n]/g;
const IN_SINGLE = /['\n]/g;
const [DASH, QUESTION, COLON, COMMA, LBRACKET, RBRACKET, LBRACE, RBRACE] = [45, 63, 58, 44, 91, 93, 123, 125];

/** Whether the character at i is white space as `/\s/` has it; past the end counts as space. */
function spaceAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c === SPACE || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(text[i]!);
}
