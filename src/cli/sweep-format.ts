/**
 * How `nn-lab sweep` prints a combination's result and the summary: text lines for people, and
 * the JSON lines of `--json` (`{"type":"run",…}` per combination, `{"type":"summary",…}` last).
 */
import { valueText } from '../core/sweep/resolve-combination';
import type { SweepMetrics, SweepResult } from '../core/sweep/sweep-results';
import { SWEEP_METRICS, type SweepMetric } from '../core/sweep/sweep-types';
import { jsonLine, lossText, percent } from './format';

/** A metric's value as text: losses with six decimals, accuracies as percentages. */
export function metricText(metric: SweepMetric, x: number): string {
  return metric.toLowerCase().endsWith('accuracy') ? percent(x) : lossText(x);
}

/** `optimizer.alpha=0.01 layers[0].units=32` */
export function parametersText(parameters: Readonly<Record<string, unknown>>): string {
  return Object.entries(parameters)
    .map(([k, v]) => `${k}=${valueText(v)}`)
    .join(' ');
}

/** `loss 0.123456  valLoss 0.2  accuracy 95.0%` (with ±spread when there were repeats). */
export function metricsText(metrics: SweepMetrics, spread?: SweepResult['spread']): string {
  return SWEEP_METRICS.filter((m) => metrics[m] !== undefined)
    .map((m) => {
      const range = spread?.[m];
      const band = range ? ` [${metricText(m, range[0])}, ${metricText(m, range[1])}]` : '';
      return `${m} ${metricText(m, metrics[m] as number)}${band}`;
    })
    .join('  ');
}

/** One line per finished combination: `run 3/12  optimizer.alpha=0.01  loss 0.123456 …` or its status and why. */
export function formatResult(r: SweepResult, total: number): string {
  const head = `run ${String(r.index + 1).padStart(String(total).length)}/${total}  ${parametersText(r.parameters)}`;
  if (r.status === 'completed') return `${head}  ${metricsText(r.metrics, r.spread)}`;
  return `${head}  ${r.status}${r.message ? `: ${r.message}` : ''}`;
}

/** The `--json` line of a finished combination. */
export function resultJson(r: SweepResult): string {
  return jsonLine({
    type: 'run',
    index: r.index,
    parameters: r.parameters,
    status: r.status,
    ...(r.message !== undefined && r.status !== 'completed' ? { message: r.message } : {}),
    metrics: r.metrics,
    ...(r.spread ? { spread: r.spread } : {}),
  });
}

/** The last `--json` line: how many combinations, the metric, and the best (null when none completed). */
export function summaryJson(runs: number, metric: SweepMetric, best: SweepResult | undefined): string {
  const bestJson = best ? { index: best.index, parameters: best.parameters, metrics: best.metrics, ...(best.spread ? { spread: best.spread } : {}) } : null;
  return jsonLine({ type: 'summary', runs, metric, best: bestJson });
}

/** The text summary: counts by status, the time, and the best combination. */
export function formatSweepSummary(
  results: readonly SweepResult[],
  metric: SweepMetric,
  best: SweepResult | undefined,
  repeats: number,
  seconds: number,
): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const byStatus = [...counts.entries()].map(([s, n]) => `${n} ${s}`).join(', ');
  const head = `${results.length} run${results.length === 1 ? '' : 's'}${repeats > 1 ? ` × ${repeats} repeats` : ''} (${byStatus}) in ${seconds.toFixed(2)} s`;
  if (!best) return `${head}\nno best run: no run completed with a ${metric}`;
  const value = best.metrics[metric] as number;
  const mean = repeats > 1 ? `, mean of ${repeats} repeats` : '';
  return `${head}\nbest: run ${best.index + 1} (${metric} ${metricText(metric, value)}${mean})  ${parametersText(best.parameters)}`;
}
