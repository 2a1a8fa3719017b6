// A framework folder is validated whole: each kind of damage a schema cannot see is refused
// with its exact position, and a file that a link takes outside the folder is never read.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/errors.js';
import { compile, compiledFile, readCompiled } from '../src/model/compiled-framework.js';
import { checkFramework, loadFramework, useBundledFrameworks } from '../src/model/load-framework.js';
import { BUNDLED } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-fwload-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
useBundledFrameworks(BUNDLED);

let n = 0;
/** A copy of a bundled framework in a fresh folder, with `edit` applied to one of its files. */
function copy(id: string, file?: string, edit?: (text: string) => string): string {
  const dir = join(tmp, `case-${n++}`, id);
  cpSync(join(BUNDLED, id), dir, { recursive: true });
  if (file && edit) {
    const before = readFileSync(join(dir, file), 'utf8');
    const after = edit(before);
    expect(after, 'the edit changed nothing').not.toBe(before);
    writeFileSync(join(dir, file), after);
  }
  return dir;
}

const problems = (dir: string) => (checkFramework(dir).problems ?? []).map((p) => formatProblem(p).replace(`${dir}/`, ''));

describe('framework folders refused, each problem at its place', () => {
  it.each([
    [
      'a duplicate answer id',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('- { id: not-met, label: Not met', '- { id: met, label: Not met')),
      'framework.yaml:36:11: answers[2].id: answer id "met" is used twice (also answers[0])',
    ],
    [
      'a duplicate rating id',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('- { id: green, label: Green', '- { id: red, label: Green')),
      'framework.yaml:43:11: ratings[2].id: rating id "red" is used twice (also ratings[0])',
    ],
    [
      'a duplicate rule id',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('  - id: green\n', '  - id: red\n')),
      'framework.yaml:71:9: rules[3].id: rule id "red" is used twice (also rules[2])',
    ],
    [
      '"unanswered" as an answer id',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('  - { id: n/a, label: Not applicable', '  - { id: unanswered, label: Not applicable')),
      'framework.yaml:37:11: answers[3].id: "unanswered" is a reserved word (the rules use unanswered and unrated); call the answer something else',
    ],
    [
      '"unrated" as a rating id',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('  - { id: green, label: Green', '  - { id: unrated, label: Green').replace('rating: green', 'rating: red')),
      'framework.yaml:43:11: ratings[2].id: "unrated" is a reserved word (the rules use unanswered and unrated); call the rating something else',
    ],
    [
      'an answer id that assessments could never match (read back lower-case)',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('- { id: met, label: Met', '- { id: Met, label: Met')),
      'framework.yaml:34:11: answers[0].id: expected a lower-case answer word such as "met", "not-met" or "n/a"',
    ],
    [
      'a benchmark listed twice',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('  - communications\n', '  - venue-hire\n')),
      'framework.yaml:28:5: benchmarks[9]: benchmark "venue-hire" is listed twice (also benchmarks[7])',
    ],
    [
      'evidence_valid_months: 4000000',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('evidence_valid_months: 12', 'evidence_valid_months: 4000000')),
      'framework.yaml:15:24: evidence_valid_months: must be at most 120',
    ],
    [
      'an absurd at_least',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('answer: unanswered, at_least: 1 }', 'answer: unanswered, at_least: 5000 }')),
      'framework.yaml:63:65: rules[1].when.any[0].at_least: must be at most 1,000',
    ],
    [
      'evidence_valid_months: 0',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('evidence_valid_months: 12', 'evidence_valid_months: 0')),
      'framework.yaml:15:24: evidence_valid_months: must be at least 1',
    ],
    [
      'evidence_valid_months: 1.5',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('evidence_valid_months: 12', 'evidence_valid_months: 1.5')),
      'framework.yaml:15:24: evidence_valid_months: expected a whole number, found number 1.5',
    ],
    [
      'share_below: 1.5',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('answer: unanswered, at_least: 1 }', 'answer: unanswered, share_below: 1.5 }')),
      'framework.yaml:63:68: rules[1].when.any[0].share_below: must be at most 1',
    ],
    // A bad value in a rule's condition, at the value itself (not at the `when:` above it).
    [
      'at_least: many',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('answer: unanswered, at_least: 1 }', 'answer: unanswered, at_least: many }')),
      'framework.yaml:63:65: rules[1].when.any[0].at_least: expected a number, found text "many"',
    ],
    [
      'questions: essentail',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('{ questions: essential, answer: met, all: true }', '{ questions: essentail, answer: met, all: true }')),
      'framework.yaml:76:24: rules[3].when.all[0].questions: "essentail" is not allowed; expected one of essential, any (did you mean "essential"?)',
    ],
    [
      'none: yes',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('{ answer: not-met, none: true }', '{ answer: not-met, none: yes }')),
      'framework.yaml:77:36: rules[3].when.all[1].none: "yes" is not allowed; expected one of true',
    ],
    [
      'a when: with neither any: nor all:',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('    when:\n      any:\n        - { questions: essential, answer: unanswered, at_least: 1 }\n', '    when: {}\n')),
      'framework.yaml:61:11: rules[1].when: give one of any: (a rule that fires when any condition holds) or all: (when every one holds), each a list of conditions',
    ],
    [
      'a maps_from key that is no benchmark of the framework mapped from',
      () => copy('home-office-2024', 'framework.yaml', (t) => t.replace('    venue-hire: reducing-permissive-environments', '    venue-hires: reducing-permissive-environments')),
      'framework.yaml:44:5: maps_from.benchmarks.venue-hires: "venue-hires" is not a benchmark of home-office-2018 (did you mean "venue-hire"?)',
    ],
    [
      'a maps_from question that names no question',
      () => copy('home-office-2024', 'framework.yaml', (t) => t.replace('    communications: communications-and-engagement\n', '    communications: communications-and-engagement\n  questions:\n    no-such-question: also-no-such-question\n')),
      'framework.yaml:48:5: maps_from.questions.no-such-question: "no-such-question" is not a question of home-office-2018',
    ],
    [
      'a maps_from question mapped to no question of this framework',
      () => copy('home-office-2024', 'framework.yaml', (t) => t.replace('    communications: communications-and-engagement\n', '    communications: communications-and-engagement\n  questions:\n    out-of-hours: feedback-to-referrer\n')),
      'framework.yaml:48:19: maps_from.questions.out-of-hours: maps to "feedback-to-referrer", which is not a question of this framework (did you mean "feedback-to-referrers"?)',
    ],
    [
      'a rating labelled as another rating (red shown as "Green")',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('{ id: red, label: Red,', '{ id: red, label: Green,')),
      'framework.yaml:41:23: ratings[0].label: label "Green" also names rating "green"; each rating needs a label of its own, or a report would show one for the other',
    ],
    // Labels that read alike are one label: a zero-width space or a soft hyphen is stripped from
    // the page, a Cyrillic е is drawn as e, a dash joins what a space would.
    ...[
      ['"Gre\\u200ben"', 'Gre\u200ben'],
      ['"Gre\\u00ADen"', 'Gre\u00aden'],
      ['"Gr\\u0435\\u0435n"', 'Gr\u0435\u0435n'],
      ['"G\\u2013reen"', 'G\u2013reen'],
      ['"GREE\\u039D"', 'GREE\u039d'],
      ['"Gree\\u0578"', 'Gree\u0578'],
    ].map(([written, read]) => [
      `a rating labelled as another in a way that reads alike: ${written}`,
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('{ id: red, label: Red,', `{ id: red, label: ${written},`)),
      `framework.yaml:41:23: ratings[0].label: label "${read}" also names rating "green"; each rating needs a label of its own, or a report would show one for the other`,
    ]) as [string, () => string, string][],
    [
      'an answer labelled as another with a Cyrillic capital (not met shown as "\u041Cet")',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('{ id: not-met, label: Not met,', '{ id: not-met, label: "\\u041Cet",')),
      'framework.yaml:36:27: answers[2].label: label "\u041Cet" also names answer "met"; each answer needs a label of its own, or a report would show one for the other',
    ],
    [
      'an answer labelled as another answer (not met shown as "Met")',
      () => copy('home-office-2018', 'framework.yaml', (t) => t.replace('{ id: not-met, label: Not met,', '{ id: not-met, label: MET,')),
      'framework.yaml:36:27: answers[2].label: label "MET" also names answer "met"; each answer needs a label of its own, or a report would show one for the other',
    ],
    [
      'a framework that maps from itself',
      () => copy('home-office-2024', 'framework.yaml', (t) => t.replace('  framework: home-office-2018', '  framework: home-office-2024')),
      'framework.yaml:35:14: maps_from.framework: "home-office-2024" is this framework\'s own id; maps_from names the framework it follows',
    ],
  ])('%s', (_what, make, expected) => {
    const found = problems(make());
    expect(found, found.join("\n")).toContain(expected);
  });

  it('the bundled frameworks pass every check', () => {
    for (const id of ['home-office-2018', 'home-office-2024']) expect(problems(join(BUNDLED, id))).toEqual([]);
  });
});

describe('a link out of the framework folder', () => {
  const secret = join(tmp, 'secret.yaml');
  writeFileSync(secret, 'SECRET-FIRST-LINE: do not show\n');

  it.each(['framework.yaml', 'venue-hire.yaml'])('%s linked outside is refused, and what it points at is never shown', (name) => {
    const dir = copy('home-office-2018');
    rmSync(join(dir, name));
    symlinkSync(secret, join(dir, name));
    const found = checkFramework(dir).problems!;
    expect(found.map(formatProblem)).toEqual([`${join(dir, name)}:1:1: links to a file outside the framework folder, which is not read; put the file itself in the folder`]);
    expect(JSON.stringify(found)).not.toMatch(/SECRET|secret/);
    expect(loadFramework(dir).problems).toEqual(found);
  });

  it('a link to another file inside the folder is fine', () => {
    const dir = copy('home-office-2018');
    const moved = join(dir, 'venue-hire-text.yaml');
    cpSync(join(dir, 'venue-hire.yaml'), moved);
    rmSync(join(dir, 'venue-hire.yaml'));
    symlinkSync('venue-hire-text.yaml', join(dir, 'venue-hire.yaml'));
    expect(problems(dir)).toEqual([]);
  });

  it('the folder itself may be reached through a link', () => {
    const dir = copy('home-office-2018');
    const link = join(tmp, `link-${n++}`);
    symlinkSync(dir, link);
    expect(problems(link)).toEqual([]);
  });

  it('a compiled copy is not used for a folder whose file now links outside, and the outside file is not read for its fingerprint', () => {
    const dir = copy('home-office-2018');
    const out = mkdtempSync(join(tmp, 'compiled-'));
    writeFileSync(compiledFile(out, dir), JSON.stringify(compile(checkFramework(dir).value!)));
    expect(readCompiled(out, dir)).toBeDefined();
    // The same bytes outside: a fingerprint that read through the link would still match.
    const copyOutside = join(tmp, `venue-hire-${n++}.yaml`);
    cpSync(join(dir, 'venue-hire.yaml'), copyOutside);
    rmSync(join(dir, 'venue-hire.yaml'));
    symlinkSync(copyOutside, join(dir, 'venue-hire.yaml'));
    expect(readCompiled(out, dir)).toBeUndefined();
  });
});
