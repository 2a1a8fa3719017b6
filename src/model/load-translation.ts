// A framework's text in another language: framework.<lang>.yaml beside framework.yaml, keyed
// by the English files' ids. Anything left out is shown in English (localize.ts lists it).
// The format is in docs/framework-translations.md.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { Problem } from '../errors.js';
import { readAlike } from './one-line.js';
import { compiledTranslation } from './compiled-framework.js';
import type { Framework } from './framework-schema.js';
import { near, said } from './said.js';
import { readSource, type Source } from './source.js';
import { PARSE_OPTIONS, zodProblems } from './zod-problems.js';
import type { Loaded } from './load-framework.js';

function build() {
  const text = z.string().trim().min(1, 'must not be empty');
  const question = z.strictObject({ title: text.optional(), text: text.optional(), guidance: text.optional(), evidence: z.array(text).min(1).optional() });
  return z.strictObject({
    title: text.optional(),
    /** Where the framework comes from, when it is words (an address needs no translation). */
    source: text.optional(),
    licence: text.optional(),
    attribution: text.optional(),
    ratings: z.record(z.string(), text).optional(),
    answers: z.record(z.string(), z.strictObject({ label: text.optional(), phrase: text.optional() })).optional(),
    rules: z.record(z.string(), text).optional(),
    /** Kind id: its label (a school's phase, say). */
    kinds: z.record(z.string(), text).optional(),
    benchmarks: z
      .record(
        z.string(),
        z.strictObject({
          title: text.optional(),
          statement: text.optional(),
          basis: text.optional(),
          questions: z.record(z.string(), question).optional(),
        }),
      )
      .optional(),
  });
}

let schema: ReturnType<typeof build> | undefined;
export type Translation = z.output<ReturnType<typeof build>>;

export const translationFile = (dir: string, lang: string) => join(dir, `framework.${lang}.yaml`);

/** The translation of `fw` into `lang`, or undefined when there is none; every problem at once. */
export function loadTranslation(fw: Framework, lang: string): Loaded<Translation | undefined> {
  const compiled = compiledTranslation(fw, lang);
  if (compiled !== 'not compiled') return { value: compiled };
  const file = translationFile(fw.dir, lang);
  if (!existsSync(file)) return { value: undefined };
  const src = readSource(file);
  if (!src.source) return { problems: src.problems };
  schema ??= build();
  const parsed = schema.safeParse(src.source.data, PARSE_OPTIONS);
  if (!parsed.success) return { problems: zodProblems(parsed.error, schema, src.source) };
  const problems = [...unknownIds(fw, parsed.data, src.source), ...labelProblems(fw, parsed.data, src.source)];
  return problems.length ? { problems } : { value: parsed.data };
}

/** Every framework.<lang>.yaml in the framework's folder, checked: for `validate`. */
export function translationProblems(fw: Framework, langs: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const name of readdirSync(fw.dir).filter((f) => /^framework\.[^.]+\.yaml$/.test(f)).sort()) {
    const lang = name.slice('framework.'.length, -'.yaml'.length);
    if (!langs.includes(lang)) {
      problems.push({ file: join(fw.dir, name), line: 1, col: 1, path: '', message: `dutykit has no language "${lang}" (it has ${langs.join(', ')}), so this translation would never be read` });
      continue;
    }
    problems.push(...(loadTranslation(fw, lang).problems ?? []));
  }
  return problems;
}

/**
 * The keys of the map at `path` as the file has them. zod's record drops a `__proto__` key (a
 * plain object cannot hold it as its own), so the parsed translation would pass it in silence.
 */
function written(src: Source, path: string[]): string[] {
  let v: unknown = src.data;
  for (const key of path) v = v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
}

/** A translation may only name what the framework has: a misspelt id would be silently unused. */
function unknownIds(fw: Framework, tr: Translation, src: Source): Problem[] {
  const problems: Problem[] = [];
  // `what`: rating, answer, rule, kind, benchmark, or question (of `benchmark`).
  const check = (path: string[], ids: string[] | undefined, known: string[], what: string, benchmark = '') => {
    for (const id of ids ?? []) {
      if (!known.includes(id)) problems.push(src.at(path, said('problem.translationUnknown', { framework: fw.id, what, benchmark, id, ...near(id, known) }), { key: id }));
    }
  };
  check(['ratings'], written(src, ['ratings']), fw.ratings.map((r) => r.id), 'rating');
  check(['answers'], written(src, ['answers']), fw.answers.map((a) => a.id), 'answer');
  check(['rules'], written(src, ['rules']), fw.rules.map((r) => r.id), 'rule');
  check(['kinds'], written(src, ['kinds']), (fw.kinds ?? []).map((k) => k.id), 'kind');
  check(['benchmarks'], written(src, ['benchmarks']), fw.benchmarks.map((b) => b.id), 'benchmark');
  for (const id of Object.keys(tr.benchmarks ?? {})) {
    const known = fw.benchmarks.find((x) => x.id === id);
    if (known) check(['benchmarks', id, 'questions'], written(src, ['benchmarks', id, 'questions']), known.questions.map((q) => q.id), 'question', id);
  }
  return problems;
}

/**
 * As for the English labels (framework-checks.ts): a translated rating or answer label that
 * names another entry of its scale, in either language, would make the report say the opposite
 * of the rating (`red: Gwyrdd`). Each names its own entry only.
 */
function labelProblems(fw: Framework, tr: Translation, src: Source): Problem[] {
  const problems: Problem[] = [];
  const scales = [
    ['ratings', 'rating', fw.ratings.map((r) => ({ id: r.id, english: [r.label], own: tr.ratings?.[r.id] !== undefined ? [tr.ratings[r.id]!] : [] }))],
    ['answers', 'answer', fw.answers.map((a) => ({ id: a.id, english: [a.label, a.phrase].filter((x): x is string => !!x), own: [tr.answers?.[a.id]?.label, tr.answers?.[a.id]?.phrase].filter((x): x is string => !!x) }))],
  ] as const;
  for (const [key, noun, items] of scales) {
    for (const item of items) {
      for (const word of item.own) {
        const other = items.find((o) => o.id !== item.id && [o.id, ...o.english, ...o.own].some((w) => readAlike(w) === readAlike(word)));
        if (other) problems.push(src.at([key, item.id], said('problem.translationLabelTwice', { word, noun, other: other.id })));
      }
    }
  }
  return problems;
}
