import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, compiledFile, readCompiled } from '../src/model/compiled-framework.js';
import { checkFramework } from '../src/model/load-framework.js';
import { loadTranslation } from '../src/model/load-translation.js';
import { BUNDLED } from './helpers.js';

describe('compiled frameworks', () => {
  const copy = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dutykit-compiled-')), 'home-office-2018');
    cpSync(join(BUNDLED, 'home-office-2018'), dir, { recursive: true });
    const out = mkdtempSync(join(tmpdir(), 'dutykit-out-'));
    const fw = checkFramework(dir).value!;
    writeFileSync(compiledFile(out, dir), JSON.stringify(compile(fw)));
    return { dir, out, fw };
  };

  it('a compiled copy reads back as the same framework as its YAML', () => {
    const { dir, out, fw } = copy();
    expect(readCompiled(out, dir)).toEqual(fw);
  });

  it('is ignored once any YAML file of the framework changes', () => {
    const { dir, out } = copy();
    const file = join(dir, 'venue-hire.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Venue Hire', 'title: Venue Hire and Speakers'));
    expect(readCompiled(out, dir)).toBeUndefined();
  });

  it('a damaged compiled copy is ignored, not an error', () => {
    const { dir, out } = copy();
    writeFileSync(compiledFile(out, dir), '{ not json');
    expect(readCompiled(out, dir)).toBeUndefined();
  });

  it("carries the framework's checked translations, used in place of the YAML while that is unchanged", () => {
    const { dir, out, fw } = copy();
    const cy = loadTranslation(fw, 'cy').value!;
    expect(cy.title).toBeTruthy();
    // Marked, so that it shows which copy was read.
    writeFileSync(compiledFile(out, dir), JSON.stringify(compile(fw, { cy: { ...cy, title: 'from the compiled copy' } })));
    const compiled = readCompiled(out, dir)!;
    expect(loadTranslation(compiled, 'cy').value!.title).toBe('from the compiled copy');
    expect(loadTranslation(compiled, 'fr').value).toBeUndefined();
    // A changed translation is a changed framework: the YAML is read again.
    const file = join(dir, 'framework.cy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(cy.title!, `${cy.title} (diwygiedig)`));
    expect(readCompiled(out, dir)).toBeUndefined();
  });
});
