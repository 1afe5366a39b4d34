import { reflectionDepth, reflectiveSections, MOVE_TEXT } from '../core/reflection';
import { defineRule } from '../core/rule';
import { anchorOf, PlaceOf } from './util/scope';
import { listing } from './util/text';

export default defineRule(
  {
    id: 'shallow-reflection',
    defaultSeverity: 'warning',
    title: 'A reflection that retells events or states a lesson, without judging why or naming a concrete change.',
    rationale:
      'The Reflection is where you show you can evaluate your own practice. Assessors look for a judgement of what worked or did not and why, and a concrete change in what you do (made already, or planned with a when or how). A reflection that retells the story, or says "I learned that communication is important", misses the criteria that ask you to evaluate.',
  },
  ({ account, report }) => {
    const judged = reflectionDepth(account);
    // No reflection is missing-section's or thin-section's to report; a deep one needs nothing.
    if (judged.depth !== 'descriptive' && judged.depth !== 'shallow') return;
    const reflective = reflectiveSections(account);
    const at = reflective[reflective.length - 1];
    const place = reflective.length > 1 ? 'Your reflection' : PlaceOf(at);
    const what = judged.depth === 'descriptive' ? 'retells what happened or how it felt' : listing(judged.moves.map((m) => MOVE_TEXT[m].found));
    report({
      message: `${place} ${what}, but does not yet ${listing(judged.missing.map((m) => MOVE_TEXT[m].missing), 'or')}. To deepen it, ${listing(judged.missing.map((m) => MOVE_TEXT[m].add))}.`,
      span: anchorOf(account, at),
      data: { section: at.id, depth: judged.depth, moves: judged.moves, missing: judged.missing },
    });
  },
);
