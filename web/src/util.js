// Small DOM helpers: the console is plain modules, no framework.
export const esc = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

export const fmt = (n) => (n === null || n === undefined ? '—' : typeof n === 'number' ? n.toLocaleString('zh-CN') : String(n));
export const pct = (share) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`);

/** Runs an async loader into a container, showing loading and error states. */
export async function load(container, work) {
  container.innerHTML = '<p class="muted loading">…</p>';
  try {
    await work(container);
  } catch (error) {
    container.innerHTML = `<p class="error" data-testid="error">${esc(error.message)}</p>`;
  }
}

export function table(headers, rows, attrs = () => '') {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r, i) => `<tr ${attrs(i)}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
