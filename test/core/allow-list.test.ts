import * as assert from 'node:assert/strict';
import { addAllowedPhrase, parseConfig, resolveConfig } from '../../src/core';

const text = (r: ReturnType<typeof addAllowedPhrase>) => {
  assert.ok(r.ok, r.ok ? '' : r.problem);
  return r.text;
};

describe('allow list', () => {
  it('starts a new file with a valid list', () => {
    const t = text(addAllowedPhrase(undefined, "the customer's  journey"));
    assert.deepEqual(parseConfig(t).config?.allow, ["the customer's journey"]);
    assert.equal(text(addAllowedPhrase('\n', 'x')).endsWith('allow:\n  - x\n'), true);
  });

  it('adds one item and changes no other character: comments, spacing, quoting, CRLF', () => {
    const block = '# ours\r\nframework: starr   # the default\r\nallow:\r\n    - "going forward"  # on purpose\r\nwords: {min: 300}\r\n';
    assert.equal(text(addAllowedPhrase(block, 'best practice')), block.replace('purpose\r\n', 'purpose\r\n    - best practice\r\n'));
    assert.equal(text(addAllowedPhrase('allow: [a,  b]  # two\n', 'c')), 'allow: [a,  b, c]  # two\n');
    assert.equal(text(addAllowedPhrase('allow: []\n', 'c')), 'allow: [c]\n');
    assert.equal(text(addAllowedPhrase('allow:\nwords: {min: 1}\n', 'c')), 'allow:\n  - c\nwords: {min: 1}\n');
    assert.equal(text(addAllowedPhrase('framework: star', 'c')), 'framework: star\nallow:\n  - c\n');
  });

  it('quotes a phrase YAML would read as something else', () => {
    const t = text(addAllowedPhrase('words: {min: 1}\n', '123'));
    assert.deepEqual(parseConfig(t).config?.allow, ['123']);
    const u = text(addAllowedPhrase('words: {min: 1}\n', 'a: b # c'));
    assert.deepEqual(parseConfig(u).config?.allow, ['a: b # c']);
  });

  it('leaves a phrase already listed (any case or spacing) as it is', () => {
    const r = addAllowedPhrase('allow:\n  - Best Practice\n', 'best   practice');
    assert.deepEqual(r, { ok: true, text: 'allow:\n  - Best Practice\n', changed: false });
  });

  it('refuses a file it cannot edit safely, with a plain reason', () => {
    for (const bad of ['allow: yes\n', '- a\n', 'a: [\n']) assert.equal(addAllowedPhrase(bad, 'x').ok, false, bad);
    assert.equal(addAllowedPhrase('x: 1\n', '   ').ok, false);
  });

  it('merges every layer\'s allow list, once each', () => {
    assert.deepEqual(resolveConfig({ allow: ['a', 'b'] }, { allow: ['b', 'c'] }).allow, ['a', 'b', 'c']);
    assert.deepEqual(resolveConfig().allow, []);
    assert.deepEqual(parseConfig('allow: [1]\n').problems.length > 0, true);
  });
});
