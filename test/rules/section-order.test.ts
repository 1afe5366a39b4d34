import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { at, crlf, fix, run, full } from './helpers';

describe('section-order', () => {
  const text = full({ Situation: 'A.', Action: 'I called.', Task: 'I had to.', Result: 'It rose 5%.', Reflection: 'Next time.' });

  it('names the section and where it belongs, with related information', () => {
    const f = run('section-order', text);
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '## Task');
    assert.match(f[0].message, /The Task section is out of order: it should come before Action\. STARR reads Situation, Task, Action, Result and Reflection/);
    assert.deepEqual(f[0].data, { section: 'task', before: 'action' });
    assert.equal(at(text, { ...f[0], span: f[0].related![0].span }), '## Action');
  });

  it('its fix moves the section and keeps every word', () => {
    for (const t of [text, crlf(text), full({ Reflection: 'Next time.', Situation: 'A.', Task: 'I had to.' }).trimEnd()]) {
      const fixed = fix(t, run('section-order', t)[0]);
      assert.equal(run('section-order', fixed).length, 0, fixed);
      assert.equal(analyze(fixed).account.words, analyze(t).account.words);
    }
  });
});
