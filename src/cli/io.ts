/**
 * The CLI's outputs and signals, injectable so commands can be tested without a terminal.
 */
import type { SpawnKernelHelper } from '../core/linalg/kernel-helper';
import type { BarStream } from './progress';

/** Output lines, the progress-bar stream and an interrupt flag. */
export interface CliIo {
  /** A line on standard output. */
  out(line: string): void;
  /** A line on standard error. */
  err(line: string): void;
  /** Where the progress bar is drawn (standard error). */
  bar: BarStream;
  /** True once the user pressed Ctrl-C. */
  interrupted(): boolean;
  /** Starts the second thread of the two-thread kernel (absent: training uses one thread). */
  spawnKernelHelper?: SpawnKernelHelper;
}
