// A fast path for the front matter almost every account has: one `key: value` per line, values plain,
// quoted or a flat [list]. yaml's full parser costs about a tenth of the Markdown parse on such a block;
// this reads it in a few microseconds. Anything outside this subset (comments after values, nesting,
// escapes, anchors, special scalars, duplicate keys, CR) returns undefined and the full parser is used,
// so results are always identical to yaml's (a test checks this on generated blocks).

export interface FastMap {
  data: Record<string, unknown>;
  /** Per key: the value's [start, end) in the raw text, as yaml's node.range[0..1]. */
  ranges: Record<string, [number, number]>;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):( +)(\S(?:.*\S)?) *$/;
const PLAIN_START_BAD = /^[-?:,[\]{}#&*!|>'"%@`]/;
const SPECIAL = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain or quoted scalar as yaml's core schema reads it; undefined when unsure. */
function scalar(s: string, flow: boolean): { value: unknown } | undefined {
  const q = s[0];
  if (q === '"') return /^"[^"\\]*"$/.test(s) ? { value: s.slice(1, -1) } : undefined;
  if (q === "'") return /^'[^']*'$/.test(s) ? { value: s.slice(1, -1) } : undefined;
  if (PLAIN_START_BAD.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':') || s.includes('\t')) return undefined;
  if (flow && /[,[\]{}]/.test(s)) return undefined;
  if (SPECIAL.test(s) || /^[-+]?0[xo]/i.test(s)) return undefined;
  if (INT.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? { value: n } : undefined;
  }
  if (FLOAT.test(s)) return { value: Number(s) };
  return { value: s };
}

export function fastYamlMap(raw: string): FastMap | undefined {
  if (raw.length > 4000 || raw.includes('\r')) return undefined;
  const data: Record<string, unknown> = {};
  const ranges: Record<string, [number, number]> = {};
  let pos = 0;
  let keys = 0;
  for (const line of raw.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    if (!line.trim()) continue;
    if (line[0] === '#') continue;
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1];
    if (Object.prototype.hasOwnProperty.call(data, key) || key === '__proto__' || SPECIAL.test(key)) return undefined;
    const v = m[3];
    const start = lineStart + key.length + 1 + m[2].length;
    if (v[0] === '[') {
      if (!v.endsWith(']')) return undefined;
      const inner = v.slice(1, -1).trim();
      const items: unknown[] = [];
      if (inner) {
        for (const part of inner.split(',')) {
          const item = part.trim();
          if (!item) return undefined;
          const r = scalar(item, true);
          if (!r) return undefined;
          items.push(r.value);
        }
      }
      data[key] = items;
    } else {
      const r = scalar(v, false);
      if (!r) return undefined;
      data[key] = r.value;
    }
    ranges[key] = [start, start + v.length];
    keys++;
  }
  return keys ? { data, ranges } : undefined;
}
