import assert from 'node:assert/strict';
import { at, run } from './helpers';

describe('hypothetical-language', () => {
  it('flags hypothetical, habitual and advice wording in narrative sections, with the section named', () => {
    const t = '## Action\n\nI usually check first. Then I would call, and you should log it. We always do.\n';
    const f = run('hypothetical-language', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['I usually', 'I would', 'you should', 'We always']);
    assert.match(f[0].message, /^"I usually" in your Action describes what usually happens, not what you did this time\. Describe this one event/);
    assert.match(f[2].message, /is general advice/);
    assert.deepEqual(f[1].data, { phrase: 'I would', section: 'action', category: 'conditional', advice: 'Each one describes what would happen, not what you did. Say what you did, in the past tense — "I called", not "I would call".' });
  });

  it('leaves reflective sections alone', () => {
    assert.equal(run('hypothetical-language', '## Reflection\n\nNext time I would call first, and I will log it.\n').length, 0);
    assert.equal(run('hypothetical-language', '## Learning\n\nI will log it.\n', undefined).length, 0);
  });

  it('skips reported speech, the future in the past and quotations', () => {
    const t = [
      '## Action',
      '',
      'I told her I would ring back by five. I promised I would. I explained that we would refund it.',
      'I checked which contacts we would receive. She said: "I will not order again." He wrote “you should be ashamed”.',
    ].join('\n');
    assert.deepEqual(run('hypothetical-language', t), []);
  });

  it('does not look in the preamble, code or comments', () => {
    const t = 'I would like to share this account.\n\n## Action\n\n`I would` <!-- I will --> {>>you should<<}\n';
    assert.deepEqual(run('hypothetical-language', t), []);
  });

  it("catches I'll with either apostrophe, across blanked emphasis", () => {
    const t = "## Task\n\nI’ll sort it. I'll fix it. *I* will call.\n";
    assert.equal(run('hypothetical-language', t).length, 3);
  });
});
