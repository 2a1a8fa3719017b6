// The published JSON Schemas must match the zod schemas. Regenerate with `npm run schemas`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessmentJsonSchema, benchmarkJsonSchema, frameworkJsonSchema } from '../src/model/json-schema.js';
import { framework, ROOT } from './helpers.js';

const update = process.env.UPDATE_SCHEMAS === '1';
const dir = join(ROOT, 'schemas');

const published: [string, () => object][] = [
  ['assessment-home-office-2018.schema.json', () => assessmentJsonSchema(framework('home-office-2018'))],
  ['assessment-thurrock-schools-2020.schema.json', () => assessmentJsonSchema(framework('thurrock-schools-2020'))],
  ['framework.schema.json', frameworkJsonSchema],
  ['benchmark.schema.json', benchmarkJsonSchema],
];
if (existsSync(join(ROOT, 'benchmarks/home-office-2024/framework.yaml'))) {
  published.push(['assessment-home-office-2024.schema.json', () => assessmentJsonSchema(framework('home-office-2024'))]);
}

describe('published JSON Schemas', () => {
  it.each(published)('schemas/%s is in step with the zod schema', (name, make) => {
    const text = `${JSON.stringify(make(), null, 2)}\n`;
    const file = join(dir, name);
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${name} is missing: run npm run schemas`).toBe(true);
    expect(readFileSync(file, 'utf8'), `${name} is out of date: run npm run schemas`).toBe(text);
  });

  it('the assessment schema lists every benchmark and question id, so editors can complete them', () => {
    const s = assessmentJsonSchema(framework()) as { properties: { benchmarks: { anyOf?: unknown[]; properties?: Record<string, unknown> } } };
    const text = JSON.stringify(s);
    for (const b of framework().benchmarks) {
      expect(text).toContain(`"${b.id}"`);
      for (const q of b.questions) expect(text).toContain(`"${q.id}"`);
    }
    expect(text).toContain('"additionalProperties":false');
  });
});
