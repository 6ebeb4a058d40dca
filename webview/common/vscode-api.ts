/**
 * The page's handle on VS Code: the one `acquireVsCodeApi()` object (it may be called once per page),
 * its persisted state (kept by VS Code across window reloads), and the page's end of the typed channel.
 */
import { MessageChannel, type ChannelHandlers, type MessageParser, type Tagged, type Transport } from '../../src/protocol/channel';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** The page's transport: `postMessage` to the host, `message` events from it. */
const pageTransport: Transport = {
  send: (message) => api.postMessage(message),
  listen: (listener) => {
    const onMessage = (event: MessageEvent<unknown>): void => listener(event.data);
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  },
};

/**
 * The page's end of its channel: `Out` is what the page sends, `In` what the host sends (checked by `parse`
 * before the page acts on it). The page announces itself with its own `ready` message once it is set up.
 */
export function pageChannel<Out extends Tagged, In extends Tagged>(parse: MessageParser<In>, handlers: ChannelHandlers<In>): MessageChannel<Out, In> {
  return new MessageChannel<Out, In>(
    pageTransport,
    parse,
    {
      onMessage: handlers.onMessage,
      onInvalid: handlers.onInvalid ?? ((raw) => console.warn('NN Lab: ignored a malformed message from the host', raw)),
    },
    false,
  );
}

/** What was last saved with `saveState` (unchecked: validate before use). */
export function loadState(): unknown {
  return api.getState();
}

/** Saves `state` for the next load of this page (and for the host's serializer). */
export function saveState(state: unknown): void {
  api.setState(state);
}
