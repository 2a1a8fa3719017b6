import { describe, expect, it } from 'vitest';
import { tryOpen } from '../src/cli/open.js';
import { rateAssessment } from '../src/rating/rate.js';
import { buildReport, type Audience } from '../src/report/model.js';
import { cell, inline, renderMarkdown } from '../src/report/markdown.js';
import { entry, framework, makeAssessment } from './helpers.js';

const fw = framework();
const markdownOf = (file: string, audience: Audience = 'board') => {
  const { opened } = tryOpen(file);
  return renderMarkdown(buildReport(opened!.framework, opened!.assessment, opened!.ratings, { audience }));
};

/** Cells of a GFM table row, split on pipes that are not escaped. */
const cells = (row: string) => row.replace(/^\| | \|$/g, '').split(/(?<!\\)\|/);

describe('Markdown report', () => {
  it('matches the reviewed snapshot of the fully answered example', async () => {
    await expect(markdownOf('examples/northbridge-2025.yaml')).toMatchFileSnapshot('__snapshots__/northbridge-2025.md');
  });

  it('matches the reviewed snapshot of the agreed-ratings-only example', async () => {
    await expect(markdownOf('examples/northbridge-2024.yaml')).toMatchFileSnapshot('__snapshots__/northbridge-2024.md');
  });

  it('the public version leaves out evidence, notes, rationale, names and owners but keeps ratings and actions', () => {
    const board = markdownOf('examples/northbridge-2025.yaml');
    const pub = markdownOf('examples/northbridge-2025.yaml', 'public');
    const { opened } = tryOpen('examples/northbridge-2025.yaml');
    const a = opened!.assessment;
    const secret = [
      ...a.assessors.map((p) => p.name),
      ...a.sign_off.map((s) => s.name),
      ...Object.values(a.benchmarks).flatMap((b) => [b.notes, b.rationale, ...b.actions.map((x) => x.owner), ...Object.values(b.answers).map((x) => x.evidence)]),
    ].filter((s): s is string => !!s);
    expect(secret.length).toBeGreaterThan(60);
    for (const s of secret) {
      const line = inline(s.split('\n')[0]!);
      expect(board).toContain(line);
      expect(pub).not.toContain(line);
    }
    expect(pub).toContain('Public version');
    expect(board).toContain('OFFICIAL-SENSITIVE');
    expect(pub).not.toContain('OFFICIAL-SENSITIVE'); // published as OFFICIAL once redacted
    expect(pub).toContain('**Red**');
    expect(pub).toContain(inline(a.benchmarks['venue-hire']!.actions[0]!.action));
  });
});

describe('escaping user text', () => {
  const hostile = 'a | b <script>alert(1)</script>\n# heading\n- list *bold* [x](javascript:alert(1)) `code` \x1b[31mred\x1b[0m';

  it('a pipe, a tag, a newline or an ANSI escape in evidence cannot break a table', () => {
    const b = fw.benchmarks.find((x) => x.id === 'venue-hire')!;
    const e = entry(fw, 'venue-hire', 'MMMMMM');
    for (const a of Object.values(e.answers)) a.evidence = hostile;
    e.actions = [{ action: hostile, owner: 'x|y', status: 'open' }];
    const a = makeAssessment(fw, { authority: 'A | B <b>', benchmarks: { [b.id]: e } });
    const md = renderMarkdown(buildReport(fw, a, rateAssessment(fw, a), { audience: 'board' }));
    expect(md).not.toMatch(/(?<!\\)<(?!br>)|\x1b/); // every < is escaped but our own <br>
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\| --- /.test(lines[i]!)) continue;
      const width = cells(lines[i]!).length;
      for (let j = i - 1; lines[j]?.startsWith('|'); j += j === i - 1 ? 2 : 1) expect(cells(lines[j]!).length, lines[j]).toBe(width);
    }
    expect(lines.filter((l) => l.startsWith('# '))).toHaveLength(1);
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['<img src=x>', '\\<img src=x\\>'],
    ['line one\nline two', 'line one<br>line two'],
    ['*not bold*', '\\*not bold\\*'],
    ['A&E', 'A\\&E'],
    ['', '—'],
  ])('cell(%j) is %j', (input, output) => {
    expect(cell(input)).toBe(output);
  });
});
