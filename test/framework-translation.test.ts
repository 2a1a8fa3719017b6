// framework.<lang>.yaml: checked against the framework's ids with positions, laid over the
// English texts, and what it leaves out listed rather than hidden.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/errors.js';
import { messages } from '../src/i18n/catalogue.js';
import { loadFramework } from '../src/model/load-framework.js';
import { loadTranslation } from '../src/model/load-translation.js';
import { localize } from '../src/model/localize.js';
import { untranslatedLines } from '../src/report/untranslated.js';
import { BUNDLED, dutykit, framework } from './helpers.js';

/** A copy of the bundled 2018 framework whose Welsh file is `text`. */
function withWelsh(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dutykit-cy-'));
  cpSync(join(BUNDLED, 'home-office-2018'), dir, { recursive: true });
  writeFileSync(join(dir, 'framework.cy.yaml'), text);
  const fw = loadFramework(dir).value!;
  const r = loadTranslation(fw, 'cy');
  return { dir, problems: (r.problems ?? []).map((p) => formatProblem({ ...p, file: p.file.replace(dir, 'fw') })) };
}

describe('loading a translation', () => {
  it.each([
    ['an unknown benchmark', 'ratings: { red: Coch }\nbenchmarks:\n  venue-hir: { title: Llogi }\n', 'fw/framework.cy.yaml:3:3: benchmarks.venue-hir: home-office-2018 has no benchmark "venue-hir" (did you mean "venue-hire"?)'],
    ['an unknown question', 'benchmarks:\n  venue-hire:\n    questions:\n      it-filter: { title: Hidlo }\n', 'fw/framework.cy.yaml:4:7: benchmarks.venue-hire.questions.it-filter: home-office-2018 has no question in benchmark venue-hire: "it-filter" (did you mean "it-filtering"?)'],
    ['an unknown rating', 'ratings:\n  gren: Gwyrdd\n', 'fw/framework.cy.yaml:2:3: ratings.gren: home-office-2018 has no rating "gren" (did you mean "green"?)'],
    ['an unknown answer', 'answers:\n  meet: { label: Wedi\'i fodloni }\n', 'fw/framework.cy.yaml:2:3: answers.meet: home-office-2018 has no answer "meet" (did you mean "met"?)'],
    ['an unknown rule', 'rules:\n  amber: ar waith\n  reed: coch\n', 'fw/framework.cy.yaml:3:3: rules.reed: home-office-2018 has no rule "reed" (did you mean "red"?)'],
    // A plain object cannot hold `__proto__` as its own key: the parsed file had dropped it in silence.
    ['a __proto__ rating', 'ratings:\n  red: Coch\n  __proto__: Gwyrdd\n', 'fw/framework.cy.yaml:3:3: ratings.__proto__: home-office-2018 has no rating "__proto__"'],
    ['a __proto__ answer', 'answers:\n  __proto__: { label: Wedi\'i fodloni }\n', 'fw/framework.cy.yaml:2:3: answers.__proto__: home-office-2018 has no answer "__proto__"'],
    ['a __proto__ kind', 'kinds:\n  __proto__: Ysgol\n', 'fw/framework.cy.yaml:2:3: kinds.__proto__: home-office-2018 has no kind "__proto__"'],
    ['a __proto__ benchmark', 'benchmarks:\n  __proto__: { title: Llogi }\n', 'fw/framework.cy.yaml:2:3: benchmarks.__proto__: home-office-2018 has no benchmark "__proto__"'],
    ['a __proto__ question', 'benchmarks:\n  venue-hire:\n    questions:\n      "__proto__": { title: Hidlo }\n', 'fw/framework.cy.yaml:4:7: benchmarks.venue-hire.questions.__proto__: home-office-2018 has no question in benchmark venue-hire: "__proto__"'],
  ])('%s: file:line:col at the id', (_, text, problem) => {
    expect(withWelsh(text).problems).toEqual([problem]);
  });

  it('a misspelt field and an empty text are problems too', () => {
    const { problems } = withWelsh('titel: Pecyn\nbenchmarks:\n  venue-hire: { title: "  " }\n');
    expect(problems[0]).toBe('fw/framework.cy.yaml:1:1: titel: unknown key "titel" (did you mean "title"?)');
    expect(problems.join('\n')).toMatch(/fw\/framework\.cy\.yaml:3:24: benchmarks\.venue-hire\.title: must not be empty/);
  });

  it('through the CLI: exit 2, file:line:col, nothing written', () => {
    const { dir } = withWelsh('benchmarks:\n  venue-hir: { title: Llogi }\n');
    const out = mkdtempSync(join(tmpdir(), 'dutykit-cy-out-'));
    const file = join(out, 'a.yaml');
    writeFileSync(file, readFileSync('examples/northbridge-2025.yaml', 'utf8').replace('framework: home-office-2018', `framework: ${dir}`));
    const r = dutykit(['report', file, '--lang', 'cy', '--out', out]);
    expect(r.status).toBe(2);
    // Said in the language asked, at the same place.
    expect(r.stderr).toContain(`${join(dir, 'framework.cy.yaml')}:2:3: benchmarks.venue-hir: nid oes gan home-office-2018 feincnod "venue-hir" (ai "venue-hire" oedd dan sylw?)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // English does not read the Welsh file at all.
    expect(dutykit(['report', file, '--stdout']).status).toBe(0);
  });

  it('a __proto__ key through the CLI: validate fails at its line, rate --lang cy refuses in Welsh', () => {
    const { dir } = withWelsh('ratings:\n  __proto__: Coch\n');
    expect(dutykit(['validate', dir])).toMatchObject({ status: 1, stderr: `${join(dir, 'framework.cy.yaml')}:2:3: ratings.__proto__: home-office-2018 has no rating "__proto__"\n1 of 1 file failed validation\n` });
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-cy-out-')), 'a.yaml');
    writeFileSync(file, readFileSync('examples/northbridge-2025.yaml', 'utf8').replace('framework: home-office-2018', `framework: ${dir}`));
    expect(dutykit(['rate', file, '--lang', 'cy'])).toEqual({ status: 2, stdout: '', stderr: `${join(dir, 'framework.cy.yaml')}:2:3: ratings.__proto__: nid oes gan home-office-2018 sgôr "__proto__"\n` });
  });

  it('the bundled translations load clean', () => {
    // Every bundled framework has one: a framework added without its Welsh file fails here.
    const bundled = readdirSync(BUNDLED, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(bundled).toContain('thurrock-schools-2020');
    for (const id of bundled) {
      const r = loadTranslation(framework(id), 'cy');
      expect(r.problems, id).toBeUndefined();
      expect(r.value?.ratings).toEqual({ red: 'Coch', amber: 'Ambr', green: 'Gwyrdd' });
    }
  });
});

describe('localize', () => {
  const fw = framework();
  it('lays the Welsh over the English, and lists what is left in English', () => {
    const { framework: cy, untranslated } = localize(fw, {
      ratings: { green: 'Gwyrdd' },
      benchmarks: { 'venue-hire': { title: 'Llogi Lleoliadau', questions: { 'it-filtering': { title: 'Hidlo ar TG cyhoeddus' } } } },
    });
    expect(cy.ratings.map((r) => r.label)).toEqual(['Red', 'Amber', 'Gwyrdd']);
    const venue = cy.benchmarks.find((b) => b.id === 'venue-hire')!;
    expect(venue.title).toBe('Llogi Lleoliadau');
    expect(venue.statement).toBe(fw.benchmarks.find((b) => b.id === 'venue-hire')!.statement);
    expect(venue.questions.find((q) => q.id === 'it-filtering')!.title).toBe('Hidlo ar TG cyhoeddus');
    const lines = untranslatedLines(cy, untranslated, messages('cy'));
    expect(lines[0]).toBe('Y fframwaith: teitl, trwydded, priodoliad, sgôr red, sgôr amber, ateb met, ymadrodd ateb met, ateb partly, ymadrodd ateb partly, ateb not-met, ymadrodd ateb not-met, ateb n/a, ymadrodd ateb n/a, rheol no-applicable-questions, rheol essential-unanswered, rheol red, rheol green, rheol amber');
    // The question with a Welsh title still lacks its Welsh text: counted among the texts, not the titles.
    expect(lines).toContain("8. Llogi Lleoliadau: datganiad, sail statudol, 5 o'r 6 theitl cwestiwn, 6 o'r 6 thestun cwestiwn");
    expect(lines).toContain("1. Local Risk Assessment: teitl, datganiad, sail statudol, 6 o'r 6 theitl cwestiwn, 6 o'r 6 thestun cwestiwn");
  });

  it('a whole translation leaves nothing to list', () => {
    const full = {
      title: 'T', licence: 'L', attribution: 'A',
      ratings: Object.fromEntries(fw.ratings.map((r) => [r.id, 'x'])),
      answers: Object.fromEntries(fw.answers.map((a) => [a.id, { label: 'x', phrase: 'x' }])),
      rules: Object.fromEntries(fw.rules.map((r) => [r.id, 'x'])),
      benchmarks: Object.fromEntries(fw.benchmarks.map((b) => [b.id, { title: 'x', statement: 'x', basis: 'x', questions: Object.fromEntries(b.questions.map((q) => [q.id, { title: 'x', text: 'x' }])) }])),
    };
    expect(localize(fw, full).untranslated).toEqual([]);
  });
});
