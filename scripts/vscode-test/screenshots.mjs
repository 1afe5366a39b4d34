// Screenshots of STARR Reflect in a real VS Code (code-server + Debian Chromium), for the README and docs.
// Opens a scratch copy of the sample portfolio with only the extension under development, then runs named
// "shots": each clicks through the UI like a learner and saves docs/images/<name>.png.
// Usage: node scripts/vscode-test/screenshots.mjs [--only diagnostics,problems] [--out DIR] [--no-build] [--keep] [--list]
// Add a shot: append { name, title, run: async (ui) => { ...; await ui.shot(); } } to SHOTS below.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, SetupError, build, launchBrowser, say, startHost, workbenchUrl } from './host.mjs';
import { ensureTools } from './setup.mjs';
import { FEEDBACK_SHOTS } from '../feedback/shots.mjs';

const SHOTS = [
  {
    name: 'diagnostics',
    title: 'Diagnostics in the editor and the Problems panel',
    async run(ui) {
      await ui.openFile('learner-c', 'assembly-partner-missed-visit.md');
      await ui.waitForSquiggles();
      await ui.openProblems();
      await ui.waitForProblem('looks like a real person');
      await ui.revealLine(13);
      await ui.shot();
    },
  },
  {
    name: 'missing-section',
    title: 'A missing section, with its quick fix offered',
    async run(ui) {
      await ui.openFile('learner-a', 'fcr-returns-line-draft.md');
      await ui.openProblems();
      await ui.waitForProblem('The Result section is missing');
      // The diagnostic sits on the last heading; the editor draws squiggles only for lines in view.
      await ui.revealLine(20);
      await ui.waitForSquiggles();
      await ui.quickFixes('Add the Result section');
      await ui.shot();
    },
  },
  {
    name: 'coverage',
    title: 'The STARR Coverage view: a unit, its learning outcomes and criteria, with their state and evidence',
    async run(ui) {
      const { page } = ui;
      await ui.openFile('learner-a', 'courier-sla-recovery.md');
      await ui.command('View: Show STARR Coverage');
      // Wait for the whole sample portfolio (8 accounts) to be in the Accounts view.
      await ui.openView('Accounts');
      await page.waitForFunction(() => {
        const pane = [...globalThis.document.querySelectorAll('.pane')].find((p) => p.querySelector('.pane-header')?.textContent?.includes('Accounts'));
        return (pane?.querySelectorAll('.pane-body .monaco-list-row').length ?? 0) >= 8;
      }, undefined, { timeout: 120_000 });
      // Give the coverage tree the whole side bar, and make the side bar wide enough to read.
      await page.locator('.pane-header', { hasText: 'Accounts' }).first().click();
      const bar = await page.locator('.part.sidebar').boundingBox();
      if (bar) {
        await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
        await page.mouse.down();
        await page.mouse.move(bar.x + bar.width + 330, bar.y + bar.height / 2, { steps: 8 });
        await page.mouse.up();
      }
      for (const other of ['Feedback']) {
        const header = page.locator('.part.sidebar .pane-header', { hasText: other }).first();
        if ((await header.count()) && (await header.getAttribute('aria-expanded')) === 'true') await header.click();
      }
      const rows = await ui.openView('Criteria coverage');
      // Only the partnerships unit open, with the accounts evidencing 2.3.
      await page.locator('.pane-header', { hasText: 'Criteria coverage' }).first().hover();
      await page.locator('.pane-header [aria-label^="Collapse All"]').first().click();
      await rows.filter({ hasText: 'CS3-SP —' }).first().click();
      for (const lo of ['LO 3:', 'LO 2:', 'LO 1:']) await rows.filter({ hasText: lo }).first().click();
      await rows.filter({ hasText: '2.3 Work with a partner' }).first().click();
      await rows.filter({ hasText: 'Restoring a courier partner' }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: '3.2 Evaluate how your work' }).first().hover();
      await page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'State:' }).first().waitFor({ timeout: 15_000 }).catch(() => {});
      await ui.shot();
    },
  },
  {
    name: 'rule-page',
    title: 'A rule\'s page, bundled with the extension, opened from the Problems panel as a Markdown preview',
    async run(ui) {
      const { page } = ui;
      await ui.openFile('learner-c', 'assembly-partner-missed-visit.md');
      await ui.openProblems();
      await ui.waitForProblem('looks like a real person');
      // The rule id after each problem is a link: click it, as a learner would.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'looks like a real person' }).first().locator('a.monaco-link').first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'personal-data' }).first().waitFor({ timeout: 30_000 });
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
      await frame.locator('h1', { hasText: 'personal-data' }).first().waitFor({ timeout: 30_000 });
      await ui.shot();
    },
  },
  {
    name: 'new-account',
    title: 'New reflective account asks for the learner id; a template is listed apart in the quality report',
    async run(ui) {
      const { page } = ui;
      await ui.openFile('learner-a', 'courier-sla-recovery.md');
      // The status bar item shows once the extension has started.
      await page.locator('.statusbar-item', { hasText: 'STARR' }).first().waitFor({ timeout: 120_000 });
      await ui.command('STARR: New reflective account');
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget', { hasText: 'New reflective account (1/5)' }).first().waitFor({ timeout: 60_000 });
      await input.fill('Helping a customer whose refund went missing');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'learner' }).first().waitFor({ timeout: 10_000 });
      await ui.shot('new-account-learner.png');
      // Leave it empty, as a learner in a hurry might: the account is then not counted until it is filled in.
      await page.keyboard.press('Enter');
      for (const step of ['(3/5)', '(4/5)']) {
        await page.locator('.quick-input-widget', { hasText: step }).first().waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
      }
      await page.locator('.quick-input-widget', { hasText: '(5/5)' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'helping-a-customer' }).first().waitFor({ timeout: 30_000 });
      await ui.command('STARR: Quality report');
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
      await frame.locator('#templates-h').waitFor({ timeout: 120_000 });
      await frame.locator('#summary').evaluate((el) => el.scrollIntoView());
      await ui.shot('report-not-counted.png');
    },
  },
  {
    name: 'walkthrough',
    title: 'The walkthrough: an account created from it, then Show problems from the Welcome page; both steps ticked',
    async run(ui) {
      const { page } = ui;
      await ui.openFile('learner-a', 'courier-sla-recovery.md');
      await ui.command('Welcome: Open Walkthrough...');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with STARR Reflect' }).first().click();
      const steps = page.locator('.gettingStartedContainer');
      await steps.locator('.getting-started-step', { hasText: 'Create a reflective account' }).first().waitFor({ timeout: 30_000 });
      // Step 1: its button runs New reflective account; answer as a learner would.
      await steps.locator('.getting-started-step', { hasText: 'Create a reflective account' }).first().click();
      await steps.getByRole('button', { name: 'New reflective account' }).first().click();
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget', { hasText: '(1/5)' }).first().waitFor({ timeout: 10_000 });
      await input.fill('Sorting out a double-booked repair visit');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: '(2/5)' }).first().waitFor({ timeout: 10_000 });
      await input.fill('L-014');
      await page.keyboard.press('Enter');
      for (const step of ['(3/5)', '(4/5)', '(5/5)']) {
        await page.locator('.quick-input-widget', { hasText: step }).first().waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
      }
      await page.locator('.tabs-container .tab.active', { hasText: 'sorting-out-a-double-booked' }).first().waitFor({ timeout: 30_000 });
      // Back to the Welcome page, and step 2 from there.
      await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click();
      await steps.locator('.getting-started-step', { hasText: 'Read a diagnostic' }).first().click();
      await steps.getByRole('button', { name: 'Show problems for this file' }).first().click();
      await page.locator('.quick-input-widget', { hasText: 'problem' }).first().waitFor({ timeout: 30_000 });
      await ui.shot('walkthrough-problems.png');
      await page.keyboard.press('Escape');
      await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click();
      await steps.locator('.getting-started-step', { hasText: 'Read a diagnostic' }).first().waitFor({ timeout: 10_000 });
      await ui.shot();
    },
  },
  // feedback-author, feedback-thread, quality-report
  ...FEEDBACK_SHOTS,
];

const argv = process.argv.slice(2);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
if (argv.includes('--list')) {
  for (const s of SHOTS) process.stdout.write(`${s.name.padEnd(20)} ${s.title}\n`);
  process.exit(0);
}
const only = option('--only')?.split(',').map((s) => s.trim()).filter(Boolean);
const outDir = resolve(ROOT, option('--out') ?? 'docs/images');
const workspace = resolve(ROOT, option('--workspace') ?? 'examples/portfolio');
const selected = only ? SHOTS.filter((s) => only.includes(s.name)) : SHOTS;
if (only && selected.length !== only.length) {
  process.stderr.write(`Unknown shot name(s): ${only.filter((n) => !SHOTS.some((s) => s.name === n)).join(', ')}. Try --list.\n`);
  process.exit(2);
}

/** What a shot can do: plain UI steps that wait on the DOM, never on fixed sleeps. */
function makeUi(page, name) {
  const ui = {
    page,
    /** Expands folders and opens the file by clicking it in the Explorer. */
    async openFile(...segments) {
      const rows = page.locator('.explorer-folders-view .monaco-list-row');
      await rows.first().waitFor({ timeout: 60_000 });
      for (const [i, seg] of segments.entries()) {
        const row = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
        await row.waitFor({ timeout: 30_000 });
        const last = i === segments.length - 1;
        if (!last && (await row.getAttribute('aria-expanded')) === 'true') continue;
        await row.click();
        if (last) {
          await page.locator('.tabs-container .tab.active', { hasText: seg }).waitFor({ timeout: 30_000 });
          // Focus the editor text so later keyboard shortcuts go to the workbench, not the tree.
          await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
        } else {
          await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: 10_000 });
        }
      }
    },
    async waitForSquiggles() {
      await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first().waitFor({ timeout: 60_000 });
    },
    async openProblems() {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').first().waitFor({ timeout: 30_000 });
    },
    async waitForProblem(text) {
      await page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 60_000 });
    },
    /** Opens the quick-fix menu (Ctrl+.) at the cursor and waits for an entry. */
    async quickFixes(entry) {
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget .monaco-list-row', { hasText: entry }).first().waitFor({ timeout: 30_000 });
    },
    /** Runs a command from the Command Palette by its title. */
    async command(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
    },
    /** Scrolls the active editor to a 1-based line and puts the cursor there. */
    async revealLine(line) {
      await page.keyboard.press('Control+g');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`:${line}`);
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
    },
    /** Expands a view by its header title (e.g. "Criteria coverage") and returns its rows. */
    async openView(title) {
      const header = page.locator('.pane-header', { hasText: title }).first();
      await header.waitFor({ timeout: 30_000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const rows = page.locator('.pane', { has: header }).locator('.pane-body .monaco-list-row');
      await rows.first().waitFor({ timeout: 30_000 });
      return rows;
    },
    async shot(file = `${name}.png`) {
      // Let the workbench finish its current frame of layout, then capture.
      await page.evaluate(() => new Promise((r) => globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(r))));
      const path = join(outDir, file);
      await page.screenshot({ path });
      say(`saved ${path}`);
      return path;
    },
  };
  return ui;
}

let host;
let browser;
let code = 0;
try {
  if (!argv.includes('--no-build')) build();
  mkdirSync(outDir, { recursive: true });
  const tools = ensureTools();
  for (const shot of selected) {
    // A fresh code-server, workspace copy and browser per shot: no editors or panels left over from the last one.
    host = await startHost({ tools, workspace, keep: argv.includes('--keep'), settings: { 'editor.stickyScroll.enabled': false, 'workbench.editor.enablePreview': false } });
    browser = await launchBrowser(host, { viewport: { width: 1440, height: 900 } });
    const { page } = browser;
    await page.goto(workbenchUrl(host));
    // Toasts (offline gallery lookups and the like) would cover the screenshot.
    await page.addStyleTag({ content: '.notifications-toasts, .notification-toast-container { display: none !important; }' });
    say(`shot "${shot.name}": ${shot.title}`);
    try {
      await shot.run(makeUi(page, shot.name));
    } catch (e) {
      code = 1;
      const failed = join(outDir, `${shot.name}.failed.png`);
      await page.screenshot({ path: failed }).catch(() => {});
      process.stderr.write(`[vscode-test] shot "${shot.name}" FAILED: ${e.message.split('\n')[0]} (page as it was: ${failed})\n`);
    }
    await browser.context.close();
    browser = undefined;
    await host.stop();
    host.cleanup();
    host = undefined;
  }
} catch (e) {
  code = 1;
  process.stderr.write(`\n[vscode-test] FAILED: ${e instanceof SetupError ? e.message : e.stack}\n`);
} finally {
  await browser?.context.close().catch(() => {});
  await host?.stop();
  host?.cleanup();
}
process.exit(code);
