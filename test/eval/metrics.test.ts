import * as assert from 'node:assert/strict';
import { balancedAccuracy, cohensKappa, f1, paragraphIndex, precision, recall, spanCounts } from '../../eval/metrics';
import { resolveLabels, type Labels } from '../../eval/labels';

describe('eval metrics', () => {
  it('precision, recall, F1 and balanced accuracy from counts', () => {
    const b = { tp: 6, fp: 2, fn: 4, tn: 8 };
    assert.equal(precision(b), 0.75);
    assert.equal(recall(b), 0.6);
    assert.ok(Math.abs(f1(b)! - 2 / 3) < 1e-12);
    assert.equal(balancedAccuracy(b), (0.6 + 0.8) / 2);
    assert.equal(precision({ tp: 0, fp: 0 }), null);
  });

  it("Cohen's kappa: perfect, chance and a worked example", () => {
    assert.equal(cohensKappa([[5, 0], [0, 5]]), 1);
    assert.equal(cohensKappa([[5, 5], [5, 5]]), 0);
    // po = 0.7, pe = 0.5 → κ = 0.4
    assert.ok(Math.abs(cohensKappa([[35, 15], [15, 35]])! - 0.4) < 1e-12);
  });

  it('spans match by overlap, gold and predicted counted apart', () => {
    const gold = [{ start: 0, end: 5 }, { start: 10, end: 15 }];
    const predicted = [{ start: 3, end: 4 }, { start: 20, end: 25 }, { start: 4, end: 6 }];
    assert.deepEqual(spanCounts(gold, predicted), { tp: 1, fn: 1, fp: 1, predictedRight: 2 });
    // Touching is not overlapping.
    assert.deepEqual(spanCounts([{ start: 0, end: 5 }], [{ start: 5, end: 8 }]), { tp: 0, fn: 1, fp: 1, predictedRight: 0 });
  });

  it('paragraph index counts blank-line breaks before an offset', () => {
    const text = 'One.\nstill one.\n\nTwo.\n  \nThree.';
    assert.equal(paragraphIndex(text, 0), 0);
    assert.equal(paragraphIndex(text, text.indexOf('still')), 0);
    assert.equal(paragraphIndex(text, text.indexOf('Two')), 1);
    assert.equal(paragraphIndex(text, text.indexOf('Three')), 2);
  });
});

describe('eval labels', () => {
  const base: Labels = {
    genre: 'nvq-cs-l3', shape: 'headings', framework: 'starr', quality: 'weak', result_measure: false,
    we_carries_work: false, depth: 'none', no_real_event: false, third_person: false,
  };
  const text = '## Situation\nI was on the desk when Mrs Ada Wong rang. It was good.\n## Result\nIt was good customer service.';

  it('resolves section starts in order and quoted spans by occurrence', () => {
    const r = resolveLabels(text, {
      ...base,
      sections: [{ id: 'situation', start: '## Situation' }, { id: 'result', start: '## Result' }],
      vague: [{ text: 'good', nth: 2 }],
      personal_data: [{ text: 'Mrs Ada Wong' }],
    });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.sections.map((s) => [s.id, s.start, s.end]), [['situation', 0, text.indexOf('## Result')], ['result', text.indexOf('## Result'), text.length]]);
    assert.equal(r.vague[0].start, text.indexOf('good customer'));
    assert.equal(r.personal[0].start, text.indexOf('Mrs'));
  });

  it('names each label that does not resolve', () => {
    const r = resolveLabels(text, { ...base, framework: 'starr', sections: [{ id: 'sitch', start: 'nowhere' }], vague: [{ text: 'missing' }] });
    assert.equal(r.problems.length, 4);
    assert.match(r.problems.join('\n'), /section id "sitch"/);
    assert.match(r.problems.join('\n'), /start "nowhere" not found/);
    assert.match(r.problems.join('\n'), /vague "missing"/);
    assert.match(r.problems.join('\n'), /result_measure/);
  });
});
