/**
 * Entry of the training worker (`dist/worker.js`, a `worker_threads` Worker started by the host).
 * Wires the core (`prepareRun`, `TrainingRun`) and the file system (the safe readers, under the data
 * path policy) into a `TrainingLoop`.
 * workerData: `{ stopFlag?: SharedArrayBuffer }` — a non-zero Int32 at index 0 means "stop".
 * The same file also serves as the kernel's helper thread (kernel-thread.ts): started that way,
 * it runs the helper loop and nothing else.
 */
import { MessagePort, parentPort, workerData } from 'worker_threads';
import { prepareRun } from '../../core/config/load';
import { TrainingRun } from '../../core/train/trainer';
import { assertNever, type HostToWorker, type WorkerToHost } from '../../protocol/worker';
import { binaryDataFileReader, dataFileReader } from '../files/data-reader';
import type { DataAccess } from '../files/path-policy';
import { inspectable } from './inspectable-run';
import { nodeKernelSpawner, runIfKernelHelper } from '../threads/kernel-thread';
import { TrainingLoop, type EpochRunner } from './training-loop';

let loop: TrainingLoop | undefined;

/** Starts a run: the only one this worker serves, or the next one of a persistent worker. */
function start(
  port: MessagePort,
  stopFlag: Int32Array | undefined,
  text: string,
  configDir: string,
  access: DataAccess,
  withInitialLoss: boolean,
  lean: boolean,
  persistent: boolean,
): void {
  if (loop) throw new Error('this worker already trains a model');
  loop = new TrainingLoop({
    prepare: (source, readFile, readBinaryFile) => prepareRun(source, { readFile, readBinaryFile }),
    // Big products use a second thread, which runs this file again (dist/worker.js).
    createRun: (config, data, options): EpochRunner =>
      inspectable(new TrainingRun(config, data, { ...options, spawnKernelHelper: nodeKernelSpawner(__filename) }), options.testData),
    readFile: dataFileReader(configDir, access),
    readBinaryFile: binaryDataFileReader(configDir, access),
    post: (message: WorkerToHost) => port.postMessage(message),
    now: () => performance.now(),
    yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
    externalStop: () => (stopFlag ? Atomics.load(stopFlag, 0) !== 0 : false),
  });
  // A persistent worker (a sweep's pool) waits for its next run; any other exits once its run has ended.
  void loop.run(text, withInitialLoss, lean).finally(() => {
    if (persistent) loop = undefined;
    else port.close();
  });
}

/** Serves the host's messages. */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('worker.js must run as a worker thread');
  const stopFlag = workerData && workerData.stopFlag instanceof SharedArrayBuffer ? new Int32Array(workerData.stopFlag) : undefined;
  port.on('message', (message: HostToWorker) => {
    switch (message.type) {
      case 'start':
        start(
          port,
          stopFlag,
          message.text,
          message.configDir,
          message.access ?? {},
          message.initialLoss === true,
          message.lean === true,
          message.persistent === true,
        );
        break;
      case 'stop':
        loop?.requestStop();
        break;
      default:
        assertNever(message);
    }
  });
}

if (!runIfKernelHelper()) serve();
