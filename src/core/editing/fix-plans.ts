/**
 * What to offer for each kind of problem, as text changes on the JSON tree (no VS Code API here):
 * a misspelled name or key becomes the suggestion, the output layer gets the activation a loss
 * needs, or the loss changes to fit the output layer.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Problem } from '../problems';
import { activationRegistry } from '../activations/index';
import { DEFAULT_LAYER_KIND, findLayerKind } from '../layers/kinds/registry';
import { insertBefore, lastLayerIndex, removeMember, renameKey, replaceValue, setLoss, setOutputActivation, type TextChange } from './fix-edits';

/** A fix before it becomes a code action. */
export interface Fix {
  title: string;
  change: TextChange | undefined;
  preferred?: boolean;
}

/** The output layer's activation name and units as written (defaults: identity, the default kind). */
function outputLayer(root: Node): { activation: string; units: number } | undefined {
  const last = lastLayerIndex(root);
  if (last === undefined) return undefined;
  const layer = findNodeAtLocation(root, ['layers', last]);
  if (layer?.type !== 'object') return undefined;
  const type = findNodeAtLocation(layer, ['type'])?.value;
  const act = findNodeAtLocation(layer, ['activation']);
  // A kind without an "activation" key (maxout) is named by its kind, as the validator's messages do.
  const kind = findLayerKind(typeof type === 'string' ? type : DEFAULT_LAYER_KIND);
  const name = kind && !Object.hasOwn(kind.keys, 'activation') ? kind.name : act?.type === 'object' ? findNodeAtLocation(act, ['name'])?.value : act?.value;
  const units = findNodeAtLocation(layer, ['units'])?.value;
  return { activation: typeof name === 'string' ? name : 'identity', units: typeof units === 'number' ? units : 1 };
}

/** The loss that suits an output layer: softmax → Cross, one sigmoid unit → Binary, else Square. */
export function lossFor(output: { activation: string; units: number }): string {
  if (output.activation === 'softmax') return 'Cross';
  if (output.activation === 'sigmoid' && output.units === 1) return 'Binary';
  return 'Square';
}

/** The fixes for one problem in the document whose tree is `root`. */
export function fixesFor(root: Node, problem: Problem): Fix[] {
  const s = problem.suggestion;
  switch (problem.code) {
    case 'unknown-name':
    case 'alias':
      return s === undefined ? [] : [{ title: `Replace with "${s}"`, change: replaceValue(root, problem.path, s), preferred: true }];
    case 'unknown-key':
      return s === undefined ? [] : [{ title: `Rename to "${s}"`, change: renameKey(root, problem.path, s), preferred: true }];
    case 'softmax-one-unit':
      return [{ title: 'Use sigmoid on the output layer', change: setOutputActivation(root, 'sigmoid'), preferred: true }];
    case 'shape-mismatch':
      return s === undefined ? [] : [{ title: `Set units to ${s}`, change: replaceValue(root, problem.path, Number(s)), preferred: true }];
    case 'loss-mismatch':
      return lossFixes(root, s);
    case 'batch-of-one':
      return s === undefined ? [] : [{ title: `Set batchSize to ${s}`, change: replaceValue(root, problem.path, Number(s)), preferred: true }];
    case 'implicit-flatten':
      return [{ title: 'Insert a flatten layer before this layer', change: insertBefore(root, problem.path, '{ "type": "flatten" }'), preferred: true }];
    case 'no-validation':
      // Early stopping on a validation metric without validation data: watch the training metric instead.
      return s === undefined ? [] : [{ title: `Monitor "${s}"`, change: replaceValue(root, problem.path, s), preferred: true }];
    case 'no-learning-rate':
      // A schedule on an optimizer without a learning rate (AdaDelta): drop the schedule.
      return [{ title: 'Remove "schedule"', change: removeMember(root, problem.path), preferred: true }];
    case 'ignored':
      // A key that has no effect here (validationSplit beside validationData, initScale without "normal", …).
      return [{ title: `Remove "${String(problem.path[problem.path.length - 1])}"`, change: removeMember(root, problem.path) }];
    default:
      return [];
  }
}

/** For a loss that does not fit: change the output activation (when suggested) and/or the loss. */
function lossFixes(root: Node, suggestion: string | undefined): Fix[] {
  const output = outputLayer(root);
  const fixes: Fix[] = [];
  if (suggestion !== undefined && activationRegistry.has(suggestion) && output) {
    const verb = output.activation === 'identity' && !hasActivation(root) ? 'Add' : 'Use';
    const useful = !(suggestion === 'softmax' && output.units === 1);
    const title = verb === 'Add' ? `Add ${suggestion} to the output layer` : `Use ${suggestion} on the output layer`;
    fixes.push({ title, change: setOutputActivation(root, suggestion), preferred: useful });
    const fit = lossFor(output);
    fixes.push({ title: `Change loss to ${fit}`, change: setLoss(root, fit), preferred: !useful });
  } else if (suggestion !== undefined) {
    fixes.push({ title: `Change loss to ${suggestion}`, change: setLoss(root, suggestion), preferred: true });
  }
  return fixes;
}

/** True when the output layer writes an activation. */
function hasActivation(root: Node): boolean {
  const last = lastLayerIndex(root);
  return last !== undefined && findNodeAtLocation(root, ['layers', last, 'activation']) !== undefined;
}
