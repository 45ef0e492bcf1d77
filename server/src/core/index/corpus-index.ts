// The sources, sentence by sentence, with file and line, in three indexes: BM25 over sentence
// words (retrieval of the frame), names (who and what the sources mention), and duplicates
// (a paragraph repeated by a scraper counts once). Documents can be added, replaced and removed.
//
// Memory: a sentence is a row of typed-array columns; a document keeps its prose text and no
// analysis. The full analysis of a document (figures, quotations, speakers) is made again when
// a check needs one of its sentences, and the latest few hundred are kept.
import { AnalyzedSentence, AnalyzedText, analyzeText } from '../extract/analyze';
import { DateMention } from '../extract/dates';
import { TextFormat, toProse } from '../corpus/prose';
import { DATELINE, boilerplateParagraphs } from '../corpus/boilerplate';
import { SegmentOptions } from '../text/segment';
import { Token, fold, isContentToken } from '../text/tokens';
import { COUNTRY_OF } from '../text/vocab';
import { Bm25, Bm25Snapshot, Hit } from './bm25';
import { IntColumn } from './columns';
import { NameIndex, NameSnapshot } from './names-index';

export type DocDate = Pick<DateMention, 'start' | 'end' | 'year' | 'month' | 'day' | 'weekday'>;

export interface SourceDoc {
  readonly id: number;
  /** the path shown to users (relative to the workspace when possible) */
  readonly path: string;
  readonly uri?: string;
  readonly format: TextFormat;
  /** the document as prose (HTML without markup, Markdown masked) */
  readonly text: string;
  /** segmentation options of its format (Markdown block starts as 0-based lines) */
  readonly lineBreaks?: 'paragraph' | 'wrap';
  readonly blockStarts?: readonly number[];
  /** global id of the document's first sentence, and how many it has */
  readonly first: number;
  readonly count: number;
  /** the date the document carries in its header or dateline, and the sentence that gives it */
  readonly date?: { readonly sentence: number; readonly at: DocDate };
  /** size and modification time of the file when read (to trust a saved index) */
  readonly stamp?: { readonly size: number; readonly mtimeMs: number };
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
  readonly dupOf: number;
}

/** Everything the index holds, in plain values and typed arrays (for a worker thread or the disk). */
export interface IndexSnapshot {
  readonly format: number;
  readonly docs: SourceDoc[];
  readonly columns: { doc: Int32Array; local: Int32Array; start: Int32Array; end: Int32Array; line: Int32Array; segment: Int32Array; dupOf: Int32Array; flags: Int32Array };
  readonly bm25: Bm25Snapshot;
  readonly names: NameSnapshot;
  readonly nextDoc: number;
}
export const SNAPSHOT_FORMAT = 1;

const BOILERPLATE = 1, REMOVED = 2;

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

/** A 53-bit hash of a sentence's words (cyrb53), to find repeated paragraphs without keeping their text twice. */
function hashWords(text: string): number {
  const s = fold(text).replace(/\s+/g, ' ');
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class CorpusIndex {
  private readonly docs = new Map<number, SourceDoc>();
  private readonly byPath = new Map<string, number>();
  private readonly col = { doc: new IntColumn(), local: new IntColumn(), start: new IntColumn(), end: new IntColumn(), line: new IntColumn(), segment: new IntColumn(), dupOf: new IntColumn(), flags: new IntColumn() };
  private readonly dups = new Map<number, number[]>();
  private readonly analyses = new Map<number, AnalyzedText>();
  bm25 = new Bm25();
  names = new NameIndex();
  private nextDoc = 0;
  /** grows with every change, so caches can tell they are stale */
  version = 0;
  /** how many document analyses to keep for checks */
  analysisCacheSize = 400;

  get documentCount(): number { return this.docs.size; }
  get sentenceCount(): number { return this.bm25.size; }
  documents(): IterableIterator<SourceDoc> { return this.docs.values(); }
  docByPath(path: string): SourceDoc | undefined { const id = this.byPath.get(path); return id === undefined ? undefined : this.docs.get(id); }

  /** Adds or replaces a source document. */
  add(path: string, content: string, format: TextFormat, uri?: string, stamp?: SourceDoc['stamp']): SourceDoc {
    if (this.byPath.has(path)) this.remove(path);
    const prose = toProse(content, format);
    const light = analyzeText(prose.text, { ...prose.options, light: true });
    const first = this.col.doc.length;
    const id = this.nextDoc++;
    const bp = boilerplateParagraphs(prose.text, light.paragraphs);
    let segment = 0, prevPara = -1;
    let date: SourceDoc['date'];
    for (const s of light.sentences) {
      const sid = first + s.index;
      if (s.para !== prevPara) {
        const p = light.paragraphs[s.para];
        if (prevPara >= 0 && (DATELINE.test(prose.text.slice(p.start, p.end)) || bp[s.para] !== bp[prevPara])) segment++;
        prevPara = s.para;
      }
      const boilerplate = bp[s.para];
      const c = this.col;
      c.doc.push(id); c.local.push(s.index); c.start.push(s.start); c.end.push(s.end);
      c.line.push(prose.lineOf(s.start)); c.segment.push(segment); c.flags.push(boilerplate ? BOILERPLATE : 0);
      const key = hashWords(prose.text.slice(s.start, s.end));
      const same = this.dups.get(key);
      if (same?.length) {
        c.dupOf.push(same[0]);
        same.push(sid);
      } else {
        c.dupOf.push(-1);
        this.dups.set(key, [sid]);
        this.bm25.add(sid, termsOf(s.tokens));
      }
      for (const n of s.names) this.names.add(sid, n, boilerplate);
      // the document's own date: a full date in a header line or at the start of the first paragraphs
      if (!date && !boilerplate && s.index < 8) {
        const d = s.dates.find((x) => x.day !== undefined && x.month !== undefined && (s.heading || x.start - s.start < 60));
        if (d) date = { sentence: sid, at: { start: d.start, end: d.end, year: d.year, month: d.month, day: d.day, weekday: d.weekday } };
      }
    }
    const blockStarts = prose.options.blockStarts ? [...prose.options.blockStarts] : undefined;
    const doc: SourceDoc = { id, path, uri, format, text: prose.text, lineBreaks: prose.options.lineBreaks, blockStarts, first, count: light.sentences.length, date, stamp };
    this.docs.set(id, doc);
    this.byPath.set(path, id);
    this.version++;
    return doc;
  }

  remove(path: string): boolean {
    const docId = this.byPath.get(path);
    if (docId === undefined) return false;
    const doc = this.docs.get(docId)!;
    const analysis = this.analysisOf(doc, true);
    for (const s of analysis.sentences) {
      const id = doc.first + s.index;
      const boilerplate = (this.col.flags.get(id) & BOILERPLATE) !== 0;
      for (const n of s.names) this.names.remove(id, n, boilerplate);
      const key = hashWords(doc.text.slice(s.start, s.end));
      const same = this.dups.get(key) ?? [];
      const at = same.indexOf(id);
      if (at >= 0) same.splice(at, 1);
      if (this.col.dupOf.get(id) < 0) {
        this.bm25.remove(id, termsOf(s.tokens));
        // the next copy, if any, becomes the one that is searched
        if (same.length) {
          const heir = same[0];
          this.col.dupOf.set(heir, -1);
          for (const other of same.slice(1)) this.col.dupOf.set(other, heir);
          this.bm25.add(heir, termsOf(this.sentence(heir).tokens));
        }
      }
      if (!same.length) this.dups.delete(key);
      this.col.flags.set(id, this.col.flags.get(id) | REMOVED);
    }
    this.analyses.delete(docId);
    this.docs.delete(docId);
    this.byPath.delete(path);
    this.version++;
    return true;
  }

  info(id: number): SourceSentence {
    const c = this.col;
    const flags = c.flags.get(id);
    return { id, doc: c.doc.get(id), local: c.local.get(id), line: c.line.get(id), boilerplate: (flags & BOILERPLATE) !== 0, segment: c.segment.get(id), dupOf: c.dupOf.get(id) };
  }
  isLive(id: number): boolean { return id >= 0 && id < this.col.flags.length && (this.col.flags.get(id) & REMOVED) === 0; }
  isBoilerplate(id: number): boolean { return (this.col.flags.get(id) & BOILERPLATE) !== 0; }
  doc(id: number): SourceDoc { return this.docs.get(this.col.doc.get(id))!; }
  line(id: number): number { return this.col.line.get(id); }

  /** The full analysis of the sentence (made for its whole document, cached). */
  sentence(id: number): AnalyzedSentence {
    return this.analysisOf(this.doc(id)).sentences[this.col.local.get(id)];
  }
  text(id: number): string { return this.doc(id).text.slice(this.col.start.get(id), this.col.end.get(id)); }
  /** every copy of a sentence (itself first) */
  copies(id: number): number[] { return this.dups.get(hashWords(this.text(id))) ?? [id]; }

  private analysisOf(doc: SourceDoc, light = false): AnalyzedText {
    let a = this.analyses.get(doc.id);
    if (a) { this.analyses.delete(doc.id); this.analyses.set(doc.id, a); return a; }
    const opts: SegmentOptions & { light?: boolean } = { lineBreaks: doc.lineBreaks, blockStarts: doc.blockStarts ? new Set(doc.blockStarts) : undefined, light };
    a = analyzeText(doc.text, opts);
    if (light) return a;
    this.analyses.set(doc.id, a);
    if (this.analyses.size > this.analysisCacheSize) this.analyses.delete(this.analyses.keys().next().value!);
    return a;
  }

  /** Sentences around `id` in the same article of the same file, nearest first. */
  neighbours(id: number, radius: number): number[] {
    const doc = this.col.doc.get(id), seg = this.col.segment.get(id);
    const out: number[] = [];
    for (let d = 1; d <= radius; d++) {
      for (const k of [id - d, id + d]) {
        if (k >= 0 && k < this.col.doc.length && this.col.doc.get(k) === doc && this.col.segment.get(k) === seg && this.isLive(k)) out.push(k);
      }
    }
    return out;
  }

  /** Every content sentence of the article that holds `id`. */
  segmentSentences(id: number): number[] {
    const d = this.doc(id), seg = this.col.segment.get(id);
    const out: number[] = [];
    for (let k = d.first; k < d.first + d.count; k++) if (this.col.segment.get(k) === seg && !this.isBoilerplate(k)) out.push(k);
    return out;
  }

  /** Best sentences for weighted terms; boilerplate and duplicates only when asked. */
  search(query: ReadonlyMap<string, number>, k: number, opts: { boilerplate?: boolean } = {}): Hit[] {
    return this.bm25.search(query, k, opts.boilerplate ? (id) => this.isLive(id) : (id) => this.isLive(id) && !this.isBoilerplate(id));
  }

  idf(term: string): number { return this.bm25.idf(term); }

  snapshot(): IndexSnapshot {
    const c = this.col;
    return {
      format: SNAPSHOT_FORMAT, docs: [...this.docs.values()], nextDoc: this.nextDoc,
      columns: { doc: c.doc.toArray(), local: c.local.toArray(), start: c.start.toArray(), end: c.end.toArray(), line: c.line.toArray(), segment: c.segment.toArray(), dupOf: c.dupOf.toArray(), flags: c.flags.toArray() },
      bm25: this.bm25.snapshot(), names: this.names.snapshot(),
    };
  }

  static fromSnapshot(s: IndexSnapshot): CorpusIndex {
    if (s.format !== SNAPSHOT_FORMAT) throw new Error(`index snapshot format ${s.format}, expected ${SNAPSHOT_FORMAT}`);
    const x = new CorpusIndex();
    for (const d of s.docs) { x.docs.set(d.id, d); x.byPath.set(d.path, d.id); }
    x.nextDoc = s.nextDoc;
    for (const [k, v] of Object.entries(s.columns)) (x.col as Record<string, IntColumn>)[k] = new IntColumn(0, v);
    x.bm25 = Bm25.fromSnapshot(s.bm25);
    x.names = NameIndex.fromSnapshot(s.names);
    for (const d of s.docs) {
      for (let id = d.first; id < d.first + d.count; id++) {
        const key = hashWords(d.text.slice(x.col.start.get(id), x.col.end.get(id)));
        const list = x.dups.get(key);
        if (list) list.push(id); else x.dups.set(key, [id]);
      }
    }
    for (const list of x.dups.values()) list.sort((a, b) => (x.col.dupOf.get(a) < 0 ? -1 : 0) - (x.col.dupOf.get(b) < 0 ? -1 : 0) || a - b);
    x.version = 1;
    return x;
  }
}
