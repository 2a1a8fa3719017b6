// `rollup --lang` and `status --lang`: every label, heading and terminal word from the message
// catalogue, in Welsh, or both (Welsh first); JSON in one language.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';
import { extract } from './pdf-extract.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-rollup-lang-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EX = 'examples/schools';
const ROSTER = `${EX}/roster-2024-25.yaml`;
const PINNED = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) };
const rollup = (...args: string[]) => dutykit(['rollup', EX, '--roster', ROSTER, ...args], { env: PINNED });

describe('the message catalogues', () => {
  // JSON.parse keeps the last of two equal keys: a block of new keys could silently reword an
  // old one (status.overdue, the report's word for an action, once became the status column's).
  it.each(['en', 'cy'])('%s.json has no key twice', (lang) => {
    const keys = [...readFileSync(join('src/i18n/messages', `${lang}.json`), 'utf8').matchAll(/^\s*"([^"]+)":/gm)].map((m) => m[1]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('rollup --lang', () => {
  it('cy: headings, column heads and the roster words in Welsh, dates in Welsh', () => {
    const r = rollup('--lang', 'cy');
    expect(r.status, r.stderr).toBe(0);
    for (const s of ["Crynhoad o'r ffurflenni", 'Sgoriau fesul meincnod', 'Atebion fesul cwestiwn', 'Heb ei raddio eto', "berthnasol i'w", 'Yn erbyn y rhestr', 'Cyfnod 2024/25, erbyn 31 Mawrth 2025.', 'Disgwyliedig', 'Cyrff â meincnod Coch', '31 Ionawr 2025']) {
      expect(r.stdout).toContain(s);
    }
    for (const s of ['Roll-up of returns', 'Ratings per benchmark', 'Not returned', 'Not yet rated', 'March']) expect(r.stdout).not.toContain(s);
  });

  it('cy,en Markdown: the Welsh roll-up in full, then the English', () => {
    const r = rollup('--lang', 'cy,en', '--format', 'md');
    expect(r.status, r.stderr).toBe(0);
    const [cy, en] = [r.stdout.indexOf("# Crynhoad o'r ffurflenni"), r.stdout.indexOf('# Roll-up of returns')];
    expect(cy).toBe(0);
    expect(en).toBeGreaterThan(cy);
    expect(r.stdout.slice(en)).toContain('| Expected | Returned | Not returned | Returned late | Not on the roster |');
  });

  it('cy public: "llai na 5" and "heb ei ddangos" in every table, in Markdown and JSON the published labels', () => {
    const md = rollup('--lang', 'cy', '--format', 'md', '--audience', 'public');
    expect(md.stdout).toContain('dangosir unrhyw gyfrif o dan 5 fel "llai na 5"');
    expect(md.stdout).toContain('| 14 | heb ei ddangos | llai na 5 | llai na 5 | llai na 5 |');
    expect(md.stdout).not.toContain('fewer than 5');
    const json = JSON.parse(rollup('--lang', 'cy', '--json', '--audience', 'public').stdout);
    expect(json.sections[0].answerColumns.slice(-2).map((c: { label: string }) => c.label)).toEqual(["Ddim yn berthnasol i'w math", 'Heb ei ateb']);
    // The counts themselves stay the documented values, whatever the language.
    expect(json.sections[0].roster.missing).toBe('fewer than 5');
  });

  it("a return's own warnings are in the first language asked, as report gives them", () => {
    const dir = join(tmp, 'warned');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(EX, '900001-northbridge-primary-school.yaml'), 'utf8').replace(/^framework_version: .*$/m, 'framework_version: 0.9.0'));
    for (const command of ['rollup', 'status']) {
      const r = dutykit([command, dir, '--lang', 'cy,en'], { env: PINNED });
      expect(r.stderr).toBe(`${join(dir, 'a.yaml')}:3:20: framework_version: rhybudd: ysgrifennwyd yn erbyn thurrock-schools-2020 0.9.0, ond fe'i darllenwyd gyda fersiwn 1.0.0\n`);
    }
  });

  it('JSON is one language: cy,en is refused (exit 2)', () => {
    const r = rollup('--lang', 'cy,en', '--json');
    expect(r.status).toBe(2);
    // Said in the first language asked, as every usage error of a command with --lang is.
    expect(r.stderr).toContain("--lang: mae JSON wedi'i ysgrifennu mewn un iaith; rhowch un o cy, en");
    expect(rollup('--lang', 'fr').stderr).toContain('--lang: unknown language "fr"');
  });

  it('cy,en PDF: one document, the Welsh part first, each page numbered in its own language', async () => {
    const f = join(tmp, 'both.pdf');
    const r = rollup('--lang', 'cy,en', '--format', 'pdf', '--out', f);
    expect(r.status, r.stderr).toBe(0);
    const pdf = await extract(readFileSync(f));
    expect(pdf.info.Title).toBe("Crynhoad o'r ffurflenni");
    const n = pdf.pages.length;
    const english = pdf.pages.findIndex((p) => p.text.includes('Roll-up of returns'));
    expect(english).toBeGreaterThan(0);
    pdf.pages.forEach((p, i) => expect(p.text).toContain(i < english ? `Tudalen ${i + 1} o ${n}` : `Page ${i + 1} of ${n}`));
    expect(pdf.pages[0]!.text).toContain("Crynhoad o'r ffurflenni");
  });
});

describe('status --lang', () => {
  const status = (...args: string[]) => dutykit(['status', EX, '--roster', ROSTER, ...args], { env: PINNED });
  it('cy: the words of each line in Welsh, the columns lined up', () => {
    const r = status('--lang', 'cy');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('2025-01-31  HWYR       cam         Riverside Infant School: cam gweithredu (Hyfforddiant Prevent): Offer Prevent training to every governor');
    expect(lines).toContain('2025-03-31  HWYR       ffurflen    Westgate School: ffurflen heb ddod i law (cyfeirnod 900013; cyswllt Chris Dunn, DSL <dsl@westgate.example>)');
    expect(r.stdout).toContain("i'w wneud  llofnod     Riverside Infant School: heb ei lofnodi");
  });

  it('nothing due, in Welsh; JSON in one language', () => {
    const r = dutykit(['status', join(EX, '900001-northbridge-primary-school.yaml'), '--lang', 'cy', '--within', '0d'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 0, 1) / 1000) } });
    expect(r.stdout).toBe('Dim byd yn ddyledus o fewn 0 diwrnod i 2025-01-01.\n');
    // Welsh plurals: two days takes the soft mutation.
    const two = dutykit(['status', join(EX, '900001-northbridge-primary-school.yaml'), '--lang', 'cy', '--within', '2d'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 0, 1) / 1000) } });
    expect(two.stdout).toBe('Dim byd yn ddyledus o fewn 2 ddiwrnod i 2025-01-01.\n');
    const j = status('--lang', 'cy,en', '--json');
    expect(j.status).toBe(2);
    const cy = JSON.parse(status('--lang', 'cy', '--json').stdout);
    expect(cy.items.map((i: { text: string }) => i.text)).toContain('ffurflen heb ddod i law (cyfeirnod 900013; cyswllt Chris Dunn, DSL <dsl@westgate.example>)');
  });
});

describe('kinds of school by their label in the language asked', () => {
  it('the bodies not returned: "Ysgol uwchradd", not the id secondary', () => {
    const md = dutykit(['rollup', EX, '--roster', ROSTER, '--format', 'md', '--lang', 'cy'], { env: PINNED }).stdout;
    expect(md).toContain('| 900013 | Westgate School | Ysgol uwchradd |');
    const json = JSON.parse(dutykit(['rollup', EX, '--roster', ROSTER, '--json'], { env: PINNED }).stdout);
    expect(json.sections[0].roster.missing[0]).toMatchObject({ kind: 'secondary', kindLabel: 'Secondary school' });
  });
});
