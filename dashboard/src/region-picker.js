// Province → city → county, from the hub's Regions(): the token's region and what lies under it. The top
// list holds the token's own region (a county's token shows its county alone); the lists above it are hidden.
// The chosen region is the deepest one picked: a county, else a city ("whole city"), else the province.
import { el } from './dom.js';
import { t } from './i18n.js';

const LEVELS = ['province', 'city', 'county'];
const WHOLE = { city: 'region.wholeProvince', county: 'region.wholeCity' };

export class RegionPicker {
  #regions = [];
  #byId = new Map();
  #selected = null;

  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.selects = Object.fromEntries(LEVELS.map((level) => [level, root.querySelector(`[data-testid="region-${level}"]`)]));
    LEVELS.forEach((level, i) => {
      const above = LEVELS[i - 1];
      this.selects[level].addEventListener('change', () =>
        this.#picked(this.selects[level].value || (above ? this.selects[above].value : '')));
    });
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

  /** The city that id is or lies in, if the token can see it. */
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

  /** The regions whose parent the token cannot see: its own region. */
  get roots() {
    return this.#regions.filter((r) => !this.#byId.has(r.parentId));
  }

  /** Takes the token's regions; keeps wanted (or the current choice) when it is still there, else the top one. */
  setRegions(regions, wanted = this.#selected) {
    this.#regions = regions;
    this.#byId = new Map(regions.map((r) => [r.id, r]));
    this.#selected = this.#byId.has(wanted) ? wanted : this.roots[0]?.id ?? null;
    this.render();
    return this.#selected;
  }

  render() {
    const chain = this.#chain(this.#selected);
    const top = LEVELS.indexOf(this.roots[0]?.level ?? 'province');
    LEVELS.forEach((level, i) => {
      const select = this.selects[level];
      const picked = chain.find((r) => r.level === level)?.id;
      select.hidden = i < top;
      if (i < top) {
        return;
      }
      if (i === top) {
        fill(select, this.roots, null, picked);
        select.disabled = false;
        return;
      }
      const parent = chain.find((r) => r.level === LEVELS[i - 1]);
      fill(select, parent ? this.children(parent.id) : [], t(WHOLE[level]), picked);
      select.disabled = !parent;
    });
  }

  /** Follows id as if it had been picked from the lists (a click on the map). */
  select(id) {
    if (this.#byId.has(id)) {
      this.#picked(id);
    }
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
