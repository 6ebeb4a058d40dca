// npm run lint:cycles [ROOT]: fails when source files import each other in a circle, counting `import type`
// too (ESLint's import-x/no-cycle passes over type-only imports; a circle of types still ties the
// files together). Reads the relative imports of src/ and webview/ as text and finds the strongly
// connected groups (Tarjan's algorithm); prints each circle's files and arrows.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Matches `import … from './x'` and `export … from './x'` (type-only ones included), across lines. */
const IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gms;

/** The .ts files below `dir` (generated folders included: they import nothing back). */
function tsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file an import specifier names, or undefined when it is not a .ts file of the tree. */
function target(from, specifier) {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => p.endsWith('.ts') && existsSync(p));
}

/** The import graph of the .ts files under `roots`: file → the files it imports. */
export function importGraph(roots) {
  const graph = new Map();
  for (const file of roots.flatMap(tsFiles)) {
    const text = readFileSync(file, 'utf8');
    const out = new Set();
    for (const m of text.matchAll(IMPORT)) {
      const t = target(file, m[1]);
      if (t) out.add(t);
    }
    graph.set(file, [...out]);
  }
  return graph;
}

/** The groups of two or more files that reach each other (each an import circle). */
export function circles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const group = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const graph = importGraph([join(root, 'src'), join(root, 'webview')]);
  const found = circles(graph);
  for (const group of found) {
    const members = new Set(group);
    console.error(`import circle of ${group.length} files:`);
    for (const f of group) for (const t of graph.get(f)) if (members.has(t)) console.error(`  ${relative(root, f)} -> ${relative(root, t)}`);
  }
  if (found.length) process.exit(1);
  console.log(`import circles: none in ${graph.size} files (type imports included)`);
}
