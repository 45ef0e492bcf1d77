#!/usr/bin/env node
// Fast accuracy loop without LSP: runs the core checker in-process on annotated case sets
// (same format as ../shared/eval/score-drafts.mjs) and prints every miss, false alarm, wrong
// class and missing fix. The LSP scorer remains the judge; this is for quick iteration.
//   node scripts/eval-core.mjs [DIR...]   (default: test/cases and ../shared/eval/cases)
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname, basename } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { CorpusIndex } = require('../server/out/core/index/corpus-index.js');
const { checkDraft } = require('../server/out/core/check/checker.js');
const { formatOfPath } = require('../server/out/core/corpus/prose.js');
const { sourcesAt } = require('../server/out/core/check/explain.js');
const { SourceCache } = require('../server/out/core/check/context.js');

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const quiet = process.argv.includes('-q');
const roots = dirs.length ? dirs : ['test/cases', '../shared/eval/cases'].filter(existsSync);

function parseAnnotated(src) {
  const re = /\{\{([\s\S]*?)\}\}/g;
  let text = '', last = 0, m;
  const gold = [];
  while ((m = re.exec(src))) {
    text += src.slice(last, m.index);
    const parts = m[1].split('|');
    const kind = (parts[1] ?? 'flag').trim();
    const extra = parts.slice(2).join('|').split(';;').map((x) => x.trim()).filter(Boolean);
    gold.push({ start: text.length, end: text.length + parts[0].length, span: parts[0], kind, fixes: kind === 'supported' ? [] : extra, hover: kind === 'supported' ? extra : [] });
    text += parts[0];
    last = m.index + m[0].length;
  }
  return { text: text + src.slice(last), gold };
}
const norm = (s) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
const walk = (d) => readdirSync(d).flatMap((f) => statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]);

const tot = { must: 0, hit: 0, fp: 0, cls: 0, clsOk: 0, fix: 0, fixOk: 0, hov: 0, hovOk: 0 };
for (const root of roots) {
  for (const set of readdirSync(root).filter((f) => existsSync(join(root, f, 'drafts'))).sort()) {
    const index = new CorpusIndex();
    for (const f of walk(join(root, set, 'corpus'))) {
      const fmt = formatOfPath(f);
      if (fmt) index.add(relative(join(root, set), f), readFileSync(f, 'utf8'), fmt);
    }
    for (const f of readdirSync(join(root, set, 'drafts')).filter((x) => ['.md', '.txt'].includes(extname(x))).sort()) {
      const { text, gold } = parseAnnotated(readFileSync(join(root, set, 'drafts', f), 'utf8'));
      const rep = checkDraft(index, text, f.endsWith('.md') ? 'md' : 'txt');
      for (const e of rep.errors) console.log(`  ERROR ${set}/${f}: ${e.error.split('\n')[0]}`);
      const flags = rep.results.filter((r) => r.code);
      const name = `${set}/${f}`;
      for (const g of gold) {
        const hits = flags.filter((r) => r.start < g.end && r.end > g.start);
        const must = ['conflict', 'unsupported', 'flag'].includes(g.kind);
        if (must) { tot.must++; if (hits.length) tot.hit++; }
        const cls = hits.map((h) => (h.code.startsWith('unsupported') ? 'unsupported' : 'conflict'));
        let bad = [];
        if (must && !hits.length) bad.push('MISSED');
        if (g.kind === 'supported' && hits.length) bad.push('FLAGGED');
        if ((g.kind === 'conflict' || g.kind === 'unsupported') && hits.length) { tot.cls++; if (cls.includes(g.kind)) tot.clsOk++; else bad.push(`CLASS ${cls.join('+')}`); }
        if (g.fixes.length) {
          tot.fix++;
          const ok = hits.some((h) => h.fixes.some((x) => g.fixes.some((want) => norm(text.slice(0, x.start) + x.newText + text.slice(x.end)) === norm(text.slice(0, g.start) + want + text.slice(g.end)))));
          if (ok) tot.fixOk++; else if (hits.length) bad.push(`NOFIX (offered ${hits.flatMap((h) => h.fixes.map((x) => `'${x.newText}'@${text.slice(x.start, x.end)}`)).join(', ') || 'none'})`);
        }
        if (g.hover.length || (g.kind === 'conflict' && g.fixes.length)) {
          tot.hov++;
          const mid = Math.floor((g.start + g.end) / 2);
          const at = rep.results.filter((r) => Math.min(r.start, r.claimStart) <= mid && mid <= Math.max(r.end, r.claimEnd));
          const around = at.length ? null : sourcesAt(index, new SourceCache(index), rep.analysis, mid);
          const hoverText = around ? around.evidence.map((e) => `${e.path} ${e.text}`).join(' ') : at.map((r) => `${r.message} ${r.sourceValue ?? ''} ${r.fixes.map((f) => f.newText).join(' ')} ${r.evidence.map((e) => `${e.path} ${e.text}`).join(' ')}`).join(' ');
          const want = g.kind === 'supported' ? g.hover : g.fixes;
          if (want.some((w) => norm(hoverText).toLowerCase().includes(norm(w).toLowerCase()))) tot.hovOk++;
          else bad.push(`HOVER lacks ${want.join('/')}${at.length ? '' : ' (no claim here)'}`);
        }
        if (bad.length && g.kind !== 'any') console.log(`  ${name}: "${g.span}" want ${g.kind}: ${bad.join('; ')}${hits.length ? ` — ${hits.map((h) => `[${h.code}] ${h.message}`).join(' / ').slice(0, 300)}` : ''}`);
      }
      for (const r of flags) {
        if (!gold.some((g) => g.kind !== 'supported' && r.start < g.end && r.end > g.start)) {
          tot.fp++;
          console.log(`  ${name}: FALSE ALARM "${text.slice(r.start, r.end)}" [${r.code}] ${r.message.slice(0, 200)}`);
        }
      }
    }
  }
}
const p = tot.hit / Math.max(1, tot.hit + tot.fp), r = tot.hit / Math.max(1, tot.must);
console.log(`f1 ${(2 * p * r / Math.max(1e-9, p + r)).toFixed(3)} recall ${r.toFixed(3)} precision ${p.toFixed(3)} class ${(tot.clsOk / Math.max(1, tot.cls)).toFixed(3)} fix ${(tot.fixOk / Math.max(1, tot.fix)).toFixed(3)} hover ${(tot.hovOk / Math.max(1, tot.hov)).toFixed(3)} (must-flag ${tot.must}, false alarms ${tot.fp})`);
