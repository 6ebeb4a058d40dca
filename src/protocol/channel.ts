/**
 * The one typed message channel every NN Lab webview page talks through, on both ends (in the manner of
 * vscode-hexeditor's `MessageHandler`):
 *
 * - one discriminated union per direction (`Out`, `In`), and a parser that validates everything that
 *   arrives (a webview is untrusted, and a host message is checked before the page relies on it);
 * - a ready handshake: the host end queues what it posts until the page says `ready`, then the page's
 *   owner replays its state (`onReady`) and the queue follows, in order; hiding a page that loses its
 *   document makes the end un-ready again;
 * - request/reply: `request` sends a message carrying a `requestId` and resolves with the first incoming
 *   message whose `replyTo` matches (or rejects after a timeout).
 *
 * The transport is injected (`webview.postMessage` / `onDidReceiveMessage` on the host,
 * `acquireVsCodeApi().postMessage` / `window` message events in the page), so this file needs neither.
 */

/** What every message has. */
export interface Tagged {
  readonly type: string;
}

/** Sends and hears raw messages. `listen` returns a function that stops listening. */
export interface Transport {
  send(message: unknown): void;
  listen(listener: (raw: unknown) => void): () => void;
}

/** Checks a raw incoming message; undefined means malformed (it is dropped and reported). */
export type MessageParser<T> = (raw: unknown) => T | undefined;

/** A message that answers a request. */
export interface Reply {
  readonly replyTo?: number;
}

/** What a channel's owner hears. */
export interface ChannelHandlers<In> {
  /** A valid incoming message (replies to `request` are delivered here too). */
  onMessage(message: In): void;
  /** A malformed one (already dropped). */
  onInvalid?(raw: unknown): void;
}

/** Largest number of messages the host end queues for a page that is not ready (older ones are dropped first). */
export const MAX_QUEUED = 1000;

/** One end of a page's channel. */
export class MessageChannel<Out extends Tagged, In extends Tagged> {
  private readonly queue: Out[] = [];
  private isReady: boolean;
  private nextRequest = 1;
  private readonly waiting = new Map<number, { resolve(m: In): void; timer: ReturnType<typeof setTimeout> }>();
  private readonly unlisten: () => void;

  /**
   * `queueUntilReady`: the host end holds messages until the page says it is ready; the page's end sends at once.
   */
  constructor(
    private readonly transport: Transport,
    private readonly parse: MessageParser<In>,
    private readonly handlers: ChannelHandlers<In>,
    queueUntilReady: boolean,
  ) {
    this.isReady = !queueUntilReady;
    this.unlisten = transport.listen((raw) => this.receive(raw));
  }

  /** True once the other end can receive (always true on the page's end). */
  get ready(): boolean {
    return this.isReady;
  }

  /** Sends `message` now, or queues it until the other end is ready. */
  post(message: Out): void {
    if (this.isReady) this.transport.send(message);
    else {
      this.queue.push(message);
      if (this.queue.length > MAX_QUEUED) this.queue.shift();
    }
  }

  /** Sends `message` only if the other end is ready now; nothing is queued (for state that a replay resends anyway). */
  postIfReady(message: Out): boolean {
    if (this.isReady) this.transport.send(message);
    return this.isReady;
  }

  /**
   * The other end said it is ready: `replay` sends what it must know first (usually the whole state), then the
   * queue follows in order. Pass `dropQueued` when the replay already covers what was queued.
   */
  markReady(replay?: () => void, dropQueued = false): void {
    this.isReady = true;
    replay?.();
    const queued = this.queue.splice(0);
    if (!dropQueued) for (const m of queued) this.transport.send(m);
  }

  /** The other end lost its document (a hidden page without retained context): queue again until it is ready. */
  markNotReady(): void {
    this.isReady = false;
  }

  /** Sends `message` with a fresh `requestId` and resolves with the reply (`replyTo` equal), or rejects after `timeoutMs`. */
  request(message: Out & { requestId?: number }, timeoutMs = 10_000): Promise<In> {
    const requestId = this.nextRequest++;
    return new Promise<In>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error(`no reply to "${message.type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(requestId, { resolve, timer });
      this.post({ ...message, requestId });
    });
  }

  /** Stops listening and rejects nothing further (pending requests time out). */
  dispose(): void {
    this.unlisten();
    for (const w of this.waiting.values()) clearTimeout(w.timer);
    this.waiting.clear();
  }

  private receive(raw: unknown): void {
    const message = this.parse(raw);
    if (!message) {
      this.handlers.onInvalid?.(raw);
      return;
    }
    const replyTo = (message as Reply).replyTo;
    if (typeof replyTo === 'number') {
      const w = this.waiting.get(replyTo);
      if (w) {
        this.waiting.delete(replyTo);
        clearTimeout(w.timer);
        w.resolve(message);
      }
    }
    this.handlers.onMessage(message);
  }
}

/** True for a plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A light check of a host → page message: an object whose `type` is one of `types`. The page trusts its own
 * host's shapes beyond that, but never acts on an unknown or untagged message.
 */
export function tagParser<T extends Tagged>(types: readonly T['type'][]): MessageParser<T> {
  const known = new Set<string>(types);
  return (raw) => (isRecord(raw) && typeof raw.type === 'string' && known.has(raw.type) ? (raw as unknown as T) : undefined);
}
