// One organisation however its name is written (second hostile test of merge, findings 2, 3, 4
// and 12): merge, diff and the file's own check compare names by one key, organisationKey.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadAssessment } from '../src/model/load-assessment.js';
import { organisationKey } from '../src/model/one-line.js';
import { BUNDLED, dutykit, exampleCopy, ROOT } from './helpers.js';

const police = readFileSync(join(ROOT, 'examples/northbridge-2025-contributions/wessex-police.yaml'), 'utf8');
let target: string;
let write: (name: string, text: string) => string;
beforeEach(() => {
  ({ target, write } = exampleCopy('dutykit-names-'));
});
const as = (organisation: string) => write(`c-${Math.random().toString(36).slice(2)}.yaml`, police.replace('organisation: Wessex Police', `organisation: "${organisation}"`));
const voices = () => {
  const a = loadAssessment(target, BUNDLED).value!.assessment;
  return Object.keys(a.benchmarks['multi-agency-partnership-board']!.answers['right-membership']!.positions ?? {});
};

describe('organisationKey', () => {
  it.each([
    ['a zero-width space', 'Wessex\u200b Police'],
    ['a soft hyphen', 'Wes\u00adsex Police'],
    ['a direction mark', '\u200fWessex Police'],
    ['fullwidth letters', 'Ｗｅｓｓｅｘ Ｐｏｌｉｃｅ'],
    ['decomposed accents (NFD)', 'Wessex Police'.normalize('NFD')],
    ['case and spacing', '  WESSEX   police '],
  ])('%s is the same organisation', (_name, spelt) => {
    expect(organisationKey(spelt)).toBe(organisationKey('Wessex Police'));
  });

  it('folds case fully: Straße is STRASSE; and Llŷn keeps its circumflex whatever the form', () => {
    expect(organisationKey('Straße Trust')).toBe(organisationKey('STRASSE TRUST'));
    expect(organisationKey('Gwasanaeth Tân Llŷn'.normalize('NFD'))).toBe(organisationKey('Gwasanaeth Tân Llŷn'));
    expect(organisationKey('Gwasanaeth Tân Llŷn')).not.toBe(organisationKey('Gwasanaeth Tan Llyn'));
  });
});

describe('merge and the file', () => {
  it('a name spelt with an invisible character is filed under the spelling the file has: one voice, not two that print alike', () => {
    expect(dutykit(['merge', target, as('Wessex Police')]).status).toBe(0);
    const r = dutykit(['merge', target, as('Wessex\u200b Police')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('filed as Wessex Police, as the file already spells it');
    expect(voices().filter((v) => organisationKey(v) === organisationKey('Wessex Police'))).toEqual(['Wessex Police']);
  });

  it('a name that is only invisible characters is refused', () => {
    const r = dutykit(['merge', target, as('\u200b\u200d')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/contributor\.organisation: an organisation needs a name that shows: this one is only invisible characters/);
  });

  it("a contribution in the council's own name is refused: nobody speaks as the council through merge", () => {
    const before = readFileSync(target);
    const r = dutykit(['merge', target, as('NORTHBRIDGE  Borough Council')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a contribution in the name of Northbridge Borough Council itself; the council's own answers go straight into");
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('a file with two positions from one organisation written two ways fails validation at the second', () => {
    expect(dutykit(['merge', target, as('Wessex Police')]).status).toBe(0);
    writeFileSync(target, readFileSync(target, 'utf8').replace(/^( +)Wessex Police:/m, '$1WESSEX POLICE: { answer: not-met }\n$1Wessex Police:'));
    const r = dutykit(['validate', target]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/positions\.Wessex Police: "WESSEX POLICE" and "Wessex Police" are one organisation written two ways; keep one/);
  });

  it('diff: a name respelt (NFD, as some Mac editors save it; or in capitals) is not a new organisation and a withdrawn one', () => {
    expect(dutykit(['merge', target, as('Gwasanaeth Tân Llŷn')]).status).toBe(0);
    const respelt = write('respelt.yaml', readFileSync(target, 'utf8').replaceAll('Gwasanaeth Tân Llŷn', 'GWASANAETH TÂN LLŶN'.normalize('NFD')));
    const r = dutykit(['diff', target, respelt, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('"kind": "contribution"');
  });
});

// Second hostile test of merge, finding 1: the same action from two voices.
describe('the same proposed action from two organisations', () => {
  const C = join(ROOT, 'examples/northbridge-2025-contributions');
  const action = () =>
    loadAssessment(target, BUNDLED).value!.assessment.benchmarks['multi-agency-partnership-board']!.actions.filter((a) => a.action === 'Report board attendance by sector to each meeting');

  it('what the first left out (owner, due date) is filled in from the second, so the order does not matter', () => {
    const r = dutykit(['merge', target, join(C, 'wessex-police.yaml'), join(C, 'northbridge-nhs-trust.yaml')]);
    expect(r.status).toBe(0);
    // The NHS trust is merged first (by name) and gives no owner or date; the police's are not dropped.
    expect(action()).toEqual([{ action: 'Report board attendance by sector to each meeting', owner: 'Prevent Coordinator', due: '2025-06-30', status: 'open' }]);
    expect(r.stdout).toContain('‘Report board attendance by sector to each meeting’ (benchmark 2): owner Prevent Coordinator, due 2025-06-30 filled in from this contribution');
  });

  it('another owner, date or status is never taken silently: the file keeps its own and merge names the difference', () => {
    const first = write('aaa.yaml', police.replace('organisation: Wessex Police', 'organisation: AAA Org').replace('owner: Prevent Coordinator, due: 2025-06-30, status: open', 'owner: Nobody, due: 2030-01-01, status: done'));
    const r = dutykit(['merge', target, first, join(C, 'wessex-police.yaml')]);
    expect(r.status).toBe(0);
    expect(action()).toHaveLength(1);
    expect(r.stdout).toContain(
      '‘Report board attendance by sector to each meeting’ (benchmark 2): this contribution says owner Prevent Coordinator, due 2025-06-30, status open; the file keeps owner Nobody, due 2030-01-01, status done (change it there if the partnership agrees)',
    );
  });
});

// Second hostile test of merge, findings 5 and 9 and two minor ones.
describe('merge keeps what others wrote, and refuses a date from the future', () => {
  it('a position typed by hand under an organisation that has never contributed stays where its first contribution says nothing', () => {
    // By hand: the police's view of a question their contribution leaves blank (5.1 'Panel established').
    const text = readFileSync(target, 'utf8');
    const at = text.indexOf('\n', text.indexOf('panel-established:'));
    writeFileSync(target, `${text.slice(0, at)}\n        positions:\n          Wessex Police: { answer: met, evidence: typed by the officer from a phone call }${text.slice(at)}`);
    expect(dutykit(['validate', target]).status).toBe(0);
    const r = dutykit(['merge', target, as('Wessex Police')]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('withdrawn');
    const a = loadAssessment(target, BUNDLED).value!.assessment;
    expect(a.benchmarks['channel-panel']!.answers['panel-established']!.positions!['Wessex Police']!.evidence).toBe('typed by the officer from a phone call');
  });

  it('a contribution dated after today is refused at its date (exit 2, nothing written)', () => {
    const before = readFileSync(target);
    const late = write('late.yaml', police.replace('date: 2025-02-17', 'date: 9999-12-31'));
    const r = dutykit(['merge', target, late]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/late\.yaml:\d+:\d+: date: dated 9999-12-31, after today \(\d{4}-\d\d-\d\d\); a contribution is dated the day it was given: correct the date/);
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it("a contribution's own protective marking is named as left out, and merge --help offers one language", () => {
    const r = dutykit(['merge', target, write('secret.yaml', police.replace('marking: OFFICIAL-SENSITIVE', 'marking: SECRET'))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('its protective marking SECRET (the file keeps OFFICIAL-SENSITIVE: the partnership marks its own assessment)');
    expect(dutykit(['merge', '--help']).stdout).toContain('--lang <lang>  en (the default) or cy (Welsh)');
  });
});
