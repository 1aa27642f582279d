// The period buttons (今天, 本月, 本年). The dashboard opens on today, whose figures move from the first
// event of the morning, unless the address names a period or the bureau chose one before: its last
// choice is remembered in localStorage. Beside each period stands what makes a teacher an active space
// in it (the silo's thresholds come with every message).
import { setText } from './dom.js';
import { t } from './i18n.js';
import { number } from './format.js';

export const PERIODS = ['day', 'month', 'year'];
const STORAGE_KEY = 'zhijiang.dashboard.period';

export class PeriodPicker {
  #period;
  #thresholds = null;

  /** root holds the [data-period] buttons; onPick hears of a new choice. */
  constructor(root, addressPeriod, onPick) {
    this.buttons = [...root.querySelectorAll('[data-period]')];
    this.#period = [addressPeriod, stored()].find((p) => PERIODS.includes(p)) ?? 'day';
    for (const button of this.buttons) {
      button.addEventListener('click', () => {
        if (button.dataset.period !== this.#period) {
          this.#period = button.dataset.period;
          remember(this.#period);
          this.render();
          onPick(this.#period);
        }
      });
    }
  }

  get period() {
    return this.#period;
  }

  /** { day, month, year }: the score from which a teacher counts as active in each period. */
  showThresholds(thresholds) {
    this.#thresholds = thresholds ?? this.#thresholds;
    this.render();
  }

  render() {
    for (const button of this.buttons) {
      const period = button.dataset.period;
      button.setAttribute('aria-pressed', String(period === this.#period));
      const threshold = this.#thresholds?.[period];
      setText(button.querySelector('.period-threshold'),
        threshold == null ? '' : t('period.threshold', { threshold: number(threshold) }));
    }
  }
}

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage switched off: today
  }
}

function remember(period) {
  try {
    localStorage.setItem(STORAGE_KEY, period);
  } catch {
    // not remembered, still switched
  }
}
