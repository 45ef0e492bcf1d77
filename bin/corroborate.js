#!/usr/bin/env node
// `npx corroborate check <draft...> [--corpus DIR]` (build first: npm run build)
let cli;
try {
  cli = require('../server/out/cli.js');
} catch (e) {
  process.stderr.write('corroborate: the checker is not built yet; run "npm run build" first.\n');
  process.exit(2);
}
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
