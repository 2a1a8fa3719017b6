// The roll-up's blocks as terminal text and as Markdown. Outside text (names, titles,
// actions) is cleaned for the terminal and escaped for Markdown here, at the edge.
import { boxTable, fitColumns, fitLine, naturalWidth } from '../report/box.js';
import { cell, inline } from '../report/markdown.js';
import { clean, ours, plainLine, type Term } from '../outside.js';
import type { Block } from './blocks.js';

export function renderRollupText(blocks: Block[], width: number): Term {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const text = plainLine(b.text);
      out.push('', text, (b.level === 1 ? '═' : b.level === 2 ? '━' : '─').repeat(Math.min(width, text.length)));
    } else if (b.kind === 'para') out.push(fitLine(plainLine(b.text), width));
    else {
      const rows = b.rows.map((r) => r.map(clean));
      const head = b.head.map(clean);
      // Names and titles share the width; numbers and short words take what they need.
      const cols = head.map((h, c) => {
        const natural = naturalWidth([h, ...rows.map((r) => r[c]!)]);
        return natural > 14 ? { min: 10, natural, weight: 1 } : { min: Math.min(natural, 6), natural };
      });
      out.push(boxTable(head, rows, fitColumns(width, cols)));
    }
  }
  return ours(`${out.join('\n').replace(/^\n/, '')}\n`);
}

export function renderRollupMarkdown(blocks: Block[]): Term {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level)} ${inline(b.text)}`, '');
    else if (b.kind === 'para') out.push(inline(b.text), '');
    else {
      const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
      out.push(line(b.head.map(cell)), line(b.head.map(() => '---')), ...b.rows.map((r) => line(r.map(cell))), '');
    }
  }
  return ours(out.join('\n'));
}
