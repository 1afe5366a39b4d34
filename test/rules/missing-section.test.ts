import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { at, crlf, fix, run, full } from './helpers';

describe('missing-section', () => {
  const text = full({ Situation: 'A courier missed its SLA.', Action: 'I called the depot.', Reflection: 'Next time I will check.' });

  it('reports each missing section where it belongs, not on a heading that is fine, as an error', () => {
    const f = run('missing-section', text);
    assert.deepEqual(f.map((x) => x.data?.section), ['task', 'result']);
    assert.ok(f.every((x) => x.severity === 'error'));
    // The last character before the Action heading: the end of the Situation.
    assert.equal(f[0].span.start, text.indexOf('SLA.') + 3);
    assert.equal(at(text, f[0]), '.');
    assert.match(f[0].message, /The Task section is missing\. Add a "Task" heading before Action/);
    assert.ok(!f.some((x) => at(text, x).startsWith('#')), 'no heading is marked');
  });

  it('marks a missing last section at the end of the account', () => {
    const t = full({ Situation: 'A courier missed its SLA.', Task: 'I had to fix it.', Action: 'I called the depot.', Result: 'It arrived.' });
    const [f] = run('missing-section', `${t}\n\n`);
    assert.equal(f.data?.section, 'reflection');
    assert.equal(f.span.end, t.lastIndexOf('.') + 1);
    assert.match(f.message, /at the end/);
  });

  it('marks nothing but the place when no text comes before it', () => {
    const t = '## Task\n\nI had to fix it.\n';
    const f = run('missing-section', t).find((x) => x.data?.section === 'situation')!;
    assert.deepEqual(f.span, { start: 0, end: 0 });
  });

  it('its fix inserts the heading with a prompt in framework order', () => {
    const f = run('missing-section', text);
    const fixed = fix(text, f[0]);
    assert.ok(fixed.includes('## Task\n\n<!-- What did you personally need to achieve'));
    assert.deepEqual(analyze(fixed).account.sections.map((s) => s.id), ['situation', 'task', 'action', 'reflection']);
  });

  it('keeps CRLF line breaks in its fix', () => {
    const t = crlf(text);
    const fixed = fix(t, run('missing-section', t)[1]);
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
    assert.ok(analyze(fixed).account.sectionById.has('result'));
  });

  it('stays quiet for an unstructured account (unstructured-account reports it once)', () => {
    assert.equal(run('missing-section', 'Just some text about a customer.').length, 0);
  });
});
