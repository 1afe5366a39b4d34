import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanCritic } from '../../src/core/critic';
import { acceptAll, addFeedback, applyFeedback, feedbackThreads, rejectAll, resolveAll, resolveThread } from '../../src/core/feedback';

// Texts built from CriticMarkup's pieces, so openers, closers, labels and line breaks meet in every order.
const piece = fc.constantFrom('{>>', '<<}', '{==', '==}', '{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '[tutor:AB open] ', '[learner reply]', 'I rang', ' ', '\n', '\r\n', '## ', '- ', '{', '}', 'é');
const critic = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
const plain = fc.array(fc.constantFrom('I rang', 'the depot', ' ', '\n', '\r\n', '## Result', '- ', '> ', '98%', 'é', '😀', '=', '<', '}', '{', '>', '~', '+', '-'), { maxLength: 30 }).map((xs) => xs.join(''));
const body = fc.array(fc.constantFrom('x', ' ', '<', '>', '=', '}', '{', '+', '-', '~', '[', ']', 'tutor:AB', '\n'), { maxLength: 12 }).map((xs) => xs.join(''));

describe('CriticMarkup properties', () => {
  it('scans any mix of marks without overlap, inside the text, delimiters where they should be', () => {
    fc.assert(fc.property(critic, (t) => {
      const { marks, problems } = scanCritic(t);
      let end = 0;
      for (const m of marks) {
        const full = m.comment ? m.comment.span.end : m.span.end;
        assert.ok(m.span.start >= end && full <= t.length);
        assert.equal(t.slice(m.span.start, m.span.start + 3)[0], '{');
        assert.equal(t[m.span.end - 1], '}');
        end = full;
      }
      for (const p of problems) assert.ok(p.span.start >= 0 && p.span.end <= t.length && p.span.start < p.span.end);
    }), { numRuns: 3000 });
  });

  it('accept-all, reject-all and resolve-all always produce applicable edits', () => {
    fc.assert(fc.property(critic, (t) => {
      applyFeedback(t, acceptAll(t, { removeFeedback: true }));
      applyFeedback(t, rejectAll(t, { removeFeedback: true }));
      applyFeedback(t, resolveAll(t, 'mark'));
      applyFeedback(t, resolveAll(t, 'remove'));
    }), { numRuns: 2000 });
  });

  it('adding feedback anywhere, then removing it, gives back the exact text', () => {
    fc.assert(fc.property(plain, fc.nat(), fc.nat(), body, (t, a, b, body) => {
      const start = Math.min(a, b) % (t.length + 1);
      const end = Math.min(t.length, start + (Math.max(a, b) % (t.length + 1)));
      const r = addFeedback(t, { start, end }, `x${body}`, { role: 'tutor', initials: 'AB' });
      if (r.error !== undefined) return;
      // Only where the text had no marks of its own.
      if (scanCritic(t).marks.length || scanCritic(t).problems.length) return;
      const added = applyFeedback(t, r.edits);
      const threads = feedbackThreads(added);
      assert.equal(threads.length, 1, JSON.stringify(added));
      assert.equal(threads[0].root.body, `x${body}`.trim().replace(/\{(>>|==|\+\+|--|~~)/g, '{ $1').replace(/(<<|==|\+\+|--|~~)\}/g, '$1 }').trim());
      assert.equal(applyFeedback(added, resolveThread(threads[0], 'remove')), t);
    }), { numRuns: 2000 });
  });
});
