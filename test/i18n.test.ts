// The message catalogue: every language has every English key, with the same arguments;
// Welsh plurals take all six categories; dates are Node's ICU long dates.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '@messageformat/parser';
import { LANGS, messages, parseLangs } from '../src/i18n/catalogue.js';

const DIR = new URL('../src/i18n/messages/', import.meta.url);
const read = (lang: string): Record<string, string> => {
  const { $comment: _, ...rest } = JSON.parse(readFileSync(new URL(`${lang}.json`, DIR), 'utf8')) as Record<string, string>;
  return rest;
};
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

/** Parameters a message is given that English does not print (src/rating/explain.ts, stale evidence). */
const EXTRA: Record<string, string[]> = {
  'reason.stale': ['label', 'dateLong', 'reviewedLong'],
  'reason.stale.undated': ['label', 'dateLong'],
  // src/diff/causes.ts and questions.ts: the answer's label and long dates, where English words a phrase and ISO dates.
  'cause.answer': ['label', 'wasLabel'],
  'cause.nowAsked': ['label'],
  'cause.noLongerAsked': ['wasLabel'],
  'cause.fresh': ['label'],
  'cause.freshOn': ['label', 'reviewedLong'],
  'cause.stale': ['label', 'reviewedLong'],
  'cause.stale.undated': ['label'],
  'question.change.stale': ['reviewedLong'],
  'question.change.freshOn': ['reviewedLong'],
};

/** The argument names a message uses, at any depth. */
function args(msg: string): string[] {
  const found = new Set<string>();
  type Token = { arg?: unknown; cases?: { tokens: Token[] }[] };
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (typeof t.arg === 'string') found.add(t.arg);
      for (const c of t.cases ?? []) walk(c.tokens);
    }
  };
  walk(parse(msg) as Token[]);
  return [...found].sort();
}

describe('catalogue', () => {
  const en = read('en');

  it('has a compiled catalogue for every messages file, English first', () => {
    expect(LANGS[0]).toBe('en');
    expect([...LANGS].sort()).toEqual([...files].sort());
    expect(LANGS).toContain('cy');
  });

  it.each(files.filter((l) => l !== 'en'))('%s has every English key, no other, and uses only arguments English is given', (lang) => {
    const other = read(lang);
    const missing = Object.keys(en).filter((k) => !(k in other));
    const extra = Object.keys(other).filter((k) => !(k in en));
    expect(missing, `keys missing from ${lang}.json`).toEqual([]);
    expect(extra, `keys in ${lang}.json that English does not have`).toEqual([]);
    // Messages are given the same parameters in every language; one may leave some out, never use one English lacks.
    // (Where English does not use a parameter it is given, the exception is listed here.)
    const given = (k: string) => [...args(en[k]!), ...(EXTRA[k] ?? [])];
    for (const k of Object.keys(en)) expect(args(other[k]!).filter((a) => !given(k).includes(a)), `${lang}.json ${k}`).toEqual([]);
  });

  it('finds a key missing from a language (the check above is not vacuous)', () => {
    const cy = read('cy');
    delete cy['rating.unrated'];
    expect(Object.keys(en).filter((k) => !(k in cy))).toEqual(['rating.unrated']);
  });

  it('says each message in its own language', () => {
    const { t } = messages('cy');
    expect(t('rating.unrated')).toBe('Heb ei raddio eto');
    expect(t('report.pdf.page', { page: 1, pages: 12 })).toBe('Tudalen 1 o 12');
    expect(messages('en').t('report.pdf.page', { page: 1, pages: 12 })).toBe('Page 1 of 12');
  });

  it('parses --lang lists, and names the first value that is not a language, an empty entry or one given twice', () => {
    expect(parseLangs('cy')).toEqual({ langs: ['cy'] });
    expect(parseLangs('CY, en')).toEqual({ langs: ['cy', 'en'] });
    expect(parseLangs('cy,fr')).toEqual({ unknown: 'fr' });
    expect(parseLangs(',')).toEqual({ empty: true });
    expect(parseLangs('cy,,fr')).toEqual({ unknown: 'fr' });
    expect(parseLangs('cy,')).toEqual({ empty: true });
    expect(parseLangs('cy,CY')).toEqual({ twice: 'cy' });
  });
});

describe('Welsh plurals', () => {
  const { t } = messages('cy');
  it.each([
    [0, 'Sgoriau ar draws y 0 meincnod'],
    [1, 'Sgoriau ar draws y 1 meincnod'],
    [2, 'Sgoriau ar draws y 2 feincnod'],
    [3, 'Sgoriau ar draws y 3 meincnod'],
    [6, 'Sgoriau ar draws y 6 meincnod'],
    [7, 'Sgoriau ar draws y 7 meincnod'],
    [10, 'Sgoriau ar draws y 10 meincnod'],
  ])('%i benchmarks', (n, text) => expect(t('report.chart.title', { count: n })).toBe(text));

  it.each([
    [0, "Atebwyd 0 o'r 0 cwestiwn."],
    [1, "Atebwyd 1 o'r 1 cwestiwn."],
    [2, "Atebwyd 2 o'r 2 gwestiwn."],
    [3, "Atebwyd 3 o'r 3 chwestiwn."],
    [6, "Atebwyd 6 o'r 6 chwestiwn."],
    [7, "Atebwyd 7 o'r 7 cwestiwn."],
  ])('%i questions: the mutation follows the number', (n, text) => expect(t('report.answered', { answered: n, total: n })).toBe(text));

  it.each([
    [1, 'Ar 12 Mawrth 2025, mae 1 cam gweithredu agored'],
    [2, 'Ar 12 Mawrth 2025, mae 2 gam gweithredu agored'],
    [3, 'Ar 12 Mawrth 2025, mae 3 cham gweithredu agored'],
    [6, 'Ar 12 Mawrth 2025, mae 6 cham gweithredu agored'],
    [7, 'Ar 12 Mawrth 2025, mae 7 cam gweithredu agored'],
  ])('%i overdue actions', (n, start) => expect(t('report.overdue', { count: n, date: '12 Mawrth 2025' })).toMatch(new RegExp(`^${start} wedi`)));

  it('English keeps one and other', () => {
    const en = messages('en').t;
    expect(en('report.overdue', { count: 1, date: '12 March 2025' })).toBe('1 open action is past the date due as at 12 March 2025.');
    expect(en('report.overdue', { count: 2, date: '12 March 2025' })).toBe('2 open actions are past the date due as at 12 March 2025.');
  });
});

describe('dates', () => {
  it.each(LANGS)('%s: every month as Node’s Intl writes the long date', (lang) => {
    const l = messages(lang);
    const intl = new Intl.DateTimeFormat(l.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      const iso = `2025-${String(m).padStart(2, '0')}-0${(m % 9) + 1}`;
      expect(l.date(iso)).toBe(intl.format(new Date(`${iso}T12:00:00Z`)));
    }
  });

  it('Welsh and English long dates', () => {
    expect(messages('cy').date('2025-03-12')).toBe('12 Mawrth 2025');
    expect(messages('cy').date('2024-11-01')).toBe('1 Tachwedd 2024');
    expect(messages('en').date('2025-03-12')).toBe('12 March 2025');
  });
});

describe('Welsh numbers with nouns (after a hostile reading)', () => {
  const { t } = messages('cy');
  it.each([
    ['failOn.trip', { condition: 'decline', count: 2, names: 'x' }, '--fail-on decline: dau feincnod wedi dirywio: x'],
    ['failOn.trip', { condition: 'decline', count: 3, names: 'x' }, '--fail-on decline: 3 meincnod wedi dirywio: x'],
    ['rate.unsettled', { count: 1 }, '1 heb ei setlo'],
    ['rate.unsettled', { count: 4 }, '4 heb eu setlo'],
    ['problem.more', { count: 2 }, 'dwy broblem arall heb eu dangos; cywirwch y rhain a rhedwch eto'],
    ['problem.more', { count: 7 }, '7 o broblemau eraill heb eu dangos; cywirwch y rhain a rhedwch eto'],
  ] as const)('%s %o', (key, params, text) => expect(t(key, params)).toBe(text));
});
