// Checks one draft again and again as it is edited: each sentence's results are kept under a
// key of its words (and what its quotations' pronouns refer to), so an edit re-checks only the
// sentences it touched. A change to the index drops everything.
import { AnalyzedSentence } from '../extract/analyze';
import { TextFormat } from '../corpus/prose';
import { CorpusIndex } from '../index/corpus-index';
import { CheckOptions, DraftReport, RuleError, analyzeDraft, checkSentence, sentenceKey } from './checker';
import { SourceCache } from './context';
import { ClaimResult, Evidence, Fix } from './types';

interface Cached { results: ClaimResult[]; errors: RuleError[] }

export class DraftSession {
  private cache = new Map<string, Cached>();
  private version = -1;
  private optionsKey = '';
  /** sentences checked afresh by the last call (the rest were reused) */
  lastChecked = 0;

  constructor(private readonly index: CorpusIndex, private readonly sources: SourceCache) {}

  check(content: string, format: TextFormat, opts: CheckOptions = {}, cancelled: () => boolean = () => false): DraftReport | undefined {
    const key = JSON.stringify(opts.kinds ?? {});
    if (this.version !== this.index.version || key !== this.optionsKey) {
      this.cache.clear();
      this.version = this.index.version;
      this.optionsKey = key;
    }
    const analysis = analyzeDraft(content, format);
    const next = new Map<string, Cached>();
    const results: ClaimResult[] = [];
    const errors: RuleError[] = [];
    this.lastChecked = 0;
    for (const s of analysis.sentences) {
      if (cancelled()) return undefined;
      const k = sentenceKey(analysis, s);
      let c = next.get(k) ?? this.cache.get(k);
      if (!c) {
        const r = checkSentence(this.index, this.sources, analysis, s, opts);
        c = { results: r.results.map((x) => shift(x, -s.start)), errors: r.errors.map((e) => ({ ...e, offset: e.offset - s.start })) };
        this.lastChecked++;
      }
      next.set(k, c);
      results.push(...c.results.map((x) => shift(x, s.start)));
      errors.push(...c.errors.map((e) => ({ ...e, offset: e.offset + s.start })));
    }
    this.cache = next;
    return { analysis, results, errors };
  }
}

/** Results are stored relative to their sentence and moved back into place on reuse. */
function shift(r: ClaimResult, by: number): ClaimResult {
  return {
    ...r,
    start: r.start + by, end: r.end + by, claimStart: r.claimStart + by, claimEnd: r.claimEnd + by,
    fixes: r.fixes.map((f: Fix) => ({ ...f, start: f.start + by, end: f.end + by })),
    evidence: r.evidence as Evidence[],
  };
}

export type { AnalyzedSentence };
