// The table of a sentence's copies: by hash, in the order added, through removals and growth.
import { strict as assert } from 'node:assert';
import { Copies } from '../../server/src/core/index/copies';

describe('the copies of a sentence', () => {
  it('are its hash\'s sentences in the order added, the first given back to each', () => {
    const t = new Copies();
    assert.deepEqual([t.add(7, 0), t.add(9, 1), t.add(7, 2), t.add(7, 5)], [0, 1, 0, 0]);
    assert.deepEqual(t.list(7), [0, 2, 5]);
    assert.deepEqual(t.list(7, 2), [0, 2]);
    assert.deepEqual(t.list(9), [1]);
    assert.deepEqual(t.list(8), []);
    assert.equal(t.first(8), -1);
  });

  it('lose a removed sentence, first, middle or last, and take new ones after what is left', () => {
    const t = new Copies();
    for (const id of [0, 1, 2, 3]) t.add(42, id);
    assert.deepEqual(t.remove(42, 1), [0, 2, 3]);
    assert.deepEqual(t.remove(42, 3), [0, 2]);
    assert.equal(t.add(42, 4), 0);
    assert.deepEqual(t.remove(42, 0), [2, 4]);
    assert.equal(t.first(42), 2);
    assert.deepEqual(t.remove(42, 2), [4]);
    assert.deepEqual(t.remove(42, 4), []);
    assert.deepEqual(t.remove(42, 4), []);
    // all gone: the next one is a first again
    assert.equal(t.add(42, 6), 6);
    assert.deepEqual(t.list(42), [6]);
  });

  it('keep apart hashes that share their low 32 bits, and every list through the table\'s growth', () => {
    const t = new Copies();
    const low = 12345, a = low, b = 2 ** 40 + low, c = 2 ** 52 + low;
    assert.deepEqual([t.add(a, 0), t.add(b, 1), t.add(c, 2), t.add(b, 3)], [0, 1, 2, 1]);
    t.remove(a, 0);
    // a removed hash's slot does not hide those after it
    assert.deepEqual([t.list(a), t.list(b), t.list(c)], [[], [1, 3], [2]]);
    let id = 4;
    const hashes: number[] = [];
    for (let k = 0; k < 5000; k++) { const h = Math.floor(k * 2654435761.123) % 2 ** 53; hashes.push(h); t.add(h, id++); t.add(h, id++); }
    assert.deepEqual([t.list(b), t.list(c)], [[1, 3], [2]]);
    assert.ok(hashes.every((h, k) => { const l = t.list(h); return l.length === 2 && l[0] === 4 + 2 * k && l[1] === 5 + 2 * k; }));
  });
});
