// The assessment as the program uses it: defaults filled, nothing null.
export interface Person {
  name: string;
  role?: string;
}

export interface Answer {
  answer?: string;
  evidence?: string;
  links: string[];
  reviewed?: string;
  justification?: string;
  /** What contributing organisations answered, under each one's name (written by `merge`). */
  positions?: Record<string, Position>;
  /** How the group settled a disagreement between positions (written by `assess`). */
  settled?: Settlement;
}

/** One organisation's answer to one question, with its evidence. */
export type Position = Omit<Answer, 'positions' | 'settled'>;

export interface Settlement {
  answer: string;
  reason: string;
  date: string;
  /** The positions settled: organisation and the answer it gave then. */
  positions: Record<string, string>;
}

export interface Contributor {
  organisation: string;
  name?: string;
  role?: string;
  date?: string;
}

export interface Action {
  action: string;
  owner?: string;
  due?: string;
  status: 'open' | 'done';
}

export interface BenchmarkEntry {
  answers: Record<string, Answer>;
  rating?: string;
  rationale?: string;
  notes?: string;
  actions: Action[];
}

export interface SignOff {
  name: string;
  role: string;
  date?: string;
  /** The digest of what was signed (model/sign-off.ts); absent on a sign-off written by hand. */
  signed?: string;
  /** The assessment has changed since: the sign-off no longer stands until given again. */
  outOfDate?: boolean;
}

export interface Assessment {
  framework: string;
  framework_version?: string;
  authority: string;
  /** The kind of body, on a return against a framework that declares kinds. */
  kind?: string;
  /** The body's stable reference (a school's URN), on a return. */
  reference?: string;
  period: string;
  date: string;
  marking: string;
  assessors: Person[];
  /** Set only in a contribution: the organisation it is from. */
  contributor?: Contributor;
  /** In a partnership file: the contributions merged into it. */
  contributors?: Contributor[];
  /** Every benchmark of the framework has an entry, empty when the file has none. */
  benchmarks: Record<string, BenchmarkEntry>;
  sign_off: SignOff[];
}
