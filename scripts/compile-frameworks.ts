// Build step: save each bundled framework, checked, as JSON in dist/frameworks/ with its
// checked translations, so that commands need not parse its YAML on every run. A framework
// with problems is left out: it is then read from YAML, and its problems are reported where
// they are. A bundled translation with problems stops the build.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, compiledFile } from '../src/model/compiled-framework.js';
import { LANGS } from '../src/i18n/catalogue.js';
import { checkFramework } from '../src/model/load-framework.js';
import { loadTranslation, type Translation } from '../src/model/load-translation.js';

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
    const translations: Record<string, Translation> = {};
    for (const lang of LANGS) {
      const tr = loadTranslation(fw.value, lang);
      if (tr.problems) throw new Error(`build: ${id}'s ${lang} translation has problems; run \`dutykit validate ${dir}\``);
      if (tr.value) translations[lang] = tr.value;
    }
    writeFileSync(compiledFile(outDir, dir), `${JSON.stringify(compile(fw.value, translations))}\n`);
    done.push(id);
  }
  return done;
}
