// The shape of a framework folder: framework.yaml and one file per benchmark.
import * as z from 'zod';
import { saying } from './one-line.js';
import { english, said } from './said.js';

/** Bounds on the numbers a framework may hold. */
export const MAX = { evidenceMonths: 120, atLeast: 1_000, benchmarks: 1_000 } as const;

// Built on first use, not when the module loads (~15 ms of zod): a command that reads only
// the bundled frameworks uses their checked, compiled copies and never needs these.
function build() {
  const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, english(said('problem.kebabId')));
  const text = z.string().trim().min(1, 'must not be empty');
  // Assessments match answer words case-insensitively, so an answer id must be written as
  // they are read back: lower case, no spaces at the ends ("met", "not-met", "n/a").
  const answerId = z.string().regex(/^[a-z0-9]+([-/_. ][a-z0-9]+)*$/, english(said('problem.answerWord')));

  const share = z.number().min(0).max(1);
  // Every number is bounded: a framework `validate` accepts must never make later date
  // arithmetic or counting fail ("Invalid time value" from evidence_valid_months: 4000000).
  const count = (max: number) => z.number().int().min(1).max(max);
  const conditionSchema = z
    .strictObject({
      questions: z.enum(['essential', 'any']).default('any'),
      answer: z.union([z.string(), z.array(z.string()).min(1)]).transform((a) => (Array.isArray(a) ? a : [a])),
      at_least: count(MAX.atLeast).optional(),
      none: z.literal(true).optional(),
      all: z.literal(true).optional(),
      share_below: share.optional(),
      share_at_least: share.optional(),
    })
    .refine(
      (c) => [c.at_least, c.none, c.all, c.share_below, c.share_at_least].filter((v) => v !== undefined).length === 1,
      saying(said('problem.exactlyOne')),
    );

  // `any:` or `all:`, one of them. One object rather than a union of the two: a union that fails
  // says only that the whole `when:` is wrong, at its line; this says which value, at its own.
  const conditions = z.array(conditionSchema).min(1);
  type Conditions = z.output<typeof conditions>;
  const whenSchema = z
    .strictObject({ any: conditions.optional(), all: conditions.optional() })
    .meta({ minProperties: 1, maxProperties: 1 }) // for editors (json-schema.ts): exactly one of the two
    .refine((w) => (w.any === undefined) !== (w.all === undefined), saying(said('problem.anyOrAll')))
    .transform((w): { any: Conditions } | { all: Conditions } => (w.any ? { any: w.any } : { all: w.all! }));

  const ruleSchema = z.strictObject({
    id,
    rating: z.string(),
    explain: text,
    when: whenSchema.optional(),
    cite: z.array(z.string()).optional(),
  });

  const frameworkFileSchema = z.strictObject({
    id,
    version: z.union([z.string(), z.number()]).transform(String),
    title: text,
    publisher: text,
    source: text,
    licence: text,
    attribution: text,
    evidence_valid_months: count(MAX.evidenceMonths).default(12),
    benchmarks: z.array(id).min(1).max(MAX.benchmarks),
    answers: z
      .array(
        z.strictObject({
          id: answerId,
          label: text,
          phrase: text,
          applicable: z.boolean().default(true),
          stale_as: z.string().optional(),
        }),
      )
      .min(2),
    ratings: z.array(z.strictObject({ id, label: text, colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, english(said('problem.colour'))) })).min(2),
    rules: z.array(ruleSchema).min(1),
    // Kinds of body a return may be from (a school's phase, say): questions may apply to some only.
    kinds: z.array(z.strictObject({ id, label: text })).min(1).optional(),
    maps_from: z
      .strictObject({
        framework: id,
        benchmarks: z.record(z.string(), z.union([id, z.null()])),
        questions: z.record(z.string(), z.union([z.string(), z.null()])).optional(),
      })
      .optional(),
  });

  const questionSchema = z.strictObject({
    id,
    title: text,
    text,
    guidance: text,
    evidence: z.array(text).min(1),
    essential: z.boolean(),
    /** Kinds of body the question applies to (all when absent); others are not asked it. */
    kinds: z.array(id).min(1).optional(),
    /** Kinds for which the question is essential even where `essential` is false. */
    essential_for: z.array(id).min(1).optional(),
    retired: z.boolean().default(false),
  });

  const benchmarkFileSchema = z.strictObject({
    id,
    number: count(MAX.benchmarks),
    title: text,
    statement: text,
    basis: text,
    questions: z.array(questionSchema).min(1),
  });
  return { conditionSchema, ruleSchema, frameworkFileSchema, questionSchema, benchmarkFileSchema };
}

let built: ReturnType<typeof build> | undefined;

/** The zod schemas of framework.yaml and of a benchmark file. */
export const frameworkSchemas = (): ReturnType<typeof build> => (built ??= build());

type Schemas = ReturnType<typeof build>;
export type FrameworkFile = z.output<Schemas['frameworkFileSchema']>;
export type Condition = z.output<Schemas['conditionSchema']>;
export type Rule = z.output<Schemas['ruleSchema']>;
export type Question = z.output<Schemas['questionSchema']>;
export type Benchmark = z.output<Schemas['benchmarkFileSchema']>;
export type RatingDef = FrameworkFile['ratings'][number];

/** A framework as the rest of the program sees it: the file plus its benchmarks, in order. */
export interface Framework extends Omit<FrameworkFile, 'benchmarks'> {
  dir: string;
  benchmarks: Benchmark[];
  /** Set when a folder takes a bundled framework's id but not its questions and rules. */
  differsFromBundled?: boolean;
}
