/**
 * The training panel's markup: header, problems, chart tools and the grid of cards `main.ts` fills in.
 * The host puts it into the shared webview frame (src/extension/webview/webview-page.ts); plain text,
 * no DOM, so the host can import it. `name` is the config's file name, already HTML-escaped.
 */

/** The page's body markup. */
export function panelMarkup(name: string): string {
  return `
<header class="bar">
  <div class="heading">
    <h1 id="title">Training <span class="file">${name}</span></h1>
    <p class="run"><span id="run-label"></span> <span id="figures" class="figures"></span></p>
  </div>
  <div id="actions" class="actions" role="group" aria-label="Run"></div>
</header>
<p id="status" role="status" aria-live="polite">Starting ${name}…</p>
<section id="problems" class="problems" hidden aria-labelledby="problems-title">
  <h2 id="problems-title">Problems (the last good run stays below)</h2>
  <ul id="problem-list"></ul>
</section>
<div id="chart-tools" class="tools" role="group" aria-label="Chart options"></div>
<main class="grid">
  <figure class="card chart" aria-labelledby="loss-title">
    <div class="card-head"><h2 id="loss-title">Loss</h2><button id="loss-png" class="link" type="button" title="Save the loss chart as PNG">PNG…</button></div>
    <div class="chart-box"><canvas id="loss-chart" role="img" aria-label="Loss per epoch" aria-describedby="loss-summary"></canvas></div>
    <figcaption id="loss-summary">No epochs yet.</figcaption>
  </figure>
  <figure id="accuracy-card" class="card chart" hidden aria-labelledby="accuracy-title">
    <div class="card-head"><h2 id="accuracy-title">Accuracy</h2><button id="accuracy-png" class="link" type="button" title="Save the accuracy chart as PNG">PNG…</button></div>
    <div class="chart-box"><canvas id="accuracy-chart" role="img" aria-label="Accuracy per epoch"></canvas></div>
  </figure>
  <figure id="lr-card" class="card chart" hidden aria-labelledby="lr-title">
    <div class="card-head"><h2 id="lr-title">Learning rate</h2><button id="lr-png" class="link" type="button" title="Save the learning-rate chart as PNG">PNG…</button></div>
    <div class="chart-box"><canvas id="lr-chart" role="img" aria-label="Learning rate per epoch"></canvas></div>
  </figure>
  <section id="surface-card" class="card" hidden aria-labelledby="surface-title">
    <h2 id="surface-title">Decision surface</h2>
    <canvas id="surface" role="img" aria-label="Decision surface"></canvas>
    <p>Shading: the model's output over the input plane; dots: training points, coloured by class.</p>
  </section>
  <section id="confusion-card" class="card" hidden aria-labelledby="confusion-title">
    <h2 id="confusion-title">Confusion matrix</h2>
    <div id="confusion" class="confusion-box"></div>
    <p id="confusion-caption" class="legend-note"></p>
  </section>
  <section id="samples-card" class="card wide" hidden aria-labelledby="samples-title">
    <h2 id="samples-title">Sample images <span class="legend-note">true class, and → the model's answer when it is wrong; mistakes first</span></h2>
    <div id="samples" class="samples"></div>
  </section>
  <section id="filters-card" class="card" hidden aria-labelledby="filters-title">
    <h2 id="filters-title">Filters <span class="legend-note">first convolution layer, live</span></h2>
    <div id="filters" class="filters" role="img"></div>
    <p id="filters-caption" class="legend-note"></p>
  </section>
  <section id="maps-card" class="card wide" hidden aria-labelledby="maps-title">
    <h2 id="maps-title">Feature maps <span class="legend-note">each convolution layer's output for one image, after its activation, from the background colour (smallest) to the text colour (largest)</span></h2>
    <div id="feature-maps" class="feature-maps"></div>
  </section>
  <section id="histograms-card" class="card" hidden aria-labelledby="histograms-title">
    <h2 id="histograms-title">Inside the network</h2>
    <div id="histograms" class="histograms"></div>
  </section>
  <section id="activations-card" class="card wide" hidden aria-labelledby="activations-title">
    <h2 id="activations-title">Activation functions <span class="legend-note">f solid, f′ dashed</span></h2>
    <div id="activation-plots" class="plots"></div>
  </section>
</main>
`;
}
