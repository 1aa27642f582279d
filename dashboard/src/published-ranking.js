// The monthly school ranking of a region (SPEC §6), for a chosen month among the twelve before the live
// date's: published once the month's last day leaves the grace window, provisional until then.
import { byTestId, el, setText } from './dom.js';
import { language, t } from './i18n.js';
import { score } from './format.js';
import { getJson, latestOnly } from './api.js';
import { renderRanking } from './ranking-table.js';

const LIMIT = 20;
const MONTHS = 12;

export class PublishedRanking {
  #regionId = null;
  #liveDate = null;
  #entries = null;
  #provisional = null;
  #latest = latestOnly();

  constructor(root) {
    this.month = byTestId('published-month', root);
    this.tbody = root.querySelector('tbody');
    this.error = root.querySelector('.panel-error');
    this.status = byTestId('published-status', root);
    this.month.addEventListener('change', () => this.load());
  }

  /** Shows regionId's ranking; the month is the one before the live date's until another is chosen. */
  show(regionId, liveDate) {
    const monthsMoved = liveDate.slice(0, 7) !== this.#liveDate?.slice(0, 7);
    this.#liveDate = liveDate;
    if (monthsMoved) {
      this.#fillMonths();
    }
    if (regionId !== this.#regionId || monthsMoved) {
      this.#regionId = regionId;
      this.load();
    }
  }

  async load() {
    if (!this.#regionId || !this.month.value) {
      return;
    }
    try {
      const answer = await this.#latest(() => getJson(`api/leaderboards/${encodeURIComponent(this.#regionId)}`, {
        kind: 'schools', period: 'month', date: `${this.month.value}-01`, limit: LIMIT,
      }));
      if (answer) {
        this.#entries = answer.result.entries;
        this.#provisional = answer.result.provisional;
        setText(this.error, '');
        this.#renderRows();
      }
    } catch (error) {
      setText(this.error, t('loadFailed', { error: error.message }));
    }
  }

  /** Everything again, in the chosen language. */
  render() {
    this.#fillMonths();
    this.#renderRows();
  }

  #renderRows() {
    const month = this.month.value ? monthName(this.month.value) : '';
    const status = this.#provisional === null || !month ? '' : t(this.#provisional ? 'published.provisional' : 'published.final', { month });
    setText(this.status, status);
    this.status.classList.toggle('provisional', this.#provisional === true);
    renderRanking(this.tbody, this.#entries, {
      rowTestId: 'published-ranking-row',
      emptyText: this.month.value ? t('published.none', { month: monthName(this.month.value) }) : t('empty'),
      columns: [
        { className: 'rank', text: (r) => String(r.rank) },
        { className: 'name', text: (r) => r.name },
        { className: 'score', text: (r) => score(r.score) },
      ],
    });
  }

  #fillMonths() {
    if (!this.#liveDate) {
      return;
    }
    const months = closedMonths(this.#liveDate);
    const selected = months.includes(this.month.value) ? this.month.value : months[0];
    this.month.replaceChildren(...months.map((m) => el('option', { value: m }, monthName(m))));
    this.month.value = selected;
  }
}

/** The MONTHS months before date's, newest first, as YYYY-MM. */
function closedMonths(date) {
  const [year, month] = date.split('-').map(Number);
  return Array.from({ length: MONTHS }, (_, back) => {
    const index = year * 12 + (month - 1) - (back + 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function monthName(yearMonth) {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(language(), { year: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, 1)));
}
