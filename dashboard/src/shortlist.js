// A city's quota shortlist (SPEC §6): its live best N teacher spaces, digital micro-schools or club
// spaces. The city follows the chosen region (its own city), or is picked here under a province. Pushed
// updates refresh it over HTTP, at most once every REFRESH_MS (the last of a burst is never lost).
import { byTestId, el, setText } from './dom.js';
import { t } from './i18n.js';
import { number, score } from './format.js';
import { getJson, latestOnly } from './api.js';
import { renderRanking } from './ranking-table.js';

const KINDS = ['teacher-spaces', 'digital-schools', 'club-spaces'];
const REFRESH_MS = 5000;

export class Shortlist {
  #page = null;
  #loadedAt = 0;
  #refreshTimer = null;
  #latest = latestOnly();

  constructor(root, picker) {
    this.picker = picker;
    this.city = byTestId('shortlist-city', root);
    this.kind = byTestId('shortlist-kind', root);
    this.tbody = root.querySelector('tbody');
    this.count = root.querySelector('.panel-note');
    this.error = root.querySelector('.panel-error');
    this.city.addEventListener('change', () => this.load());
    this.kind.addEventListener('change', () => this.load());
    this.#fillKinds();
  }

  /** Follows the chosen region: its city when it has one, else the city picked here (the first at first). */
  show(regionId) {
    const cities = this.picker.cities;
    const own = this.picker.cityOf(regionId)?.id;
    const keep = own ?? (cities.some((c) => c.id === this.city.value) ? this.city.value : cities[0]?.id);
    this.city.replaceChildren(...cities.map((c) => el('option', { value: c.id }, c.name)));
    this.city.value = keep ?? '';
    this.city.disabled = Boolean(own) || cities.length === 0; // a county's token sees no city
    this.load();
  }

  /** A pushed update says figures moved: load again unless that was done a moment ago. */
  refresh() {
    if (this.#refreshTimer !== null) {
      return;
    }
    const wait = Math.max(0, this.#loadedAt + REFRESH_MS - Date.now());
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      this.load();
    }, wait);
  }

  async load() {
    this.#loadedAt = Date.now();
    if (!this.city.value) {
      this.#page = null;
      this.#renderRows();
      return;
    }
    try {
      const answer = await this.#latest(() =>
        getJson(`api/shortlists/${encodeURIComponent(this.city.value)}`, { kind: this.kind.value }));
      if (answer) {
        this.#page = answer.result;
        setText(this.error, '');
        this.#renderRows();
      }
    } catch (error) {
      setText(this.error, t('loadFailed', { error: error.message }));
    }
  }

  /** Everything again, in the chosen language. */
  render() {
    this.#fillKinds();
    this.#renderRows();
  }

  #renderRows() {
    const entries = this.#page?.entries ?? [];
    setText(this.count, this.#page ? t('shortlist.count', { shown: number(entries.length), total: number(this.#page.total) }) : '');
    renderRanking(this.tbody, this.#page ? entries : [], {
      rowTestId: 'shortlist-row',
      emptyText: this.city.value ? t('empty') : t('shortlist.noCity'),
      columns: [
        { className: 'rank', text: (r) => String(r.rank) },
        { className: 'name', text: (r) => r.name },
        { className: 'score', text: (r) => score(r.score) },
      ],
    });
  }

  #fillKinds() {
    const selected = this.kind.value || KINDS[0];
    this.kind.replaceChildren(...KINDS.map((k) => el('option', { value: k }, t(`shortlist.${k}`))));
    this.kind.value = selected;
  }
}
