// What the dashboard test stands on: its arguments, the report of checks, Debian's chromium, a gRPC
// publisher at the silo's clock, and a watch on page elements that notes when they first change.
'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { chromium } = require('playwright-core');

const PROTOS = path.resolve(__dirname, '../../src/ZhijiangLive.Contracts/protos');
const CALL_TIMEOUT_MS = 10_000;
const LAUNCH_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** --name value pairs; every name in required must be given. */
function parseArguments(argv, required) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got '${argv.slice(i).join(' ')}'`);
    }
    options[argv[i].slice(2)] = argv[i + 1];
  }
  const missing = required.filter(name => !(name in options));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.map(n => `--${n}`).join(', ')}`);
  }
  return options;
}

/** One line per check as it is made, and the counts for the closing line. */
class Report {
  passed = 0;
  failed = 0;

  check(name, condition, detail = '') {
    if (condition) {
      this.passed++;
      console.log(`ok   ${name}`);
    } else {
      this.failed++;
      console.log(`FAIL ${name}: ${detail}`);
    }
    return condition;
  }

  equal(name, expected, actual) {
    const [e, a] = [JSON.stringify(expected), JSON.stringify(actual)];
    return this.check(name, e === a, `expected ${e}, got ${a}`);
  }

  /** Awaits a playwright wait; a timeout is a failed check with its message, not the end of the run. */
  async within(name, wait) {
    try {
      await wait();
      return this.check(name, true);
    } catch (e) {
      return this.check(name, false, e.message.split('\n')[0]);
    }
  }

  close() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}

function launchChromium(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: LAUNCH_FLAGS });
}

/** Publishes over gRPC (@grpc/grpc-js with the contract's .proto files), events at the silo's now. */
class Publisher {
  constructor(target, now, tag) {
    const definition = protoLoader.loadSync(['zhijiang/live/v1/ingest.proto'],
      { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [PROTOS] });
    const v1 = grpc.loadPackageDefinition(definition).zhijiang.live.v1;
    this.ingest = new v1.Ingest(target, grpc.credentials.createInsecure());
    this.now = now;
    this.tag = tag;
    this.count = 0;
  }

  /** A teaching session: 5 points, two a day per teacher at most. */
  teaching(teacherId) {
    this.count++;
    const ms = this.now.getTime();
    return {
      event_id: `${this.tag}-e${this.count}`,
      teacher_id: teacherId,
      occurred_at: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
      client: 'CLIENT_PC',
      teaching_session: { session_id: `${this.tag}-s${this.count}`, duration_seconds: 2400 },
    };
  }

  publish(events) {
    // The platform key to publish with comes from the environment (ZHIJIANG_KEY), as tools/zhijiang.py takes it.
    const metadata = new grpc.Metadata();
    if (process.env.ZHIJIANG_KEY) metadata.set('authorization', `Bearer ${process.env.ZHIJIANG_KEY}`);
    return new Promise((resolve, reject) => this.ingest.Publish({ events }, metadata,
      { deadline: new Date(Date.now() + CALL_TIMEOUT_MS) }, (e, reply) => (e ? reject(e) : resolve(reply))));
  }

  close() {
    this.ingest.close();
  }
}

/**
 * Watches the elements named by data-testid: window.__changes[id] is the time (ms since the epoch) of the
 * first frame painted after the element's content first changed since the last reset.
 */
async function watchChanges(page, testIds) {
  await page.evaluate((ids) => {
    window.__changes = {};
    window.__resetChanges = () => { window.__changes = {}; };
    for (const id of ids) {
      const element = document.querySelector(`[data-testid="${id}"]`);
      new MutationObserver(() => {
        if (!(id in window.__changes)) {
          window.__changes[id] = null;
          requestAnimationFrame(() => { window.__changes[id] = Date.now(); });
        }
      }).observe(element, { childList: true, subtree: true, characterData: true });
    }
  }, testIds);
}

const text = (page, selector) => page.locator(selector).first().innerText();

module.exports = { Publisher, Report, launchChromium, parseArguments, text, watchChanges };
