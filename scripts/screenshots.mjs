// The README's pictures of the HTML report, made the way a reader sees it: the built binary
// writes the example's board and public reports, Debian's Chromium (through puppeteer-core)
// opens each and takes a PNG. Run after `npm run build`: `node scripts/screenshots.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const example = 'examples/northbridge-2025.yaml';
const previous = 'examples/northbridge-2024.yaml';

function report(...args) {
  const out = mkdtempSync(join(tmpdir(), 'dutykit-shots-'));
  const r = spawnSync(process.execPath, ['bin/dutykit.js', 'report', example, '--previous', previous, '--format', 'html', '--out', out, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return join(out, readdirSync(out)[0]);
}

const shots = [
  // The board version at its summary: the ratings table, each a word on its colour, and the chart.
  { file: report(), png: 'docs/report-html-board.png', at: '#summary' },
  // The public version from the top: marking, title, the notice of what is left out.
  { file: report('--audience', 'public'), png: 'docs/report-html-public.png' },
];

const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const s of shots) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    await page.goto(pathToFileURL(s.file).href, { waitUntil: 'load' });
    if (s.at) await page.$eval(s.at, (e) => e.scrollIntoView());
    await page.screenshot({ path: s.png });
    console.log(`wrote ${s.png}`);
  }
} finally {
  await browser.close();
}
