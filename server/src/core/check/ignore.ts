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
  const s = analysis.sentences.find((x) => x.start <= r.start && r.start < Math.max(x.end, x.start + 1)) ?? analysis.sentences[0];
  return {
    code: r.code ?? '',
    claim: squash(analysis.text.slice(r.start, r.end)),
    sentence: s ? squash(analysis.text.slice(s.start, s.end)) : '',
  };
}

export function sameClaim(a: IgnoredClaim, b: IgnoredClaim): boolean {
  return a.code === b.code && a.claim === b.claim && a.sentence === b.sentence;
}
