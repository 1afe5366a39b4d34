import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { formatComment, parseAuthor, scanCritic } from '../../src/core/critic';
import {
  acceptAll, acceptSuggestion, addFeedback, applyFeedback, feedbackThreads, markAt, openThreads, rejectAll,
  rejectSuggestion, replyTo, resolveAll, resolveThread, setState,
} from '../../src/core/feedback';

const slice = (t: string, s: { start: number; end: number }) => t.slice(s.start, s.end);
const only = <T>(xs: T[]): T => {
  assert.equal(xs.length, 1, `expected one item, got ${xs.length}`);
  return xs[0];
};

describe('CriticMarkup grammar', () => {
  it('reads a prefixed comment with exact spans', () => {
    const t = 'It went {>>[tutor:AB open] Say which KPI moved<<} well.';
    const m = only(scanCritic(t).marks);
    assert.equal(slice(t, m.span), '{>>[tutor:AB open] Say which KPI moved<<}');
    assert.equal(slice(t, m.inner!), '[tutor:AB open] Say which KPI moved');
    assert.equal(slice(t, m.prefix!), '[tutor:AB open]');
    assert.equal(slice(t, m.stateSpan!), 'open');
    assert.deepEqual([m.role, m.initials, m.author, m.state, m.body], ['tutor', 'AB', 'tutor:AB', 'open', 'Say which KPI moved']);
  });

  it('reads every prefix form and keeps plain comments valid', () => {
    const cases: [string, string | undefined, string, string][] = [
      ['{>>plain text<<}', undefined, 'open', 'plain text'],
      ['{>>[tutor] role only<<}', 'tutor', 'open', 'role only'],
      ['{>>[assessor:J.K-2 resolved] done<<}', 'assessor:J.K-2', 'resolved', 'done'],
      ['{>>[learner reply] I have added it<<}', 'learner', 'reply', 'I have added it'],
      ['{>>[coach:ZZ note] Good measure<<}', 'coach:ZZ', 'note', 'Good measure'],
      ['{>>[resolved] state only<<}', undefined, 'resolved', 'state only'],
      ['{>>[Tutor:AB Open] capitals<<}', 'Tutor:AB', 'open', 'capitals'],
      ['{>>[sic] not a prefix<<}', undefined, 'open', '[sic] not a prefix'],
      ['{>>[see above] not a prefix<<}', undefined, 'open', '[see above] not a prefix'],
      ['{>>  [tutor:AB open]   spaced  <<}', 'tutor:AB', 'open', 'spaced'],
    ];
    for (const [t, author, state, body] of cases) {
      const { marks, problems } = scanCritic(t);
      const m = only(marks);
      assert.deepEqual([m.author, m.state, m.body], [author, state, body], t);
      assert.equal(problems.length, 0, t);
    }
  });

  it('reports an unknown state or an unreadable label, and keeps the comment', () => {
    const t = '{>>[tutor:AB opne] x<<} {>>[tutor:A B open] y<<}';
    const { marks, problems } = scanCritic(t);
    assert.equal(marks.length, 2);
    assert.equal(marks[0].author, 'tutor:AB');
    assert.equal(marks[0].state, 'open');
    assert.equal(slice(t, marks[0].stateSpan!), 'opne');
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /"opne" is not a feedback state/);
    assert.equal(slice(t, problems[0].span), '[tutor:AB opne]');
    assert.match(problems[1].message, /not understood/);
    assert.equal(slice(t, problems[1].span), '[tutor:A B open]');
  });

  it('reads every kind of mark with exact spans, across lines and adjacent', () => {
    const t = '{++add++}{--del--}{~~old~>new~~}{==hi\nlight==}{>>c<<}{>>d<<}';
    const ms = scanCritic(t).marks;
    assert.deepEqual(ms.map((m) => [m.kind, slice(t, m.span)]), [
      ['addition', '{++add++}'],
      ['deletion', '{--del--}'],
      ['substitution', '{~~old~>new~~}'],
      ['highlight', '{==hi\nlight==}'],
      ['comment', '{>>d<<}'],
    ]);
    assert.equal(slice(t, ms[3].comment!.span), '{>>c<<}');
    assert.deepEqual([ms[2].oldText, ms[2].newText], ['old', 'new']);
  });

  it('leaves unclosed, nested and arrow-less marks as they are, with a problem each', () => {
    const t = 'A {++never closed. B {==outer {>>inner<<} still==}. C {~~no arrow~~}. D {>>open';
    const { marks, problems } = scanCritic(t);
    assert.deepEqual(marks.map((m) => slice(t, m.span)), ['{>>inner<<}']);
    assert.deepEqual(problems.map((p) => slice(t, p.span)), ['{++', '{==', '{~~no arrow~~}', '{>>']);
    assert.match(problems[0].message, /never closed with "\+\+}"/);
    assert.match(problems[1].message, /cannot be put inside each other/);
    assert.match(problems[2].message, /\{~~old text~>new text~~\}/);
  });

  it('stays linear on thousands of unclosed openers', () => {
    const t = '{>> '.repeat(20000) + '{++x++}';
    const { marks, problems } = scanCritic(t);
    assert.equal(marks.length, 1);
    assert.equal(problems.length, 20000);
  });

  it('writes comments that the scanner reads back, neutralising delimiters in the text', () => {
    const c = formatComment('Use <<} and {++ carefully', { role: 'tutor', initials: 'AB' }, 'open');
    assert.equal(c, '{>>[tutor:AB open] Use << } and { ++ carefully<<}');
    const m = only(scanCritic(c).marks);
    assert.equal(m.body, 'Use << } and { ++ carefully');
    assert.deepEqual(parseAuthor('iqa:MK'), { role: 'iqa', initials: 'MK' });
    assert.equal(parseAuthor('not valid!'), undefined);
  });
});

describe('CriticMarkup in the account model', () => {
  it('never counts marks (except highlighted words) and skips code', () => {
    const t = '## Result\n\nIt went {>>[tutor:AB open] which KPI?<<} well {==here==}{>>say more<<} {++new words++} `{>>code<<}`.\n';
    const { account: a, findings } = analyze(t);
    assert.equal(a.critic.length, 3);
    assert.equal(a.sectionById.get('result')!.words, 4);
    assert.ok(!findings.some((f) => f.ruleId === 'feedback-markup'));
  });

  it('still finds a section heading next to feedback', () => {
    const t = '{>>[tutor:AB open] Start with the date.<<}\n## Situation\n\nText.\n## Result {>>[tutor:AB open] Say what changed<<}\n\nIt worked.\n';
    const { account: a } = analyze(t);
    assert.deepEqual(a.sections.map((s) => s.id), ['situation', 'result']);
    assert.deepEqual(a.critic.map((m) => m.body), ['Start with the date.', 'Say what changed']);
  });
});

describe('feedback threads', () => {
  it('groups a highlight, its comment and the replies written straight after', () => {
    const t = 'I {==helped==}{>>[tutor:AB open] How?<<}{>>[learner reply] I rang them<<} {>>[tutor:AB reply] Good<<} and {>>[iqa:MK note] ok<<}';
    const th = feedbackThreads(t);
    assert.equal(th.length, 2);
    assert.equal(slice(t, th[0].anchor), 'helped');
    assert.equal(slice(t, th[0].span), '{==helped==}{>>[tutor:AB open] How?<<}{>>[learner reply] I rang them<<} {>>[tutor:AB reply] Good<<}');
    assert.equal(th[0].replies.length, 2);
    assert.equal(th[0].author, 'tutor:AB');
    assert.equal(th[1].state, 'note');
    assert.equal(openThreads(t).length, 1);
  });

  it('keeps two adjacent tutor comments as two threads', () => {
    const t = 'x{>>a<<}{>>b<<}y';
    assert.deepEqual(feedbackThreads(t).map((x) => slice(t, x.span)), ['{>>a<<}', '{>>b<<}']);
  });
});

describe('feedback transforms (snapshots)', () => {
  const AB = { role: 'tutor', initials: 'AB' };

  it('adds feedback around a selection, then resolves it back to the exact text', () => {
    const t = '## Result\n\nCSAT rose to 92%.\n';
    const start = t.indexOf('CSAT');
    const added = applyFeedback(t, addFeedback(t, { start, end: start + 'CSAT rose to 92%.'.length }, 'From what baseline?', AB).edits!);
    assert.equal(added, '## Result\n\n{==CSAT rose to 92%.==}{>>[tutor:AB open] From what baseline?<<}\n');
    const th = only(feedbackThreads(added));
    assert.equal(applyFeedback(added, resolveThread(th, 'remove')), t);
    assert.equal(applyFeedback(added, resolveThread(th, 'mark')), '## Result\n\n{==CSAT rose to 92%.==}{>>[tutor:AB resolved] From what baseline?<<}\n');
  });

  it('trims the selection, adds a point comment, and refuses overlaps', () => {
    const t = 'I rang the\r\ndepot. {++Then I++} logged it.';
    const r = addFeedback(t, { start: 1, end: 17 }, 'Which depot?', AB);
    assert.equal(applyFeedback(t, r.edits!), 'I {==rang the\r\ndepot==}{>>[tutor:AB open] Which depot?<<}. {++Then I++} logged it.');
    assert.equal(applyFeedback(t, addFeedback(t, { start: 0, end: 0 }, 'Add a date', undefined).edits!), '{>>[open] Add a date<<}I rang the\r\ndepot. {++Then I++} logged it.');
    assert.match(addFeedback(t, { start: 5, end: 24 }, 'x', AB).error!, /overlaps existing feedback/);
    assert.match(addFeedback(t, { start: t.indexOf('Then'), end: t.indexOf('Then') }, 'x', AB).error!, /overlaps/);
    assert.match(addFeedback(t, { start: 0, end: 1 }, '  ', AB).error!, /Write some feedback/);
    assert.match(addFeedback('a\n\nb', { start: 0, end: 4 }, 'x', AB).error!, /one paragraph at most/);
    assert.match(addFeedback('---\nunit: X\n---\nText', { start: 4, end: 8 }, 'x', AB, { avoid: [{ span: { start: 0, end: 15 }, what: 'the front matter' }] }).error!, /cannot go in the front matter/);
  });

  it('never swallows a heading, quote or list marker', () => {
    const t = '## Result\n\n- CSAT rose\n> quoted\n';
    const wrap = (from: string, to: string) => applyFeedback(t, addFeedback(t, { start: t.indexOf(from), end: t.indexOf(to) + to.length }, 'x', AB).edits!);
    assert.equal(wrap('## Result', '## Result'), '## {==Result==}{>>[tutor:AB open] x<<}\n\n- CSAT rose\n> quoted\n');
    assert.equal(wrap('- CSAT', 'rose'), '## Result\n\n- {==CSAT rose==}{>>[tutor:AB open] x<<}\n> quoted\n');
    assert.equal(wrap('> quoted', '> quoted'), '## Result\n\n- CSAT rose\n> {==quoted==}{>>[tutor:AB open] x<<}\n');
    const { account } = analyze(wrap('## Result', '## Result'));
    assert.equal(account.sections[0].id, 'result');
    assert.equal(account.critic.length, 1);
  });

  it('sets a state whatever prefix the comment has', () => {
    const t = '{>>plain<<} {>> spaced<<} {>>[tutor:AB] no state<<} {>>[tutor:AB opne] typo<<}';
    const ms = scanCritic(t).marks;
    assert.equal(applyFeedback(t, ms.flatMap((m) => setState(m, 'resolved'))),
      '{>>[resolved] plain<<} {>>[resolved] spaced<<} {>>[tutor:AB resolved] no state<<} {>>[tutor:AB resolved] typo<<}');
  });

  it('replies after the last comment of a thread', () => {
    const t = 'I {==helped==}{>>[tutor:AB open] How?<<} them.';
    const th = only(feedbackThreads(t));
    const once = applyFeedback(t, replyTo(th, 'I rang the depot'));
    assert.equal(once, 'I {==helped==}{>>[tutor:AB open] How?<<}{>>[learner reply] I rang the depot<<} them.');
    const twice = applyFeedback(once, replyTo(only(feedbackThreads(once)), 'Good', AB));
    assert.equal(twice, 'I {==helped==}{>>[tutor:AB open] How?<<}{>>[learner reply] I rang the depot<<}{>>[tutor:AB reply] Good<<} them.');
    assert.equal(applyFeedback(twice, resolveThread(only(feedbackThreads(twice)), 'remove')), 'I helped them.');
  });

  it('accepts and rejects each kind of suggestion', () => {
    const t = 'a {++b++} c {--d--} e {~~f~>g~~} h {==i==} j';
    const ms = scanCritic(t).marks;
    assert.deepEqual(ms.map((m) => applyFeedback(t, acceptSuggestion(m))), [
      'a b c {--d--} e {~~f~>g~~} h {==i==} j',
      'a {++b++} c  e {~~f~>g~~} h {==i==} j',
      'a {++b++} c {--d--} e g h {==i==} j',
      'a {++b++} c {--d--} e {~~f~>g~~} h i j',
    ]);
    assert.deepEqual(ms.map((m) => applyFeedback(t, rejectSuggestion(m))), [
      'a  c {--d--} e {~~f~>g~~} h {==i==} j',
      'a {++b++} c d e {~~f~>g~~} h {==i==} j',
      'a {++b++} c {--d--} e f h {==i==} j',
      'a {++b++} c {--d--} e {~~f~>g~~} h i j',
    ]);
    assert.equal(markAt(t, t.indexOf('f~>'))!.kind, 'substitution');
  });

  // One document with every kind of mark: at the very start and end, across lines, next to headings,
  // adjacent to each other, with CRLF line endings.
  const doc = [
    '{>>[tutor:AB open] Add a title.<<}',
    '## Situation{>>[tutor:AB open] Fine heading<<}',
    '',
    'In March {~~we~>I~~} noticed {++that ++}the courier{-- partner--} missed the SLA.{>>[tutor:AB open] Which SLA?<<}{>>[learner reply] Next-day<<}',
    '## Action',
    'I {==rang the',
    'depot==}{>>[tutor:AB open] When?<<} and {++agreed',
    'a fix++}{--, as usual--}{~~.~>!~~}',
    '',
    '## Result',
    '{>>[iqa:MK note] Good measure<<}On-time rose to 97%.{++ CSAT 4.6/5.++}',
  ].join('\r\n') + '{--\r\n--}';

  it('accept-all then resolve-all (remove) leaves exactly the clean text', () => {
    const accepted = applyFeedback(doc, acceptAll(doc, { removeFeedback: true }));
    assert.equal(accepted, [
      '',
      '## Situation',
      '',
      'In March I noticed that the courier missed the SLA.',
      '## Action',
      'I rang the',
      'depot and agreed',
      'a fix!',
      '',
      '## Result',
      'On-time rose to 97%. CSAT 4.6/5.',
    ].join('\r\n'));
    // The same in two steps.
    const step = applyFeedback(doc, acceptAll(doc));
    assert.equal(applyFeedback(step, resolveAll(step, 'remove')), accepted);
  });

  it('reject-all keeps the learner text as first written', () => {
    const rejected = applyFeedback(doc, rejectAll(doc, { removeFeedback: true }));
    assert.equal(rejected, [
      '',
      '## Situation',
      '',
      'In March we noticed the courier partner missed the SLA.',
      '## Action',
      'I rang the',
      'depot and , as usual.',
      '',
      '## Result',
      'On-time rose to 97%.',
    ].join('\r\n') + '\r\n');
  });

  it('resolve-all (mark) closes only open threads and keeps everything else', () => {
    const marked = applyFeedback(doc, resolveAll(doc, 'mark'));
    assert.equal(marked, doc.replace(/\[tutor:AB open\]/g, '[tutor:AB resolved]'));
    assert.equal(openThreads(marked).length, 0);
    assert.equal(feedbackThreads(marked).length, 5);
    // Suggestions untouched.
    assert.equal(scanCritic(marked).marks.filter((m) => m.kind !== 'comment' && m.kind !== 'highlight').length, 8);
  });

  it('keeps the account analysable after every step', () => {
    const { account } = analyze(doc);
    assert.deepEqual(account.sections.map((s) => s.id), ['situation', 'action', 'result']);
    assert.equal(account.criticProblems.length, 0);
    assert.equal(account.critic.length, 14);
    assert.equal(openThreads(doc, account.critic).length, 4);
  });
});
