// How old the figures on screen are: "更新于 3 秒前", counted from the last message the hub pushed, ticking
// every second. The hub pushes as soon as anything shown changes, so a growing age while the connection
// is live means nothing changed; while it is down, it means the figures may be stale.
import { setText } from './dom.js';
import { t } from './i18n.js';

const TICK_MS = 1000;

export class Freshness {
  #receivedAt = null;

  constructor(element) {
    this.element = element;
    setInterval(() => this.render(), TICK_MS);
  }

  /** A message has just arrived. */
  touch() {
    this.#receivedAt = Date.now();
    this.render();
  }

  render() {
    if (this.#receivedAt === null) {
      setText(this.element, '');
      return;
    }
    const seconds = Math.max(0, Math.floor((Date.now() - this.#receivedAt) / 1000));
    const text = seconds < 60 ? t('fresh.seconds', { n: seconds })
      : seconds < 3600 ? t('fresh.minutes', { n: Math.floor(seconds / 60) })
        : t('fresh.hours', { n: Math.floor(seconds / 3600) });
    setText(this.element, text);
  }
}
