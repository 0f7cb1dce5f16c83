// Draws the two Teams app icons and writes them next to the manifest:
//   manifests/teams/color.png   192×192, full colour: a rounded square in the accent colour
//                               with a white speech bubble holding a three-line timeline;
//   manifests/teams/outline.png 32×32, transparent with the same glyph drawn in white only
//                               (Teams asks for white on transparent, alpha for anti-aliasing).
// Pure Node, no dependencies: shapes are signed distance functions sampled 4×4 per pixel, and
// the PNG (RGBA, colour type 6) is assembled by hand with zlib.deflateSync and CRC-32.
// Run: node scripts/teams-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifests', 'teams');
const manifest = JSON.parse(readFileSync(join(OUT_DIR, 'manifest.json'), 'utf8'));
const ACCENT = hexToRgb(manifest.accentColor);
const WHITE = [255, 255, 255];
const SUBSAMPLES = 4;

function hexToRgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

// ---- shapes, in unit coordinates (0..1, y down); negative distance = inside ----

function roundedBox(px, py, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(px - cx) - halfW + radius;
  const qy = Math.abs(py - cy) - halfH + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Exact distance to a closed polygon (after Inigo Quilez's sdPolygon). */
function polygon(px, py, points) {
  let [vx, vy] = points[0];
  let best = (px - vx) ** 2 + (py - vy) ** 2;
  let sign = 1;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i++) {
    const [ix, iy] = points[i];
    const [jx, jy] = points[j];
    const ex = jx - ix;
    const ey = jy - iy;
    const wx = px - ix;
    const wy = py - iy;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    best = Math.min(best, (wx - ex * t) ** 2 + (wy - ey * t) ** 2);
    const a = py >= iy;
    const b = py < jy;
    const c = ex * wy > ey * wx;
    if ((a && b && c) || (!a && !b && !c)) sign = -sign;
    [vx, vy] = [ix, iy];
  }
  return sign * Math.sqrt(best);
}

function capsule(px, py, ax, ay, bx, by, radius) {
  const ex = bx - ax;
  const ey = by - ay;
  const t = Math.min(Math.max(((px - ax) * ex + (py - ay) * ey) / (ex * ex + ey * ey), 0), 1);
  return Math.hypot(px - ax - ex * t, py - ay - ey * t) - radius;
}

function circle(px, py, cx, cy, radius) {
  return Math.hypot(px - cx, py - cy) - radius;
}

/** A speech bubble (rounded body plus a tail at the bottom left), placed in the given box. */
function bubble(px, py, box) {
  const { left, top, right, bottom, radius, tail: [tailFrom, tailTo, tailDepth] = [0.18, 0.42, 0.32] } = box;
  const body = roundedBox(
    px,
    py,
    (left + right) / 2,
    (top + bottom) / 2,
    (right - left) / 2,
    (bottom - top) / 2,
    radius,
  );
  const w = right - left;
  const tail = polygon(px, py, [
    [left + w * tailFrom, bottom - radius],
    [left + w * tailTo, bottom - radius],
    [left + w * (tailFrom - 0.06), bottom + (bottom - top) * tailDepth],
  ]);
  return Math.min(body, tail);
}

/** Three timeline rows inside the bubble: a dot and a line each, the last line shorter. */
function timeline(px, py, box, dotRadius, lineRadius, lineGap = 0.14) {
  const { left, top, right, bottom } = box;
  const w = right - left;
  const h = bottom - top;
  let d = Number.POSITIVE_INFINITY;
  [0.28, 0.5, 0.72].forEach((row, index) => {
    const y = top + h * row;
    const dotX = left + w * 0.2;
    const lineEnd = left + w * (index === 2 ? 0.6 : 0.8);
    d = Math.min(
      d,
      circle(px, py, dotX, y, dotRadius),
      capsule(px, py, dotX + w * lineGap, y, lineEnd, y, lineRadius),
    );
  });
  return d;
}

// ---- the two icons: each returns the RGBA colour of one sample point ----

function colorSample(x, y) {
  const box = { left: 0.2, top: 0.22, right: 0.8, bottom: 0.64, radius: 0.09 };
  if (roundedBox(x, y, 0.5, 0.5, 0.5, 0.5, 0.2) > 0) return [0, 0, 0, 0];
  if (bubble(x, y, box) > 0) return [...ACCENT, 255];
  if (timeline(x, y, box, 0.032, 0.018) <= 0) return [...ACCENT, 255];
  return [...WHITE, 255];
}

function outlineSample(x, y) {
  // Stroke about 2 px wide at 32 px; the glyph fills most of the square as Teams recommends.
  const stroke = 1 / 32;
  const box = { left: 0.09, top: 0.1, right: 0.91, bottom: 0.68, radius: 0.14, tail: [0.2, 0.5, 0.42] };
  const onOutline = Math.abs(bubble(x, y, box)) <= stroke;
  const onTimeline = timeline(x, y, box, 0.045, stroke, 0.17) <= 0;
  return onOutline || onTimeline ? [...WHITE, 255] : [...WHITE, 0];
}

function render(size, sample) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const [cr, cg, cb, ca] = sample(
            (px + (sx + 0.5) / SUBSAMPLES) / size,
            (py + (sy + 0.5) / SUBSAMPLES) / size,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      // Average premultiplied, then un-premultiply; fully transparent pixels stay white so
      // the outline icon never holds a non-white colour.
      pixels[offset] = a === 0 ? 255 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 255 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 255 : Math.round(b / a);
      pixels[offset + 3] = Math.round(a / (SUBSAMPLES * SUBSAMPLES));
    }
  }
  return pixels;
}

// ---- PNG encoding ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type 6: RGBA
  // bytes 10–12: compression, filter and interlace methods, all 0
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter type None
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [file, size, sample] of [
  ['color.png', 192, colorSample],
  ['outline.png', 32, outlineSample],
]) {
  const path = join(OUT_DIR, file);
  writeFileSync(path, encodePng(size, render(size, sample)));
  console.log(`wrote ${path} (${size}×${size})`);
}
