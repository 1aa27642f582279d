// The live event rate: the latest value in words and the last values as an SVG line. A value comes with
// every message the hub pushes, so the line moves as often as the figures do. (The tile's caption is the
// figures' freshness: freshness.js.)
import { byTestId, setText } from './dom.js';
import { t } from './i18n.js';
import { number } from './format.js';

const KEEP = 60;
const [WIDTH, HEIGHT] = [240, 48];

export class Sparkline {
  #values = [];

  constructor(root) {
    this.value = byTestId('event-rate-value', root);
    this.line = root.querySelector('polyline');
    this.area = root.querySelector('polygon');
  }

  push(rate) {
    this.#values.push(rate ?? 0);
    if (this.#values.length > KEEP) {
      this.#values.shift();
    }
    this.render();
  }

  render() {
    const values = this.#values;
    const latest = values.at(-1) ?? 0;
    setText(this.value, t('kpi.perSecond', { rate: number(latest, latest < 10 ? 1 : 0) }));
    const top = Math.max(1, ...values);
    // The values spread over the whole width: a line from the first push on, never a stub at one edge.
    const step = WIDTH / Math.max(1, values.length - 1);
    const points = values.map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (v / top) * (HEIGHT - 4)).toFixed(1)}`);
    this.line.setAttribute('points', points.join(' '));
    this.area.setAttribute('points', points.length > 1 ? `0,${HEIGHT} ${points.join(' ')} ${WIDTH},${HEIGHT}` : '');
  }
}
