// The HTML report of a return names its kind of body and its reference, as the Markdown and the PDF do.
import { describe, expect, it } from 'vitest';
import { tryOpen } from '../src/cli/open.js';
import { renderHtml } from '../src/report/html.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReport } from '../src/report/model.js';

const opened = tryOpen('examples/schools/900005-castle-hill-school.yaml').opened!;
const report = (lang?: string) => buildReport(opened.framework, opened.assessment, opened.ratings, { audience: 'board', ...(lang && { lang }) });
const facts = (page: string) => /<dl class="facts"[^>]*>(.*?)<\/dl>/s.exec(page)![1]!;

describe('HTML report of a return', () => {
  it('gives the kind (its label) and the reference after the body, in English', () => {
    expect(facts(renderHtml(report()))).toContain('<dt>Authority</dt><dd>Castle Hill School</dd><dt>Kind of body</dt><dd>Secondary school</dd><dt>Reference</dt><dd>900005</dd><dt>Period</dt>');
    // The same facts as the Markdown.
    expect(renderMarkdown(report())).toContain('| Kind of body | Secondary school |');
  });

  it('and in Welsh', () => {
    expect(facts(renderHtml(report('cy')))).toContain('<dt>Math o gorff</dt><dd>Secondary school</dd><dt>Cyfeirnod</dt><dd>900005</dd>');
  });

  it('an assessment that is not a return has neither', () => {
    const council = tryOpen('examples/northbridge-2025.yaml').opened;
    if (!council) throw new Error('example missing');
    const page = renderHtml(buildReport(council.framework, council.assessment, council.ratings, { audience: 'board' }));
    expect(facts(page)).not.toContain('Kind of body');
    expect(facts(page)).not.toContain('Reference');
  });
});
