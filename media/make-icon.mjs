// Draws media/icon.png (128×128): a small three-layer network on a rounded square, with a falling loss curve.
// Plain Node, no image library: shapes are rasterised with 4×4 supersampling and written as a PNG with zlib.
// Usage: node media/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersamples per axis

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const layers = [[58, 82], [22, 46, 70, 94], [40, 64, 88]]; // y positions of the nodes, per layer (2-4-3)
const xs = [30, 64, 98];
const nodes = layers.map((ys, i) => ys.map((y) => [xs[i], y + 4]));
const edges = [];
for (let l = 0; l + 1 < nodes.length; l++) for (const a of nodes[l]) for (const b of nodes[l + 1]) edges.push([a, b]);
// loss curve: y = 98 + 14·exp(-(x-14)/14), sampled as a polyline along the bottom
const curve = [];
for (let x = 14; x <= 114; x += 4) curve.push([x, 104 + 14 * Math.exp(-(x - 14) / 14) - 6]);

/** Colour of one sample point (RGBA 0..255), painter's order: background, edges, curve, nodes. */
function sample(x, y) {
  const r = 22, inset = 4;
  const cx = Math.min(Math.max(x, inset + r), SIZE - inset - r), cy = Math.min(Math.max(y, inset + r), SIZE - inset - r);
  if (Math.hypot(x - cx, y - cy) > r) return [0, 0, 0, 0];
  let c = [24, 38, 74, 255];
  for (const [a, b] of edges) if (segDist(x, y, a[0], a[1], b[0], b[1]) < 1.4) c = [110, 150, 220, 255];
  for (let i = 0; i + 1 < curve.length; i++) {
    if (segDist(x, y, curve[i][0], curve[i][1], curve[i + 1][0], curve[i + 1][1]) < 2.6) c = [255, 170, 60, 255];
  }
  for (const layer of nodes) for (const [nx, ny] of layer) {
    const d = Math.hypot(x - nx, y - ny);
    if (d < 8) c = d < 6 ? [240, 245, 255, 255] : [80, 200, 255, 255];
  }
  return c;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
      for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
      acc[3] += c[3];
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const a = acc[3] / (SS * SS);
    for (let k = 0; k < 3; k++) raw[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
    raw[o + 3] = Math.round(a);
  }
}

/** CRC-32 (polynomial 0xEDB88320) as PNG chunks require. */
function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`wrote media/icon.png (${png.length} bytes)`);
