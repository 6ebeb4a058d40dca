/**
 * The one typed channel of the webview pages: validation of what arrives, the ready handshake with a
 * queue, request/reply; and the comparison's bounded saved state.
 */
import { strict as assert } from 'assert';
import { MessageChannel, tagParser, type Transport } from '../../../src/protocol/channel';
import { boundCompareState, parseSavedCompare, type CompareState } from '../../../src/protocol/compare';

type Out = { type: 'hello'; n: number; requestId?: number } | { type: 'state' };
type In = { type: 'ready' } | { type: 'answer'; replyTo?: number; value: number };

/** A transport whose sent messages are recorded and whose incoming ones the test delivers. */
function fakeTransport(): Transport & { sent: unknown[]; deliver(raw: unknown): void } {
  let listener: ((raw: unknown) => void) | undefined;
  return {
    sent: [],
    send(m) {
      this.sent.push(m);
    },
    listen(l) {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    deliver(raw) {
      listener?.(raw);
    },
  };
}

describe('MessageChannel', () => {
  it('queues until the page is ready, replays the state first, then the queue in order', () => {
    const t = fakeTransport();
    const got: In[] = [];
    const ch = new MessageChannel<Out, In>(t, tagParser<In>(['ready', 'answer']), { onMessage: (m) => got.push(m) }, true);
    ch.post({ type: 'hello', n: 1 });
    ch.post({ type: 'hello', n: 2 });
    assert.equal(t.sent.length, 0);
    t.deliver({ type: 'ready' });
    ch.markReady(() => ch.post({ type: 'state' }));
    assert.deepEqual(t.sent, [{ type: 'state' }, { type: 'hello', n: 1 }, { type: 'hello', n: 2 }]);
    ch.markNotReady();
    assert.equal(ch.postIfReady({ type: 'state' }), false);
    assert.equal(t.sent.length, 3);
    assert.equal(got.length, 1);
  });

  it('drops and reports malformed messages, delivers valid ones', () => {
    const t = fakeTransport();
    const got: In[] = [];
    const bad: unknown[] = [];
    new MessageChannel<Out, In>(t, tagParser<In>(['ready', 'answer']), { onMessage: (m) => got.push(m), onInvalid: (r) => bad.push(r) }, false);
    for (const raw of [null, 42, 'ready', [], {}, { type: 'READY' }, { type: '__proto__' }, { type: 'ready' }]) t.deliver(raw);
    assert.equal(got.length, 1);
    assert.equal(bad.length, 7);
  });

  it('resolves a request with the reply that names it, and times out otherwise', async () => {
    const t = fakeTransport();
    const ch = new MessageChannel<Out, In>(t, tagParser<In>(['ready', 'answer']), { onMessage: () => undefined }, false);
    const reply = ch.request({ type: 'hello', n: 5 });
    const sent = t.sent[0] as { requestId: number };
    t.deliver({ type: 'answer', replyTo: sent.requestId + 100, value: 0 });
    t.deliver({ type: 'answer', replyTo: sent.requestId, value: 42 });
    const m = await reply;
    assert.ok(m.type === 'answer' && m.value === 42);
    await assert.rejects(ch.request({ type: 'hello', n: 6 }, 20), /no reply/);
  });
});

describe('saved comparison', () => {
  const long = (n: number): CompareState => ({
    file: 'xor.nn.json',
    epochs: n,
    seed: 1,
    done: false,
    series: [
      {
        optimizer: 'Adam',
        settings: 'defaults',
        status: 'running',
        losses: Array.from({ length: n }, (_, i) => 1 / (i + 1) + (i === 777 ? 5 : 0)),
        initialLoss: 2,
      },
    ],
  });

  it('is bounded, keeps spikes and the last epoch, and reads back as a finished comparison', () => {
    const bounded = boundCompareState(long(100_000));
    const s = bounded.series[0];
    assert.ok(s.losses.length <= 2100, `${s.losses.length} losses kept`);
    assert.equal(s.epochsDone, 100_000);
    assert.equal(s.lossEpochs?.[s.lossEpochs.length - 1], 100_000);
    assert.ok(s.losses.includes(1 / 778 + 5), 'the spike is kept');
    const back = parseSavedCompare(JSON.parse(JSON.stringify(bounded)));
    assert.ok(back);
    assert.equal(back.done, true);
    assert.equal(back.series[0].status, 'cancelled', 'a run cut short by the reload reads as stopped');
    assert.equal(parseSavedCompare({ file: 1 }), undefined);
  });
});
