// The keys of spec §9 in an assessment file: who a contribution is from (`contributor`), whose
// contributions a partnership file has taken in (`contributors`), each organisation's answer to a
// question (`positions`) and the group's settlement of a disagreement (`settled`). See README,
// "Contributions and positions".
import * as z from 'zod';
import { oneVoiceEach, organisationName } from './one-line.js';

type Describe = <T extends z.ZodType>(schema: T, description: string) => T;
interface Kit {
  text: z.ZodType<string>;
  isoDate: z.ZodType<string>;
  d: Describe;
}

export function positionSchemas<F extends z.ZodRawShape>(
  k: Kit & {
    fields: F;
    justified: (a: { answer?: string | null; justification?: string | null }, ctx: z.RefinementCtx) => void;
    answerWord: z.ZodType<string>;
  },
) {
  const { fields, justified, answerWord, text, isoDate, d } = k;
  const position = z.strictObject(fields).superRefine(justified as never);
  const positions = d(
    z.record(organisationName(text), position).superRefine(oneVoiceEach).nullish(),
    "Written by dutykit merge: each contributing organisation's answer and evidence, under its name",
  );
  const settled = d(
    z
      .strictObject({
        answer: d(answerWord, "The group's answer"),
        reason: d(text, 'Why the group chose it'),
        date: d(isoDate, 'When the group settled it (YYYY-MM-DD)'),
        positions: d(z.record(organisationName(text), answerWord).superRefine(oneVoiceEach), 'The positions it settled: organisation and the answer it gave'),
      })
      .nullish(),
    'Written by the challenge session in dutykit assess: how the group settled a disagreement',
  );
  return { positions, settled };
}

export function contributionSchemas({ text, isoDate, d }: Kit) {
  return {
    contributor: d(
      z.strictObject({ organisation: organisationName(text), name: text.nullish(), role: text.nullish() }).nullish(),
      'Only in a contribution: the organisation it comes from, and who wrote it',
    ),
    contributors: d(
      z.array(z.strictObject({ organisation: organisationName(text), name: text.optional(), role: text.optional(), date: isoDate.optional() })).nullish(),
      'Written by dutykit merge: the contributions this file has taken in',
    ),
  };
}
