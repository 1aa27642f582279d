// A ranking as table rows keyed by member id. Rows are reused and put straight into their new places: a
// row whose figures or place changed flashes its background, nothing slides or fades. (Sliding rows under
// pushes once a second drew two rows in one place and left others blank for a moment: a flash cannot.)
import { el, setText } from './dom.js';
import { t } from './i18n.js';

const CHANGED = 'row-changed';

/**
 * columns: [{ className, text: (row) => string, note?: (row, index, rows) => string }], a note being a
 * second, smaller line in the cell; rowTestId names every row for the tests.
 * emptyText: what a ranking with no rows says.
 */
export function renderRanking(tbody, rows, { columns, rowTestId, emptyText = t('empty') }) {
  if (!rows || rows.length === 0) {
    tbody.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: columns.length }, emptyText)));
    return;
  }
  const existing = new Map([...tbody.querySelectorAll('tr[data-id]')].map((tr) => [tr.dataset.id, tr]));
  const placeBefore = new Map([...existing.keys()].map((id, i) => [id, i]));
  const ordered = rows.map((row, index) => {
    let tr = existing.get(row.id);
    const fresh = !tr;
    if (fresh) {
      tr = el('tr', { 'data-id': row.id, 'data-testid': rowTestId }, ...columns.map((c) => el('td', { class: c.className })));
    }
    let changed = !fresh && placeBefore.get(row.id) !== index;
    columns.forEach((column, i) => {
      changed = fill(tr.children[i], column.text(row), column.note?.(row, index, rows) ?? '') && !fresh || changed;
    });
    tr.dataset.rank = String(row.rank);
    if (changed || (fresh && existing.size > 0)) {
      flash(tr);
    }
    return tr;
  });
  tbody.replaceChildren(...ordered);
}

/** Sets a cell's text and note; true when either changed. */
function fill(cell, text, note) {
  const [main, small] = [cell.firstChild, cell.querySelector('small')];
  if ((main?.nodeType === Node.TEXT_NODE ? main.data : '') === text && (small?.textContent ?? '') === note) {
    return false;
  }
  cell.replaceChildren(text, ...(note ? [el('small', { class: 'cell-note' }, note)] : []));
  return true;
}

/** Restarts the flash on a row. */
function flash(element) {
  element.classList.remove(CHANGED);
  void element.offsetWidth; // a reflow, so that the animation starts again
  element.classList.add(CHANGED);
}
