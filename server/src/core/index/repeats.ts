// What the index reads of a source sentence (its names, its dates, whether it is a headline,
// its search terms), worked out once per distinct sentence while a corpus is built. A wire
// archive repeats itself: on the bench corpus four sentences in five are copies (wire templates,
// page chrome, republished stories), and analysing a copy again gives what the first gave.
//
// A sentence's light analysis depends on its own text and on what is around it: the quotation
// marks of its paragraph that reach into it, whether it is a paragraph of its own on a short line
// (a headline), whether it is among the document's first eight (whose dates are read, so their
// words are not names), and a transcript label opening it. A sentence is reused only for the
// same text with the same first three; one that opens with a transcript's label is analysed.
import { AnalyzedSentence, PreparedText, analyzeSentenceAt, paragraphLabel } from '../extract/analyze';
import { DateMention } from '../extract/dates';
import { NameMention } from '../extract/names';
import { Token, own } from '../text/tokens';

/** What the index derives from a sentence's tokens and names. */
export interface Derive {
  terms(tokens: readonly Token[]): string[];
  topicKeys(names: readonly NameMention[]): string[];
}

/**
 * A distinct source sentence as the index reads it, without its tokens (they point into the
 * document's text). Its names and dates have the offsets of the copy that was analysed, which
 * starts at `start`: the index reads names for their keys, words and roles, and shifts dates.
 */
export class SentenceFacts {
  private keys?: string[];
  readonly names: readonly NameMention[];
  readonly dates: readonly DateMention[];
  readonly heading: boolean;
  /** its search terms (`termsOf`) */
  readonly terms: string[];
  constructor(readonly text: string, readonly context: string, readonly start: number, s: AnalyzedSentence, private readonly derive: Derive) {
    this.names = s.names; this.dates = s.dates; this.heading = s.heading; this.terms = derive.terms(s.tokens);
  }
  /** the entity keys it gives its article's topics */
  topicKeys(): string[] { return (this.keys ??= this.derive.topicKeys(this.names)); }
}

/** Repeated sentences by the hash of their words. Bounded: emptied when full, like a word memo. */
export class Repeats {
  private readonly byHash = new Map<number, SentenceFacts | SentenceFacts[]>();
  private size = 0;
  /** sentences taken from the memo, and sentences analysed */
  reused = 0;
  analysed = 0;
  constructor(private readonly derive: Derive, private readonly capacity = 50_000) {}

  /**
   * The light analysis of sentence `i` of `prep`, reused when this text in this context was
   * analysed before. `text` is the sentence's exact text and `hash` the hash of its words.
   */
  facts(prep: PreparedText, i: number, text: string, hash: number): SentenceFacts {
    const start = prep.ranges[i].range.start;
    const context = contextOf(prep, i);
    if (context !== undefined && this.size) {
      const got = this.byHash.get(hash);
      const hit = got === undefined ? undefined : Array.isArray(got) ? got.find((e) => e.text === text && e.context === context)
        : got.text === text && got.context === context ? got : undefined;
      if (hit) { this.reused++; return hit; }
    }
    this.analysed++;
    const s = analyzeSentenceAt(prep, i, noEarlierSentences);
    if (context === undefined) return new SentenceFacts(text, '', start, s, this.derive);
    if (this.capacity <= 0) return new SentenceFacts(text, context, start, s, this.derive);
    const e = new SentenceFacts(own(text), context, start, s, this.derive);
    if (this.size >= this.capacity) { this.byHash.clear(); this.size = 0; }
    const got = this.byHash.get(hash);
    this.byHash.set(hash, got === undefined ? e : Array.isArray(got) ? [...got, e] : [got, e]);
    this.size++;
    return e;
  }
}

/** A light analysis never reads the sentences before (they matter only to quotations' speakers). */
function noEarlierSentences(): AnalyzedSentence {
  throw new Error('a light analysis does not read earlier sentences');
}

/** What the light analysis of sentence `i` depends on besides its text; undefined when it is not to be reused. */
function contextOf(prep: PreparedText, i: number): string | undefined {
  const { para, range } = prep.ranges[i];
  if (prep.transcript && paragraphLabel(prep, para).labelEnd > range.start) return undefined;
  const p = prep.paragraphs[para];
  let c = (i < 8 ? 'd' : '') + (p.short && p.sentences.length === 1 ? 'h' : '');
  for (const q of p.quotes) if (q.open < range.end && q.close > range.start) c += `${q.open - range.start},${q.close - range.start};`;
  return c;
}
