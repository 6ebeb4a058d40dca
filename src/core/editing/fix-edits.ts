/**
 * Text edits behind the quick fixes, computed on the document's JSON tree so they keep the
 * user's formatting: replace a value or key, remove a member, set the output layer's activation, set the loss.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { JsonPath } from '../problems';

/** One replacement in the text: [offset, offset + length) becomes `content`. */
export interface TextChange {
  offset: number;
  length: number;
  content: string;
}

/** Replaces the string or number value at `path` with `value` (JSON-encoded). */
export function replaceValue(root: Node, path: JsonPath, value: string | number): TextChange | undefined {
  const node = findNodeAtLocation(root, path);
  if (!node || (node.type !== 'string' && node.type !== 'number')) return undefined;
  return { offset: node.offset, length: node.length, content: JSON.stringify(value) };
}

/** Renames the key of the member at `path` (its last element is the key) to `key`. */
export function renameKey(root: Node, path: JsonPath, key: string): TextChange | undefined {
  const key0 = findNodeAtLocation(root, path)?.parent?.children?.[0];
  if (!key0 || key0.type !== 'string') return undefined;
  return { offset: key0.offset, length: key0.length, content: JSON.stringify(key) };
}

/** Sets `key` of the object at `objectPath` to `value`: replaces the value when present, else appends a member. */
export function setMember(root: Node, objectPath: JsonPath, key: string, value: string): TextChange | undefined {
  const object = findNodeAtLocation(root, objectPath);
  if (!object || object.type !== 'object') return undefined;
  const existing = findNodeAtLocation(root, [...objectPath, key]);
  if (existing) return { offset: existing.offset, length: existing.length, content: JSON.stringify(value) };
  const members = object.children ?? [];
  const member = `"${key}": ${JSON.stringify(value)}`;
  if (members.length === 0) return { offset: object.offset + 1, length: 0, content: ` ${member} ` };
  const last = members[members.length - 1];
  return { offset: last.offset + last.length, length: 0, content: `, ${member}` };
}

/**
 * Removes the member at `path` (its last element is the key) with the comma that separates it from a
 * neighbour: up to the next member when there is one, else from the end of the previous one.
 */
export function removeMember(root: Node, path: JsonPath): TextChange | undefined {
  const property = findNodeAtLocation(root, path)?.parent;
  const members = property?.parent?.children;
  if (!property || property.type !== 'property' || !members) return undefined;
  const i = members.indexOf(property);
  const end = property.offset + property.length;
  if (i + 1 < members.length) return { offset: property.offset, length: members[i + 1].offset - property.offset, content: '' };
  if (i > 0) {
    const previousEnd = members[i - 1].offset + members[i - 1].length;
    return { offset: previousEnd, length: end - previousEnd, content: '' };
  }
  return { offset: property.offset, length: property.length, content: '' };
}

/** Inserts the JSON `value` as an array element before the element at `path` (e.g. a layer before `["layers", 3]`). */
export function insertBefore(root: Node, path: JsonPath, value: string): TextChange | undefined {
  const node = findNodeAtLocation(root, path);
  if (!node || node.parent?.type !== 'array') return undefined;
  return { offset: node.offset, length: 0, content: `${value}, ` };
}

/** The index of the last layer, when `layers` is a non-empty array. */
export function lastLayerIndex(root: Node): number | undefined {
  const layers = findNodeAtLocation(root, ['layers']);
  const n = layers?.type === 'array' ? (layers.children?.length ?? 0) : 0;
  return n > 0 ? n - 1 : undefined;
}

/** Sets the output layer's activation to `name` (inside `{ "name": … }` when the activation is an object). */
export function setOutputActivation(root: Node, name: string): TextChange | undefined {
  const last = lastLayerIndex(root);
  if (last === undefined) return undefined;
  const activation = findNodeAtLocation(root, ['layers', last, 'activation']);
  if (activation?.type === 'object') return setMember(root, ['layers', last, 'activation'], 'name', name);
  return setMember(root, ['layers', last], 'activation', name);
}

/** Sets the top-level `loss` (adding it when absent). */
export function setLoss(root: Node, loss: string): TextChange | undefined {
  return setMember(root, [], 'loss', loss);
}
