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
