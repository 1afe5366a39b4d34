// Every relative link and #anchor in the README, CONTRIBUTING, CHANGELOG and the manual in docs/ leads
// somewhere, and the README's pictures ship in the .vsix, where the Marketplace shows them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import picomatch from 'picomatch';
import { anchors, docFiles, githubSlug, links, tree } from './markdown';

// A scheme (https:, mailto:, command:) or a protocol-relative address: not a file in the repository.
const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

describe('docs: GitHub heading anchors', () => {
  it('keeps letters, digits, hyphens and underscores, drops the rest, and turns spaces into hyphens', () => {
    assert.equal(githubSlug('Configuration: .starr.yaml'), 'configuration-starryaml');
    assert.equal(githubSlug("Your centre's own sets"), 'your-centres-own-sets');
    assert.equal(githubSlug('Who wrote it, and whether it is done'), 'who-wrote-it-and-whether-it-is-done');
    assert.equal(githubSlug('starr check'), 'starr-check');
    assert.equal(githubSlug('rules.<rule-id>.severity'), 'rulesrule-idseverity');
    assert.equal(githubSlug('snake_case and kebab-case'), 'snake_case-and-kebab-case');
  });

  it('keeps letters beyond ASCII and drops dashes, emoji and symbols without closing up the spaces', () => {
    assert.equal(githubSlug('S – Situation'), 's--situation');
    assert.equal(githubSlug('Café 2.0 ✅'), 'café-20-');
    assert.equal(githubSlug('The 2 MB list-heavy account'), 'the-2-mb-list-heavy-account');
  });

  it('numbers repeated headings in order, from the tree', () => {
    const a = anchors(tree('docs/cli.md'));
    assert.ok(a.has('starr-check') && a.has('exit-codes'));
    const root = { type: 'root', children: ['Examples', 'Examples', 'Examples'].map((t) => ({ type: 'heading', depth: 2, children: [{ type: 'text', value: t }] })) } as Parameters<typeof anchors>[0];
    assert.deepEqual([...anchors(root)], ['examples', 'examples-1', 'examples-2']);
  });
});

describe('docs: links', () => {
  const files = docFiles();

  it('the manual is there: README, CONTRIBUTING and every guide and reference page', () => {
    for (const f of ['docs/guides/getting-started.md', 'docs/guides/e-portfolio.md', 'docs/guides/tutors.md', 'docs/guides/quality-assurance.md', 'docs/cli.md', 'docs/configuration.md', 'docs/criteria-sets.md', 'docs/vscode.md', 'docs/architecture.md', 'docs/performance.md', 'docs/scaling.md', 'docs/rules/README.md']) {
      assert.ok(files.includes(f), f);
    }
  });

  for (const file of files) {
    it(`every relative link and anchor in ${file} resolves`, () => {
      const broken: string[] = [];
      for (const link of links(tree(file))) {
        if (isExternal(link.url)) continue;
        const hash = link.url.indexOf('#');
        const path = decodeURIComponent(hash < 0 ? link.url : link.url.slice(0, hash));
        const fragment = hash < 0 ? undefined : decodeURIComponent(link.url.slice(hash + 1));
        const target = path === '' ? file : normalize(join(dirname(file), path));
        const where = `${file}:${link.line} ${link.url}`;
        if (relative('.', target).startsWith('..')) broken.push(`${where}: leads out of the repository`);
        else if (!existsSync(target)) broken.push(`${where}: ${target} does not exist`);
        else if (fragment !== undefined) {
          if (statSync(target).isDirectory() || !target.endsWith('.md')) broken.push(`${where}: an anchor into a file that is not Markdown`);
          else if (!anchors(tree(target)).has(fragment)) broken.push(`${where}: ${target} has no heading whose anchor is #${fragment}`);
        }
      }
      assert.deepEqual(broken, []);
    });
  }

  it('the README links to every guide', () => {
    const targets = new Set(links(tree('README.md')).map((l) => l.url.split('#')[0]));
    for (const guide of ['docs/guides/getting-started.md', 'docs/guides/tutors.md', 'docs/guides/quality-assurance.md', 'docs/cli.md', 'docs/configuration.md', 'CONTRIBUTING.md']) {
      assert.ok(targets.has(guide), guide);
    }
  });

  it("the README's pictures are relative paths to files the .vsix ships (.vscodeignore)", () => {
    const rules = readFileSync('.vscodeignore', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    // .vscodeignore is read top to bottom; the last pattern that matches a path decides, and "!" keeps it.
    const ships = (path: string) => rules.reduce((keep, rule) => (picomatch.isMatch(path, rule.replace(/^!/, ''), { dot: true }) ? rule.startsWith('!') : keep), true);
    const images = links(tree('README.md')).filter((l) => l.image);
    assert.ok(images.length >= 1, 'the README shows a picture');
    for (const image of images) {
      assert.ok(!isExternal(image.url), `${image.url}: a relative path, so it resolves inside the package`);
      assert.ok(ships(image.url), `${image.url} is left out of the .vsix by .vscodeignore`);
    }
    assert.ok(!ships('src/core/model.ts') && !ships('docs/guides/getting-started.md'), 'the check tells shipped from left-out files');
  });
});
