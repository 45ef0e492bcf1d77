// Merges index snapshots built apart (one per worker thread, on disjoint files) into one:
// document and sentence ids are shifted, postings and names concatenated. A sentence that an
// earlier part already holds becomes a copy of it, as it would in one index built in order:
// only the first copy is searched, and the merged index is the one a single build makes.
import { Bm25Snapshot } from './bm25';
import { IndexSnapshot, SNAPSHOT_FORMAT } from './corpus-index';
import { NameSnapshot } from './names-index';

/** The parts are consumed: their name entries become the merged index's. */
export function mergeSnapshots(parts: readonly IndexSnapshot[]): IndexSnapshot {
  if (parts.length === 1) return parts[0];
  const docs: IndexSnapshot['docs'] = [];
  const cols = Object.keys(parts[0].columns) as (keyof IndexSnapshot['columns'])[];
  const total = parts.reduce((n, p) => n + p.columns.doc.length, 0);
  const columns = Object.fromEntries(cols.map((k) => [k, new Int32Array(total)])) as unknown as IndexSnapshot['columns'];
  const hashes = new Float64Array(total);
  let docShift = 0, idShift = 0;
  const shifts: { doc: number; id: number }[] = [];
  for (const p of parts) {
    shifts.push({ doc: docShift, id: idShift });
    for (const d of p.docs) {
      docs.push({ ...d, id: d.id + docShift, first: d.first + idShift, date: d.date && { ...d.date, sentence: d.date.sentence + idShift } });
    }
    for (const k of cols) {
      const src = p.columns[k], dst = columns[k];
      for (let i = 0; i < src.length; i++) {
        const v = src[i];
        dst[idShift + i] = k === 'doc' ? v + docShift : k === 'dupOf' && v >= 0 ? v + idShift : v;
      }
    }
    hashes.set(p.hashes, idShift);
    docShift += p.nextDoc;
    idShift += p.columns.doc.length;
  }
  const dropped = foldCopies(columns.dupOf, hashes, shifts.map((s) => s.id));
  return {
    format: SNAPSHOT_FORMAT, docs, columns, hashes, nextDoc: docShift,
    bm25: mergeBm25(parts.map((p) => p.bm25), shifts.map((s) => s.id), total, dropped),
    names: mergeNames(parts.map((p) => p.names), shifts.map((s) => s.id)),
  };
}

/**
 * Points each part's first copy of a sentence an earlier part holds (same words' hash) at that
 * earlier first copy, and its own copies too. Returns the sentences that leave the search.
 */
function foldCopies(dupOf: Int32Array, hashes: Float64Array, starts: readonly number[]): Uint8Array {
  const dropped = new Uint8Array(dupOf.length);
  const first = new Map<number, number>();
  for (let pi = 0; pi < starts.length; pi++) {
    const from = starts[pi], to = pi + 1 < starts.length ? starts[pi + 1] : dupOf.length;
    const moved = new Map<number, number>();
    for (let id = from; id < to; id++) {
      if (dupOf[id] >= 0) { const to2 = moved.get(dupOf[id]); if (to2 !== undefined) dupOf[id] = to2; continue; }
      const earlier = first.get(hashes[id]);
      if (earlier === undefined) { if (pi + 1 < starts.length) first.set(hashes[id], id); continue; }
      dupOf[id] = earlier;
      moved.set(id, earlier);
      dropped[id] = 1;
    }
  }
  return dropped;
}

function mergeBm25(parts: readonly Bm25Snapshot[], shifts: readonly number[], total: number, dropped: Uint8Array): Bm25Snapshot {
  const seen = new Map<string, number>();
  const all: string[] = [];
  for (const p of parts) for (const t of p.terms) if (!seen.has(t)) { seen.set(t, all.length); all.push(t); }
  const counts = new Int32Array(all.length);
  parts.forEach((p, pi) => p.terms.forEach((t, i) => {
    let n = 0;
    for (let k = p.offsets[i]; k < p.offsets[i + 1]; k += 2) if (!dropped[p.postings[k] + shifts[pi]]) n += 2;
    counts[seen.get(t)!] += n;
  }));
  // a term only the dropped copies had goes (a copy by its words' hash may differ in case: "US", "us")
  const termIds = new Map<string, number>();
  const terms = all.filter((t, i) => counts[i] > 0);
  terms.forEach((t, i) => termIds.set(t, i));
  const sizes = Int32Array.from(terms, (t) => counts[seen.get(t)!]);
  const offsets = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t] + sizes[t];
  const postings = new Int32Array(offsets[terms.length]);
  const fill = Int32Array.from(offsets.subarray(0, terms.length));
  parts.forEach((p, pi) => {
    p.terms.forEach((t, i) => {
      const tid = termIds.get(t);
      if (tid === undefined) return;
      for (let k = p.offsets[i]; k < p.offsets[i + 1]; k += 2) {
        const id = p.postings[k] + shifts[pi];
        if (!dropped[id]) { postings[fill[tid]++] = id; postings[fill[tid]++] = p.postings[k + 1]; }
      }
    });
  });
  const dfs = new Int32Array(terms.length);
  for (let t = 0; t < terms.length; t++) dfs[t] = sizes[t] / 2;
  const lengths = new Int32Array(total).fill(-1);
  parts.forEach((p, pi) => lengths.set(p.lengths, shifts[pi]));
  let totalLength = parts.reduce((n, p) => n + p.totalLength, 0), live = parts.reduce((n, p) => n + p.live, 0);
  for (let id = 0; id < total; id++) if (dropped[id] && lengths[id] >= 0) { totalLength -= lengths[id]; live--; lengths[id] = -1; }
  return { terms, offsets, postings, dfs, lengths, totalLength, live };
}

function mergeNames(parts: readonly NameSnapshot[], shifts: readonly number[]): NameSnapshot {
  // the parts' entries are taken over and extended in place (no array is copied per part)
  type Entry = NameSnapshot['entries'][number];
  const byKey = new Map<string, { entry: Entry; texts: Map<string, number> | undefined }>();
  parts.forEach((p, pi) => {
    const shift = shifts[pi];
    for (const e of p.entries) {
      if (shift) {
        for (let i = 0; i < e.mentions.length; i++) e.mentions[i] += shift;
        for (const r of e.roles) (r as { sentence: number }).sentence += shift;
      }
      const have = byKey.get(e.key);
      if (!have) { byKey.set(e.key, { entry: e, texts: undefined }); continue; }
      const h = have.entry;
      const texts = have.texts ??= new Map(h.texts);
      for (const [t, n] of e.texts) texts.set(t, (texts.get(t) ?? 0) + n);
      for (const m of e.mentions) h.mentions.push(m);
      for (const r of e.roles) h.roles.push(r);
      h.person = h.person || e.person;
      h.content += e.content;
    }
  });
  return { entries: [...byKey.values()].map(({ entry, texts }) => (texts ? { ...entry, texts: [...texts] } : entry)) };
}
