/**
 * `npm run bench -- sweep [--json]`: a 12-run sweep (a 4 × 3 grid over a spiral classifier's
 * learning rate and width) run by the sweep runner on its pool of training workers (dist/worker.js: run
 * `npm run build` first), as `nn-lab sweep` runs it, once with 1 worker and once with one per core, reporting runs per minute
 * for each and the speed-up. Timings, never assertions: the machine is shared and noisy.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { checkSweep } from '../src/core/sweep/check-sweep';
import { planSweep } from '../src/core/sweep/sweep-plan';
import { validateConfig } from '../src/core/config/validate';
import { defaultWorkers, SweepRunner } from '../src/node/sweep/sweep-runner';
import { workerPool } from '../src/node/sweep/worker-pool';

const WORKER = join(__dirname, '..', 'dist', 'worker.js');

/** The swept config: 12 combinations of a few seconds each. */
const CONFIG: Record<string, unknown> = {
  name: 'sweep bench',
  data: { generator: 'spiral', samples: 400, noise: 0.1 },
  layers: [
    { units: 16, activation: 'tanh' },
    { units: 16, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  optimizer: { name: 'Adam', alpha: 0.01 },
  training: { epochs: 1000, batchSize: 16, validationSplit: 0.2, seed: 1 },
  sweep: {
    method: 'grid',
    metric: 'valLoss',
    parameters: { 'optimizer.alpha': { values: [0.001, 0.003, 0.01, 0.03] }, 'layers[0].units': { values: [8, 16, 32] } },
  },
};

/** Runs the sweep with `workers` at a time; returns the wall-clock seconds and how many runs completed. */
async function timeSweep(workers: number): Promise<{ seconds: number; completed: number; runs: number }> {
  const checked = checkSweep(CONFIG);
  if (!checked.spec) throw new Error(JSON.stringify(checked.problems));
  const plan = planSweep(CONFIG, checked.spec, (json) => validateConfig(json).problems);
  const t0 = performance.now();
  const outcome = await new SweepRunner(plan, workerPool(WORKER, __dirname), () => undefined, { workers }).run();
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, completed: outcome.results.filter((r) => r.status === 'completed').length, runs: outcome.results.length };
}

/** Runs the bench and prints a table (or one JSON line with `--json`). */
export async function sweepBench(json: boolean): Promise<void> {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" first`);
  const all = defaultWorkers();
  const counts = all > 1 ? [1, all] : [1];
  const rows: { workers: number; seconds: number; runsPerMinute: number; completed: number; runs: number }[] = [];
  for (const workers of counts) {
    const r = await timeSweep(workers);
    rows.push({ workers, ...r, runsPerMinute: (60 * r.runs) / r.seconds });
  }
  const speedup = rows.length > 1 ? rows[1].runsPerMinute / rows[0].runsPerMinute : 1;
  if (json) {
    console.log(JSON.stringify({ bench: 'sweep', runs: rows[0].runs, cores: all, results: rows, speedup }));
    return;
  }
  console.log(`12-run sweep (4 × 3 grid, spiral 400 samples, 2-16-16-1, 1000 epochs, batch 16), ${all} core${all === 1 ? '' : 's'}`);
  for (const r of rows)
    console.log(
      `${String(r.workers).padStart(2)} worker${r.workers === 1 ? ' ' : 's'}  ${r.seconds.toFixed(2).padStart(7)} s  ${r.runsPerMinute.toFixed(1).padStart(6)} runs/min  (${r.completed}/${r.runs} completed)`,
    );
  if (rows.length > 1) console.log(`speed-up with ${all} workers: ${speedup.toFixed(2)}×`);
}
