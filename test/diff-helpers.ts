// Factories for the diff tests: bundled frameworks, assessments built from a few words, and
// a small JSON Schema checker (the subset schemas/*.schema.json uses) so no new dependency.
import type { Answer, Assessment, BenchmarkEntry } from '../src/model/assessment.js';
import type { Framework } from '../src/model/framework-schema.js';
import { rateAssessment } from '../src/rating/rate.js';
import type { RatedSide } from '../src/diff/types.js';

export { framework, ROOT } from './helpers.js';

/** An answer from a word, or from a word and a review date: 'met', ['met', '2023-01-01']. */
type AnswerSpec = string | [string, string] | Partial<Answer>;
export interface EntrySpec {
  answers?: Record<string, AnswerSpec>;
  rating?: string;
  rationale?: string;
}

function answer(a: AnswerSpec): Answer {
  if (typeof a === 'string') return { answer: a, links: [], ...(a === 'n/a' ? { justification: 'not used here' } : {}) };
  if (Array.isArray(a)) return { answer: a[0], reviewed: a[1], links: [] };
  return { links: [], ...a };
}

/** Every answer of a benchmark set to `word`, then `overrides` on top. */
export function all(fw: Framework, benchmark: string, word: string, overrides: Record<string, AnswerSpec> = {}): EntrySpec {
  const b = fw.benchmarks.find((x) => x.id === benchmark)!;
  return { answers: { ...Object.fromEntries(b.questions.map((q) => [q.id, word])), ...overrides } };
}

export function makeAssessment(fw: Framework, spec: { date?: string; authority?: string; period?: string; benchmarks?: Record<string, EntrySpec> }): Assessment {
  const benchmarks: Record<string, BenchmarkEntry> = {};
  for (const b of fw.benchmarks) {
    const e = spec.benchmarks?.[b.id];
    benchmarks[b.id] = {
      answers: Object.fromEntries(Object.entries(e?.answers ?? {}).map(([k, v]) => [k, answer(v)])),
      rating: e?.rating,
      rationale: e?.rationale,
      actions: [],
    };
  }
  return {
    framework: fw.id,
    authority: spec.authority ?? 'Testshire County Council',
    period: spec.period ?? '2024/25',
    date: spec.date ?? '2025-03-12',
    marking: 'OFFICIAL',
    assessors: [],
    benchmarks,
    sign_off: [],
  };
}

export function side(fw: Framework, spec: Parameters<typeof makeAssessment>[1] = {}): RatedSide {
  const assessment = makeAssessment(fw, spec);
  return { assessment, framework: fw, ratings: rateAssessment(fw, assessment) };
}

type Schema = Record<string, unknown>;

/** Problems found checking `value` against a JSON Schema (2020-12 subset: type, const, enum,
 * required, properties, additionalProperties, items, minItems, uniqueItems, oneOf, $ref to #/$defs,
 * minimum, pattern). */
export function schemaProblems(root: Schema, value: unknown, schema: Schema = root, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = (root.$defs as Record<string, Schema>)[name];
    if (!target) return [`${at}: unknown $ref ${schema.$ref}`];
    return schemaProblems(root, value, target, at);
  }
  const out: string[] = [];
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    if (!types.some((t) => t === kind || (t === 'number' && kind === 'integer'))) return [`${at}: expected ${types.join('|')}, found ${kind}`];
  }
  if ('const' in schema && value !== schema.const) out.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) out.push(`${at}: below ${schema.minimum}`);
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) out.push(`${at}: does not match ${schema.pattern}`);
  if (Array.isArray(schema.oneOf)) {
    const passing = schema.oneOf.filter((s) => schemaProblems(root, value, s as Schema, at).length === 0).length;
    if (passing !== 1) out.push(`${at}: matches ${passing} of the oneOf choices, expected exactly 1`);
  }
  if (kind === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in obj)) out.push(`${at}: missing required "${key}"`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) out.push(...schemaProblems(root, v, props[key], `${at}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${at}: unexpected key "${key}"`);
      else if (typeof schema.additionalProperties === 'object') out.push(...schemaProblems(root, v, schema.additionalProperties as Schema, `${at}.${key}`));
    }
  }
  if (kind === 'array') {
    const list = value as unknown[];
    if (typeof schema.minItems === 'number' && list.length < schema.minItems) out.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.uniqueItems === true && new Set(list.map((v) => JSON.stringify(v))).size !== list.length) out.push(`${at}: items are not unique`);
    if (schema.items) list.forEach((v, i) => out.push(...schemaProblems(root, v, schema.items as Schema, `${at}[${i}]`)));
  }
  return out;
}
