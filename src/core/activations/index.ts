/**
 * The activation registry: the 26 activations of the reference, by their exact
 * (case-sensitive) names. `ACTIVATIONS` is the single list every other view derives from.
 */
import { Registry } from '../registry';
import { Activation, ActivationEntry } from './activation';
import { BASIC_ACTIVATIONS } from './basic';
import { RELU_ACTIVATIONS } from './relu-family';
import { SIGMOID_ACTIVATIONS } from './sigmoid-family';
import { SMOOTH_ACTIVATIONS } from './smooth';
import { SOFTMAX_ACTIVATIONS } from './softmax-family';

export type { Activation, ActivationEntry } from './activation';

/** Every activation's registry entry (name, summary, formula, parameters, default initialiser, factory), in the reference's order. */
export const ACTIVATIONS: readonly ActivationEntry[] = [
  ...BASIC_ACTIVATIONS,
  ...SIGMOID_ACTIVATIONS,
  ...RELU_ACTIVATIONS,
  ...SOFTMAX_ACTIVATIONS,
  ...SMOOTH_ACTIVATIONS,
];

/** Looks activations up by name: `activationRegistry.create('leaky-ReLU', { alpha: 0.1 })`. */
export const activationRegistry: Registry<Activation, ActivationEntry> = new Registry<Activation, ActivationEntry>('activation', ACTIVATIONS);
