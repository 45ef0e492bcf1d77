// One helper for data-driven engine tests: a corpus from files, a draft, and the result as
// golden lines "line:col code 'flagged text' -> 'fix'", so tests read like the behaviour.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { checkDraft } from '../../server/src/core/check/checker';
import { ClaimResult } from '../../server/src/core/check/types';
import { TextFormat, formatOfPath } from '../../server/src/core/corpus/prose';
import { CorpusIndex } from '../../server/src/core/index/corpus-index';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEED_CORPUS = path.join(ROOT, 'corpus');

export function corpusFrom(files: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [name, text] of Object.entries(files)) index.add(name, text, formatOfPath(name) ?? 'txt', `file:///corpus/${name}`);
  return index;
}

let seed: CorpusIndex | undefined;
/** The five seed articles shipped in corpus/ (built once per test run). */
export function seedCorpus(): CorpusIndex {
  if (!seed) {
    const files: Record<string, string> = {};
    for (const f of readdirSync(SEED_CORPUS)) files[f] = readFileSync(path.join(SEED_CORPUS, f), 'utf8');
    seed = corpusFrom(files);
  }
  return seed;
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

export function describeResult(text: string, r: ClaimResult): string {
  const fix = r.fixes[0] ? ` -> '${r.fixes[0].newText}'` : '';
  return `${position(text, r.start)} ${r.code} '${text.slice(r.start, r.end)}'${fix}`;
}

/** The flags a draft gets, one golden line each, in document order. */
export function flags(index: CorpusIndex, draft: string, format: TextFormat = 'md'): string[] {
  const rep = checkDraft(index, draft, format);
  if (rep.errors.length) throw new Error(rep.errors.map((e) => e.error).join('\n'));
  return rep.results.filter((r) => r.code).sort((a, b) => a.start - b.start).map((r) => describeResult(draft, r));
}

/** Every checked claim with its verdict: "supported 'Ayorou'". */
export function verdicts(index: CorpusIndex, draft: string, format: TextFormat = 'md'): string[] {
  return [...checkDraft(index, draft, format).results].sort((a, b) => a.start - b.start).map((r) => `${r.verdict} '${draft.slice(r.start, r.end)}'`);
}
