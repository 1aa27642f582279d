// The child regions' active-space ratios as horizontal bars (Apache ECharts), with the target as a line:
// bars at or above it green, below it red.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { t } from './i18n.js';
import { percent } from './format.js';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const OK = '#1a7f37';
const BELOW = '#cf222e';
const ROW_HEIGHT = 28;

export class ChildrenChart {
  #chart = null;

  constructor(container, emptyNote) {
    this.container = container;
    this.emptyNote = emptyNote;
    new ResizeObserver(() => this.#chart?.resize()).observe(container);
  }

  render(children, target) {
    const rows = children ?? [];
    this.container.dataset.count = String(rows.length);
    this.container.hidden = rows.length === 0;
    this.emptyNote.hidden = rows.length > 0;
    if (rows.length === 0) {
      return;
    }
    this.container.style.height = `${Math.max(240, rows.length * ROW_HEIGHT + 60)}px`;
    this.#chart ??= echarts.init(this.container, null, { renderer: 'canvas' });
    this.#chart.resize();
    const highest = Math.max(target * 1.5, ...rows.map((r) => r.activeRatio));
    this.#chart.setOption(
      {
        animationDurationUpdate: 500,
        grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (value) => percent(value),
        },
        xAxis: {
          type: 'value',
          min: 0,
          max: Math.min(1, Math.ceil(highest * 20) / 20),
          axisLabel: { formatter: (value) => percent(value, 0) },
          splitLine: { lineStyle: { color: '#e5e7eb' } },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: rows.map((r) => r.name),
          axisTick: { show: false },
        },
        series: [
          {
            name: t('chart.ratio'),
            type: 'bar',
            barMaxWidth: 18,
            data: rows.map((r) => ({ value: r.activeRatio, itemStyle: { color: r.activeRatio >= target ? OK : BELOW } })),
            label: { show: true, position: 'right', formatter: ({ value }) => percent(value) },
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#9a6700', type: 'dashed', width: 2 },
              // The category axis runs top-down, so the line starts at the top: its label goes there.
              label: { formatter: t('chart.target', { target: percent(target, 0) }), position: 'start' },
              data: [{ xAxis: target }],
            },
          },
        ],
      },
      { notMerge: false },
    );
  }
}
