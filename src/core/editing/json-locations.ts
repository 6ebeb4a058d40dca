/**
 * From a core `Problem`'s JSON path to the exact text range in the document, with jsonc-parser:
 * the value at the path, the key for an unknown key, else the nearest existing parent.
 */
import { findNodeAtLocation, getNodePath, type Node } from 'jsonc-parser';
import { parseJsonTree } from '../config/parse-json';
import type { JsonPath } from '../problems';

/** A half-open character range [start, end) in the document's text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** The parse tree of a document's text (undefined for text that is not JSON at all). */
export function treeOf(text: string): Node | undefined {
  return parseJsonTree(text);
}

/** The key node of the property whose value is `valueNode`, if it is an object member. */
function keyNodeOf(valueNode: Node): Node | undefined {
  const parent = valueNode.parent;
  return parent?.type === 'property' ? parent.children?.[0] : undefined;
}

/** Range of a node; for an object or array only its first line's worth (its key when it has one). */
function rangeOfNode(node: Node, preferKey: boolean): OffsetRange {
  const key = keyNodeOf(node);
  if (key && (preferKey || node.type === 'object' || node.type === 'array')) return { start: key.offset, end: key.offset + key.length };
  return { start: node.offset, end: node.offset + node.length };
}

/**
 * Where the problem at `path` is: the value's range; the key's range when `onKey` (unknown keys)
 * or when the value is a whole block; the nearest parent that exists otherwise; the root's first
 * character as a last resort.
 */
export function rangeOfPath(root: Node | undefined, path: JsonPath, onKey = false): OffsetRange {
  if (!root) return { start: 0, end: 1 };
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (!node) continue;
    if (n === 0) return { start: root.offset, end: root.offset + 1 };
    return rangeOfNode(node, onKey && n === path.length);
  }
  return { start: root.offset, end: root.offset + 1 };
}

/** The string value node at `offset` and its JSON path, when the offset is inside a string value or key. */
export function stringAt(root: Node | undefined, offset: number): { node: Node; path: JsonPath; isKey: boolean } | undefined {
  if (!root) return undefined;
  let node: Node | undefined = root;
  for (;;) {
    const child: Node | undefined = node.children?.find((c) => c.offset <= offset && offset <= c.offset + c.length);
    if (!child) break;
    node = child;
  }
  if (node.type !== 'string') return undefined;
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.children?.[0] === node;
  const path: JsonPath = isKey && parent ? [...getNodePath(parent), String(node.value)] : getNodePath(node);
  return { node, path, isKey };
}
