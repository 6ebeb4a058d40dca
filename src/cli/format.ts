/**
 * How the CLI prints problems, epochs and the final summary (text and JSON lines).
 */
import { formatPath, oneLine, Problem } from '../core/problems';
import type { EpochReport, RunStatus } from '../core/train/types';

/**
 * `file: path: severity: message`, one problem per line (`file:line:column: severity: message`
 * for problems of the JSON text itself). The message is made safe for a terminal (`oneLine`).
 */
export function formatProblem(file: string, p: Problem): string {
  const where = p.at ? `${oneLine(file)}:${p.at.line}:${p.at.column}` : `${oneLine(file)}: ${formatPath(p.path)}`;
  return `${where}: ${p.severity}: ${oneLine(p.message)}`;
}

/** The problem's source excerpt (line and caret), indented under its message, or undefined. */
export function formatExcerpt(p: Problem): string | undefined {
  return p.excerpt
    ?.split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Each problem as `formatProblem` prints it, followed by its source excerpt when it has one. */
export function problemLines(file: string, problems: readonly Problem[]): string[] {
  return problems.flatMap((p) => {
    const excerpt = formatExcerpt(p);
    return excerpt ? [formatProblem(file, p), excerpt] : [formatProblem(file, p)];
  });
}

/** Problems as JSON-safe objects for `--json` output: messages made safe, excerpts left out. */
export function problemsJson(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => {
    const out: Problem = { ...p, message: oneLine(p.message) };
    delete out.excerpt;
    return out;
  });
}

/** A warning as a `--json` line: `{"type":"warning","file":…,"path":…,"message":…}`. */
export function warningJson(file: string, p: Problem): string {
  return jsonLine({ type: 'warning', file, path: formatPath(p.path), code: p.code, message: oneLine(p.message) });
}

/**
 * Characters JSON.stringify leaves raw that a terminal may act on or that disguise text: DEL, C1 controls
 * (U+009B is an 8-bit CSI), line and paragraph separators, bidirectional overrides and isolates, the BOM.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * `value` as one line of JSON for `--json` output: JSON.stringify (which escapes C0 controls and lone
 * surrogates), then every character of `JSON_UNSAFE` as a `\uXXXX` escape. These can only stand inside
 * strings, so the line parses to the same value and no raw control character reaches the terminal.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text for a person's terminal, which may hold several lines the CLI itself wrote: each line made safe
 * with `oneLine` (control characters, lone surrogates and invisible format characters escaped), the
 * newlines between them kept. The last guard of what the CLI prints; user text is escaped where it is
 * put in a message too.
 */
export function terminalText(text: string): string {
  return text.split('\n').map(oneLine).join('\n');
}

/** A percentage with one decimal: 0.9533 → "95.3%". */
export function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** A loss value readable across many magnitudes. */
export function lossText(x: number): string {
  return Number.isFinite(x) ? (Math.abs(x) >= 1e-4 ? x.toFixed(6) : x.toExponential(3)) : String(x);
}

/** `epoch  10/300  loss 0.123456  acc 95.0%  val_loss …  val_acc …` */
export function formatEpoch(r: EpochReport): string {
  const width = String(r.epochs).length;
  const parts = [`epoch ${String(r.epoch).padStart(width)}/${r.epochs}`, `loss ${lossText(r.loss)}`];
  if (r.accuracy !== undefined) parts.push(`acc ${percent(r.accuracy)}`);
  if (r.valLoss !== undefined) parts.push(`val_loss ${lossText(r.valLoss)}`);
  if (r.valAccuracy !== undefined) parts.push(`val_acc ${percent(r.valAccuracy)}`);
  if (r.testLoss !== undefined) parts.push(`test_loss ${lossText(r.testLoss)}`);
  if (r.testAccuracy !== undefined) parts.push(`test_acc ${percent(r.testAccuracy)}`);
  return parts.join('  ');
}

/** What a finished run reports. */
export interface RunSummary {
  type: 'summary';
  status: RunStatus;
  message?: string;
  epochs: number;
  finalLoss?: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  /** Loss on the `testData` set after training, when the description has one. */
  testLoss?: number;
  /** Accuracy on the `testData` set after training (classification). */
  testAccuracy?: number;
  seconds: number;
  samplesPerSecond: number;
  digest?: string;
  /** With early stopping: the best epoch by its metric (null without early stopping). */
  bestEpoch?: number | null;
  /** The epoch early stopping ended the run at (null when all epochs ran). */
  stoppedEpoch?: number | null;
}

/** The summary of a run from its history; `ended` is the epoch whose weights the model holds (default: the last). */
export function summarize(
  status: RunStatus,
  message: string | undefined,
  history: readonly EpochReport[],
  seconds: number,
  samples: number,
  digest?: string,
  ended: EpochReport | undefined = history[history.length - 1],
): RunSummary {
  // The metrics of the weights the run ends with: the restored best epoch's, else the last epoch's.
  const last = ended;
  const s: RunSummary = { type: 'summary', status, epochs: history.length, seconds, samplesPerSecond: seconds > 0 ? (samples * history.length) / seconds : 0 };
  if (message) s.message = message;
  if (last) {
    s.finalLoss = last.loss;
    if (last.accuracy !== undefined) s.accuracy = last.accuracy;
    if (last.valLoss !== undefined) s.valLoss = last.valLoss;
    if (last.valAccuracy !== undefined) s.valAccuracy = last.valAccuracy;
    if (last.testLoss !== undefined) s.testLoss = last.testLoss;
    if (last.testAccuracy !== undefined) s.testAccuracy = last.testAccuracy;
  }
  if (digest) s.digest = digest;
  return s;
}

/** The summary as text lines. */
export function formatSummary(s: RunSummary): string {
  const head = s.status === 'completed' ? 'done' : s.status;
  const parts = [`${head} after ${s.epochs} epoch${s.epochs === 1 ? '' : 's'} in ${s.seconds.toFixed(2)} s (${Math.round(s.samplesPerSecond)} samples/s)`];
  if (s.finalLoss !== undefined) parts.push(`loss ${lossText(s.finalLoss)}`);
  if (s.accuracy !== undefined) parts.push(`acc ${percent(s.accuracy)}`);
  if (s.valLoss !== undefined) parts.push(`val_loss ${lossText(s.valLoss)}`);
  if (s.valAccuracy !== undefined) parts.push(`val_acc ${percent(s.valAccuracy)}`);
  if (s.testLoss !== undefined) parts.push(`test_loss ${lossText(s.testLoss)}`);
  if (s.testAccuracy !== undefined) parts.push(`test_acc ${percent(s.testAccuracy)}`);
  return parts.join('  ') + (s.message ? `\n${oneLine(s.message)}` : '');
}

/** JSON of an epoch report, tagged for line-by-line readers. */
export function epochJson(r: EpochReport): string {
  return jsonLine({ type: 'epoch', ...r });
}
