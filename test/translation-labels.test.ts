// Found by a hostile tester: a translation could relabel Red as "Gwyrdd" and not met as met.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutykit, ROOT } from './helpers.js';

function copy(edit: (cy: string) => string): { fw: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dutykit-cy-'));
  const fw = join(dir, 'fw');
  cpSync(join(ROOT, 'benchmarks', 'home-office-2018'), fw, { recursive: true });
  const cy = join(fw, 'framework.cy.yaml');
  writeFileSync(cy, edit(readFileSync(cy, 'utf8')));
  const file = join(dir, 'a.yaml');
  writeFileSync(file, readFileSync(join(ROOT, 'examples', 'northbridge-2025.yaml'), 'utf8').replace('framework: home-office-2018', 'framework: ./fw'));
  return { fw, file };
}

describe('translated labels name their own entry only', () => {
  it.each([
    ['red labelled as green in Welsh', (cy: string) => cy.replace(/^( {2})red: Coch$/m, '$1red: Gwyrdd'), 'ratings.red: "Gwyrdd" also names rating "green"', 'ratings.red: mae "Gwyrdd" hefyd yn enwi\'r sgôr "green"'],
    ['red labelled as green with a zero-width space in it', (cy: string) => cy.replace(/^( {2})red: Coch$/m, '$1red: "Gw\\u200byrdd"'), 'ratings.red: "Gw\\u200byrdd" also names rating "green"', 'ratings.red: mae "Gw\\u200byrdd" hefyd yn enwi\'r sgôr "green"'],
    ['not met labelled as met with a curly apostrophe', (cy: string) => cy.replace('not-met: { label: Heb ei fodloni,', 'not-met: { label: "Wedi’i fodloni",'), 'answers.not-met: "Wedi’i fodloni" also names answer "met"', 'answers.not-met: mae "Wedi’i fodloni" hefyd yn enwi\'r ateb "met"'],
    ['red labelled with the English word for green', (cy: string) => cy.replace(/^( {2})red: Coch$/m, '$1red: Green'), 'ratings.red: "Green" also names rating "green"', 'ratings.red: mae "Green" hefyd yn enwi\'r sgôr "green"'],
  ])('%s is refused by validate and by rate --lang cy (said in Welsh there)', (_what, edit, message, welsh) => {
    const { fw, file } = copy(edit);
    const v = dutykit(['validate', fw]);
    expect(v.status).toBe(1);
    expect(v.stdout + v.stderr).toContain(message);
    const r = dutykit(['rate', file, '--lang', 'cy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(welsh);
  });

  it('the bundled translation passes', () => {
    const { fw } = copy((cy) => cy);
    expect(dutykit(['validate', fw]).status).toBe(0);
  });
});
