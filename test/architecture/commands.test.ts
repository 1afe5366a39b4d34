import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// The command palette lists matching commands alphabetically (after the ones used lately), and a query matches a
// title whose words start with the query's words in order, even with other words between. Typing a command's own
// title and pressing Enter must run that command, not another that sorts before it.
describe('architecture: command titles in the palette', () => {
  type Command = { command: string; title: string; category?: string };
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { commands: Command[]; menus?: { commandPalette?: { command: string; when?: string }[] } };
  };
  const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const shown = pkg.contributes.commands.filter((c) => !hidden.has(c.command));
  const label = (c: Command) => (c.category ? `${c.category}: ${c.title}` : c.title);
  const words = (s: string) => s.toLowerCase().split(/[\s:()/]+/).filter(Boolean);

  /** Every query word starts a word of the label, in order; other words may come between. */
  function matches(query: string, target: string): boolean {
    const t = words(target);
    let i = 0;
    for (const w of words(query)) {
      while (i < t.length && !t[i].startsWith(w)) i++;
      if (i++ >= t.length) return false;
    }
    return true;
  }

  it('the matcher above finds a title with a word between, and not words out of order', () => {
    assert.ok(matches('STARR: Quality report', 'STARR: Export quality report as CSV'));
    assert.ok(!matches('STARR: Export quality', 'STARR: Quality report: export as CSV'));
  });

  it('typing a command\'s full title lists that command first', () => {
    const wrong = shown.flatMap((c) => {
      const first = shown.filter((o) => matches(label(c), label(o))).sort((a, b) => label(a).localeCompare(label(b)))[0];
      return first.command === c.command ? [] : [`"${label(c)}" lists "${label(first)}" first`];
    });
    assert.deepEqual(wrong, []);
  });
});
