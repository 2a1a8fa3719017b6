// Words for the report model's ids, from the catalogue: one place maps an id to its key.
import type { MessageKey, Messages } from '../i18n/catalogue.js';

const DIRECTION: Record<string, MessageKey> = {
  improved: 'direction.improved',
  declined: 'direction.declined',
  unchanged: 'direction.unchanged',
  'newly rated': 'direction.newlyRated',
  'no longer rated': 'direction.noLongerRated',
  'not comparable': 'direction.notComparable',
};

/** "improved", "wedi gwella": a change's direction in the report's language. */
export function directionWord(t: Messages['t'], d: string): string {
  const key = DIRECTION[d];
  return key ? t(key) : d;
}
