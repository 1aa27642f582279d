// A small element builder and lookups by data-testid, the page's stable names.

/** el('td', { class: 'rank' }, '1') */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter((child) => child !== undefined && child !== null));
  return element;
}

export function byTestId(id, root = document) {
  const element = root.querySelector(`[data-testid="${id}"]`);
  if (!element) {
    throw new Error(`the page has no [data-testid="${id}"]`);
  }
  return element;
}

/** Sets text only when it differs, so that observers (and the tests' MutationObserver) see real changes only. */
export function setText(element, text) {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}
