/** Worker thread: counts texts for models with core's tokenizers, off the extension host's main thread. */
import { parentPort } from 'node:worker_threads';
import { createCountHandler } from './countHandler';
import type { WorkerRequest } from './countProtocol';
import { DocumentMirrors } from './documentMirrors';
import type { PromptRequest } from './promptJob';
import { PromptWorker } from './promptWorker';

const port = parentPort;
if (port) {
  const mirrors = new DocumentMirrors();
  const handle = createCountHandler(mirrors);
  const prompts = new PromptWorker(mirrors);
  port.on('message', (request: WorkerRequest | PromptRequest) => {
    const reply = request.type === 'prompt' ? prompts.run(request.job) : handle(request);
    if (reply) port.postMessage(reply);
  });
}
