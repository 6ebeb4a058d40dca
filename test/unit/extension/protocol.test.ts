/**
 * Messages from the webview are untrusted: only well-formed ones get through `parseWebviewMessage`.
 */
import { strict as assert } from 'assert';
import { parseWebviewMessage } from '../../../src/protocol/panel';

describe('parseWebviewMessage', () => {
  it('accepts each well-formed message and drops extra fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'stop', evil: '<script>' }), { type: 'stop' });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', points: 12, epoch: 12, extra: 1 }), { type: 'rendered', points: 12, epoch: 12, seq: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', points: 12, epoch: 12, seq: 7 }), { type: 'rendered', points: 12, epoch: 12, seq: 7 });
    assert.deepEqual(parseWebviewMessage({ type: 'exportCsv', data: 'x' }), { type: 'exportCsv' });
  });

  it('rejects unknown types and non-objects', () => {
    for (const raw of [null, undefined, 42, 'ready', [], {}, { type: 'retrain' }, { type: 'READY' }]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('rejects a rendered message with missing or ill-typed counts', () => {
    for (const bad of [
      {},
      { points: '3', epoch: 3 },
      { points: 3 },
      { points: -1, epoch: 0 },
      { points: 1.5, epoch: 1 },
      { points: NaN, epoch: 1 },
      { points: Infinity, epoch: 1 },
    ]) {
      assert.equal(parseWebviewMessage({ type: 'rendered', ...bad }), undefined, JSON.stringify(bad));
    }
  });
});
