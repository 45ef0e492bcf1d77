// Checks one draft again and again as it is edited: each sentence's results are kept under a
// key of its words (and what its quotations' pronouns refer to), so an edit re-checks only the
// sentences it touched. A change to the index drops everything.
import { AnalyzedSentence, AnalyzedText } from '../extract/analyze';
import { TextFormat } from '../corpus/prose';
import { CorpusIndex } from '../index/corpus-index';
import { CheckOptions, DraftReport, RuleError, analyzeDraft, checkSentence, sentenceKey } from './checker';
import { SourceCache } from './context';
import { ClaimResult, Evidence, Fix } from './types';

/** A sentence's results, at the offsets of the text they were last given for (`at`: where the sentence started then). */
interface Cached { at: number; results: ClaimResult[]; errors: RuleError[] }

export class DraftSession {
  private cache = new Map<string, Cached>();
  private version = -1;
  private optionsKey = '';
  /** the last analysis, and of which format (an edit re-analyses only what it touched) */
  private analysis: { format: TextFormat; text: AnalyzedText } | undefined;
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
    const analysis = analyzeDraft(content, format, this.analysis?.format === format ? this.analysis.text : undefined);
    this.analysis = { format, text: analysis };
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
        c = { at: s.start, results: r.results, errors: r.errors };
        this.lastChecked++;
      } else if (c.at !== s.start) {
        // moved by an edit before it: the same results, moved along (a sentence that did not move keeps its very objects)
        const by = s.start - c.at;
        c = { at: s.start, results: c.results.map((x) => shift(x, by)), errors: c.errors.map((e) => ({ ...e, offset: e.offset + by })) };
      }
      next.set(k, c);
      for (const x of c.results) results.push(x);
      for (const e of c.errors) errors.push(e);
    }
    this.cache = next;
    return { analysis, results, errors };
  }
}

/** A result moved by `by` characters, with its fixes. */
function shift(r: ClaimResult, by: number): ClaimResult {
  return {
    ...r,
    start: r.start + by, end: r.end + by, claimStart: r.claimStart + by, claimEnd: r.claimEnd + by,
    fixes: r.fixes.map((f: Fix) => ({ ...f, start: f.start + by, end: f.end + by })),
    evidence: r.evidence as Evidence[],
  };
}

export type { AnalyzedSentence };
