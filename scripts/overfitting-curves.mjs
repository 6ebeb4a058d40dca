#!/usr/bin/env node
/**
 * Draws media/overfitting-curves.svg for the README: examples/overfitting.nn.json trained by the
 * command line (dist/cli.js, so `npm run build` first) three ways — without regularization (both
 * dropout rates 0), with `"l2": 0.003` instead of dropout, and as written (dropout 0.5) — and the
 * validation loss of each per epoch, with the training loss of the unregularized run dashed.
 * Usage: node scripts/overfitting-curves.mjs [out.svg]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'media', 'overfitting-curves.svg');
const example = JSON.parse(readFileSync(join(root, 'examples', 'overfitting.nn.json'), 'utf8'));

/** The example with every dropout rate set to `rate` and `training` extended by `extra`. */
function variant(rate, extra) {
  const c = JSON.parse(JSON.stringify(example));
  for (const l of c.layers) if (l.type === 'dropout') l.rate = rate;
  Object.assign(c.training, extra);
  return c;
}

const runs = [
  { label: 'no regularization: validation loss', color: '#d62728', config: variant(0, {}), series: 'valLoss' },
  { label: 'no regularization: training loss', color: '#d62728', config: variant(0, {}), series: 'loss', dashed: true },
  { label: 'l2 = 0.003: validation loss', color: '#1f77b4', config: variant(0, { l2: 0.003 }), series: 'valLoss' },
  { label: 'dropout 0.5: validation loss', color: '#2ca02c', config: variant(0.5, {}), series: 'valLoss' },
];

/** Epoch reports of `config` trained by the command line. */
function train(config, dir) {
  const file = join(dir, 'model.nn.json');
  writeFileSync(file, JSON.stringify(config));
  const text = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'train', file, '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))
    .filter((r) => r.type === 'epoch');
}

const dir = mkdtempSync(join(tmpdir(), 'nn-lab-curves-'));
let lines;
try {
  const cache = new Map();
  lines = runs.map((r) => {
    const key = JSON.stringify(r.config);
    if (!cache.has(key)) cache.set(key, train(r.config, dir));
    return { ...r, values: cache.get(key).map((e) => e[r.series]) };
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Plot area and scales: x = epoch 1..N, y = loss 0..yMax (linear).
const [W, H, left, right, top, bottom] = [720, 360, 56, 16, 24, 44];
const epochs = Math.max(...lines.map((l) => l.values.length));
const yMax = Math.ceil(Math.max(...lines.flatMap((l) => l.values)) * 5) / 5;
const px = (e) => left + ((e - 1) / (epochs - 1)) * (W - left - right);
const py = (v) => top + (1 - v / yMax) * (H - top - bottom);
const f = (x) => x.toFixed(1);

const parts = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
  `<title>examples/overfitting.nn.json: validation loss without regularization, with l2 and with dropout</title>`,
  `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
];
for (let i = 0; i <= Math.round(yMax / 0.2); i++) {
  const v = i * 0.2;
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${f(py(v))}" y2="${f(py(v))}" stroke="#e0e0e0"/>`);
  parts.push(`<text x="${left - 6}" y="${f(py(v) + 4)}" text-anchor="end" fill="#333">${v.toFixed(1)}</text>`);
}
for (let e = 0; e <= epochs; e += 50) {
  const x = px(Math.max(1, e));
  parts.push(`<text x="${f(x)}" y="${H - bottom + 16}" text-anchor="middle" fill="#333">${e}</text>`);
}
parts.push(`<text x="${(left + W - right) / 2}" y="${H - 8}" text-anchor="middle" fill="#333">epoch</text>`);
parts.push(`<text x="14" y="${(top + H - bottom) / 2}" text-anchor="middle" fill="#333" transform="rotate(-90 14 ${(top + H - bottom) / 2})">loss</text>`);
parts.push(`<rect x="${left}" y="${top}" width="${W - left - right}" height="${H - top - bottom}" fill="none" stroke="#999"/>`);
for (const l of lines) {
  const d = l.values.map((v, i) => `${i ? 'L' : 'M'}${f(px(i + 1))},${f(py(Math.min(v, yMax)))}`).join('');
  parts.push(`<path d="${d}" fill="none" stroke="${l.color}" stroke-width="${l.dashed ? 1.2 : 2}"${l.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
}
lines.forEach((l, i) => {
  const y = top + 14 + i * 16;
  const x = left + 12;
  parts.push(`<line x1="${x}" x2="${x + 24}" y1="${y - 4}" y2="${y - 4}" stroke="${l.color}" stroke-width="2"${l.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
  parts.push(`<text x="${x + 30}" y="${y}" fill="#222">${l.label} (epoch ${l.values.length}: ${l.values[l.values.length - 1].toFixed(3)})</text>`);
});
parts.push('</svg>');
writeFileSync(out, parts.join('\n') + '\n');
console.log(`wrote ${out}: ${lines.map((l) => `${l.label} ends at ${l.values[l.values.length - 1].toFixed(4)}`).join('; ')}`);
