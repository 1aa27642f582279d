// The four target tiles. Each is green (data-status="ok") or red ("below") against its target, and says
// so in words too; "none" while there is nobody to count.
import { byTestId, setText } from './dom.js';
import { t } from './i18n.js';
import { number, percent, score } from './format.js';

export function renderKpis(kpi) {
  if (!kpi) {
    return;
  }
  const { teachers, active, activeRatio, activeRatioTarget, mean, meanTarget, total, schools, schoolsMeetingTargets } = kpi;
  const counted = teachers > 0;

  tile('kpi-active-ratio', {
    value: percent(activeRatio),
    detail: t('kpi.activeOf', { active: number(active), teachers: number(teachers) }),
    target: t('kpi.targetAtLeast', { target: percent(activeRatioTarget, 0) }),
    status: counted ? activeRatio >= activeRatioTarget : null,
  });

  tile('kpi-mean', {
    value: number(mean, 1),
    detail: t('kpi.total', { total: number(total) }),
    target: t('kpi.targetAtLeast', { target: score(meanTarget) }),
    status: counted ? mean >= meanTarget : null,
  });

  const needed = Math.ceil(activeRatioTarget * teachers - 1e-9);
  tile('kpi-teachers-at-target', {
    value: `${number(active)} / ${number(teachers)}`,
    detail: t('kpi.perTeacher', { threshold: score(meanTarget) }),
    target: t('kpi.teachersNeeded', { needed: number(needed), ratio: percent(activeRatioTarget, 0) }),
    status: counted ? active >= needed : null,
  });

  // Every school is asked to meet both targets (SPEC §5), so the tile is green when all of them do.
  tile('kpi-schools-meeting', {
    value: `${number(schoolsMeetingTargets)} / ${number(schools)}`,
    detail: t('kpi.share', { share: percent(schools > 0 ? schoolsMeetingTargets / schools : 0) }),
    target: t('kpi.allSchools'),
    status: schools > 0 ? schoolsMeetingTargets === schools : null,
  });
}

function tile(testId, { value, detail, target, status }) {
  const root = byTestId(testId);
  root.dataset.status = status === null ? 'none' : status ? 'ok' : 'below';
  setText(byTestId(`${testId}-value`, root), value);
  setText(root.querySelector('.kpi-detail'), detail);
  setText(root.querySelector('.kpi-target'), target);
  setText(root.querySelector('.kpi-badge'), status === null ? '' : t(status ? 'kpi.ok' : 'kpi.below'));
}
