// The sources, sentence by sentence, with file and line, in three indexes: BM25 over sentence
// words (retrieval of the frame), names (who and what the sources mention), and duplicates
// (a paragraph repeated by a scraper counts once). Documents can be added, replaced and removed.
//
// Memory: a sentence is a row of typed-array columns. A document keeps no analysis, and its
// prose text only when no loader is given: the editor's index reads a source back from its file
// when a check needs it (checked against the length and hash it had). When a check needs a
// source sentence, that sentence alone is analysed (figures, quotations, speakers), with the
// sentences before it only when a quotation needs them, and the latest few thousand are kept.
// Each sentence row knows its paragraph, so only that paragraph is segmented again, not the
// whole document.
import { AnalyzedSentence, PreparedText, analyzeSentenceAt, analyzeText, prepareText } from '../extract/analyze';
import { DateMention, bylineEnd } from '../extract/dates';
import { TextFormat, toProse } from '../corpus/prose';
import { DATELINE, boilerplateParagraphs } from '../corpus/boilerplate';
import { Paragraph, Range, makeParagraph } from '../text/segment';
import { Token, byWord, fold, isContentToken } from '../text/tokens';
import { CAPITAL_OF, COUNTRY_OF, CURRENCY_WORDS, MONTHS, NUMBER_WORDS, ORDINAL_WORDS, SCALES, UNITS, WEEKDAYS } from '../text/vocab';
import { NameMention, entityKeysOf } from '../extract/names';
import { Bm25, Bm25Snapshot, Hit } from './bm25';
import { FloatColumn, IntColumn } from './columns';
import { Copies } from './copies';
import { NameIndex, NameSnapshot } from './names-index';

export type DocDate = Pick<DateMention, 'start' | 'end' | 'year' | 'month' | 'day' | 'weekday'>;

export interface SourceDoc {
  readonly id: number;
  /** the path shown to users (relative to the workspace when possible) */
  readonly path: string;
  readonly uri?: string;
  readonly format: TextFormat;
  /** the document as prose (HTML without markup, Markdown masked), unless a loader reads it back */
  readonly text?: string;
  /** length and hash of the prose, to trust a text read back from the file */
  readonly length: number;
  readonly hash: number;
  /** segmentation options of its format (Markdown block starts as 0-based lines) */
  readonly lineBreaks?: 'paragraph' | 'wrap';
  readonly blockStarts?: readonly number[];
  readonly headings?: readonly number[];
  /** global id of the document's first sentence, and how many it has */
  readonly first: number;
  readonly count: number;
  /** the date the document carries in its header or dateline, and the sentence that gives it */
  readonly date?: { readonly sentence: number; readonly at: DocDate };
  /** size and modification time of the file when read (to trust a saved index) */
  readonly stamp?: { readonly size: number; readonly mtimeMs: number };
  /** the name keys its sentences mention (to forget them without reading the file again) */
  readonly names: readonly string[];
  /** a transcript: paragraphs open with speakers' labels (set only when it is one) */
  readonly transcript?: true;
  /** by article segment: the entity keys it is about, one per line (see `topics`) */
  readonly topics?: readonly string[];
}

export interface SourceSentence {
  readonly id: number;
  readonly doc: number;
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
  readonly columns: { doc: Int32Array; start: Int32Array; end: Int32Array; line: Int32Array; segment: Int32Array; dupOf: Int32Array; flags: Int32Array; para: Int32Array };
  readonly hashes: Float64Array;
  readonly bm25: Bm25Snapshot;
  readonly names: NameSnapshot;
  readonly nextDoc: number;
}
export const SNAPSHOT_FORMAT = 7;

/** Reads a document's prose back from its file; undefined when it cannot. */
export type TextLoader = (doc: SourceDoc) => string | undefined;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** flags: page chrome; removed from the index; its paragraph is a short line (a heading or label); a byline ("By Akiko Mercier · 26 March 2020") */
const BOILERPLATE = 1, REMOVED = 2, SHORT_PARAGRAPH = 4, BYLINE = 8;
/** how many copies of a boilerplate sentence are looked through for one in prose */
const MAX_TEASER_COPIES = 64;

const EMPTY_SENTENCE: AnalyzedSentence = { index: -1, para: -1, start: 0, end: 0, tokens: [], quantities: [], dates: [], names: [], quotes: [], quoteSpans: [], heading: false };

/** Terms a sentence is indexed and searched by: stems of content words, and countries for demonyms. */
export function termsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isContentToken(t)) continue;
    out.push(t.kind === 'num' ? t.text.replace(/,/g, '') : t.stem);
    const c = t.kind === 'word' && t.cap ? countryAt(tokens, i) : undefined;
    if (c) out.push(`@${fold(c)}`);
  }
  return out;
}

/** The country a capitalised word names, alone or as the first of two or three ("United States", "Burkina Faso"), or stands for as its capital. */
function countryAt(tokens: readonly Token[], i: number): string | undefined {
  const low = bare(tokens[i].low);
  const one = COUNTRY_OF.get(low) ?? CAPITAL_OF.get(low);
  if (one) return one;
  let key = low;
  for (let k = i + 1; k < Math.min(tokens.length, i + 3); k++) {
    if (tokens[k].kind !== 'word' || !tokens[k].cap) return undefined;
    key += ` ${bare(tokens[k].low)}`;
    const c = COUNTRY_OF.get(key) ?? CAPITAL_OF.get(key);
    if (c) return c;
  }
  return undefined;
}

/** A word without its possessive ("france's" -> "france"). */
function bare(low: string): string {
  const n = low.length;
  if (n < 2 || low.charCodeAt(n - 1) !== 115) return low;
  const q = low.charCodeAt(n - 2);
  return q === 39 || q === 0x2019 ? low.slice(0, -2) : low;
}

/**
 * A 53-bit hash of the words of text[start, end) (cyrb53 of the text folded, its spaces made
 * one), to find repeated paragraphs without keeping their text twice. ASCII (most sentences) is
 * hashed in one pass where it stands, folding as it goes.
 */
function hashWords(text: string, start: number, end: number): number {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    let ch = text.charCodeAt(i);
    if (ch > 127) return hashText(fold(text.slice(start, end)).replace(/\s+/g, ' '));
    if (ch === 32 || (ch >= 9 && ch <= 13)) {
      while (i + 1 < end) { const n = text.charCodeAt(i + 1); if (n === 32 || (n >= 9 && n <= 13)) i++; else break; }
      ch = 32;
    } else if (ch >= 65 && ch <= 90) ch += 32;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return mix53(h1, h2);
}

/** cyrb53 of a text as it is (a document's prose, to know it again when read back). */
function hashText(s: string): number {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return mix53(h1, h2);
}

function mix53(a: number, b: number): number {
  let h1 = a, h2 = b;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class CorpusIndex {
  private readonly docs = new Map<number, SourceDoc>();
  private readonly byPath = new Map<string, number>();
  private readonly col = {
    doc: new IntColumn(), start: new IntColumn(), end: new IntColumn(), line: new IntColumn(), segment: new IntColumn(), dupOf: new IntColumn(), flags: new IntColumn(),
    // the sentence's paragraph in the document (it runs from its first sentence's start to its last one's end)
    para: new IntColumn(),
  };
  private hashes = new FloatColumn();
  /** the sentences of each hash, first first */
  private readonly dups = new Copies();
  private readonly prepared = new Recent<PreparedText>();
  private readonly analysed = new Recent<AnalyzedSentence>();
  private readonly texts = new Recent<string>();
  bm25: Bm25;
  names = new NameIndex();
  private nextDoc = 0;
  /** grows with every change, so caches can tell they are stale */
  version = 0;
  /** how many analysed source sentences (and prepared documents) to keep for checks */
  analysisCacheSize = 6000;
  preparedCacheSize = 600;

  /**
   * @param loader reads a document's text back from its file (then no text is kept in memory);
   * @param onStale told when a file no longer holds the text it was indexed with
   */
  constructor(private readonly loader?: TextLoader, private readonly onStale?: (doc: SourceDoc) => void, bulk = false) {
    this.bm25 = new Bm25(bulk);
  }

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
    const nameKeys = new Set<string>();
    const topics: string[] = [];
    let about = new Topics();
    for (const s of light.sentences) {
      const sid = first + s.index;
      const para = light.paragraphs[s.para];
      if (s.para !== prevPara) {
        if (prevPara >= 0 && (DATELINE.test(prose.text.slice(para.start, para.end)) || bp[s.para] !== bp[prevPara])) { topics[segment] = about.keys(); segment++; about = new Topics(); }
        prevPara = s.para;
      }
      const boilerplate = bp[s.para];
      const byline = bylineEnd(prose.text, s.start, s.end) > s.start;
      // (a byline names the reporter, not what the story is about)
      if (!boilerplate) about.add(byline ? [] : s.names, () => s.heading || !/[.!?]["\u201d']?\s*$/.test(prose.text.slice(s.start, s.end)));
      const c = this.col;
      c.doc.push(id); c.start.push(s.start); c.end.push(s.end);
      c.line.push(prose.lineOf(s.start)); c.segment.push(segment); c.flags.push((boilerplate ? BOILERPLATE : 0) | (para.short ? SHORT_PARAGRAPH : 0) | (byline ? BYLINE : 0));
      c.para.push(s.para);
      const key = hashWords(prose.text, s.start, s.end);
      this.hashes.push(key);
      const original = this.dups.add(key, sid);
      c.dupOf.push(original === sid ? -1 : original);
      if (original === sid) this.bm25.add(sid, termsOf(s.tokens));
      for (const n of s.names) nameKeys.add(this.names.add(sid, n, boilerplate));
      // the document's own date: a full date in a header line or at the start of the first paragraphs
      if (!date && !boilerplate && s.index < 8) {
        const d = s.dates.find((x) => x.day !== undefined && x.month !== undefined && (s.heading || x.start - s.start < 60));
        if (d) date = { sentence: sid, at: { start: d.start, end: d.end, year: d.year, month: d.month, day: d.day, weekday: d.weekday } };
      }
    }
    topics[segment] = about.keys();
    const blockStarts = prose.options.blockStarts ? [...prose.options.blockStarts] : undefined;
    const headings = prose.options.headings?.size ? [...prose.options.headings] : undefined;
    const doc: SourceDoc = {
      id, path, uri, format, text: this.loader ? undefined : prose.text, length: prose.text.length, hash: hashText(prose.text),
      lineBreaks: prose.options.lineBreaks, blockStarts, headings, first, count: light.sentences.length, date, stamp, names: [...nameKeys],
      ...(light.transcript ? { transcript: true as const } : {}),
      ...(topics.some((t) => t) ? { topics } : {}),
    };
    if (this.loader) this.remember(id, prose.text);
    this.docs.set(id, doc);
    this.byPath.set(path, id);
    this.version++;
    return doc;
  }

  /** Removes a document without reading its file again (it may be gone). */
  remove(path: string): boolean {
    const docId = this.byPath.get(path);
    if (docId === undefined) return false;
    const doc = this.docs.get(docId)!;
    const end = doc.first + doc.count;
    this.names.removeRange(doc.names, doc.first, end, (id) => this.isBoilerplate(id));
    const heirs: number[] = [];
    for (let id = doc.first; id < end; id++) {
      const same = this.dups.remove(this.hashes.get(id), id);
      if (this.col.dupOf.get(id) < 0) {
        this.bm25.remove(id);
        // the next copy, if any, becomes the one that is searched
        if (same.length) {
          const heir = same[0];
          this.col.dupOf.set(heir, -1);
          for (const other of same.slice(1)) this.col.dupOf.set(other, heir);
          if (heir < doc.first || heir >= end) heirs.push(heir);
        }
      }
      this.col.flags.set(id, this.col.flags.get(id) | REMOVED);
    }
    this.prepared.delete(docId);
    for (let id = doc.first; id < end; id++) this.analysed.delete(id);
    this.texts.delete(docId);
    this.docs.delete(docId);
    this.byPath.delete(path);
    for (const heir of heirs) if (this.isLive(heir)) this.bm25.add(heir, termsOf(this.sentence(heir).tokens));
    this.version++;
    return true;
  }

  info(id: number): SourceSentence {
    const c = this.col;
    const flags = c.flags.get(id);
    return { id, doc: c.doc.get(id), line: c.line.get(id), boilerplate: (flags & BOILERPLATE) !== 0, segment: c.segment.get(id), dupOf: c.dupOf.get(id) };
  }
  isLive(id: number): boolean { return id >= 0 && id < this.col.flags.length && (this.col.flags.get(id) & REMOVED) === 0; }
  isBoilerplate(id: number): boolean { return (this.col.flags.get(id) & BOILERPLATE) !== 0; }
  /** A byline: it names the reporter, and its date is the story's filing date, not an event's. */
  isByline(id: number): boolean { return (this.col.flags.get(id) & BYLINE) !== 0; }
  doc(id: number): SourceDoc { return this.docs.get(this.col.doc.get(id))!; }
  line(id: number): number { return this.col.line.get(id); }

  /** The full analysis of a source sentence (made for that sentence, cached). */
  sentence(id: number): AnalyzedSentence {
    const hit = this.analysed.get(id);
    if (hit) return hit;
    const doc = this.doc(id);
    const prep = this.prepare(doc);
    // a text that no longer matches its file has no sentences
    const a = this.segmentParagraphOf(prep, doc, id) ? analyzeSentenceAt(prep, id - doc.first, (j) => this.sentence(doc.first + j)) : EMPTY_SENTENCE;
    this.analysed.set(id, a, this.analysisCacheSize);
    return a;
  }

  /** A document ready for its sentences to be analysed one by one: its text, with no paragraph segmented yet. */
  private prepare(doc: SourceDoc): PreparedText {
    let p = this.prepared.get(doc.id);
    if (p) return p;
    p = { text: this.textOf(doc), options: {}, paragraphs: [], ranges: [], transcript: doc.transcript === true, labels: new Map() };
    this.prepared.set(doc.id, p, this.preparedCacheSize);
    return p;
  }

  /**
   * Segments the paragraph of sentence `id` as the whole text would have: the same quotations
   * and sentences. The paragraph runs from its first sentence's start to its last one's end (as
   * the segmenter makes them); should its sentences not come out as indexed, the whole text is
   * segmented instead. False when the text no longer has the sentences it was indexed with.
   */
  private segmentParagraphOf(prep: PreparedText, doc: SourceDoc, id: number): boolean {
    const c = this.col, local = id - doc.first;
    if (prep.ranges[local]) return true;
    const pi = c.para.get(id), end = doc.first + doc.count;
    let first = id;
    while (first > doc.first && c.para.get(first - 1) === pi) first--;
    let last = id;
    while (last + 1 < end && c.para.get(last + 1) === pi) last++;
    const p = makeParagraph(prep.text, c.start.get(first), c.end.get(last), (c.flags.get(id) & SHORT_PARAGRAPH) !== 0);
    const ranges = prep.ranges as { para: number; range: Range }[];
    if (p.sentences.length === last - first + 1 && p.sentences.every((r, j) => r.start === c.start.get(first + j) && r.end === c.end.get(first + j))) {
      (prep.paragraphs as Paragraph[])[pi] = p;
      p.sentences.forEach((range, j) => { ranges[first - doc.first + j] = { para: pi, range }; });
      return true;
    }
    const whole = prepareText(prep.text, { lineBreaks: doc.lineBreaks, blockStarts: doc.blockStarts ? new Set(doc.blockStarts) : undefined, headings: doc.headings ? new Set(doc.headings) : undefined });
    if (whole.ranges.length !== doc.count) return false;
    whole.paragraphs.forEach((q, k) => { (prep.paragraphs as Paragraph[])[k] = q; });
    whole.ranges.forEach((r, k) => { ranges[k] = r; });
    return true;
  }
  text(id: number): string { return this.docText(id).slice(this.col.start.get(id), this.col.end.get(id)); }
  /** where sentence `id` starts in its document's prose */
  start(id: number): number { return this.col.start.get(id); }
  /** the prose of the document holding sentence `id` */
  docText(id: number): string { return this.textOf(this.doc(id)); }
  /** the copies of a sentence, the first first (at most `max`) */
  copies(id: number, max?: number): number[] {
    const all = this.dups.list(this.hashes.get(id), max);
    return all.length ? all : [id];
  }

  /** A document's prose: kept, or read back and checked; blank (no claims) when its file changed. */
  textOf(doc: SourceDoc): string {
    if (doc.text !== undefined) return doc.text;
    let t = this.texts.get(doc.id);
    if (t !== undefined) return t;
    t = this.loader?.(doc);
    if (t === undefined || t.length !== doc.length || hashText(t) !== doc.hash) {
      this.onStale?.(doc);
      t = ' '.repeat(doc.length);
    }
    this.remember(doc.id, t);
    return t;
  }

  private remember(id: number, text: string): void {
    this.texts.set(id, text, this.preparedCacheSize * 2);
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

  /** The entity keys the article holding `id` is about (see `Topics`). */
  topics(id: number): Set<string> {
    const t = this.doc(id).topics?.[this.col.segment.get(id)];
    return new Set(t ? t.split('\n') : []);
  }

  /**
   * Best sentences for weighted terms; boilerplate only when asked. A sentence is searched as its
   * first copy; when that copy is boilerplate (the teaser of a story, above another story) and a
   * later one is prose, the sentence is found as that first prose copy: the story itself.
   */
  search(query: ReadonlyMap<string, number>, k: number, opts: { boilerplate?: boolean } = {}): Hit[] {
    if (opts.boilerplate) return this.bm25.search(query, k, (id) => this.isLive(id));
    const prose = new Map<number, number>();
    const inProse = (id: number) => {
      if (!this.isBoilerplate(id)) return id;
      let p = prose.get(id);
      if (p === undefined) {
        p = -1;
        for (const c of this.copies(id, MAX_TEASER_COPIES)) if (c !== id && this.isLive(c) && !this.isBoilerplate(c)) { p = c; break; }
        prose.set(id, p);
      }
      return p;
    };
    const hits = this.bm25.search(query, k, (id) => this.isLive(id) && inProse(id) >= 0);
    return prose.size ? hits.map((h) => ({ id: inProse(h.id), score: h.score })) : hits;
  }

  idf(term: string): number { return this.bm25.idf(term); }

  snapshot(): IndexSnapshot {
    const c = this.col;
    return {
      format: SNAPSHOT_FORMAT, docs: [...this.docs.values()], nextDoc: this.nextDoc,
      columns: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.toArray()])) as unknown as IndexSnapshot['columns'],
      hashes: this.hashes.toArray(),
      bm25: this.bm25.snapshot(), names: this.names.snapshot(),
    };
  }

  /**
   * Parts built apart (one per worker chunk, on disjoint files) joined in order into one index,
   * part by part as they come, so that little is left to do once the last one is in. Document
   * and sentence ids are shifted; a sentence an earlier part already holds becomes a copy of it,
   * as in one index built in order: only the first copy is searched, and the joined index is
   * the one a single build of the same files makes. A part is consumed (its lists become the
   * index's).
   */
  static join(loader?: TextLoader, onStale?: (doc: SourceDoc) => void): { add(part: IndexSnapshot): void; done(): CorpusIndex } {
    const x = new CorpusIndex(loader, onStale);
    const intern = interner();
    const bm25 = Bm25.join(), names = NameIndex.join(intern);
    const c = x.col, cols = Object.keys(c) as (keyof typeof c)[];
    return {
      add(part) {
        if (part.format !== SNAPSHOT_FORMAT) throw new Error(`index snapshot format ${part.format}, expected ${SNAPSHOT_FORMAT}`);
        const docShift = x.nextDoc, idShift = c.doc.length;
        for (const d of part.docs as Mutable<SourceDoc>[]) {
          d.id += docShift; d.first += idShift;
          if (d.date) d.date = { ...d.date, sentence: d.date.sentence + idShift };
          d.names = d.names.map(intern);
          x.docs.set(d.id, d);
          x.byPath.set(d.path, d.id);
        }
        const p = part.columns, n = p.doc.length;
        for (const k of cols) if (k !== 'dupOf') c[k].append(p[k], k === 'doc' ? docShift : 0);
        x.hashes.append(part.hashes);
        // a sentence is a copy of the first with its hash, in this part or an earlier one; a
        // first of this part that an earlier part holds is dropped from the search
        const dropped = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const id = idShift + i, local = p.dupOf[i];
          if (p.flags[i] & REMOVED) { c.dupOf.push(local < 0 ? local : local + idShift); continue; }
          const original = x.dups.add(part.hashes[i], id);
          c.dupOf.push(original === id ? -1 : original);
          if (local < 0 && original !== id) dropped[i] = 1;
        }
        bm25.add(part.bm25, idShift, dropped);
        names.add(part.names, idShift);
        x.nextDoc = docShift + part.nextDoc;
      },
      done() {
        x.bm25 = bm25.done();
        x.names = names.done();
        x.version = 1;
        return x;
      },
    };
  }

  static fromSnapshot(s: IndexSnapshot, loader?: TextLoader, onStale?: (doc: SourceDoc) => void): CorpusIndex {
    if (s.format !== SNAPSHOT_FORMAT) throw new Error(`index snapshot format ${s.format}, expected ${SNAPSHOT_FORMAT}`);
    const x = new CorpusIndex(loader, onStale);
    for (const d of s.docs) { x.docs.set(d.id, d); x.byPath.set(d.path, d.id); }
    x.nextDoc = s.nextDoc;
    for (const [k, v] of Object.entries(s.columns)) (x.col as Record<string, IntColumn>)[k] = new IntColumn(0, v);
    x.bm25 = Bm25.fromSnapshot(s.bm25);
    const intern = interner();
    x.names = NameIndex.fromSnapshot(s.names, intern);
    for (const d of s.docs) (d as { names: readonly string[] }).names = d.names.map(intern);
    x.hashes = new FloatColumn(0, s.hashes);
    checkRows(s);
    // in id order, the first copy first (a removed first was followed by its next copy)
    for (const d of [...s.docs].sort((a, b) => a.first - b.first)) for (let id = d.first; id < d.first + d.count; id++) x.dups.add(x.hashes.get(id), id);
    x.version = 1;
    return x;
  }
}

/**
 * A saved index read back may be damaged: its rows must be as long as each other, each
 * document's sentences its own, and each copy after the sentence it copies (else a check would
 * read past the rows or an absent document).
 */
function checkRows(s: IndexSnapshot): void {
  const n = s.hashes.length, c = s.columns;
  let ok = Object.values(c).every((col) => col.length === n) && s.bm25.lengths.length <= n;
  for (const d of s.docs) {
    if (!ok) break;
    ok = d.first >= 0 && d.count >= 0 && d.first + d.count <= n;
    for (let id = d.first; ok && id < d.first + d.count; id++) ok = c.doc[id] === d.id && c.dupOf[id] < id && c.dupOf[id] >= -1;
  }
  if (!ok) throw new Error('index snapshot damaged (rows)');
}

/**
 * One string for equal strings. A snapshot read back from a thread or the disk holds a string
 * once per place it is used: names, their words and roles, and each document's name keys are
 * made one string each again (several MB at 10,000 sources).
 */
function interner(): (t: string) => string {
  const pool = new Map<string, string>();
  return (t) => { const got = pool.get(t); if (got !== undefined) return got; pool.set(t, t); return t; };
}

/**
 * What an article is about, worked out while it is indexed: the entities named in three or more
 * of its content sentences, and those its headline or title lines name ("Press briefing on the
 * Sierra de Albarén fire") among its first three. An article about Niger says "the country" as
 * often as "Niger", so a check reads its sentences with these entities around them. The index
 * reads names only; a name made only of date, number, unit or currency words ("June", "USD",
 * "Seven") is what the full analysis reads as a date or a figure, and is left out.
 */
class Topics {
  private readonly counts = new Map<string, number>();
  private readonly head = new Set<string>();
  private seen = 0;

  /** @param headline whether the sentence is a headline or title line (asked of the first three only) */
  add(names: readonly NameMention[], headline: () => boolean): void {
    if (!names.length) { this.seen++; return; }
    const keys = entityKeysOf(names.filter((n) => !n.words.every(isClaimWord)));
    for (const k of keys) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    if (this.seen++ < 3 && headline()) for (const k of keys) this.head.add(k);
  }

  /** The keys, one per line. */
  keys(): string {
    for (const [k, n] of this.counts) if (n >= 3) this.head.add(k);
    return [...this.head].join('\n');
  }
}

/** (remembered by word: every name of every sentence asks, and a corpus has a few tens of thousands) */
const isClaimWord = byWord((w: string): boolean => {
  const low = fold(w).replace(/\.$/, '');
  return MONTHS.has(low) || WEEKDAYS.has(low) || NUMBER_WORDS.has(low) || ORDINAL_WORDS.has(low) || SCALES.has(low) || CURRENCY_WORDS.has(low) || UNITS.has(low);
});

/**
 * A bounded cache by id in two parts (segmented LRU): a newcomer waits in the first fifth and
 * moves to the rest only when asked for again, so one pass over many once-used entries (every
 * sentence of an article, read for its topics) does not push out the ones checks come back to.
 */
class Recent<V> {
  private readonly once = new Map<number, V>();
  private readonly again = new Map<number, V>();

  get size(): number { return this.once.size + this.again.size; }

  get(id: number): V | undefined {
    let v = this.again.get(id);
    if (v !== undefined) { this.again.delete(id); this.again.set(id, v); return v; }
    v = this.once.get(id);
    if (v !== undefined) { this.once.delete(id); this.again.set(id, v); }
    return v;
  }

  set(id: number, v: V, capacity: number): void {
    this.again.delete(id);
    this.once.delete(id);
    this.once.set(id, v);
    const first = Math.max(1, Math.floor(capacity / 5));
    while (this.again.size > capacity - first) { const k = this.again.keys().next().value!; this.once.set(k, this.again.get(k)!); this.again.delete(k); }
    while (this.once.size > first || this.size > capacity) this.once.delete(this.once.keys().next().value!);
  }

  delete(id: number): void { this.once.delete(id); this.again.delete(id); }
}
