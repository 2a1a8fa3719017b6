// Framework text in Markdown, escaped exactly as assessment text is: rendered by a real
// CommonMark/GFM renderer (markdown-it, HTML on), a hostile rating label or title makes no
// HTML element and no extra table cell.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { tryOpen } from '../src/cli/open.js';
import { diffAssessments } from '../src/diff/diff.js';
import { trend } from '../src/diff/trend.js';
import type { RatedSide } from '../src/diff/types.js';
import { renderDiffMarkdown, renderTrendMarkdown } from '../src/report/diff-markdown.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReport } from '../src/report/model.js';
import { hostileWorld } from './helpers/hostile-fixture.js';

const md = new MarkdownIt({ html: true });
const w = hostileWorld();

function side(file: string): RatedSide {
  const r = tryOpen(file);
  expect(r.problems).toBeUndefined();
  return { ...r.opened!, file };
}
const [old, now] = [side(w.old), side(w.now)];

/** HTML elements in rendered output that no Markdown of ours makes. */
function foreignElements(html: string): string[] {
  const ours = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'br', 'ul', 'li', 'blockquote', 'hr', 'details', 'summary']);
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase()).filter((t) => !ours.has(t));
}

/** Each table's rows, and the number of cells in each. */
function tableShapes(html: string): { head: number; rows: number[] }[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, t]) => {
    const rows = [...t!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, r]) => (r!.match(/<t[hd][ >]/g) ?? []).length);
    return { head: rows[0]!, rows: rows.slice(1) };
  });
}

const RENDERS: [string, () => string][] = [
  ['report (board)', () => renderMarkdown(buildReport(now.framework, now.assessment, now.ratings, { audience: 'board' }))],
  ['report with changes', () => renderMarkdown(buildReport(now.framework, now.assessment, now.ratings, { audience: 'board', previous: old }))],
  ['report (public)', () => renderMarkdown(buildReport(now.framework, now.assessment, now.ratings, { audience: 'public', previous: old }))],
  ['diff', () => renderDiffMarkdown(diffAssessments(old, now))],
  ['trend', () => renderTrendMarkdown(trend([old, now]))],
];

describe.each(RENDERS)('%s from a hostile framework', (_name, render) => {
  const text = render();
  const html = md.render(text);

  it('has no HTML element of the text’s own', () => {
    expect(foreignElements(html)).toEqual([]);
    expect(html).not.toMatch(/<img|<script/i);
  });

  it('has no extra table cell: every row as wide as its head', () => {
    const shapes = tableShapes(html);
    expect(shapes.length).toBeGreaterThan(0);
    for (const s of shapes) for (const n of s.rows) expect(n).toBe(s.head);
  });

  it('shows the label as text', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; | x');
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });
});
