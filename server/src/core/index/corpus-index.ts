// The sources, sentence by sentence, with file and line, in three indexes: BM25 over sentence
// words (retrieval of the frame), names (who and what the sources mention), and duplicates
// (a paragraph repeated by a scraper counts once). Documents can be added, replaced and removed.
import { AnalyzedSentence, AnalyzedText, analyzeText } from '../extract/analyze';
import { DateMention } from '../extract/dates';
import { Prose, TextFormat, toProse } from '../corpus/prose';
import { DATELINE, boilerplateParagraphs } from '../corpus/boilerplate';
import { Token, fold, isContentToken } from '../text/tokens';
import { COUNTRY_OF } from '../text/vocab';
import { Bm25, Hit } from './bm25';
import { NameIndex } from './names-index';

export interface SourceDoc {
  readonly id: number;
  /** the path shown to users (relative to the workspace when possible) */
  readonly path: string;
  readonly uri?: string;
  readonly prose: Prose;
  readonly analysis: AnalyzedText;
  /** global id of the document's first sentence */
  readonly first: number;
  /** the date the document carries in its header or dateline, and the sentence that gives it */
  date?: { readonly sentence: number; readonly at: DateMention };
}

export interface SourceSentence {
  readonly id: number;
  readonly doc: number;
  /** index in the document's analysis */
  readonly local: number;
  /** 1-based line in the source file */
  readonly line: number;
  readonly boilerplate: boolean;
  /** article inside the file (a scraped page may hold several) */
  readonly segment: number;
  /** id of the first sentence with the same words, or -1 */
  dupOf: number;
}

/** Terms a sentence is indexed and searched by: stems of content words, and countries for demonyms. */
export function termsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (!isContentToken(t)) continue;
    out.push(t.kind === 'num' ? t.text.replace(/,/g, '') : t.stem);
    const c = t.kind === 'word' && t.cap ? COUNTRY_OF.get(t.low.replace(/'s$/, '')) : undefined;
    if (c) out.push(`@${fold(c)}`);
  }
  return out;
}

export class CorpusIndex {
  private readonly docs = new Map<number, SourceDoc>();
  private readonly byPath = new Map<string, number>();
  private readonly sents: (SourceSentence | undefined)[] = [];
  private readonly dups = new Map<string, number[]>();
  readonly bm25 = new Bm25();
  readonly names = new NameIndex();
  private nextDoc = 0;
  /** grows with every change, so caches can tell they are stale */
  version = 0;

  get documentCount(): number { return this.docs.size; }
  get sentenceCount(): number { return this.bm25.size; }
  documents(): IterableIterator<SourceDoc> { return this.docs.values(); }
  docByPath(path: string): SourceDoc | undefined { const id = this.byPath.get(path); return id === undefined ? undefined : this.docs.get(id); }

  /** Adds or replaces a source document. */
  add(path: string, content: string, format: TextFormat, uri?: string): SourceDoc {
    if (this.byPath.has(path)) this.remove(path);
    const prose = toProse(content, format);
    const analysis = analyzeText(prose.text, prose.options);
    const doc: SourceDoc = { id: this.nextDoc++, path, uri, prose, analysis, first: this.sents.length };
    this.docs.set(doc.id, doc);
    this.byPath.set(path, doc.id);
    const bp = boilerplateParagraphs(prose.text, analysis.paragraphs);
    let segment = 0;
    let prevPara = -1;
    for (const s of analysis.sentences) {
      const id = this.sents.length;
      if (s.para !== prevPara) {
        const p = analysis.paragraphs[s.para];
        if (prevPara >= 0 && (DATELINE.test(prose.text.slice(p.start, p.end)) || bp[s.para] !== bp[prevPara])) segment++;
        prevPara = s.para;
      }
      const boilerplate = bp[s.para];
      const entry: SourceSentence = { id, doc: doc.id, local: s.index, line: prose.lineOf(s.start), boilerplate, segment, dupOf: -1 };
      this.sents.push(entry);
      const key = fold(prose.text.slice(s.start, s.end)).replace(/\s+/g, ' ');
      const same = this.dups.get(key);
      if (same?.length) {
        entry.dupOf = same[0];
        same.push(id);
      } else {
        this.dups.set(key, [id]);
        this.bm25.add(id, termsOf(s.tokens));
      }
      for (const n of s.names) this.names.add(id, n, boilerplate);
      // the document's own date: a full date in a header line or at the start of the first paragraphs
      if (!doc.date && !boilerplate && s.index < 8) {
        const d = s.dates.find((x) => x.day !== undefined && x.month !== undefined && (s.heading || x.start - s.start < 60));
        if (d) doc.date = { sentence: id, at: d };
      }
    }
    this.version++;
    return doc;
  }

  remove(path: string): boolean {
    const docId = this.byPath.get(path);
    if (docId === undefined) return false;
    const doc = this.docs.get(docId)!;
    for (const s of doc.analysis.sentences) {
      const id = doc.first + s.index;
      const entry = this.sents[id]!;
      for (const n of s.names) this.names.remove(id, n, entry.boilerplate);
      const key = fold(doc.prose.text.slice(s.start, s.end)).replace(/\s+/g, ' ');
      const same = this.dups.get(key) ?? [];
      const at = same.indexOf(id);
      if (at >= 0) same.splice(at, 1);
      if (entry.dupOf < 0) {
        this.bm25.remove(id, termsOf(s.tokens));
        // the next copy, if any, becomes the one that is searched
        if (same.length) {
          const heir = same[0];
          this.sents[heir]!.dupOf = -1;
          for (const other of same.slice(1)) this.sents[other]!.dupOf = heir;
          this.bm25.add(heir, termsOf(this.sentence(heir).tokens));
        }
      }
      if (!same.length) this.dups.delete(key);
      this.sents[id] = undefined;
    }
    this.docs.delete(docId);
    this.byPath.delete(path);
    this.version++;
    return true;
  }

  info(id: number): SourceSentence { return this.sents[id]!; }
  doc(id: number): SourceDoc { return this.docs.get(this.sents[id]!.doc)!; }
  sentence(id: number): AnalyzedSentence {
    const e = this.sents[id]!;
    return this.docs.get(e.doc)!.analysis.sentences[e.local];
  }
  text(id: number): string {
    const s = this.sentence(id);
    return this.doc(id).analysis.text.slice(s.start, s.end);
  }
  /** every copy of a sentence (itself first) */
  copies(id: number): number[] {
    const d = this.doc(id), s = this.sentence(id);
    return this.dups.get(fold(d.analysis.text.slice(s.start, s.end)).replace(/\s+/g, ' ')) ?? [id];
  }

  /** Sentences around `id` in the same article of the same file, nearest first. */
  neighbours(id: number, radius: number): number[] {
    const e = this.sents[id]!;
    const doc = this.docs.get(e.doc)!;
    const out: number[] = [];
    for (let d = 1; d <= radius; d++) {
      for (const k of [id - d, id + d]) {
        const n = this.sents[k];
        if (n && n.doc === e.doc && n.segment === e.segment && k >= doc.first) out.push(k);
      }
    }
    return out;
  }

  /** Every content sentence of the article that holds `id`. */
  segmentSentences(id: number): number[] {
    const e = this.sents[id]!;
    const doc = this.docs.get(e.doc)!;
    const out: number[] = [];
    for (let k = doc.first; k < doc.first + doc.analysis.sentences.length; k++) {
      const n = this.sents[k];
      if (n && n.segment === e.segment && !n.boilerplate) out.push(k);
    }
    return out;
  }

  /** Best sentences for weighted terms; boilerplate and duplicates only when asked. */
  search(query: ReadonlyMap<string, number>, k: number, opts: { boilerplate?: boolean } = {}): Hit[] {
    return this.bm25.search(query, k, opts.boilerplate ? undefined : (id) => !this.sents[id]?.boilerplate);
  }

  idf(term: string): number { return this.bm25.idf(term); }
}
