/**
 * The live check of a config's text, with the same JSON front end and validator as the CLI and the
 * trainer, but cheap enough for every keystroke. Every file a data block names (in `data` and
 * `testData`, whatever its source) is read asynchronously through a cache first, so a missing file or
 * one that is not a regular file is reported at its path: text files whole (too-big ones are not
 * loaded), binary files only their first bytes, from which their source tells the shape. Sources whose
 * shape only loading tells (CSV, inline rows) are then loaded as the CLI does.
 */
import { parseConfigText } from '../../core/config/parse-json';
import { validateConfig, type DataShape } from '../../core/config/validate';
import { prepareRun } from '../../core/config/load';
import { checkTestShape } from '../../core/config/semantics';
import type { ResolvedDataConfig } from '../../core/config/resolved';
import { dataSourceRegistry } from '../../core/data/sources/registry';
import { readProblem } from '../../core/data/sources/read-problem';
import { oneLine, type Problem } from '../../core/problems';
import type { DataAccess } from '../files/path-policy';
import { DataFileCache, FileTooBigError } from './data-file-cache';
import { isObject } from '../../core/config/checks';
import { checkSweep } from '../../core/sweep/check-sweep';

/**
 * What a check found. When the text is not strict JSON (`syntaxError`), `problems` holds the
 * first syntax error with its text span (`at`), as the CLI reports it; duplicate keys likewise.
 */
export interface ConfigCheck {
  problems: Problem[];
  syntaxError: boolean;
}

/**
 * Checks `text`; `dir` is where relative data files are resolved and `access` where they may come from.
 * Never throws; every message is one safe line. Data files are read asynchronously before the synchronous
 * check, so the extension host never waits on the disk (or on a FIFO) while the user types.
 */
export async function checkConfigText(text: string, dir: string, files: DataFileCache, access: DataAccess = {}): Promise<ConfigCheck> {
  const check = await checkUnsafe(text, dir, files, access);
  return { ...check, problems: check.problems.map((p) => ({ ...p, message: oneLine(p.message) })) };
}

type BlockKey = 'data' | 'testData' | 'validationData';

/** What reading one block's files found. */
interface BlockFiles {
  problems: Problem[];
  /** The shape its files' first bytes give (sources with a `headerShape`). */
  shape?: DataShape;
  /** True when every file it names is text, read whole (so the block can be loaded from `texts`). */
  loadable: boolean;
}

/** Reads the files of one block (text whole into `texts`, binary files' first bytes). Never rejects. */
async function readBlockFiles(
  key: BlockKey,
  spec: ResolvedDataConfig,
  dir: string,
  files: DataFileCache,
  access: DataAccess,
  texts: Map<string, string>,
): Promise<BlockFiles> {
  const source = dataSourceRegistry.of(spec);
  const refs = source.files(spec);
  const result: BlockFiles = { problems: [], loadable: true };
  const prefixes: Uint8Array[] = [];
  for (const ref of refs) {
    try {
      if (ref.binary) {
        prefixes.push(await files.readPrefix(dir, ref.file, access));
        result.loadable = false;
      } else texts.set(ref.file, await files.read(dir, ref.file, access));
    } catch (e) {
      result.loadable = false;
      if (!(e instanceof FileTooBigError)) result.problems.push(readProblem([key, ...ref.at], ref.file, e));
    }
  }
  if (result.problems.length === 0 && source.headerShape && prefixes.length === refs.length) {
    const header = source.headerShape(spec, prefixes, [key]);
    result.problems.push(...header.problems);
    result.shape = header.shape;
  }
  return result;
}

async function checkUnsafe(text: string, dir: string, files: DataFileCache, access: DataAccess): Promise<ConfigCheck> {
  const parsed = parseConfigText(text);
  if (parsed.problems.length || parsed.value === undefined) return { problems: parsed.problems, syntaxError: parsed.syntaxError !== undefined };
  // A "sweep" block (read by "Run Sweep" and `nn-lab sweep`, ignored by training) is checked as `nn-lab check` does.
  const sweep = isObject(parsed.value) && Object.hasOwn(parsed.value, 'sweep') ? checkSweep(parsed.value).problems : [];
  const checked = await checkModel(parsed.value, dir, files, access);
  return sweep.length ? { ...checked, problems: [...checked.problems, ...sweep] } : checked;
}

/** The checks of the parsed config itself and its data files (everything but the sweep block). */
async function checkModel(config: unknown, dir: string, files: DataFileCache, access: DataAccess): Promise<ConfigCheck> {
  const parsed = { value: config };
  let checked = validateConfig(parsed.value);
  const texts = new Map<string, string>();
  const blocks: Partial<Record<BlockKey, BlockFiles>> = {};
  for (const key of ['data', 'testData', 'validationData'] as const) {
    const spec = checked[key];
    if (spec) blocks[key] = await readBlockFiles(key, spec, dir, files, access, texts);
  }
  const fileProblems = [...(blocks.data?.problems ?? []), ...(blocks.testData?.problems ?? []), ...(blocks.validationData?.problems ?? [])];
  if (fileProblems.length) return { problems: [...checked.problems, ...fileProblems], syntaxError: false };
  const dataShape = blocks.data?.shape;
  const testDataShape = blocks.testData?.shape;
  if (dataShape || testDataShape) checked = validateConfig(parsed.value, { dataShape, testDataShape });
  // Loading is needed only when the data's shape is not known yet, and done only when it is cheap:
  // the rows are in the text (inline) or the files are in hand (small text files).
  const data = checked.data;
  if (!data || checked.shapeChecked || dataSourceRegistry.of(data).staticShape(data) || !blocks.data?.loadable)
    return { problems: checked.problems, syntaxError: false };
  // A test set that cannot be loaded here (big or binary files) is left out; its header shape is still compared.
  const value = parsed.value as Record<string, unknown>;
  const withoutTest = {
    ...value,
    ...(blocks.testData && !blocks.testData.loadable ? { testData: undefined } : {}),
    ...(blocks.validationData && !blocks.validationData.loadable ? { validationData: undefined } : {}),
  };
  const prepared = prepareRun(withoutTest, {
    readFile: (relative) => {
      const found = texts.get(relative);
      if (found === undefined) throw Object.assign(new Error(`file not found: ${relative}`), { code: 'ENOENT' });
      return found;
    },
  });
  const problems = [...prepared.problems];
  if (prepared.data && testDataShape) problems.push(...checkTestShape(prepared.data, testDataShape));
  return { problems, syntaxError: false };
}
