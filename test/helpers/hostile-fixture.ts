// A hostile world for the output tests: a framework folder whose every text field carries
// terminal escapes, reorderings and markup, in a folder and under file names that carry them
// too, with assessments (northbridge 2024 and 2025) that point at it and carry them as well.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { BUNDLED, ROOT } from '../helpers.js';

/** Everything a terminal could act on, and what Markdown could. */
export const EVIL = [
  '\x1b[31mred\x1b[0m',
  '\x1b[2J\x1b[H',
  '\x1b]8;;http://evil.example\x07link\x1b]8;;\x07',
  '\x1b]52;c;ZXZpbA==\x07',
  '\x1b]0;title\x1b\\',
  '\x9b31m',
  '\x9d0;c1-title\x9c',
  'in\u202evoice',
  '\u2066iso\u2069',
  'zero\u200bwidth',
  '\x07\x08\x7f',
].join(' ');
export const MARKUP = 'Amber <img src=x onerror=alert(1)> | x';

/** Every raw control, C1 code, reordering or hidden character: none may reach a terminal. */
export const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff]/;

const hostile = (label: string) => `${label} ${EVIL} ${MARKUP}`;

export interface HostileWorld {
  dir: string;
  folder: string;
  old: string;
  now: string;
}

/** Each text field of a framework or benchmark, hostile; ids and numbers left alone. */
function spoil(doc: Record<string, unknown>): void {
  for (const k of ['title', 'statement', 'basis', 'publisher', 'licence', 'attribution', 'version']) if (typeof doc[k] === 'string') doc[k] = hostile(String(doc[k]));
  for (const a of (doc.answers as Record<string, string>[] | undefined) ?? []) [a.label, a.phrase] = [hostile(a.label!), hostile(a.phrase!)];
  for (const r of (doc.ratings as Record<string, string>[] | undefined) ?? []) r.label = `${r.label} ${EVIL} <img src=x onerror=alert(1)> | x`;
  for (const r of (doc.rules as Record<string, string>[] | undefined) ?? []) if (r.explain) r.explain = hostile(r.explain);
  for (const q of (doc.questions as Record<string, unknown>[] | undefined) ?? []) {
    for (const k of ['title', 'text', 'guidance']) q[k] = hostile(String(q[k]));
    q.evidence = (q.evidence as string[]).map(hostile);
  }
}

/** A translation (framework.<lang>.yaml): every text in it hostile, its ids left alone. */
function spoilAll(v: unknown): unknown {
  if (typeof v === 'string') return hostile(v);
  if (Array.isArray(v)) return v.map(spoilAll);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, spoilAll(x)]));
  return v;
}

export function hostileWorld(): HostileWorld {
  const dir = mkdtempSync(join(tmpdir(), 'dutykit-hostile-world-'));
  const folder = join(dir, `fw \x1b[31m\u202e\x9b1m`);
  mkdirSync(folder);
  cpSync(join(BUNDLED, 'home-office-2018'), folder, { recursive: true });
  for (const f of readdirSync(folder)) {
    const doc = parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown>;
    if (/^framework\.[a-z]+\.yaml$/.test(f)) writeFileSync(join(folder, f), stringify(spoilAll(doc)));
    else {
      spoil(doc);
      writeFileSync(join(folder, f), stringify(doc));
    }
  }
  const assessment = (example: string, name: string) => {
    const doc = parse(readFileSync(join(ROOT, 'examples', example), 'utf8')) as Record<string, unknown>;
    doc.framework = `./${folder.slice(dir.length + 1)}`;
    for (const k of ['authority', 'period', 'marking']) doc[k] = hostile(String(doc[k]));
    const file = join(dir, name);
    writeFileSync(file, stringify(doc));
    return file;
  };
  return {
    dir,
    folder,
    old: assessment('northbridge-2024.yaml', `old \x1b]0;x\x07\u202e.yaml`),
    now: assessment('northbridge-2025.yaml', `new \x1b[2J\x9b31m.yaml`),
  };
}
