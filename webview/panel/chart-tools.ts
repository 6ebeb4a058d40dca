/**
 * The row of chart controls: log-scale toggle, smoothing slider (0–0.99) and the CSV export. All are
 * keyboard reachable (Tab, then Space for the checkbox, arrows for the slider, Enter for buttons).
 */
import { createButton, createCheckbox, createSlider, type CheckboxControl, type SliderControl } from './controls';
import { MAX_SMOOTHING } from './smoothing';
import type { ViewPrefs } from './state';

/** Handlers of the chart tools. */
export interface ChartToolHandlers {
  onPrefs(change: Partial<ViewPrefs>): void;
  onExportCsv(): void;
}

/** The chart tools in `container`. */
export class ChartTools {
  private readonly log: CheckboxControl;
  private readonly smoothing: SliderControl;

  constructor(container: HTMLElement, prefs: ViewPrefs, handlers: ChartToolHandlers) {
    this.log = createCheckbox({ id: 'log-scale', label: 'Log scale', checked: prefs.logScale, onChange: (logScale) => handlers.onPrefs({ logScale }) });
    this.smoothing = createSlider({
      id: 'smoothing',
      label: 'Smoothing',
      min: 0,
      max: MAX_SMOOTHING,
      step: 0.01,
      value: prefs.smoothing,
      onInput: (smoothing) => handlers.onPrefs({ smoothing }),
    });
    const csv = createButton({ id: 'export-csv', label: 'Export CSV…', title: 'Save every epoch’s loss and accuracy as CSV', onPress: handlers.onExportCsv });
    container.append(this.log.element, this.smoothing.element, csv.element);
  }

  /** Shows `prefs` (after a restore). */
  show(prefs: ViewPrefs): void {
    this.log.setChecked(prefs.logScale);
    this.smoothing.setValue(prefs.smoothing);
  }
}
