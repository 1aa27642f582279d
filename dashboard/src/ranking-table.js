// A ranking as table rows keyed by member id. Rows are reused, so a member that moves slides to its new
// place (FLIP) and a row whose figures changed flashes; new rows fade in.
import { el, setText } from './dom.js';
import { t } from './i18n.js';

const CHANGED = 'row-changed';
const ENTERED = 'row-entered';

/**
 * columns: [{ className, text: (row) => string }]; rowTestId names every row for the tests.
 * emptyText: what a ranking with no rows says.
 */
export function renderRanking(tbody, rows, { columns, rowTestId, emptyText = t('empty') }) {
  const before = new Map();
  for (const tr of tbody.querySelectorAll('tr[data-id]')) {
    before.set(tr.dataset.id, tr.getBoundingClientRect().top);
  }
  if (!rows || rows.length === 0) {
    tbody.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: columns.length }, emptyText)));
    return;
  }
  const existing = new Map([...tbody.querySelectorAll('tr[data-id]')].map((tr) => [tr.dataset.id, tr]));
  const ordered = rows.map((row) => {
    let tr = existing.get(row.id);
    const fresh = !tr;
    if (fresh) {
      tr = el('tr', { 'data-id': row.id, 'data-testid': rowTestId }, ...columns.map((c) => el('td', { class: c.className })));
    }
    let changed = false;
    columns.forEach((column, i) => {
      const cell = tr.children[i];
      const text = column.text(row);
      if (cell.textContent !== text) {
        changed = changed || !fresh;
        setText(cell, text);
      }
    });
    tr.dataset.rank = String(row.rank);
    if (fresh && before.size > 0) {
      flash(tr, ENTERED);
    } else if (changed) {
      flash(tr, CHANGED);
    }
    return tr;
  });
  tbody.replaceChildren(...ordered);
  for (const tr of ordered) {
    const top = before.get(tr.dataset.id);
    const moved = top === undefined ? 0 : top - tr.getBoundingClientRect().top;
    if (moved !== 0 && tr.animate) {
      tr.animate([{ transform: `translateY(${moved}px)` }, { transform: 'none' }], { duration: 400, easing: 'ease-out' });
    }
  }
}

/** Restarts a CSS animation class on an element. */
function flash(element, className) {
  element.classList.remove(CHANGED, ENTERED);
  void element.offsetWidth; // a reflow, so that the animation starts again
  element.classList.add(className);
}
