/**
 * The host bundle's one value import of 'vscode'; every other host file imports this. Each separate import would copy
 * the whole API object in the bundle's module interop, and VS Code resolves each require of it anew: 26 of them cost
 * ~40 ms at start-up on the 2-core machine, one costs ~1 ms. Type-only imports of 'vscode' stay as they are.
 */
export * from 'vscode';
