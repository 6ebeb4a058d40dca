/**
 * A grid of sample images of an image classifier (IDX data, the digits) with their true and predicted
 * labels, misclassified ones first (the worker orders them), drawn pixel for pixel and scaled up.
 */
import type { ClassifierView } from '../../src/protocol/panel';

/** Pixels per image pixel on screen. */
const SCALE = 3;

/** Fills `container` with one captioned image per sample; returns how many it shows and how many are wrong. */
export function renderSamples(
  container: HTMLElement,
  samples: NonNullable<ClassifierView['samples']>,
  labels: readonly string[],
): { shown: number; wrong: number } {
  const [h, w] = samples.shape;
  const name = (k: number): string => labels[k] ?? String(k);
  let wrong = 0;
  const figures = samples.items.map((item) => {
    const figure = document.createElement('figure');
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${w * SCALE}px`;
    canvas.style.height = `${h * SCALE}px`;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      const image = ctx.createImageData(w, h);
      for (let i = 0; i < w * h; i++) {
        const v = item.pixels[i] ?? 0;
        image.data.set([v, v, v, 255], 4 * i);
      }
      ctx.putImageData(image, 0, 0);
    }
    const ok = item.label === item.predicted;
    if (!ok) wrong++;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `a ${name(item.label)}, predicted ${name(item.predicted)}${ok ? '' : ' (wrong)'}`);
    const caption = document.createElement('figcaption');
    caption.textContent = ok ? name(item.label) : `${name(item.label)} → ${name(item.predicted)}`;
    figure.className = ok ? 'sample' : 'sample wrong';
    figure.append(canvas, caption);
    return figure;
  });
  container.replaceChildren(...figures);
  return { shown: figures.length, wrong };
}
