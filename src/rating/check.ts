// Checks that need the ratings: an agreed rating that overrules the evidence must say why.
import type { Framework } from '../model/framework-schema.js';
import { ratingLabel, UNRATED, type BenchmarkRating } from './rate.js';
import { NO_ESSENTIAL } from './rules.js';
import { english, said, type Said } from '../model/said.js';

export interface RatingProblem {
  path: (string | number)[];
  message: string;
  /** The message as a catalogue entry, for the terminal in the language asked. */
  says: Said;
}

const problem = (path: (string | number)[], says: Said): RatingProblem => ({ path, message: english(says), says });

export function ratingProblems(fw: Framework, ratings: BenchmarkRating[]): RatingProblem[] {
  const problems: RatingProblem[] = [];
  for (const r of ratings) {
    if (r.basis !== 'agreed' || r.entry.rationale) continue;
    const path = ['benchmarks', r.benchmark.id, 'rating'];
    if (r.computed !== UNRATED && r.final !== r.computed) {
      problems.push(problem(path, said('problem.agreedDiffers', { agreed: ratingLabel(fw, r.final), computed: ratingLabel(fw, r.computed) })));
    } else if (r.rule === NO_ESSENTIAL.id) {
      // Answers were given, but none of them essential: the agreed rating is all there is.
      problems.push(problem(path, said('problem.agreedNoEssential', { agreed: ratingLabel(fw, r.final) })));
    }
  }
  return problems;
}
