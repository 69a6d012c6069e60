// The extension host bundle stays free of the prompt-file parsers: yaml (115 KB minified) and jsonc-parser are
// only in the counting worker and the CLI, which parse prompt files.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../..');

/** An entry point bundled in memory as the product build bundles it (minified, `vscode` external), with its metafile. */
function productBundle(entry: string) {
  return esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    minify: true,
    write: false,
    metafile: true,
    outfile: 'bundle.js',
    logLevel: 'silent',
  });
}

/** The packages bundled into an entry point, with their minified bytes. */
async function bundledPackages(entry: string): Promise<Map<string, number>> {
  const result = await productBundle(entry);
  const packages = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      if (match) packages.set(match[1], (packages.get(match[1]) ?? 0) + input.bytesInOutput);
    }
  }
  return packages;
}

describe('bundle contents', function () {
  this.timeout(60_000);

  it('dist/host.js does not bundle yaml or jsonc-parser (the worker parses prompt files)', async () => {
    const host = await bundledPackages('src/host/extension.ts');
    assert.equal(host.has('yaml'), false, `host bundle: ${[...host.keys()].join(', ')}`);
    assert.equal(host.has('jsonc-parser'), false, `host bundle: ${[...host.keys()].join(', ')}`);
  });

  it('dist/extension.js, the entry VS Code loads, stays a few KB: the host bundle is run from the code cache, not bundled in', async () => {
    const result = await productBundle('src/host/entry.ts');
    const bytes = result.outputFiles[0].contents.length;
    assert.ok(bytes < 4_000, `entry bundle is ${bytes} bytes`);
  });

  it('the counting worker does bundle yaml (so the check above can see a package when it is there)', async () => {
    const worker = await bundledPackages('src/host/counting/countWorker.ts');
    assert.ok((worker.get('yaml') ?? 0) > 50_000, `worker bundle: ${[...worker.keys()].join(', ')}`);
  });
});
