// The report webview's script, as text: sortable headers (buttons, so the keyboard reaches them), a filter,
// and messages to the extension to filter, open an account or export. Runs under a nonce-based CSP.
export const webviewScript = `
(function () {
  const vscode = acquireVsCodeApi();
  const table = document.getElementById('accounts');
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const filter = document.getElementById('filter');
  const count = document.getElementById('count');
  const headers = Array.from(table.tHead.rows[0].cells);

  function showCount() {
    const shown = rows.filter(function (r) { return !r.hidden; }).length;
    count.textContent = shown === rows.length ? rows.length + ' accounts' : shown + ' of ' + rows.length + ' accounts';
  }

  headers.forEach(function (th, col) {
    const label = th.textContent;
    th.textContent = '';
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'sort';
    b.textContent = label;
    b.setAttribute('aria-label', 'Sort by ' + label);
    th.appendChild(b);
    th.setAttribute('aria-sort', 'none');
    b.addEventListener('click', function () {
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const numeric = th.dataset.type === 'number';
      const key = function (r) {
        const c = r.cells[col];
        const v = c.dataset.sort !== undefined ? c.dataset.sort : c.textContent.trim();
        return numeric || c.dataset.sort !== undefined ? Number(v) : v.toLowerCase();
      };
      rows.sort(function (a, b) {
        const x = key(a), y = key(b);
        const d = typeof x === 'number' ? x - y : x.localeCompare(y, 'en', { numeric: true });
        return asc ? d : -d;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });

  // The extension filters, so the summary above can be recounted over the accounts shown.
  filter.addEventListener('input', function () {
    vscode.postMessage({ type: 'filter', text: filter.value });
  });

  window.addEventListener('message', function (e) {
    const m = e.data;
    if (!m || m.type !== 'filtered') return;
    const keep = new Set(m.uris);
    rows.forEach(function (r) { r.hidden = !keep.has(r.dataset.uri); });
    document.getElementById('summary').innerHTML = m.summary;
    showCount();
  });

  document.addEventListener('click', function (e) {
    const t = e.target.closest('[data-action], a.open, tbody tr');
    if (!t) return;
    if (t.matches('a.open')) {
      e.preventDefault();
      vscode.postMessage({ type: 'open', uri: t.dataset.uri });
    } else if (t.dataset.action) {
      vscode.postMessage({ type: t.dataset.action, format: t.dataset.format });
    } else if (t.matches('tbody tr') && !e.target.closest('a, button')) {
      vscode.postMessage({ type: 'open', uri: t.dataset.uri });
    }
  });

  showCount();
})();
`;
