// Property tests draw plain numbers and fold them into a text, so every offset (and the end) is reachable.

/** An offset in [0, text.length]. */
export const offsetIn = (text: string, a: number): number => a % (text.length + 1);

/** A range [start, end) within the text. */
export function rangeIn(text: string, a: number, b: number): { start: number; end: number } {
  const start = offsetIn(text, a);
  return { start, end: start + (b % (text.length - start + 1)) };
}
