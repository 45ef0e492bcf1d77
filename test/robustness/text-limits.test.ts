// The text layer on pathological input: what used to be quadratic (or to throw) now reads in
// one pass, with the same result as before wherever the old code finished. Exact results, no
// timing: the protocol tests around them (bad-corpus, positions) bound the time as hang detectors.
import { strict as assert } from 'node:assert';
import { MAX_SENTENCE, paragraphs } from '../../server/src/core/text/segment';
import { maskMarkdown } from '../../server/src/core/text/markdown';
import { htmlToProse } from '../../server/src/core/text/html';

const sentenceRanges = (text: string) => paragraphs(text).flatMap((p) => p.sentences);

describe('robustness: sentences', () => {
  it('keeps a sentence of 1,000 characters whole', () => {
    const s = `The council ${'met again and '.repeat(70)}approved it.`.slice(0, MAX_SENTENCE - 1) + '.';
    assert.equal(s.length, MAX_SENTENCE);
    assert.deepEqual(sentenceRanges(s), [{ start: 0, end: MAX_SENTENCE }]);
  });

  it('cuts a run-on line into pieces of at most 1,000 characters, losing only spaces', () => {
    const words = Array.from({ length: 30000 }, (_, i) => (i % 7 === 6 ? `word${i},` : i % 5 === 0 ? String(i) : `word${i % 50}`));
    const text = words.join(' ');
    const rs = sentenceRanges(text);
    assert.ok(rs.length > text.length / MAX_SENTENCE);
    assert.equal(rs[0].start, 0);
    assert.equal(rs[rs.length - 1].end, text.length);
    for (let i = 0; i < rs.length; i++) {
      assert.ok(rs[i].end - rs[i].start <= MAX_SENTENCE, `piece ${i} is ${rs[i].end - rs[i].start} long`);
      if (i > 0) assert.match(text.slice(rs[i - 1].end, rs[i].start), /^\s+$/);
    }
    // pieces of a few sentences' length, not one-word scraps
    assert.ok(rs.every((r, i) => i === rs.length - 1 || r.end - r.start >= 120));
  });

  it('cuts a run-on line by its words: an edit changes the pieces around it only', () => {
    for (const comma of [true, false]) {
      const words = Array.from({ length: 20000 }, (_, i) => (comma && i % 31 === 30 ? `word${i % 97},` : i % 5 === 0 ? String(i % 1000) : `word${(i * 7) % 89}`));
      const text = words.join(' ');
      const pieces = (t: string) => sentenceRanges(t).map((r) => t.slice(r.start, r.end));
      const before = pieces(text);
      assert.ok(before.every((p) => p.length <= MAX_SENTENCE) && before.length > text.length / MAX_SENTENCE, `${before.length} pieces`);
      for (const at of [60, Math.floor(text.length / 2), text.length - 500]) {
        const cut = text.indexOf(' ', at);
        const edited = `${text.slice(0, cut)} inserted words here${text.slice(cut)}`;
        const known = new Set(before);
        const changed = pieces(edited).filter((p) => !known.has(p));
        assert.ok(changed.length <= 3, `${comma ? 'with' : 'without'} commas, an edit at ${at} changed ${changed.length} pieces of ${before.length}`);
      }
    }
  });

  it('cuts a line with no space at all at the limit, never inside a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(3000);
    const rs = sentenceRanges(text);
    assert.deepEqual(rs.slice(0, 2), [{ start: 0, end: 999 }, { start: 999, end: 1999 }]);
    for (const r of rs) assert.ok(!/[\udc00-\udfff]/.test(text[r.start]) && !/[\ud800-\udbff]/.test(text[r.end - 1]), JSON.stringify(r));
    assert.equal(rs.map((r) => text.slice(r.start, r.end)).join(''), text);
  });

  it('splits 100,000 short lines into 100,000 paragraphs (the quotation scan stops at each paragraph end)', () => {
    const lines = Array.from({ length: 100000 }, (_, i) => (i === 70000 ? 'He said: "The depot stores 640 buses."' : `Item ${i}`));
    const paras = paragraphs(lines.join('\n'));
    assert.equal(paras.length, 100000);
    assert.deepEqual(paras.filter((p) => p.quotes.length).map((p) => p.quotes.length), [1]);
    assert.equal(paras[70000].quotes[0].innerEnd - paras[70000].quotes[0].innerStart, 'The depot stores 640 buses.'.length);
  });
});

describe('robustness: Markdown', () => {
  it('masks a draft that ends in a line with a pipe and no line break (it threw)', () => {
    assert.deepEqual(maskMarkdown('The council met.\n\nA | B'), { text: 'The council met.\n\nA   B', blockStarts: new Set(), headings: new Set() });
  });

  it('masks links, images, references and footnotes as before, found in one pass', () => {
    assert.equal(maskMarkdown('See [the report](https://e.com/r) and [the annex][a], ![chart](c.png) or [a note] (not a link).').text,
      'See  the report                   and  the annex    ,                 or [a note] (not a link).');
    assert.equal(maskMarkdown('[[nested]](x) and [a [b](c) d] and [^1] and [^open').text, '[[nested]](x) and  a [b     d] and      and [^open');
  });

  it('reads lines of 100,000 brackets, footnote marks, spaces or carriage returns', () => {
    for (const line of ['['.repeat(100000), '[^'.repeat(50000), '!['.repeat(50000), `${'['.repeat(50000)}]`, ' '.repeat(100000), '\r'.repeat(100000), `${'--- '.repeat(25000)}x`]) {
      const m = maskMarkdown(line);
      assert.equal(m.text.length, line.length);
      assert.equal(m.text, line, JSON.stringify(line.slice(0, 8)));
    }
  });

  it('takes an autolink to end before a "<", as CommonMark does', () => {
    assert.equal(maskMarkdown('Go to <http://a.example/x> now.').text, 'Go to                      now.');
    // "<b>" is a tag of its own: the "<http://a" before it is text
    assert.equal(maskMarkdown('<http://a<b>').text, '<http://a   ');
  });
});

describe('robustness: HTML nested past 512 levels', () => {
  const open = (n: number, tag = 'div') => `<${tag}>`.repeat(n);
  const close = (n: number, tag = 'div') => `</${tag}>`.repeat(n);

  it('reads 50,000 nested elements as it reads 5', () => {
    const body = '<p>One.</p><p>Two.</p>';
    assert.equal(htmlToProse(`${open(50000)}${body}${close(50000)}`).text, htmlToProse(`${open(5)}${body}${close(5)}`).text);
    assert.equal(htmlToProse(`${open(50000)}${body}${close(50000)}`).text, 'One.\n\nTwo.');
  });

  it('still drops scripts and page chrome down there, and keeps lines', () => {
    assert.equal(htmlToProse(`${open(600)}<script>var x = 9;</script><p>Kept.</p>`).text, 'Kept.');
    assert.equal(htmlToProse(`${open(600)}<div class="cookie-banner">Cookies 3</div><nav>Menu 4</nav><p>Kept.</p>`).text, 'Kept.');
    const p = htmlToProse(`${open(700)}\n<p>Line two.</p>\n<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>`);
    assert.equal(p.text, 'Line two.\n\nA; B\n\nA: 1; B: 2');
    assert.deepEqual([p.lineOf(0), p.lineOf(p.text.indexOf('A: 1'))], [2, 3]);
  });

  it('closes the deep part and goes on at the top, whatever stays unclosed', () => {
    assert.equal(htmlToProse(`${open(1000)}Deep.${close(1000)}<p>After.</p>`).text, 'Deep.\n\nAfter.');
    assert.equal(htmlToProse(`<p>First.</p>${open(50000, 'div><span')}tail`).text, 'First.\n\ntail');
    assert.equal(htmlToProse(`${open(600)}<div/><span>a<span>b<br>c${open(3000, 'span')}</p>end`).text, 'ab\n\nc\n\nend');
  });
});
