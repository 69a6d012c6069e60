/** Typed access to the webview host API: messages to the extension and the state kept across reloads. */
import type { FromWebviewMessage, PersistedPanelState } from '../shared/protocol';

interface WebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): WebviewApi;

export interface HostChannel {
  post(message: FromWebviewMessage): void;
  /** Merges into what setState last saved (never replaces it). */
  save(state: PersistedPanelState): void;
}

/** Wraps acquireVsCodeApi (callable once per page). */
export function connect(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    save: (state) => {
      const previous = api.getState();
      const base = typeof previous === 'object' && previous !== null ? previous : {};
      api.setState({ ...base, ...state });
    },
  };
}
