// Two returns of one body on one day: the roll-up and status can tell them apart by file name
// only (the last in name order is used), and say so in the same words.
import { messages, type Messages } from '../i18n/catalogue.js';

/** Two or more returns from one body with the same, latest, date. */
export interface SameDay {
  name: string;
  reference?: string;
  date: string;
  used: string;
  others: string[];
}

/** The warning for returns of one body on one day, for `rollup` and `status` alike. */
export function sameDayWarning(d: SameDay, l: Messages = messages()): string {
  const files = [...d.others, d.used].sort();
  const ref = d.reference !== undefined ? { hasReference: 'yes', reference: d.reference } : { hasReference: 'no', reference: '' };
  return l.t('rollup.warning.sameDay', { used: d.used, count: files.length, name: d.name, ...ref, date: d.date, files: files.join(', ') });
}
