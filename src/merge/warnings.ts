// `validate`'s warning for each unsettled question, at the question's positions in the file.
import type { Problem } from '../errors.js';
import type { LoadedAssessment } from '../model/load-assessment.js';
import type { BenchmarkRating } from '../rating/rate.js';
import { voicesText } from '../rating/unsettled.js';

export function unsettledWarnings(l: LoadedAssessment & { ratings: BenchmarkRating[] }): Problem[] {
  const out: Problem[] = [];
  for (const r of l.ratings) {
    for (const q of r.questions) {
      if (q.resolved.source !== 'unsettled') continue;
      const lapsed = q.resolved.lapsed ? `; the settlement of ${q.resolved.lapsed.date} no longer covers them, as a position changed since` : '';
      const text = `warning: '${q.question.title}' is unsettled (${voicesText(l.framework, q.resolved.voices, l.assessment.authority)})${lapsed}; it counts as its lowest position until the group settles it in dutykit assess`;
      out.push(l.source.at(['benchmarks', r.benchmark.id, 'answers', q.question.id, 'positions'], text));
    }
  }
  return out;
}
