// Architecture checks run by `npm run lint:deps` (and so by `npm test`): no import cycles, type-only
// imports included, and the layers of the README's Development section.
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
    {
      name: 'core-stays-pure',
      severity: 'error',
      comment: 'src/core is the engine: no vscode, no host, no protocol, no front end.',
      from: { path: '^src/core/' },
      to: { path: '^(src/(host|shared|cli|webview)/|vscode$)' },
    },
    {
      name: 'shared-depends-on-core-only',
      severity: 'error',
      comment: 'src/shared is the webview protocol; it may use core view-model types, nothing else.',
      from: { path: '^src/shared/' },
      to: { path: '^(src/(host|cli|webview)/|vscode$)' },
    },
    {
      name: 'webview-no-host',
      severity: 'error',
      comment: 'The webview runs in a browser: no host, no CLI, no vscode.',
      from: { path: '^src/webview/' },
      to: { path: '^(src/(host|cli)/|vscode$)' },
    },
    {
      name: 'cli-no-host',
      severity: 'error',
      comment: 'The CLI runs without VS Code.',
      from: { path: '^src/cli/' },
      to: { path: '^(src/(host|webview)/|vscode$)' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|out|node_modules)/' },
  },
};
