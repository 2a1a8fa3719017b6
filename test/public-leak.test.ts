// Public means public: every private field of an assessment (and of the previous one a report
// compares with) is filled with a marker of its own, and no marker may appear in any public
// format. The board version, made from the same files, must show them: a marker the test
// cannot see would prove nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/catalogue.js';
import { extract } from './pdf-extract.js';
import { BIN, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dutykit-leak-'));
const markers: { field: string; text: string }[] = [];
/** Dates that are public in their own right: the assessment's, due dates, sign-off dates. */
const PUBLIC_DATES = /^(2025-03-12|2025-03-14)$/;

/**
 * The example with every private field replaced by a marker: `tag` keeps the two files' apart.
 * Review dates are markers too: each answer gets a date no other field has, old enough on
 * every other answer to make its evidence out of date (so that reasons mention them).
 */
function markedCopy(example: string, tag: string, dayOffset: number): string {
  const doc = parseDocument(readFileSync(join(ROOT, example), 'utf8')) as Document;
  let n = 0;
  const mark = (field: string) => {
    const text = `ZQ${tag}${field.slice(0, 3).toUpperCase()}${String(++n).padStart(3, '0')}`;
    markers.push({ field, text });
    return text;
  };
  let day = dayOffset;
  const reviewDate = (stale: boolean) => {
    // Stale ones before the 12-month cutoff, fresh ones after it; each a day of its own.
    const base = Date.UTC(stale ? 2019 : 2024, stale ? 0 : 3, 1);
    const iso = new Date(base + day++ * 86_400_000).toISOString().slice(0, 10);
    if (PUBLIC_DATES.test(iso)) return reviewDate(stale);
    markers.push({ field: 'reviewed', text: iso }, { field: 'reviewed (long)', text: messages('en').date(iso) });
    return iso;
  };
  for (const person of (doc.get('assessors') as { items: YAMLMap[] }).items) person.set('name', mark('assessor'));
  for (const person of (doc.get('sign_off') as { items: YAMLMap[] }).items) person.set('name', mark('signatory'));
  if (tag === 'C') doc.set('contributors', [{ organisation: mark('organisation'), name: mark('contributor'), role: mark('contributor'), date: '2025-02-01' }]);
  const benchmarks = doc.get('benchmarks') as YAMLMap;
  let i = 0;
  for (const pair of benchmarks.items) {
    const b = pair.value as YAMLMap;
    b.set('notes', mark('notes'));
    if (b.get('rating')) b.set('rationale', mark('rationale'));
    const answers = b.get('answers');
    for (const ap of isMap(answers) ? answers.items : []) {
      const a = ap.value as YAMLMap;
      a.set('evidence', mark('evidence'));
      a.set('links', [mark('link'), mark('link')]);
      a.set('reviewed', reviewDate(i++ % 2 === 0));
      if (a.get('answer') === 'n/a') a.set('justification', mark('justification'));
      // Contributions (spec §9): unsettled questions, and settled ones.
      const own = String(a.get('answer'));
      if (tag === 'C' && i % 7 === 1 && own !== 'n/a') {
        const [agree, differ] = [mark('organisation'), mark('organisation')];
        const other = own === 'met' ? 'partly' : 'met';
        a.set('positions', { [agree]: { answer: own, evidence: mark('position evidence'), links: [mark('position link')] }, [differ]: { answer: other, evidence: mark('position evidence') } });
        if (i % 14 === 8) a.set('settled', { answer: own, reason: mark('settlement'), date: '2025-03-12', positions: { [agree]: own, [differ]: other } });
      }
    }
    const actions = b.get('actions');
    if (isSeq(actions)) for (const x of actions.items) if (isMap(x)) x.set('owner', mark('owner'));
  }
  const file = join(dir, `${tag}.yaml`);
  writeFileSync(file, doc.toString());
  return file;
}

const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'buffer', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1741737600' } });

let current = '';
let previous = '';
beforeAll(() => {
  previous = markedCopy('examples/northbridge-2024.yaml', 'P', 0);
  current = markedCopy('examples/northbridge-2025.yaml', 'C', 200);
  for (const f of [previous, current]) {
    const v = run(['validate', f]);
    expect(v.status, v.stderr.toString()).toBe(0);
  }
});

/** Every format a report comes in, as text: md, json, html and the PDF's text, written and on stdout. */
async function everyFormat(audience: string): Promise<Record<string, string>> {
  const out = mkdtempSync(join(dir, `${audience}-`));
  const args = ['report', current, '--previous', previous, '--audience', audience];
  const r = run([...args, '--format', 'md,json,pdf,html', '--out', out, '--json']);
  expect(r.status, r.stderr.toString()).toBe(0);
  const written: string[] = JSON.parse(r.stdout.toString()).written;
  const texts: Record<string, string> = {};
  for (const file of written) {
    const bytes = readFileSync(file);
    texts[file.slice(file.lastIndexOf('.') + 1)] = file.endsWith('.pdf') ? (await extract(bytes)).pages.map((p) => p.text).join('\n') : bytes.toString('utf8');
  }
  for (const f of ['md', 'json', 'html']) {
    const s = run([...args, '--stdout', '--format', f]);
    expect(s.status, s.stderr.toString()).toBe(0);
    texts[`--stdout --format ${f}`] = s.stdout.toString('utf8');
  }
  return texts;
}

/** Markers found in text, with PDF line breaks and JSON escaping out of the way. */
const found = (text: string) => {
  const flat = text.replace(/\s+/g, ' ');
  return markers.filter((m) => flat.includes(m.text));
};

describe('report --audience public', () => {
  it('no private field, of this assessment or the previous one, appears in any format', async () => {
    const texts = await everyFormat('public');
    expect(Object.keys(texts).sort()).toEqual(['--stdout --format html', '--stdout --format json', '--stdout --format md', 'html', 'json', 'md', 'pdf']);
    const leaks = Object.entries(texts).flatMap(([format, text]) => found(text).map((m) => `${format}: ${m.field} ${m.text}`));
    expect(leaks).toEqual([]);
  });

  it('while the board version shows every kind of private field (so the markers can be seen)', async () => {
    const texts = await everyFormat('board');
    for (const f of ['md', 'html']) {
      const kinds = new Set(found(texts[f]!).map((m) => m.field));
      expect([...kinds].sort(), f).toEqual([
        'assessor', 'contributor', 'evidence', 'justification', 'link', 'notes', 'organisation', 'owner', 'position evidence', 'position link', 'rationale', 'reviewed', 'reviewed (long)', 'settlement', 'signatory',
      ]);
    }
    // Both kinds of question are there to leak: one still unsettled, one settled at challenge.
    expect(texts.md).toContain('## Positions not yet settled');
    expect(texts.md).toContain('*Settled at challenge:*');
    // The reasons name the review dates that make evidence out of date: the case the public version must cut.
    expect(texts.json).toMatch(/last reviewed on 2019-/);
  });
});
