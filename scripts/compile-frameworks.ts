// Build step: save each bundled framework, checked, as JSON in dist/frameworks/, so that
// commands need not parse its YAML on every run. A framework with problems is left out:
// it is then read from YAML, and its problems are reported where they are.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, compiledFile } from '../src/model/compiled-framework.js';
import { checkFramework } from '../src/model/load-framework.js';

export function compileFrameworks(bundledDir: string, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const done: string[] = [];
  for (const id of readdirSync(bundledDir).sort()) {
    const dir = join(bundledDir, id);
    const fw = checkFramework(dir);
    if (!fw.value) {
      console.warn(`build: ${id} has problems and is not compiled; run \`dutykit validate ${dir}\``);
      continue;
    }
    writeFileSync(compiledFile(outDir, dir), `${JSON.stringify(compile(fw.value))}\n`);
    done.push(id);
  }
  return done;
}
