/**
 * The classifier's confusion matrix as an HTML table (readable by screen readers and selectable):
 * rows are the true classes, columns the predicted ones, each cell shaded by its share of its row, the
 * diagonal (right answers) in the training colour and the rest in the validation colour.
 */
import type { ClassifierView } from '../../src/protocol/panel';
import { withAlpha, type ThemeColors } from '../common/theme';

/** Which samples a matrix counts, in words. */
const SET_NAMES: Record<ClassifierView['confusion']['set'], string> = { test: 'test set', validation: 'validation split', training: 'training data' };

/** What the matrix shows, for the test hook and the caption. */
export interface ConfusionSummary {
  classes: number;
  total: number;
  correct: number;
  set: string;
}

/** Fills `container` with the matrix of `view`; returns what it shows. */
export function renderConfusion(container: HTMLElement, caption: HTMLElement, confusion: ClassifierView['confusion'], colors: ThemeColors): ConfusionSummary {
  const { labels, counts } = confusion;
  let total = 0;
  let correct = 0;
  counts.forEach((row, i) =>
    row.forEach((c, j) => {
      total += c;
      if (i === j) correct += c;
    }),
  );
  const table = document.createElement('table');
  table.className = 'confusion';
  const head = table.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.textContent = 'true \\ predicted';
  corner.scope = 'col';
  head.append(corner);
  for (const label of labels) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  counts.forEach((row, i) => {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = labels[i] ?? String(i);
    tr.append(th);
    const rowTotal = row.reduce((a, b) => a + b, 0);
    row.forEach((c, j) => {
      const td = tr.insertCell();
      td.textContent = String(c);
      const share = rowTotal > 0 ? c / rowTotal : 0;
      if (c > 0) td.style.backgroundColor = withAlpha(i === j ? colors.train : colors.validation, 0.15 + 0.75 * share);
      td.title = `${c} of ${rowTotal} samples of class ${labels[i] ?? i} predicted as ${labels[j] ?? j}`;
    });
  });
  container.replaceChildren(table);
  const set = SET_NAMES[confusion.set];
  const accuracy = total > 0 ? ` · ${((100 * correct) / total).toFixed(1)} % right` : '';
  caption.textContent = `${set}, ${total.toLocaleString('en-US')} samples${accuracy}`;
  return { classes: labels.length, total, correct, set: confusion.set };
}
