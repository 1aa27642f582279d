// What the interop scenarios stand on: the report of checks, and the services of the contract on one
// channel, with the run's ids and events at the silo's now.
'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTOS = path.resolve(__dirname, '../../../src/ZhijiangLive.Contracts/protos');
const CALL_TIMEOUT_MS = 10_000;
const [DEFLATE, GZIP] = [1, 2]; // grpc's numbers of the compression algorithms

/** One line per check as it is made, and the counts for the closing line. */
class Report {
  passed = 0;
  failed = 0;

  check(name, condition, detail = '') {
    if (condition) {
      this.passed++;
      console.log(`ok   ${name}`);
    } else {
      this.fail(name, detail);
    }
  }

  fail(name, detail) {
    this.failed++;
    console.log(`FAIL ${name}: ${detail}`);
  }

  equal(name, expected, actual) {
    const [e, a] = [JSON.stringify(expected), JSON.stringify(actual)];
    this.check(name, e === a, `expected ${e}, got ${a}`);
  }

  /** Awaits call(), which must fail with the status named expected (and a detail containing detailContains). */
  async status(name, expected, call, detailContains = '') {
    try {
      await call();
    } catch (e) {
      const got = grpc.status[e.code] ?? e.code;
      this.check(name, got === expected && (e.details ?? '').includes(detailContains),
        `expected ${expected} with '${detailContains}', got ${got}: ${e.details ?? e.message}`);
      return;
    }
    this.fail(name, `expected ${expected}, the call succeeded`);
  }
}

/** Sends `authorization: Bearer <credential>` with every call of a client (grpc-js allows no call credentials on h2c). */
const bearer = credential => (options, nextCall) => new grpc.InterceptingCall(nextCall(options), {
  start(metadata, listener, next) {
    if (credential) metadata.set('authorization', `Bearer ${credential}`);
    next(metadata, listener);
  },
});

/**
 * The services on one channel, the run's ids, and events at the silo's now. Ingest and Roster carry the
 * platform key, Query and Evaluation the bureau token; `as(service, credential)` is a service with another credential (or none).
 */
class Client {
  constructor(target, tag, now, { key, token } = {}) {
    const definition = protoLoader.loadSync(
      ['zhijiang/live/v1/ingest.proto', 'zhijiang/live/v1/roster.proto', 'zhijiang/live/v1/query.proto',
        'zhijiang/live/v1/evaluation.proto', 'grpc/health/v1/health.proto'],
      { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [PROTOS] });
    const loaded = grpc.loadPackageDefinition(definition);
    const v1 = loaded.zhijiang.live.v1;
    const credentials = grpc.credentials.createInsecure();
    this.channel = new grpc.Channel(target, credentials, {});
    const on = { channelOverride: this.channel };
    const withKey = { ...on, interceptors: [bearer(key)] };
    this.as = (service, credential) => new v1[service](target, credentials, { ...on, interceptors: [bearer(credential)] });
    this.ingest = new v1.Ingest(target, credentials, withKey);
    this.roster = new v1.Roster(target, credentials, withKey);
    this.query = this.as('Query', token);
    this.evaluation = this.as('Evaluation', token);
    this.health = new loaded.grpc.health.v1.Health(target, credentials, on);
    this.raw = new grpc.Client(target, credentials, on);
    // Channels of their own: a channel stops compressing once the server has said what it accepts.
    this.gzipIngest = new v1.Ingest(target, credentials, { 'grpc.default_compression_algorithm': GZIP, interceptors: [bearer(key)] });
    this.deflateIngest = new v1.Ingest(target, credentials, { 'grpc.default_compression_algorithm': DEFLATE, interceptors: [bearer(key)] });
    this.tag = tag;
    this.now = now;
    this.today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
    this.events = 0;
  }

  id(name) {
    return `${this.tag}-${name}`;
  }

  event(teacher, kind, body = {}, client = 'CLIENT_PC') {
    this.events++;
    const ms = this.now.getTime();
    return {
      event_id: this.id(`e${this.events}`),
      teacher_id: this.id(teacher),
      occurred_at: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
      client,
      [kind]: body,
    };
  }

  publish(events, ingest = this.ingest) {
    return unary(ingest, 'Publish', { events });
  }

  get(method, id) {
    return unary(this.query, method, { id, date: this.today });
  }

  leaderboard(scope, kind) {
    return unary(this.query, 'GetLeaderboard', { scope_id: scope, kind, period: 'PERIOD_DAY', date: this.today, limit: 10 });
  }

  close() {
    this.gzipIngest.close();
    this.deflateIngest.close();
    this.channel.close();
  }
}

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

function unary(client, method, request, options = {}) {
  return new Promise((resolve, reject) =>
    client[method](request, { deadline: deadlineIn(CALL_TIMEOUT_MS), ...options }, (e, reply) => (e ? reject(e) : resolve(reply))));
}

/** Writes each request, half-closes, and collects the replies of a bidirectional stream. */
async function exchange(client, method, requests) {
  const call = client[method]({ deadline: deadlineIn(CALL_TIMEOUT_MS) });
  requests.forEach(r => call.write(r));
  call.end();
  const replies = [];
  for await (const reply of call) {
    replies.push(reply);
  }
  return replies;
}

const rejections = reply => reply.rejections.map(r => [r.index, r.event_id, r.reason]);
const nonZero = map => Object.fromEntries(Object.entries(map).filter(([, v]) => v !== 0).sort());

// Region figures and rankings follow a publish by messages between grains, so a client outside the silo
// cannot wait for them to settle; ask again, briefly, until they have.
async function eventually(ask, settled, withinMs = 5000) {
  const giveUp = Date.now() + withinMs;
  let answer = await ask();
  while (!settled(answer) && Date.now() < giveUp) {
    await new Promise(resolve => setTimeout(resolve, 20));
    answer = await ask();
  }
  return answer;
}

module.exports = { CALL_TIMEOUT_MS, Client, Report, deadlineIn, eventually, exchange, nonZero, rejections, unary };
