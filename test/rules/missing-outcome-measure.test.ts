import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { at, crlf, fix, run } from './helpers';

describe('missing-outcome-measure', () => {
  it('reports a Result with no measure at its heading, with a placeholder fix', () => {
    const t = '## Result\n\nThings went back to normal after that.\n\n## Reflection\n\nNext time.\n';
    const [f] = run('missing-outcome-measure', t);
    assert.equal(at(t, f), '## Result');
    assert.match(f.message, /^Your Result has no measure\. Show what changed against an agreed standard/);
    assert.deepEqual(f.data, { section: 'result' });
    const fixed = fix(t, f);
    assert.equal(fixed, '## Result\n\nThings went back to normal after that.\n\n<!-- Add a measure: e.g. CSAT rose from X% to Y% by DATE -->\n\n## Reflection\n\nNext time.\n');
    // The placeholder is a comment: it never counts as a measure, so the finding stays until one is written.
    assert.equal(analyze(fixed).account.sectionById.get('result')!.words, 7);
  });

  it('keeps CRLF in its fix, and works at the end of the file', () => {
    const t = crlf('## Outcome\n\nIt was fine.');
    const fixed = fix(t, run('missing-outcome-measure', t)[0]);
    assert.equal(fixed, '## Outcome\r\n\r\nIt was fine.\r\n\r\n<!-- Add a measure: e.g. CSAT rose from X% to Y% by DATE -->');
  });

  for (const measure of ['97%', '£40', 'three days', 'within the same day', 'CSAT', 'first contact resolution', 'the SLA', 'NPS', 'response times', 'she said "thank you so much"', 'she wrote “brilliant, thanks”']) {
    it(`counts ${measure} as a measure`, () => {
      assert.equal(run('missing-outcome-measure', `## Result\n\nAfterwards we saw ${measure}.\n`).length, 0);
    });
  }

  it('does not count criterion references, code or comments as figures', () => {
    const t = '## Result\n\nIt got better (AC 3.3, 3.4). `97%` <!-- 12% --> {>>5 days<<}\n';
    assert.equal(run('missing-outcome-measure', t).length, 1);
  });

  it('flags unquantified claims at their span, even when other sentences have figures', () => {
    const t = '## Result\n\nOn-time delivery rose from 81% to 98%. Customer satisfaction improved and the customer was really pleased. Complaints fell to 2 a week.\n';
    const f = run('missing-outcome-measure', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['Customer satisfaction improved', 'the customer was really pleased']);
    assert.match(f[0].message, /^"Customer satisfaction improved" is a claim without evidence\. Add the measure behind it/);
    assert.deepEqual(f[1].data, { section: 'result', claim: 'the customer was really pleased' });
  });

  it('accepts a claim whose own sentence carries the measure', () => {
    assert.equal(run('missing-outcome-measure', '## Result\n\nComplaints went down from 14 to 3 a week.\n').length, 0);
  });

  it('only looks at outcome sections, and leaves an empty Result to thin-section', () => {
    assert.equal(run('missing-outcome-measure', '## Action\n\nThe customer was happy.\n\n## Result\n\n').length, 0);
  });
});
