#!/usr/bin/env node
// ZhijiangLive's gRPC server against @grpc/grpc-js, an independent implementation (pure JavaScript on
// Node's HTTP/2), with the contract loaded straight from the .proto files.
//
// Runs every scenario against a running silo, prints one line per check and then exactly 'N passed, M failed',
// and exits non-zero when anything failed. Ids carry a run tag, so it may run again against the same silo.
// The silo must be started with the limits given here (--max-message-size, --max-batch-events).
'use strict';

const crypto = require('node:crypto');
const { parseArgs } = require('node:util');
const { CALL_TIMEOUT_MS, Client, Report, deadlineIn, eventually, exchange, nonZero, rejections, unary } =
  require('./harness');

async function main() {
  const { values: args } = parseArgs({
    options: {
      target: { type: 'string', default: 'localhost:5081' },
      now: { type: 'string' },
      'max-message-size': { type: 'string', default: String(4 * 1024 * 1024) },
      'max-batch-events': { type: 'string', default: '10000' },
      tag: { type: 'string', default: crypto.randomBytes(4).toString('hex') },
      // The platform key (Ingest, Roster); a token for the run's province, <tag>-330000 (Query); and one for
      // its county <tag>-330108 (the access checks). Without them, ZHIJIANG_KEY and ZHIJIANG_TOKEN.
      key: { type: 'string', default: process.env.ZHIJIANG_KEY },
      token: { type: 'string', default: process.env.ZHIJIANG_TOKEN },
      'county-token': { type: 'string' },
    },
  });
  const settings = {
    maxMessageSize: Number(args['max-message-size']),
    maxBatchEvents: Number(args['max-batch-events']),
  };
  const report = new Report();
  const c = new Client(args.target, args.tag, args.now ? new Date(args.now) : new Date(), args);
  try {
    for (const scenario of [health, roster, publishUnary, publishStream, teacherScores, regionAndLeaderboard,
      unknownMethods, messageSizes, concurrentCalls, distantDeadline, deadline, cancelledStream, oversizeBatch,
      gzipRequest, access, evaluation]) {
      try {
        await scenario(c, report, { ...settings, key: args.key, token: args.token, countyToken: args['county-token'] });
      } catch (e) { // a scenario that breaks off is one failure; the others still run
        report.fail(`${scenario.name} broke off`, e.stack ?? String(e));
      }
    }
  } finally {
    c.close();
  }
  console.log(`${report.passed} passed, ${report.failed} failed`);
  process.exitCode = report.failed ? 1 : 0;
}

async function health(c, report) {
  const check = service => unary(c.health, 'Check', { service });
  report.equal("Health.Check '' is SERVING", 'SERVING', (await check('')).status);
  report.equal('Health.Check of Ingest is SERVING', 'SERVING', (await check('zhijiang.live.v1.Ingest')).status);
  await report.status('Health.Check of an unknown service is NOT_FOUND', 'NOT_FOUND', () => check('no.such.Service'));
  for (const [service, expected] of [['', 'SERVING'], ['no.such.Service', 'SERVICE_UNKNOWN']]) {
    const watch = c.health.Watch({ service }, { deadline: deadlineIn(CALL_TIMEOUT_MS) });
    watch.on('error', () => {}); // the cancellation below ends it
    const first = await watch[Symbol.asyncIterator]().next();
    report.equal(`Health.Watch '${service}' first says ${expected}`, expected, first.value?.status);
    watch.cancel();
  }
}

async function roster(c, report) {
  const reply = await unary(c.roster, 'Upsert', {
    regions: [
      { id: c.id('330000'), name: '浙江省', level: 'REGION_LEVEL_PROVINCE' },
      { id: c.id('330100'), name: '杭州市', level: 'REGION_LEVEL_CITY', parent_id: c.id('330000') },
      { id: c.id('330106'), name: '西湖区', level: 'REGION_LEVEL_COUNTY', parent_id: c.id('330100') },
      { id: c.id('330108'), name: '滨江区', level: 'REGION_LEVEL_COUNTY', parent_id: c.id('330100') },
    ],
    schools: [
      { id: c.id('S1'), name: '学军中学', county_id: c.id('330106') },
      { id: c.id('S404'), name: '无名学校', county_id: c.id('999999') },
      { id: c.id('S2'), name: '江南实验学校', county_id: c.id('330108') },
    ],
    teachers: [
      { id: c.id('T1'), name: '张老师', school_id: c.id('S1'), subject: '数学' },
      { id: c.id('T2'), name: '李老师', school_id: c.id('S1'), subject: '语文' },
      { id: c.id('T3'), name: '赵老师', school_id: c.id('S2'), subject: '英语' },
    ],
  });
  report.equal('Roster.Upsert counts regions, schools, teachers', [4, 2, 3], [reply.regions, reply.schools, reply.teachers]);
  report.equal('Roster.Upsert rejects a school under an unknown county', [[1, c.id('S404'), 'INVALID_SCHOOL']], rejections(reply));
  report.check('the rejection says which county is unknown',
    reply.rejections.length === 1 && reply.rejections[0].detail.includes(c.id('999999')), JSON.stringify(reply.rejections));
}

async function publishUnary(c, report) {
  const events = [
    c.event('T1', 'login'),
    c.event('T1', 'teaching_session', { session_id: c.id('s1'), duration_seconds: 2400 }),
    c.event('T1', 'teaching_session', { session_id: c.id('s2'), duration_seconds: 2400 }),
    c.event('T1', 'mobile_operation', { kind: 'view' }, 'CLIENT_MOBILE'),
    c.event('nobody', 'login'),
  ];
  const unknown = [[4, events[4].event_id, 'UNKNOWN_TEACHER']];
  const first = await c.publish(events);
  report.equal('Publish accepts the good events', [4, 0], [first.accepted, first.duplicates]);
  report.equal('Publish rejects an unknown teacher by index', unknown, rejections(first));
  const again = await c.publish(events);
  report.equal('Publish of the same batch again: all duplicates', [0, 4], [again.accepted, again.duplicates]);
  report.equal('the unknown teacher is rejected again, not a duplicate', unknown, rejections(again));
}

async function publishStream(c, report) {
  const requests = [
    { events: [c.event('T2', 'login')] },
    {
      events: [c.event('T2', 'teaching_session', { session_id: c.id('s3') }),
        c.event('T2', 'app_usage', { app_id: 'weike' }),
        c.event('T2', 'mobile_operation', { kind: 'share' })],
    },
    { events: [c.event('T2', 'mobile_operation', { kind: 'view' })] },
  ];
  const replies = await exchange(c.ingest, 'PublishStream', requests);
  report.equal('PublishStream answers each request in order', [1, 3, 1], replies.map(r => r.accepted));

  const retried = [
    { events: [requests[0].events[0], c.event('T2', 'mobile_operation', { kind: 'view' })] },
    { events: requests[1].events },
  ];
  const again = await exchange(c.ingest, 'PublishStream', retried);
  report.equal("a second stream finds the first stream's events duplicates",
    [[1, 1], [0, 3]], again.map(r => [r.accepted, r.duplicates]));
}

async function teacherScores(c, report) {
  const t1 = await c.get('GetTeacher', c.id('T1'));
  report.equal('GetTeacher: the name round-trips', '张老师', t1.name);
  report.equal('GetTeacher: day, month, year', [12, 12, 12], [t1.day, t1.month, t1.year]);
  report.equal('GetTeacher: day by rule (login 1, two sessions 10, mobile 1)',
    { login: 1, mobile_op: 1, teaching: 10 }, nonZero(t1.day_by_rule));
  report.equal('GetTeacher: streak and active day', [1, true], [t1.login_streak, t1.active_day]);
  const t2 = await c.get('GetTeacher', c.id('T2'));
  report.equal('GetTeacher: streamed events scored under their caps (mobile 2 a day)',
    [10, { app: 2, login: 1, mobile_op: 2, teaching: 5 }], [t2.day, nonZero(t2.day_by_rule)]);
  await report.status('GetTeacher of an unknown id is PERMISSION_DENIED, the detail intact', 'PERMISSION_DENIED',
    () => c.get('GetTeacher', '无此人'), "'无此人' is outside this token's region");
}

async function regionAndLeaderboard(c, report) {
  const county = await eventually(() => c.get('GetRegion', c.id('330106')), r => r.day.total === 22);
  report.equal('GetRegion: name, teachers, schools', ['西湖区', 2, 1], [county.name, county.teachers, county.schools]);
  report.equal('GetRegion: day total, mean, active ratio', [22, 11, 1],
    [county.day.total, county.day.mean, county.day.active_ratio]);
  report.equal('GetSchool: the name round-trips', '学军中学', (await c.get('GetSchool', c.id('S1'))).name);
  const board = await eventually(() => c.leaderboard(c.id('330106'), 'teachers'), b => b.total === 2);
  report.equal('GetLeaderboard: teachers ranked with names',
    [[1, c.id('T1'), '张老师', 12], [2, c.id('T2'), '李老师', 10]],
    board.entries.map(e => [e.rank, e.id, e.name, e.score]));
  await report.status('GetLeaderboard of an unknown kind is INVALID_ARGUMENT', 'INVALID_ARGUMENT',
    () => c.leaderboard(c.id('330106'), 'cities'), "kind 'cities'");
}

async function unknownMethods(c, report) {
  const raw = path => () => new Promise((resolve, reject) => c.raw.makeUnaryRequest(
    path, b => b, b => b, Buffer.alloc(0), { deadline: deadlineIn(CALL_TIMEOUT_MS) }, (e, r) => (e ? reject(e) : resolve(r))));
  await report.status('an unknown method is UNIMPLEMENTED', 'UNIMPLEMENTED',
    raw('/zhijiang.live.v1.Query/NoSuchMethod'), 'Method is unimplemented');
  await report.status('an unknown service is UNIMPLEMENTED', 'UNIMPLEMENTED',
    raw('/zhijiang.live.v1.NoSuchService/Get'), 'Service is unimplemented');
}

async function messageSizes(c, report, settings) {
  const nearLimit = 'x'.repeat(settings.maxMessageSize - 1024);
  report.equal('a message just under the size limit is read across DATA frames', 1,
    (await c.publish([c.event('T3', 'mobile_operation', { kind: nearLimit })])).accepted);
  const padding = 'x'.repeat(settings.maxMessageSize + 36 * 1024);
  await report.status('a message over the size limit is RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED',
    () => c.publish([c.event('T3', 'mobile_operation', { kind: padding })]));
  report.equal('the server serves on after it', 1, (await c.publish([c.event('T3', 'login')])).accepted);
}

async function concurrentCalls(c, report) {
  const replies = await Promise.all(
    Array.from({ length: 32 }, () => c.publish([c.event('T3', 'mobile_operation', { kind: 'view' })])));
  report.equal('32 concurrent calls on one connection are each answered', Array(32).fill(1), replies.map(r => r.accepted));
}

async function distantDeadline(c, report) {
  const reply = await unary(c.health, 'Check', { service: '' }, { deadline: deadlineIn(100 * 86_400_000) });
  report.equal('a call with a deadline 100 days away is served', 'SERVING', reply.status);
}

async function deadline(c, report) {
  const call = c.ingest.PublishStream({ deadline: deadlineIn(1000) });
  call.write({ events: [c.event('T3', 'app_usage', { app_id: 'weike' })] }); // and the stream stays open
  const replies = call[Symbol.asyncIterator]();
  report.equal('a stream is answered before its deadline', 1, (await replies.next()).value?.accepted);
  await report.status('a stream open past its deadline is DEADLINE_EXCEEDED', 'DEADLINE_EXCEEDED', () => replies.next());
}

async function cancelledStream(c, report) {
  const call = c.ingest.PublishStream({ deadline: deadlineIn(CALL_TIMEOUT_MS) });
  call.write({ events: [c.event('T3', 'app_usage', { app_id: 'base-school' })] });
  const replies = call[Symbol.asyncIterator]();
  report.equal('a stream is answered before it is cancelled', 1, (await replies.next()).value?.accepted);
  call.cancel();
  await report.status('the client sees its cancelled stream CANCELLED', 'CANCELLED', () => replies.next());
  report.equal('the server serves on after a cancelled stream', 1,
    (await c.publish([c.event('T3', 'interaction', { counterpart_id: '学生甲' })])).accepted);
}

async function oversizeBatch(c, report, settings) {
  const limit = settings.maxBatchEvents;
  const tooMany = Array.from({ length: limit + 1 }, () => c.event('T3', 'login'));
  await report.status(`a batch of ${limit + 1} events is INVALID_ARGUMENT naming the limit`, 'INVALID_ARGUMENT',
    () => c.publish(tooMany), `at most ${limit} events`);

  const call = c.ingest.PublishStream({ deadline: deadlineIn(CALL_TIMEOUT_MS) });
  call.write({ events: [c.event('T3', 'login')] });
  call.write({ events: tooMany });
  call.end();
  const replies = call[Symbol.asyncIterator]();
  report.equal('a stream answers the batches before an invalid one', 1, (await replies.next()).value?.accepted);
  await report.status('then ends INVALID_ARGUMENT', 'INVALID_ARGUMENT', () => replies.next(), `at most ${limit} events`);
}

async function gzipRequest(c, report, settings) {
  const events = Array.from({ length: 40 }, (_, i) =>
    c.event('T3', 'resource_spread', { resource_id: c.id('r1'), user_id: `用户${i}`, action: 'download' }));
  const reply = await c.publish(events, c.gzipIngest);
  report.equal('a gzip-compressed request is read', [40, 0, []], [reply.accepted, reply.duplicates, rejections(reply)]);
  const inflating = [c.event('T3', 'mobile_operation', { kind: 'x'.repeat(settings.maxMessageSize + 36 * 1024) })];
  await report.status('a gzip message that inflates past the size limit is RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED',
    () => c.publish(inflating, c.gzipIngest));
  const deflated = await c.publish([c.event('T3', 'login')], c.deflateIngest);
  report.equal('a deflate-compressed request is read', 1, deflated.accepted);
}

/** Who may call what: credentials checked before anything is read, and a county token held to its county. */
async function access(c, report, settings) {
  const teacher = (query, id) => unary(query, 'GetTeacher', { id: c.id(id), date: c.today });
  await report.status('Publish without credentials is UNAUTHENTICATED', 'UNAUTHENTICATED',
    () => c.publish([c.event('T3', 'login')], c.as('Ingest')), 'no credentials');
  await report.status('GetTeacher without credentials is UNAUTHENTICATED', 'UNAUTHENTICATED', () => teacher(c.as('Query'), 'T3'));
  await report.status('Publish with a wrong key is UNAUTHENTICATED', 'UNAUTHENTICATED',
    () => c.publish([c.event('T3', 'login')], c.as('Ingest', 'zlk_not-a-key')), 'not valid');
  await report.status('Publish with a bureau token is PERMISSION_DENIED', 'PERMISSION_DENIED',
    () => c.publish([c.event('T3', 'login')], c.as('Ingest', settings.token)));
  await report.status('GetTeacher with the platform key is PERMISSION_DENIED', 'PERMISSION_DENIED',
    () => teacher(c.as('Query', settings.key), 'T3'));
  if (!settings.countyToken) {
    report.fail('a county token reads its own county', 'run with --county-token (a token for <tag>-330108)');
    return;
  }
  const county = c.as('Query', settings.countyToken);
  report.equal("a county token reads its own county's teacher", '赵老师', (await teacher(county, 'T3')).name);
  await report.status("a county token reading the neighbour county's teacher is PERMISSION_DENIED", 'PERMISSION_DENIED',
    () => teacher(county, 'T1'), "is outside this token's region");
  await report.status('and an unknown id gets the same answer', 'PERMISSION_DENIED',
    () => teacher(county, 'nobody'), "is outside this token's region");
}

/** A candidate registered, scored by experts and read back as a sheet; a county token held to its county. */
async function evaluation(c, report, settings) {
  const candidate = { rubric_id: 'guizhou-2021', year: Number(c.today.slice(0, 4)), teacher_id: c.id('T1') };
  // Counting from the run's now, not the silo's later one, so that the run's events count.
  const from = { seconds: Math.floor(c.now.getTime() / 1000), nanos: 0 };
  const registered = await unary(c.evaluation, 'Register', { candidates: [{ ...candidate, from }] });
  report.equal('Evaluation.Register takes the candidate', [1, []], [registered.candidates, rejections(registered)]);
  const interaction = c.event('T1', 'interaction', { counterpart_id: '家长甲', kind: 'home_school' });
  report.equal('an event after registration is accepted', 1, (await c.publish([interaction])).accepted);
  const scored = await unary(c.evaluation, 'ScoreExpert', { scores: [{ ...candidate, item_id: 'typical_case', points: 7.5 }] });
  report.equal('Evaluation.ScoreExpert takes the points', [1, []], [scored.expert_scores, rejections(scored)]);

  const sheet = await unary(c.evaluation, 'GetSheet', candidate);
  const items = Object.fromEntries(sheet.items.map(i => [i.id, i]));
  report.equal('GetSheet: the name round-trips', '张老师', sheet.name);
  report.check('GetSheet: a rank among the candidates', sheet.rank >= 1 && sheet.rank <= sheet.candidates, `${sheet.rank} of ${sheet.candidates}`);
  report.equal('GetSheet: the expert points, entered', [7.5, true], [items.typical_case.points, items.typical_case.parts[0].entered]);
  report.equal('GetSheet: the home-school interaction measured and scored', [1, 1],
    [items.home_school.measured, items.home_school.points]);
  report.equal("GetSheet: the total is the items' points", sheet.items.reduce((sum, i) => sum + i.points, 0), sheet.total);
  if (!settings.countyToken) {
    report.fail('a county token registers only its own teachers', 'run with --county-token (a token for <tag>-330108)');
    return;
  }
  const county = c.as('Evaluation', settings.countyToken);
  await report.status("a county token registering the neighbour county's teacher is PERMISSION_DENIED", 'PERMISSION_DENIED',
    () => unary(county, 'Register', { candidates: [candidate] }), `teacher '${c.id('T1')}' is outside this token's region`);
  await report.status("and reading that teacher's sheet is too", 'PERMISSION_DENIED',
    () => unary(county, 'GetSheet', candidate), "is outside this token's region");
}

main();
