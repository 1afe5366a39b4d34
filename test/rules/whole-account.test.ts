import assert from 'node:assert/strict';
import { buildAccountFor, resolveConfig, runRules, ruleById, type AccountModel, type Section } from '../../src/analysis';
import { sentenceSpans } from '../../src/core/text';
import { countWords } from '../../src/core/fast-paths';
import { at, run } from './helpers';

const NOW = new Date('2026-06-01T12:00:00Z');

/** A model of text with no headings, given sections the way inference marks them (`inferred: true`). */
function inferred(text: string, starts: Record<string, string>): AccountModel {
  const config = resolveConfig({});
  const account = buildAccountFor(text, config);
  const ids = Object.keys(starts);
  const at0 = ids.map((id) => text.indexOf(starts[id]));
  const sections: Section[] = ids.map((id, i) => {
    const def = account.framework.sections.find((d) => d.id === id)!;
    const body = { start: at0[i], end: i + 1 < ids.length ? at0[i + 1] : text.length };
    return {
      id, def, heading: { text: '', span: { start: body.start, end: body.start }, style: 'label' }, span: body, body,
      words: countWords(account.prose, body.start, body.end), duplicate: false, inferred: true,
      get sentences() { return sentenceSpans(account.prose, body.start, body.end); },
      get firstSentence() { return sentenceSpans(account.prose, body.start, body.end)[0]; },
    };
  });
  return { ...account, sections, sectionById: new Map(sections.map((s) => [s.id, s])), structure: 'labels', preamble: { start: 0, end: at0[0] } };
}
const findings = (account: AccountModel, id: string) => runRules(account, { rules: [ruleById.get(id)!], now: NOW }).findings;

const EVENT = 'Last Tuesday a customer rang because her parcel had not arrived. ';
const ACTION = 'I checked the tracking and saw it was at the depot. I called the depot and they agreed to deliver it the next morning. ';
const RESULT = 'The parcel reached her the next day and she was very happy with the service. ';
const REFLECTION = 'I learned to check the tracking before I promise anything. Next time I would call the depot first.';

describe('content checks on accounts without headings', () => {
  it('missing-outcome-measure reads an inferred Result and says it has no heading', () => {
    const t = `${EVENT}\n\n${ACTION}\n\n${RESULT}\n\n${REFLECTION}\n`;
    const f = findings(inferred(t, { situation: EVENT, action: ACTION, result: RESULT, reflection: REFLECTION }), 'missing-outcome-measure');
    const whole = f.find((x) => x.data?.claim === undefined)!;
    assert.match(whole.message, /^What reads as your Result \(no heading\) has no measure\./);
    assert.equal(at(t, whole), RESULT.trim());
    assert.ok(whole.fixes?.length, 'the placeholder fix is still offered');
  });

  it('shallow-reflection reads an inferred Reflection and says it has no heading', () => {
    const reflection = 'It went well and the customer was happy with how it ended.';
    const t = `${EVENT}\n\n${ACTION}\n\n${reflection}\n`;
    const [f] = findings(inferred(t, { situation: EVENT, action: ACTION, reflection }), 'shallow-reflection');
    assert.match(f.message, /^What reads as your Reflection \(no heading\) retells what happened or how it felt, but does not yet judge why/);
    assert.equal(at(t, f), reflection);
  });

  it('"the next day" alone is not a measure, "within the same day" is', () => {
    assert.equal(run('missing-outcome-measure', '## Result\n\nThe boiler was fixed the next day and he thanked us.\n').length, 1);
    assert.equal(run('missing-outcome-measure', '## Result\n\nThe boiler was fixed within the same day, as the standard asks.\n').length, 0);
  });

  it('hypothetical-language reads inferred sections, and the whole text when there are none, leaving out plans', () => {
    const t = `${EVENT}I would normally check the tracking. ${ACTION}\n\nNext time I would call the depot first.\n`;
    const f = run('hypothetical-language', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['I would']);
    assert.match(f[0].message, /^"I would" in what reads as your \w+ \(no heading\)/);
    // Too short to infer sections from: the whole text is read, and the plan left out all the same.
    const short = 'I would check the tracking. Next time I would call first.';
    const g = run('hypothetical-language', short);
    assert.deepEqual(g.map((x) => at(short, x)), ['I would']);
    assert.equal(g[0].span.start, 0);
    assert.match(g[0].message, /^"I would" in your account/);
  });

  it('collective-voice names an inferred Action as having no heading', () => {
    const action = 'We checked the rota for the busy weeks before the holiday. We moved two people onto the phones and the team called the courier. We agreed the refund. ';
    const t = `${EVENT}\n\n${action}\n\n${RESULT}\n`;
    const [f] = findings(inferred(t, { situation: EVENT, action, result: RESULT }), 'collective-voice');
    assert.match(f.message, /^What reads as your Action \(no heading\) says "we" or "the team" 4 times/);
    assert.equal(at(t, f), 'We checked the rota for the busy weeks before the holiday.');
  });
});

describe('no-real-event', () => {
  it('reports habits throughout as one finding, with the first few habits related', () => {
    const t = 'When a customer complains I always listen. I would apologise and I would check the receipt. I always stay calm. I am very patient and I make sure every customer leaves happy.';
    const f = run('no-real-event', t);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^This account tells what you usually do or are like \("When a customer…", "I always…"\) rather than one real event\. Choose one time it happened/);
    assert.equal(f[0].related!.length, 5);
  });

  it('stays quiet when one event is told and said to happen at a time, even among habits', () => {
    const t = 'I always listen and I always stay calm. I would apologise and I would check the receipt. On Tuesday a customer brought back a kettle that had stopped working, and I refunded it.';
    assert.equal(run('no-real-event', t).length, 0);
  });

  it('stays quiet when the past events outnumber the habits', () => {
    const t = 'A customer rang because her parcel was late. I checked the tracking. I always check it first. She said it was for a birthday. I called the depot and they found it. I rang her back and she thanked me.';
    assert.equal(run('no-real-event', t).length, 0);
  });
});

describe('third-person-account', () => {
  // In paragraphs, as accounts are written: told as one paragraph, inference reads its last sentences as a
  // Reflection (they carry no "I" to mark them as the Action), and a Reflection is not narrative.
  const nurse = 'The nurse apologised to the daughter and went to the patient. The nurse assessed his pain and checked the chart, which showed the dose was 40 minutes late.\n\nThe nurse gave the dose and explained the delay to the daughter.\n\nThe nurse went back an hour later to check his pain score again and wrote it all in the notes.';
  it('reports an account told of "the nurse", at the first mention', () => {
    const f = run('third-person-account', nurse);
    assert.equal(f.length, 1);
    assert.equal(at(nurse, f[0]), 'The nurse');
    assert.match(f[0].message, /^This account tells what "the nurse" did and never says "I", so an assessor cannot see your own part\. If "the nurse" was you, write "I"/);
    assert.equal(f[0].related!.length, 3);
  });

  it('reports the passive with no one doing anything', () => {
    const t = 'The statement was printed for the wrong customer. The incident was reported to the data protection officer within the day and the customer was contacted and given an apology. The statement was returned to the branch the next day and the policy was shared with the counter staff so it would not happen again. A reminder was put on the staff notice board and the manager was told about the mistake at the end of the shift. The refresher training on checking identity was booked for the following week and was completed by the whole counter team before the end of the month.';
    const [f] = run('third-person-account', t);
    assert.match(f.message, /^This account never says "I": it tells what was done/);
  });

  it('stays quiet when "I" carries the story, and leaves "we" to collective-voice', () => {
    assert.equal(run('third-person-account', nurse.replace(/The nurse/g, 'I')).length, 0);
    const we = nurse.replace(/The nurse/g, 'We');
    assert.equal(run('third-person-account', we).length, 0);
    assert.equal(run('collective-voice', we).length, 1);
    assert.equal(run('collective-voice', nurse).length, 0);
  });
});
