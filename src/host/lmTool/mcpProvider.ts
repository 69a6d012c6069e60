/** Offers `llm-cost mcp` (the bundled CLI) to VS Code's own agents, only while llmCost.mcp.enabled is on. */
import * as vscode from '../vscodeApi';
import { CONFIG_SECTION } from '../config/configService';

export const MCP_PROVIDER_ID = 'llmCost.mcp';
const ENABLED_KEY = 'mcp.enabled';

/** The server definition for the running extension: this Node (the extension host's own) running dist/cli.js. */
export function mcpServerDefinition(extensionUri: vscode.Uri, version: string): vscode.McpStdioServerDefinition {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  // The extension host may be Electron: run it as plain Node.
  return new vscode.McpStdioServerDefinition('LLM Cost', process.execPath, [cli, 'mcp'], { ELECTRON_RUN_AS_NODE: '1' }, version);
}

/** Registers the provider; it lists the server only when the user enabled it, and updates when the setting changes. */
export function registerMcpProvider(extensionUri: vscode.Uri, version: string): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${CONFIG_SECTION}.${ENABLED_KEY}`)) changed.fire();
  });
  const provider = vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () =>
      vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>(ENABLED_KEY, false)
        ? [mcpServerDefinition(extensionUri, version)]
        : [],
  });
  return vscode.Disposable.from(provider, listener, changed);
}
