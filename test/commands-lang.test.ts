// What the commands that take --lang say themselves, in the language asked: a --fail-on that
// trips, their own usage errors, rollup's and status's warnings and merge's refusals. English
// stays the default, word for word.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-commands-lang-'));
const dutykit = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const ex = (f: string) => join(ROOT, 'examples', f);
const OLD = ex('northbridge-2024.yaml');
const NOW = ex('northbridge-2025.yaml');
const SCHOOLS = ex('schools');
const ROSTER = join(SCHOOLS, 'roster-2024-25.yaml');

/** [command, English it says, Welsh it says, exit code]: each run with and without --lang cy. */
const CASES: [string[], string, string, number][] = [
  [['diff', OLD, NOW, '--fail-on', 'decline'], '--fail-on decline: 3 benchmarks declined: 7. Training Programme (Green → Amber);', '--fail-on decline: 3 meincnod wedi dirywio: 7. Rhaglen Hyfforddiant (Gwyrdd → Ambr);', 1],
  [['rollup', SCHOOLS, '--roster', ROSTER, '--fail-on', 'missing,red'], '--fail-on missing: 2 returns not in\n--fail-on red: 3 bodies with a Red benchmark', '--fail-on missing: 2 o ffurflenni heb ddod i law\n--fail-on red: 3 o gyrff â meincnod Coch', 1],
  [['status', SCHOOLS, '--roster', ROSTER, '--fail-on', 'overdue'], 'overdue items', "o eitemau'n hwyr", 1],
  [['diff', OLD, NOW, '--fail-on', 'bogus'], 'dutykit: --fail-on: unknown condition "bogus"; expected decline, red, amber, change, rules (comma list)', 'dutykit: --fail-on: amod anhysbys "bogus"', 2],
  [['diff', OLD, NOW, '--json', '--format', 'md'], 'dutykit: --json prints JSON, but --format md asks for md; give one of them', 'dutykit: mae --json yn argraffu JSON', 2],
  [['trend', OLD, NOW, '--json', '--format', 'text'], 'dutykit: --json prints JSON, but --format text asks for text', 'dutykit: mae --json yn argraffu JSON', 2],
  [['report', NOW, '--format', 'doc'], 'dutykit: --format: unknown format "doc"; expected md, json, pdf or html (comma list)', 'dutykit: --format: fformat anhysbys "doc"', 2],
  [['report', NOW, '--stdout', '--format', 'md,json'], 'dutykit: --stdout prints one format; give just one with --format', 'dutykit: mae --stdout yn argraffu un fformat', 2],
  [['status', SCHOOLS, '--within', 'soon'], 'dutykit: --within: "soon" is not a number of days; write it like 30d', 'dutykit: --within: nid yw "soon" yn nifer o ddyddiau', 2],
  [['status', SCHOOLS, '--fail-on', 'late'], 'dutykit: --fail-on: unknown condition "late"; expected overdue', 'dutykit: --fail-on: amod anhysbys "late"; disgwylid overdue', 2],
  [['rollup', SCHOOLS, '--fail-on', 'decline'], 'dutykit: --fail-on decline needs --previous <folder>: the returns of the round before', 'dutykit: mae angen --previous <folder> ar --fail-on decline', 2],
  [['rollup', SCHOOLS, '--fail-on', 'missing'], 'dutykit: --fail-on missing needs --roster <file>: the returns expected', 'dutykit: mae angen --roster <file> ar --fail-on missing', 2],
  [['rollup', SCHOOLS, '--out', join(SCHOOLS, 'out.md')], "is in a folder rolled up; the next roll-up would read it. Name a new file outside the returns' folder, e.g. rollup.md", 'mae mewn ffolder sy\'n cael ei chrynhoi', 2],
  [['rollup', join(tmp, 'nowhere')], `dutykit: ${join(tmp, 'nowhere')}: no such file or folder`, `dutykit: ${join(tmp, 'nowhere')}: dim ffeil na ffolder o'r fath`, 2],
];

describe('the commands that take --lang say their own words in it', () => {
  it.each(CASES)('%j', (args, english, welsh, code) => {
    const en = dutykit(args);
    const cy = dutykit([...args, '--lang', 'cy']);
    expect(en.status, en.stderr).toBe(code);
    expect(cy.status, cy.stderr).toBe(code);
    expect(en.stderr).toContain(english);
    expect(cy.stderr).toContain(welsh);
    expect(cy.stderr).not.toContain(english);
  });

  it('rollup and status: their warnings about the files given', () => {
    const dir = join(tmp, 'returns');
    mkdirSync(dir);
    copyFileSync(join(SCHOOLS, '900001-northbridge-primary-school.yaml'), join(dir, '900001.yaml'));
    copyFileSync(join(SCHOOLS, '900001-northbridge-primary-school.yaml'), join(dir, '900001-copy.yaml'));
    copyFileSync(ROSTER, join(dir, 'roster.yaml'));
    writeFileSync(join(dir, 'notes.txt'), 'minutes\n');
    writeFileSync(join(dir, 'other.yaml'), 'title: not a return\n');
    mkdirSync(join(dir, 'old'));
    for (const cmd of ['rollup', 'status']) {
      const en = dutykit([cmd, dir]).stderr;
      const cy = dutykit([cmd, dir, '--lang', 'cy']).stderr;
      expect(en).toContain(`${join(dir, 'notes.txt')}: warning: not a YAML file, so not a return; not read`);
      expect(cy).toContain(`${join(dir, 'notes.txt')}: rhybudd: nid ffeil YAML, felly nid ffurflen; heb ei darllen`);
      expect(cy).toContain(`${join(dir, 'roster.yaml')}: rhybudd: cofrestr, nid ffurflen; heb ei darllen fel ffurflen (rhowch hi gyda --roster`);
      expect(cy).toContain(`${join(dir, 'other.yaml')}: rhybudd: nid ffurflen (does dim allwedd framework: ynddi)`);
      expect(cy).toContain(`${join(dir, 'old')}: rhybudd: ffolder y tu mewn i ${dir}`);
      expect(en).toContain(`: warning: 2 returns from Northbridge Primary School (reference 900001) have the same date`);
      expect(cy).toContain(`: rhybudd: mae 2 ffurflen gan Northbridge Primary School (cyfeirnod 900001) â'r un dyddiad`);
      expect(cy).not.toContain('warning:');
    }
  });

  it('rollup: a return for another period, and a return against another framework', () => {
    const dir = join(tmp, 'other-period');
    mkdirSync(dir);
    const text = readFileSync(join(SCHOOLS, '900003-riverside-infant-school.yaml'), 'utf8');
    writeFileSync(join(dir, '900003.yaml'), text.replace(/^period: .*$/m, 'period: 2023/24'));
    const cy = dutykit(['rollup', dir, '--roster', ROSTER, '--lang', 'cy']);
    expect(cy.stderr).toContain(`${join(dir, '900003.yaml')}: rhybudd: ffurflen ar gyfer 2023/24, ond mae'r gofrestr ${ROSTER} ar gyfer 2024/25`);
    const wrong = join(tmp, 'wrong-framework');
    mkdirSync(wrong);
    copyFileSync(NOW, join(wrong, 'northbridge.yaml'));
    const r = dutykit(['rollup', wrong, '--roster', ROSTER, '--lang', 'cy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/northbridge\.yaml:\d+:\d+: framework: ffurflen yn erbyn home-office-2018, ond mae'r gofrestr .* ar gyfer thurrock-schools-2020/);
  });

  it("merge: its refusals, in the language of its --lang", () => {
    const target = join(tmp, 'merge-target.yaml');
    copyFileSync(NOW, target);
    const en = dutykit(['merge', target, NOW]);
    const cy = dutykit(['merge', target, NOW, '--lang', 'cy']);
    expect(en.status).toBe(2);
    expect(cy.status).toBe(2);
    expect(en.stderr).toMatch(/:\d+:\d+: not a contribution: it has no contributor: \{ organisation: \.\.\. \} at the top/);
    expect(cy.stderr).toMatch(/:\d+:\d+: nid cyfraniad: nid oes contributor: \{ organisation: \.\.\. \} ar y brig/);
  });

  it.each([
    [['rate', NOW, '--lang', 'cy', '--bogus'], "error: unknown option '--bogus'", 'gwall: dewis anhysbys ‘--bogus’'],
    [['rate', NOW, '--lang=cy', '--jsn'], "error: unknown option '--jsn'\n(Did you mean --json?)", 'gwall: dewis anhysbys ‘--jsn’\n(Ai --json oedd dan sylw?)'],
    [['rate', '--lang', 'cy'], "error: missing required argument 'file'", 'gwall: mae’r ddadl ofynnol ‘file’ ar goll'],
    [['rate', NOW, NOW, '--lang', 'cy'], "error: too many arguments for 'rate'. Expected 1 argument but got 2.", 'gwall: gormod o ddadleuon i ‘rate’. Disgwylid 1, cafwyd 2.'],
    [['report', NOW, '--audience', 'everyone', '--lang', 'cy'], "error: option '--audience <who>' argument 'everyone' is invalid. Allowed choices are board, public.", 'gwall: nid yw ‘everyone’ yn werth dilys i’r dewis ‘--audience <who>’. Y dewisiadau yw board, public.'],
  ])("commander's own errors in the language of --lang: %j", (args, english, welsh) => {
    const cy = dutykit(args);
    expect(cy.status).toBe(2);
    expect(cy.stderr).toBe(`${welsh}\n(rhedwch gyda --help i weld sut i’w ddefnyddio)\n`);
    // Without --lang cy, commander's own words, as before.
    const en = dutykit(args.filter((a) => a !== 'cy' && a !== '--lang').map((a) => (a === '--lang=cy' ? '--lang=en' : a)));
    expect(en.stderr).toBe(`${english}\n(run with --help for usage)\n`);
  });
});

describe('what a command says it wrote, and a public roll-up’s --fail-on', () => {
  it('"wrote …" in the language asked', () => {
    const out = join(tmp, 'wrote');
    expect(dutykit(['report', NOW, '--out', out, '--lang', 'cy']).stderr).toMatch(/^ysgrifennwyd .*-cy\.md\n$/);
    expect(dutykit(['report', NOW, '--out', out]).stderr).toMatch(/^wrote .*assessment\.md\n$/);
    expect(dutykit(['rollup', SCHOOLS, '--roster', ROSTER, '--format', 'md', '--out', join(tmp, 'r.md'), '--lang', 'cy']).stderr).toContain(`ysgrifennwyd ${join(tmp, 'r.md')}\n`);
  });

  it('a public roll-up’s --fail-on keeps its small counts "fewer than 5", in either language; the board’s gives them', () => {
    const pub = dutykit(['rollup', SCHOOLS, '--roster', ROSTER, '--fail-on', 'missing,red', '--audience', 'public']);
    expect(pub.status).toBe(1);
    expect(pub.stderr).toContain('--fail-on missing: fewer than 5 returns not in\n--fail-on red: fewer than 5 bodies with a Red benchmark\n');
    expect(dutykit(['rollup', SCHOOLS, '--roster', ROSTER, '--fail-on', 'missing', '--audience', 'public', '--lang', 'cy']).stderr).toContain('--fail-on missing: llai na 5 o ffurflenni heb ddod i law\n');
    expect(dutykit(['rollup', SCHOOLS, '--roster', ROSTER, '--fail-on', 'missing']).stderr).toContain('--fail-on missing: 2 returns not in\n');
  });
});

describe("commander's errors quote what was typed through the one seam", () => {
  it.each([[[]], [['--lang', 'cy']]])('an escape sequence in an unknown option is shown, never sent (%j)', (extra) => {
    const r = dutykit(['rate', NOW, '--\u001b]0;pwned\u0007', ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(r.stderr).toContain('--\\u001b]0;pwned\\u0007');
  });
});

describe('--lang given twice', () => {
  it('the last one counts, for commander’s errors as for the output', () => {
    expect(dutykit(['rate', NOW, '--lang', 'cy', '--lang', 'en', '--bogus']).stderr).toContain("error: unknown option '--bogus'");
    expect(dutykit(['rate', NOW, '--lang', 'en', '--lang', 'cy', '--bogus']).stderr).toContain('gwall: dewis anhysbys ‘--bogus’');
  });
});

describe('--lang lists', () => {
  it('a tag in capitals is the language (BCP 47 tags are case-insensitive), spaces around the commas too', () => {
    const cy = dutykit(['rate', NOW, '--lang', 'cy']);
    expect(dutykit(['rate', NOW, '--lang', 'CY'])).toMatchObject({ status: 0, stdout: cy.stdout });
    expect(dutykit(['report', NOW, '--stdout', '--lang', 'Cy, EN'])).toMatchObject({ status: 0, stdout: dutykit(['report', NOW, '--stdout', '--lang', 'cy,en']).stdout });
  });

  it.each([
    [['cy,cy'], 'dutykit: --lang: mae "cy,cy" yn enwi cy ddwywaith; rhowch bob iaith unwaith (cy,en: Cymraeg yn gyntaf, yna Saesneg)'],
    [['cy,CY'], 'dutykit: --lang: mae "cy,CY" yn enwi cy ddwywaith; rhowch bob iaith unwaith (cy,en: Cymraeg yn gyntaf, yna Saesneg)'],
    [['en,en'], 'dutykit: --lang: "en,en" names en twice; give each language once (cy,en: Welsh first, then English)'],
    [['cy,'], 'dutykit: --lang: mae cofnod gwag yn "cy,"; rhowch ieithoedd wedi\'u gwahanu ag atalnodau, heb ddim gwag rhyngddynt nac ar y naill ben (cy,en: Cymraeg yn gyntaf, yna Saesneg)'],
    [[',en'], 'dutykit: --lang: ",en" has an empty entry; give languages separated by commas, with nothing empty between them or at either end (cy,en: Welsh first, then English)'],
    [['en,,cy'], 'dutykit: --lang: "en,,cy" has an empty entry; give languages separated by commas, with nothing empty between them or at either end (cy,en: Welsh first, then English)'],
    [[''], 'dutykit: --lang: no language given; expected en, cy or a comma list of them (cy,en: Welsh first, then English)'],
  ])('--lang %j is a usage error naming what was typed, in the first language it names', ([lang], said) => {
    for (const cmd of [['rate', NOW], ['report', NOW, '--stdout'], ['status', SCHOOLS]]) {
      const r = dutykit([...cmd, '--lang', lang!]);
      expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `${said}\n`]);
    }
  });
});
