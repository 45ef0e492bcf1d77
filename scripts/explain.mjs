// Why a draft gets its verdicts: every checked claim with its evidence, and with TRACE=text every
// candidate source sentence a rule weighed for the claims containing that text, with its measures.
//   node scripts/explain.mjs CORPUS_DIR DRAFT        (annotations {{text|kind}} are stripped)
//   TRACE=1,500 node scripts/explain.mjs corpus examples/draft.md
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
const root = new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'x.js'));
const { CorpusIndex } = require('./server/out/core/index/corpus-index.js');
const { checkDraft } = require('./server/out/core/check/checker.js');
const { formatOfPath } = require('./server/out/core/corpus/prose.js');
const walk = (d) => readdirSync(d).flatMap((f) => statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]);
const [corpus, draft] = process.argv.slice(2);
const index = new CorpusIndex();
for (const f of walk(corpus)) { const fmt = formatOfPath(f); if (fmt) index.add(relative(corpus, f), readFileSync(f, 'utf8'), fmt); }
let text = readFileSync(draft, 'utf8').replace(/\{\{([\s\S]*?)\}\}/g, (m, b) => b.split('|')[0]);
const trace = process.env.TRACE ? (what, d) => { if (!d.claim || d.claim.includes(process.env.TRACE)) console.log('  ~', what, JSON.stringify(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'number' ? +v.toFixed(2) : typeof v === 'string' ? v.slice(0, 90) : v])))); } : undefined;
const rep = checkDraft(index, text, draft.endsWith('.md') ? 'md' : 'txt', { trace });
for (const r of rep.results) {
  console.log(`${r.verdict.padEnd(11)} ${r.kind.padEnd(6)} ${JSON.stringify(text.slice(r.start, r.end))} ${r.code ?? ''} :: ${r.message.slice(0, 220)}`);
  for (const e of r.evidence.slice(0, 2)) console.log(`      ${e.path}:${e.line} ${e.text.slice(0, 160)}`);
}
for (const e of rep.errors) console.log('ERROR', e.error.split('\n')[0]);
