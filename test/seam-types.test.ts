// The seam is a type: the writers take a `Term`, and `term` takes only `Term`s, numbers and
// literals. `npm test` runs tsc over this file first: were a bare string accepted, each
// expected error below would be unused, and the type check would fail.
import { describe, expect, it } from 'vitest';
import { err, out } from '../src/cli/output.js';
import { exact, plain, term, type Term } from '../src/outside.js';

const fromAFile = (): string => 'Venue Hire \x1b[31m';

describe('outside text must pass through the seam', () => {
  it('a bare string is refused by the writers and by term, and accepted once made a Term', () => {
    const refused = [
      // @ts-expect-error text from a file is not a Term
      () => out(fromAFile()),
      // @ts-expect-error nor is a message built from one
      () => err(`wrote ${fromAFile()}`),
      // @ts-expect-error term refuses a string value
      () => term`wrote ${fromAFile()}`,
    ];
    const accepted: Term[] = [term`wrote ${exact(fromAFile())}: ${3} benchmarks${fromAFile().length > 1 ? 's' : ''}`, plain(fromAFile())];
    expect(refused).toHaveLength(3);
    expect(accepted).toEqual(['wrote Venue Hire \\u001b[31m: 3 benchmarkss', 'Venue Hire ']);
  });
});
