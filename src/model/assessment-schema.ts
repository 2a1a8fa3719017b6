// The shape of an assessment file (spec §4), built for one framework so that
// benchmark and question ids are checked, and editors can complete them.
import * as z from 'zod';
import type { Framework } from './framework-schema.js';
import { contributionSchemas, positionSchemas } from './contribution-schema.js';
import { oneLine, saying } from './one-line.js';
import { said } from './said.js';

const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const word = <T extends string>(values: readonly [T, ...T[]]) => z.preprocess(lower, z.enum(values));
export const text = z.string().trim().min(1, 'must not be empty');
/** Free text that YAML may have read as a number (`period: 2024`, a URN): still text, as written (as-written.ts). */
export const looseText = z.union([z.string(), z.number()]).transform(String).pipe(text);
/** A calendar date, YYYY-MM-DD: zod's check knows month lengths and leap years. */
export const isoDate = z.iso.date({
  error: (i) => (i.code === 'invalid_type' ? 'expected a date written YYYY-MM-DD' : `"${String(i.input)}" is not a date; write it as YYYY-MM-DD`),
});

export const isIsoDate = (s: string): boolean => isoDate.safeParse(s).success;

const person = z.strictObject({ name: text, role: text.optional() });

/**
 * `forEditors`: with a description on every key, for the JSON Schema editors complete files
 * with (json-schema.ts). Checking a file needs none, and each description copies a schema:
 * without them, one schema serves every question.
 */
export function assessmentSchema(fw: Framework, { forEditors = false } = {}) {
  const d = <T extends z.ZodType>(schema: T, description: string): T => (forEditors ? schema.describe(description) : schema);
  const answerWords = fw.answers.map((a) => a.id) as [string, ...string[]];
  const ratingWords = fw.ratings.map((r) => r.id) as [string, ...string[]];
  const kindWords = fw.kinds?.map((k) => k.id) as [string, ...string[]] | undefined;
  const notApplicable = new Set(fw.answers.filter((a) => !a.applicable).map((a) => a.id));

  const fields = {
    answer: d(word(answerWords).nullish(), `One of ${answerWords.join(', ')}; leave empty while unanswered`),
    evidence: d(text.nullish(), 'What shows it: documents, minutes, data'),
    links: d(z.array(text).optional(), 'Evidence documents: paths or web addresses'),
    reviewed: d(isoDate.nullish(), 'When the evidence was last checked (YYYY-MM-DD)'),
    justification: d(text.nullish(), 'Why the question does not apply (required for n/a)'),
  };
  const justified = (a: { answer?: string | null; justification?: string | null }, ctx: z.RefinementCtx) => {
    if (a.answer && notApplicable.has(a.answer) && !a.justification) {
      ctx.addIssue({ code: 'custom', path: ['justification'], ...saying(said('problem.justification', { answer: a.answer })) });
    }
  };
  const { positions, settled } = positionSchemas({ fields, justified, answerWord: word(answerWords), text, isoDate, d });
  const answer = z.strictObject({ ...fields, positions, settled }).superRefine(justified);

  const action = z.strictObject({
    action: text,
    owner: text.optional(),
    due: isoDate.optional(),
    status: word(['open', 'done']).default('open'),
  });

  const answerOrNothing = answer.nullish();
  const question = (title: string) => (forEditors ? answer.nullish().describe(title) : answerOrNothing);
  const benchmarks = Object.fromEntries(
    fw.benchmarks.map((b) => {
      const answers = Object.fromEntries(b.questions.map((q) => [q.id, question(q.title)]));
      const entry = z.strictObject({
        answers: z.strictObject(answers).nullish(),
        rating: d(word(ratingWords).nullish(), "The group's agreed rating"),
        rationale: d(text.nullish(), 'Why the agreed rating differs from the computed one'),
        notes: d(text.nullish(), 'Internal notes (left out of the public report)'),
        actions: z.array(action).nullish(),
      });
      return [b.id, d(entry, `${b.number}. ${b.title}`).nullish()];
    }),
  );

  return z.strictObject({
    framework: d(text, 'Id of a bundled framework, or a path relative to this file'),
    framework_version: d(looseText.optional(), 'Framework version the file was written against'),
    authority: d(looseText, "The council's name, or the body's name on a return"),
    period: d(looseText, 'The period the assessment covers, e.g. 2024/25'),
    date: d(isoDate, 'The date the group agreed the ratings (YYYY-MM-DD)'),
    marking: d(looseText.default('OFFICIAL'), 'Protective marking, e.g. OFFICIAL or OFFICIAL-SENSITIVE'),
    assessors: z.array(person).nullish(),
    ...contributionSchemas({ text, isoDate, d }),
    benchmarks: z.strictObject(benchmarks).nullish(),
    sign_off: z
      .array(z.strictObject({ name: text, role: text, date: isoDate.optional(), signed: d(text.optional(), 'What was signed: written by assess, checked on every read (see the README)') }))
      .nullish(),
    // A framework with kinds rates each return by its kind, so a return must say which it is.
    ...(kindWords
      ? { kind: d(word(kindWords), `The kind of body: ${kindWords.join(', ')}`) }
      : !forEditors && { kind: z.unknown().refine((v) => v == null, saying(said('problem.noKinds', { id: fw.id }))).optional() }),
    reference: d(oneLine(looseText).nullish(), "The body's stable reference, e.g. a school's URN"),
  });
}

export type AssessmentFile = z.output<ReturnType<typeof assessmentSchema>>;
