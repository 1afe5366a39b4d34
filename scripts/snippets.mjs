// Usage: node scripts/snippets.mjs (from the repository root).
// Generates snippets/markdown.json from the bundled frameworks' prompts, so the skeletons match the checks.
import * as fs from 'node:fs';
import YAML from 'yaml';
const fw = YAML.parse(fs.readFileSync('data/frameworks.yaml', 'utf8')).frameworks;
const byId = Object.fromEntries(fw.map((f) => [f.id, f]));
const front = (framework, start) => [
  '---',
  // Empty tab stops, never plausible values: a placeholder left in would count as a real learner, unit or claim.
  `title: \${${start}}`,
  `learner: \${${start + 1}}`,
  `unit: \${${start + 2}}`,
  `criteria: [\${${start + 3}}]`,
  'date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE',
  `framework: ${framework}`,
  `status: \${${start + 4}|draft,submitted,assessed|}`,
  '---',
  '',
];
// Snippet syntax treats $, } and \ as special; a comment must not close early.
const escape = (text) => text.replace(/[$}\\]/g, (c) => '\\' + c).replace(/-->/g, '—>');
const skeleton = (id) => {
  const f = byId[id];
  const body = front(id, 1);
  body.push('# ${1}', '');
  let n = 6;
  // Prompts as comments, as the New account command writes them: they guide without counting as the learner's words.
  for (const s of f.sections) body.push(`## ${s.name}`, '', `<!-- ${escape(s.prompt)} -->`, '', `\${${n++}}`, '');
  body.push('$0');
  return body;
};
// One whole-account skeleton per framework in the data; these are the titles the bundled ones are offered under.
const titles = {
  starr: { name: 'STARR reflective account', description: 'A whole STARR account: front matter, Situation, Task, Action, Result and Reflection.' },
  star: { name: 'STAR account', description: 'A STAR account: Situation, Task, Action, Result.' },
  carl: { name: 'CARL account', description: 'A CARL account: Context, Action, Result, Learning.' },
  gibbs: { name: "Gibbs' reflective cycle", description: "Gibbs' reflective cycle: Description, Feelings, Evaluation, Analysis, Conclusion, Action plan." },
};
const out = {};
for (const f of fw) {
  const t = titles[f.id] ?? { name: `${f.name} account`, description: `A ${f.name} account: ${f.sections.map((s) => s.name).join(', ')}.` };
  out[t.name] = { prefix: [f.id, `${f.id}-account`], description: t.description, body: skeleton(f.id) };
}
out['STARR front matter'] = { prefix: ['starr-front-matter', 'front-matter'], description: 'Front matter for a reflective account: title, learner, unit, criteria, date, framework, status.', body: [...front(`\${6|${fw.map((f) => f.id).join(',')}|}`, 1).slice(0, -1), '$0'] };
for (const s of byId.starr.sections) {
  out[`STARR ${s.name} section`] = { prefix: [`starr-${s.id}`, s.id], description: `${s.name}: ${s.guidance}`, body: [`## ${s.name}`, '', `<!-- ${escape(s.prompt)} -->`, '', '$0'] };
}
out['STARR measured result'] = { prefix: ['starr-measure', 'measure'], description: 'A result measured against an agreed standard (figure, KPI or customer words).', body: ['${1|CSAT,NPS,first-contact resolution,SLA compliance,complaints,on-time delivery|} ${2|rose,fell|} from ${3} to ${4} between ${5} and ${6}, against a target of ${7}.$0'] };
fs.mkdirSync('snippets', { recursive: true });
fs.writeFileSync('snippets/markdown.json', JSON.stringify(out, null, 2) + '\n');
