/**
 * The files each webview page loads: its script bundle and its stylesheet, both built into `dist/` from
 * the page's folder `webview/<page>/`.
 * The page builders take their assets from here, and the packaging test derives from this list what
 * the `.vsix` must hold, so a page can never ship without its script. Free of `vscode` for that test.
 */

/** One page's assets. */
export interface PageAssets {
  /** File name in `dist/`, e.g. `webview.js`. */
  readonly script: string;
  /** File name in `dist/`, e.g. `panel.css` (from `webview/panel/panel.css`). */
  readonly stylesheet: string;
}

/** Every webview page of NN Lab, by name. */
export const PAGE_ASSETS = {
  training: { script: 'webview.js', stylesheet: 'panel.css' },
  gallery: { script: 'gallery.js', stylesheet: 'gallery.css' },
  compare: { script: 'compare.js', stylesheet: 'compare.css' },
  sweep: { script: 'sweep.js', stylesheet: 'sweep.css' },
} as const satisfies Record<string, PageAssets>;

/** The bundles the extension host itself loads besides the pages: its entry and the training worker. */
export const HOST_BUNDLES = ['extension.js', 'worker.js'] as const;

/** Every file (relative to the extension's root) that must be in the package for the pages and the host to work. */
export function requiredPackageFiles(): string[] {
  const pages = Object.values(PAGE_ASSETS) as PageAssets[];
  return [...HOST_BUNDLES.map((b) => `dist/${b}`), ...pages.map((p) => `dist/${p.script}`), ...pages.map((p) => `dist/${p.stylesheet}`)];
}
