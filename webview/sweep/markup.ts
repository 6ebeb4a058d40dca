/**
 * The sweep page's markup: status and progress, Stop and Export buttons, the invalid combinations,
 * the parallel-coordinates plot, the best runs' loss curves, a scatter per parameter and the table.
 * The host puts it into the shared webview frame; plain text, no DOM, so the host can import it.
 * `name` is the config's file name, already HTML-escaped.
 */

/** The page's body markup. */
export function sweepMarkup(name: string): string {
  return `
<header class="bar">
  <h1 id="title">Sweep of <span class="file">${name}</span></h1>
  <button id="export-csv" type="button" class="secondary">Export CSV…</button>
  <button id="stop" type="button">Stop</button>
</header>
<p id="status" role="status" aria-live="polite">Starting…</p>
<progress id="progress" max="1" value="0" aria-label="Combinations done"></progress>
<section id="invalid-section" hidden>
  <h2>Invalid combinations (not run)</h2>
  <ul id="invalid"></ul>
</section>
<div class="plots">
  <figure class="pc">
    <figcaption>Parallel coordinates <span class="hint">— drag along an axis to filter the runs; click the axis to clear</span>
      <button id="clear-brushes" type="button" class="secondary small" disabled>Clear filters</button></figcaption>
    <div class="pc-box"><canvas id="pc" role="img" aria-label="Parallel coordinates: one axis per parameter and the metric, a line per run coloured by the metric"></canvas></div>
  </figure>
  <figure class="curves">
    <figcaption id="curves-caption">Training loss of the best runs</figcaption>
    <div class="chart-box"><canvas id="curves" role="img" aria-describedby="curves-caption"></canvas></div>
  </figure>
</div>
<section>
  <h2 id="scatters-title">Metric against each parameter</h2>
  <div id="scatters" class="scatters" aria-labelledby="scatters-title"></div>
</section>
<table id="results">
  <caption id="results-caption">Runs (click a column to sort; open a run's config from its row)</caption>
  <thead><tr id="results-head"></tr></thead>
  <tbody></tbody>
</table>
<p id="table-note"></p>
`;
}
