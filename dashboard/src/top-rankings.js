// The subscription's top teachers and top schools tables. Tied members share a rank (1, 2, 2, 4); the first
// of a tie says how many share it in all (not only those listed), and a last column gives each member's
// score in the tie-break period (the month's, or the year's when the view is the month) to tell them apart.
import { byTestId, setText } from './dom.js';
import { t } from './i18n.js';
import { score } from './format.js';
import { renderRanking } from './ranking-table.js';

const tieNote = (kind) => (row, index, rows) =>
  row.tied > 1 && (index === 0 || rows[index - 1].rank !== row.rank) ? t(`tie.${kind}`, { rank: row.rank, n: row.tied }) : '';

const rank = (kind) => ({ className: 'rank', text: (r) => String(r.rank), note: tieNote(kind) });
const tieBreak = { className: 'tie-break', text: (r) => (r.tieBreak == null ? '' : score(r.tieBreak)) };

const TEACHER_COLUMNS = [
  rank('teachers'),
  { className: 'name', text: (r) => r.name },
  { className: 'school', text: (r) => r.school },
  { className: 'county', text: (r) => r.county },
  { className: 'score', text: (r) => score(r.score) },
  tieBreak,
];

const SCHOOL_COLUMNS = [
  rank('schools'),
  { className: 'name', text: (r) => r.name },
  { className: 'county', text: (r) => r.county },
  { className: 'score', text: (r) => score(r.score) },
  tieBreak,
];

export function renderTopTeachers(rows, tieBreakPeriod) {
  render('top-teachers', 'teachers', rows, TEACHER_COLUMNS, tieBreakPeriod);
}

export function renderTopSchools(rows, tieBreakPeriod) {
  render('top-schools', 'schools', rows, SCHOOL_COLUMNS, tieBreakPeriod);
}

function render(testId, kind, rows, columns, tieBreakPeriod) {
  const panel = byTestId(testId);
  setText(byTestId(`${testId}-tie-break`, panel), tieBreakPeriod ? t(`col.tieBreak.${kind}.${tieBreakPeriod}`) : '');
  renderRanking(panel.querySelector('tbody'), rows, { columns, rowTestId: `${testId}-row` });
}
