import { defineRule } from '../core/rule';
import { accountAnchor } from './util/scope';
import { noRealEvent } from './util/voice';

export default defineRule(
  {
    id: 'no-real-event',
    defaultSeverity: 'warning',
    title: 'An account of what you usually do, or of your qualities, with no one real event.',
    rationale:
      'A reflective account is evidence that you did something, once, for real. "I always greet customers", "I would apologise" or "I am very patient" describe habits and qualities: they could be true of anyone, so an assessor cannot credit them. One specific occasion — when it was, what happened, what you did and how it ended — can be credited.',
  },
  ({ account, report }) => {
    const v = noRealEvent(account);
    if (!v) return;
    const text = account.text;
    const first = v.habitual.slice(0, 2).map((s) => `"${text.slice(s.start, s.end).replace(/\s+/g, ' ')}…"`);
    report({
      message: `This account tells what you usually do or are like (${first.join(', ')}) rather than one real event. Choose one time it happened and tell that story in the past tense: when it was, what the customer needed, what you did and how it ended — "Last Tuesday a customer rang about…, so I…".`,
      span: accountAnchor(account),
      related: v.habitual.slice(0, 5).map((span) => ({ message: 'What you usually do, not what you did that time.', span })),
      data: { habitual: v.habitual.length, events: v.events },
    });
  },
);
