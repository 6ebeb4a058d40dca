/**
 * The keys of a sweep's `parameters` are paths into the config written as `nn-lab check` prints
 * them (`formatPath`): names joined by dots, `[N]` for an array item, `["odd key"]` for a key that
 * is no plain name, e.g. `optimizer.alpha`, `layers[0].units`, `training.l2`. Reading, writing
 * (creating the keys that are absent) and describing such paths lives here.
 */
import { formatPath, type JsonPath } from '../problems';
import { isObject } from '../config/checks';

/** A plain name as `formatPath` writes it after a dot. */
const NAME = /^[A-Za-z_$][\w$-]*/;

/** The path a key stands for, or a sentence saying why it is not a path. */
export function parseSweepPath(key: string): JsonPath | string {
  const path: JsonPath = [];
  let i = 0;
  while (i < key.length) {
    const rest = key.slice(i);
    if (rest[0] === '[') {
      const index = /^\[(\d{1,9})\]/.exec(rest);
      if (index) {
        path.push(Number(index[1]));
        i += index[0].length;
        continue;
      }
      const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
      if (!quoted) return `is not a path: expected [N] or ["key"] at character ${i + 1}`;
      try {
        path.push(JSON.parse(`"${quoted[1]}"`) as string);
      } catch {
        return `is not a path: the quoted key at character ${i + 1} is not a JSON string`;
      }
      i += quoted[0].length;
      continue;
    }
    const dotted = path.length > 0;
    if (dotted && rest[0] !== '.') return `is not a path: expected ".", "[N]" or ["key"] at character ${i + 1}`;
    const name = NAME.exec(dotted ? rest.slice(1) : rest);
    if (!name) return `is not a path: expected a key name at character ${i + (dotted ? 2 : 1)} (write keys like layers[0].units)`;
    path.push(name[0]);
    i += name[0].length + (dotted ? 1 : 0);
  }
  if (path.length === 0) return 'is not a path: it is empty (write keys like optimizer.alpha)';
  return path;
}

/** The value at `path` in `json`, or undefined when any step is absent. */
export function valueAt(json: unknown, path: JsonPath): unknown {
  let node = json;
  for (const step of path) {
    if (typeof step === 'number' ? !Array.isArray(node) : !isObject(node)) return undefined;
    node = typeof step === 'number' ? (node as unknown[])[step] : Object.hasOwn(node as object, step) ? (node as Record<string, unknown>)[step] : undefined;
  }
  return node;
}

/**
 * Why `path` cannot be set in `json`, or undefined when it can: an array item that does not exist
 * (`no layer 9 (the config has 2 layers: layers[0] to layers[1])`), an index where the config has no
 * array, or a step into a number, boolean or null. Absent keys are fine (they are created), and so
 * is a name standing where an object is needed (`"optimizer": "Adam"` becomes `{ "name": "Adam" }`).
 */
export function pathProblem(json: unknown, path: JsonPath): string | undefined {
  let node = json;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const here = path.slice(0, i);
    if (typeof step === 'number') {
      if (!Array.isArray(node))
        return node === undefined
          ? `${formatPath(here)} is absent, so it has no item ${step}`
          : `${formatPath(here)} is not an array, so it has no item ${step}`;
      if (step >= node.length) return `no ${itemName(here)} ${step} (${countText(here, node.length)})`;
      node = node[step];
      continue;
    }
    if (node === undefined || isObject(node)) {
      node = isObject(node) && Object.hasOwn(node, step) ? node[step] : undefined;
      continue;
    }
    if (typeof node === 'string' && here.length > 0) {
      node = step === 'name' ? node : undefined;
      continue;
    }
    return `${formatPath(here)} is ${Array.isArray(node) ? 'an array' : `not an object`}, so it has no key "${step}"`;
  }
  return undefined;
}

/** How an item of the array at `path` is called: "layer" in `layers`, else "item". */
function itemName(path: JsonPath): string {
  return path.length === 1 && path[0] === 'layers' ? 'layer' : `item of ${formatPath(path)}:`;
}

/** `the config has 2 layers: layers[0] to layers[1]` (or "… 1 item …" for other arrays). */
function countText(path: JsonPath, length: number): string {
  const name = path.length === 1 && path[0] === 'layers' ? 'layer' : 'item';
  const where = formatPath(path);
  if (length === 0) return `${where} is empty`;
  return `${where} has ${length} ${name}${length === 1 ? '' : 's'}: ${where}[0]${length > 1 ? ` to ${where}[${length - 1}]` : ''}`;
}

/**
 * A copy of `json` with each `[path, value]` written in, without the top-level keys `drop`. Only
 * the objects and arrays on the written paths are copied; everything else is shared with `json`
 * (which is never changed), so a large config (inline data) costs little per combination. Absent
 * keys are created as objects, and a name standing where an object is needed becomes
 * `{ "name": … }` (so `optimizer.alpha` works on `"optimizer": "Adam"`). Call `pathProblem` first:
 * this throws where that reports a problem.
 */
export function withValues(
  json: Record<string, unknown>,
  entries: Iterable<readonly [JsonPath, unknown]>,
  drop: readonly string[] = [],
): Record<string, unknown> {
  const copied = new Set<object>();
  const fresh = <T extends object>(x: T): T => {
    copied.add(x);
    return x;
  };
  const root = fresh(copyContainer(json) as Record<string, unknown>);
  for (const key of drop) delete root[key];
  for (const [path, value] of entries) {
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length - 1; i++) {
      const step = path[i];
      const child = childOf(node, step);
      let next: unknown = child;
      if (child === undefined) next = fresh(typeof path[i + 1] === 'number' ? [] : {});
      else if (typeof child === 'string' && typeof path[i + 1] === 'string') next = fresh({ name: child });
      else if ((Array.isArray(child) || isObject(child)) && !copied.has(child)) next = fresh(copyContainer(child));
      if (!Array.isArray(next) && !isObject(next)) throw new Error(`cannot set ${formatPath(path)}: ${formatPath(path.slice(0, i + 1))} is not a container`);
      if (next !== child) putChild(node, step, next);
      node = next;
    }
    putChild(node, path[path.length - 1], value);
  }
  return root;
}

/** A shallow copy of an array or object (own keys only, "__proto__" included as a plain key). */
function copyContainer(x: Record<string, unknown> | unknown[]): Record<string, unknown> | unknown[] {
  if (Array.isArray(x)) return x.slice();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(x)) putChild(out, key, x[key]);
  return out;
}

function childOf(node: Record<string, unknown> | unknown[], step: string | number): unknown {
  if (Array.isArray(node)) return typeof step === 'number' ? node[step] : undefined;
  return typeof step === 'string' && Object.hasOwn(node, step) ? node[step] : undefined;
}

function putChild(node: Record<string, unknown> | unknown[], step: string | number, value: unknown): void {
  if (Array.isArray(node)) {
    if (typeof step !== 'number' || step >= node.length) throw new Error(`no item ${String(step)} in an array of ${node.length}`);
    node[step] = value;
  } else if (typeof step === 'string') {
    // defineProperty, so a key named "__proto__" is an own key like any other (JSON.parse makes it one too).
    Object.defineProperty(node, step, { value, enumerable: true, writable: true, configurable: true });
  } else throw new Error(`an index (${step}) into an object`);
}

/** True when one path lies inside the other (or they are the same): a problem at one concerns a value set at the other. */
export function pathsOverlap(a: JsonPath, b: JsonPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return n > 0;
}
