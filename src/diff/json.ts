// The published JSON shapes. Bump the @ number on any change that could break a reader;
// adding an optional field is not one. schemas/diff.schema.json describes dutykit/diff@1,
// schemas/trend.schema.json dutykit/trend@1.
import { rowName } from './describe.js';
import type { FailOn, Tripped } from './fail-on.js';
import type { Trend } from './trend.js';
import type { AssessmentDiff } from './types.js';

export function diffJson(d: AssessmentDiff, failOn?: { conditions: FailOn[]; tripped: Tripped[] }) {
  return {
    schema: 'dutykit/diff@1',
    ...d,
    ...(failOn && {
      failOn: {
        conditions: failOn.conditions,
        tripped: failOn.tripped.map((t) => ({
          condition: t.condition,
          benchmarks: t.benchmarks.map((r) => ({ id: (r.benchmark ?? r.from[0])?.id ?? '', name: rowName(r) })),
          ...(t.changes ? { changes: t.changes } : {}),
        })),
      },
    }),
  };
}

export function trendJson(t: Trend) {
  return { schema: 'dutykit/trend@1', ...t };
}
