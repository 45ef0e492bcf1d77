// "Ignore this claim": a claim is known by its code, its words and the sentence around it, so
// the choice survives edits elsewhere in the draft and a restart, and lapses when the sentence changes.
import { AnalyzedText } from '../extract/analyze';
import { ClaimResult } from './types';

export interface IgnoredClaim {
  readonly code: string;
  readonly claim: string;
  readonly sentence: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function claimKey(analysis: AnalyzedText, r: ClaimResult): IgnoredClaim {
  const s = sentenceAt(analysis, r.start) ?? analysis.sentences[0];
  return {
    code: r.code ?? '',
    claim: squash(analysis.text.slice(r.start, r.end)),
    sentence: s ? squash(analysis.text.slice(s.start, s.end)) : '',
  };
}

/**
 * The sentence holding an offset. Sentences are in order and do not overlap, so the only one
 * that can is the last to start at or before it: a binary search, not a scan (a draft of
 * 40,000 flags would otherwise scan its sentences 40,000 times).
 */
function sentenceAt(analysis: AnalyzedText, offset: number): AnalyzedText['sentences'][number] | undefined {
  const list = analysis.sentences;
  let lo = 0, hi = list.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const x = found >= 0 ? list[found] : undefined;
  return x && offset < Math.max(x.end, x.start + 1) ? x : undefined;
}

export function sameClaim(a: IgnoredClaim, b: IgnoredClaim): boolean {
  return a.code === b.code && a.claim === b.claim && a.sentence === b.sentence;
}
