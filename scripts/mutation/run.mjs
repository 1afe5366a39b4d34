// `npm run mutation [-- stryker options]`: Stryker over src/core and src/rules (see stryker.config.mjs).
// StrykerJS 10 needs Node 22 or later; on an older Node this runs it under the Node 24 the in-editor test
// route keeps in .test-tools (fetched from the npm registry the first time, as `npm run test:vscode:setup` does).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureNode24, ROOT, SetupError } from '../vscode-test/setup.mjs';

// The package exports no path to its bin, so this is where npm puts it.
const cli = join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
let node = process.execPath;
if (Number(process.versions.node.split('.')[0]) < 22) {
  try {
    node = ensureNode24().bin;
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
}
const compat = join(ROOT, 'scripts', 'mutation', 'mocha-compat.cjs');
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(compat)}`.trim() };
const r = spawnSync(node, [cli, 'run', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env });
process.exit(r.status ?? 1);
