import { getFrameworks } from '../core/data';
import { looksLikeRealName, misplacedFrontMatter, unclosedFrontMatter } from '../core/frontmatter';
import { defineRule } from '../core/rule';
import type { AccountModel, Fix, Span } from '../core/types';
import { eolOf } from './util/sections';
import { firstLine, listing } from './util/text';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const REQUIRED = [
  { field: 'learner', why: 'your anonymised learner id, e.g. "learner: L-014"' },
  { field: 'unit', why: 'the unit this account is evidence for, e.g. "unit: CS3-SP"' },
  { field: 'date', why: 'the date of the event as YYYY-MM-DD' },
] as const;

let lastDay: { time: number; day: string } | undefined;
/** YYYY-MM-DD of d; the last answer is kept, as every account asks about the same "now". */
function isoDay(d: Date): string {
  const time = d.getTime();
  if (lastDay?.time !== time) lastDay = { time, day: d.toISOString().slice(0, 10) };
  return lastDay.day;
}

function realDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** A template block for an account with no front matter; the title comes from the first heading. */
function templateFix(account: AccountModel, now: Date): Fix {
  const eol = eolOf(account.text);
  const h = account.tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  const title = h && h.type === 'heading' ? h.children.map((c) => ('value' in c ? c.value : '')).join('').trim() : '';
  const lines = [
    '---',
    `title: ${title ? JSON.stringify(title) : ''}`.trimEnd(),
    'learner:   # your anonymised learner id, e.g. L-014',
    'unit:      # the unit id, e.g. CS3-SP',
    'criteria: []',
    `date: ${isoDay(now)}`,
    `framework: ${account.framework.id}`,
    'status: draft',
    '---',
    '',
    '',
  ];
  const at = account.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { title: 'Add front matter', edits: [{ span: { start: at, end: at }, newText: lines.join(eol) }], preferred: true };
}

export default defineRule(
  {
    id: 'front-matter',
    defaultSeverity: 'warning',
    title: 'The front matter (title, learner, unit, date, framework) is readable and complete.',
    rationale:
      'The fields at the top of an account tell your assessor and quality assurer which unit and criteria it evidences, when it happened and whose it is. Reports, coverage and sampling all read them, so a missing or broken field hides your evidence. The learner field should be an anonymised id, not your name.',
    fixable: true,
  },
  ({ account, now, report }) => {
    const fm = account.frontMatter;
    const text = account.text;
    if (!fm) {
      if (account.words === 0 && !text.trim()) return; // an empty file is unstructured-account's to report
      const open = unclosedFrontMatter(text);
      if (open) {
        const eol = eolOf(text);
        const at = open.fields.end;
        const newText = at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r' ? `${eol}---${eol}` : `---${eol}`;
        report({
          message: 'The front matter starts with "---" but is never closed, so its fields are read as ordinary text. Add a line with just "---" after the last field, before the account begins.',
          span: open.fence,
          fixes: [{ title: 'Close the front matter after its last field', edits: [{ span: { start: at, end: at }, newText }], preferred: true }],
          data: { kind: 'unclosed' },
        });
        return;
      }
      const late = misplacedFrontMatter(text);
      if (late) {
        // Moving what stands above it below it keeps both; a new block on top would leave the real fields as text.
        const above = text.slice(late.lead.start, late.lead.end).trim();
        const what = above ? 'an HTML comment' : 'a blank line';
        report({
          message: `The front matter must be the very first thing in the file, but ${what} comes before its opening "---", so its fields are read as ordinary text. Move the front matter to the top${above ? ' and put the comment below it' : ''}.`,
          span: { start: late.block.start, end: late.block.start + 3 },
          fixes: [{
            title: 'Move the front matter to the top',
            edits: [{ span: late.lead, newText: '' }, ...(above ? [{ span: { start: late.block.end, end: late.block.end }, newText: `${eolOf(text)}${above}` }] : [])],
            preferred: true,
          }],
          data: { kind: 'misplaced' },
        });
        return;
      }
      report({
        message: `This account has no front matter. Add a block at the top with ${listing(['title', 'learner (an anonymised id)', 'unit', 'criteria', 'date'])}, so your assessor can see what it evidences.`,
        span: firstLine(text, 0),
        fixes: [templateFix(account, now)],
      });
      return;
    }
    const fence: Span = { start: fm.span.start, end: fm.span.start + 3 };
    const spanOf = (field: string): Span => fm.fieldSpans[field] ?? fence;

    let syntax = false;
    const badFields = new Set<string>();
    for (const p of fm.problems) {
      if (p.kind === 'syntax') {
        syntax = true;
        report({
          message: `${p.message.replace(/\.?$/, '.')} Until then its fields cannot be read; the rest of the account was still checked.`,
          span: p.span,
          severity: 'error',
          fixes: p.fix ? [{ title: p.fix.title, edits: [{ span: p.fix.span, newText: p.fix.newText }], yaml: true, preferred: p.fix.preferred }] : undefined,
          data: { kind: 'syntax' },
          detail: p.detail,
        });
      } else {
        if (p.field) badFields.add(p.field);
        report({ message: `${p.message} Fix the "${p.field}" field in the front matter.`, span: p.span, data: { field: p.field } });
      }
    }
    // With a syntax error no field could be read, so "missing" would be wrong.
    if (syntax) return;

    const f = fm.fields;
    const eol = eolOf(text);
    for (const { field, why } of REQUIRED) {
      if (badFields.has(field)) continue;
      const value = f[field];
      if (value === undefined || value === '') {
        const fixes: Fix[] = [];
        if (field === 'date' && !(field in fm.data)) {
          // Insert today's date just before the closing fence.
          const at = fm.content.end;
          const line = `date: ${isoDay(now)}`;
          const newText = at > fm.content.start ? `${eol}${line}` : `${line}${eol}`;
          fixes.push({ title: `Add "${line}"`, edits: [{ span: { start: at, end: at }, newText }], yaml: true });
        }
        report({
          message: `The front matter has no "${field}". Add ${why}.`,
          span: field in fm.data ? spanOf(field) : fence,
          fixes,
          data: { field },
        });
      }
    }

    if (f.date && !badFields.has('date')) {
      const span = spanOf('date');
      if (!realDate(f.date)) {
        report({ message: `The date "${f.date}" is not a real date written as YYYY-MM-DD (e.g. ${isoDay(now)}). Write it that way so reports can sort your accounts by date.`, span, data: { field: 'date' } });
      } else if (f.date > isoDay(now)) {
        report({ message: `The date ${f.date} is in the future. Use the date the event happened.`, span, data: { field: 'date' } });
      }
    }

    if (f.framework && !badFields.has('framework') && !getFrameworks().has(f.framework)) {
      const known = [...getFrameworks().keys()];
      const span = spanOf('framework');
      report({
        message: `The framework "${f.framework}" is not one STARR Reflect knows, so this account was checked against ${account.framework.name}. Use ${listing(known, 'or')}.`,
        span,
        fixes: known.map((id) => ({ title: `Use the ${id} framework`, edits: [{ span, newText: id }] })),
        data: { field: 'framework' },
      });
    }

    if (f.learner && !badFields.has('learner') && looksLikeRealName(f.learner)) {
      report({
        message: `The learner field "${f.learner}" looks like a real name. Use your anonymised learner id (e.g. "L-014"): accounts are shared with assessors and quality assurers.`,
        span: spanOf('learner'),
        data: { field: 'learner' },
      });
    }
  },
);
