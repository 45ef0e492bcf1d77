#!/usr/bin/env node
// Bundles the client and the server into dist/ with esbuild (one file each, minified, with
// source maps), so the packaged extension ships no node_modules. `vscode` stays external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: true, logLevel: 'warning', legalComments: 'linked' };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/node/index-worker.ts'], outfile: 'dist/index-worker.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
]);
