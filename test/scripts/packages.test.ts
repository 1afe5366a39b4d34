import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// What users install: the npm package (the `starr` command) and the .vsix (the extension). Both are built
// into temporary folders, so the test never depends on, or disturbs, dist/.
const ROOT = process.cwd();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

describe('packages: the npm package of the command line', function () {
  this.timeout(180_000);
  let work: string;
  let tarball: string;
  let files: { path: string; size: number }[];

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'starr-pack-'));
    // The package's own files, and the CLI bundle as `prepack` builds it (production: minified, no map).
    const stage = path.join(work, 'stage');
    fs.mkdirSync(path.join(stage, 'dist'), { recursive: true });
    for (const f of ['package.json', '.npmignore', 'README.md', 'LICENSE', 'CHANGELOG.md']) fs.copyFileSync(path.join(ROOT, f), path.join(stage, f));
    // Things the allow-list must leave out, were they there.
    for (const f of ['dist/extension.js', 'dist/cli.js.map', 'src/x.ts', 'test/x.test.ts']) {
      fs.mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
      fs.writeFileSync(path.join(stage, f), '// not shipped\n');
    }
    // The CLI and the Word converters it loads from beside itself, built for production as `prepack` builds them.
    const cli = path.join(stage, 'dist', 'cli.js');
    const convert = path.join(stage, 'dist', 'convert.js');
    const build = `import('./scripts/esbuild-options.mjs').then(async (o) => {
      const esbuild = require('esbuild');
      await esbuild.build({ ...o.cliOptions(${JSON.stringify(cli)}, true), logLevel: 'error' });
      await esbuild.build({ ...o.commonOptions(true), entryPoints: ['src/extension/word/converters.ts'], outfile: ${JSON.stringify(convert)}, platform: 'node', format: 'cjs', logLevel: 'error' });
    }).catch((e) => { console.error(e.message); process.exit(1); })`;
    const b = spawnSync(process.execPath, ['-e', build], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    const env = { ...process.env, npm_config_cache: path.join(work, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const p = spawnSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: stage, encoding: 'utf8', env });
    assert.equal(p.status, 0, p.stderr);
    const info = JSON.parse(p.stdout)[0] as { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] };
    tarball = path.join(work, info.filename);
    files = info.files;
    console.log(`      npm package: ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked, ${files.length} files`);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the CLI bundle, its Word converters and the usual documents, nothing else', () => {
    assert.deepEqual(files.map((f) => f.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/convert.js', 'package.json']);
  });

  it('installs into an empty folder with no network, and its starr command runs', () => {
    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "try-starr", "version": "1.0.0", "private": true }\n');
    const env = { ...process.env, npm_config_cache: path.join(work, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const i = spawnSync(npm, ['install', '--no-save', tarball], { cwd: app, encoding: 'utf8', env });
    assert.equal(i.status, 0, i.stderr);
    const bin = path.join(app, 'node_modules', '.bin', process.platform === 'win32' ? 'starr.cmd' : 'starr');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    // The sample portfolio has findings on purpose: exit 1, and every account checked.
    const check = spawnSync(bin, ['check', path.join(ROOT, 'examples', 'portfolio')], { cwd: app, encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /\[missing-section\]/);
    assert.match(check.stdout + check.stderr, /\d+ files? checked/);
    // The Word converters load from beside the bundle.
    const account = path.join(ROOT, 'examples', 'portfolio', 'learner-a', 'courier-sla-recovery.md');
    const out = path.join(app, 'account.txt');
    const exported = spawnSync(bin, ['export', account, '--format', 'txt', '--out', out, '--force'], { cwd: app, encoding: 'utf8' });
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /Situation/);
  });

  it('builds the bundle before packing, and asks for a Node the bundle runs on', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.scripts.prepack, 'node scripts/build.mjs --production');
    assert.equal(pkg.bin.starr, './dist/cli.js');
    assert.ok(!pkg.dependencies || Object.keys(pkg.dependencies).length === 0, 'the bundle carries everything: installing needs no network');
    assert.match(pkg.engines.node, /^>=\d+/);
  });

  it('says, for every dependency with an install script, whether it may run (so npm ci does not warn)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages).filter(([, v]) => v.hasInstallScript).map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length));
    assert.ok(withScripts.length > 0);
    for (const name of withScripts) assert.equal(typeof pkg.allowScripts?.[name], 'boolean', `${name} has an install script: approve or deny it in allowScripts`);
  });
});

describe('packages: the .vsix as a marketplace shows it', function () {
  this.timeout(120_000);

  it('lists only bundles, data, rule pages and media: no source, tests or fixtures', () => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const listed = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(listed.includes('package.json') && listed.includes('README.md'), listed.join(', '));
    for (const f of listed) {
      assert.ok(!/^(src|test|bench|eval|scripts|examples|reports|out)\//.test(f), `${f} is not for users`);
      assert.ok(!/\.(ts|map|vsix)$/.test(f) || f.endsWith('.d.ts'), `${f} is not for users`);
      assert.ok(!/fixtures?\//.test(f), `${f} is a test fixture`);
    }
    for (const f of ['dist/extension.js', 'dist/web/extension.js', 'dist/worker.js', 'dist/web/worker.js']) assert.ok(listed.includes(f), `${f} missing (run npm run build first)`);
    // Every image README shows is in the package, so the marketplace page shows it.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const m of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(m[1])) continue;
      assert.ok(listed.includes(path.posix.normalize(m[1])), `README image ${m[1]} is not in the package`);
    }
    const size = listed.reduce((n, f) => n + (fs.existsSync(path.join(ROOT, f)) ? fs.statSync(path.join(ROOT, f)).size : 0), 0);
    console.log(`      .vsix contents: ${listed.length} files, ${kb(size)} before compression`);
  });

  it('carries the fields a marketplace listing shows', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const k of ['displayName', 'description', 'icon', 'publisher', 'repository', 'homepage', 'bugs', 'galleryBanner', 'categories', 'keywords', 'license']) assert.ok(pkg[k], `${k} is missing`);
    assert.equal(pkg.pricing, 'Free');
    assert.equal(pkg.qna, false);
    assert.ok(fs.existsSync(path.join(ROOT, pkg.icon)), 'the icon file exists');
  });
});
