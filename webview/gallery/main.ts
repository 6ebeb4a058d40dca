/**
 * Entry of the activation gallery's script (`dist/gallery.js`): one card per activation of the
 * core's registry, a filter box, and the host's highlight / setParam messages.
 */
import { ACTIVATIONS } from '../../src/core/activations';
import { tagParser } from '../../src/protocol/channel';
import { HOST_TO_GALLERY_TYPES, type GalleryProbe, type GalleryToHost, type HostToGallery } from '../../src/protocol/gallery';
import { onThemeChange } from '../common/theme';
import { loadState, pageChannel, saveState } from '../common/vscode-api';
import { GalleryCard } from './gallery-card';
import { readPlotColors } from './gallery-plot';

/** What the page keeps across reloads (slider values and the filter). */
interface SavedGallery {
  params: Record<string, Record<string, number>>;
  filter: string;
}
const channel = pageChannel<GalleryToHost, HostToGallery>(tagParser<HostToGallery>(HOST_TO_GALLERY_TYPES), { onMessage: receive });
/** Requests from the host waiting for a card's redraw, by card name. */
const replies = new Map<string, number>();

function post(message: GalleryToHost): void {
  channel.post(message);
}

const list = document.getElementById('cards') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const filter = document.getElementById('filter') as HTMLInputElement;

function save(): void {
  const saved: SavedGallery = { params: Object.fromEntries(cards.map((c) => [c.name, { ...c.params }])), filter: filter.value };
  saveState(saved);
}

function onDrawn(card: GalleryCard, probes: GalleryProbe[]): void {
  const replyTo = replies.get(card.name);
  replies.delete(card.name);
  post({ type: 'drawn', name: card.name, params: { ...card.params }, probes, ...(replyTo !== undefined ? { replyTo } : {}) });
  save();
}

const cards = ACTIVATIONS.map((entry) => new GalleryCard(entry, readPlotColors(), onDrawn));
for (const card of cards) list.append(card.element);
const saved = loadState() as SavedGallery | undefined;
if (saved && typeof saved === 'object' && saved.params && typeof saved.filter === 'string') {
  filter.value = saved.filter;
  for (const card of cards) {
    for (const [param, value] of Object.entries(saved.params[card.name] ?? {})) if (typeof value === 'number') card.params[param] = value;
    card.syncInputs();
  }
}
for (const card of cards) card.redraw(false);

/** Shows the cards whose name, summary or formula contains the filter text. */
function applyFilter(): void {
  const q = filter.value.trim().toLowerCase();
  let shown = 0;
  for (const card of cards) {
    const text =
      `${card.name} ${card.element.querySelector('.summary')?.textContent ?? ''} ${card.element.querySelector('.formula')?.textContent ?? ''}`.toLowerCase();
    const visible = q === '' || text.includes(q);
    card.element.hidden = !visible;
    if (visible) shown++;
  }
  status.textContent =
    q === ''
      ? `Showing all ${cards.length} activation functions.`
      : `Showing ${shown} of ${cards.length} activation functions matching "${filter.value.trim()}".`;
}

function receive(message: HostToGallery): void {
  switch (message.type) {
    case 'highlight': {
      const used = new Set(message.uses.map((u) => u.name));
      for (const card of cards) card.setUsed(used.has(card.name), message.file);
      for (const use of message.uses) {
        const card = cards.find((c) => c.name === use.name);
        for (const [param, value] of Object.entries(use.params)) card?.setParam(param, value);
      }
      filter.value = '';
      applyFilter();
      const first = cards.find((c) => used.has(c.name));
      first?.element.scrollIntoView({ block: 'start' });
      status.textContent = used.size
        ? `${message.file} uses ${[...used].join(', ')}; highlighted below.`
        : `${message.file} uses no activation functions with a card here.`;
      break;
    }
    case 'setParam': {
      const card = cards.find((c) => c.name === message.name);
      if (card && message.requestId !== undefined) replies.set(card.name, message.requestId);
      if (!card?.setParam(message.param, message.value)) status.textContent = `No parameter ${message.param} on ${message.name}.`;
      break;
    }
    default: {
      const unknown: never = message;
      throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
    }
  }
}

filter.addEventListener('input', () => {
  applyFilter();
  save();
});
onThemeChange(() => {
  const colors = readPlotColors();
  for (const card of cards) card.setColors(colors);
});
let resizeTimer: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    for (const card of cards) card.redraw(false);
  }, 100);
});
applyFilter();
post({ type: 'ready', cards: cards.map((c) => c.name) });
