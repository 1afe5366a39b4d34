// A label file, and its quoted texts resolved to character ranges in its account (see LABELLING.md).

export const GENRES = ['nvq-cs-l2', 'nvq-cs-l3', 'nvq-cs-l4', 'care-gibbs', 'nursing', 'interview-star', 'apprentice-log', 'contact-centre', 'other'];
export const SHAPES = ['headings', 'bold-labels', 'line-labels', 'inline-labels', 'mid-paragraph-labels', 'table', 'questions', 'prose', 'one-paragraph', 'mixed'];
export const SECTION_IDS: Record<string, string[]> = {
  starr: ['situation', 'task', 'action', 'result', 'reflection'],
  star: ['situation', 'task', 'action', 'result'],
  carl: ['context', 'action', 'result', 'learning'],
  gibbs: ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'action-plan'],
};
const DEPTHS = ['none', 'descriptive', 'shallow', 'deep'];

export interface Labels {
  genre: string;
  shape: string;
  framework: string;
  quality: 'strong' | 'middling' | 'weak';
  sections?: { id: string; start: string }[];
  result_measure: boolean | null;
  we_carries_work: boolean;
  depth: 'none' | 'descriptive' | 'shallow' | 'deep';
  no_real_event: boolean;
  third_person: boolean;
  vague?: { text: string; nth?: number }[];
  personal_data?: { text: string; nth?: number }[];
}

export interface LabelledSpan {
  text: string;
  start: number;
  end: number;
}

export interface ResolvedLabels {
  problems: string[];
  sections: { id: string; start: number; end: number }[];
  vague: LabelledSpan[];
  personal: LabelledSpan[];
}

function nthIndex(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export function resolveLabels(text: string, labels: Labels): ResolvedLabels {
  const problems: string[] = [];
  const out: ResolvedLabels = { problems, sections: [], vague: [], personal: [] };
  const need = (cond: unknown, msg: string) => {
    if (!cond) problems.push(msg);
  };
  if (!labels || typeof labels !== 'object') {
    problems.push('the label file is not a mapping');
    return out;
  }
  need(GENRES.includes(labels.genre), `genre "${labels.genre}" is not one of ${GENRES.join(', ')}`);
  need(SHAPES.includes(labels.shape), `shape "${labels.shape}" is not one of ${SHAPES.join(', ')}`);
  const ids = SECTION_IDS[labels.framework];
  need(ids, `framework "${labels.framework}" is not one of ${Object.keys(SECTION_IDS).join(', ')}`);
  need(['strong', 'middling', 'weak'].includes(labels.quality), 'quality must be strong, middling or weak');
  need([true, false, null].includes(labels.result_measure), 'result_measure must be true, false or null');
  need(typeof labels.we_carries_work === 'boolean', 'we_carries_work must be true or false');
  need(DEPTHS.includes(labels.depth), `depth must be one of ${DEPTHS.join(', ')}`);
  need(typeof labels.no_real_event === 'boolean', 'no_real_event must be true or false');
  need(typeof labels.third_person === 'boolean', 'third_person must be true or false');
  let from = 0;
  for (const s of labels.sections ?? []) {
    need(!ids || ids.includes(s.id), `section id "${s.id}" is not in ${labels.framework}`);
    const at = typeof s.start === 'string' && s.start ? text.indexOf(s.start, from) : -1;
    need(at >= 0, `section ${s.id}: start "${s.start}" not found after offset ${from}`);
    if (at < 0) continue;
    if (out.sections.length) out.sections[out.sections.length - 1].end = at;
    out.sections.push({ id: s.id, start: at, end: text.length });
    from = at + 1;
  }
  const spans = (list: { text: string; nth?: number }[] | undefined, what: string): LabelledSpan[] =>
    (list ?? []).flatMap((v) => {
      const nth = v.nth ?? 1;
      const at = typeof v.text === 'string' && v.text ? nthIndex(text, v.text, nth) : -1;
      need(at >= 0, `${what} "${v.text}" (occurrence ${nth}) not found`);
      return at >= 0 ? [{ text: v.text, start: at, end: at + v.text.length }] : [];
    });
  out.vague = spans(labels.vague, 'vague');
  out.personal = spans(labels.personal_data, 'personal_data');
  const hasResult = (labels.sections ?? []).some((s) => s.id === 'result');
  need(hasResult ? labels.result_measure !== null : labels.result_measure === null,
    'result_measure is true or false when there is a Result section, and null when there is none');
  return out;
}
