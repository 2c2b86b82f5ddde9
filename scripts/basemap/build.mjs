// Builds the viewer's basemap, public/basemap/land.json, from Natural Earth
// (public domain) as redistributed by the `world-atlas` npm package.
//
//   cd scripts/basemap && npm ci && node build.mjs
//
// The basemap has two layers, and the viewer draws one of them:
// - "region": 1:10m land and country borders, clipped to a box around the
//   Sea of Japan (Korea, Primorye, Hokkaido: the bundled report's waters,
//   with several degrees to spare). Used when everything the map shows lies
//   inside that box.
// - "world": 1:110m land and borders for the whole globe, so that a report
//   about any other sea still draws.
//
// Coordinates are whole two-hundredths of a degree (about 500 m), each line or
// ring written as [lon0, lat0, dlon1, dlat1, dlon2, dlat2, ...]: the first
// point absolute, the rest as steps from the point before, in a string of
// five bits to a character (steps.mjs). Lines are
// simplified (Douglas-Peucker) and specks of land dropped, to keep the file
// small; the build prints its size.
//
// See README.md beside this file for the source, licence and how to rebuild.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature, mesh } from "topojson-client";
import { encodeSteps } from "./steps.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const atlas = (name) => JSON.parse(readFileSync(join(here, "node_modules/world-atlas", name), "utf8"));
const out = join(here, "../../public/basemap/land.json");

/** Coordinates are stored in these units: 200 per degree (0.005°, about 500 m). */
const PER_DEGREE = 200;

/** The fine layer's box, [west, south, east, north] in degrees: the Sea of Japan with room around it
 * (the first version's box, 108-162 E and 24-62 N, with a finer world layer, made the file 11 KB
 * gzip larger for coasts no report of ours shows). */
const REGION = [122, 33, 148, 52];
const WORLD = [-180, -90, 180, 90];

const LAYERS = [
  {
    name: "region",
    detail: "1:10m",
    bbox: REGION,
    land: atlas("land-10m.json"),
    countries: atlas("countries-10m.json"),
    // How far simplifying may move a line, in stored units: 1 = 0.005°, about 500 m,
    // under two pixels even on a map a few hundred kilometres across.
    tolerance: 1,
    // Islands smaller than this many square degrees are dropped (0.0003 ≈ 3 km²).
    minArea: 0.0003,
  },
  {
    name: "world",
    detail: "1:110m",
    bbox: WORLD,
    land: atlas("land-110m.json"),
    countries: atlas("countries-110m.json"),
    tolerance: 12, // 0.06°, about 6 km
    minArea: 0.1,
  },
];

const layers = LAYERS.map((spec) => {
  const land = feature(spec.land, spec.land.objects.land);
  const rings = polygonsOf(land)
    .flatMap((polygon) => polygon)
    .map((ring) => clipRing(ring, spec.bbox))
    .map((ring) => simplifyRing(quantize(ring), spec.tolerance))
    .filter((ring) => ring.length >= 4 && Math.abs(area(ring)) >= spec.minArea * PER_DEGREE * PER_DEGREE);
  const borderLines = mesh(spec.countries, spec.countries.objects.countries, (a, b) => a !== b).coordinates;
  const borders = borderLines
    .flatMap((line) => clipLine(line, spec.bbox))
    .map((line) => simplifyLine(quantize(line), spec.tolerance))
    .filter((line) => line.length >= 2);
  return {
    name: spec.name,
    detail: spec.detail,
    bbox: spec.bbox,
    land: rings.map(deltas),
    borders: borders.map(deltas),
  };
});

const header = {
  format: "sealift-basemap/2",
  source: "Natural Earth 4.1.0 (naturalearthdata.com), via the world-atlas 2.0.2 npm package",
  license: "Public domain. Made with Natural Earth.",
  perDegree: PER_DEGREE,
};

// One ring or border per line keeps the files readable in a diff.
const list = (lines) => "[\n" + lines.map((line) => JSON.stringify(encodeSteps(line))).join(",\n") + "\n]";
const layerText = ({ land, borders, ...about }) =>
  JSON.stringify(about).slice(0, -1) + `,"land":${list(land)},"borders":${list(borders)}}`;
const basemapText = (layerTexts) => JSON.stringify(header).slice(0, -1) + `,"layers":[\n${layerTexts.join(",\n")}\n]}\n`;

// Each layer in a file of its own, a basemap with that one layer; land.json
// lists them with their boxes, so that the viewer downloads only the layer
// its map needs (the bundled report's map needs only the region).
mkdirSync(dirname(out), { recursive: true });
const fileOf = (layer) => `land-${layer.name}.json`;
const index = basemapText(layers.map(({ land, borders, ...about }) => JSON.stringify({ ...about, file: fileOf(about) })));
writeFileSync(out, index);
console.log(`${out}: ${index.length} bytes`);
for (const layer of layers) {
  const text = basemapText([layerText(layer)]);
  const path = join(dirname(out), fileOf(layer));
  writeFileSync(path, text);
  const points = (list) => list.reduce((n, r) => n + r.length / 2, 0);
  console.log(
    `${layer.name}: ${layer.land.length} rings (${points(layer.land)} points), ` +
      `${layer.borders.length} borders (${points(layer.borders)} points); ` +
      `${path}: ${text.length} bytes, ${gzipSync(text, { level: 9 }).length} bytes gzipped`,
  );
}

/** The polygons (each a list of rings) of a GeoJSON feature collection. */
function polygonsOf(collection) {
  return collection.features.flatMap(({ geometry }) => {
    if (!geometry) return [];
    if (geometry.type === "Polygon") return [geometry.coordinates];
    if (geometry.type === "MultiPolygon") return geometry.coordinates;
    return [];
  });
}

/** Degrees to whole stored units, dropping points that land on the one before. */
function quantize(points) {
  const result = [];
  for (const [lon, lat] of points) {
    const point = [Math.round(lon * PER_DEGREE), Math.round(lat * PER_DEGREE)];
    const last = result[result.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) result.push(point);
  }
  return result;
}

/** [x0, y0, dx1, dy1, ...]: the first point, then steps. */
function deltas(points) {
  const flat = [];
  let [px, py] = [0, 0];
  for (const [x, y] of points) {
    flat.push(x - px, y - py);
    [px, py] = [x, y];
  }
  return flat;
}

/** Twice the signed area (shoelace), in square stored units. */
function area(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** Sutherland–Hodgman: the part of a closed ring inside the box (still closed). */
function clipRing(ring, [west, south, east, north]) {
  const edges = [
    { inside: (p) => p[0] >= west, cross: (a, b) => atX(a, b, west) },
    { inside: (p) => p[0] <= east, cross: (a, b) => atX(a, b, east) },
    { inside: (p) => p[1] >= south, cross: (a, b) => atY(a, b, south) },
    { inside: (p) => p[1] <= north, cross: (a, b) => atY(a, b, north) },
  ];
  let points = ring;
  for (const edge of edges) {
    if (points.length === 0) break;
    const next = [];
    for (let i = 0; i < points.length; i++) {
      const current = points[i];
      const previous = points[(i + points.length - 1) % points.length];
      if (edge.inside(current)) {
        if (!edge.inside(previous)) next.push(edge.cross(previous, current));
        next.push(current);
      } else if (edge.inside(previous)) {
        next.push(edge.cross(previous, current));
      }
    }
    points = next;
  }
  return points;
}

/** The pieces of an open line inside the box. */
function clipLine(line, [west, south, east, north]) {
  const inside = (p) => p[0] >= west && p[0] <= east && p[1] >= south && p[1] <= north;
  const pieces = [];
  let piece = [];
  for (let i = 0; i < line.length; i++) {
    const point = line[i];
    if (inside(point)) {
      if (piece.length === 0 && i > 0) piece.push(enter(line[i - 1], point));
      piece.push(point);
    } else if (piece.length > 0) {
      piece.push(enter(point, line[i - 1]));
      pieces.push(piece);
      piece = [];
    }
  }
  if (piece.length > 1) pieces.push(piece);
  return pieces;

  // Where the segment from `outside` to `inner` crosses into the box.
  function enter(outside, inner) {
    let point = outside;
    if (point[0] < west) point = atX(point, inner, west);
    if (point[0] > east) point = atX(point, inner, east);
    if (point[1] < south) point = atY(point, inner, south);
    if (point[1] > north) point = atY(point, inner, north);
    return point;
  }
}

function atX([x0, y0], [x1, y1], x) {
  return [x, y0 + ((y1 - y0) * (x - x0)) / (x1 - x0)];
}

function atY([x0, y0], [x1, y1], y) {
  return [x0 + ((x1 - x0) * (y - y0)) / (y1 - y0), y];
}

/** Douglas–Peucker on a closed ring: split at its two farthest-apart points, simplify each half. */
function simplifyRing(ring, tolerance) {
  if (ring.length > 1) {
    const [fx, fy] = ring[0];
    const [lx, ly] = ring[ring.length - 1];
    if (fx === lx && fy === ly) ring = ring.slice(0, -1);
  }
  if (ring.length < 4) return ring;
  let far = 0;
  let best = -1;
  for (let i = 1; i < ring.length; i++) {
    const d = (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2;
    if (d > best) [best, far] = [d, i];
  }
  const first = simplifyLine(ring.slice(0, far + 1), tolerance);
  const second = simplifyLine([...ring.slice(far), ring[0]], tolerance);
  return [...first.slice(0, -1), ...second.slice(0, -1)];
}

/** Douglas–Peucker: keeps the points that move the line by more than `tolerance`. */
function simplifyLine(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [start, end] = stack.pop();
    let farthest = -1;
    let distance = tolerance;
    for (let i = start + 1; i < end; i++) {
      const d = offLine(points[i], points[start], points[end]);
      if (d > distance) [distance, farthest] = [d, i];
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([start, farthest], [farthest, end]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** How far `p` lies from the segment a–b. */
function offLine(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
