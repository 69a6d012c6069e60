/** Worker thread: counts texts for models with core's tokenizers, off the extension host's main thread. */
import { parentPort } from 'node:worker_threads';
import { createCountHandler } from './countHandler';
import type { WorkerRequest } from './countProtocol';

const port = parentPort;
if (port) {
  const handle = createCountHandler();
  port.on('message', (request: WorkerRequest) => {
    const reply = handle(request);
    if (reply) port.postMessage(reply);
  });
}
