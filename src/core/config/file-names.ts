/**
 * What NN Lab's files are called: a model description is `*.nn.json`, an exported model file
 * `*.model.json`. The one place the editor, the panels and the command line ask "is this a config?".
 */

/** True for a model description's file name or path (`*.nn.json`, any case). */
export function isConfigFile(nameOrPath: string): boolean {
  return /\.nn\.json$/i.test(nameOrPath);
}

/** True for an exported model file's name or path (`*.model.json`, any case). */
export function isModelFileName(nameOrPath: string): boolean {
  return /\.model\.json$/i.test(nameOrPath);
}

/** `dir/xor.nn.json` or `xor.model.json` → `xor` (empty when nothing is left). */
export function configStem(nameOrPath: string): string {
  const name = nameOrPath.split(/[\\/]/).pop() ?? '';
  return name.replace(/(\.nn|\.model)?\.json$/i, '');
}

/** `stem` as a valid Python module name: other characters become `_`, a leading digit gets a `_` before it. */
export function pythonModuleName(stem: string): string {
  return stem.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
}
