// Checks that need the ratings: an agreed rating that overrules the evidence must say why.
import type { Framework } from '../model/framework-schema.js';
import { ratingLabel, UNRATED, type BenchmarkRating } from './rate.js';
import { NO_ESSENTIAL } from './rules.js';

export interface RatingProblem {
  path: (string | number)[];
  message: string;
}

export function ratingProblems(fw: Framework, ratings: BenchmarkRating[]): RatingProblem[] {
  const problems: RatingProblem[] = [];
  for (const r of ratings) {
    if (r.basis !== 'agreed' || r.entry.rationale) continue;
    const path = ['benchmarks', r.benchmark.id, 'rating'];
    if (r.computed !== UNRATED && r.final !== r.computed) {
      problems.push({ path, message: `agreed rating ${ratingLabel(fw, r.final)} differs from the computed ${ratingLabel(fw, r.computed)}: add a rationale saying why` });
    } else if (r.rule === NO_ESSENTIAL.id) {
      // Answers were given, but none of them essential: the agreed rating is all there is.
      problems.push({ path, message: `agreed rating ${ratingLabel(fw, r.final)} where no essential question applies: add a rationale saying why` });
    }
  }
  return problems;
}
