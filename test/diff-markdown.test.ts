import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAssessments } from '../src/diff/diff.js';
import { trend } from '../src/diff/trend.js';
import type { RatedSide } from '../src/diff/types.js';
import { loadAssessment } from '../src/model/load-assessment.js';
import { rateAssessment } from '../src/rating/rate.js';
import { renderDiffMarkdown, renderTrendMarkdown } from '../src/report/diff-markdown.js';
import { renderDiffText } from '../src/report/diff-terminal.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReport } from '../src/report/model.js';
import { all, framework, ROOT, side } from './diff-helpers.js';

function open(file: string): RatedSide {
  const l = loadAssessment(join(ROOT, file), join(ROOT, 'benchmarks'));
  if (!l.value) throw new Error(JSON.stringify(l.problems));
  return { ...l.value, ratings: rateAssessment(l.value.framework, l.value.assessment) };
}

const fixtureOld = open('test/fixtures/diff/2024.yaml');
const fixtureNew = open('test/fixtures/diff/2025.yaml');
const [ex24, ex25, ex26] = ['examples/northbridge-2024.yaml', 'examples/northbridge-2025.yaml', 'examples/northbridge-2026.yaml'].map(open) as [RatedSide, RatedSide, RatedSide];
const noColour = (_id: string, text: string) => text;

describe('diff as Markdown', () => {
  it('one framework: Training declines, two others improve', async () => {
    await expect(renderDiffMarkdown(diffAssessments(fixtureOld, fixtureNew))).toMatchFileSnapshot('__snapshots__/diff-fixture.md');
  });

  it('2018 framework to 2024: mapped, merged and unmapped rows', async () => {
    await expect(renderDiffMarkdown(diffAssessments(ex25, ex26))).toMatchFileSnapshot('__snapshots__/diff-2018-to-2024.md');
  });

  it('identical files: says there is no change', () => {
    expect(renderDiffMarkdown(diffAssessments(fixtureNew, fixtureNew))).toContain('No changes: every benchmark has the same rating and the same answers.');
  });

  it('escapes user text: no table can break and no tag gets through', () => {
    const fw = framework('home-office-2018');
    const old = side(fw, { authority: 'Ynys Môn | <script>alert(1)</script>', period: '2023/24 *draft*' });
    const now = side(fw, {
      authority: 'Ynys Môn | <script>alert(1)</script>',
      benchmarks: { 'venue-hire': { ...all(fw, 'venue-hire', 'met'), rating: 'amber', rationale: 'Line one | two\n# not a heading <img src=x>' } },
    });
    const md = renderDiffMarkdown(diffAssessments(old, now));
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).toContain('Ynys Môn \\| \\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('**2023/24 \\*draft\\***');
    expect(md).toContain('  - Rationale: Line one \\| two \\# not a heading \\<img src=x\\>');
  });
});

describe('diff as text, colour off', () => {
  it('fixture table at 120 columns', async () => {
    await expect(renderDiffText(diffAssessments(fixtureOld, fixtureNew), noColour, 120)).toMatchFileSnapshot('__snapshots__/diff-fixture.txt');
  });
});

describe('trend as Markdown', () => {
  it('three years across the change of framework', async () => {
    await expect(renderTrendMarkdown(trend([ex26, ex24, ex25]))).toMatchFileSnapshot('__snapshots__/diff-trend.md');
  });
});

describe('report --previous', () => {
  const section = (md: string) => md.slice(md.indexOf('## Changes since'), md.indexOf('\n## 1. '));

  it('adds a "Changes since" section built from the diff core', async () => {
    const m = buildReport(fixtureNew.framework, fixtureNew.assessment, fixtureNew.ratings, { audience: 'board', previous: fixtureOld });
    expect(m.benchmarks.find((b) => b.id === 'training-programme')?.change).toEqual({ from: 'green', fromLabel: 'Green', direction: 'declined' });
    await expect(section(renderMarkdown(m))).toMatchFileSnapshot('__snapshots__/diff-report-changes.md');
  });

  it('leaves the rationale out of the public version', () => {
    const board = buildReport(fixtureNew.framework, fixtureNew.assessment, fixtureNew.ratings, { audience: 'board', previous: fixtureOld });
    const pub = buildReport(fixtureNew.framework, fixtureNew.assessment, fixtureNew.ratings, { audience: 'public', previous: fixtureOld });
    expect(JSON.stringify(board.changes)).toContain('Terms of reference <b>not yet</b> agreed');
    expect(JSON.stringify(pub.changes)).not.toContain('Terms of reference');
  });

  it('maps across frameworks: a merge shows each old rating', () => {
    const m = buildReport(ex26.framework, ex26.assessment, ex26.ratings, { audience: 'board', previous: ex25 });
    expect(m.benchmarks.map((b) => b.change && `${b.change.fromLabel} ${b.change.direction}`)).toEqual([
      'Green unchanged',
      'Green unchanged',
      'Green declined',
      'Green unchanged',
      'Amber improved',
      'Amber improved',
      'Red improved',
      'Green / Amber improved',
    ]);
    expect(m.changes?.at(-1)).toMatchObject({ benchmark: 'PREVENT Problem Solving Process (old benchmark 6)', direction: 'no longer rated', likeForLike: false });
  });
});
