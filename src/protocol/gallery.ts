/**
 * Messages between the extension host and the activation gallery webview (`dist/gallery.js`).
 * One discriminated union per direction; messages from the webview are validated with
 * `parseGalleryMessage` before the host uses them.
 */

/** An activation a config uses, with the parameters written there (defaults filled in). */
export interface ActivationHighlight {
  name: string;
  params: Record<string, number>;
}

/** Host → gallery: mark (and scroll to) the activations `file` uses, setting their sliders to its values. */
export interface HighlightMessage {
  type: 'highlight';
  file: string;
  uses: ActivationHighlight[];
}

/** Host → gallery: move one slider, as if a person had (used by commands and tests). */
export interface SetParamMessage {
  type: 'setParam';
  name: string;
  param: string;
  value: number;
  /** Set by the channel's `request`: the card's `drawn` answers with the same number in `replyTo`. */
  requestId?: number;
}

/** Everything the host sends to the gallery. */
export type HostToGallery = HighlightMessage | SetParamMessage;

/** The type tags of `HostToGallery`, for the page's check of what arrives. */
export const HOST_TO_GALLERY_TYPES: readonly HostToGallery['type'][] = ['highlight', 'setParam'];

/** f and f′ (and f″ when shown) at one x, as plotted. */
export interface GalleryProbe {
  x: number;
  y: number;
  dy: number;
}

/** Gallery → host: the page is up, with one card per name. */
export interface GalleryReadyMessage {
  type: 'ready';
  cards: string[];
}

/** Gallery → host: a card was redrawn with these parameters; `probes` are values read off its curves. */
export interface GalleryDrawnMessage {
  type: 'drawn';
  name: string;
  params: Record<string, number>;
  probes: GalleryProbe[];
  /** The `requestId` of the `setParam` this redraw answers. */
  replyTo?: number;
}

/** Everything the gallery sends to the host. */
export type GalleryToHost = GalleryReadyMessage | GalleryDrawnMessage;

/** The x values every `drawn` message reports f and f′ at. */
export const PROBE_XS: readonly number[] = [-2, -1, 0.5, 2];

function isRecordOfNumbers(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((n) => typeof n === 'number');
}

function isProbe(v: unknown): v is GalleryProbe {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return typeof p.x === 'number' && typeof p.y === 'number' && typeof p.dy === 'number';
}

/** The message if `raw` is a well-formed gallery → host message, else undefined. */
export function parseGalleryMessage(raw: unknown): GalleryToHost | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return Array.isArray(m.cards) && m.cards.every((c) => typeof c === 'string') ? { type: 'ready', cards: m.cards as string[] } : undefined;
    case 'drawn':
      if (typeof m.name !== 'string' || !isRecordOfNumbers(m.params) || !Array.isArray(m.probes) || !m.probes.every(isProbe)) return undefined;
      return {
        type: 'drawn',
        name: m.name,
        params: m.params,
        probes: m.probes as GalleryProbe[],
        ...(typeof m.replyTo === 'number' && Number.isInteger(m.replyTo) ? { replyTo: m.replyTo } : {}),
      };
    default:
      return undefined;
  }
}
