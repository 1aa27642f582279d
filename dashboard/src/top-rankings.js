// The subscription's top teachers and top schools tables.
import { byTestId } from './dom.js';
import { score } from './format.js';
import { renderRanking } from './ranking-table.js';

const TEACHER_COLUMNS = [
  { className: 'rank', text: (r) => String(r.rank) },
  { className: 'name', text: (r) => r.name },
  { className: 'school', text: (r) => r.school },
  { className: 'county', text: (r) => r.county },
  { className: 'score', text: (r) => score(r.score) },
];

const SCHOOL_COLUMNS = [
  { className: 'rank', text: (r) => String(r.rank) },
  { className: 'name', text: (r) => r.name },
  { className: 'county', text: (r) => r.county },
  { className: 'score', text: (r) => score(r.score) },
];

export function renderTopTeachers(rows) {
  renderRanking(byTestId('top-teachers').querySelector('tbody'), rows, { columns: TEACHER_COLUMNS, rowTestId: 'top-teachers-row' });
}

export function renderTopSchools(rows) {
  renderRanking(byTestId('top-schools').querySelector('tbody'), rows, { columns: SCHOOL_COLUMNS, rowTestId: 'top-schools-row' });
}
