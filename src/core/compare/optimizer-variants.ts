/**
 * The configs a comparison trains: the user's config once per optimizer, everything else (seed,
 * data, layers, epochs) unchanged, so every run starts from the same weights and sees the same batches.
 * Each optimizer takes its registry defaults, except the config's own, which keeps its hyper-parameters.
 */
import { optimizerRegistry } from '../optimizers';

/** The optimizer a config names (Adam when it names none), with the hyper-parameters written there. */
export interface ConfiguredOptimizer {
  name: string;
  params: Record<string, number>;
}

/** One run of a comparison: the optimizer and the config text to train. */
export interface OptimizerVariant {
  optimizer: string;
  /** "defaults", or the hyper-parameters the config sets, e.g. "alpha 0.02". */
  settings: string;
  text: string;
}

/** The config's optimizer, resolving aliases ("SDG" → "SGD"); undefined when the text is not a JSON object. */
export function configuredOptimizer(value: unknown): ConfiguredOptimizer | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const spec = (value as { optimizer?: unknown }).optimizer;
  const written = typeof spec === 'string' ? { name: spec } : typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : { name: 'Adam' };
  const raw = typeof written.name === 'string' ? written.name : 'Adam';
  const name = optimizerRegistry.has(raw) ? raw : (optimizerRegistry.canonical(raw) ?? raw);
  const params = Object.fromEntries(Object.entries(written).filter((e): e is [string, number] => e[0] !== 'name' && typeof e[1] === 'number'));
  return { name, params };
}

/** The config text training `optimizer`: the original text for the config's own optimizer, else the config with `optimizer` replaced. */
export function makeVariants(text: string, value: object, optimizers: readonly string[]): OptimizerVariant[] {
  const own = configuredOptimizer(value);
  return optimizers.map((optimizer) => {
    if (own && optimizer === own.name) {
      const settings =
        Object.entries(own.params)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'defaults';
      return { optimizer, settings, text };
    }
    return { optimizer, settings: 'defaults', text: JSON.stringify({ ...value, optimizer: { name: optimizer } }, null, 2) };
  });
}

/** The optimizers pre-selected in the quick pick: the config's own and a few classics. */
export function defaultSelection(own: string | undefined): string[] {
  const classics = ['SGD', 'MSGD', 'RMSprop', 'Adam'];
  return own && !classics.includes(own) ? [own, ...classics] : classics;
}
