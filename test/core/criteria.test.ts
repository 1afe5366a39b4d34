import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCriteriaSources, CriteriaCatalog, criteriaSetTemplate, criterionIds, loadCriteriaSet } from '../../src/core/criteria';

const centreSet = `id: CS3-SP
title: Deliver customer service using service partnerships (centre wording)
level: 3
version: "2024.1"
aliases: [Unit 301]
learningOutcomes:
  - id: "1"
    title: Understand partnerships
    criteria:
      - id: "1.1"
        verb: explain
        text: Explain the service chain.
      - id: "1.2"
        verb: describe
        text: Describe partnership types.
`;

describe('criteria sets', () => {
  it('loads every bundled set without problems', () => {
    for (const s of bundledCriteriaSources()) {
      const r = loadCriteriaSet(s.text, s.source);
      assert.deepEqual(r.problems, [], s.source);
      assert.ok(r.set, s.source);
      assert.ok(criterionIds(r.set).length >= 8, `${s.source} has a useful number of criteria`);
      // What the build read from the file (and the catalog uses) is what the text says.
      assert.ok(s.value !== undefined, s.source);
      assert.deepEqual(loadCriteriaSet(s.text, s.source, s.value), r, s.source);
    }
  });

  it('bundles every file in criteria/ (the import list matches the folder)', () => {
    const onDisk = readdirSync(join(process.cwd(), 'criteria')).filter((f) => f.endsWith('.yaml')).sort();
    const bundled = bundledCriteriaSources().map((s) => s.source.replace('criteria/', '')).sort();
    assert.deepEqual(bundled, onDisk);
  });

  it('has stable unit ids', () => {
    const c = new CriteriaCatalog();
    assert.deepEqual(c.units().map((u) => u.set.id), ['CS3-CHAIN', 'CS3-MON', 'CS3-ORG', 'CS3-SP', 'CS4-SP']);
  });

  it('reports a YAML syntax error at its line', () => {
    const text = 'id: X\ntitle: T\nlevel: 3\nversion: "1"\nlearningOutcomes:\n  - id: "1"\n    title: [unclosed\n';
    const r = loadCriteriaSet(text, 'bad.yaml');
    assert.equal(r.set, undefined);
    assert.ok(r.problems.length >= 1);
    assert.equal(r.problems[0].source, 'bad.yaml');
    assert.equal(r.problems[0].severity, 'error');
    assert.ok(r.problems[0].line >= 7, `line ${r.problems[0].line}`);
    assert.match(r.problems[0].message, /^The value of "title" opens a list with "\[" but does not close it: ‘title: \[unclosed’\. Add "\]"/);
  });

  it('reports a schema problem at the offending line (unknown verb)', () => {
    const text = centreSet.replace('verb: describe', 'verb: discuss');
    const r = loadCriteriaSet(text, 'c.yaml');
    assert.equal(r.set, undefined);
    const p = r.problems.find((x) => /verb/.test(x.message));
    assert.ok(p, JSON.stringify(r.problems));
    assert.equal(p.line, 14);
    assert.equal(text.slice(p.span.start, p.span.end), 'discuss');
    assert.match(p.message, /British spelling/);
  });

  it('reports a missing field naming it', () => {
    const r = loadCriteriaSet(centreSet.replace(/^level: 3\n/m, ''), 'c.yaml');
    assert.equal(r.set, undefined);
    assert.ok(r.problems.some((p) => /level/.test(p.message)), JSON.stringify(r.problems));
  });

  it('asks for quotes around a numeric criterion id', () => {
    const text = centreSet.replace('id: "1.2"', 'id: 1.2');
    const r = loadCriteriaSet(text, 'c.yaml');
    assert.equal(r.set, undefined);
    const p = r.problems.find((x) => /quotes/.test(x.message));
    assert.ok(p, JSON.stringify(r.problems));
    assert.equal(p.line, 13);
  });

  it('rejects duplicate criterion ids and warns on misnumbered ones', () => {
    const dup = loadCriteriaSet(centreSet.replace('id: "1.2"', 'id: "1.1"'), 'c.yaml');
    assert.equal(dup.set, undefined);
    const p = dup.problems.find((x) => /appears twice/.test(x.message));
    assert.ok(p);
    assert.equal(p.line, 13);
    const mis = loadCriteriaSet(centreSet.replace('id: "1.2"', 'id: "2.2"'), 'c.yaml');
    assert.ok(mis.set, 'a warning does not stop the set loading');
    assert.equal(mis.problems.length, 1);
    assert.equal(mis.problems[0].severity, 'warning');
    assert.equal(mis.problems[0].line, 13);
  });

  it('the template is a valid set', () => {
    const r = loadCriteriaSet(criteriaSetTemplate('MY-UNIT'), 'template.yaml');
    assert.deepEqual(r.problems, []);
    assert.equal(r.set?.id, 'MY-UNIT');
  });
});

describe('CriteriaCatalog', () => {
  it('answers hasUnit and hasCriterion', () => {
    const c = new CriteriaCatalog();
    assert.ok(c.hasUnit('CS3-SP'));
    assert.ok(c.hasUnit('cs3-sp'), 'ids ignore case');
    assert.ok(c.hasUnit('Monitor and evaluate customer service'), 'titles count');
    assert.ok(c.hasUnit('Monitor and evaluate the quality of customer service'), 'aliases count');
    assert.ok(!c.hasUnit('CS9-XX'));
    assert.ok(c.hasCriterion('CS3-SP', '3.2'));
    assert.ok(!c.hasCriterion('CS3-SP', '9.9'));
    assert.ok(c.hasCriterion(undefined, '4.3'), 'any unit when none is given');
    assert.ok(!c.hasCriterion(undefined, '7.1'));
    assert.equal(c.criterion('CS3-MON', '3.3')?.criterion.verb, 'evaluate');
    assert.equal(c.criterion('CS3-MON', '3.3')?.outcome.id, '3');
  });

  it('lets a centre set override a bundled one by id', () => {
    const c = new CriteriaCatalog({ centre: [{ text: centreSet, source: 'centre/criteria/sp.yaml' }] });
    const u = c.unit('CS3-SP')!;
    assert.equal(u.origin, 'centre');
    assert.equal(u.replaces, 'criteria/CS3-SP.yaml');
    assert.equal(u.set.version, '2024.1');
    assert.ok(c.hasCriterion('CS3-SP', '1.2'));
    assert.ok(!c.hasCriterion('CS3-SP', '3.2'), 'the bundled criteria are gone');
    assert.ok(c.hasUnit('unit 301'), 'the centre alias works');
    assert.ok(!c.hasUnit('Deliver customer service using service partnerships'), "the bundled set's alias went with it");
    assert.equal(c.size, 5);
  });

  it('keeps loading when one centre set is broken', () => {
    const broken = 'id: BROKEN\ntitle: x\nlevel: nine\nversion: "1"\nlearningOutcomes: []\n';
    const extra = centreSet.replace('id: CS3-SP', 'id: CENTRE-1').replace('aliases: [Unit 301]\n', '');
    const c = new CriteriaCatalog({ centre: [{ text: broken, source: 'b.yaml' }, { text: extra, source: 'e.yaml' }] });
    assert.ok(!c.hasUnit('BROKEN'));
    assert.ok(c.hasUnit('CENTRE-1'));
    assert.equal(c.size, 6);
    assert.ok(c.problems.length >= 1);
    assert.ok(c.problems.every((p) => p.source === 'b.yaml'));
    assert.ok(c.problems.some((p) => p.line === 3), JSON.stringify(c.problems));
  });

  it('warns when two centre files define the same unit; the later wins', () => {
    const second = centreSet.replace('version: "2024.1"', 'version: "2025.1"');
    const c = new CriteriaCatalog({ centre: [{ text: centreSet, source: 'a.yaml' }, { text: second, source: 'b.yaml' }] });
    assert.equal(c.unit('CS3-SP')?.set.version, '2025.1');
    const w = c.problems.find((p) => p.severity === 'warning');
    assert.ok(w);
    assert.equal(w.source, 'b.yaml');
    assert.equal(w.line, 1);
  });

  it('can start empty (no bundled sets)', () => {
    const c = new CriteriaCatalog({ bundled: [] });
    assert.equal(c.size, 0);
    assert.ok(!c.hasUnit('CS3-SP'));
  });
});
