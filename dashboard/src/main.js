// The dashboard: a bureau follows one region and period over /hubs/live and sees its figures as they are
// pushed. The region and period are in the address (?region=330100&period=month), so a view can be shared;
// without one the page opens on today, or on the period the bureau chose last (see period-picker.js).
// The 评优 view (?view=evaluations&rubric=…&year=…) ranks the region's candidates of an evaluation rubric.
// The bureau's token is not in the address: it comes from the token form or a #token=… link, and lives in
// sessionStorage.
import './styles.css';
import { byTestId, setText } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { createLiveConnection } from './live-connection.js';
import { LiveView } from './live-view.js';
import { RegionPicker } from './region-picker.js';
import { renderKpis } from './kpi-tiles.js';
import { renderTopSchools, renderTopTeachers } from './top-rankings.js';
import { ChildrenChart } from './children-chart.js';
import { ChildrenMap } from './children-map.js';
import { Sparkline } from './sparkline.js';
import { PublishedRanking } from './published-ranking.js';
import { Shortlist } from './shortlist.js';
import { getJson, whenRefused } from './api.js';
import { currentToken, forgetToken, rememberToken, takeTokenFromAddress } from './token.js';
import { TokenForm } from './token-form.js';
import { PeriodPicker } from './period-picker.js';
import { Freshness } from './freshness.js';
import { ViewPicker } from './view-picker.js';
import { EvaluationView } from './evaluation-view.js';

const query = new URLSearchParams(location.search);
let followed = null;
let connectionState = 'connecting';
let messages = 0;

const page = byTestId('dashboard');
const view = new LiveView();
const picker = new RegionPicker(byTestId('region-picker'), follow);
const chart = new ChildrenChart(byTestId('children-chart'), byTestId('children-empty'));
const map = new ChildrenMap(byTestId('children-map'), byTestId('children-map-note'), (regionId) => picker.select(regionId));
const sparkline = new Sparkline(byTestId('event-rate'));
const published = new PublishedRanking(byTestId('published-ranking'));
const shortlist = new Shortlist(byTestId('shortlist'), picker);
const periods = new PeriodPicker(byTestId('period-picker'), query.get('period'), () => {
  if (followed) {
    follow(followed);
  }
});
const freshness = new Freshness(byTestId('freshness'));
const views = new ViewPicker(byTestId('view-picker'), query.get('view'), showView);
const evaluations = new EvaluationView(byTestId('evaluations'),
  { rubricId: query.get('rubric'), year: Number(query.get('year')) || null }, writeAddress);

const tokenForm = new TokenForm(byTestId('token-form'), page, (token) => {
  rememberToken(token);
  begin();
});

const live = createLiveConnection({
  onState: showState,
  onSnapshot: (message) => show(view.snapshot(message), true),
  onUpdate: (message) => show(view.update(message), false),
  onConnected: loadRegions,
  onError: showError,
  onDown: checkToken,
});

/** Connects once the silo has taken the token; a refused one brings the form back with the reason. */
async function begin() {
  if (!currentToken()) {
    tokenForm.show();
    return;
  }
  if (await checkToken()) {
    tokenForm.hide();
    live.start();
    showView(views.view);
  }
}

/**
 * Whether the silo may still take the token (it may have expired): false once it refused it, and the form is
 * back. An outage is not a refusal: the connection state shows it, and the connection keeps trying.
 */
async function checkToken() {
  try {
    await getJson('api/session');
    return true;
  } catch (error) {
    if (error.status === 403) {
      refused(error.message); // a platform key, say: it opens nothing here
    }
    return error.status !== 401 && error.status !== 403; // a 401 went to refused() already
  }
}

function refused(reason) {
  forgetToken();
  live.stop();
  evaluations.hide(); // no more asking with a refused token
  followed = null;
  tokenForm.show(reason);
}

/** On every (re)connect: the roster's regions, keeping the followed one (or the address's) if it is there. */
async function loadRegions() {
  try {
    const selected = picker.setRegions(await live.regions(), followed ?? query.get('region'));
    if (!selected) {
      showError(t('noRegions'));
    } else if (selected !== followed) {
      follow(selected);
    }
  } catch (error) {
    showError(error);
  }
}

function follow(regionId) {
  const { period } = periods;
  followed = regionId;
  view.expect(regionId, period);
  delete page.dataset.snapshot;
  writeAddress();
  periods.render();
  shortlist.show(regionId);
  evaluations.follow(regionId);
  live.subscribe(regionId, period);
}

/** The address of what is on screen: the region and period, and the rubric and year on the 评优 view. */
function writeAddress() {
  if (!followed) {
    return;
  }
  const address = new URLSearchParams({ region: followed, period: periods.period });
  if (views.view === 'evaluations') {
    address.set('view', 'evaluations');
    if (evaluations.rubricId) address.set('rubric', evaluations.rubricId);
    address.set('year', String(evaluations.year));
  }
  history.replaceState(null, '', `?${address}`);
}

function showView(view) {
  page.dataset.view = view;
  if (view === 'evaluations') {
    evaluations.show();
  } else {
    evaluations.hide();
  }
  writeAddress();
}

function show(result, isSnapshot) {
  if (!result) {
    return;
  }
  const { view: current, changed } = result;
  freshness.touch();
  renderHeader(current);
  periods.showThresholds(current.thresholds);
  if (changed.includes('kpi')) renderKpis(current.kpi);
  if (changed.includes('topTeachers')) renderTopTeachers(current.topTeachers, current.tieBreakPeriod);
  if (changed.includes('topSchools')) renderTopSchools(current.topSchools, current.tieBreakPeriod);
  if (changed.includes('children')) {
    chart.render(current.children, current.kpi?.activeRatioTarget ?? 0.15);
    map.render(current.regionId, current.children, current.kpi?.activeRatioTarget ?? 0.15);
  }
  sparkline.push(current.eventsPerSecond);
  published.show(current.regionId, current.date);
  evaluations.setLiveDate(current.date);
  if (!isSnapshot && (changed.includes('topTeachers') || changed.includes('topSchools'))) {
    shortlist.refresh();
  }
  if (isSnapshot) {
    showError(null);
  }
  // For the browser test and anyone curious: which subscription is on screen, and how many pushes came.
  page.dataset.snapshot = `${current.regionId}|${current.period}|${current.date}`;
  page.dataset.messages = String(++messages);
}

function renderHeader(current) {
  setText(byTestId('region-title'), `${current.regionName} · ${t(`level.${current.level}`)}`);
  setText(byTestId('live-date'), t('updated', { date: current.date }));
}

function showState(state) {
  connectionState = state;
  const element = byTestId('connection-state');
  element.dataset.state = state;
  setText(element, t(`state.${state}`));
}

function showError(error) {
  const banner = byTestId('error');
  const text = error ? String(error.message ?? error).replace(/^.*HubException: /, '') : '';
  setText(banner, text);
  banner.hidden = !text;
}

function renderAll() {
  translatePage();
  picker.render();
  periods.render();
  freshness.render();
  showState(connectionState);
  const current = view.current;
  if (current) {
    renderHeader(current);
    renderKpis(current.kpi);
    renderTopTeachers(current.topTeachers, current.tieBreakPeriod);
    renderTopSchools(current.topSchools, current.tieBreakPeriod);
    chart.render(current.children, current.kpi?.activeRatioTarget ?? 0.15);
    map.refresh();
  }
  sparkline.render();
  published.render();
  shortlist.render();
  tokenForm.render();
  views.render();
  evaluations.render();
}

byTestId('lang-toggle').addEventListener('click', toggleLanguage);
byTestId('token-lang-toggle').addEventListener('click', toggleLanguage);
byTestId('token-change').addEventListener('click', () => refused(null));
onLanguageChange(renderAll);
whenRefused(refused);
takeTokenFromAddress();
page.dataset.view = views.view;
renderAll();
begin();
