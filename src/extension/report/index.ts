// The quality-assurance report and spot-check sample, in a webview; export as CSV or standalone HTML.
import * as vscode from 'vscode';
import {
  CriteriaCatalog, buildReport, counted, escapeHtml, filterReport, gapsFromCatalog, renderCsv, renderHtml, renderHtmlBody, renderSummaryHtml, REPORT_CSS, sampleReport,
  type QualityReport, type ReportOptions,
} from '../../core';
import type { Services } from '../services';
import { webviewScript } from './script';

const VIEW_TYPE = 'starr.report';

type Shown = { kind: 'report' } | { kind: 'sample'; size: number; seed: string };

export function register(services: Services): vscode.Disposable[] {
  const { workspace, log } = services;
  let panel: vscode.WebviewPanel | undefined;
  let shown: Shown = { kind: 'report' };
  let current: QualityReport | undefined;
  // What the panel's filter box holds, and the report cut down to it; kept here so a refresh keeps the filter.
  let filterText = '';
  let filtered: QualityReport | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bundled criteria sets give the "criteria gaps per learner"; loaded once, on first use.
  let catalog: CriteriaCatalog | undefined;

  const options = (): ReportOptions => {
    try {
      catalog ??= new CriteriaCatalog();
    } catch (e) {
      log.error('Could not load the bundled criteria sets for the report', e);
    }
    return {
      relative: (u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u), (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
      ...(catalog && catalog.size ? { gaps: gapsFromCatalog(catalog) } : {}),
    };
  };

  const make = async (what: Shown): Promise<QualityReport> => {
    await workspace.ready;
    const all = workspace.index.all();
    return log.time('building the quality report', () =>
      what.kind === 'report' ? buildReport(all, options()) : sampleReport(all, what.size, what.seed, options()).report);
  };

  const applyFilter = (): QualityReport | undefined => {
    if (!current) return (filtered = undefined);
    const byUri = new Map(workspace.index.all().map((s) => [s.uri, s]));
    const summaries = current.rows.flatMap((x) => byUri.get(x.uri) ?? []);
    return (filtered = filterReport(current, summaries, filterText, options()));
  };

  const render = async () => {
    if (!panel) return;
    current = await make(shown);
    applyFilter();
    panel.title = current.title;
    panel.webview.html = html(current, filtered ?? current, filterText);
  };

  // The webview sends its filter box as it changes; the rows to show and the recounted summary go back.
  const setFilter = async (text: string) => {
    filterText = text;
    const r = applyFilter();
    if (r) await panel?.webview.postMessage({ type: 'filtered', uris: r.rows.map((x) => x.uri), summary: renderSummaryHtml(r) });
    return r;
  };

  const show = async (what: Shown) => {
    shown = what;
    filterText = '';
    if (!panel) {
      panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'STARR quality report', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      panel.onDidDispose(() => {
        panel = undefined;
        current = undefined;
        filtered = undefined;
        filterText = '';
      });
      panel.webview.onDidReceiveMessage((m: { type: string; uri?: string; format?: string; text?: string }) => {
        if (m.type === 'filter') void setFilter(m.text ?? '');
        else if (m.type === 'open' && m.uri) void vscode.window.showTextDocument(vscode.Uri.parse(m.uri), { preview: false });
        else if (m.type === 'export' && (m.format === 'csv' || m.format === 'html')) void exportReport(m.format);
        else if (m.type === 'sample') void vscode.commands.executeCommand('starr.report.sample');
        else if (m.type === 'report') void show({ kind: 'report' });
      });
    } else panel.reveal();
    await render();
    return current;
  };

  const exportReport = async (format: 'csv' | 'html', target?: vscode.Uri) => {
    // What the panel shows, filter and all; the whole report when no panel is open.
    const report = filtered ?? current ?? (await make({ kind: 'report' }));
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${report.sample ? 'starr-sample' : 'starr-report'}.${format}`;
    const uri = target ?? (await vscode.window.showSaveDialog({
      title: `Export the ${report.sample ? 'sample' : 'quality report'} as ${format.toUpperCase()}`,
      defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
      filters: format === 'csv' ? { 'CSV (spreadsheet)': ['csv'] } : { 'Web page': ['html', 'htm'] },
    }));
    if (!uri) return undefined;
    const text = format === 'csv' ? renderCsv(report) : renderHtml(report);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!target) void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(uri)}.`);
    return uri;
  };

  const sample = async (size?: number, seed?: string) => {
    await workspace.ready;
    const total = workspace.index.size;
    if (!total) {
      void vscode.window.showInformationMessage('There are no reflective accounts in this workspace to sample yet.');
      return undefined;
    }
    let n = size;
    if (n === undefined) {
      // Templates are never sampled: they are left out of what the prompt counts too.
      const pool = workspace.index.all().filter(counted);
      const learners = new Set(pool.map((s) => s.learner)).size;
      const units = new Set(pool.map((s) => s.unit ?? '')).size;
      const left = total - pool.length;
      if (!pool.length) {
        void vscode.window.showInformationMessage('Every account here is still a template or has no learner id, so there is nothing to sample yet. Fill in the front matter and write the account first.');
        return undefined;
      }
      const answer = await vscode.window.showInputBox({
        title: 'Sample accounts for spot check (1/2)',
        prompt: `How many accounts? There are ${pool.length}, from ${learners} learner${learners === 1 ? '' : 's'} and ${units} unit${units === 1 ? '' : 's'}; ${Math.max(learners, units)} reach every learner and unit.${left ? ` ${left} still ${left === 1 ? 'a template is' : 'templates are'} left out.` : ''}`,
        value: String(Math.min(pool.length, Math.max(learners, units))),
        validateInput: (v) => (/^\s*[1-9]\d*\s*$/.test(v) ? undefined : 'Enter a whole number, such as 5.'),
      });
      if (!answer) return undefined;
      n = Number(answer);
    }
    let s = seed;
    if (s === undefined) {
      s = await vscode.window.showInputBox({
        title: 'Sample accounts for spot check (2/2)',
        prompt: 'A seed: the same seed always picks the same accounts, so you can repeat or show how the sample was drawn.',
        value: new Date().toISOString().slice(0, 10),
        validateInput: (v) => (v.trim() ? undefined : 'Enter any word or number as the seed.'),
      });
      if (!s) return undefined;
    }
    return show({ kind: 'sample', size: n, seed: s.trim() });
  };

  const model = () => (panel && current ? { title: panel.title, viewType: panel.viewType, visible: panel.visible, report: current, shown: filtered ?? current, html: panel.webview.html } : undefined);
  services.probes.reportModel = model;
  services.probes.reportFilter = async (text) => {
    await setFilter(text);
    return model();
  };
  return [
    vscode.commands.registerCommand('starr.report.show', () => show({ kind: 'report' })),
    vscode.commands.registerCommand('starr.report.sample', (size?: number, seed?: string) => sample(size, seed)),
    vscode.commands.registerCommand('starr.report.exportCsv', (target?: vscode.Uri) => exportReport('csv', target)),
    vscode.commands.registerCommand('starr.report.exportHtml', (target?: vscode.Uri) => exportReport('html', target)),
    workspace.onDidChange(() => {
      if (!panel) return;
      clearTimeout(timer);
      timer = setTimeout(() => void render(), 500);
    }),
    { dispose: () => { clearTimeout(timer); panel?.dispose(); } },
  ];
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  // Web Crypto where the host has it (browsers, Node 19+); older Electron hosts fall back to Math.random.
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The webview page: the shared report body, a filter box, sortable headers, and buttons; strict CSP with a nonce. */
function html(r: QualityReport, shown: QualityReport, filter: string): string {
  const n = nonce();
  // No images, fonts or remote files at all: only this page's own style and script, by nonce.
  const csp = `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.title)}</title>
<style nonce="${n}">${REPORT_CSS}
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .75rem 0; }
.toolbar input { min-width: 18rem; padding: .25rem .4rem; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .3rem .8rem; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
th button.sort { all: unset; cursor: pointer; font-weight: 600; }
th button.sort:focus-visible { outline: 2px solid var(--vscode-focusBorder); }
tbody tr:hover { background: var(--vscode-list-hoverBackground); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(r.title)}</h1>
<p class="meta">Generated ${escapeHtml(new Date(r.generated).toLocaleString('en-GB'))}.</p>
<div class="toolbar" role="toolbar" aria-label="Report actions">
  <label for="filter">Filter</label>
  <input id="filter" type="search" placeholder="Learner, unit, status, title…" aria-describedby="count" value="${escapeHtml(filter)}">
  <span id="count" aria-live="polite"></span>
  ${r.sample ? '<button type="button" data-action="report" class="secondary">Show all accounts</button>' : ''}
  <button type="button" data-action="sample" class="secondary">${r.sample ? 'New sample…' : 'Sample for spot check…'}</button>
  <button type="button" data-action="export" data-format="csv">Export CSV…</button>
  <button type="button" data-action="export" data-format="html">Export HTML…</button>
</div>
${renderHtmlBody(r, { links: true, filtered: shown })}
</main>
<script nonce="${n}">${webviewScript}</script>
</body>
</html>`;
}
