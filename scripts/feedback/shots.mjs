// Named screenshots of tutor feedback and the quality report, for scripts/vscode-test/screenshots.mjs
// (which passes each shot a `ui` with page, openFile, command, revealLine, shot …). Saved as docs/images/<name>.png.
/** Runs a command whose title is exactly `title` (the fuzzy first match may be a longer one). */
async function runExactly(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

export const FEEDBACK_SHOTS = [
  {
    name: 'feedback-thread',
    title: 'Tutor feedback as a comment thread (STARR: Add feedback on a selection)',
    async run(ui) {
      const { page } = ui;
      await ui.openFile('learner-a', 'courier-sla-recovery.md');
      // Select the first words of the Result and add feedback on them, as a tutor would.
      await ui.revealLine(38);
      for (let i = 0; i < 9; i++) await page.keyboard.press('Control+Shift+ArrowRight');
      await ui.command('STARR: Add feedback');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget', { hasText: 'Your feedback for the learner' }).first().waitFor({ timeout: 10_000 });
      await input.fill('Good: a measured result against the SLA. Now say how you checked the CSAT figure.');
      await page.keyboard.press('Enter');
      await page.locator('.review-widget', { hasText: 'how you checked the CSAT figure' }).first().waitFor({ timeout: 30_000 });
      // Give the thread the room: close the panel the Comments view opened in, and drop the selection.
      if (await page.locator('.part.panel').first().isVisible()) await page.keyboard.press('Control+j');
      await page.locator('.part.panel').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
      await ui.revealLine(33);
      await page.locator('.review-widget', { hasText: 'how you checked the CSAT figure' }).first().waitFor({ timeout: 10_000 });
      await ui.shot();
    },
  },
  {
    name: 'quality-report',
    title: 'The quality-assurance report webview (STARR: Quality report)',
    async run(ui) {
      const { page } = ui;
      // The workbench may restore an earlier shot's editors; the command needs none.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await runExactly(page, 'STARR: Quality report');
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
      await frame.locator('#accounts tbody tr').nth(7).waitFor({ timeout: 120_000 });
      await ui.shot();
    },
  },
];
