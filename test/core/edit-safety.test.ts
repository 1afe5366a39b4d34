import assert from 'node:assert/strict';
import { analyze, type Fix } from '../../src/analysis';
import { defineRule } from '../../src/core/rule';
import { disableFixes, isSafeFix, lockedRegions } from '../../src/core/edit-safety';
import { misplacedFrontMatter } from '../../src/core/frontmatter';

const insert = (at: number, newText = 'X', yaml = false): Fix => ({ title: 'insert', edits: [{ span: { start: at, end: at }, newText }], yaml });
const replace = (start: number, end: number): Fix => ({ title: 'replace', edits: [{ span: { start, end }, newText: 'Y' }] });
const regionsOf = (text: string) => lockedRegions(analyze(text).account);
const safe = (text: string, fix: Fix) => isSafeFix(fix, regionsOf(text));

describe('edit safety: where a fix may change an account', () => {
  describe('feedback marks', () => {
    const t = 'I rang {>>[tutor:AB open] why?<<} and {~~Mr John Brown~>Mr B~~} then {==this==}{>>say more<<}.\n';
    const c = t.indexOf('{>>');
    const s = t.indexOf('{~~');
    const h = t.indexOf('{==');

    it('never inserts inside a mark, but may at its edges', () => {
      for (const at of [c + 1, c + 3, t.indexOf('why'), t.indexOf('<<}'), t.indexOf('~>'), t.indexOf('this')]) assert.equal(safe(t, insert(at)), false, `at ${at}`);
      for (const at of [c, t.indexOf('<<}') + 3, s, t.indexOf('~~}') + 3]) assert.equal(safe(t, insert(at)), true, `at ${at}`);
    });

    it('keeps a highlight and its comment together', () => {
      assert.equal(safe(t, insert(t.indexOf('==}') + 3)), false);
    });

    it('replaces within a mark\'s own text, or a whole mark, but never across its delimiters', () => {
      const name = t.indexOf('Mr John Brown');
      assert.equal(safe(t, replace(name, name + 13)), true);
      assert.equal(safe(t, replace(t.indexOf('why'), t.indexOf('why') + 4)), true);
      assert.equal(safe(t, replace(c, t.indexOf('<<}') + 3)), true);
      assert.equal(safe(t, replace(0, t.length)), true);
      assert.equal(safe(t, replace(c - 2, c + 5)), false, 'cuts the opener');
      assert.equal(safe(t, replace(t.indexOf('why'), t.indexOf(' and'))), false, 'cuts the closer');
      assert.equal(safe(t, replace(t.indexOf('Brown'), t.indexOf('Mr B') + 2)), false, 'across the ~> of a change');
      assert.equal(safe(t, replace(h + 3, t.indexOf('say'))), false, 'from a highlight into its comment');
    });

    it('judges each edit of a fix: one bad edit drops the fix', () => {
      const fix: Fix = { title: 'two', edits: [insert(0).edits[0], insert(c + 4).edits[0]] };
      assert.equal(safe(t, fix), false);
    });
  });

  describe('front matter', () => {
    const t = '---\ntitle: Refund\nunit: CS3-SP\n---\n## Situation\n\nI was on the desk.\n';
    const end = t.indexOf('---', 3) + 3;

    it('never inserts before it or inside it; right after it is fine', () => {
      assert.equal(safe(t, insert(0)), false);
      assert.equal(safe(t, insert(t.indexOf('unit'))), false);
      assert.equal(safe(t, insert(end)), true);
      assert.equal(safe('\ufeff' + t, insert(1)), false);
    });

    it('lets a fix that edits the YAML on purpose insert within it, and replacements within its YAML', () => {
      assert.equal(safe(t, insert(t.indexOf('unit'), 'date: 2026-01-01\n', true)), true);
      assert.equal(safe(t, insert(0, '---\n', true)), false);
      assert.equal(safe(t, replace(t.indexOf('Refund'), t.indexOf('Refund') + 6)), true);
      assert.equal(safe(t, replace(0, 5)), false);
    });

    it('treats a front matter block below an HTML comment as locked, the comment included', () => {
      const late = '<!-- a note -->\n---\ntitle: Refund\n---\n## Situation\n\nText.\n';
      const closeEnd = late.indexOf('---', 20) + 3;
      assert.deepEqual(misplacedFrontMatter(late), {
        lead: { start: 0, end: 16 },
        block: { start: 16, end: closeEnd },
        content: { start: 20, end: 33 },
      });
      assert.equal(safe(late, insert(0)), false);
      assert.equal(safe(late, insert(16)), false);
      assert.equal(safe(late, insert(closeEnd)), true);
      assert.equal(safe(late, replace(0, 16)), true, 'moving the comment away');
    });

    it('finds a misplaced block only below comments or blank lines, with YAML in it and a closing fence', () => {
      assert.ok(misplacedFrontMatter('\n\n---\ntitle: A\n...\n'));
      assert.ok(misplacedFrontMatter('\ufeff<!-- a -->\r\n<!-- b -->\r\n---\r\ntitle: A\r\n---\r\n'));
      for (const t of ['---\ntitle: A\n---\n', '<!-- a -->\n---\nJust a rule\n---\n', '<!-- a -->\n---\ntitle: A\n', '<!-- a --> ---\ntitle: A\n---\n', 'Text\n---\ntitle: A\n---\n', '<!-- open\n---\ntitle: A\n---\n'])
        assert.equal(misplacedFrontMatter(t), undefined, JSON.stringify(t));
    });
  });

  describe('in the analysis, for every rule', () => {
    // A rule whose fixes land wherever the test says: the analysis must drop the unsafe ones.
    const rule = (at: (text: string) => number) =>
      defineRule({ id: 'probe', defaultSeverity: 'warning', title: 'probe', rationale: 'probe', fixable: true }, ({ account, report }) => {
        const p = at(account.text);
        report({ message: 'probe', span: { start: 0, end: 1 }, fixes: [insert(p, 'ok', false), { ...insert(p + 1), title: 'later' }] });
      });

    it('drops fixes that would insert inside a mark, keeping the rest of the finding', () => {
      const t = 'I rang {>>why<<} back.\n';
      const f = analyze(t, { rules: [rule((x) => x.indexOf('{>>'))] }).findings;
      assert.equal(f.length, 1);
      assert.deepEqual(f[0].fixes!.map((x) => x.title), ['insert']);
    });

    it('leaves a finding with no fixes when none is safe', () => {
      const t = 'I rang {>>why<<} back.\n';
      const f = analyze(t, { rules: [rule((x) => x.indexOf('why'))] }).findings;
      assert.equal(f.length, 1);
      assert.deepEqual(f[0].fixes, undefined);
    });
  });

  describe('disable directives', () => {
    const titles = (text: string, at: number) => {
      const { account } = analyze(text);
      return disableFixes(text, { ruleId: 'personal-data', span: { start: at, end: at + 1 } }, account.frontMatter?.span.end ?? 0, lockedRegions(account)).map((x) => x.title);
    };

    it('offers both directives on an ordinary line, placed as before', () => {
      const t = '---\ntitle: A\n---\n## Situation\n\n  Mrs Ada Wong rang.\n';
      const { account } = analyze(t);
      const fixes = disableFixes(t, { ruleId: 'personal-data', span: { start: t.indexOf('Mrs'), end: t.indexOf('Mrs') + 3 } }, account.frontMatter!.span.end, lockedRegions(account));
      assert.deepEqual(fixes.map((x) => [x.title, x.edits[0].span.start, x.edits[0].newText]), [
        ['Disable personal-data for this line', t.indexOf('  Mrs'), '  <!-- starr-disable-next-line personal-data -->\n'],
        ['Disable personal-data for this file', t.indexOf('---', 3) + 3, '\n<!-- starr-disable personal-data -->\n'],
      ]);
    });

    it('puts the file directive at the top, with a blank line, when there is no front matter; CRLF kept', () => {
      const t = '## Situation\r\n\r\nMrs Ada Wong rang.\r\n';
      const { account } = analyze(t);
      const fixes = disableFixes(t, { ruleId: 'personal-data', span: { start: t.indexOf('Mrs'), end: t.indexOf('Mrs') + 3 } }, 0, lockedRegions(account));
      assert.equal(fixes[1].edits[0].newText, '<!-- starr-disable personal-data -->\r\n\r\n');
    });

    it('offers no line directive on a line inside a feedback mark that runs over several lines', () => {
      const t = '## Situation\n\nI rang {>>[tutor:AB open] who is\nMrs Ada Wong?<<} back.\n';
      assert.deepEqual(titles(t, t.indexOf('Mrs')), ['Disable personal-data for this file']);
      assert.deepEqual(titles(t, t.indexOf('I rang')), ['Disable personal-data for this line', 'Disable personal-data for this file']);
    });

    it('offers nothing inside the front matter, and no file directive above a misplaced one', () => {
      const t = '---\ntitle: Call with Mrs Ada Wong\n---\n## Situation\n\nText.\n';
      assert.deepEqual(titles(t, t.indexOf('Mrs')), []);
      const late = '<!-- a note -->\n---\ntitle: A\n---\n## Situation\n\nMrs Ada Wong rang.\n';
      assert.deepEqual(titles(late, late.indexOf('Mrs')), ['Disable personal-data for this line']);
    });
  });
});
