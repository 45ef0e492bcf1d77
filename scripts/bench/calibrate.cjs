// The machine's speed at the time of a run, for comparing runs made at different hours: one
// thread indexes the same 500 corpus files twice (the index's own code, in this process) and
// prints the CPU time of the second pass, when the JIT has warmed up. A cold index that takes
// longer only because this number did is the machine, not the code.
//   node scripts/bench/calibrate.cjs <corpus folder> <server/out folder>
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [corpusDir, out] = process.argv.slice(2);
const { CorpusIndex } = require(path.resolve(out, 'core', 'index', 'corpus-index.js'));
const { formatOfPath } = require(path.resolve(out, 'core', 'corpus', 'prose.js'));
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (formatOfPath(p)) files.push(p); } })(corpusDir);
files.sort();
const texts = files.slice(0, 500).map((p) => [p, fs.readFileSync(p, 'utf8'), formatOfPath(p)]);
const passes = [];
for (let k = 0; k < 2; k++) {
  const t = process.cpuUsage();
  const index = new CorpusIndex(undefined, undefined, true);
  for (const [p, text, format] of texts) index.add(p, text, format);
  const u = process.cpuUsage(t);
  passes.push(Math.round((u.user + u.system) / 1000));
}
process.stdout.write(JSON.stringify({ files: texts.length, firstMs: passes[0], ms: passes[1] }));
