/**
 * `npm run bench -- fashion [--regularized | --cnn] [--epochs N]`: trains examples/fashion-mnist.nn.json
 * (784-128-10, Adam, batch 64, 5 epochs, tested on the 10,000 t10k images) — or, with `--regularized`,
 * examples/fashion-mnist-regularized.nn.json (batch normalization, dropout, a schedule, early
 * stopping), or with `--cnn` examples/fashion-mnist-cnn.nn.json (conv16-pool-conv32-pool-dense10,
 * 10 epochs) — as the extension does, in a training worker, and prints seconds per epoch, test
 * accuracy and the training process's peak memory (RSS).
 * Targets: the MLP (issues #10 and #17) ≥ 85 % test accuracy after 5 epochs, ≤ 1.5 s per epoch,
 * ≤ 400 MB; the regularized example (#16) ≥ 89 % test accuracy in at most 20 epochs; the CNN (#17)
 * ≥ 90 % test accuracy, within 2× of PyTorch's one-thread epoch (`npm run bench -- cnn`), ≤ 600 MB.
 * Needs the Fashion-MNIST files: see examples/data/fashion-mnist/README.md (npm run fashion-data).
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { runInWorker } from './fashion-run';

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const regularized = process.argv.includes('--regularized');
  const cnn = process.argv.includes('--cnn');
  const example = regularized ? 'fashion-mnist-regularized.nn.json' : cnn ? 'fashion-mnist-cnn.nn.json' : 'fashion-mnist.nn.json';
  const config = join(__dirname, '..', 'examples', example);
  const data = join(__dirname, '..', 'examples', 'data', 'fashion-mnist', 'train-images-idx3-ubyte.gz');
  if (!existsSync(data)) {
    console.error('fashion bench: the Fashion-MNIST files are missing: run `npm run fashion-data` (see examples/data/fashion-mnist/README.md)');
    process.exit(1);
  }
  const at = process.argv.indexOf('--epochs');
  const epochs = at > 0 ? Number(process.argv[at + 1]) : undefined;
  console.log(`Fashion-MNIST: ${config}${epochs ? `, ${epochs} epochs` : ''} in a training worker (the default WebAssembly kernel, the example's precision)…`);
  const run = await runInWorker(config, { epochs });
  for (const e of run.events.filter((x) => x.type === 'problems' || x.type === 'crashed')) console.error(JSON.stringify(e));
  console.log(`data loaded in ${run.loadSeconds.toFixed(2)} s`);
  run.events
    .filter((e) => e.type === 'epoch')
    .forEach((e, i) => {
      const acc = typeof e.testAccuracy === 'number' ? `  test_acc ${(100 * e.testAccuracy).toFixed(2)}%` : '';
      console.log(
        `epoch ${e.epoch}: ${run.epochSeconds[i].toFixed(2)} s  loss ${(e.loss as number).toFixed(4)}  acc ${(100 * (e.accuracy as number)).toFixed(2)}%${acc}  peak RSS ${(e.peakRss / MB).toFixed(0)} MB`,
      );
    });
  const f = run.finished;
  const mean = run.epochSeconds.reduce((a, b) => a + b, 0) / Math.max(1, run.epochSeconds.length);
  console.log('');
  const speedTarget = regularized ? '' : cnn ? '   (target: within 2× of PyTorch on one thread)' : '   (target ≤ 1.5, float32 end to end)';
  console.log(`seconds per epoch (mean): ${mean.toFixed(2)}${speedTarget}`);
  const target = regularized ? '≥ 89 % in at most 20 epochs' : cnn ? '≥ 90 % after 10 epochs' : '≥ 85 % after 5 epochs';
  console.log(`test accuracy:            ${typeof f?.testAccuracy === 'number' ? `${(100 * f.testAccuracy).toFixed(2)}%` : 'n/a'}   (target ${target})`);
  if (regularized) console.log(`early stopping:           best epoch ${String(f?.bestEpoch)}, stopped at epoch ${String(f?.stoppedEpoch ?? 'none')}`);
  console.log(`peak RSS:                 ${(run.peakRss / MB).toFixed(0)} MB   (target ≤ ${cnn ? 600 : 400} MB)`);
  console.log(`status: ${f?.status ?? 'no finished message'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
