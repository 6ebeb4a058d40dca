import { strict as assert } from 'assert';
import type { EpochReport } from '../../../src/core/train/types';
import { parseWebviewMessage } from '../../../src/protocol/panel';
import { csvSaveMessage, exportName, historyToCsv, pngSaveMessage } from '../../../webview/panel/export';

const report = (epoch: number, loss: number, extra: Partial<EpochReport> = {}): EpochReport => ({
  epoch,
  epochs: 3,
  loss,
  elapsed: epoch * 0.25,
  samplesPerSecond: 100,
  ...extra,
});

describe('webview export', () => {
  it('writes the history as CSV with empty cells for missing values', () => {
    const csv = historyToCsv([
      report(1, 0.5, { valLoss: 0.6, accuracy: 0.75, valAccuracy: 0.5, lr: 0.01 }),
      report(2, 0.125, { testLoss: 0.25, testAccuracy: 1 }),
    ]);
    assert.equal(csv, 'epoch,loss,val_loss,accuracy,val_accuracy,elapsed,test_loss,test_accuracy,lr\n1,0.5,0.6,0.75,0.5,0.25,,,0.01\n2,0.125,,,,0.5,0.25,1,\n');
  });

  it('keeps full precision and writes non-finite losses as text', () => {
    const csv = historyToCsv([report(1, 1 / 3), report(2, NaN)]);
    assert.equal(csv.split('\n')[1].split(',')[1], String(1 / 3));
    assert.equal(csv.split('\n')[2].split(',')[1], 'NaN');
  });

  it('names files after the config', () => {
    assert.equal(exportName('xor.nn.json', 'history', 'csv'), 'xor-history.csv');
    assert.equal(exportName('we/ird<name>.nn.json', 'loss', 'png'), 'we_ird_name_-loss.png');
  });

  it('builds save messages the host accepts', () => {
    const csv = csvSaveMessage('xor.nn.json', [report(1, 0.5)]);
    assert.deepEqual(parseWebviewMessage(csv), csv);
    const png = pngSaveMessage('xor.nn.json', 'loss', 'data:image/png;base64,iVBORw0KGgo=');
    assert.deepEqual(parseWebviewMessage(png), png);
  });

  it('the host rejects malformed saves', () => {
    for (const bad of [
      { format: 'exe', suggestedName: 'a.exe', data: '' },
      { format: 'csv', suggestedName: '../../etc/passwd', data: '' },
      { format: 'png', suggestedName: 'a.png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
      { format: 'csv', suggestedName: 'a.csv', data: 42 },
    ])
      assert.equal(parseWebviewMessage({ type: 'save', ...bad }), undefined, JSON.stringify(bad));
    assert.deepEqual(parseWebviewMessage({ type: 'train', x: 1 }), { type: 'train' });
  });
});
