// The bundled schools framework in Welsh (benchmarks/thurrock-schools-2020/framework.cy.yaml):
// complete, so a Welsh roll-up or a school's Welsh report lists nothing as not yet translated,
// and compiled into dist/frameworks with the others.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTranslation } from '../src/model/load-translation.js';
import { localize } from '../src/model/localize.js';
import { BUNDLED, dutykit, framework, ROOT } from './helpers.js';

const fw = framework('thurrock-schools-2020');
const SCHOOLS = join(ROOT, 'examples', 'schools');
const ENGLISH_TITLES = fw.benchmarks.flatMap((b) => [b.title, ...b.questions.map((q) => q.title)]);
/** A framework text where dutykit prints one (a table cell, a heading, a numbered line), not inside a school's own words. */
const printed = (text: string) => new RegExp(`(?:[│|#] |\\d\\. |\\*)${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(|\\*| *[│|]|$)`, 'm');

describe('thurrock-schools-2020 in Welsh', () => {
  it('translates every text the reports show, the kinds of school and the evidence examples too', () => {
    const tr = loadTranslation(fw, 'cy');
    expect(tr.problems).toBeUndefined();
    const { framework: cy, untranslated } = localize(fw, tr.value);
    expect(untranslated).toEqual([]);
    expect(cy.kinds!.find((k) => k.id === 'primary')!.label).toBe('Ysgol gynradd');
    // Its source is words, so they are Welsh too; a translation without them lists them.
    expect(cy.source).toBe('Strategaeth PREVENT Thurrock 2020/23, adran 5.2 (y safon ofynnol ar gyfer ysgolion)');
    expect(localize(fw, { ...tr.value!, source: undefined }).untranslated).toEqual([{ field: 'source' }]);
    // A web address reads the same in every language: never listed.
    expect(localize(framework('home-office-2018'), {}).untranslated).not.toContainEqual({ field: 'source' });
    for (const [b, english] of cy.benchmarks.map((x, i) => [x, fw.benchmarks[i]!] as const)) {
      for (const [q, e] of b.questions.map((x, j) => [x, english.questions[j]!] as const)) {
        expect(q.guidance, q.id).not.toBe(e.guidance);
        expect(q.evidence, q.id).toHaveLength(e.evidence.length);
        expect(q.evidence[0], q.id).not.toBe(e.evidence[0]);
      }
    }
  });

  it('rollup --lang cy: the benchmarks and questions in Welsh, nothing listed as not yet translated', () => {
    const r = dutykit(['rollup', SCHOOLS, '--roster', join(SCHOOLS, 'roster-2024-25.yaml'), '--lang', 'cy']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Hyfforddiant Prevent');
    expect(r.stdout).toContain('Polisi, atgyfeirio a risg');
    expect(r.stdout).not.toMatch(/Heb ei gyfieithu|not yet translated/i);
    for (const english of ENGLISH_TITLES) expect(r.stdout, english).not.toMatch(printed(english));
    expect(dutykit(['rollup', SCHOOLS, '--roster', join(SCHOOLS, 'roster-2024-25.yaml')]).stdout).toMatch(printed('Prevent training'));
  });

  it("report on a school's return --lang cy: the kind of school in Welsh, nothing listed as not yet translated", () => {
    const r = dutykit(['report', join(SCHOOLS, '900001-northbridge-primary-school.yaml'), '--stdout', '--lang', 'cy']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('| Math o gorff | Ysgol gynradd |');
    expect(r.stdout).toContain('Ddim yn berthnasol i’r math hwn: Ysgol gynradd');
    expect(r.stdout).not.toContain('Heb ei gyfieithu');
    for (const english of [...ENGLISH_TITLES, 'Primary school', fw.title]) expect(r.stdout, english).not.toMatch(printed(english));
    // The check finds an English title where the English report prints one.
    expect(dutykit(['report', join(SCHOOLS, '900001-northbridge-primary-school.yaml'), '--stdout']).stdout).toMatch(printed('Prevent training'));
  });

  it('is compiled into dist/frameworks with the framework, as the others are', () => {
    const compiled = readFileSync(join(ROOT, 'dist', 'frameworks', 'thurrock-schools-2020.json'), 'utf8');
    expect(compiled).toContain('Hyfforddiant Prevent');
    expect(compiled).toContain('Ysgol gynradd');
  });

  it('a kind the framework does not declare is an error in a translation, with the nearest one', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dutykit-schools-cy-')), 'fw');
    cpSync(join(BUNDLED, 'thurrock-schools-2020'), dir, { recursive: true });
    writeFileSync(join(dir, 'framework.cy.yaml'), 'kinds:\n  primry: Ysgol gynradd\n');
    const r = dutykit(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'framework.cy.yaml')}:2:3: kinds.primry: thurrock-schools-2020 has no kind "primry" (did you mean "primary"?)`);
  });
});
