/**
 * The optimizer comparison's markup: a chart, a results table and a Stop button.
 * The host puts it into the shared webview frame (src/extension/webview/webview-page.ts); plain text,
 * no DOM, so the host can import it. `name` is the config's file name, already HTML-escaped.
 */

/** The page's body markup. */
export function compareMarkup(name: string): string {
  return `
<header class="bar">
  <h1 id="title">Optimizers on <span class="file">${name}</span></h1>
  <label class="toggle"><input id="log-scale" type="checkbox"> Log scale</label>
  <button id="stop" type="button">Stop</button>
</header>
<p id="status" role="status" aria-live="polite">Starting…</p>
<figure class="chart">
  <div class="chart-box"><canvas id="compare-chart" role="img" aria-label="Training loss per epoch, one line per optimizer" aria-describedby="results-caption"></canvas></div>
</figure>
<table id="results">
  <caption id="results-caption">Final training loss, best first</caption>
  <thead><tr><th scope="col">#</th><th scope="col">Optimizer</th><th scope="col">Settings</th><th scope="col">Final loss</th><th scope="col">Epochs</th><th scope="col">Status</th></tr></thead>
  <tbody></tbody>
</table>
`;
}
