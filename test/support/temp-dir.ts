/**
 * Temporary folders for tests. Each is `nn-lab-<label>-XXXXXX` in the system's temporary folder
 * (`os.tmpdir()`, which honours TMPDIR) and is removed with everything in it by the test that made
 * it, also when a test or a hook fails: `useTempDir` registers the removal as an `after` hook of
 * the enclosing `describe`. The unit suite's root hook (tmp-clean-hooks.ts) fails the run if
 * anything is left.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** The start of the name of every temporary folder the tests make. */
export const TEMP_PREFIX = 'nn-lab-';

/** Makes a fresh folder `nn-lab-<label>-XXXXXX` in the temporary folder; the caller removes it with `removeTempDir`. */
export function makeTempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${label}-`));
}

/** Removes a folder and everything in it; does nothing for '' or a folder that is already gone. */
export function removeTempDir(dir: string): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** A temporary folder made on first use and removed by `remove` (made afresh if used again after that). */
export class TempDir {
  private dir = '';

  /** `label` becomes part of the folder's name. */
  constructor(private readonly label: string) {}

  /** The folder's path; the folder is made now if it does not exist yet. */
  get path(): string {
    if (!this.dir) this.dir = makeTempDir(this.label);
    return this.dir;
  }

  /** A path inside the folder. */
  join(...parts: string[]): string {
    return join(this.path, ...parts);
  }

  /** Removes the folder and everything in it. */
  remove(): void {
    removeTempDir(this.dir);
    this.dir = '';
  }
}

/**
 * A `TempDir` removed after the last test of the enclosing `describe` (call it in a describe's
 * body), also when a test or hook of it fails.
 */
export function useTempDir(label: string): TempDir {
  const dir = new TempDir(label);
  after(() => dir.remove());
  return dir;
}
