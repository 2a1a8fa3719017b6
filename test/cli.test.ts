// The built binary, run as a user would: stdout, stderr and exit code.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, dutykit } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dutykit-cli-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+[:(]\d+/);

const TEN = [
  ['local-risk-assessment', 'Local Risk Assessment'],
  ['multi-agency-partnership-board', 'Multi Agency Partnership Board'],
  ['partnership-action-plan', 'PREVENT Partnership Action Plan'],
  ['referral-process', 'Referral Process'],
  ['channel-panel', 'Channel Panel'],
  ['problem-solving-process', 'PREVENT Problem Solving Process'],
  ['training-programme', 'Training Programme'],
  ['venue-hire', 'Venue Hire'],
  ['community-engagement', 'Community Engagement'],
  ['communications', 'Communications'],
];

describe('help and usage', () => {
  it('--help lists the commands with examples and exit codes', () => {
    const r = dutykit(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['benchmarks', 'init', 'validate', 'rate', 'report']) expect(r.stdout).toContain(`  ${c}`);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes:');
  });

  it('an unknown command or option is a usage error: exit 2, message on stderr', () => {
    const r = dutykit(['rat', 'x.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'rat'");
    expect(r.stdout).toBe('');
    expect(dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'docx']).status).toBe(2);
  });

  it('-V prints the version', () => {
    expect(dutykit(['-V']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('benchmarks', () => {
  it('--json lists the ten ids and titles in order', () => {
    const r = dutykit(['benchmarks', '--json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout).benchmarks.map((b: { id: string; title: string }) => [b.id, b.title]);
    expect(list).toEqual(TEN);
  });

  it('shows one benchmark with its questions, by id or number', () => {
    const r = dutykit(['benchmarks', '7']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('7. Training Programme');
    expect(r.stdout).toContain('Training needs assessment  [essential]');
  });

  it.each([
    ['venue-hir', 'venue-hire'],
    ['venu', 'venue-hire'], // the start of one id
    ['training', 'training-programme'],
  ])('an unknown id (%s) suggests the nearest (%s)', (typed, meant) => {
    const r = dutykit(['benchmarks', typed]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`did you mean "${meant}"`);
  });
});

describe('rate', () => {
  it('a file of agreed ratings only rates exactly those ratings', () => {
    const r = dutykit(['rate', 'examples/northbridge-2024.yaml', '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout).benchmarks as { id: string; rating: string; basis: string }[];
    const file = readFileSync('examples/northbridge-2024.yaml', 'utf8');
    for (const row of rows) {
      const agreed = new RegExp(`\\n  ${row.id}:\\n(?:    .*\\n)*?    rating: (\\w+)`).exec(file)![1]!.toLowerCase();
      expect([row.id, row.rating, row.basis]).toEqual([row.id, agreed, 'agreed']);
    }
  });

  it('a fully answered file gets computed ratings whose reasons name the deciding questions', () => {
    const r = dutykit(['rate', 'examples/northbridge-2025.yaml', '--json']);
    const rows = JSON.parse(r.stdout).benchmarks as { id: string; rating: string; basis: string; reason: string; cited: string[] }[];
    const training = rows.find((x) => x.id === 'training-programme')!;
    expect(training).toMatchObject({ rating: 'amber', basis: 'computed' });
    expect(training.reason).toContain("'Training needs assessment' (essential) is only partly met");
    expect(training.reason).toContain("'Completion is monitored' (essential) is only partly met");
    expect(rows.find((x) => x.id === 'venue-hire')).toMatchObject({ rating: 'red', cited: ['due-diligence'] });
  });

  it('prints a table with the rating as a word, no colour when not a terminal', () => {
    const r = dutykit(['rate', 'examples/northbridge-2025.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Amber');
    expect(r.stdout).toContain('6 Green · 3 Amber · 1 Red · 0 Not yet rated');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it.each(['syntax', 'unknown-key', 'unknown-benchmark', 'bad-enum', 'bad-date', 'na-without-justification', 'override-without-rationale', 'empty', 'binary', 'alias-bomb'])(
    'bad input (%s) exits 2 with file:line:col on stderr and no stack trace',
    (name) => {
      const file = `test/fixtures/bad/${name}.yaml`;
      const r = dutykit(['rate', file]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: `));
      noStack(r.stderr);
    },
  );
});

describe('output to a reader that stops early', () => {
  it('a closed pipe ends the command quietly: no stack trace', () => {
    const r = spawnSync('sh', ['-c', `node ${BIN} report examples/northbridge-2025.yaml --format pdf --stdout | head -c 8`], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1741737600' } });
    expect(r.stdout).toBe('%PDF-1.7');
    expect(r.stderr).toBe('');
  });
});

describe('validate', () => {
  it('exits 1 and lists every problem of every file; good files say ok', () => {
    const r = dutykit(['validate', 'examples/northbridge-2025.yaml', 'test/fixtures/bad/unknown-key.yaml', 'test/fixtures/bad/bad-date.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ok    examples/northbridge-2025.yaml: Northbridge Borough Council 2024/25: 10 of 10 benchmarks rated, 61 of 61 questions answered');
    expect(r.stderr).toContain('test/fixtures/bad/unknown-key.yaml:6:1: authorty: unknown key "authorty" (did you mean "authority"?)');
    expect(r.stderr).toContain('test/fixtures/bad/bad-date.yaml:4:7: date:');
    expect(r.stderr).toContain('2 of 3 files failed validation');
  });

  it('checks a framework folder', () => {
    const r = dutykit(['validate', 'benchmarks/home-office-2018']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('home-office-2018 1.0.0: 10 benchmarks');
  });
});

describe('init', () => {
  it('writes a blank file listing every question that validate reads once the metadata is filled', () => {
    const dir = tmp();
    const r = dutykit(['init', 'a.yaml', '--authority', 'Ynys Môn County Council', '--period', '2024/25', '--date', '2025-03-12'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('wrote a.yaml: 10 benchmarks, 61 questions to answer');
    const text = readFileSync(join(dir, 'a.yaml'), 'utf8');
    expect(text).toContain('# Training needs assessment (essential):');
    expect(text.match(/^ {8}answer:$/gm)).toHaveLength(61);
    const v = dutykit(['validate', 'a.yaml'], { cwd: dir });
    expect(v.stdout).toContain('ok    a.yaml: Ynys Môn County Council 2024/25: 0 of 10 benchmarks rated, 0 of 61 questions answered');
  });

  it('without a name, uses today (pinned by SOURCE_DATE_EPOCH) under assessments/, and never overwrites', () => {
    const dir = tmp();
    const env = { SOURCE_DATE_EPOCH: '1741737600' }; // 2025-03-12
    expect(dutykit(['init'], { cwd: dir, env }).status).toBe(0);
    expect(readdirSync(join(dir, 'assessments'))).toEqual(['2025-03-12-self-assessment.yaml']);
    const again = dutykit(['init'], { cwd: dir, env });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('report', () => {
  it('writes a dated Markdown file named for the authority', () => {
    const dir = tmp();
    const r = dutykit(['report', 'examples/northbridge-2025.yaml', '--out', dir]);
    expect(r.status).toBe(0);
    const file = join(dir, '2025-03-12-northbridge-borough-council-prevent-self-assessment.md');
    expect(existsSync(file)).toBe(true);
    expect(r.stderr).toContain(`wrote ${file}`);
    expect(r.stdout).toBe('');
  });

  it('writes md and json together, and --stdout prints one', () => {
    const dir = tmp();
    expect(dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'md,json', '--out', dir]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '2025-03-12-northbridge-borough-council-prevent-self-assessment.json',
      '2025-03-12-northbridge-borough-council-prevent-self-assessment.md',
    ]);
    const json = JSON.parse(dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'json', '--stdout']).stdout);
    expect(json.schema).toBe('dutykit/report@1');
    expect(json.counts).toEqual({ red: 1, amber: 3, green: 6, unrated: 0 });
    expect(dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'md,json', '--stdout']).status).toBe(2);
  });

  it('never leaves a half-written report when the input is bad', () => {
    const dir = tmp();
    const r = dutykit(['report', 'test/fixtures/bad/bad-enum.yaml', '--out', dir]);
    expect(r.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an output folder that cannot be made is a clear error, exit 2, no stack trace', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'out'), 'a file where a folder should be');
    const r = dutykit(['report', 'examples/northbridge-2025.yaml', '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a file is in the way of a folder on the path; nothing was changed');
    noStack(r.stderr);
  });
});
