/** A YAML scalar that survives any value: plain when it can be, else quoted as JSON (which YAML reads too). */
export function yamlScalar(s: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return /^[\p{L}\p{N}][\p{L}\p{N} .,'’()/&-]*$/u.test(s) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(s) && !/\s$/.test(s) && !/^\d[\d.-]*$/.test(s) ? s : JSON.stringify(s);
}
