/**
 * Which data files a config may name: by default only files inside its root (the workspace folder
 * in VS Code, the config's own folder on the command line), judged both on the path as written
 * (so `../../etc/passwd` and absolute paths are refused without touching the file) and after
 * symlinks are resolved (so a link inside pointing outside is refused too). In VS Code's Restricted
 * Mode the rule always holds; otherwise the setting `nnLab.allowDataOutsideWorkspace` or the CLI
 * flag `--allow-outside` lifts it.
 */
import { realpathSync, promises as fsp } from 'fs';
import * as path from 'path';
import { FileReadError, openError } from './read-file';

/** Where data files may come from. */
export interface DataAccess {
  /** The folder data files must be inside; none: anywhere. */
  root?: string;
  /** Lifted by the user (setting or flag); ignored in Restricted Mode. */
  allowOutside?: boolean;
  /** VS Code's Restricted Mode: the rule cannot be lifted. */
  restricted?: boolean;
  /** Whose rule it is, for the message: the CLI's (config folder) or the extension's (workspace folder). */
  scope?: 'cli' | 'workspace';
}

/** True when `file` is `root` or inside it (both absolute and normalised). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The refusal of `shown` (the path as the config writes it). */
export function outsideError(shown: string, access: DataAccess): FileReadError {
  if (access.scope === 'cli')
    return new FileReadError(`data file "${shown}" is outside the config's folder; NN Lab reads data files only inside it. To allow it, run with --allow-outside`, 'outside');
  if (access.restricted)
    return new FileReadError(`data file "${shown}" is outside the workspace folder, and this workspace is in Restricted Mode, where NN Lab reads data files only inside it. To allow it, trust the workspace and set "nnLab.allowDataOutsideWorkspace": true`, 'outside');
  return new FileReadError(`data file "${shown}" is outside the workspace folder; NN Lab reads data files only inside it. To allow it, set "nnLab.allowDataOutsideWorkspace": true in your user settings`, 'outside');
}

/** True when the rule applies: a root is set and neither the user lifted it nor may. */
function enforced(access: DataAccess): access is DataAccess & { root: string } {
  return access.root !== undefined && (access.restricted === true || access.allowOutside !== true);
}

/**
 * The absolute path of `relative` (resolved against `configDir`) when the policy allows it; symlinks
 * resolved when it is enforced. Throws `FileReadError` (code `outside`) otherwise. A file that does
 * not exist is left to the reader (which says "not found").
 */
export function allowedPathSync(configDir: string, relative: string, shown: string, access: DataAccess): string {
  const file = path.resolve(configDir, relative);
  if (!enforced(access)) return file;
  const root = path.resolve(access.root);
  if (!isInside(root, file)) throw outsideError(shown, access);
  let real: string;
  try {
    real = realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw openError(e, shown);
  }
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    /* a root that vanished: compare with it as written */
  }
  if (!isInside(realRoot, real)) throw outsideError(shown, access);
  return real;
}

/** `allowedPathSync` without blocking the event loop. */
export async function allowedPath(configDir: string, relative: string, shown: string, access: DataAccess): Promise<string> {
  const file = path.resolve(configDir, relative);
  if (!enforced(access)) return file;
  const root = path.resolve(access.root);
  if (!isInside(root, file)) throw outsideError(shown, access);
  let real: string;
  try {
    real = await fsp.realpath(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw openError(e, shown);
  }
  const realRoot = await fsp.realpath(root).catch(() => root);
  if (!isInside(realRoot, real)) throw outsideError(shown, access);
  return real;
}
