// Named screenshots of tutor feedback and the quality report, for scripts/vscode-test/screenshots.mjs
// (which passes each shot a `ui` with page, openFile, command, revealLine, shot …). Saved as docs/images/<name>.png.
/** Runs a command whose title is exactly `title` (the fuzzy first match may be a longer one), once it is listed. */
async function runExactly(page, title) {
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
    try {
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      return;
    } catch (e) {
      // The extension's commands appear once its host has started; try again a few times.
      await page.keyboard.press('Escape');
      if (attempt === 6) throw e;
    }
  }
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
      // The first time, STARR asks who is writing: a tutor, with initials.
      await page.locator('.quick-input-widget', { hasText: 'Who is writing feedback?' }).first().waitFor({ timeout: 10_000 });
      await ui.shot('feedback-author.png');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Tutor' }).first().click();
      await page.locator('.quick-input-widget', { hasText: 'Your initials' }).first().waitFor({ timeout: 10_000 });
      await input.fill('AB');
      await page.keyboard.press('Enter');
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
      // Opening an account starts the extension (the workbench may also have restored an earlier shot's editor).
      await ui.openFile('learner-a', 'courier-sla-recovery.md').catch(() => {});
      if (await page.locator('.part.panel').first().isVisible()) await page.keyboard.press('Control+j');
      await page.locator('.part.panel').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
      await runExactly(page, 'STARR: Quality report');
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
      await frame.locator('#accounts tbody tr').nth(7).waitFor({ timeout: 120_000 });
      // Show the table of accounts, sorted by words (a click on the heading).
      await frame.locator('#accounts th button', { hasText: 'Words' }).click();
      await frame.locator('#accounts th[aria-sort="ascending"]').waitFor({ timeout: 10_000 });
      await frame.locator('#accounts-h').evaluate((el) => el.scrollIntoView());
      await ui.shot();
    },
  },
];
