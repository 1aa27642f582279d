// The 评优 view: the candidates of the chosen region ranked by an evaluation rubric and year, and a candidate's
// rubric sheet on a click. Evaluation figures are not pushed over the hub, so the ranking (and the open sheet)
// is asked for again every REFRESH_MS while the view is on screen, and at once with the refresh button.
// The year is the live date's (the silo's) until one is picked.
import { byTestId, el, setText } from './dom.js';
import { t } from './i18n.js';
import { clock, number, points } from './format.js';
import { getJson, latestOnly } from './api.js';
import { renderRanking } from './ranking-table.js';
import { loadSchoolNames, schoolName } from './school-names.js';
import { RubricSheet } from './rubric-sheet.js';

const REFRESH_MS = 30_000;
const LIMIT = 100;
const YEARS_BACK = 4;

const COLUMNS = [
  { className: 'rank', text: (r) => String(r.rank) },
  { className: 'province-rank', text: (r) => String(r.provinceRank) },
  { className: 'name', text: (r) => r.name },
  { className: 'school', text: (r) => schoolName(r.schoolId) },
  { className: 'score', text: (r) => points(r.total) },
  { className: 'tier', text: (r) => r.tier ?? '' },
];

export class EvaluationView {
  #rubrics = null;
  #regionId = null;
  #year;
  #yearPicked;
  #ranking = null;
  #loadedAt = null;
  #timer = null;
  #wantedRubric;
  #latest = latestOnly();

  /** wanted: { rubricId, year } from the address, either may be null; onChange hears of a new rubric or year. */
  constructor(root, wanted, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.rubric = byTestId('eval-rubric', root);
    this.yearSelect = byTestId('eval-year', root);
    this.count = byTestId('eval-count', root);
    this.refreshed = byTestId('eval-refreshed', root);
    this.error = byTestId('eval-error', root);
    this.tbody = byTestId('eval-ranking', root).querySelector('tbody');
    this.sheet = new RubricSheet(byTestId('rubric-sheet', root), () => this.load());
    this.#wantedRubric = wanted.rubricId;
    this.#yearPicked = Number.isInteger(wanted.year);
    this.#year = this.#yearPicked ? wanted.year : shanghaiYear();
    this.rubric.addEventListener('change', () => this.#picked());
    this.yearSelect.addEventListener('change', () => {
      this.#yearPicked = true;
      this.#picked();
    });
    byTestId('eval-refresh', root).addEventListener('click', () => this.refresh());
    this.tbody.addEventListener('click', (event) => this.#openRow(event.target.closest('tr[data-id]')));
    this.tbody.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.#openRow(event.target.closest('tr[data-id]'));
      }
    });
    this.#fillYears();
  }

  get rubricId() {
    return this.rubric.value || this.#wantedRubric;
  }

  get year() {
    return this.#year;
  }

  get shown() {
    return !this.root.hidden;
  }

  show() {
    this.root.hidden = false;
    this.#timer ??= setInterval(() => document.hidden || this.refresh(), REFRESH_MS);
    this.load();
  }

  hide() {
    this.root.hidden = true;
    clearInterval(this.#timer);
    this.#timer = null;
  }

  /** The region whose candidates are ranked (the region picker's). */
  follow(regionId) {
    if (regionId !== this.#regionId) {
      this.#regionId = regionId;
      this.sheet.close();
      if (this.shown) this.load();
    }
  }

  /** The silo's date (YYYY-MM-DD): its year is the default. */
  setLiveDate(date) {
    const year = Number(date.slice(0, 4));
    if (this.#yearPicked || year === this.#year) {
      return;
    }
    this.#year = year;
    this.#fillYears();
    this.sheet.close();
    this.onChange();
    if (this.shown) this.load();
  }

  /** The ranking and the open sheet again. */
  refresh() {
    this.load();
    this.sheet.reload();
  }

  async load() {
    if (!this.#regionId || !(await this.#loadRubrics())) {
      return;
    }
    const [rubricId, year, regionId] = [this.rubric.value, this.#year, this.#regionId];
    try {
      const answer = await this.#latest(async () => {
        const ranking = await getJson(`api/evaluations/${encodeURIComponent(rubricId)}/${year}/ranking`, { region: regionId, limit: LIMIT });
        await loadSchoolNames(ranking.entries.map((e) => e.schoolId));
        return ranking;
      });
      if (answer) {
        this.#ranking = answer.result;
        this.#loadedAt = Date.now();
        setText(this.error, '');
        this.#renderRows();
      }
    } catch (error) {
      setText(this.error, t('loadFailed', { error: error.message }));
    }
  }

  /** Everything again, in the chosen language. */
  render() {
    this.#renderRows();
    this.sheet.render();
  }

  /** The rubrics, once; false (and the reason on screen) while they cannot be had. */
  async #loadRubrics() {
    if (this.#rubrics) {
      return true;
    }
    try {
      this.#rubrics = await getJson('api/evaluations');
    } catch (error) {
      setText(this.error, t('loadFailed', { error: error.message }));
      return false;
    }
    const wanted = this.#rubrics.some((r) => r.id === this.#wantedRubric) ? this.#wantedRubric : this.#rubrics[0]?.id;
    this.rubric.replaceChildren(...this.#rubrics.map((r) => el('option', { value: r.id }, `${r.title}（${number(r.total)}）`)));
    this.rubric.value = wanted ?? '';
    this.onChange();
    return Boolean(wanted);
  }

  #picked() {
    this.#year = Number(this.yearSelect.value);
    this.#ranking = null;
    this.sheet.close();
    this.#renderRows();
    this.onChange();
    this.load();
  }

  #openRow(row) {
    const rubric = this.#rubrics?.find((r) => r.id === this.#ranking?.rubricId);
    if (row && rubric) {
      this.sheet.open(rubric, this.#ranking.year, row.dataset.id);
      this.#markOpenRow();
    }
  }

  #renderRows() {
    const ranking = this.#ranking;
    const title = this.#rubrics?.find((r) => r.id === this.rubric.value)?.title ?? '';
    setText(this.count, ranking ? t('eval.count', { shown: number(ranking.entries.length), total: number(ranking.totalCandidates) }) : '');
    setText(this.refreshed, this.#loadedAt ? t('eval.refreshed', { time: clock(this.#loadedAt) }) : '');
    renderRanking(this.tbody, ranking?.entries.map((e) => ({ ...e, id: e.teacherId })), {
      columns: COLUMNS,
      rowTestId: 'eval-ranking-row',
      emptyText: ranking ? t('eval.none', { title, year: ranking.year }) : t('empty'),
    });
    this.#markOpenRow();
  }

  #markOpenRow() {
    for (const row of this.tbody.querySelectorAll('tr[data-id]')) {
      row.tabIndex = 0;
      row.classList.toggle('selected', row.dataset.id === this.sheet.teacherId);
    }
  }

  /** The year shown and the YEARS_BACK before it, and the chosen one whatever it is. */
  #fillYears() {
    const newest = Math.max(this.#year, shanghaiYear());
    const years = Array.from({ length: YEARS_BACK + 1 }, (_, back) => newest - back);
    if (!years.includes(this.#year)) years.push(this.#year);
    this.yearSelect.replaceChildren(...years.map((y) => el('option', { value: y }, String(y))));
    this.yearSelect.value = String(this.#year);
  }
}

function shanghaiYear() {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
}
