// A deterministic corpus of STARR accounts for the benchmark: the same seed gives the same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mulberry32 } from '../src/core/sample';

// The sampler's PRNG: one implementation, so a seed means the same everywhere.
export { mulberry32 };

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rng, p: number) => r() < p;

const PARTNERS = ['the courier', 'our warehouse team', 'the repair partner', 'the billing department', 'the installation contractor', 'the outsourced contact centre', 'the returns depot', 'the IT service desk', 'the field engineers', 'the parts supplier'];
const CHANNELS = ['phone', 'live chat', 'email', 'the web form', 'social media', 'a branch visit'];
const KPIS = ['CSAT', 'NPS', 'first-contact resolution', 'average handling time', 'the SLA', 'complaint volumes', 'repeat contacts', 'abandoned calls'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const VAGUE = ['good customer service', 'went above and beyond', 'dealt with', 'as usual', 'etc.', 'as soon as possible', 'everyone', 'always', 'touch base', 'a lot of'];
const NAMES = ['Mrs Jane Smith', 'Mr David Khan', 'Ms Priya Patel', 'Mr Tom O’Neill', 'Dr Alan Reid'];
const UNITS = ['CS3-SP', 'CS4-SP', 'CS3-CHAIN', 'CS3-MON', 'CS3-ORG'];

function figure(r: Rng): string {
  return pick(r, [
    `${int(r, 2, 40)}%`,
    `${int(r, 2, 48)} hours`,
    `${int(r, 3, 90)} minutes`,
    `${int(r, 5, 400)} customers`,
    `£${int(r, 20, 900)}`,
    `${int(r, 1, 28)} ${pick(r, MONTHS)}`,
    `${int(r, 60, 98)}% CSAT`,
    `${int(r, 2, 15)} complaints a week`,
  ]);
}

/** Sentence templates by section; `{x}` slots are filled from the lists above. */
const BANK: Record<string, ((r: Rng) => string)[]> = {
  situation: [
    (r) => `On a ${pick(r, DAYS)} in ${pick(r, MONTHS)} a customer contacted us by ${pick(r, CHANNELS)} because ${pick(r, PARTNERS)} had missed an agreed delivery slot for the second time.`,
    (r) => `I work as a ${pick(r, ['customer service adviser', 'team leader', 'complaints handler', 'service coordinator'])} in a ${pick(r, ['retail', 'utilities', 'telecoms', 'housing', 'logistics'])} contact centre that handles about ${int(r, 200, 2500)} contacts a day.`,
    (r) => `The customer had already waited ${figure(r)} and had been promised a call back that never came, so they were upset and wanted to cancel the order.`,
    (r) => `We had a lot of contacts that week because of a system change, and the queue was ${int(r, 10, 90)} calls long for most of the morning.`,
    (r) => `The problem sat between our team and ${pick(r, PARTNERS)}, who were responsible for the next step in the service chain.`,
    (r) => `${chance(r, 0.5) ? pick(r, NAMES) : 'The customer'} explained that this was the third time ${pick(r, ['the engineer', 'the driver', 'the adviser'])} had not turned up.`,
  ],
  task: [
    (r) => `My task was to resolve the complaint within ${pick(r, ['two working days', '24 hours', 'five working days', 'the SLA of 48 hours'])} and keep the customer informed at every stage.`,
    (r) => `I needed to agree a new date with ${pick(r, PARTNERS)} and make sure ${pick(r, KPIS)} did not suffer.`,
    () => `Our policy says a complaint must be acknowledged on the same day and closed within ten working days.`,
    (r) => `I was responsible for making sure the customer received good customer service and that the partner met the agreed standard of ${figure(r)}.`,
    () => `I also had to record every contact on the CRM so that the next adviser could see the full history.`,
  ],
  action: [
    (r) => `I rang ${pick(r, PARTNERS)} at ${int(r, 8, 17)}:${pick(r, ['00', '15', '30', '45'])} and asked the duty manager for a confirmed slot before the end of the day.`,
    (r) => `I called the customer back within ${figure(r)} to explain what had gone wrong and what I was doing about it.`,
    () => `I checked the order history on the CRM and found that the address had been entered incorrectly by the partner.`,
    (r) => `We dealt with the backlog together and the team went above and beyond, as usual, to clear it by ${pick(r, DAYS)}.`,
    (r) => `I sent a summary email to ${pick(r, PARTNERS)} setting out the three failures, the dates and the SLA they had missed.`,
    (r) => `I would normally escalate this to my manager, but this time I agreed a goodwill payment of £${int(r, 10, 75)} within my authority.`,
    () => `I agreed with the customer that I would ring them every morning until the repair was complete, and I did.`,
    (r) => `I raised the issue at the weekly partnership meeting and we agreed a shared tracker with ${pick(r, PARTNERS)}.`,
    (r) => `I coached a new colleague on the call, showing them how to log the case and how to set a reminder for ${figure(r)}.`,
    (r) => `The team reviewed the ${pick(r, KPIS)} report and found ${int(r, 3, 40)} similar cases in the previous month.`,
    (r) => `I kept the customer updated by ${pick(r, CHANNELS)} and wrote to them at ${pick(r, ['jane.smith@example.com', 'd.khan@example.co.uk', 'their home address'])} to confirm the new date.`,
  ],
  result: [
    (r) => `The engineer attended on ${int(r, 1, 28)} ${pick(r, MONTHS)} and the repair was completed on the first visit.`,
    (r) => `The complaint was closed in ${figure(r)}, inside the SLA, and the customer gave us ${int(r, 7, 10)} out of 10 in the follow-up survey.`,
    (r) => `Over the next month ${pick(r, KPIS)} improved from ${int(r, 50, 70)}% to ${int(r, 71, 95)}%.`,
    () => `The customer said: "Thank you for actually ringing me back — you are the first person who did."`,
    () => `Customer satisfaction improved and everyone was happier with the service.`,
    (r) => `Repeat contacts about missed slots fell from ${int(r, 12, 30)} to ${int(r, 2, 11)} a week after the shared tracker went live.`,
  ],
  reflection: [
    () => `Looking back, the call-back worked because I gave the customer a time and kept to it.`,
    () => `I learned that a partner is more likely to act when I set out the facts and the agreed standard in writing.`,
    () => `Next time I will check the partner's capacity before I promise a date, so that I do not have to go back to the customer.`,
    () => `I could have escalated sooner; I waited a day for a reply that never came.`,
    () => `I now understand how each link in the service chain affects the customer's experience, not only my own part of it.`,
    () => `It went well and I was pleased with the outcome.`,
    () => `If I did it again I would ask for a named contact at the partner from the start.`,
  ],
};

const HEADINGS: Record<string, string[]> = {
  situation: ['## Situation', '## S – Situation', '### 1. Situation:', '## Background', '## The situation'],
  task: ['## Task', '## T – Task', '### 2. Task:', '## My role', '## What I needed to do'],
  action: ['## Action', '## A – Action', '### 3. Action:', '## The action I took', '## What I did'],
  result: ['## Result', '## R – Result', '### 4. Result:', '## Outcome', '## Impact'],
  reflection: ['## Reflection', '## R – Reflection', '### 5. Reflection:', '## What I learned', '## Looking back'],
};
const SECTION_IDS = ['situation', 'task', 'action', 'result', 'reflection'];
const WEIGHT: Record<string, number> = { situation: 0.17, task: 0.1, action: 0.38, result: 0.17, reflection: 0.18 };

function paragraphs(r: Rng, id: string, words: number): string {
  const out: string[] = [];
  let para: string[] = [];
  let n = 0;
  while (n < words) {
    let s = pick(r, BANK[id])(r);
    if (chance(r, 0.08)) s = s.replace(/\.$/, `, which was ${pick(r, VAGUE)}.`);
    if (chance(r, 0.05)) s = s.replace(/\.$/, ` (AC ${int(r, 1, 3)}.${int(r, 1, 5)}).`);
    if (chance(r, 0.03)) s = s.replace(/\.$/, `, on 07${int(r, 100, 999)} ${int(r, 100000, 999999)}.`);
    para.push(s);
    n += s.split(/\s+/).length;
    if (para.length >= int(r, 3, 6)) {
      out.push(para.join(' '));
      para = [];
    }
  }
  if (para.length) out.push(para.join(' '));
  // Actions are sometimes written as a list of steps.
  if (id === 'action' && chance(r, 0.25) && out.length > 1) {
    const steps = out.pop()!.split(/(?<=\.) /).map((s) => `- ${s}`);
    out.push(steps.join('\n'));
  }
  return out.join('\n\n');
}

/** One account of roughly `target` words. */
export function account(r: Rng, i: number): string {
  const target = int(r, 600, 1200);
  const unit = pick(r, UNITS);
  const criteria = [...new Set(Array.from({ length: int(r, 1, 4) }, () => `${int(r, 1, 3)}.${int(r, 1, 5)}`))];
  const fm = [
    '---',
    `title: "${pick(r, ['Missed delivery', 'Repeat complaint', 'Partner SLA breach', 'Queue peak', 'Billing error', 'Engineer no-show'])} — case ${i + 1}"`,
    `learner: L-${String(int(r, 1, 40)).padStart(3, '0')}`,
    `unit: ${unit}`,
    `criteria: [${criteria.map((c) => `"${c}"`).join(', ')}]`,
    `date: 2026-${String(int(r, 1, 10)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`,
    ...(chance(r, 0.1) ? ['framework: star'] : []),
    ...(chance(r, 0.4) ? [`word_target: ${pick(r, [750, 900, 1000])}`] : []),
    `status: ${pick(r, ['draft', 'draft', 'submitted', 'assessed'])}`,
    '---',
    '',
    `# Reflective account ${i + 1}`,
    '',
  ];
  const ids = [...SECTION_IDS];
  if (chance(r, 0.12)) ids.splice(int(r, 0, 4), 1); // a section missing
  if (chance(r, 0.1)) {
    const a = int(r, 0, ids.length - 2); // two sections swapped
    [ids[a], ids[a + 1]] = [ids[a + 1], ids[a]];
  }
  const labels = chance(r, 0.1); // pasted from Word: bold labels instead of headings
  const body: string[] = [];
  for (const id of ids) {
    const text = paragraphs(r, id, Math.round(target * WEIGHT[id]));
    if (labels) body.push(`**${HEADINGS[id][0].replace(/^#+ /, '')}:** ${text}`);
    else body.push(`${pick(r, HEADINGS[id])}\n\n${text}`);
  }
  if (chance(r, 0.1)) body.push('{>>[tutor:AB open] Say which KPI moved and by how much.<<}');
  return `${fm.join('\n')}${body.join('\n\n')}\n`;
}

/** A ~2 MB account whose Action is one very long list: the shape that makes micromark quadratic. */
export function listHeavyAccount(r: Rng, bytes = 2 * 1024 * 1024): string {
  const head = account(r, 9999).replace(/\n## (?:Action|A – Action|### 3\. Action:|The action I took|What I did)[\s\S]*$/, '\n');
  const items: string[] = [];
  let size = head.length;
  while (size < bytes) {
    const item = `- ${pick(r, BANK.action)(r)} ${pick(r, BANK.action)(r)} ${pick(r, BANK.action)(r)}`;
    items.push(item);
    size += item.length + 1;
  }
  return `${head}\n## Action\n\n${items.join('\n')}\n\n## Result\n\n${paragraphs(r, 'result', 120)}\n\n## Reflection\n\n${paragraphs(r, 'reflection', 120)}\n`;
}

export interface Corpus {
  dir: string;
  files: string[];
  bigFile: string;
}

/** Write the corpus (1,000 accounts + the 2 MB one in its own folder); reuses it when the seed matches. */
export function writeCorpus(root: string, count = 1000, seed = 20261122): Corpus {
  const dir = path.join(root, 'corpus');
  const bigDir = path.join(root, 'big');
  const stamp = path.join(root, 'corpus.json');
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `account-${String(i + 1).padStart(4, '0')}.md`));
  const bigFile = path.join(bigDir, 'list-heavy-2mb.md');
  const want = JSON.stringify({ count, seed, version: 1 });
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want && files.every((f) => fs.existsSync(f)) && fs.existsSync(bigFile)) return { dir, files, bigFile };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bigDir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(bigDir, { recursive: true });
  const r = mulberry32(seed);
  files.forEach((f, i) => fs.writeFileSync(f, account(r, i)));
  fs.writeFileSync(bigFile, listHeavyAccount(mulberry32(seed + 1)));
  fs.writeFileSync(stamp, want);
  return { dir, files, bigFile };
}
