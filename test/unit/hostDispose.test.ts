import * as assert from 'node:assert/strict';
import { DisposableStore } from '../../src/host/dispose';

/** Like VS Code's output channel: writing after dispose throws "Channel has been closed". */
function fakeLogChannel(): { info(message: string): void; dispose(): void; lines: string[] } {
  let disposed = false;
  const lines: string[] = [];
  return {
    lines,
    info(message: string) {
      if (disposed) throw new Error('Channel has been closed');
      lines.push(message);
    },
    dispose() {
      disposed = true;
    },
  };
}

describe('host disposal order (issue 9, the dispose error on window reload)', () => {
  it('disposes in reverse order of creation, so the log channel outlives the services that log while disposing', () => {
    const store = new DisposableStore();
    const log = store.add(fakeLogChannel());
    store.add({ dispose: () => log.info('worker stopped') });
    assert.doesNotThrow(() => store.dispose());
    assert.deepEqual(log.lines, ['worker stopped']);
  });

  it('array-order disposal, as VS Code does for context.subscriptions, is what threw', () => {
    const log = fakeLogChannel();
    const subscriptions = [log, { dispose: () => log.info('worker stopped') }];
    assert.throws(() => subscriptions.forEach((s) => s.dispose()), /Channel has been closed/);
  });

  it('disposes a child added after the store was disposed at once', () => {
    const store = new DisposableStore();
    store.dispose();
    let disposed = false;
    store.add({ dispose: () => (disposed = true) });
    assert.equal(disposed, true);
  });
});
