// The built binary, run as a user would: stdout, stderr and exit code.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, dutykit, ROOT } from './helpers.js';
import { slug } from '../src/report/text.js';

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

// ---- counts and messages (issue 12, item 9) ----

const EXAMPLE = readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8');
/** An assessment file in a fresh folder: the example, changed by `edit`. */
const assessment = (edit: (text: string) => string, name = 'a.yaml') => {
  const file = join(tmp(), name);
  writeFileSync(file, edit(EXAMPLE));
  return file;
};

describe('validate: counts and messages', () => {
  const many = () => assessment((t) => t.replace(/^benchmarks:/m, `${Array.from({ length: 300 }, (_, i) => `extra-${i}: 1`).join('\n')}\nbenchmarks:`));

  it('300 problems: the first 100 listed, "and 200 more", and FAIL counts all 300', () => {
    const file = many();
    const r = dutykit(['validate', file]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('unknown key "extra-'))).toHaveLength(100);
    expect(lines.filter((l) => l.endsWith(': and 200 more problems not shown; fix these and run again'))).toHaveLength(1);
    expect(r.stdout).toBe(`FAIL  ${file}: 300 problems\n`);
  });

  it('--json holds the 100 real problems and the true count, no line standing for the rest', () => {
    const [result] = JSON.parse(dutykit(['validate', many(), '--json']).stdout);
    expect(result.problemCount).toBe(300);
    expect(result.problems).toHaveLength(100);
    expect(result.problems.every((p: { message: string }) => p.message.startsWith('unknown key "extra-'))).toBe(true);
  });

  it('a list where one answer goes says that a list is not allowed, not that the word is', () => {
    const file = assessment((t) => t.replace('ctlp-used:\n        answer: met', 'ctlp-used:\n        answer: [met]'));
    const r = dutykit(['validate', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:16:17: benchmarks.local-risk-assessment.answers.ctlp-used.answer: a list is not allowed here; write one of met, partly, not-met, n/a\n`);
    expect(r.stderr).not.toContain('"met" is not allowed');
  });

  it('a wrong word is quoted as written, not lower-cased', () => {
    const file = assessment((t) => t.replace('ctlp-used:\n        answer: met', 'ctlp-used:\n        answer: "  MÉT Fully"'));
    const r = dutykit(['validate', file]);
    expect(r.stderr).toContain('answer: "  MÉT Fully" is not allowed; expected one of met, partly, not-met, n/a');
  });

  it('a framework.yaml or benchmark file given as a file: give the folder', () => {
    for (const f of ['benchmarks/home-office-2018/framework.yaml', 'benchmarks/home-office-2018/venue-hire.yaml']) {
      const r = dutykit(['validate', f]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `${f}:1:1: this is a file of the framework folder benchmarks/home-office-2018; to check the framework, give the folder: dutykit validate benchmarks/home-office-2018\n1 of 1 file failed validation\n`,
      );
    }
  });

  it('a folder of assessments (no framework.yaml): name the files, not "framework.yaml: no such file"', () => {
    const r = dutykit(['validate', 'examples']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('examples:1:1: a folder with no framework.yaml, so not a framework folder; to check the assessments in it, name them: dutykit validate examples/*.yaml\n1 of 1 file failed validation\n');
  });
});

describe('report file names', () => {
  it('authorities named only in Arabic, Chinese or emoji get names of their own, and none overwrites another', () => {
    const out = tmp();
    const names = ['مجلس مدينة الرياض', 'مجلس مدينة جدة', '北京市议会', '上海市议会', '🦁', '🐯', '🦁 Council', '🐯 Council', 'Ynys Môn County Council'];
    for (const name of names) {
      const r = dutykit(['report', assessment((t) => t.replace('authority: Northbridge Borough Council', `authority: "${name}"`)), '--out', out]);
      expect(r.status, r.stderr).toBe(0);
    }
    const files = readdirSync(out);
    expect(files).toHaveLength(names.length);
    expect(files).toContain('2025-03-12-ynys-mon-county-council-prevent-self-assessment.md');
    expect(files).toContain('2025-03-12-北京市议会-prevent-self-assessment.md');
    expect(files).toContain('2025-03-12-مجلس-مدينة-الرياض-prevent-self-assessment.md');
    expect(files.filter((f) => /^2025-03-12-authority-[0-9a-f]{8}-prevent/.test(f))).toHaveLength(2);
    expect(files.filter((f) => /^2025-03-12-council-[0-9a-f]{8}-prevent/.test(f))).toHaveLength(2);
  });

  it('an escape sequence in the name leaves no remnant in the file name, and the name still differs from the plain one', () => {
    const kinds = ['\x1b[31mEvil\x1b[0m Council', '\x1b]8;;https://x.example\x07Evil\x1b]8;;\x07 Council', '\u009b1mEvil Council'];
    const names = kinds.map(slug);
    for (const n of names) expect(n).toMatch(/^evil-council-[0-9a-f]{8}$/);
    expect(new Set(names).size).toBe(kinds.length);
    expect(slug('Evil Council')).toBe('evil-council');
  });
});

describe('init and validate agree on how large a framework may be', () => {
  it('a framework too large for one assessment file: validate refuses it, and init writes nothing', () => {
    const dir = tmp();
    const fw = join(dir, 'big');
    cpSync(join(ROOT, 'benchmarks/home-office-2018'), fw, { recursive: true });
    writeFileSync(join(fw, 'framework.yaml'), readFileSync(join(fw, 'framework.yaml'), 'utf8').replace('id: home-office-2018', 'id: big'));
    // Two benchmark files of 300 questions with long texts, each file well within the limits a
    // framework file is read with; the blank assessment, every text in its comments, is not.
    const text = 'word '.repeat(1900).trim();
    for (const id of ['local-risk-assessment', 'venue-hire']) {
      const file = join(fw, `${id}.yaml`);
      const questions = Array.from({ length: 300 }, (_, i) => `  - { id: q${i}, title: Q${i}, text: ${text}, guidance: G, evidence: [E], essential: ${i === 0} }`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^questions:[\s\S]*$/m, `questions:\n${questions.join('\n')}\n`));
    }
    const v = dutykit(['validate', fw]);
    expect(v.status).toBe(1);
    expect(v.stderr).toContain(`${join(fw, 'framework.yaml')}:1:1: too large for one assessment file: a blank assessment listing its 649 questions would be 6.0 MB, and an assessment file may be 5 MB`);
    const init = dutykit(['--framework', fw, 'init', 'a.yaml', '--authority', 'X', '--period', '2024/25'], { cwd: dir });
    expect(init.status).toBe(2);
    expect(init.stderr).toContain('too large for one assessment file');
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  }, 120_000);
});

describe('--json means JSON on stdout, for every command', () => {
  const E = 'examples/northbridge-2025.yaml';
  it('report --json --stdout prints the JSON report; with --format md it is a usage error', () => {
    const r = dutykit(['report', E, '--json', '--stdout']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schema).toBe('dutykit/report@1');
    const both = dutykit(['report', E, '--json', '--stdout', '--format', 'md']);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('dutykit: --json prints JSON, but --format md asks for md; give one of them\n');
  });

  it('report --json writing files prints the list of files written as JSON', () => {
    const out = tmp();
    const r = dutykit(['report', E, '--json', '--format', 'md', '--out', out]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ written: [join(out, '2025-03-12-northbridge-borough-council-prevent-self-assessment.md')] });
  });

  it('diff and trend: --json alone is JSON, and --json with --format md or text is a usage error', () => {
    const old = 'examples/northbridge-2024.yaml';
    expect(JSON.parse(dutykit(['diff', old, E, '--json']).stdout).schema).toBe('dutykit/diff@1');
    const diff = dutykit(['diff', old, E, '--json', '--format', 'md']);
    expect(diff.status).toBe(2);
    expect(diff.stdout).toBe('');
    expect(diff.stderr).toBe('dutykit: --json prints JSON, but --format md asks for md; give one of them\n');
    const trend = dutykit(['trend', old, E, '--json', '--format', 'text']);
    expect(trend.status).toBe(2);
    expect(dutykit(['trend', old, E, '--json', '--format', 'json']).status).toBe(0);
  });
});
