// The dashboard in Debian's chromium against a running silo whose roster the caller seeded: opened with a
// province token in the link (#token=…), it opens on today, with each period's active threshold beside it
// and ties saying how many share the rank; events published over gRPC must reach the KPI tile and the
// top-teachers table within 3 seconds, without a reload, and a ranking that reorders never draws two rows
// in one place. Prints the event-to-screen latency of each round, saves screenshots, then checks the
// freshness caption, the pickers and the tie-break column, the period remembered over a reload, the English
// toggle (remembered too, as the token is) and the phone layout; then the token form: a county's token sees
// its county alone, a wrong or expired token brings the form back with the reason. Ends with "N passed, M failed".
//
// node dashboard.test.js --url http://127.0.0.1:5080/ --target 127.0.0.1:5081 --now 2026-03-02T02:00:00Z
//   --out TestResults --province 330000 --city 330100 --city-counties '["330106","330108"]'   the city's counties on the roster
//   --teachers '[{"id":"T1","name":"王丽华","year":0},…]'      every teacher in id order (two per school: the
//                                                                first two in one, the last two in the other),
//                                                                with the year's score so far; none has scored today
//   --published '{"month":"2026-02","leader":"…","score":"5","status":"暂定"}'  the first school of last month's ranking, and how its status note starts
//   --token zlt1…                                                the province's token (the publisher's key: ZHIJIANG_KEY)
//   --county 330108 --county-token zlt1… --county-teachers '["陈静",…]'   a county, its token and its teachers
//   --wrong-token zlt1… --expired-token zlt1…                    tokens the silo refuses
//   --expiring-token zlt1…   a county token that expires once the caller, seeing <out>/advance-clock, moves the clock
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Publisher, Report, launchChromium, parseArguments, text, watchChanges } = require('./harness');

const WITHIN_MS = 3000;
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
// Which teacher (by index) gets a teaching session (5 points) in each round: every round moves the mean
// and a row of the table, and no teacher passes the day's cap of two sessions.
const ROUNDS = [1, 2, 1, 0, 3];
// The hub pushes on a 1 s tick and a round starts just after a push. Pausing a different part of the tick
// before each publish spreads the publishes over its phase, so the latencies sample it evenly.
const PAUSES_MS = [0, 800, 200, 600, 400];

const mean1 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const snapshotOf = (region, period) => `[data-testid="dashboard"][data-snapshot^="${region}|${period}|"]`;
const report = new Report();

async function main() {
  const args = parseArguments(process.argv.slice(2), ['url', 'target', 'now', 'out', 'province', 'city', 'city-counties', 'teachers', 'published',
    'token', 'county', 'county-token', 'county-teachers', 'wrong-token', 'expired-token', 'expiring-token']);
  const teachers = JSON.parse(args.teachers);
  const published = JSON.parse(args.published);
  const chromiumPath = args.chromium ?? '/usr/bin/chromium';
  fs.mkdirSync(args.out, { recursive: true });
  const publisher = new Publisher(args.target, new Date(args.now), `dash-${Date.now()}`);
  const browser = await launchChromium(chromiumPath);
  try {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));

    await page.goto(`${args.url}#token=${args.token}`);
    await report.within('the connection state turns live (在线)',
      () => page.waitForSelector('[data-testid="connection-state"][data-state="live"]', { timeout: 10_000 }));
    await report.within('the first snapshot shows the province for today',
      () => page.waitForSelector(snapshotOf(args.province, 'day'), { timeout: 10_000 }));
    report.equal('今天 is the pressed period', 'true', await page.getAttribute('[data-testid="period-day"]', 'aria-pressed'));
    report.equal('the connection state reads 在线', '在线', await text(page, '[data-testid="connection-state"]'));
    report.equal('the token leaves the address bar', '', await page.evaluate(() => location.hash));
    report.equal('the mean score starts at today\'s 0.0', '0.0', await text(page, '[data-testid="kpi-mean-value"]'));
    report.equal('the mean tile is red against its target', 'below',
      await page.getAttribute('[data-testid="kpi-mean"]', 'data-status'));
    report.equal('every unlocked teacher is ranked', teachers.length,
      await page.locator('[data-testid="top-teachers-row"]').count());
    await thresholds(page);
    await ties(page, 'before any event today', teachers.length);

    await httpPanels(page, teachers, published);
    await livePushes(page, publisher, teachers);
    await noOverlapWhileReordering(page, publisher, teachers);
    await freshness(page);

    const screenshot = path.resolve(args.out, 'dashboard-zh-CN.png');
    await page.screenshot({ path: screenshot, fullPage: true, animations: 'disabled' });
    console.log(`screenshot (zh-CN, ${DESKTOP.width}x${DESKTOP.height}, full page): ${screenshot}`);

    await childrenMap(page, args);

    await pickers(page, args, teachers);
    await rememberedPeriod(page, args);
    await english(page, args);

    await page.setViewportSize(PHONE);
    // Measured once the charts' resize observers have run (they fire before the next frame is painted): a phone
    // never shows the frame in which the charts still had the desktop's width.
    const [scrollWidth, innerWidth] = await page.evaluate(() => new Promise((settled) =>
      requestAnimationFrame(() => requestAnimationFrame(() => settled([document.documentElement.scrollWidth, window.innerWidth])))));
    report.check(`the page fits a phone's width (${PHONE.width} px) without scrolling sideways`,
      scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide`);
    const phone = path.resolve(args.out, 'dashboard-phone.png');
    await page.screenshot({ path: phone, fullPage: true, animations: 'disabled' });
    console.log(`screenshot (phone, ${PHONE.width}x${PHONE.height}): ${phone}`);

    report.equal('the page logged no errors', [], pageErrors);

    await countyToken(browser, args);
    await refusedTokens(browser, args);
    await expiringToken(browser, args);
  } finally {
    await browser.close();
    publisher.close();
  }
  return report.close();
}

/** The published ranking (last month's, by default) and the city's teacher-space shortlist, over HTTP. */
async function httpPanels(page, teachers, published) {
  report.equal('the published ranking offers last month first', published.month,
    await page.inputValue('[data-testid="published-month"]'));
  const firstRow = (testId) => `[data-testid="${testId}"]:first-child`;
  await report.within(`last month's published ranking starts with ${published.leader} at ${published.score}`,
    () => page.waitForFunction(([selector, name, score]) => {
      const row = document.querySelector(selector);
      return row?.querySelector('.name').textContent === name && row.querySelector('.score').textContent === score;
    }, [firstRow('published-ranking-row'), published.leader, published.score], { timeout: 5000 }));
  await report.within(`last month's ranking says whether it is final (${published.status}…)`,
    () => page.waitForFunction((status) =>
      document.querySelector('[data-testid="published-status"]')?.textContent.startsWith(status), published.status, { timeout: 5000 }));
  const best = teachers.reduce((a, b) => (b.year > a.year ? b : a));
  await report.within(`the city's teacher-space shortlist starts with ${best.name} at ${best.year}`,
    () => page.waitForFunction(([selector, name, score]) => {
      const row = document.querySelector(selector);
      return row?.querySelector('.name').textContent === name && row.querySelector('.score').textContent === score;
    }, [firstRow('shortlist-row'), best.name, String(best.year)], { timeout: 5000 }));
}

/** Beside each period, what makes a teacher active in it (SPEC §5: 1, 30 and 300 points by default). */
async function thresholds(page) {
  for (const [period, threshold] of [['day', 1], ['month', 30], ['year', 300]]) {
    const selector = `[data-testid="period-${period}-threshold"]`;
    report.equal(`the ${period} button shows its threshold`, `≥${threshold} 分为活跃`, await text(page, selector));
    report.check(`the ${period} threshold is visible`, await page.isVisible(selector));
  }
}

/** Nobody has scored today: every teacher shares rank 1, and the first row says how many do. */
async function ties(page, when, count) {
  const firstRank = (testId) => text(page, `[data-testid="${testId}-row"]:first-child .rank .cell-note`);
  report.equal(`${when}: the first teacher row says how many share rank 1`, `并列第1，共 ${count} 人`, await firstRank('top-teachers'));
  report.equal(`${when}: the first school row says how many share rank 1`, '并列第1，共 2 所', await firstRank('top-schools'));
  report.equal(`${when}: the other tied rows say their rank only`, Array(count - 1).fill('1'),
    await page.$$eval('[data-testid="top-teachers-row"]:not(:first-child) .rank', (cells) => cells.map((c) => c.textContent)));
  report.equal('the tie-break column is the month\'s score', '本月得分', await text(page, '[data-testid="top-teachers-tie-break"]'));
}

/** Each round publishes one event and waits for the mean tile and the table to show it. */
async function livePushes(page, publisher, teachers) {
  await page.evaluate(() => { window.__sameDocument = true; });
  await watchChanges(page, ['kpi-mean-value', 'top-teachers']);
  const scores = teachers.map(() => 0); // today's
  const latencies = [];
  for (const [round, index] of ROUNDS.entries()) {
    scores[index] += 5;
    const expectedMean = mean1.format(scores.reduce((a, b) => a + b, 0) / teachers.length);
    const top = Math.max(...scores);
    const leader = teachers[scores.indexOf(top)]; // ties list by id, and the ids are in order
    await new Promise((resolve) => setTimeout(resolve, PAUSES_MS[round]));
    await page.evaluate(() => window.__resetChanges());
    const publishedAt = Date.now();
    const reply = await publisher.publish([publisher.teaching(teachers[index].id)]);
    const ackedAt = Date.now();
    report.equal(`round ${round + 1}: the event is accepted`, 1, reply.accepted);
    const shown = await report.within(
      `round ${round + 1}: within ${WITHIN_MS} ms the mean reads ${expectedMean} and ${leader.name} leads with ${top}`,
      () => page.waitForFunction(([mean, name, score]) => {
        const row = document.querySelector('[data-testid="top-teachers-row"]');
        return document.querySelector('[data-testid="kpi-mean-value"]').textContent === mean
          && row?.querySelector('.name').textContent === name && row?.querySelector('.score').textContent === score
          && window.__changes['kpi-mean-value'] && window.__changes['top-teachers'];
      }, [expectedMean, leader.name, String(top)], { timeout: Math.max(1, publishedAt + WITHIN_MS - Date.now()), polling: 'raf' }));
    if (shown) {
      const changes = await page.evaluate(() => window.__changes);
      const onScreen = Math.max(changes['kpi-mean-value'], changes['top-teachers']);
      latencies.push(onScreen - publishedAt);
      console.log(`     latency: publish → screen ${onScreen - publishedAt} ms (publish → ack ${ackedAt - publishedAt} ms)`);
    }
  }
  report.check('no reload: the same document all along', await page.evaluate(() => window.__sameDocument === true));
  if (latencies.length > 0) {
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`event-to-screen latency over ${sorted.length} rounds: median ${sorted[Math.floor(sorted.length / 2)]} ms, ` +
      `min ${sorted[0]} ms, max ${sorted.at(-1)} ms (the hub pushes on a tick of NotifyInterval, 1 s)`);
  }
  // Today: the second teacher 10, the three others 5 each, tied at rank 2.
  await report.within('after the rounds, the first of three tied at rank 2 says so', () => page.waitForFunction(() => {
    const notes = [...document.querySelectorAll('[data-testid="top-teachers-row"] .rank')].map((cell) => cell.textContent);
    return JSON.stringify(notes) === JSON.stringify(['1', '2并列第2，共 3 人', '2', '2']);
  }, null, { timeout: 3000 }));
}

/**
 * Two more events put the third teacher level with the leader and the other school ahead: both tables
 * reorder. Every frame meanwhile, no two rows of a table may share any height, and none may fade.
 */
async function noOverlapWhileReordering(page, publisher, teachers) {
  await page.evaluate(() => {
    window.__overlaps = [];
    window.__frames = 0;
    window.__sampling = true;
    const sample = () => {
      for (const id of ['top-teachers', 'top-schools']) {
        const rows = [...document.querySelectorAll(`[data-testid="${id}-row"]`)].map((row) => {
          const box = row.getBoundingClientRect();
          return { name: row.querySelector('.name').textContent, top: box.top, bottom: box.bottom, opacity: Number(getComputedStyle(row).opacity) };
        }).sort((a, b) => a.top - b.top);
        rows.forEach((row, i) => {
          if (i > 0 && row.top < rows[i - 1].bottom - 0.5) window.__overlaps.push(`${id}: ${rows[i - 1].name} over ${row.name}`);
          if (row.opacity < 1) window.__overlaps.push(`${id}: ${row.name} faded to ${row.opacity}`);
        });
      }
      window.__frames++;
      if (window.__sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  const [third, fourth] = [teachers[2], teachers[3]];
  const leadingSchool = await text(page, '[data-testid="top-schools-row"]:first-child .name');
  report.equal('two more events are accepted', 2,
    (await publisher.publish([publisher.teaching(third.id), publisher.teaching(fourth.id)])).accepted);
  const reordered = await report.within(`${third.name} moves up to share rank 1 and the other school overtakes ${leadingSchool}`,
    () => page.waitForFunction(([name, school]) => {
      const teacherRow = document.querySelector('[data-testid="top-teachers-row"]:nth-child(2)');
      const schoolRow = document.querySelector('[data-testid="top-schools-row"]:first-child');
      return teacherRow?.querySelector('.name').textContent === name && teacherRow.dataset.rank === '1'
        && schoolRow && schoolRow.querySelector('.name').textContent !== school;
    }, [third.name, leadingSchool], { timeout: 5000, polling: 'raf' }));
  await new Promise((resolve) => setTimeout(resolve, 1000)); // past any animation of the reorder
  const { overlaps, frames } = await page.evaluate(() => {
    window.__sampling = false;
    return { overlaps: [...new Set(window.__overlaps)], frames: window.__frames };
  });
  if (reordered) {
    report.check(`no two ranking rows overlap or fade while they reorder (${frames} frames sampled)`,
      overlaps.length === 0 && frames > 10, overlaps.slice(0, 4).join('; ') || `only ${frames} frames`);
  }
}

/** The event-rate tile says how old the figures are, and the age ticks on while nothing is pushed. */
async function freshness(page) {
  const caption = '[data-testid="freshness"]';
  report.check('the freshness caption replaces the count of pushes', /^更新于 \d+ 秒前$/.test(await text(page, caption)),
    await text(page, caption));
  await report.within('with nothing new to push, the caption ticks on to 2 seconds or more', () => page.waitForFunction(
    (selector) => /^更新于 ([2-9]|\d\d) 秒前$/.test(document.querySelector(selector).textContent), caption, { timeout: 10_000 }));
}

/**
 * The map of the province's child regions: the city filled with its figures, its ratio on hover (the
 * pointer at the city's inner point, as a person would point), and a click that follows the city, whose
 * map then fills its counties.
 */
async function childrenMap(page, args) {
  const map = '[data-testid="children-map"]';
  const filled = (region, children) => page.waitForFunction(([selector, id, ids]) => {
    const element = document.querySelector(selector);
    return !element.hidden && element.dataset.region === id && element.dataset.regions === ids;
  }, [map, region, children.join(',')], { timeout: 5000 });
  await report.within(`the map of ${args.province} fills its child region ${args.city}`, () => filled(args.province, [args.city]));
  await page.locator(map).scrollIntoViewIfNeeded(); // a pointer reaches only what is on screen
  const box = await page.locator(map).boundingBox();
  const [x, y] = JSON.parse(await page.getAttribute(map, 'data-centres'))[args.city];
  await page.mouse.move(box.x + x, box.y + y);
  await report.within('hovering over the city shows its name and its ratio, 100%', () => page.waitForFunction((selector) => {
    const shown = document.querySelector(selector).innerText;
    return shown.includes('杭州市') && shown.includes('活跃空间比例: 100%') && shown.includes('4 名教师');
  }, map, { timeout: 5000 }));
  const screenshot = path.resolve(args.out, 'dashboard-map.png');
  await page.locator('[data-testid="children-map-panel"]').screenshot({ path: screenshot });
  console.log(`screenshot (the map, the city hovered): ${screenshot}`);
  await page.mouse.click(box.x + x, box.y + y);
  await report.within('a click on the city follows it', () => page.waitForSelector(snapshotOf(args.city, 'day'), { timeout: 5000 }));
  const counties = JSON.parse(args['city-counties']);
  await report.within(`the city's map fills its counties ${counties.join(', ')}`, () => filled(args.city, counties));
  report.equal('the region picker follows the click', args.city, await page.inputValue('[data-testid="region-city"]'));
}

/**
 * A city from the region picker, then this year from the period picker: each brings its own snapshot. In
 * the year the tie-break column is the month's score: the third teacher's 10 of February are in the year only.
 */
async function pickers(page, args, teachers) {
  await page.selectOption('[data-testid="region-city"]', args.city);
  await report.within('picking the city subscribes to it', () => page.waitForSelector(snapshotOf(args.city, 'day'), { timeout: 5000 }));
  report.check('the title names the city', (await text(page, '[data-testid="region-title"]')).includes('杭州市'),
    await text(page, '[data-testid="region-title"]'));
  await page.click('[data-testid="period-year"]');
  await report.within('本年 subscribes to the year', () => page.waitForSelector(snapshotOf(args.city, 'year'), { timeout: 5000 }));
  report.equal('the address keeps the view', `?region=${args.city}&period=year`, await page.evaluate(() => location.search));
  const third = teachers[2];
  const yearScore = third.year + 10;
  const row = await page.$$eval('[data-testid="top-teachers-row"]', (rows, name) => {
    const found = rows.find((r) => r.querySelector('.name').textContent === name);
    return found && [found.querySelector('.score').textContent, found.querySelector('.tie-break').textContent];
  }, third.name);
  report.equal(`${third.name}: the year's ${yearScore} and, as tie-break, the month's 10`, [String(yearScore), '10'], row);
  report.equal('the tie-break column is named for the month', '本月得分', await text(page, '[data-testid="top-teachers-tie-break"]'));
}

/** The bare address opens on the period chosen last (the year), not today; today is chosen again after. */
async function rememberedPeriod(page, args) {
  await page.goto(args.url);
  await report.within('the bare address opens on the period chosen last: this year',
    () => page.waitForSelector(snapshotOf(args.province, 'year'), { timeout: 10_000 }));
  report.equal('本年 is the pressed period', 'true', await page.getAttribute('[data-testid="period-year"]', 'aria-pressed'));
  await page.selectOption('[data-testid="region-city"]', args.city);
  await page.click('[data-testid="period-day"]');
  await report.within('今天 subscribes to the day', () => page.waitForSelector(snapshotOf(args.city, 'day'), { timeout: 5000 }));
  report.equal('the address keeps the view', `?region=${args.city}&period=day`, await page.evaluate(() => location.search));
}

/** The English toggle changes the labels, and is remembered over a reload. */
async function english(page, args) {
  const label = '[data-testid="kpi-mean"] .kpi-label';
  report.equal('the mean tile is labelled in Chinese', '平均活跃度', await text(page, label));
  await page.click('[data-testid="lang-toggle"]');
  report.equal('English: the mean tile\'s label', 'Mean score', await text(page, label));
  report.equal('English: the connection state', 'Live', await text(page, '[data-testid="connection-state"]'));
  report.equal('English: the page\'s lang', 'en', await page.evaluate(() => document.documentElement.lang));
  await page.reload();
  await report.within('after a reload: the same view again', () => page.waitForSelector(snapshotOf(args.city, 'day'), { timeout: 10_000 }));
  report.equal('after a reload: still English', 'Mean score', await text(page, label));
  const screenshot = path.resolve(args.out, 'dashboard-en.png');
  await page.screenshot({ path: screenshot, fullPage: true, animations: 'disabled' });
  console.log(`screenshot (English, the city, today): ${screenshot}`);
  await page.click('[data-testid="lang-toggle"]');
  report.equal('back to Chinese', '平均活跃度', await text(page, label));
}

/** A fresh session asks for a token; a county's opens its county alone, with its own teachers only. */
async function countyToken(browser, args) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  try {
    await page.goto(args.url);
    await report.within('a new session asks for the token',
      () => page.waitForSelector('[data-testid="token-form"]:not([hidden])', { timeout: 5000 }));
    report.check('the dashboard stays hidden until then', await page.isHidden('[data-testid="dashboard"]'));
    await page.fill('[data-testid="token-input"]', args['county-token']);
    await page.click('[data-testid="token-submit"]');
    await report.within('a county token opens its county', () => page.waitForSelector(snapshotOf(args.county, 'day'), { timeout: 10_000 }));
    const offered = await page.$$eval('[data-testid="region-picker"] select:not([hidden]) option',
      (options) => options.map((o) => o.value).filter(Boolean));
    report.equal("a county token's picker offers its county alone", [args.county], offered);
    const expected = JSON.parse(args['county-teachers']);
    await report.within(`its top teachers are its own: ${expected.join(', ')}`, () => page.waitForFunction((names) => {
      const shown = [...document.querySelectorAll('[data-testid="top-teachers-row"] .name')].map((cell) => cell.textContent);
      return shown.length === names.length && names.every((name) => shown.includes(name));
    }, expected, { timeout: 5000 }));
    const screenshot = path.resolve(args.out, 'dashboard-county.png');
    await page.screenshot({ path: screenshot, fullPage: true, animations: 'disabled' });
    console.log(`screenshot (a county's token): ${screenshot}`);
    report.equal("the county's page logged no errors", [], pageErrors);
  } finally {
    await context.close();
  }
}

/** A wrong token in the link and an expired one in the form: each time the form again, saying why. */
async function refusedTokens(browser, args) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const message = '[data-testid="token-message"]';
  try {
    await page.goto(`${args.url}#token=${args['wrong-token']}`);
    await report.within('a wrong token brings the form back',
      () => page.waitForSelector('[data-testid="token-form"]:not([hidden])', { timeout: 5000 }));
    report.check('saying why', (await text(page, message)).includes('the token\'s signature does not verify'), await text(page, message));
    report.check('the dashboard stays hidden', await page.isHidden('[data-testid="dashboard"]'));
    const screenshot = path.resolve(args.out, 'dashboard-token-form.png');
    await page.screenshot({ path: screenshot, animations: 'disabled' });
    console.log(`screenshot (the token form, a wrong token refused): ${screenshot}`);
    report.equal('a refused token is not kept', null, await page.evaluate(() => sessionStorage.getItem('zhijiang.dashboard.token')));
    await page.fill('[data-testid="token-input"]', args['expired-token']);
    await page.click('[data-testid="token-submit"]');
    await report.within('an expired token is refused, saying so', () => page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent.includes('the token has expired'), message, { timeout: 5000 }));
    await page.fill('[data-testid="token-input"]', args['county-token']);
    await page.click('[data-testid="token-submit"]');
    await report.within('a good token after them opens the page', () => page.waitForSelector(snapshotOf(args.county, 'day'), { timeout: 10_000 }));
  } finally {
    await context.close();
  }
}

/** A token that expires while the page is open: the silo closes the connection, and the form comes back. */
async function expiringToken(browser, args) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  try {
    await page.goto(`${args.url}#token=${args['expiring-token']}`);
    await report.within('a token about to expire opens its county', () => page.waitForSelector(snapshotOf(args.county, 'day'), { timeout: 10_000 }));
    fs.writeFileSync(path.resolve(args.out, 'advance-clock'), 'the token expires now\n');
    await report.within('when it expires, the form comes back saying so', () => page.waitForFunction(
      () => !document.querySelector('[data-testid="token-form"]').hidden
        && document.querySelector('[data-testid="token-message"]').textContent.includes('the token has expired'),
      null, { timeout: 10_000 }));
  } finally {
    await context.close();
  }
}

main().then((code) => process.exit(code), (error) => {
  report.check('the run goes to its end', false, error.stack ?? String(error));
  process.exit(report.close());
});
