// Whether an assessment for a framework fits the limits every assessment file is read with.
// `validate <folder>` and `init` both ask, so a framework that validate accepts never makes
// init write a file that validate then refuses.
import { blankAssessment } from './blank.js';
import type { Framework } from './framework-schema.js';
import { prescan } from './prescan.js';
import { english } from './said.js';
import { LIMITS } from './source.js';

/** Why a blank assessment for `fw` would be refused as too large, or undefined when it fits. */
export function blankTooLarge(fw: Framework): string | undefined {
  const text = blankAssessment(fw, { authority: 'x', period: 'x', date: '2000-01-01', marking: 'OFFICIAL', frameworkRef: fw.id });
  const questions = fw.benchmarks.reduce((n, b) => n + b.questions.filter((q) => !q.retired).length, 0);
  const why = (limit: string) => `too large for one assessment file: a blank assessment listing its ${questions.toLocaleString('en-GB')} questions would ${limit}; split it into smaller frameworks or shorten its questions`;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.bytes) return why(`be ${(bytes / 1048576).toFixed(1)} MB, and an assessment file may be ${LIMITS.bytes / 1048576} MB`);
  const refused = prescan(text, LIMITS);
  if (refused) return why(`be refused: ${english(refused.message).replace(/; an assessment has .*$/, '')}, past the limit for an assessment file`);
  return undefined;
}
