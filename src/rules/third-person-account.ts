import { defineRule } from '../core/rule';
import { accountAnchor } from './util/scope';
import { thirdPerson } from './util/voice';

export default defineRule(
  {
    id: 'third-person-account',
    defaultSeverity: 'warning',
    title: 'An account told about "the advisor" or "the nurse", or in the passive, where your own part is unclear.',
    rationale:
      'A reflective account is evidence of what YOU did. When it tells what "the advisor" or "the team member" did, or that "the refund was processed", the assessor cannot tell whether that was you, so it cannot count as your evidence. Write your own part with "I".',
  },
  ({ account, report }) => {
    const v = thirdPerson(account);
    if (!v) return;
    const times = v.i === 0 ? 'never says "I"' : v.i === 1 ? 'says "I" only once' : `says "I" only ${v.i} times`;
    const role = v.roles[0] ? account.text.slice(v.roles[0].start, v.roles[0].end).replace(/^The\b/, 'the').replace(/\s+/g, ' ') : undefined;
    const message = role
      ? `This account tells what "${role}" did and ${times}, so an assessor cannot see your own part. If "${role}" was you, write "I" — "I apologised", "I checked the account" — and name others by their role only where they did something.`
      : `This account ${times}: it tells what was done ("the refund was processed") but not who did it. Write your own part with "I" — "I processed the refund", "I called the customer back" — so the assessor can credit it to you.`;
    report({
      message,
      span: v.roles[0] ?? accountAnchor(account),
      related: v.roles.slice(1, 4).map((span) => ({ message: 'Was this you? If so, write "I".', span })),
      data: { i: v.i, we: v.we, roles: v.roles.length, words: v.words, role: role ?? null },
    });
  },
);
