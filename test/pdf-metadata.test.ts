// The PDF's metadata (Info, XMP, bookmarks) from hostile text: cleaned as the body text is, and
// an XMP packet a strict XML parser accepts. And no PDF is ever dumped on a terminal.
import { spawnSync } from 'node:child_process';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { tryOpen } from '../src/cli/open.js';
import { buildReport, type ReportModel } from '../src/report/model.js';
import { renderPdf } from '../src/report/pdf/index.js';
import { BIN, ROOT } from './helpers.js';
import { hostileWorld, RAW } from './helpers/hostile-fixture.js';
import { extract } from './pdf-extract.js';

const CREATED = new Date('2025-03-12T09:00:00Z');

/** The XMP packet's text, from <?xpacket begin to <?xpacket end ...?>. */
function xmp(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf);
  const start = raw.indexOf('<?xpacket begin');
  const end = raw.indexOf('<?xpacket end="w"?>', start);
  expect(start).toBeGreaterThan(0);
  return raw.subarray(start, end + '<?xpacket end="w"?>'.length).toString('utf8');
}

/** Parse strictly (well-formedness and namespaces); the text of each element by name. */
function parseXml(xml: string): Map<string, string[]> {
  const parser = new SaxesParser({ xmlns: true });
  const texts = new Map<string, string[]>();
  const open: string[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => open.push(t.name));
  parser.on('closetag', () => open.pop());
  parser.on('text', (t) => {
    if (!t.trim() || !open.length) return;
    const name = open.at(-1)!;
    texts.set(name, [...(texts.get(name) ?? []), t]);
  });
  parser.write(xml).close();
  return texts;
}

const w = hostileWorld();
const opened = tryOpen(w.now).opened!;
const model: ReportModel = buildReport(opened.framework, opened.assessment, opened.ratings, { audience: 'board' });

describe('PDF metadata from hostile text', () => {
  it('the XMP packet is well-formed XML, and its title, author and subject are cleaned', async () => {
    const pdf = await renderPdf(model, { created: CREATED });
    const fields = parseXml(xmp(pdf));
    const li = fields.get('rdf:li') ?? [];
    expect(li.length).toBe(3);
    for (const v of li) expect(v).not.toMatch(RAW);
    expect(li[0]).toMatch(/^PREVENT duty self-assessment: Northbridge Borough Council red link invoice iso zerowidth Amber <img src=x onerror=alert\(1\)> \| x, /);
    expect(li[1]).toContain('Northbridge Borough Council red link');
    expect(li[2]).toMatch(/^Self-assessment against Prevent duty toolkit .* red link invoice/);
  }, 60_000);

  it('Title, Author, Subject and the bookmarks carry no control character', async () => {
    const got = await extract(await renderPdf(model, { created: CREATED }));
    for (const k of ['Title', 'Author', 'Subject']) {
      expect(typeof got.info[k]).toBe('string');
      expect(got.info[k] as string).not.toMatch(RAW);
    }
    expect(JSON.stringify(got.outline)).not.toMatch(/\\u00[01]|\\u007f|\\u009|\\u202|\\u206/);
    expect(got.outline.length).toBeGreaterThan(10);
  }, 60_000);

  it('a lone surrogate or a non-character becomes something XML allows', async () => {
    const m = { ...model, authority: 'Council \ud800 of \uffff things & <more>' };
    const li = parseXml(xmp(await renderPdf(m, { created: CREATED }))).get('rdf:li')!;
    expect(li[1]).toBe('Council \ufffd of things & <more>');
  }, 60_000);
});

describe('report --stdout --format pdf', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)('refuses a terminal: exit 2, with what to do instead', () => {
    // `script` runs the command with a pseudo-terminal as its stdout, as a user's shell would.
    const cmd = `${process.execPath} ${BIN} report examples/northbridge-2025.yaml --stdout --format pdf`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('stdout is a terminal');
    expect(r.stdout).not.toContain('%PDF');
  });

  it('writes the PDF to a pipe', () => {
    const r = spawnSync(process.execPath, [BIN, 'report', 'examples/northbridge-2025.yaml', '--stdout', '--format', 'pdf'], { cwd: ROOT });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
