/**
 * The panel's header: the run's label and figures (epoch n/N, samples per second, elapsed time,
 * final or best loss) and the Train and Stop buttons.
 */
import { isFinalPhase } from '../../src/protocol/view/panel-state';
import type { PanelState } from '../../src/protocol/panel';
import { createButton, type ButtonControl } from './controls';
import { headerFigures } from './header-figures';

/** The header's dynamic parts. */
export class Header {
  private readonly train: ButtonControl;
  private readonly stop: ButtonControl;
  private readonly exporter: ButtonControl;

  constructor(
    private readonly label: HTMLElement,
    private readonly figures: HTMLElement,
    actions: HTMLElement,
    handlers: { onTrain(): void; onStop(): void; onExport(): void },
  ) {
    this.train = createButton({ id: 'train', label: 'Train', title: 'Train the model again from scratch (NN Lab: Train Model)', onPress: handlers.onTrain });
    this.stop = createButton({ id: 'stop', label: 'Stop', primary: true, title: 'Stop this run (NN Lab: Stop Training)', onPress: handlers.onStop });
    this.exporter = createButton({
      id: 'export',
      label: 'Export…',
      title: 'Export the trained model: a PyTorch training script, ONNX, or an NN Lab model file',
      onPress: handlers.onExport,
    });
    actions.append(this.train.element, this.stop.element, this.exporter.element);
  }

  /** Shows `state`: label, figures, and which button makes sense now. */
  render(state: PanelState): void {
    this.label.textContent = state.runLabel ?? state.modelName ?? '';
    this.figures.textContent = headerFigures(state);
    const running = !isFinalPhase(state.phase);
    this.stop.setDisabled(!running);
    this.train.setDisabled(state.phase === 'starting');
    this.exporter.setDisabled(running || state.history.length === 0);
  }
}
