/**
 * Which activation functions a `*.nn.json` text uses, with the parameters written there
 * merged over the registry defaults. Tolerant: anything unreadable is skipped.
 */
import { activationRegistry } from '../../core/activations';
import type { ActivationHighlight } from '../gallery';
import { parseConfigText } from '../../core/config/parse-json';

/** The distinct activations of the config's layers, in layer order (empty when the text is not a config). */
export function activationsInConfig(text: string): ActivationHighlight[] {
  const { value } = parseConfigText(text);
  const layers = (value as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) return [];
  const uses: ActivationHighlight[] = [];
  for (const layer of layers) {
    const spec = (layer as { activation?: unknown } | null)?.activation;
    const written = typeof spec === 'string' ? { name: spec } : typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : undefined;
    if (!written || typeof written.name !== 'string' || !Object.hasOwn(written, 'name')) continue;
    const name = activationRegistry.has(written.name) ? written.name : activationRegistry.canonical(written.name);
    if (!name || uses.some((u) => u.name === name)) continue;
    const given = Object.fromEntries(Object.entries(written).filter(([k, v]) => k !== 'name' && typeof v === 'number'));
    let params: Record<string, number>;
    try {
      params = activationRegistry.resolveParams(name, given);
    } catch {
      params = activationRegistry.resolveParams(name, {});
    }
    uses.push({ name, params });
  }
  return uses;
}
