// `dutykit status`: one line per thing to do, sorted by date, as of a pinned day; --json;
// --fail-on overdue for a scheduled job; unsettled questions from a merge.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/rollup/status.js';
import { dutykit } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-status-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EX = 'examples/schools';
const ROSTER = `${EX}/roster-2024-25.yaml`;
const ON = (iso: string) => ({ SOURCE_DATE_EPOCH: String(Date.parse(`${iso}T12:00:00Z`) / 1000) });

describe('status on the example, as of 30 April 2025', () => {
  it('one line each, sorted by date: overdue first, the newer return of a body only, returns not in', () => {
    const r = dutykit(['status', EX, '--roster', ROSTER], { env: ON('2025-04-30') });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.replace(/ +/g, ' '))).toEqual([
      "2024-09-01 OVERDUE evidence Meadowbank Special School: evidence for 'Safeguarding lead WRAP trained' (Prevent training), last reviewed 2023-09-01, is due for review",
      '2025-01-31 OVERDUE action Riverside Infant School: action (Prevent training): Offer Prevent training to every governor',
      '2025-03-01 OVERDUE action Thornfield School: action (Policy, referral and risk): Record every concern on the MASH referral form',
      '2025-03-05 to do sign-off Riverside Infant School: not signed off',
      "2025-03-14 to do sign-off St Anne's Church of England Primary School: not signed off",
      '2025-03-18 to do sign-off Meadowbank Special School: not signed off',
      '2025-03-21 to do sign-off Northbridge Sixth Form College: not signed off',
      '2025-03-25 to do sign-off Castle Hill School: not signed off',
      '2025-03-28 to do sign-off Thornfield School: not signed off',
      '2025-03-31 OVERDUE return Brookside Primary School: return not in (reference 900014; contact Ellie Moss <office@brookside.example>)',
      '2025-03-31 to do sign-off Harbour Learning Centre: not signed off',
      '2025-03-31 OVERDUE return Westgate School: return not in (reference 900013; contact Chris Dunn, DSL <dsl@westgate.example>)',
      '2025-04-25 OVERDUE action Northbridge Sixth Form College: action (Policy, referral and risk): Write the Prevent action plan for the risks found in the risk assessment',
      '2025-04-30 due action Riverside Infant School: action (Policy, referral and risk): Brief all staff on raising concerns through the MASH',
    ]);
  });

  it('--within widens what counts as due; --json lists the same items', () => {
    const r = dutykit(['status', EX, '--within', '60d', '--json'], { env: ON('2025-04-30') });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.asOf, j.withinDays]).toEqual(['2025-04-30', 60]);
    const due = j.items.filter((i: { overdue: boolean; kind: string }) => !i.overdue && i.kind !== 'sign-off').map((i: { date: string; name: string }) => [i.date, i.name]);
    // Castle Hill's action, due 30 June, is a day past the 60 days.
    expect(due).toEqual([
      ['2025-04-30', 'Riverside Infant School'],
      ['2025-05-31', "St Anne's Church of England Primary School"],
      ['2025-06-01', 'Meadowbank Special School'],
    ]);
  });

  it('--fail-on overdue: exit 1 with overdue items, 0 when nothing is overdue yet', () => {
    const late = dutykit(['status', EX, '--fail-on', 'overdue'], { env: ON('2025-04-30') });
    expect(late.status).toBe(1);
    expect(late.stderr).toContain('--fail-on overdue: 4 overdue items');
    const early = dutykit(['status', `${EX}/900001-northbridge-primary-school.yaml`, '--fail-on', 'overdue'], { env: ON('2025-04-30') });
    expect([early.status, early.stdout]).toEqual([0, 'Nothing due within 30 days of 2025-04-30.\n']);
    expect(dutykit(['status', EX, '--within', 'soon']).status).toBe(2);
    expect(dutykit(['status', EX, '--fail-on', 'late']).status).toBe(2);
  });

  it('lists the unsettled questions a merge left', () => {
    const file = join(tmp, 'a.yaml');
    cpSync('examples/northbridge-2025.yaml', file);
    expect(dutykit(['merge', file, 'examples/northbridge-2025-contributions/northbridge-nhs-trust.yaml', 'examples/northbridge-2025-contributions/wessex-police.yaml']).status).toBe(0);
    const r = dutykit(['status', file], { env: ON('2025-04-30') });
    expect(r.stdout).toMatch(/^\d{4}-\d{2}-\d{2} +to do +unsettled +Northbridge Borough Council: 'Right partners are members' \(Multi Agency Partnership Board\) is unsettled: the group settles it in dutykit assess$/m);
  });
});

it('addDays crosses months and leap days', () => {
  expect([addDays('2024-02-28', 1), addDays('2024-02-28', 2), addDays('2025-12-31', 1), addDays('2025-04-30', 30)]).toEqual(['2024-02-29', '2024-03-01', '2026-01-01', '2025-05-30']);
});
