import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { goodAccount, removeTree, starr, tempTree } from './cli-helpers';

// The bundle as `npx starr` runs it: built here (esbuild, as scripts/build.mjs does) into a temp folder,
// so the test never depends on, or disturbs, dist/.
describe('starr bundle (dist/cli.js)', function () {
  this.timeout(60_000);
  let out: string;
  let root: string;
  let built: string | undefined;
  let why = '';

  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'starr-bin-'));
    const file = path.join(out, 'cli.js');
    // The options scripts/build.mjs uses for dist/cli.js (loaders, the bundled-data plugin, the shebang).
    const script = `import('./scripts/esbuild-options.mjs').then((o) => require('esbuild').build({ ...o.cliOptions(${JSON.stringify(file)}), logLevel: 'error' })).catch((e) => { console.error(e.message); process.exit(1); })`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: process.cwd(), encoding: 'utf8' });
    if (r.status === 0 && fs.existsSync(file)) {
      fs.chmodSync(file, 0o755);
      built = file;
    } else why = `esbuild could not build src/cli/main.ts here: ${r.stderr || r.error?.message}`;
    root = tempTree({ 'port/a.md': goodAccount({ drop: ['Result'] }), 'port/b.md': goodAccount() });
  });
  after(() => {
    removeTree(out);
    removeTree(root);
  });

  it('starts with a shebang and runs as an executable, with the right exit codes', function () {
    if (!built) this.skip(); // `why` says what failed
    assert.ok(!why);
    assert.equal(fs.readFileSync(built!, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    const errors = spawnSync(built!, ['check', 'port'], { cwd: root, encoding: 'utf8' });
    assert.equal(errors.status, 1, errors.stderr);
    assert.match(errors.stdout, /port\/a\.md:\d+:\d+ {2}error\s+.*\[missing-section\]/);
    assert.match(errors.stdout, /2 files checked/);
    const ok = spawnSync(built!, ['check', 'port/b.md'], { cwd: root, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    const usage = spawnSync(process.execPath, [built!, 'nonsense'], { cwd: root, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    const version = spawnSync(process.execPath, [built!, '--version'], { encoding: 'utf8' });
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });

  it('checks many files on worker threads with exactly the results of an in-process run', async function () {
    if (!built) this.skip();
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`many/l${i % 7}/a${String(i).padStart(3, '0')}.md`] = goodAccount({ drop: i % 3 ? [] : ['Task'], action: i % 2 ? 'We dealt with it, as usual.' : '' });
    const many = tempTree(files);
    try {
      // Two threads whatever the machine (by default a 2-core machine checks on the main thread).
      const spawned = spawnSync(process.execPath, [built!, 'check', 'many', '--format', 'json'], { cwd: many, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, STARR_THREADS: '2' } });
      const inProcess = await starr(many, 'check', 'many', '--format', 'json');
      assert.equal(spawned.status, inProcess.code);
      assert.equal(spawned.status, 1);
      const a = JSON.parse(spawned.stdout);
      const b = JSON.parse(inProcess.stdout);
      assert.equal(a.summary.files, 120);
      assert.deepEqual(a.files, b.files);
      assert.deepEqual(a.summary, b.summary);
      // Streamed through the threads' reorder buffer: the same bytes as in-process, in every format, cached or not.
      const threaded = (...args: string[]) => spawnSync(process.execPath, [built!, ...args], { cwd: many, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, STARR_THREADS: '2' } }).stdout;
      for (const format of ['text', 'json', 'sarif']) {
        const here = (await starr(many, 'check', 'many', '--format', format)).stdout;
        assert.equal(threaded('check', 'many', '--format', format), here, format);
        assert.equal(threaded('check', 'many', '--format', format, '--cache'), here, `${format}, filling the cache`);
        assert.equal(threaded('check', 'many', '--format', format, '--cache'), here, `${format}, from the cache`);
      }
      const withoutDate = (x: string) => x.replace(/"generated": "[^"]*"/, '');
      assert.equal(withoutDate(threaded('report', 'many', '--format', 'json')), withoutDate((await starr(many, 'report', 'many', '--format', 'json')).stdout));
    } finally {
      removeTree(many);
    }
  });

  it('package.json points "bin" at dist/cli.js, the file scripts/build.mjs writes', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    assert.equal(pkg.bin.starr, './dist/cli.js');
    assert.match(fs.readFileSync('scripts/build.mjs', 'utf8'), /cliOptions\('dist\/cli\.js'/);
    assert.match(fs.readFileSync('scripts/esbuild-options.mjs', 'utf8'), /entryPoints: \['src\/cli\/main\.ts'\].*banner: \{ js: '#!\/usr\/bin\/env node' \}/);
  });
});
