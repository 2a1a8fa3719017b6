// `--lang` as a user runs it: Welsh and bilingual reports from the built binary, the rate
// table in Welsh, and a bad language refused with the list of languages.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';
import { extract } from './pdf-extract.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dutykit-welsh-'));
const EXAMPLE = 'examples/northbridge-2025.yaml';

describe('report --lang', () => {
  it('cy: headings, rating words, dates, reasons and answers in Welsh; untranslated parts listed', () => {
    const r = dutykit(['report', EXAMPLE, '--lang', 'cy', '--stdout']);
    expect(r.status, r.stderr).toBe(0);
    const md = r.stdout;
    expect(md).toContain('# Hunanasesiad dyletswydd PREVENT: Northbridge Borough Council');
    expect(md).toContain('| Dyddiad cytuno | 12 Mawrth 2025 |');
    expect(md).toContain('## Crynodeb');
    expect(md).toContain('| 8 | Llogi Lleoliadau | **Coch** | Cyfrifwyd |');
    expect(md).toContain('**Sgoriau:** 6 Gwyrdd · 3 Ambr · 1 Coch · 0 Heb ei raddio eto');
    expect(md).toContain('**Sgôr: Gwyrdd** (cyfrifwyd o\'r atebion)');
    // A reason from the rules: counts in Welsh plurals, the answers in the framework's Welsh words.
    expect(md).toContain("Gwyrdd: pob un o'r 4 cwestiwn hanfodol: wedi'i fodloni; 5 o'r 6 chwestiwn perthnasol: wedi'i fodloni (83%)");
    expect(md).toContain("adolygwyd ei dystiolaeth ddiwethaf ar 20 Tachwedd 2023, fwy na 12 mis cyn 12 Mawrth 2025");
    expect(md).toContain('## Cynllun gweithredu');
    expect(md).toContain('## Cymeradwyaeth');
    expect(md).toContain("| Mae'r asesiad risg yn defnyddio'r CTLP (hanfodol) | Wedi'i fodloni |");
    // Statutory bases and question texts have no Welsh yet: shown in English, and said so at the end.
    expect(md).toContain('*Sail statudol:* Counter-Terrorism and Security Act 2015');
    const tail = md.slice(md.indexOf('## Heb ei gyfieithu eto'));
    expect(tail).toContain("- 8\\. Llogi Lleoliadau: sail statudol, 6 o'r 6 thestun cwestiwn");
    for (const english of ['## Summary', 'Not yet rated', 'agreed by the group', 'computed from the answers', 'Action plan', ' is met']) expect(md).not.toContain(english);
  });

  it('English stays the default, with no untranslated list', () => {
    const r = dutykit(['report', EXAMPLE, '--stdout']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('## Summary');
    expect(r.stdout).not.toContain('Crynodeb');
    expect(r.stdout).not.toContain('translated');
  });

  it('cy,en: one bilingual file, Welsh first, named for both languages', () => {
    const dir = tmp();
    const r = dutykit(['report', EXAMPLE, '--lang', 'cy,en', '--format', 'md,json', '--out', dir, '--audience', 'public']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '2025-03-12-northbridge-borough-council-prevent-self-assessment-public-cy-en.json',
      '2025-03-12-northbridge-borough-council-prevent-self-assessment-public-cy-en.md',
    ]);
    const md = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.md'))!), 'utf8');
    expect(md.indexOf('## Crynodeb')).toBeGreaterThan(0);
    expect(md.indexOf('## Summary')).toBeGreaterThan(md.indexOf('## Crynodeb'));
    const json = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(json.languages).toEqual(['cy', 'en']);
    expect(json.reports.map((m: { lang: string; benchmarks: { ratingLabel: string }[] }) => [m.lang, m.benchmarks[7]!.ratingLabel])).toEqual([
      ['cy', 'Coch'],
      ['en', 'Red'],
    ]);
  });

  it('cy,en PDF: Welsh pages then English ones, each with its own page furniture and /Lang', async () => {
    const dir = tmp();
    const r = dutykit(['report', EXAMPLE, '--lang', 'cy,en', '--format', 'pdf', '--out', dir], { env: { SOURCE_DATE_EPOCH: '1741770000' } });
    expect(r.status, r.stderr).toBe(0);
    const bytes = readFileSync(join(dir, readdirSync(dir)[0]!));
    const pdf = await extract(bytes);
    const n = pdf.pages.length;
    expect(pdf.pages[0]!.text).toContain('Hunanasesiad dyletswydd PREVENT');
    expect(pdf.pages[0]!.text).toContain(`Tudalen 1 o ${n}`);
    expect(pdf.pages[n - 1]!.text).toContain(`Page ${n} of ${n}`);
    const english = pdf.pages.findIndex((p) => p.text.includes('Page '));
    expect(english).toBeGreaterThan(n / 3);
    expect(pdf.pages.slice(english).every((p) => !p.text.includes('Tudalen'))).toBe(true);
    expect(pdf.outline).toContain('Crynodeb');
    expect(pdf.outline).toContain('Summary');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/Lang (cy)');
    expect(raw).toContain('/Lang (en-GB)');
  });

  it('html: --lang cy writes the page in Welsh; --lang cy,en one page, Welsh first, each part in its language', () => {
    const r = dutykit(['report', EXAMPLE, '--lang', 'cy', '--format', 'html', '--stdout']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('<html lang="cy">');
    expect(r.stdout).toContain('Llogi Lleoliadau');
    const both = dutykit(['report', EXAMPLE, '--lang', 'cy,en', '--audience', 'public', '--format', 'html', '--stdout']);
    expect(both.status, both.stderr).toBe(0);
    expect(both.stdout.match(/<h1[ >]/g)).toHaveLength(1);
    const welsh = both.stdout.indexOf('lang="cy"');
    const english = both.stdout.indexOf('lang="en');
    expect(welsh).toBeGreaterThan(-1);
    expect(english).toBeGreaterThan(welsh);
    expect(both.stdout.indexOf('Llogi Lleoliadau')).toBeLessThan(both.stdout.indexOf('Venue Hire'));
  });

  it('a language with no catalogue is a usage error naming the languages', () => {
    // An empty --lang has its own words (commands-lang.test.ts, "--lang lists").
    for (const args of [['report', EXAMPLE, '--lang', 'fr', '--stdout'], ['rate', EXAMPLE, '--lang', 'de,en']]) {
      const r = dutykit(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--lang: unknown language "[^"]*"; expected en, cy or a comma list/);
      expect(r.stdout).toBe('');
    }
    // With Welsh on the line too, it is said in Welsh (lang-guard.test.ts).
    const r = dutykit(['rate', EXAMPLE, '--lang', 'cy,de']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/--lang: iaith anhysbys "de"; disgwylid en, cy neu restr/);
  });
});

describe('rate --lang', () => {
  it('cy: the table and its reasons in Welsh', () => {
    const r = dutykit(['rate', EXAMPLE, '--lang', 'cy'], { env: { COLUMNS: '120' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('cytunwyd 12 Mawrth 2025');
    expect(r.stdout).toMatch(/│ Meincnod\s+│ Sgôr\s+│ Sail\s+│ Rheswm/);
    expect(r.stdout).toContain('6 Gwyrdd · 3 Ambr · 1 Coch · 0 Heb ei raddio eto');
    // The rating column has only Welsh words (a rationale, the group's own text, may be in English).
    expect(r.stdout).not.toMatch(/│ (Green|Amber|Red|Not yet rated)\s+│/);
    expect(r.stdout).toMatch(/│ 8\s+│ Llogi Lleoliadau\s+│ Coch\s+│ cyfrifwyd │ Coch: /);
  });

  it('--json in Welsh gives Welsh reasons; in two languages it is refused', () => {
    const r = dutykit(['rate', EXAMPLE, '--lang', 'cy', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).benchmarks as { rating: string; reason: string }[];
    expect(rows[7]!.rating).toBe('red');
    expect(rows[7]!.reason).toMatch(/^Coch: /);
    const both = dutykit(['rate', EXAMPLE, '--lang', 'cy,en', '--json']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--lang: mae --json wedi'i ysgrifennu mewn un iaith"); // said in the first language asked
  });
});
