import { defineRule } from '../core/rule';
import type { Span } from '../core/types';
import { firstLine, num } from './util/text';

export default defineRule(
  {
    id: 'word-count',
    defaultSeverity: 'warning',
    title: 'The account is within its word target (±10%) or the configured range.',
    rationale:
      'Centres set word targets so accounts are detailed enough to evidence the criteria but focused on one event. Far under the target usually means missing detail; far over usually means background or more than one event.',
    options: {
      tolerance: { type: 'number', default: 0.1, min: 0, max: 1, description: 'how far from word_target an account may be, as a share of it' },
    },
  },
  ({ account, config, options, report }) => {
    const words = account.words;
    if (words === 0) return;
    const { tolerance } = options;
    const target = account.frontMatter?.fields.word_target;
    let min: number | undefined;
    let max: number | undefined;
    let span: Span;
    if (target) {
      min = Math.round(target * (1 - tolerance));
      max = Math.round(target * (1 + tolerance));
      span = account.frontMatter!.fieldSpans.word_target ?? account.frontMatter!.span;
    } else {
      ({ min, max } = config.words);
      if (min === undefined && max === undefined) return;
      span = account.sections[0]?.heading.span ?? firstLine(account.text, account.preamble.start);
    }
    const aim = target ? `the target is ${num(target)} (${num(min!)}–${num(max!)})` : min !== undefined && max !== undefined ? `the range is ${num(min)}–${num(max)}` : min !== undefined ? `the minimum is ${num(min)}` : `the maximum is ${num(max!)}`;
    const data = { words, min, max, target };
    if (min !== undefined && words < min) {
      report({ message: `This account has ${num(words)} words; ${aim}. Add detail where it counts: the steps you took in the Action, and the measures in the Result.`, span, data });
    } else if (max !== undefined && words > max) {
      report({ message: `This account has ${num(words)} words; ${aim}. Trim it: shorten the background in the Situation first, and keep to one event.`, span, data });
    }
  },
);
