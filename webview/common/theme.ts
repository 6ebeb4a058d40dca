/**
 * Colours for canvases and chart.js, read from VS Code's theme CSS variables, and a hook that fires
 * when the theme changes (VS Code swaps the body's `vscode-light` / `vscode-dark` / `vscode-high-contrast` class).
 */

/** The colours the panel draws with. */
export interface ThemeColors {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  train: string;
  validation: string;
  /** Colours of earlier runs, cycled. */
  past: string[];
  /** Class colours for the decision surface, cycled. */
  classes: string[];
  highContrast: boolean;
}

/** Reads one CSS custom property (a theme colour VS Code sets on the body), with a fallback. */
export function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The current theme's colours. */
export function themeColors(): ThemeColors {
  const blue = cssVar('--vscode-charts-blue', '#3794ff');
  const orange = cssVar('--vscode-charts-orange', '#d18616');
  const green = cssVar('--vscode-charts-green', '#89d185');
  const purple = cssVar('--vscode-charts-purple', '#b180d7');
  const red = cssVar('--vscode-charts-red', '#f14c4c');
  const yellow = cssVar('--vscode-charts-yellow', '#cca700');
  return {
    foreground: cssVar('--vscode-foreground', '#cccccc'),
    muted: cssVar('--vscode-descriptionForeground', '#999999'),
    grid: cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)'),
    background: cssVar('--vscode-editor-background', '#1e1e1e'),
    train: blue,
    validation: orange,
    past: [purple, green, yellow, red, cssVar('--vscode-charts-foreground', '#888888')],
    classes: [blue, orange, green, purple, red, yellow],
    highContrast: document.body.classList.contains('vscode-high-contrast'),
  };
}

let probe: CanvasRenderingContext2D | null | undefined;

/** `color` with opacity `alpha` (any CSS colour in; `rgba(r, g, b, a)` out). */
export function withAlpha(color: string, alpha: number): string {
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return color;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The colour as [r, g, b] (0–255). */
export function rgb(color: string): [number, number, number] {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(withAlpha(color, 1));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128];
}

/** Calls `listener` (once per frame at most) whenever VS Code changes the theme: the body's class or the variables on `<html>`. */
export function onThemeChange(listener: () => void): void {
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      listener();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}
