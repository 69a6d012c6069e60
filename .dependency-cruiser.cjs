// Architecture checks run by `npm run lint:deps` (and so by `npm test`): no import cycles, type-only
// imports included, and the layers of the README's Development section.
/**
 * A layer (src/<from>/) that may import neither vscode nor the src/ folders in `banned` (a regex alternation). `vscode`
 * resolves to its types in node_modules/@types/vscode, so that path is matched too.
 */
function layer(name, from, banned, comment) {
  return {
    name,
    severity: 'error',
    comment,
    from: { path: `^src/${from}/` },
    to: { path: `^(src/(${banned})/|vscode$|node_modules/@types/vscode/)` },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only ones too) make the layers meaningless.',
      from: {},
      to: { circular: true },
    },
    layer('core-stays-pure', 'core', 'host|shared|cli|webview', 'src/core is the engine: no vscode, no host, no protocol, no front end.'),
    layer(
      'shared-depends-on-core-only',
      'shared',
      'host|cli|webview',
      'src/shared is the webview protocol; it may use core view-model types, nothing else.',
    ),
    layer('webview-no-host', 'webview', 'host|cli', 'The webview runs in a browser: no host, no CLI, no vscode.'),
    layer('cli-no-host', 'cli', 'host|webview', 'The CLI runs without VS Code.'),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|out)/' },
  },
};
