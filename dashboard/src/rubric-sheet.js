// One candidate's rubric sheet (评分表): the rubric's items by group, each with what the platform measured, its
// points against its cap and what the next point still needs; items that experts score say whether their
// points are entered, and take them here (POST .../expert-scores).
import { byTestId, el, setText } from './dom.js';
import { hasText, t } from './i18n.js';
import { day, number, points as pointsText } from './format.js';
import { getJson, latestOnly, postJson } from './api.js';
import { loadSchoolNames, schoolName } from './school-names.js';

export class RubricSheet {
  #open = null; // { rubric, year, teacherId }
  #sheet = null;
  #error = '';
  #notice = '';
  #latest = latestOnly();

  /** onScored hears of expert points taken: the ranking moves with them. */
  constructor(root, onScored) {
    this.root = root;
    this.onScored = onScored;
    this.title = byTestId('rubric-sheet-title', root);
    this.summary = byTestId('rubric-sheet-summary', root);
    this.error = byTestId('rubric-sheet-error', root);
    this.notice = byTestId('rubric-sheet-notice', root);
    this.tbody = root.querySelector('tbody');
    byTestId('rubric-sheet-close', root).addEventListener('click', () => this.close());
    this.tbody.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#enter(event.target);
    });
  }

  get teacherId() {
    return this.#open?.teacherId ?? null;
  }

  /** rubric: the rubric's entry of GET /api/evaluations. */
  open(rubric, year, teacherId) {
    this.#open = { rubric, year, teacherId };
    this.#sheet = null;
    this.#error = '';
    this.#notice = '';
    this.root.hidden = false;
    this.render();
    return this.reload();
  }

  close() {
    this.#open = null;
    this.#sheet = null;
    this.root.hidden = true;
  }

  async reload() {
    const open = this.#open;
    if (!open) {
      return;
    }
    try {
      const answer = await this.#latest(async () => {
        const sheet = await getJson(`${base(open)}/candidates/${encodeURIComponent(open.teacherId)}`);
        await loadSchoolNames([sheet.schoolId]);
        return sheet;
      });
      if (answer && open === this.#open) {
        this.#sheet = answer.result;
        this.#error = '';
        this.render();
      }
    } catch (error) {
      if (open === this.#open) {
        if (error.status === 404) {
          this.#sheet = null; // not a candidate any more: its figures of before would mislead
        }
        this.#error = t('loadFailed', { error: error.message });
        this.render();
      }
    }
  }

  /** Everything again, in the chosen language; points being typed in are kept. */
  render() {
    if (!this.#open) {
      return;
    }
    const sheet = this.#sheet;
    setText(this.error, this.#error);
    setText(this.notice, this.#notice);
    setText(this.title, sheet ? `${sheet.name} · ${schoolName(sheet.schoolId)}` : this.#open.teacherId);
    this.summary.replaceChildren(...(sheet ? summaryOf(sheet, this.#open.rubric) : []));
    const typing = this.#typedPoints();
    this.tbody.replaceChildren(...(sheet ? rowsOf(sheet.items) : []));
    for (const [itemId, value] of typing) {
      const input = this.tbody.querySelector(`tr[data-id="${CSS.escape(itemId)}"] input`);
      if (input) input.value = value;
    }
  }

  #typedPoints() {
    return [...this.tbody.querySelectorAll('input')]
      .filter((input) => input.value !== input.defaultValue)
      .map((input) => [input.closest('tr').dataset.id, input.value]);
  }

  async #enter(form) {
    const open = this.#open;
    const itemId = form.closest('tr').dataset.id;
    const points = Number(form.elements.points.value);
    const item = this.#sheet?.items.find((i) => i.id === itemId);
    try {
      const reply = await postJson(`${base(open)}/expert-scores`, { scores: [{ teacherId: open.teacherId, itemId, points }] });
      form.elements.points.value = form.elements.points.defaultValue; // taken or refused: the sheet says which
      await this.reload();
      if (open !== this.#open) {
        return;
      }
      const rejection = reply.rejections[0];
      this.#error = rejection ? t('sheet.saveFailed', { error: rejection.detail }) : this.#error;
      this.#notice = rejection ? '' : t('sheet.saved', { name: item?.name ?? itemId, points: pointsText(points) });
      this.render();
      if (!rejection) {
        this.onScored();
      }
    } catch (error) {
      this.#error = t('sheet.saveFailed', { error: error.message });
      this.render();
    }
  }
}

function base({ rubric, year }) {
  return `api/evaluations/${encodeURIComponent(rubric.id)}/${year}`;
}

function summaryOf(sheet, rubric) {
  return [
    el('span', { 'data-testid': 'rubric-sheet-total', class: 'sheet-total' }, t('sheet.total', { total: pointsText(sheet.total), max: pointsText(rubric.total) })),
    el('span', { 'data-testid': 'rubric-sheet-rank' }, t('sheet.rank', { rank: number(sheet.rank), n: number(sheet.candidates) })),
    sheet.tier ? el('span', { 'data-testid': 'rubric-sheet-tier', class: 'tier' }, sheet.tier) : null,
    sheet.registeredFrom ? el('span', {}, t('sheet.registered', { date: day(sheet.registeredFrom) })) : null,
  ];
}

/** The items in the rubric's order, a heading row with the group's points before each group. */
function rowsOf(items) {
  const groups = new Map();
  for (const item of items) {
    groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  }
  return [...groups].flatMap(([group, members]) => [
    el('tr', { class: 'sheet-group', 'data-testid': 'rubric-sheet-group' },
      el('th', { colspan: 2 }, group),
      el('th', { class: 'score' }, pointsOf(sum(members, 'points'), sum(members, 'cap'))),
      el('th', { colspan: 2 })),
    ...members.map(itemRow),
  ]);
}

function itemRow(item) {
  const expertParts = item.parts.filter((p) => p.expert);
  const expert = expertParts.length === 0 ? null : expertParts.every((p) => p.entered) ? 'entered' : 'missing';
  return el('tr', { 'data-testid': 'rubric-sheet-item', 'data-id': item.id, 'data-group': item.group, 'data-expert': expert ?? undefined },
    el('td', { class: 'name' }, item.name),
    el('td', { class: 'measured' }, measuredOf(item)),
    el('td', { class: 'score' }, pointsOf(item.points, item.cap)),
    el('td', { class: 'next' }, nextOf(item)),
    el('td', { class: 'scoring' }, ...scoringOf(item, expertParts)));
}

function measuredOf(item) {
  const measured = item.parts.filter((p) => p.measure && p.measured != null);
  if (measured.length === 0) {
    return item.measured == null ? '' : number(item.measured);
  }
  return measured.map((p) => `${measureName(p.measure)} ${number(p.measured)}`).join(' · ');
}

function nextOf(item) {
  if (item.next) {
    return t('sheet.nextMissing', { more: number(item.next.more), measure: measureName(item.next.measure) });
  }
  return item.points >= item.cap ? t('sheet.full') : '';
}

function scoringOf(item, expertParts) {
  const fromEvents = item.parts.some((p) => !p.expert) ? [el('span', { class: 'from-events' }, t('sheet.fromEvents'))] : [];
  return [...fromEvents, ...expertParts.map((part) => {
    const status = part.entered ? t('sheet.entered') : t('sheet.notEntered');
    const label = t('sheet.enter', { max: pointsText(part.max) });
    return el('span', { class: 'expert', 'data-entered': String(part.entered) },
      el('span', { class: 'expert-status' }, `${t('sheet.expert')} · ${status}`),
      el('form', { class: 'expert-entry', 'data-testid': 'expert-entry' },
        el('input', { name: 'points', type: 'number', min: 0, max: part.max, step: 'any', required: true, 'aria-label': label, title: label }),
        el('button', { type: 'submit' }, t('sheet.save'))));
  })];
}

function measureName(measure) {
  return hasText(`measure.${measure}`) ? t(`measure.${measure}`) : measure;
}

function pointsOf(points, cap) {
  return `${pointsText(points)} / ${pointsText(cap)}`;
}

function sum(items, field) {
  return items.reduce((total, item) => total + item[field], 0);
}
