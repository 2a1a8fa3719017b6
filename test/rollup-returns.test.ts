// Returns and rosters as schools write them, after the fourth hostile test of rollup and status:
// identifiers written unquoted, returns without a reference, blank returns, a file named twice.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAssessment } from '../src/model/load-assessment.js';
import { loadRoster } from '../src/model/roster.js';
import { BUNDLED, dutykit, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-rollup-returns-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCHOOLS = join(ROOT, 'examples/schools');
const RIVERSIDE = readFileSync(join(SCHOOLS, '900003-riverside-infant-school.yaml'), 'utf8');

let n = 0;
/** A folder of its own holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  const dir = join(tmp, `d${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A roster of the schools framework: one line per body, as `- { ... }`. */
const roster = (...bodies: string[]) => `framework: thurrock-schools-2020\nperiod: 2024/25\ndue: 2025-03-31\nbodies:\n${bodies.map((b) => `  - { ${b} }`).join('\n')}\n`;

describe('an identifier written unquoted is taken as written (finding 7)', () => {
  it('a roster keeps the leading zero of a URN, a name or a contact written as digits', () => {
    const dir = folder({ 'roster.yaml': roster('reference: 012345, name: 007, kind: primary, contact: 0800123', 'reference: 0x1F, name: B, kind: primary').replace('period: 2024/25', 'period: 2024.10') });
    const r = loadRoster(join(dir, 'roster.yaml'), BUNDLED);
    expect(r.problems).toBeUndefined();
    expect(r.value!.period).toBe('2024.10');
    expect(r.value!.bodies).toEqual([
      { reference: '012345', name: '007', kind: 'primary', contact: '0800123' },
      { reference: '0x1F', name: 'B', kind: 'primary' },
    ]);
  });

  it('a return keeps its reference, period and framework version as written', () => {
    const dir = folder({ 'r.yaml': RIVERSIDE.replace('reference: "900003"', 'reference: 0900003').replace('framework_version: 1.0.0', 'framework_version: 1.10') });
    const r = loadAssessment(join(dir, 'r.yaml'), BUNDLED);
    expect(r.problems).toBeUndefined();
    expect(r.value!.assessment.reference).toBe('0900003');
    expect(r.value!.assessment.framework_version).toBe('1.10');
  });

  it('rollup matches an unquoted URN with a leading zero, quoted or not on either side', () => {
    const dir = folder({
      'roster.yaml': roster('reference: 0900003, name: Riverside Infant School, kind: primary', 'reference: "0900004", name: Other School, kind: primary'),
      'a.yaml': RIVERSIDE.replace('reference: "900003"', 'reference: 0900003'),
      'b.yaml': RIVERSIDE.replace('reference: "900003"', 'reference: 0900004').replace('"Riverside Infant School"', 'Other School'),
    });
    const r = dutykit(['rollup', dir, '--roster', join(dir, 'roster.yaml'), '--json', '--fail-on', 'missing']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const match = JSON.parse(r.stdout).sections[0].roster;
    expect(match.returned.map((x: { reference: string }) => x.reference)).toEqual(['0900003', '0900004']);
    expect(match.missing).toEqual([]);
    expect(match.notOnRoster).toEqual([]);
  });
});
