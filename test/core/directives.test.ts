// <!-- starr-disable … -->, <!-- starr-enable … -->, <!-- starr-disable-next-line … --> and
// <!-- starr-disable-line … -->: which findings each one switches off, and from where.
import assert from 'node:assert/strict';
import { analyze, ruleById } from '../../src/analysis';

// Two rules that each report on any line: a vague phrase and a hypothetical.
const rules = [ruleById.get('generic-language')!, ruleById.get('hypothetical-language')!];
const VAGUE = 'I dealt with the complaint.';
const WOULD = 'I would call the depot.';

/** The rule and line (one-based) of each finding in an Action made of these lines. */
function found(...lines: string[]): string[] {
  const text = `## Action\n\n${lines.join('\n\n')}\n`;
  return analyze(text, { rules }).findings.map((f) => `${f.ruleId}@${f.start.line + 1}`);
}

describe('inline directives', () => {
  it('finds both rules without directives (the baseline the others change)', () => {
    assert.deepEqual(found(VAGUE, WOULD), ['generic-language@3', 'hypothetical-language@5']);
  });

  it('a bare starr-disable switches every rule off from where it stands, not before', () => {
    assert.deepEqual(found(VAGUE, '<!-- starr-disable -->', VAGUE, WOULD), ['generic-language@3']);
  });

  it('starr-disable with a rule id switches off only that rule; several ids, spaces or commas', () => {
    assert.deepEqual(found('<!-- starr-disable generic-language -->', VAGUE, WOULD), ['hypothetical-language@7']);
    assert.deepEqual(found('<!-- starr-disable generic-language, hypothetical-language -->', VAGUE, WOULD), []);
    assert.deepEqual(found('<!-- starr-disable generic-language hypothetical-language -->', VAGUE, WOULD), []);
  });

  it('a bare starr-enable switches back on every rule a bare starr-disable switched off', () => {
    assert.deepEqual(found('<!-- starr-disable -->', VAGUE, '<!-- starr-enable -->', VAGUE, WOULD), ['generic-language@9', 'hypothetical-language@11']);
  });

  it('a bare starr-enable also ends a starr-disable that named its rules', () => {
    assert.deepEqual(found('<!-- starr-disable generic-language -->', VAGUE, '<!-- starr-enable -->', VAGUE), ['generic-language@9']);
  });

  it('starr-enable with a rule id switches back on that rule only', () => {
    assert.deepEqual(found('<!-- starr-disable -->', '<!-- starr-enable hypothetical-language -->', VAGUE, WOULD), ['hypothetical-language@9']);
    assert.deepEqual(found('<!-- starr-disable generic-language -->', '<!-- starr-enable hypothetical-language -->', VAGUE), []);
  });

  it('the last directive before a finding decides, however many came before', () => {
    const lines = ['<!-- starr-disable -->', '<!-- starr-enable -->', '<!-- starr-disable generic-language -->', VAGUE, WOULD];
    assert.deepEqual(found(...lines), ['hypothetical-language@11']);
    assert.deepEqual(found(...lines, '<!-- starr-enable generic-language -->', VAGUE), ['hypothetical-language@11', 'generic-language@15']);
  });

  it('starr-disable-next-line switches off the next line only, for the rules it names or all', () => {
    const text = `## Action\n\n<!-- starr-disable-next-line generic-language -->\n${VAGUE} ${WOULD}\n${VAGUE}\n`;
    assert.deepEqual(analyze(text, { rules }).findings.map((f) => `${f.ruleId}@${f.start.line + 1}`), ['hypothetical-language@4', 'generic-language@5']);
    const all = `## Action\n\n<!-- starr-disable-next-line -->\n${VAGUE} ${WOULD}\n${VAGUE}\n`;
    assert.deepEqual(analyze(all, { rules }).findings.map((f) => `${f.ruleId}@${f.start.line + 1}`), ['generic-language@5']);
  });

  it('starr-disable-line switches off its own line only', () => {
    const text = `## Action\n\n${VAGUE} <!-- starr-disable-line generic-language -->\n${VAGUE} ${WOULD}\n`;
    assert.deepEqual(analyze(text, { rules }).findings.map((f) => `${f.ruleId}@${f.start.line + 1}`), ['generic-language@4', 'hypothetical-language@4']);
  });

  it('a directive for another rule leaves a finding alone', () => {
    assert.deepEqual(found('<!-- starr-disable personal-data -->', VAGUE), ['generic-language@5']);
    const text = `## Action\n\n<!-- starr-disable-next-line personal-data -->\n${VAGUE}\n`;
    assert.equal(analyze(text, { rules }).findings.length, 1);
  });
});
