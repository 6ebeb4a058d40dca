/**
 * `npx tsx bench/cnn-profile.ts [float32|float64] [samples]`: trains the Fashion-MNIST CNN example for one
 * epoch over the first `samples` training images (default 2,000) and prints the seconds; run it under
 * `node --cpu-prof --import tsx` to see where the time goes.
 */
import { existsSync, readFileSync } from 'fs';
import { basename, join } from 'path';
import { prepareRun } from '../src/core/config/load';
import type { ResolvedConfig } from '../src/core/config/resolved';
import { firstSamples } from '../src/core/data/dataset';
import { train } from '../src/core/train/trainer';

const root = join(__dirname, '..');
const dir = [join(root, 'examples', 'data', 'fashion-mnist'), '/usr/share/datasets/fashion-mnist'].find((d) =>
  existsSync(join(d, 'train-images-idx3-ubyte.gz')),
);
if (!dir) throw new Error('the Fashion-MNIST files are missing: run `npm run fashion-data`');
const text = readFileSync(join(root, 'examples', 'fashion-mnist-cnn.nn.json'), 'utf8');
const run = prepareRun(text, {
  readFile: (p) => readFileSync(join(root, 'examples', p), 'utf8'),
  readBinaryFile: (p) => readFileSync(join(dir, basename(p))),
});
if (!run.config || !run.data) throw new Error(run.problems.map((p) => p.message).join('; '));
const precision = process.argv[2] === 'float64' ? 'float64' : 'float32';
const samples = Number(process.argv[3] ?? 2000);
const config: ResolvedConfig = {
  ...run.config,
  training: { ...run.config.training, epochs: 1, precision, validationSplit: 0, earlyStopping: undefined, schedule: undefined },
};
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const r = train(config, firstSamples(run.data, samples));
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${precision} ${samples} samples: ${seconds.toFixed(2)} s, ${(samples / seconds).toFixed(0)} samples/s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s), ${r.status}\n`,
);
