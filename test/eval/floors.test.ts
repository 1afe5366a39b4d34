// The checks' accuracy on the held-out test split may not fall below the floors in eval/floors.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseSplit, corpusDir, score } from '../../eval/evaluate';

const root = process.cwd();
const floors = JSON.parse(fs.readFileSync(path.join(root, 'eval', 'floors.json'), 'utf8')) as Record<string, number>;

describe('accuracy on the evaluation test split', function () {
  this.timeout(60_000);
  const s = score(analyseSplit(corpusDir(root, 'test')));
  const measured: Record<string, number | null> = {
    accounts: s.accounts,
    sectionPresence: s.sectionPresence.agreement,
    inferredBoundaries: s.boundaries.accuracy,
    outcomeMeasureBalancedAccuracy: s.binary['missing-outcome-measure'].balancedAccuracy,
    weCarriesBalancedAccuracy: s.binary['collective-voice'].balancedAccuracy,
    depthAgreement: s.depth.agreement,
    vaguePrecision: s.spans.vague.precision,
    vagueRecall: s.spans.vague.recall,
    personalDataRecall: s.spans['personal-data'].recall,
  };
  for (const [name, floor] of Object.entries(floors)) {
    it(`${name} ≥ ${floor}`, () => {
      assert.ok(name in measured, `eval/floors.json names an unknown measure "${name}"`);
      const value = measured[name];
      assert.ok(value !== null && value >= floor, `${name} is ${value}, below its floor of ${floor}`);
    });
  }
});
