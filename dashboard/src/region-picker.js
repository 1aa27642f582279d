// Province → city → county, from the hub's Regions(). The chosen region is the deepest one picked:
// a county, else a city ("whole city"), else the province ("whole province").
import { el } from './dom.js';
import { t } from './i18n.js';

export class RegionPicker {
  #regions = [];
  #byId = new Map();
  #selected = null;

  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.province = root.querySelector('[data-testid="region-province"]');
    this.city = root.querySelector('[data-testid="region-city"]');
    this.county = root.querySelector('[data-testid="region-county"]');
    this.province.addEventListener('change', () => this.#picked(this.province.value));
    this.city.addEventListener('change', () => this.#picked(this.city.value || this.province.value));
    this.county.addEventListener('change', () => this.#picked(this.county.value || this.city.value));
  }

  get selected() {
    return this.#selected;
  }

  region(id) {
    return this.#byId.get(id);
  }

  children(id) {
    return this.#regions.filter((r) => r.parentId === id);
  }

  /** The city that id is or lies in, if any. */
  cityOf(id) {
    let region = this.#byId.get(id);
    while (region && region.level !== 'city') {
      region = this.#byId.get(region.parentId);
    }
    return region ?? null;
  }

  get cities() {
    return this.#regions.filter((r) => r.level === 'city');
  }

  /** Takes the roster's regions; keeps wanted (or the current choice) when it is still there, else the first province. */
  setRegions(regions, wanted = this.#selected) {
    this.#regions = regions;
    this.#byId = new Map(regions.map((r) => [r.id, r]));
    const fallback = regions.find((r) => r.level === 'province') ?? regions[0];
    this.#selected = this.#byId.has(wanted) ? wanted : fallback?.id ?? null;
    this.render();
    return this.#selected;
  }

  render() {
    const chain = this.#chain(this.#selected);
    const province = chain.find((r) => r.level === 'province');
    const city = chain.find((r) => r.level === 'city');
    const county = chain.find((r) => r.level === 'county');
    fill(this.province, this.#regions.filter((r) => r.level === 'province'), null, province?.id);
    fill(this.city, province ? this.children(province.id) : [], t('region.wholeProvince'), city?.id);
    fill(this.county, city ? this.children(city.id) : [], t('region.wholeCity'), county?.id);
    this.city.disabled = !province;
    this.county.disabled = !city;
  }

  #picked(id) {
    if (!id || id === this.#selected) {
      return;
    }
    this.#selected = id;
    this.render();
    this.onChange(id);
  }

  #chain(id) {
    const chain = [];
    for (let region = this.#byId.get(id); region; region = this.#byId.get(region.parentId)) {
      chain.unshift(region);
    }
    return chain;
  }
}

function fill(select, regions, wholeLabel, selectedId) {
  const options = wholeLabel === null ? [] : [el('option', { value: '' }, wholeLabel)];
  options.push(...regions.map((r) => el('option', { value: r.id }, r.name)));
  select.replaceChildren(...options);
  select.value = selectedId ?? '';
}
