import assert from 'node:assert/strict';
import { resolveConfig } from '../../src/core';
import { genericLexicon } from '../../src/rules/generic-language';
import { at, crlf, run } from './helpers';

describe('generic-language', () => {
  it('quotes the phrase, gives its suggestion, and spans it exactly', () => {
    const t = '## Action\n\nI dealt with the complaint.\n';
    const [f] = run('generic-language', t);
    assert.equal(at(t, f), 'dealt with');
    assert.equal(f.message, '"dealt with" is vague. Say exactly what you did — "I refunded", "I escalated to", "I rebooked".');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.data, { phrase: 'dealt with', suggestion: 'Say exactly what you did — "I refunded", "I escalated to", "I rebooked".' });
  });

  it('matches across emphasis, line breaks and CRLF, ignoring case; prefers the longest phrase', () => {
    const t = crlf('## Action\n\nWe gave **Good** customer\nservice and went above and beyond, etc.\n');
    const f = run('generic-language', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['Good** customer\r\nservice', 'went above and beyond', 'etc.']);
  });

  it('matches whole words only', () => {
    assert.equal(run('generic-language', 'She sorted outside the office; the cetc. and asapx codes; thingsalways.').length, 0);
  });

  it('never matches code, HTML comments, tutor CriticMarkup, headings or quoted customer words', () => {
    const t = [
      '## Dealt with it',
      '',
      'Code `dealt with` here. <!-- dealt with --> {>>dealt with<<} {++as usual++}',
      '',
      '```',
      'good customer service',
      '```',
      '',
      'She wrote: "Great service, thank you" and “excellent service”.',
    ].join('\n');
    assert.deepEqual(run('generic-language', t), []);
  });

  it('leaves outcome claims in a Result to missing-outcome-measure, unless that rule is off', () => {
    const t = '## Situation\n\nThe customer was happy before.\n\n## Result\n\nThe customer was happy.\n';
    assert.equal(run('generic-language', t).length, 1);
    assert.equal(run('generic-language', t, { rules: { 'missing-outcome-measure': 'off' } }).length, 2);
  });

  it('phrases.add extends the list and phrases.remove trims it', () => {
    const t = 'We touch base daily, as usual, with everyone.\n';
    const f = run('generic-language', t, { phrases: { add: ['touch base', { phrase: 'daily', suggestion: 'Say which days.' }], remove: ['as usual'] } });
    assert.deepEqual(f.map((x) => at(t, x)), ['touch base', 'daily', 'everyone']);
    assert.match(f[0].message, /Replace it with what you actually did/);
    assert.match(f[1].message, /Say which days\./);
  });

  it('does not flag "always" after will/must/should', () => {
    const f = run('generic-language', 'I always check. Next time I will always check. I’ll always ask.');
    assert.equal(f.length, 1);
  });

  it('compiles one regex per phrase setting and reuses it', () => {
    const a = resolveConfig({ phrases: { add: ['touch base'] } });
    const b = resolveConfig({ phrases: { add: ['touch base'] } });
    assert.equal(genericLexicon(a.phrases), genericLexicon(b.phrases));
    assert.notEqual(genericLexicon(a.phrases), genericLexicon(resolveConfig().phrases));
    assert.ok(genericLexicon(resolveConfig().phrases).entries.length >= 40);
  });
});
