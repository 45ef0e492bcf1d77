// What the sources say about any place in a draft, claim or not: the source sentences closest
// to the draft sentence, with the words under the cursor emphasised.
import { AnalyzedSentence, AnalyzedText } from '../extract/analyze';
import { CorpusIndex, termsOf } from '../index/corpus-index';
import { STOP_WORDS } from '../text/tokens';
import { CheckContext, SourceCache, distinct, mapped } from './context';
import { Evidence } from './types';

export function sentenceAt(analysis: AnalyzedText, offset: number): AnalyzedSentence | undefined {
  return analysis.sentences.find((s) => s.start <= offset && offset <= s.end);
}

export interface SentenceSources {
  readonly sentence: AnalyzedSentence;
  /** the words under the cursor, if they are content words */
  readonly focus?: string;
  readonly evidence: readonly Evidence[];
}

export function sourcesAt(index: CorpusIndex, cache: SourceCache, analysis: AnalyzedText, offset: number, k = 3): SentenceSources | undefined {
  const s = sentenceAt(analysis, offset);
  if (!s || !index.sentenceCount) return undefined;
  const at = s.tokens.findIndex((t) => t.start <= offset && offset <= t.end);
  // the word under the cursor and its content-word neighbours ("defense ministry")
  const focus = new Set<number>();
  if (at >= 0 && s.tokens[at].kind === 'word' && !STOP_WORDS.has(s.tokens[at].low)) {
    focus.add(at);
    for (const d of [-1, 1]) {
      const t = s.tokens[at + d];
      if (t && t.kind === 'word' && !STOP_WORDS.has(t.low)) focus.add(at + d);
    }
  }
  const q = new Map<string, number>();
  for (const t of termsOf(s.tokens)) q.set(t, 1);
  for (const i of focus) q.set(s.tokens[i].stem, 4);
  const focusStems = [...focus].map((i) => s.tokens[i].stem);
  const ctx = new CheckContext(index, cache, analysis, s);
  let hits = index.search(q, 12).map((h) => h.id);
  if (focusStems.length) {
    const withFocus = hits.filter((id) => focusStems.every((w) => cache.stemsOf(id).has(w)));
    hits = [...withFocus, ...hits.filter((id) => !withFocus.includes(id))];
  }
  const evidence = distinct(mapped(hits, (id) => {
    const src = index.sentence(id);
    const hl = src.tokens.filter((t) => focusStems.includes(t.stem)).map((t) => ({ start: t.start, end: t.end }));
    return ctx.evidence(id, hl);
  }), k);
  const focusText = focus.size ? analysis.text.slice(s.tokens[Math.min(...focus)].start, s.tokens[Math.max(...focus)].end) : undefined;
  return { sentence: s, focus: focusText, evidence };
}
