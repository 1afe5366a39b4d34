import assert from 'node:assert/strict';
import { analyze, resolveConfig } from '../../src/analysis';
import { nameClass, cues } from '../../src/core/structure/cues';
import { assignSections } from '../../src/core/structure/infer';
import { getFramework } from '../../src/core/data';

/** Section ids in order, an inferred one marked with `*`. */
function read(text: string, framework = 'starr'): string[] {
  const { account } = analyze(text, { config: resolveConfig({ framework }) });
  return account.sections.map((s) => `${s.id}${s.duplicate ? '(dup)' : ''}${s.inferred ? '*' : ''}`);
}

/** The text each section's heading or label covers. */
function headings(text: string, framework = 'starr'): string[] {
  const { account } = analyze(text, { config: resolveConfig({ framework }) });
  return account.sections.map((s) => text.slice(s.heading.span.start, s.heading.span.end));
}

const STARR = ['situation', 'task', 'action', 'result', 'reflection'];
const para = (s: string) => `${s} The details of this part are written out here in full for the assessor.`;

describe('structure: headings in the usual words', () => {
  it('reads the common heading words for each STARR section', () => {
    const t = ['## The problem', para('A customer rang.'), '## My objective', para('I had to fix it.'), '## Steps taken', para('I rang the depot.'), '## Impact', para('It arrived.'), '## Action plan', para('Next time I will check.')].join('\n\n');
    assert.deepEqual(read(t), STARR);
  });

  it('reads evaluation, what I learned and next time as the Reflection', () => {
    for (const h of ['Evaluation', 'What I learned', 'Learning', 'Next time', 'Looking back']) {
      assert.deepEqual(read(`## Situation\n\n${para('A customer rang.')}\n\n## ${h}\n\n${para('I learned a lot.')}\n`), ['situation', 'reflection'], h);
    }
  });

  it("reads Gibbs's six stages, and CARL's four, in their usual words", () => {
    const gibbs = ['## What happened', '## How I felt', '## What went well', '## Analysis', '## What I learned', '## Next time'].map((h) => `${h}\n\n${para('Words.')}`).join('\n\n');
    assert.deepEqual(read(gibbs, 'gibbs'), ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'action-plan']);
    const carl = ['**Background:**', '**What I did:**', '**Outcome:**', '**What I learnt:**'].map((h) => `${h} ${para('Words.')}`).join('\n\n');
    assert.deepEqual(read(carl, 'carl'), ['context', 'action', 'result', 'learning']);
  });
});

describe('structure: form questions', () => {
  it('names a section from the key words of a question, as a heading or a line of its own', () => {
    const t = [
      'What was the nature of the activity?',
      para('A customer rang.'),
      'What was your role?',
      para('I had to sort it.'),
      '### What did you do?',
      para('I rang the depot.'),
      'What happened in the end?',
      para('It arrived.'),
      'How did you change or improve your practice?',
      para('I now check first.'),
    ].join('\n\n');
    assert.deepEqual(read(t), STARR);
  });

  it("reads a Gibbs form's questions as its six stages", () => {
    const t = [
      'What happened?',
      'What were you thinking and feeling?',
      'What was good and bad about the experience?',
      'What sense can you make of the situation?',
      'What else could you have done?',
      'If it arose again what would you do?',
    ].map((q) => `${q}\n${para('Words.')}`).join('\n\n');
    assert.deepEqual(read(t, 'gibbs'), ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'action-plan']);
  });

  it('a question followed by more words on its line, or one asking again for its own section, starts nothing', () => {
    const t = `## Action\n\nWhat did you do, step by step? I rang the depot.\n\nWhat did you do?\n\n${para('I rang.')}\n`;
    assert.deepEqual(read(t), ['action']);
  });

  it('names a class from words, preferring the longest phrase', () => {
    const c = cues();
    assert.equal(c.classes[nameClass('What happened in the end?')!], 'outcome');
    assert.equal(c.classes[nameClass('What did you learn?')!], 'learning');
    assert.equal(c.classes[nameClass('What did I need to do?')!], 'task');
    assert.equal(nameClass('Unit 204'), undefined);
  });
});

describe('structure: labels', () => {
  const shapes: [string, (name: string) => string][] = [
    ['bold with a colon', (n) => `**${n}:** `],
    ['a colon', (n) => `${n}: `],
    ['a dash', (n) => `${n} – `],
    ['a number', (n) => `${STARR.indexOf(n.toLowerCase()) + 1}. ${n}\n`],
    ['capitals alone on a line', (n) => `${n.toUpperCase()}\n`],
    ['an emoji', (n) => `📍 ${n}\n`],
    ['a table row', (n) => `| ${n} | `],
    ['pipe-separated plain text', (n) => `${n} | `],
  ];
  for (const [shape, label] of shapes) {
    it(`finds labels written with ${shape}`, () => {
      const t = STARR.map((id) => label(id[0].toUpperCase() + id.slice(1)) + para('Words here.') + (shape === 'a table row' ? ' |' : '')).join('\n\n');
      assert.deepEqual(read(t), STARR, t);
    });
  }

  it('finds single-letter labels, telling the two Rs apart by order', () => {
    const t = ['S: A customer rang.', 'T: I had to fix it.', 'A: I rang the depot.', 'R: It arrived.', 'R: I learned to check.'].join('\n\n');
    assert.deepEqual(read(t), STARR);
    assert.deepEqual(read(['(S) A customer rang.', '(T) I had to fix it.', '(A) I rang the depot.'].join('\n\n')), ['situation', 'task', 'action']);
    assert.deepEqual(read('S – Situation: A customer rang.\n\nT – Task: I had to fix it.\n'), ['situation', 'task']);
  });

  it('a single letter alone is not a label', () => {
    assert.deepEqual(read(`A: ${para('one line')}\n`).filter((s) => !s.endsWith('*')), []);
  });

  it('finds labels on consecutive lines with no blank line between', () => {
    const t = 'Situation: a customer rang.\nTask: I had to fix it.\nAction: I rang the depot.\nResult: it arrived.\nReflection: next time I will check.\n';
    assert.deepEqual(read(t), STARR);
    assert.deepEqual(headings(t), ['Situation:', 'Task:', 'Action:', 'Result:', 'Reflection:']);
  });

  it('finds a label in the middle of a paragraph, after a sentence', () => {
    const t = `${para('I work on the returns desk at the time.')} Task: I had to fix it. Action – I rang the depot and booked it. **Result:** it arrived.\n`;
    assert.deepEqual(read(t), ['situation*', 'task', 'action', 'result']);
  });

  it('does not take a word and a colon inside a sentence, or words that are not section names, as labels', () => {
    const t = '## Situation\n\nGood – I stayed calm. The note said: result pending. Bad – it took a while.\n';
    assert.deepEqual(read(t), ['situation']);
  });
});

describe('structure: titles', () => {
  it('a title that starts with a section word is a title, not the Situation', () => {
    for (const title of ['# What happened with the courier', 'The background to a refund', 'Reflection – fire alarm', '**REFLECTIVE ACCOUNT 2 – THE SHARED INBOX**']) {
      const t = `${title}\n\n## Situation\n\n${para('A customer rang.')}\n\n## Task\n\n${para('I had to fix it.')}\n`;
      assert.deepEqual(read(t), ['situation', 'task'], title);
    }
  });

  it("a section's own heading, a form's question or a label with its sentence stays as the first section", () => {
    assert.deepEqual(read(`# Situation\n\n${para('A customer rang.')}\n`), ['situation']);
    assert.deepEqual(read(`What happened?\n${para('A customer rang.')}\n`), ['situation']);
    assert.deepEqual(read(`Situation – a customer rang about a sofa that had arrived in the wrong size.\n\nTask: ${para('I had to fix it.')}\n`), ['situation', 'task']);
  });

  it('"Reflective account – …" at the start names the kind of writing, not the Reflection', () => {
    const t = 'Reflective account - an angry patient at reception. I work as a receptionist at a surgery and one Monday a patient came to the desk shouting because he had been cut off twice. My task was to calm him down and get his son seen. I apologised, I checked the system and I asked the duty doctor to ring him back within the hour. He calmed down and the doctor saw his son that morning. Next time I will offer the online form on the first call.';
    const ids = read(t);
    assert.equal(ids[0], 'situation*');
    assert.ok(ids.includes('action*') && ids[ids.length - 1] === 'reflection*', ids.join());
    assert.deepEqual(read(`Reflective log: week 3\n\n## Situation\n\n${para('A customer rang.')}\n`), ['situation']);
  });

  it('"What happened?" after "What did you do?" asks for the Result; at the start, for the Situation', () => {
    const form = (first: string) => `${first}\n${para('A tenant emailed about her deposit.')}\n\nWhat did you do?\n${para('I compared the two reports.')}\n\nWhat happened?\n${para('Both sides agreed within a week.')}\n`;
    assert.deepEqual(read(form('Describe the situation')).slice(-2), ['action', 'result']);
    assert.deepEqual(read(`What happened?\n${para('A tenant emailed.')}\n\nWhat did you do?\n${para('I compared the reports.')}\n`), ['situation', 'action']);
  });

  it('does not read a paragraph longer than any a person writes sentence by sentence', () => {
    const short = 'I work on the desk. My task was to answer the phone. I rang the depot. The parcel came. Next time I will ring first.';
    assert.ok(read(short).length >= 3, read(short).join());
    // Over 20,000 words in one paragraph: generated, not written; it stays one part.
    assert.equal(read(`${short} ${'I rang the depot and agreed a slot. '.repeat(3000)}`).length, 1);
  });

  it('an untitled prose account does not read its title line as a part', () => {
    const t = 'The background to a refund\n\nIn April I was working on the returns desk when a customer rang about a sofa that had arrived in the wrong size.\n\nMy task was to get the right sofa delivered within our five-day exchange standard.\n';
    const { account } = analyze(t);
    assert.equal(account.sections[0].span.start, t.indexOf('In April'));
  });
});

describe('structure: sections read from unlabelled writing', () => {
  const prose = [
    'I work as a customer adviser at a furniture shop in Leeds. Last April a customer rang because her sofa had arrived in the wrong size.',
    'My task was to get the right sofa to her within our five-day exchange standard.',
    'I checked the order, I rang the warehouse and then I booked a collection with the courier. I emailed her the new date.',
    'As a result the sofa arrived two days later, and she rated the call 5 out of 5.',
    'Looking back, I learned that checking the order line first saves time. Next time I will check the size on the first call.',
  ];

  it('reads each paragraph as a part, in order, and marks them inferred', () => {
    const { account } = analyze(prose.join('\n\n') + '\n');
    assert.deepEqual(account.sections.map((s) => s.id), STARR);
    assert.ok(account.sections.every((s) => s.inferred));
    assert.equal(account.structure, 'unstructured');
    assert.deepEqual(account.sections.map((s) => account.text.slice(s.span.start, s.span.start + 10)), prose.map((p) => p.slice(0, 10)));
  });

  it('reads a one-paragraph account sentence by sentence', () => {
    const t = prose.join(' ') + '\n';
    const { account } = analyze(t);
    assert.deepEqual(account.sections.map((s) => s.id), STARR);
    assert.equal(account.sections[1].span.start, t.indexOf('My task'));
  });

  it('reads the same kinds of writing into CARL and Gibbs sections', () => {
    assert.deepEqual(read(prose.join('\n\n') + '\n', 'carl'), ['context*', 'action*', 'result*', 'learning*']);
    const gibbs = [
      'On Friday I was on the late shift on the ward when a resident fell in the lounge.',
      'I felt really scared and I was worried that I had done something wrong.',
      'The good thing was that I followed the falls procedure. The bad thing was that it took a while.',
      'I think it happened because the sensor mat had been moved, which meant nobody was alerted.',
      'I learned that I could have checked the mat at the start of the shift.',
      'Next time I will check every sensor mat at handover and record it.',
    ];
    assert.deepEqual(read(gibbs.join('\n\n') + '\n', 'gibbs'), ['description*', 'feelings*', 'evaluation*', 'analysis*', 'conclusion*', 'action-plan*']);
  });

  it('labels win: only the text before the first label is read, when the label is not the first section', () => {
    const t = `${prose[0]}\n\n**Task:** ${prose[1]}\n\n**Action:** ${prose[2]}\n`;
    assert.deepEqual(read(t), ['situation*', 'task', 'action']);
    assert.deepEqual(read(`**Situation:** ${prose[0]}\n\n**Action:** ${prose[2]}\n`), ['situation', 'action']);
  });

  it('reads unlabelled paragraphs after a label that the next label skips past', () => {
    const t = `**Task**\n\n${prose[1]}\n\n${prose[2]}\n\nResult: ${prose[3]}\n`;
    assert.deepEqual(read(t), ['task', 'action*', 'result']);
  });

  it('the order prior keeps sections in order and lets a weak paragraph stay with its neighbours', () => {
    const fw = getFramework('starr')!;
    const text = 'I rang the depot. x x x x x. I emailed her. I learned a lot and next time I will check.';
    const units = [{ start: 0, end: 17 }, { start: 18, end: 28 }, { start: 29, end: 43 }, { start: 44, end: text.length }];
    const states = assignSections(fw, text, units, 2, 4, false);
    assert.deepEqual(states.map((s) => fw.sections[s].id), ['action', 'action', 'action', 'reflection']);
    assert.deepEqual([...states].sort((a, b) => a - b), states, 'never goes back');
    assert.deepEqual(assignSections(fw, text, units, 2, 4, true)[0], 2, 'a forced start stays');
  });
});
