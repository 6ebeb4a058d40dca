/**
 * Which data files a config may name: by default only files inside its root (the workspace folder
 * in VS Code; on the command line the config's own folder or the current working folder, as a
 * workspace is to the editor), judged both on the path as written
 * (so `../../etc/passwd` and absolute paths are refused without touching the file) and after
 * symlinks are resolved (so a link inside pointing outside is refused too). In VS Code's Restricted
 * Mode the rule always holds; otherwise the setting `nnLab.allowDataOutsideWorkspace` or the CLI
 * flag `--allow-outside` lifts it.
 */
import { realpathSync, promises as fsp } from 'fs';
import * as path from 'path';
import { safeText } from '../../core/problems';
import { FileReadError, openError } from './read-file';

/** Where data files may come from. */
export interface DataAccess {
  /** The folder data files must be inside; none: anywhere. */
  root?: string;
  /**
   * A second folder data files may be inside instead: the command line's current working folder
   * (so `configs/a.nn.json` may name `../data/train.csv` when run from the project's root). Only with `root`.
   */
  workingDir?: string;
  /** Lifted by the user (setting or flag); ignored in Restricted Mode. */
  allowOutside?: boolean;
  /** VS Code's Restricted Mode: the rule cannot be lifted. */
  restricted?: boolean;
  /** Whose rule it is, for the message: the CLI's (config folder and working folder) or the extension's (workspace folder). */
  scope?: 'cli' | 'workspace';
}

/** True when `file` is `root` or inside it (both absolute and normalised). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The folders data files may be inside under `access` (resolved, not through symlinks): its root, then the working folder. */
function rootsOf(access: DataAccess & { root: string }): string[] {
  const root = path.resolve(access.root);
  const working = access.workingDir === undefined ? undefined : path.resolve(access.workingDir);
  return working === undefined || working === root ? [root] : [root, working];
}

/** A folder as a message names it: escaped and cut short. */
function shownFolder(folder: string): string {
  return safeText(folder, 120);
}

/** Which boundary the command line applied, in words: the config's folder, and the current folder when it is another. */
function cliBoundary(access: DataAccess): string {
  const root = access.root === undefined ? undefined : path.resolve(access.root);
  const working = access.workingDir === undefined ? undefined : path.resolve(access.workingDir);
  if (root === undefined) return 'outside the allowed folders';
  if (working === undefined) return `outside the config's folder (${shownFolder(root)}); NN Lab reads data files only inside it`;
  if (working === root) return `outside the current folder, which is also the config's folder (${shownFolder(root)}); NN Lab reads data files only inside it`;
  return `outside both the current folder (${shownFolder(working)}) and the config's folder (${shownFolder(root)}); NN Lab reads data files only inside these`;
}

/** The refusal of `shown` (the path as the config writes it). */
export function outsideError(shown: string, access: DataAccess): FileReadError {
  if (access.scope === 'cli') return new FileReadError(`data file "${shown}" is ${cliBoundary(access)}. To allow it, run with --allow-outside`, 'outside');
  if (access.restricted)
    return new FileReadError(
      `data file "${shown}" is outside the workspace folder, and this workspace is in Restricted Mode, where NN Lab reads data files only inside it. To allow it, trust the workspace and set "nnLab.allowDataOutsideWorkspace": true`,
      'outside',
    );
  return new FileReadError(
    `data file "${shown}" is outside the workspace folder; NN Lab reads data files only inside it. To allow it, set "nnLab.allowDataOutsideWorkspace": true in your user settings`,
    'outside',
  );
}

/** True when `file` is inside one of `roots`. */
function insideAny(roots: readonly string[], file: string): boolean {
  return roots.some((root) => isInside(root, file));
}

/** True when the rule applies: a root is set and neither the user lifted it nor may. */
function enforced(access: DataAccess): access is DataAccess & { root: string } {
  return access.root !== undefined && (access.restricted === true || access.allowOutside !== true);
}

/**
 * The absolute path of `relative` (resolved against `configDir`) when the policy allows it: inside
 * the root or the working folder, both as written and after symlinks are resolved (the path and
 * the folders alike). Throws `FileReadError` (code `outside`) otherwise. A file that does not
 * exist is left to the reader (which says "not found").
 */
export function allowedPathSync(configDir: string, relative: string, shown: string, access: DataAccess): string {
  const file = path.resolve(configDir, relative);
  if (!enforced(access)) return file;
  const roots = rootsOf(access);
  if (!insideAny(roots, file)) throw outsideError(shown, access);
  let real: string;
  try {
    real = realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw openError(e, shown);
  }
  const realRoots = roots.map((root) => {
    try {
      return realpathSync(root);
    } catch {
      return root; // a folder that vanished: compare with it as written
    }
  });
  if (!insideAny(realRoots, real)) throw outsideError(shown, access);
  return real;
}

/** `allowedPathSync` without blocking the event loop. */
export async function allowedPath(configDir: string, relative: string, shown: string, access: DataAccess): Promise<string> {
  const file = path.resolve(configDir, relative);
  if (!enforced(access)) return file;
  const roots = rootsOf(access);
  if (!insideAny(roots, file)) throw outsideError(shown, access);
  let real: string;
  try {
    real = await fsp.realpath(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw openError(e, shown);
  }
  const realRoots = await Promise.all(roots.map((root) => fsp.realpath(root).catch(() => root)));
  if (!insideAny(realRoots, real)) throw outsideError(shown, access);
  return real;
}
