import assert from 'node:assert/strict';
import { analyze, getFrameworks } from '../../src/analysis';
import { frameworkChoices } from '../../src/core/data';
import { at, crlf, fix, NOW, run } from './helpers';

const fm = (body: string) => `---\n${body}\n---\n## Situation\n\nText.\n`;
const complete = 'title: T\nlearner: L-014\nunit: CS3-SP\ndate: 2026-03-04';

describe('front-matter', () => {
  it('is quiet for complete front matter', () => {
    assert.deepEqual(run('front-matter', fm(complete)), []);
  });

  it('reports a YAML syntax error as an error at its place, and says the rest was checked', () => {
    const t = fm('title: Late: what I did\nunit: CS3-SP');
    const f = run('front-matter', t);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].start.line, 1);
    assert.match(f[0].message, /^The value of "title" has a colon in it: .+ the rest of the account was still checked\.$/);
    // The body was still analysed.
    assert.equal(analyze(t).account.sections.length, 1);
  });

  it('keeps the YAML error an error even when the rule is set to info', () => {
    const f = run('front-matter', fm('title: [unclosed'), { rules: { 'front-matter': 'info' } });
    assert.equal(f[0].severity, 'error');
  });

  it('names each missing field, and offers today\'s date', () => {
    const t = fm('title: T');
    const f = run('front-matter', t);
    assert.deepEqual(f.map((x) => x.data?.field), ['learner', 'unit', 'date']);
    assert.equal(f[1].message, 'The front matter has no "unit". Add the unit this account is evidence for, e.g. "unit: CS3-SP".');
    const fixed = fix(t, f[2]);
    assert.equal(fixed, fm('title: T\ndate: 2026-06-01'));
  });

  describe('YAML errors in plain words, with the line and a fix', () => {
    const one = (body: string) => {
      const t = fm(body);
      const f = run('front-matter', t);
      assert.equal(f.length, 1, f.map((x) => x.message).join('\n'));
      return { t, f: f[0] };
    };

    it('an unquoted colon in a value: says so, shows the line, and quotes the value', () => {
      const { t, f } = one('title: Refund: the courier\nunit: CS3-SP');
      assert.equal(f.message, 'The value of "title" has a colon in it: ‘title: Refund: the courier’. YAML reads a colon followed by a space as the start of another field. Put the value in quotes: title: "Refund: the courier". Until then its fields cannot be read; the rest of the account was still checked.');
      assert.equal(at(t, f), 'title: Refund: the courier');
      assert.equal(f.detail, 'Nested mappings are not allowed in compact mappings');
      assert.equal(f.fixes![0].preferred, true);
      assert.equal(fix(t, f), fm('title: "Refund: the courier"\nunit: CS3-SP'));
      // Quotes already in the value are kept.
      assert.equal(fix(fm('title: The "Refund": done'), one('title: The "Refund": done').f), fm(`title: 'The "Refund": done'`));
    });

    it('a tab used for indenting', () => {
      const { t, f } = one('criteria:\n\t- "1.1"');
      assert.match(f.message, /^This line of the front matter is indented with a tab: ‘- "1\.1"’\. YAML only reads spaces as indenting: replace the tab with two spaces\./);
      assert.equal(fix(t, f), fm('criteria:\n  - "1.1"'));
    });

    it('an indented field, a line with no colon, a repeated field, an unclosed quote or list, a reserved first character', () => {
      const cases: [string, RegExp, string?][] = [
        ['title: A\n  unit: B', /^This line of the front matter starts with spaces: ‘unit: B’\. YAML reads it as part of the field above\./, 'title: A\nunit: B'],
        ['title A\nunit: B', /^This line of the front matter has no colon: ‘title A’\. Write each field as "name: value"/],
        ['title: A\ntitle: B', /^"title" is written twice in the front matter\. Keep one of them/],
        ['title: "Refund\nunit: B', /^The value of "title" opens a quote that is never closed: ‘title: "Refund’\. Add the closing quote \("\) at the end/, 'title: "Refund"\nunit: B'],
        ['criteria: [1.1, 2.1\nunit: B', /^The value of "criteria" opens a list with "\[" but does not close it/, 'criteria: [1.1, 2.1]\nunit: B'],
        ['title: @home visit', /^The value of "title" starts with "@", which YAML keeps for its own use/, 'title: "@home visit"'],
      ];
      for (const [body, re, fixed] of cases) {
        const { t, f } = one(body);
        assert.match(f.message, re, body);
        assert.ok(f.detail, body);
        if (fixed) assert.equal(fix(t, f), fm(fixed), body);
        else assert.equal(f.fixes, undefined, body);
      }
    });
  });

  it('a front matter block never closed: says so (not "no front matter") and closes it after the last field', () => {
    const t = '---\ntitle: Refund\nunit: CS3-SP\n\n## Situation\n\nText.\n';
    const f = run('front-matter', t);
    assert.equal(f.length, 1);
    assert.equal(f[0].message, 'The front matter starts with "---" but is never closed, so its fields are read as ordinary text. Add a line with just "---" after the last field, before the account begins.');
    assert.equal(at(t, f[0]), '---');
    assert.equal(fix(t, f[0]), '---\ntitle: Refund\nunit: CS3-SP\n---\n\n## Situation\n\nText.\n');
    const end = '---\ntitle: Refund';
    assert.equal(fix(end, run('front-matter', end)[0]), '---\ntitle: Refund\n---\n');
    const heading = crlf('---\ntitle: Refund\n## Situation\n\nText.\n');
    assert.equal(fix(heading, run('front-matter', heading)[0]), crlf('---\ntitle: Refund\n---\n## Situation\n\nText.\n'));
  });

  describe('a front matter block below something else', () => {
    it('says the front matter must come first, and moves what is above it below it', () => {
      const t = '<!-- a note -->\n---\ntitle: Refund\nunit: CS3-SP\n---\n## Situation\n\nText.\n';
      const f = run('front-matter', t);
      assert.equal(f.length, 1);
      assert.equal(at(t, f[0]), '---');
      assert.equal(f[0].message, 'The front matter must be the very first thing in the file, but an HTML comment comes before its opening "---", so its fields are read as ordinary text. Move the front matter to the top and put the comment below it.');
      assert.equal(fix(t, f[0]), '---\ntitle: Refund\nunit: CS3-SP\n---\n<!-- a note -->\n## Situation\n\nText.\n');
      // Never a second, empty block on top.
      assert.ok(!f[0].fixes!.some((x) => x.title === 'Add front matter'));
    });

    it('removes blank lines above it, keeping CRLF and a byte-order mark', () => {
      const t = '\ufeff' + crlf('\n---\ntitle: Refund\n---\n## Situation\n\nText.\n');
      const f = run('front-matter', t);
      assert.match(f[0].message, /but a blank line comes before its opening "---".+Move the front matter to the top\.$/);
      assert.equal(fix(t, f[0]), '\ufeff' + crlf('---\ntitle: Refund\n---\n## Situation\n\nText.\n'));
    });
  });

  it('reports invalid and future dates at the value', () => {
    for (const [date, re] of [['2026-02-30', /not a real date/], ['4th March', /not a real date written as YYYY-MM-DD/], ['2026-06-02', /in the future/]] as const) {
      const t = fm(complete.replace('2026-03-04', date));
      const f = run('front-matter', t);
      assert.equal(f.length, 1, date);
      assert.equal(at(t, f[0]), date);
      assert.match(f[0].message, re);
    }
    assert.equal(run('front-matter', fm(complete.replace('2026-03-04', '2026-06-01'))).length, 0);
  });

  it('reports an unknown framework with a fix per known one', () => {
    const t = fm(`${complete}\nframework: starrr`);
    const [f] = run('front-matter', t);
    assert.equal(at(t, f), 'starrr');
    assert.match(f.message, /"starrr" is not one STARR Reflect knows, so this account was checked against STARR\. /);
    assert.ok(f.message.endsWith(` Use ${frameworkChoices()}.`), f.message);
    assert.deepEqual(f.fixes!.map((x) => x.edits[0].newText), [...getFrameworks().keys()]);
  });

  it('reports a learner field that looks like a real name, not an id', () => {
    for (const name of ['Jane Smith', 'Mrs Jane Smith', "Sean O'Neil"]) {
      const f = run('front-matter', fm(complete.replace('L-014', name)));
      assert.equal(f.length, 1, name);
      assert.match(f[0].message, /looks like a real name\. Use your anonymised learner id/);
    }
    for (const id of ['L-014', 'JS-2026-07', 'learner 14']) assert.equal(run('front-matter', fm(complete.replace('L-014', id))).length, 0, id);
  });

  it('reports wrongly typed fields with the field named', () => {
    const [f] = run('front-matter', fm(`${complete}\nstatus: finished`));
    assert.match(f.message, /"status" should be draft, submitted or assessed\. Fix the "status" field/);
  });

  it('suggests front matter when there is none, with a template fix that satisfies the rule', () => {
    const t = crlf('# Late deliveries\n\n## Situation\n\nText.\n');
    const [f] = run('front-matter', t);
    assert.match(f.message, /no front matter/);
    const fixed = fix(t, f);
    assert.ok(fixed.startsWith('---\r\ntitle: "Late deliveries"\r\n'));
    const a = analyze(fixed, { now: NOW });
    assert.equal(a.account.frontMatter?.fields.date, '2026-06-01');
    // Only the fields the learner must fill in remain.
    assert.deepEqual(run('front-matter', fixed).map((x) => x.data?.field), ['learner', 'unit']);
  });

  it('says nothing about an empty file', () => {
    assert.deepEqual(run('front-matter', ''), []);
  });
});
