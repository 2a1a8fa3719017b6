// Checks that need the ratings: an agreed rating that overrules the evidence must say why.
import type { Framework } from '../model/framework-schema.js';
import { ratingLabel, UNRATED, type BenchmarkRating } from './rate.js';

export interface RatingProblem {
  path: (string | number)[];
  message: string;
}

export function ratingProblems(fw: Framework, ratings: BenchmarkRating[]): RatingProblem[] {
  return ratings
    .filter((r) => r.basis === 'agreed' && r.computed !== UNRATED && r.final !== r.computed && !r.entry.rationale)
    .map((r) => ({
      path: ['benchmarks', r.benchmark.id, 'rating'],
      message: `agreed rating ${ratingLabel(fw, r.final)} differs from the computed ${ratingLabel(fw, r.computed)}: add a rationale saying why`,
    }));
}
