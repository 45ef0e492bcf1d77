// The index analyses a source sentence on its own, when a check needs it: the result must be
// the sentence of the document analysed whole.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/core/extract/analyze';
import { formatOfPath, toProse } from '../../server/src/core/corpus/prose';
import { CorpusIndex } from '../../server/src/core/index/corpus-index';

describe('a source sentence analysed alone', () => {
  it('is the sentence of the whole document analysed at once, in every labelled corpus (only its paragraph is segmented again)', () => {
    const root = path.join(__dirname, '..');
    let n = 0;
    for (const set of ['cases', 'holdout']) {
      for (const d of fs.readdirSync(path.join(root, set), { withFileTypes: true })) {
        const dir = path.join(root, set, d.name, 'corpus');
        if (!d.isDirectory() || !fs.existsSync(dir)) continue;
        for (const f of fs.readdirSync(dir)) {
          const format = formatOfPath(f);
          if (!format) continue;
          const content = fs.readFileSync(path.join(dir, f), 'utf8');
          const index = new CorpusIndex();
          const doc = index.add(f, content, format);
          const prose = toProse(content, format);
          const whole = analyzeText(prose.text, prose.options);
          assert.equal(doc.count, whole.sentences.length, f);
          // last sentence first: nothing before it is analysed or segmented yet
          for (let k = doc.count - 1; k >= 0; k--) assert.deepStrictEqual(index.sentence(doc.first + k), whole.sentences[k], `${set}/${d.name}/${f} sentence ${k}`);
          n += doc.count;
        }
      }
    }
    assert.ok(n > 2000, `${n} sentences`);
  });
});

describe('index parts joined in order (one per worker chunk)', () => {
  it('make the very index one build in the same order makes: a sentence an earlier part holds is a copy, searched once', () => {
    const root = path.join(__dirname, '..');
    const files: [string, string, NonNullable<ReturnType<typeof formatOfPath>>][] = [];
    const dirs = [path.join(root, '..', 'corpus')];
    for (const set of ['cases', 'holdout']) for (const d of fs.readdirSync(path.join(root, set))) dirs.push(path.join(root, set, d, 'corpus'));
    for (const dir of dirs.filter((d) => fs.existsSync(d))) {
      for (const f of fs.readdirSync(dir).sort()) { const format = formatOfPath(f); if (format) files.push([path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'), format]); }
    }
    // the seed corpus again at the end: every one of its sentences is in an earlier part
    for (const f of fs.readdirSync(dirs[0]).sort()) files.push([`again/${f}`, fs.readFileSync(path.join(dirs[0], f), 'utf8'), formatOfPath(f)!]);
    const whole = new CorpusIndex(undefined, undefined, true);
    for (const [p, text, format] of files) whole.add(p, text, format);
    const parts = [];
    for (let i = 0; i < files.length; i += 7) {
      const part = new CorpusIndex(undefined, undefined, true);
      for (const [p, text, format] of files.slice(i, i + 7)) part.add(p, text, format);
      parts.push(part.snapshot());
    }
    const searched = parts.reduce((n, s) => n + s.bm25.live, 0);
    const join = CorpusIndex.join();
    for (const part of parts) join.add(part);
    const joined = join.done();
    const merged = joined.snapshot();
    assert.ok(parts.length > 10 && merged.bm25.live < searched - 100, `${parts.length} parts, ${searched} sentences searched in them, ${merged.bm25.live} once merged`);
    // the same postings for every term (the order of the term table aside), and all else the same
    const one = whole.snapshot();
    const byTerm = (b: typeof one.bm25) => new Map(b.terms.map((t, i) => [t, [b.dfs[i], ...b.postings.subarray(b.offsets[i], b.offsets[i + 1])]]));
    assert.deepStrictEqual(byTerm(merged.bm25), byTerm(one.bm25));
    // (lengths: -1 for a sentence not searched; one build's table ends at the last one searched)
    const rest = (b: typeof one.bm25) => { let n = b.lengths.length; while (n > 0 && b.lengths[n - 1] < 0) n--; return { ...b, terms: [], offsets: [], postings: [], dfs: [], lengths: [...b.lengths.subarray(0, n)] }; };
    assert.deepStrictEqual(rest(merged.bm25), rest(one.bm25));
    assert.deepStrictEqual({ ...merged, bm25: undefined }, { ...one, bm25: undefined });
    // a copy from a later part points to the first, and is not searched; every copy is known, the first first
    const id = joined.docByPath('again/' + fs.readdirSync(dirs[0]).sort()[0])!.first + 2;
    assert.ok(joined.info(id).dupOf >= 0 && joined.info(id).dupOf < id);
    for (const k of [id, joined.info(id).dupOf]) assert.deepEqual(joined.copies(k), whole.copies(k));
    assert.deepEqual(joined.copies(id)[0], joined.info(id).dupOf);
    // and it searches as the one build does
    const query = new Map([['troop', 1], ['niger', 1], ['@france', 1]]);
    assert.deepStrictEqual(joined.search(query, 20), whole.search(query, 20));
  });
});
