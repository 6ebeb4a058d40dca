/**
 * The config's problems, shown above the charts. An invalid edit keeps the last good run drawn
 * below, so the person sees both what is wrong and what they had.
 */
import type { PanelState } from '../../src/protocol/panel';

/** Writes the problems of `state` into `section` (hidden when there are none) and its list. */
export function renderProblems(section: HTMLElement, list: HTMLElement, state: PanelState): void {
  section.hidden = state.problems.length === 0;
  list.replaceChildren(
    ...state.problems.map((p) => {
      const li = document.createElement('li');
      li.className = p.severity;
      const where = document.createElement('code');
      where.textContent = p.where || '(file)';
      li.append(where, ` ${p.message}`);
      return li;
    }),
  );
}
