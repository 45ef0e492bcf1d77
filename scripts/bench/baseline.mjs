// The naive baseline the issue compares against: read every source file, split it into
// sentences, and for each claim-bearing sentence of the draft scan every source sentence with
// fuse.js, then compare the figures of the best matches. No index, no frames: what a first
// prototype would do. When scanning the whole draft would exceed the time budget, the bench
// measures as many claim sentences as fit and extrapolates (and says so).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Fuse from 'fuse.js';

const MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

function toText(content, ext) {
  if (ext === 'html' || ext === 'htm') {
    return content.replace(/<(script|style|nav|footer|aside)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '\n')
      .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
  }
  if (ext === 'md') return content.replace(/^#+\s*/gm, '').replace(/[*_`]/g, '');
  return content;
}

export function splitSentences(text) {
  const out = [];
  for (const line of text.split(/\n+/)) {
    for (const s of line.split(/(?<=[.!?]["”']?)\s+(?=["“']?[A-Z0-9])/)) {
      const t = s.trim();
      if (t.length >= 15) out.push(t);
    }
  }
  return out;
}

async function listFiles(dir) {
  const out = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...await listFiles(abs));
    else if (/\.(txt|md|html?)$/i.test(e.name)) out.push(abs);
  }
  return out.sort();
}

function spreadOrder(n) {
  const out = [], seen = new Set();
  for (let step = 2 ** Math.ceil(Math.log2(Math.max(1, n))); step >= 1; step /= 2) {
    for (let i = Math.floor(step / 2); i < n; i += step) if (!seen.has(i)) { seen.add(i); out.push(i); }
  }
  for (let i = 0; i < n; i++) if (!seen.has(i)) out.push(i);
  return out;
}

export const isClaimBearing = (s) => /\d/.test(s) || MONTH.test(s) || /["“”]/.test(s) || /\s[A-Z][a-z]/.test(s);

const numbers = (s) => (s.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.]$/, '').replace(/,/g, ''));

/**
 * Times the baseline on the draft. When scanning every source sentence for every claim sentence
 * would not fit in `budgetMs`, each claim sentence is scanned against every k-th source sentence
 * and the time is multiplied by k (Fuse visits every record, so its time is linear in their
 * number); the result says so.
 */
export async function runBaseline({ corpusDir, draftText, budgetMs, log = () => undefined }) {
  const t0 = performance.now();
  const files = await listFiles(corpusDir);
  const sentences = [];
  for (const f of files) {
    const ext = f.split('.').pop().toLowerCase();
    for (const s of splitSentences(toText(await fs.readFile(f, 'utf8'), ext))) sentences.push(s);
  }
  const loadMs = performance.now() - t0;
  const claims = splitSentences(draftText.replace(/^#+.*$/gm, '')).filter(isClaimBearing);
  const options = { includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 3, shouldSort: true };
  log(`baseline: ${sentences.length} source sentences from ${files.length} files; ${claims.length} claim-bearing draft sentences`);
  // a probe on 1% of the sources gives the cost per (claim, source sentence) pair
  const probeSet = sentences.filter((_, i) => i % 100 === 0);
  const probe = new Fuse(probeSet, options);
  const order = spreadOrder(claims.length);
  let tp = performance.now(), probed = 0;
  for (const i of order) { probe.search(claims[i], { limit: 3 }); probed++; if (performance.now() - tp > 1500) break; }
  const perPair = (performance.now() - tp) / (probed * probeSet.length);
  const k = Math.max(1, Math.ceil((perPair * claims.length * sentences.length) / (budgetMs * 0.9)));
  const subset = k === 1 ? sentences : sentences.filter((_, i) => i % k === 0);
  const t1 = performance.now();
  const fuse = new Fuse(subset, options);
  const indexMs = (performance.now() - t1) * k;
  let flagged = 0;
  const t2 = performance.now();
  for (const c of claims) {
    const hits = fuse.search(c, { limit: 3 });
    // a claim is flagged when its best match does not carry each of its figures
    const have = new Set(numbers(hits[0]?.item ?? ''));
    if (!hits.length || numbers(c).some((n) => !have.has(n))) flagged++;
  }
  const measuredMs = performance.now() - t2;
  return { sourceSentences: sentences.length, files: files.length, loadMs, indexMs, claimSentences: claims.length, scanned: subset.length, stride: k, measuredMs, fullMs: measuredMs * k, extrapolated: k > 1, flagged };
}
