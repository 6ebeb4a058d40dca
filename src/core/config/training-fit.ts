/**
 * Checks of the `training` block against the rest of the description: a schedule needs an
 * optimizer with a learning rate, and early stopping on a validation metric needs validation data.
 */
import { optimizerRegistry } from '../optimizers';
import type { Checker } from './checks';
import type { ResolvedTraining } from './resolved-training';
import type { ResolvedNamed } from './types';

/** Records the problems of `training` with `optimizer` (undefined when the optimizer was wrong). */
export function checkTrainingFit(c: Checker, training: ResolvedTraining, optimizer: ResolvedNamed | undefined, hasValidationData: boolean): void {
  if (training.schedule && optimizer && optimizerRegistry.has(optimizer.name) && optimizerRegistry.entry(optimizer.name).learningRate === undefined)
    c.error(
      ['training', 'schedule'],
      `a schedule sets the optimizer's learning rate, but ${optimizer.name} has none: remove "schedule" or use an optimizer with a learning rate such as Adam or SGD`,
      'no-learning-rate',
    );
  const monitor = training.earlyStopping?.monitor;
  // Both a validation set and a split: the set wins (a warning, so the run still goes).
  if (hasValidationData && training.validationSplit > 0)
    c.warning(
      ['training', 'validationSplit'],
      'validationData is the validation set, so validationSplit is ignored (every sample of data trains): remove one of them',
      'ignored',
    );
  if ((monitor === 'valLoss' || monitor === 'valAccuracy') && !hasValidationData && !(training.validationSplit > 0))
    c.error(
      ['training', 'earlyStopping', 'monitor'],
      `early stopping monitors ${monitor}, but there is no validation data: add "validationData", set "training.validationSplit" (e.g. 0.2), or monitor "${monitor === 'valLoss' ? 'loss' : 'accuracy'}"`,
      'no-validation',
      monitor === 'valLoss' ? 'loss' : 'accuracy',
    );
}
