/**
 * Name registries: one list per kind (activations, optimizers, losses) is the single
 * source of truth for names, parameters, defaults, documentation and the JSON Schema.
 * Adding an activation is one entry in its list, nothing else: the entry also carries its export forms
 * (PyTorch and ONNX, see export/forms.ts), plus a .py file under export/pytorch/python/ when its PyTorch
 * form is more than a torch expression.
 */
import { NnError, Problem, JsonPath, unknownNameMessage, didYouMean, quote, safeText } from './problems';
import { Rng } from './rng';

/** A numeric hyper-parameter of a registered thing, with its default and documentation. */
export interface ParamSpec {
  /** Name as written in the JSON config (the reference's `lambda_` is `lambda`). */
  name: string;
  default: number;
  /** One line for hovers and the README. */
  doc: string;
  /** Inclusive lower bound unless `exclusiveMin`. */
  min?: number;
  exclusiveMin?: boolean;
  /** Inclusive upper bound unless `exclusiveMax`. */
  max?: number;
  exclusiveMax?: boolean;
  integer?: boolean;
}

/** Resolved parameter values by name. */
export type Params = Record<string, number>;

/** What a factory may draw on besides its parameters: the run's seeded generator. */
export interface CreateContext {
  rng: Rng;
}

/** One registered thing: its name, documentation, parameters and factory. */
export interface RegistryEntry<T> {
  name: string;
  /** One-sentence description. */
  summary: string;
  /** The formula (plain text with Unicode maths), shown in hovers and docs. */
  formula: string;
  params: ParamSpec[];
  /** Other accepted spellings, each answered with a warning naming the right one. */
  aliases?: string[];
  create(params: Params, ctx: CreateContext): T;
}

/** A read-only lookup over a list of entries (of type `E`, which may carry more facets), with "did you mean" errors. */
export class Registry<T, E extends RegistryEntry<T> = RegistryEntry<T>> {
  private readonly byName = new Map<string, E>();
  private readonly aliasOf = new Map<string, string>();

  /** `kind` names the registry in messages ("activation", "optimizer", "loss"). */
  constructor(
    readonly kind: string,
    readonly entries: readonly E[],
  ) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      for (const a of e.aliases ?? []) this.aliasOf.set(a, e.name);
    }
  }

  /** The registered names, in registry order. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** True when `name` is registered exactly (aliases excluded). */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The canonical name an alias stands for, if `name` is an alias. */
  canonical(name: string): string | undefined {
    return this.aliasOf.get(name);
  }

  /** The entry for `name` (or an alias), or an NnError with a "did you mean" suggestion. */
  entry(name: string, path: JsonPath = []): E {
    const e = this.byName.get(name) ?? this.byName.get(this.aliasOf.get(name) ?? '');
    if (e) return e;
    const { message, suggestion } = unknownNameMessage(this.kind, String(name), this.names());
    throw new NnError({ path, message, severity: 'error', code: 'unknown-name', suggestion });
  }

  /**
   * Checks user-given parameters against the entry's specs: unknown keys, non-numbers,
   * non-finite values, bounds and integrality. Returns every problem found (empty when fine).
   */
  checkParams(name: string, given: Record<string, unknown>, path: JsonPath = []): Problem[] {
    const e = this.entry(name, path);
    const problems: Problem[] = [];
    const known = e.params.map((p) => p.name);
    for (const [key, value] of Object.entries(given)) {
      const spec = e.params.find((p) => p.name === key);
      if (!spec) {
        const hint = didYouMean(key, known);
        const list = known.length ? `It takes: ${known.join(', ')}.` : 'It takes no parameters.';
        problems.push({
          path: [...path, key],
          severity: 'error',
          code: 'unknown-param',
          suggestion: hint,
          message: `${this.kind} "${e.name}" has no parameter ${quote(key)}.${hint ? ` Did you mean "${hint}"?` : ''} ${list}`,
        });
        continue;
      }
      const problem = checkNumber(value, spec);
      if (problem) problems.push({ path: [...path, key], severity: 'error', code: 'range', message: `${safeText(key)}: ${problem}` });
    }
    return problems;
  }

  /** Fills defaults for missing parameters; throws NnError listing every bad one. */
  resolveParams(name: string, given: Record<string, unknown> = {}, path: JsonPath = []): Params {
    const problems = this.checkParams(name, given, path);
    if (problems.length) throw new NnError(problems);
    const out: Params = {};
    for (const p of this.entry(name, path).params) out[p.name] = Object.hasOwn(given, p.name) ? (given[p.name] as number) : p.default;
    return out;
  }

  /**
   * Creates the named thing with `params` merged over its defaults. `rng` is the run's
   * seeded generator (a generator seeded with 0 when not given).
   */
  create(name: string, params: Record<string, unknown> = {}, options: { path?: JsonPath; rng?: Rng } = {}): T {
    const path = options.path ?? [];
    const e = this.entry(name, path);
    return e.create(this.resolveParams(e.name, params, path), { rng: options.rng ?? new Rng(0) });
  }
}

/** Why `value` does not satisfy `spec`, or undefined when it does. */
export function checkNumber(value: unknown, spec: ParamSpec): string | undefined {
  if (typeof value !== 'number') return `expected a number, got ${value === null ? 'null' : typeof value}`;
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (spec.integer && !Number.isInteger(value)) return `must be a whole number, got ${value}`;
  if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min))
    return `must be ${spec.exclusiveMin ? '>' : '≥'} ${spec.min}, got ${value}`;
  if (spec.max !== undefined && (spec.exclusiveMax ? value >= spec.max : value > spec.max))
    return `must be ${spec.exclusiveMax ? '<' : '≤'} ${spec.max}, got ${value}`;
  return undefined;
}
