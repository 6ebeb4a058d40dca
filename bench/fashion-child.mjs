// Child process of bench/fashion-run.ts: runs a bundled training worker (src/node/worker/worker-main.ts)
// in a worker thread, as the extension host does, trains one config and prints one JSON line per event,
// each with the process's peak resident set size so far (bytes).
// Usage: node bench/fashion-child.mjs WORKER.js CONFIG.nn.json EPOCHS|- STOP_AFTER_BATCH_MESSAGES|0
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [workerFile, configFile, epochsArg = '-', stopArg = '0'] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
if (epochsArg !== '-') config.training = { ...config.training, epochs: Number(epochsArg) };
const stopAfter = Number(stopArg);
const t0 = performance.now();
const stopFlag = new SharedArrayBuffer(4);
const worker = new Worker(resolve(workerFile), { workerData: { stopFlag } });
let batchMessages = 0;

/**
 * Peak RSS of this process (the host and its worker thread), bytes: VmHWM of /proc/self/status (kB), which
 * starts afresh at exec, where resourceUsage().maxRSS would keep the spawning process's peak on Linux.
 */
const peakRss = () => {
  const m = /VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
};
const emit = (event) => process.stdout.write(JSON.stringify({ ...event, t: (performance.now() - t0) / 1000, peakRss: peakRss() }) + '\n');

worker.on('message', (m) => {
  switch (m.type) {
    case 'started':
      emit({ type: 'started', samples: m.samples, testSamples: m.testSamples, parameters: m.parameters, imageShape: m.imageShape });
      break;
    case 'progress':
      for (const r of m.reports) emit({ type: 'epoch', ...r });
      break;
    case 'batches':
      if (stopAfter > 0 && ++batchMessages >= stopAfter) Atomics.store(new Int32Array(stopFlag), 0, 1);
      break;
    case 'finished':
      emit({
        type: 'finished',
        status: m.status,
        message: m.message,
        testLoss: m.testLoss,
        testAccuracy: m.testAccuracy,
        bestEpoch: m.bestEpoch,
        stoppedEpoch: m.stoppedEpoch,
        confusion: m.confusion?.counts,
        samples: m.samples?.items.length,
      });
      break;
    case 'problems':
    case 'crashed':
      emit(m);
      break;
  }
});
worker.on('error', (e) => emit({ type: 'crashed', message: String(e) }));
worker.on('exit', () => emit({ type: 'exit' }));
worker.postMessage({ type: 'start', text: JSON.stringify(config), configDir: dirname(resolve(configFile)) });
