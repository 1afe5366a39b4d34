import { defineRule } from '../core/rule';
import type { CriticMark, Fix, Span } from '../core/types';
import { upTo } from './util/text';

type Kind = 'email' | 'phone' | 'postcode' | 'ni-number' | 'card' | 'nhs-number' | 'name' | 'person' | 'dob' | 'reference' | 'address';

interface Hit {
  kind: Kind;
  span: Span;
  value: string;
  /** The placeholder, when it depends on the match (an order number, an account number). */
  replacement?: string;
  /** Where in tutor feedback it was found ("in this comment"), when it was. */
  where?: string;
}

// Found from each "@" outwards: a regex that starts with the local part would rescan every word.
const EMAIL_DOMAIN = /@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/y;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
// Numbers and codes in ONE pass (a pass per pattern costs more on digit-heavy accounts), told apart by group:
// 1 UK phone (07… mobiles, 01/02/03 landlines and +44 forms, with spaces, dashes or brackets between groups),
// 2 card number (checked with Luhn below), 3 National Insurance number, 4 postcode, 5 NHS number (3-3-4, not
// starting with 0, which a UK phone number does).
export const NUMBERS = new RegExp(
  [
    /((?:\+44\s?(?:\(0\)\s?)?|\(?0)[1237](?:[\s-]?\)?[\s-]?\d){8,9}(?!\d))/.source,
    /(\d(?:[ -]?\d){12,18}(?![\d-]))/.source,
    /\b((?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])\b/.source,
    /\b(GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})\b/.source,
    /(?<![\d-])([1-9]\d{2}(?: \d{3} \d{4}|-\d{3}-\d{4}))(?![\d-])/.source,
  ].join('|'),
  'g',
);
// A title, a first name if given, and a surname: "Mrs Jane Smith", "Mr John O'Neil", "Dr Amir Khan-Patel", "Mrs Patel".
export const NAME = /\b(Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+(?:([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+)?((?:O['’]|Mc|Mac|D['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;

const WHAT: Record<Kind, { label: string; replacement: string }> = {
  email: { label: 'an email address', replacement: '[customer email]' },
  phone: { label: 'a phone number', replacement: '[phone number]' },
  postcode: { label: 'a postcode', replacement: '[postcode]' },
  'ni-number': { label: 'a National Insurance number', replacement: '[NI number]' },
  card: { label: 'a payment card number', replacement: '[card number]' },
  'nhs-number': { label: 'an NHS number', replacement: '[NHS number]' },
  name: { label: 'a full name', replacement: 'Customer A' },
  person: { label: 'a full name', replacement: 'Customer A' },
  dob: { label: 'a date of birth', replacement: '[date of birth]' },
  reference: { label: "a customer's account, order or reference number", replacement: '[reference number]' },
  address: { label: 'a street address', replacement: '[address]' },
};

// What a number tied to a person is called, just before it: "account number", "order", "booking ref", "NHS no.".
const REFERENCE_CUE =
  /\b(account|order|tracking|booking|policy|claim|membership|customer|NHS|patient|hospital)(?:\s+(?:number|no\.?|num|ref(?:erence)?|id|code))?(?:\s+(?:is|was|of))?\s*[:#(]?\s*$/i;
const REFERENCE_NAMES: Record<string, string> = {
  account: '[account number]', order: '[order number]', tracking: '[tracking number]', booking: '[booking reference]', policy: '[policy number]',
  claim: '[claim number]', membership: '[membership number]', nhs: '[NHS number]', patient: '[patient number]', hospital: '[hospital number]',
};
// A code: an optional short capital prefix ("SE-", "MCH-") and digits, with single spaces or dashes between groups.
const CODE_AT = /(?:[A-Z]{1,4}-?)?\d+(?:[ -]\d+)*(?![\w-])/y;
const DOB_CUE = /\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born(?:\s+on)?|birthday(?:\s+(?:is|was))?)\s*(?:(?:is|was|of)\s*)?[:\-–(]?\s*$/i;
const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DATE_AT = new RegExp(`(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4})(?!\\d)`, 'y');
// A house number and a street: "11 Larch Close", "14a Tanners Row".
const STREET_AT =
  /\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)?\s+){1,3}(?:Close|Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Way|Court|Crescent|Place|Grove|Gardens|Terrace|Row|Walk|Mews|Square|Hill|Rise|Green|Parade|View|Vale|Fold|Croft|Meadow|Meadows|Park|Wharf|Yard)\b/y;
// Two capitalised words as a first name and surname, and what makes them a person: a role or "named" just
// before ("a tenant, Ada Wong"; "the manager, Ada Wong"), or an e-mail address after that carries the name.
const PAIR = /\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+((?:O['’]|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;
const PERSON_CUE =
  /\b(?:customer|client|resident|patient|tenant|guest|caller|lecturer|teacher|colleague|manager|supervisor|advis[eo]r|officer|nurse|carer|doctor|consultant|relative|daughter|son|wife|husband|mother|father|landlord|landlady|engineer|technician|driver|student|pupil|learner|applicant|owner|leader|director|coordinator|co-ordinator|administrator|receptionist|member\s+of\s+staff|named|called|name\s+(?:is|was))\s*[,:]?\s*$/i;
// Words that make a capitalised pair a place, a body or a date, not a person.
const NOT_A_NAME = new Set(
  ('Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Council Advice Services Service Team Centre Center Group Ltd Limited Trust Bank Hospital Ward Unit Road Street Lane Close Avenue Way Drive ' +
    'Court House Park Line Desk Office Department Board Register Act Policy Code Care Support Manager Customer Account Order Team Academy School ' +
    'College University Surgery Practice Clinic Housing Homes Energy Water Gas Mail Express Direct Online The My Our Your His Her Their This That I ' +
    'Lead Experience Officer Assistant Executive Director Coordinator Advisor Adviser Supervisor Specialist Analyst Agent Partner Operations Quality ' +
    'Sales Resources Human Finance Payroll Lettings Repairs Contact Complaints Head Senior Junior Chief Deputy').split(' '),
);

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function phoneDigitsOk(v: string): boolean {
  const d = v.replace(/\D/g, '');
  return d.startsWith('44') ? d.length === 12 || d.length === 11 || (d.length === 13 && d[2] === '0') : d.length === 10 || d.length === 11;
}

const DIGIT = /\d/g;
const NUMBERS_AT = new RegExp(NUMBERS.source, 'y');
const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
// What may sit between the digits of a phone or card number: space (any \s, so any non-ASCII too), - ( ) +.
const isJoin = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 40 || c === 41 || c === 43 || c >= 128;

/**
 * What `NUMBERS.exec` from `from` finds, tried only where it can match. Every alternative has a digit at
 * most 4 characters after its start ("+44", "(0", "AB 12", "GIR 0AA"). Digits come in clusters (digits and
 * the spaces, dashes and brackets between them); a phone or card number needs 10 or more digits in one
 * cluster, and an NI number or postcode has a capital letter just before its first digit (within 3).
 * Other clusters (times, prices, counts) cannot hold the start of a match and are skipped whole.
 */
export function nextNumber(text: string, from: number): RegExpExecArray | null {
  let p = from;
  DIGIT.lastIndex = from;
  for (let dm = DIGIT.exec(text); dm; dm = DIGIT.exec(text)) {
    const d = dm.index;
    // Ten digits decide; the rest of the cluster is walked only as far as the search needs, so a long run of
    // numbers matched one after another is read once, not once per match.
    let end = d;
    let digits = 0;
    const inCluster = (i: number) => i < text.length && (isDigit(text.charCodeAt(i)) || isJoin(text.charCodeAt(i)));
    for (; digits < 10 && inCluster(end); end++) if (isDigit(text.charCodeAt(end))) digits++;
    if (digits >= 10 || isUpper(text.charCodeAt(d - 1)) || isUpper(text.charCodeAt(d - 2)) || isUpper(text.charCodeAt(d - 3))) {
      for (p = Math.max(p, d - 4); p < end || (inCluster(end) && ++end); p++) {
        NUMBERS_AT.lastIndex = p;
        const m = NUMBERS_AT.exec(text);
        if (m) return m;
      }
    }
    while (inCluster(end)) end++;
    DIGIT.lastIndex = end;
  }
  return null;
}
const NAME_ONE = new RegExp(NAME.source);
const NAME_AT = new RegExp(NAME.source, 'y');
const TITLE_CAPITALS = 'MDPS';

/**
 * The matches eachMatch(NAME, text, start, text.length, cb) finds, tried only where one of the capitals the
 * titles begin with stands (found by native search), instead of the regex visiting every character.
 */
export function eachName(text: string, start: number, cb: (m: RegExpExecArray) => void): void {
  const at = [...TITLE_CAPITALS].map((c) => text.indexOf(c, start));
  for (;;) {
    let k = -1;
    for (let j = 0; j < at.length; j++) if (at[j] >= 0 && (k < 0 || at[j] < at[k])) k = j;
    if (k < 0) return;
    const p = at[k];
    NAME_AT.lastIndex = p;
    const m = NAME_AT.exec(text);
    if (!m) {
      at[k] = text.indexOf(TITLE_CAPITALS[k], p + 1);
      continue;
    }
    cb(m);
    // Matches do not overlap: the search goes on after this one.
    const e = p + m[0].length;
    for (let j = 0; j < at.length; j++) if (at[j] >= 0 && at[j] < e) at[j] = text.indexOf(TITLE_CAPITALS[j], e);
  }
}

/** Scan [start, end) of `text` for personal data; `text` is the prose (body) or the raw front matter. */
function scan(full: string, start: number, end: number, hits: Hit[]): void {
  // Searches stop at `end` (see eachMatch); the slice keeps offsets.
  const text = upTo(full, end);
  const add = (kind: Kind, m: RegExpExecArray) => hits.push({ kind, span: { start: m.index, end: m.index + m[0].length }, value: m[0] });
  // Cheap pre-checks: most accounts have no "@", and the number patterns need a digit.
  for (let at = text.indexOf('@', start); at >= 0 && at < end; at = text.indexOf('@', at + 1)) {
    let from = at;
    while (from > start && LOCAL_CHAR.test(text[from - 1])) from--;
    while (from < at && text[from] === '.') from++;
    EMAIL_DOMAIN.lastIndex = at;
    const d = EMAIL_DOMAIN.exec(text);
    if (from < at && d && at + d[0].length <= end) hits.push({ kind: 'email', span: { start: from, end: at + d[0].length }, value: text.slice(from, at + d[0].length) });
  }
  let next = start;
  for (let m = nextNumber(text, next); m && m.index < end; m = nextNumber(text, next)) {
    if (m.index + m[0].length > end) break;
    const before = text[m.index - 1] ?? '';
    let kind: Kind | undefined;
    if (m[1] !== undefined) kind = !/[\w+]/.test(before) && phoneDigitsOk(m[0]) ? 'phone' : undefined;
    else if (m[2] !== undefined) {
      const d = m[0].replace(/\D/g, '');
      kind = !/[\d-]/.test(before) && d.length >= 13 && d.length <= 19 && d[0] !== '0' && luhn(d) ? 'card' : undefined;
    } else kind = m[3] !== undefined ? 'ni-number' : m[4] !== undefined ? 'postcode' : 'nhs-number';
    if (kind) {
      add(kind, m);
      next = m.index + m[0].length;
    }
    // A rejected candidate may hide a real one inside it (a phone number after a reference): look again one on.
    else next = m.index + 1;
  }
  eachName(text, start, (m) => add('name', m));
  numbersInContext(text, start, end, hits);
  people(text, start, end, hits);
}

const DIGIT_RUN = /\d/g;

/** Numbers that are personal because of what precedes them (dates of birth, references), and street addresses. */
function numbersInContext(text: string, start: number, end: number, hits: Hit[]): void {
  DIGIT_RUN.lastIndex = start;
  for (let dm = DIGIT_RUN.exec(text); dm && dm.index < end; dm = DIGIT_RUN.exec(text)) {
    const d = dm.index;
    // Inside a longer number or a word already passed ("1.5", "12/3", "CS301"): not the start of one.
    const prev = text.charCodeAt(d - 1);
    if (isDigit(prev) || prev === 46 || prev === 47 || (prev >= 97 && prev <= 122)) continue;
    // A short capital prefix, with or without a dash ("SE-4471093", "AB123456").
    const p = prev === 45 ? d - 1 : d;
    let q = p;
    while (q > start && q > p - 4 && isUpper(text.charCodeAt(q - 1))) q--;
    const at = q < p && !/\w/.test(text[q - 1] ?? '') ? q : d;
    const before = text.slice(Math.max(start, at - 40), at);
    let next = d + 1;
    DATE_AT.lastIndex = d;
    const date = DATE_AT.exec(text);
    if (date && d + date[0].length <= end && DOB_CUE.test(text.slice(Math.max(start, d - 40), d))) {
      hits.push({ kind: 'dob', span: { start: d, end: d + date[0].length }, value: date[0] });
      next = d + date[0].length;
    } else {
      // The cue first: a reference is read to its end only after a cue, so a long run of numbers with none
      // is not read again from each of its numbers.
      const cue = REFERENCE_CUE.exec(before);
      CODE_AT.lastIndex = at;
      const code = cue && CODE_AT.exec(text);
      if (code && cue && code.index + code[0].length <= end && code[0].replace(/\D/g, '').length >= 5) {
        hits.push({ kind: 'reference', span: { start: at, end: at + code[0].length }, value: code[0], replacement: REFERENCE_NAMES[cue[1].toLowerCase()] });
        next = at + code[0].length;
      } else {
        STREET_AT.lastIndex = d;
        const street = STREET_AT.exec(text);
        if (street && d + street[0].length <= end && at === d && !/\b(?:room|bed|ward|bay|table|page|step|level|gate|platform)\s*$/i.test(before)) {
          hits.push({ kind: 'address', span: { start: d, end: d + street[0].length }, value: street[0] });
          next = d + street[0].length;
        }
      }
    }
    DIGIT_RUN.lastIndex = next;
    // Skip the rest of this run of digits.
    while (DIGIT_RUN.lastIndex < end && isDigit(text.charCodeAt(DIGIT_RUN.lastIndex))) DIGIT_RUN.lastIndex++;
  }
}

/** Full names without a title, where something around them says they are a person. */
function people(text: string, start: number, end: number, hits: Hit[]): void {
  const found = new Set<string>();
  const pairs: RegExpExecArray[] = [];
  PAIR.lastIndex = start;
  for (let m = PAIR.exec(text); m && m.index < end; m = PAIR.exec(text)) {
    if (m.index + m[0].length > end) break;
    // A titled name is the title pattern's ("Mrs Ada Wong").
    if (/\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+$/.test(text.slice(Math.max(start, m.index - 6), m.index))) continue;
    if (NOT_A_NAME.has(m[1]) || NOT_A_NAME.has(m[2])) {
      // "Monday Ada Wong" is not read as one pair: look again from the second word.
      PAIR.lastIndex = m.index + m[1].length + 1;
      continue;
    }
    const before = text.slice(Math.max(start, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, Math.min(end, m.index + m[0].length + 60));
    const email = /^[^@\n]{0,30}?([A-Za-z0-9._%+-]+)@/.exec(after);
    const local = email?.[1].toLowerCase() ?? '';
    if (PERSON_CUE.test(before) || (local && (local.includes(m[2].toLowerCase()) || local.includes(m[1].toLowerCase())))) found.add(m[0]);
    else PAIR.lastIndex = m.index + m[1].length + 1; // "Later Ada Wong": the second word may begin the name
    pairs.push(m);
  }
  // A name found once is a name wherever it appears.
  for (const m of pairs) if (found.has(m[0])) hits.push({ kind: 'person', span: { start: m.index, end: m.index + m[0].length }, value: m[0] });
}

/**
 * The text of tutor feedback marks, which the prose leaves out: comments (after their `[tutor:AB]` label,
 * which is not personal data), suggested additions and deletions, and both sides of a suggested change.
 */
function feedbackParts(marks: readonly CriticMark[]): { start: number; end: number; where: string }[] {
  const parts: { start: number; end: number; where: string }[] = [];
  const comment = (c: CriticMark) => parts.push({ start: c.prefix?.end ?? c.inner!.start, end: c.inner!.end, where: 'in this comment' });
  for (const m of marks) {
    const inner = m.inner!;
    if (m.kind === 'comment') comment(m);
    else if (m.kind === 'highlight') {
      if (m.comment) comment(m.comment);
    } else if (m.kind === 'substitution') {
      const arrow = inner.start + m.oldText!.length;
      parts.push({ start: inner.start, end: arrow, where: 'in this suggested change' }, { start: arrow + 2, end: inner.end, where: 'in this suggested change' });
    } else parts.push({ start: inner.start, end: inner.end, where: m.kind === 'addition' ? 'in this suggested addition' : 'in this suggested deletion' });
  }
  return parts;
}

function fixesFor(h: Hit): Fix[] {
  const replace = (title: string, newText: string, preferred = false): Fix => ({ title, edits: [{ span: h.span, newText }], preferred });
  if (h.kind === 'name') {
    const m = NAME_ONE.exec(h.value)!;
    const initial = m[3].replace(/^(?:O['’]|Mc|Mac|D['’])(?=[A-Z])/, (p) => p[0])[0];
    const short = `${m[1]} ${initial}`;
    return [replace(`Anonymise as "${short}"`, short, true), replace('Anonymise as "Customer A"', 'Customer A')];
  }
  if (h.kind === 'person') {
    // The first name alone is not personal data on its own; the initial of the surname keeps two people apart.
    const [first, surname] = h.value.split(/\s+/);
    const short = `${first} ${surname.replace(/^(?:O['’]|Mc|Mac)(?=[A-Z])/, (p) => p[0])[0]}`;
    return [replace(`Anonymise as "${short}"`, short, true), replace('Anonymise as "Customer A"', 'Customer A')];
  }
  const r = h.replacement ?? WHAT[h.kind].replacement;
  return [replace(`Replace with "${r}"`, r, true)];
}

export default defineRule(
  {
    id: 'personal-data',
    defaultSeverity: 'error',
    title: 'Personal data about customers or colleagues that should be anonymised.',
    rationale:
      'Portfolios are read by tutors, assessors, quality assurers and sometimes external verifiers. UK GDPR means a customer\'s or colleague\'s name, contact details or account numbers must not be in your evidence: anonymise them ("Mrs S", "Customer A", "[customer email]"). An assessor may have to reject evidence that is not anonymised.',
    fixable: true,
  },
  ({ account, report }) => {
    const hits: Hit[] = [];
    scan(account.prose, account.preamble.start, account.prose.length, hits);
    const fm = account.frontMatter;
    if (fm) {
      // The learner field is front-matter's to judge (it asks for an anonymised id).
      const learner = fm.fieldSpans.learner;
      const before = hits.length;
      scan(account.text, fm.content.start, fm.content.end, hits);
      if (learner) for (let i = hits.length - 1; i >= before; i--) if (hits[i].span.start >= learner.start && hits[i].span.start < learner.end) hits.splice(i, 1);
    }
    // Feedback stays in the file that is handed in, so it must be anonymised too.
    // Each part is scanned as its own short string: scan() slices from the start of the text it is given.
    for (const part of feedbackParts(account.critic)) {
      const own: Hit[] = [];
      scan(account.text.slice(part.start, part.end), 0, part.end - part.start, own);
      for (const h of own) hits.push({ ...h, span: { start: h.span.start + part.start, end: h.span.end + part.start }, where: part.where });
    }
    hits.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    let last = -1;
    for (const h of hits) {
      if (h.span.start < last) continue; // overlapping matches (a card number that also looks like a phone): keep the first
      last = h.span.end;
      const what = WHAT[h.kind];
      const value = account.text.slice(h.span.start, h.span.end);
      const fixes = fixesFor(h);
      const full = h.kind === 'person' || (h.kind === 'name' && NAME_ONE.exec(h.value)?.[2] !== undefined);
      const where = h.where ? ` ${h.where}` : '';
      const message =
        h.kind === 'name' || h.kind === 'person'
          ? `"${value}"${where} looks like a real person's ${full ? 'full name' : 'name'}. Anonymise it — "${fixes[0].edits[0].newText}" or "Customer A" — to keep to GDPR.`
          : `This looks like ${what.label}${where}. Remove it or replace it with "${fixes[0].edits[0].newText}" — personal data must not be in your evidence.`;
      report({ message, span: h.span, fixes, data: { kind: h.kind, replacement: fixes[0].edits[0].newText } });
    }
  },
);
