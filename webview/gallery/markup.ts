/**
 * The activation gallery's markup: a filter and an empty card list `main.ts` fills in.
 * The host puts it into the shared webview frame (src/extension/webview/webview-page.ts); plain text,
 * no DOM, so the host can import it.
 */

/** The page's body markup. */
export function galleryMarkup(): string {
  return `
<h1>Activation functions</h1>
<div class="bar">
  <label>Filter <input id="filter" type="search" placeholder="name, formula or words" aria-controls="cards"></label>
  <p class="legend-note">Solid: f(x). Dashed: f′(x). Move a slider (or use the arrow keys on it) to change a parameter.</p>
</div>
<p id="status" role="status" aria-live="polite">Loading…</p>
<main id="cards" aria-label="Activation functions"></main>
`;
}
