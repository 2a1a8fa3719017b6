// JSON Schemas published for editors (a YAML language server completes and checks files
// with them). Generated from the zod schemas, so there is one source of truth.
import * as z from 'zod';
import { assessmentSchema } from './assessment-schema.js';
import { frameworkSchemas, type Framework } from './framework-schema.js';

const opts = { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', reused: 'ref' } as const;

export function assessmentJsonSchema(fw: Framework): object {
  return {
    ...z.toJSONSchema(assessmentSchema(fw, { forEditors: true }), opts),
    $id: `https://dutykit.example/schemas/assessment-${fw.id}.schema.json`,
    title: `dutykit assessment (${fw.id} ${fw.version})`,
  };
}

export function frameworkJsonSchema(): object {
  return { ...z.toJSONSchema(frameworkSchemas().frameworkFileSchema, opts), title: 'dutykit framework.yaml' };
}

export function benchmarkJsonSchema(): object {
  return { ...z.toJSONSchema(frameworkSchemas().benchmarkFileSchema, opts), title: 'dutykit benchmark file' };
}
