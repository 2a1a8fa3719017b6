// A pass over the text before the YAML parser sees it, for what can be refused cheaply.
// The parser recurses once per level of nesting and runs out of stack somewhere past 800
// levels (less when called deep in a stack), so nesting is refused at four times the limit.

/**
 * What a cheap pass over the text can refuse before the parser sees it: nesting far past the
 * limit, or more lines and items than any assessment has (the parser takes seconds and a
 * gigabyte over a million). The nesting bound adds the block levels open by indentation, the
 * block indicators (`- `, `? `, `: `) on the line and the open flow brackets, skipping quotes
 * and comments; the exact depth is checked on the parsed tree.
 */
export function prescan(text: string, limits: { depth: number; items: number }): { offset: number; message: string } | undefined {
  const guard = 4 * limits.depth;
  const open: number[] = [];
  let flow = 0;
  let quote = '';
  let run = 0;
  let items = 0;
  /** A block line at `start` opens a level; lines indented as far or less close theirs. */
  const line = (start: number) => {
    let j = start;
    while (text[j] === ' ') j++;
    if (flow > 0 || j >= text.length || '\r\n#'.includes(text[j]!)) return;
    while (open.length && open[open.length - 1]! >= j - start) open.pop();
    open.push(j - start);
  };
  line(0);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      else if (c === '\n' && flow === 0) quote = '';
      if (quote || c !== '\n') continue;
    }
    if (c === '\n' || (c === ',' && flow > 0) || c === '[' || c === '{' || ('-?:'.includes(c) && /\s/.test(text[i + 1] ?? ' '))) items++;
    if (items > limits.items) {
      return { offset: i, message: `more than ${limits.items.toLocaleString('en-GB')} lines and entries; an assessment has a few thousand` };
    }
    if (c === '\n') {
      run = 0;
      line(i + 1);
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '"' || (c === "'" && flow > 0)) quote = c;
    else if (c === '[' || c === '{') flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    else if ((c === '-' || c === '?' || c === ':') && /\s/.test(text[i + 1] ?? ' ')) run++;
    if (open.length + run + flow > guard) return { offset: i, message: `nested more than ${limits.depth} levels deep` };
  }
  return undefined;
}
