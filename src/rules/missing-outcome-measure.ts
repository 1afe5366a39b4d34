import { defineRule } from '../core/rule';
import type { AccountModel, Section, Span } from '../core/types';
import { anchorOf, placeOf } from './util/scope';
import { eolOf } from './util/sections';
import { spanContains } from '../core/text';
import { eachWordMatch, sentenceAround, trimEnd, upTo } from './util/text';

// Evidence of a measure: a figure, money, a percentage, a duration or date in words, a KPI, or quoted words.
const MEASURE = new RegExp(
  [
    // Any figure (97%, £40, 3 days, 14/03, 5/5); criterion references ("AC 2.3") are skipped in code.
    '\\d',
    '[£$€]',
    '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|a|an)\\s+(?:minutes?|hours?|days?|weeks?|months?|working\\s+days?)\\b',
    '\\b(?:per\\s*cent|percent)\\b',
    // "The same day" on its own only says when; against a promise or standard it is a measure.
    '\\b(?:within|by|inside)\\s+(?:the\\s+)?(?:same|next)\\s+(?:working\\s+)?day\\b',
    '\\b(?:same|next)[\\s-](?:working[\\s-])?day\\s+(?:delivery|fix|repair|response|resolution|replacement|refund|visit|service|standard|target|promise)\\b',
    '\\b(?:CSAT|NPS|FCR|SLAs?|KPIs?|AHT|CES)\\b',
    '\\b(?:first[\\s-]contact\\s+resolution|first[\\s-]time\\s+(?:fix|resolution)|net\\s+promoter|customer\\s+satisfaction\\s+score|satisfaction\\s+score|customer\\s+effort\\s+score|average\\s+handl(?:e|ing)\\s+time|response\\s+times?|resolution\\s+times?|complaints?\\s+(?:count|rate|log|figures?)|survey\\s+scores?|star\\s+rating|mystery\\s+shop(?:per)?\\s+scores?|on[\\s-]time\\s+(?:delivery|rate))\\b',
    // Quoted feedback: at least two words inside quotes.
    '["“][^"”\\n]*\\S\\s+\\S[^"”\\n]*["”]',
  ].join('|'),
  'gi',
);

const FIGURE = /[0-9£$€]/g;

// Outcome claims that need a figure or the customer's words behind them.
const CLAIM = new RegExp(
  [
    '(?:customer\\s+)?satisfaction\\s+(?:improved|increased|went\\s+up|rose|was\\s+(?:high|higher|better))',
    '(?:improved|increased|raised)\\s+(?:customer\\s+)?satisfaction',
    'complaints\\s+(?:went\\s+down|fell|dropped|decreased|reduced|were\\s+reduced|stopped)',
    '(?:reduced|fewer|less)\\s+complaints',
    'the\\s+(?:customer|client|partner)s?\\s+(?:was|were)\\s+(?:very\\s+|really\\s+|extremely\\s+)?(?:happy|pleased|satisfied|delighted|grateful|impressed)',
    'customers\\s+were\\s+(?:very\\s+|really\\s+)?(?:happy|pleased|satisfied|delighted)',
    '(?:service|performance|things|the\\s+process|response\\s+times?|the\\s+service|morale|quality)\\s+(?:improved|got\\s+better|was\\s+better)',
    '(?:positive|good|great|excellent)\\s+feedback',
    '(?:results|scores|figures|numbers)\\s+(?:were|was|got)\\s+(?:much\\s+|a\\s+lot\\s+|far\\s+)?(?:better|higher|improved)',
    'customers\\s+(?:seemed|were|felt)\\s+(?:much\\s+)?(?:happier|more\\s+satisfied)',
    'feedback\\s+was\\s+(?:very\\s+)?(?:positive|good|great|excellent)',
    'it\\s+was\\s+(?:a\\s+)?(?:big\\s+|great\\s+|real\\s+)?success(?:ful)?',
    '(?:everything|it\\s+all)\\s+went\\s+(?:really\\s+|very\\s+)?well',
  ].join('|'),
  // Tried only at word starts (eachWordMatch), so sticky.
  'iy',
);

/** Whether [start, end) of the prose holds a measure; digits of a criterion reference do not count. */
function hasMeasure(account: AccountModel, start: number, end: number, refs: Span[]): boolean {
  const prose = upTo(account.prose, end);
  // A figure or currency sign outside a criterion reference settles it: MEASURE's first alternatives match
  // any such character the search reaches, and one swallowed by a longer match is a measure anyway.
  FIGURE.lastIndex = start;
  for (let m = FIGURE.exec(prose); m && m.index < end; m = FIGURE.exec(prose)) if (!spanContains(refs, m.index)) return true;
  let found = false;
  MEASURE.lastIndex = start;
  for (let m = MEASURE.exec(prose); m && m.index < end; m = MEASURE.exec(prose)) {
    const at = m.index;
    if (m[0].length === 1 && spanContains(refs, at)) continue;
    found = true;
    break;
  }
  return found;
}

const PLACEHOLDER = '<!-- Add a measure: e.g. CSAT rose from X% to Y% by DATE -->';

export default defineRule(
  {
    id: 'missing-outcome-measure',
    defaultSeverity: 'warning',
    title: 'A Result with no measure, or outcome claims with nothing to show for them.',
    rationale:
      'Assessors credit outcomes measured against an agreed standard — a figure, a date, a KPI such as CSAT, first-contact resolution or an SLA, or the customer\'s own words. "The customer was happy" or "complaints went down" is a claim, not evidence, until you show the number or quote behind it.',
    fixable: true,
  },
  ({ account, report }) => {
    const { prose, text } = account;
    for (const s of account.sections) {
      if (s.def.kind !== 'outcome') continue;
      // Inline criterion references ("AC 3.3") carry digits but are not measures.
      const refs = account.criteria.filter((c) => c.source === 'inline' && c.span.start >= s.body.start && c.span.start < s.body.end).map((c) => c.span);
      if (!hasMeasure(account, s.body.start, s.body.end, refs)) {
        if (s.words === 0) continue; // an empty section is thin-section's to report
        const Place = placeOf(s).replace(/^your/, 'Your').replace(/^what/, 'What');
        report({
          message: `${Place} has no measure. Show what changed against an agreed standard: a figure ("complaints fell from 14 to 3 a week"), a date, a KPI such as CSAT, first-contact resolution or an SLA, or the customer's own words in quotes.`,
          span: anchorOf(account, s),
          fixes: [placeholderFix(text, s)],
          data: { section: s.id },
        });
      }
      eachWordMatch(account, CLAIM, s.body.start, s.body.end, (m) => {
        const sentence = sentenceAround(prose, m.index, m.index + m[0].length, s.body.start, s.body.end);
        if (hasMeasure(account, sentence.start, sentence.end, refs)) return;
        const claim = m[0].replace(/\s+/g, ' ');
        report({
          message: `"${claim}" is a claim without evidence. Add the measure behind it — a before-and-after figure, a KPI, or the customer's words in quotes.`,
          span: { start: m.index, end: m.index + m[0].length },
          data: { section: s.id, claim },
        });
      });
    }
  },
);

/** Insert the placeholder as its own paragraph at the end of the section's text. */
function placeholderFix(text: string, s: Section) {
  const eol = eolOf(text);
  const at = trimEnd(text, s.body.start, s.body.end);
  const empty = at === s.body.start;
  return {
    title: 'Add a placeholder for a measure',
    edits: [{ span: { start: at, end: at }, newText: `${eol}${eol}${PLACEHOLDER}${empty ? eol : ''}` }],
  };
}
