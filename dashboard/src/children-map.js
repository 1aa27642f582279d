// The child regions on a map of the followed region (Apache ECharts `map` series): each coloured by its
// active-space ratio against the target, its figures on hover, a click follows it (drills down). The
// boundaries are fetched once per region from maps/<region code>.json (see dashboard/maps/make-maps.mjs);
// a region without a map (a county) hides the panel's map, and a child without a shape is named below it.
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { t } from './i18n.js';
import { number, percent, score } from './format.js';
import { setText } from './dom.js';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const COLOURS = ['#cf222e', '#f0883e', '#8ddb8c', '#1a7f37']; // far below, below, at, well above the target
const NO_DATA = '#eaeef2';

export class ChildrenMap {
  #chart = null;
  #maps = new Map(); // region code → Promise of its GeoJSON, or of null when there is none
  #shown = null; // { regionId, children, target }

  constructor(container, note, onDrill) {
    this.container = container;
    this.note = note;
    this.onDrill = onDrill;
    new ResizeObserver(() => this.#chart?.resize()).observe(container);
  }

  async render(regionId, children, target) {
    this.#shown = { regionId, children: children ?? [], target };
    // A region without children (a county) has no map to fetch.
    const geojson = this.#shown.children.length > 0 ? await this.#mapOf(regionId) : null;
    if (this.#shown?.regionId !== regionId) {
      return; // another region was followed meanwhile
    }
    this.container.hidden = !geojson || this.#shown.children.length === 0;
    if (this.container.hidden) {
      this.container.dataset.features = '0';
      setText(this.note, this.#shown.children.length > 0 ? t('map.none') : '');
      return;
    }
    this.#draw(regionId, geojson);
  }

  /** Again in the chosen language. */
  refresh() {
    if (this.#shown) {
      this.render(this.#shown.regionId, this.#shown.children, this.#shown.target);
    }
  }

  #draw(regionId, geojson) {
    const { children, target } = this.#shown;
    const codes = new Set(geojson.features.map((f) => f.properties.code));
    const drawn = children.filter((c) => codes.has(c.id));
    const unshaped = children.filter((c) => !codes.has(c.id)).map((c) => c.name);
    setText(this.note, unshaped.length > 0 ? t('map.unshaped', { names: unshaped.join('、') }) : '');
    // For the tests and the curious: which regions have a shape filled with their figures, and where.
    this.container.dataset.region = regionId;
    this.container.dataset.features = String(drawn.length);
    this.container.dataset.regions = drawn.map((c) => c.id).join(',');
    this.#chart ??= this.#init();
    this.#chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: ({ data, name }) => (data?.regionName
          ? `<b>${data.regionName}</b><br>${t('chart.ratio')}: ${percent(data.value)}<br>`
            + `${t('map.teachers', { n: number(data.teachers) })}<br>${t('map.mean', { mean: score(data.mean) })}`
          : t('map.noData', { name: geojson.features.find((f) => f.properties.code === name)?.properties.name ?? name })),
      },
      visualMap: {
        type: 'piecewise',
        left: 0,
        bottom: 0,
        itemWidth: 12,
        itemHeight: 10,
        textStyle: { fontSize: 11 },
        pieces: [
          { lt: target / 2, color: COLOURS[0], label: `< ${percent(target / 2, 1)}` },
          { gte: target / 2, lt: target, color: COLOURS[1], label: `${percent(target / 2, 1)} – ${percent(target, 0)}` },
          { gte: target, lt: target * 2, color: COLOURS[2], label: `${percent(target, 0)} – ${percent(target * 2, 0)}` },
          { gte: target * 2, color: COLOURS[3], label: `≥ ${percent(target * 2, 0)}` },
        ],
      },
      series: [{
        type: 'map',
        map: regionId,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        layoutCenter: ['55%', '45%'],
        layoutSize: '88%',
        itemStyle: { areaColor: NO_DATA, borderColor: '#fff', borderWidth: 1 },
        emphasis: { label: { show: true, formatter: ({ data }) => data?.regionName ?? '' }, itemStyle: { areaColor: '#fff1b8' } },
        label: { show: false },
        data: drawn.map((c) => ({ name: c.id, value: c.activeRatio, regionName: c.name, teachers: c.teachers, mean: c.mean })),
      }],
    }, { replaceMerge: ['series'] });
    // Where each drawn child lies on screen (its inner point), so a test can point at it as a person would.
    const centres = geojson.features.filter((f) => drawn.some((c) => c.id === f.properties.code))
      .map((f) => [f.properties.code, this.#chart.convertToPixel({ seriesIndex: 0 }, f.properties.cp)?.map(Math.round)]);
    this.container.dataset.centres = JSON.stringify(Object.fromEntries(centres));
  }

  #init() {
    const chart = echarts.init(this.container, null, { renderer: 'canvas' });
    chart.on('click', ({ data }) => {
      if (data?.regionName) { // a shape of no child region (the old 江干区) leads nowhere
        this.onDrill(data.name);
      }
    });
    return chart;
  }

  #mapOf(regionId) {
    if (!this.#maps.has(regionId)) {
      this.#maps.set(regionId, fetch(new URL(`maps/${regionId}.json`, document.baseURI))
        .then((response) => {
          if (response.status === 404) return null; // no map of this region
          if (!response.ok) throw new Error(`${response.status}`);
          return response.json();
        })
        .then((geojson) => {
          if (geojson) {
            echarts.registerMap(regionId, geojson);
          }
          return geojson;
        })
        .catch(() => {
          this.#maps.delete(regionId); // asked again with the next figures
          return null;
        }));
    }
    return this.#maps.get(regionId);
  }
}
