// The same in-host suite in desktop VS Code, for machines that can download it (a laptop, a hosted CI
// under xvfb). These project machines cannot: there, npm test uses the code-server route (run.mjs).
// Usage: npm run test:electron   (builds first)   [--version stable|insiders|1.x.y]
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const vi = argv.indexOf('--version');
const version = vi >= 0 ? argv[vi + 1] : process.env.STARR_VSCODE_VERSION;

const extensionTestsPath = join(ROOT, 'out/vscode-test/suite/index.js');
if (!existsSync(extensionTestsPath) || !existsSync(join(ROOT, 'dist/extension.js'))) {
  process.stderr.write('Build first: node scripts/build.mjs --tests\n');
  process.exit(1);
}

// Tests may create and delete files: they get a scratch copy of the fixture workspace.
const scratch = mkdtempSync(join(tmpdir(), 'starr-electron-'));
const workspace = join(scratch, 'workspace');
cpSync(join(ROOT, 'test/vscode/workspace'), workspace, { recursive: true });

let code;
try {
  code = await runTests({
    version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
    extensionTestsEnv: { STARR_IN_HOST_TEST: '1', STARR_TEST_GREP: process.env.STARR_TEST_GREP ?? '' },
  });
} catch (e) {
  process.stderr.write(`\nThe in-host suite failed or VS Code could not be downloaded/started: ${e instanceof Error ? e.message : e}\n` +
    'Where VS Code cannot be downloaded (no access to update.code.visualstudio.com), use npm run test:vscode (code-server + Chromium).\n');
  code = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
