/**
 * The panel's form controls. This is the ONLY module that imports `@vscode/webview-ui-toolkit`
 * (deprecated upstream): swapping it for `@vscode-elements/elements` means rewriting these few
 * factories and nothing else. Callers get plain `HTMLElement`s and typed callbacks.
 */
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox } from '@vscode/webview-ui-toolkit';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox());

/** A button the panel can enable, disable and relabel. */
export interface ButtonControl {
  readonly element: HTMLElement;
  setDisabled(disabled: boolean): void;
}

/** Creates a toolkit button; `onPress` runs on click and on Enter/Space (the toolkit handles keys). */
export function createButton(options: { id: string; label: string; primary?: boolean; title?: string; onPress(): void }): ButtonControl {
  const el = document.createElement('vscode-button');
  el.id = options.id;
  el.textContent = options.label;
  el.setAttribute('appearance', options.primary ? 'primary' : 'secondary');
  if (options.title) el.title = options.title;
  el.addEventListener('click', () => {
    if (!el.hasAttribute('disabled')) options.onPress();
  });
  return {
    element: el,
    setDisabled(disabled: boolean): void {
      el.toggleAttribute('disabled', disabled);
    },
  };
}

/** A checkbox whose state the panel can set without firing `onChange`. */
export interface CheckboxControl {
  readonly element: HTMLElement;
  setChecked(checked: boolean): void;
}

/** Creates a toolkit checkbox; `onChange` receives the new state after a click or Space. */
export function createCheckbox(options: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }): CheckboxControl {
  const el = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  el.id = options.id;
  el.textContent = options.label;
  el.checked = options.checked;
  let quiet = false;
  el.addEventListener('change', () => {
    if (!quiet) options.onChange(el.checked);
  });
  return {
    element: el,
    setChecked(checked: boolean): void {
      if (el.checked === checked) return;
      quiet = true;
      el.checked = checked;
      quiet = false;
    },
  };
}

/** A labelled range slider (the toolkit has none: a native input styled with the theme), showing its value. */
export interface SliderControl {
  readonly element: HTMLElement;
  setValue(value: number): void;
}

/** Creates a slider over [min, max] in `step`s; `onInput` fires while dragging and on arrow keys. */
export function createSlider(options: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onInput(value: number): void;
}): SliderControl {
  const wrap = document.createElement('label');
  wrap.className = 'slider';
  const input = document.createElement('input');
  input.type = 'range';
  input.id = options.id;
  input.min = String(options.min);
  input.max = String(options.max);
  input.step = String(options.step);
  const output = document.createElement('output');
  output.htmlFor.add(options.id);
  const show = (v: number): void => {
    input.value = String(v);
    output.textContent = v.toFixed(2);
    input.setAttribute('aria-valuetext', v.toFixed(2));
  };
  show(options.value);
  input.addEventListener('input', () => {
    const v = Number(input.value);
    show(v);
    options.onInput(v);
  });
  wrap.append(`${options.label} `, input, output);
  return { element: wrap, setValue: show };
}
