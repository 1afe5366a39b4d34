// Text of a new account. No editor API here, so it is easy to test and to share.
import { frameworkOrDefault } from '../core';

export interface NewAccount {
  title: string;
  framework: string;
  /** The learner's anonymised id; left empty (and the account not counted in reports) until it is given. */
  learner?: string;
  unit?: string;
  criteria: string[];
  /** YYYY-MM-DD */
  date: string;
}

/** A YAML scalar that survives any title: quoted when it needs to be. */
function yamlString(s: string): string {
  return /^[\w][\w .,'()/&-]*$/.test(s) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(s) && !/[:#]\s|\s$/.test(s) ? s : JSON.stringify(s);
}

export function accountTemplate(a: NewAccount, eol = '\n'): string {
  const framework = frameworkOrDefault(a.framework);
  const lines = [
    '---',
    `title: ${yamlString(a.title)}`,
    `learner: ${a.learner?.trim() ? yamlString(a.learner.trim()) : '""'}`,
    `unit: ${a.unit ? yamlString(a.unit) : '""'}`,
    `criteria: [${a.criteria.map((c) => JSON.stringify(c)).join(', ')}]`,
    `date: ${a.date}`,
    `framework: ${framework.id}`,
    'status: draft',
    '---',
    '',
    `# ${a.title}`,
    '',
  ];
  for (const s of framework.sections) lines.push(`## ${s.name}`, '', `<!-- ${s.prompt} -->`, '', '');
  return lines.join(eol).replace(/(\r?\n)+$/, eol);
}

/** A file name from a title: lower case, hyphens, no more than 60 characters. */
export function fileNameFor(title: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `${slug || 'reflective-account'}.md`;
}
