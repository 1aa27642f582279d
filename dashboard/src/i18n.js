// The page's words in Chinese (first) and English. The choice is remembered in localStorage.
// Static text carries data-i18n="key" (data-i18n-label="key" for an aria-label); whatever renders text at
// run time asks t() and re-renders on a change.

const STRINGS = {
  'zh-CN': {
    title: '之江汇教师空间活跃度实时看板',
    toggle: 'English',
    region: '区域',
    period: '周期',
    'period.day': '今天',
    'period.month': '本月',
    'period.year': '本年',
    'period.threshold': '≥{threshold} 分为活跃',
    'fresh.seconds': '更新于 {n} 秒前',
    'fresh.minutes': '更新于 {n} 分钟前',
    'fresh.hours': '更新于 {n} 小时前',
    'tie.teachers': '并列第{rank}，共 {n} 人',
    'tie.schools': '并列第{rank}，共 {n} 所',
    'col.tieBreak.teachers.month': '本月得分',
    'col.tieBreak.teachers.year': '本年得分',
    'col.tieBreak.schools.month': '本月均分',
    'col.tieBreak.schools.year': '本年均分',
    'level.province': '省',
    'level.city': '市',
    'level.county': '区县',
    'region.wholeProvince': '全省',
    'region.wholeCity': '全市',
    'state.connecting': '连接中',
    'state.live': '在线',
    'state.reconnecting': '重连中',
    'state.offline': '离线',
    'kpi.activeRatio': '活跃空间比例',
    'kpi.mean': '平均活跃度',
    'kpi.teachersAtTarget': '达标教师',
    'kpi.schoolsMeeting': '双达标学校',
    'kpi.eventRate': '实时事件速率',
    'kpi.ok': '达标',
    'kpi.below': '未达标',
    'kpi.targetAtLeast': '目标 ≥ {target}',
    'kpi.activeOf': '{active} / {teachers} 名教师',
    'kpi.total': '总分 {total}',
    'kpi.teachersNeeded': '目标 ≥ {needed} 人（{ratio}）',
    'kpi.allSchools': '目标：全部学校',
    'kpi.perTeacher': '达标：本期得分 ≥ {threshold}',
    'kpi.share': '占 {share}',
    'kpi.perSecond': '{rate} 条/秒',
    'panel.topTeachers': '教师排行',
    'panel.topSchools': '学校排行',
    'panel.children': '下级区域活跃空间比例',
    'panel.published': '月度学校排行',
    'panel.map': '下级区域地图',
    'map.teachers': '{n} 名教师',
    'map.mean': '平均活跃度 {mean}',
    'map.noData': '{name}：无数据',
    'map.none': '本区域没有可用的地图',
    'map.unshaped': '地图数据中没有边界：{names}',
    'panel.shortlist': '名额推荐名单',
    'col.rank': '名次',
    'col.teacher': '教师',
    'col.school': '学校',
    'col.county': '区县',
    'col.score': '得分',
    'col.mean': '均分',
    'col.name': '名称',
    'chart.target': '目标 {target}',
    'chart.ratio': '活跃空间比例',
    empty: '暂无数据',
    'children.none': '该区域没有下级区域',
    'published.month': '月份',
    'published.none': '{month} 没有已发布的排行',
    'published.final': '已发布：{month}的排行不再变化',
    'published.provisional': '暂定：{month}的最后一天仍在宽限期内，补报的活动还会改变排名',
    'shortlist.city': '城市',
    'shortlist.kind': '类别',
    'shortlist.teacher-spaces': '教师空间',
    'shortlist.digital-schools': '数字微校建设校',
    'shortlist.club-spaces': '社团空间',
    'shortlist.count': '前 {shown} 名，共 {total}',
    'shortlist.noCity': '本区域内没有城市',
    updated: '数据日期 {date}',
    loadFailed: '加载失败：{error}',
    noRegions: '名册中还没有区域：载入名册后请刷新本页',
    'token.title': '访问令牌',
    'token.hint': '请输入教育局的访问令牌（以 zlt1. 开头，由管理员签发）。令牌只保存在本次浏览器会话中。',
    'token.submit': '进入',
    'token.empty': '请输入令牌',
    'token.refused': '令牌未被接受：{reason}',
    'token.change': '更换令牌',
  },
  en: {
    title: 'Zhijiang teacher-space activity, live',
    toggle: '中文',
    region: 'Region',
    period: 'Period',
    'period.day': 'Today',
    'period.month': 'This month',
    'period.year': 'This year',
    'period.threshold': 'active at ≥{threshold}',
    'fresh.seconds': 'updated {n} s ago',
    'fresh.minutes': 'updated {n} min ago',
    'fresh.hours': 'updated {n} h ago',
    'tie.teachers': 'tied {rank}, {n} teachers',
    'tie.schools': 'tied {rank}, {n} schools',
    'col.tieBreak.teachers.month': 'Month',
    'col.tieBreak.teachers.year': 'Year',
    'col.tieBreak.schools.month': 'Month mean',
    'col.tieBreak.schools.year': 'Year mean',
    'level.province': 'province',
    'level.city': 'city',
    'level.county': 'county',
    'region.wholeProvince': 'Whole province',
    'region.wholeCity': 'Whole city',
    'state.connecting': 'Connecting',
    'state.live': 'Live',
    'state.reconnecting': 'Reconnecting',
    'state.offline': 'Offline',
    'kpi.activeRatio': 'Active-space ratio',
    'kpi.mean': 'Mean score',
    'kpi.teachersAtTarget': 'Teachers at target',
    'kpi.schoolsMeeting': 'Schools meeting both targets',
    'kpi.eventRate': 'Live event rate',
    'kpi.ok': 'On target',
    'kpi.below': 'Below target',
    'kpi.targetAtLeast': 'target ≥ {target}',
    'kpi.activeOf': '{active} of {teachers} teachers',
    'kpi.total': '{total} points in all',
    'kpi.teachersNeeded': 'target ≥ {needed} ({ratio})',
    'kpi.allSchools': 'target: every school',
    'kpi.perTeacher': 'at target: a score of {threshold} or more',
    'kpi.share': '{share} of schools',
    'kpi.perSecond': '{rate} events/s',
    'panel.topTeachers': 'Top teachers',
    'panel.topSchools': 'Top schools',
    'panel.children': 'Child regions: active-space ratio',
    'panel.published': 'Monthly school ranking',
    'panel.map': 'Child regions on the map',
    'map.teachers': '{n} teachers',
    'map.mean': 'mean score {mean}',
    'map.noData': '{name}: no data',
    'map.none': 'No map of this region',
    'map.unshaped': 'No boundary in the map data for: {names}',
    'panel.shortlist': 'Quota shortlist',
    'col.rank': 'Rank',
    'col.teacher': 'Teacher',
    'col.school': 'School',
    'col.county': 'County',
    'col.score': 'Score',
    'col.mean': 'Mean',
    'col.name': 'Name',
    'chart.target': 'target {target}',
    'chart.ratio': 'Active-space ratio',
    empty: 'No data yet',
    'children.none': 'This region has no child regions',
    'published.month': 'Month',
    'published.none': 'No ranking was published for {month}',
    'published.final': 'Published: the ranking of {month} is final',
    'published.provisional': 'Provisional: the last day of {month} is still inside the grace window, so late events can still change it',
    'shortlist.city': 'City',
    'shortlist.kind': 'Kind',
    'shortlist.teacher-spaces': 'Teacher spaces',
    'shortlist.digital-schools': 'Digital micro-schools',
    'shortlist.club-spaces': 'Club spaces',
    'shortlist.count': 'top {shown} of {total}',
    'shortlist.noCity': 'No city in this region',
    updated: 'figures of {date}',
    loadFailed: 'could not load: {error}',
    noRegions: 'The roster has no regions yet: reload this page once it is loaded',
    'token.title': 'Access token',
    'token.hint': "Enter your education bureau's access token (it starts with zlt1. and comes from your administrator). It is kept for this browser session only.",
    'token.submit': 'Open',
    'token.empty': 'Enter a token',
    'token.refused': 'The token was not accepted: {reason}',
    'token.change': 'Change token',
  },
};

const STORAGE_KEY = 'zhijiang.dashboard.language';
const listeners = [];
let current = stored() ?? 'zh-CN';

function stored() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value in STRINGS ? value : null;
  } catch {
    return null; // storage can be switched off; Chinese then
  }
}

export function language() {
  return current;
}

/** The text of key in the chosen language, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export function toggleLanguage() {
  current = current === 'zh-CN' ? 'en' : 'zh-CN';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // not remembered, still switched
  }
  translatePage();
  listeners.forEach((listener) => listener());
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** Fills every data-i18n element and data-i18n-label, the page's lang and its title. */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  document.title = t('title');
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
}
