// The text layer: sentences, Markdown masking, HTML, stemming, source decoding.
import { strict as assert } from 'node:assert';
import { paragraphs } from '../../server/src/core/text/segment';
import { maskMarkdown } from '../../server/src/core/text/markdown';
import { labelTableCells, toProse } from '../../server/src/core/corpus/prose';
import { htmlToProse } from '../../server/src/core/text/html';
import { fold, stem, own } from '../../server/src/core/text/tokens';
import { decode, globToRegExp } from '../../server/src/node/corpus-files';

const sentences = (text: string, opts = {}) => paragraphs(text, opts).flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)));

describe('text: sentences', () => {
  it('does not break after abbreviations, initials, decimals or U.S. mid-sentence', () => {
    assert.deepEqual(sentences('Gen. Tiani met J. D. Vance on Aug. 3 in the U.S. Embassy. Debt was 7.92 billion. The end.'),
      ['Gen. Tiani met J. D. Vance on Aug. 3 in the U.S. Embassy.', 'Debt was 7.92 billion.', 'The end.']);
    assert.deepEqual(sentences('A snuffbox, Paris, c. 1765. A clock, ca. 1740. Rated c. The end.'), ['A snuffbox, Paris, c. 1765.', 'A clock, ca. 1740.', 'Rated c.', 'The end.']);
  });
  it('reads a line of scraped text as its own paragraph, and a Markdown line break as a wrap', () => {
    assert.deepEqual(sentences('France in talks with Niger officials over troops withdrawal\nShort Url\n'), ['France in talks with Niger officials over troops withdrawal', 'Short Url']);
    assert.deepEqual(sentences('About 1,500 French troops are\nstationed in Niger.\n', { lineBreaks: 'wrap' }), ['About 1,500 French troops are\nstationed in Niger.']);
  });
  it('finds a sentence end past paragraphs without one, in either order, and in another text of the same length', () => {
    const text = 'No mark here\n\nNor here\n\nBut here. And here! Last?\n\nA tail';
    assert.deepEqual(sentences(text), ['No mark here', 'Nor here', 'But here.', 'And here!', 'Last?', 'A tail']);
    // a paragraph segmented alone (as a check does), after one further on
    const [p1, p2, p3] = paragraphs(text);
    assert.deepEqual(paragraphs(text.slice(0, p3.end)).map((p) => p.sentences.length), [1, 1, 3]);
    assert.deepEqual([p1, p2, p3].map((p) => p.sentences.length), [1, 1, 3]);
    const other = text.replace('But here. And here! Last?', 'But here, and here, last.');
    assert.equal(other.length, text.length);
    assert.deepEqual(sentences(other), ['No mark here', 'Nor here', 'But here, and here, last.', 'A tail']);
    assert.deepEqual(sentences(text), ['No mark here', 'Nor here', 'But here.', 'And here!', 'Last?', 'A tail']);
  });
});

describe('text: Markdown', () => {
  it('masks front matter, code, link targets, markers and emphasis, keeping every offset', () => {
    const src = '---\ntitle: x 2,000\n---\n# Head\n\nSome **1,500** [troops](https://e.com/9) and `code 7`.\n\n```\n900 soldiers\n```\n- item\n';
    const m = maskMarkdown(src);
    assert.equal(m.text.length, src.length);
    // prose words stay where they were; everything else is spaces
    for (const w of ['Head', 'Some', '1,500', 'troops', 'and', 'item']) assert.equal(m.text.indexOf(w), src.indexOf(w), w);
    assert.equal(m.text.replace(/\b(Head|Some|1,500|troops|and|item)\b|[.\s]/g, ''), '');
    assert.ok(m.blockStarts.has(3) && m.blockStarts.has(10));
  });
});

describe('text: Markdown tables in sources', () => {
  const table = 'Sites:\n\n| Site | Ward | Homes |\n|---|---|---:|\n| Hollins Lane | Westbury | 260 |\n| **Total** | | **1,200** |\n\nAfter | the table\n';
  it('puts the column\'s header before each cell of a body row, as for an HTML table, and ends the row as a sentence; other lines stay as they are', () => {
    assert.equal(labelTableCells(table),
      'Sites:\n\n| Site | Ward | Homes |\n|---|---|---:|\n| site: Hollins Lane; | ward: Westbury; | homes: 260. |\n| site: **Total**; |  | homes: **1,200**. |\n\nAfter | the table\n');
    assert.equal(labelTableCells('| a | b |\n| c | d |\n'), '| a | b |\n| c | d |\n');
  });
  it('keeps every line number (a row\'s sentence is on its line), and leaves a draft\'s table as typed', () => {
    const p = toProse(table, 'md');
    assert.equal(p.lineOf(p.text.indexOf('260')), 5);
    assert.equal(p.lineOf(p.text.indexOf('After')), 8);
    const d = toProse(table, 'md', { tables: false });
    assert.equal(d.text.length, table.length);
    assert.ok(!d.text.includes('homes: 260'));
  });
});

describe('text: HTML', () => {
  it('keeps the document text with its source lines, and drops scripts, navigation, asides and footers', () => {
    const html = '<html><head><title>T</title><script>var n = 90210;</script></head>\n<body><nav>Jobs (12 open)</nav>\n<main><h1>Bulletin no. 4</h1>\n<p>The river peaked at 6.4&nbsp;metres,\nthe highest since 1987.</p>\n<div class="cookie-banner">We use 3 cookies</div></main>\n<aside>Related: 40 bales</aside><footer>&copy; 2024</footer></body></html>';
    const p = htmlToProse(html);
    assert.equal(p.text, 'Bulletin no. 4\n\nThe river peaked at 6.4 metres, the highest since 1987.');
    assert.equal(p.lineOf(p.text.indexOf('The river')), 4);
    assert.equal(p.lineOf(p.text.indexOf('the highest')), 5);
  });
  it('prefixes table cells with their column header', () => {
    const p = htmlToProse('<table><tr><th>Party</th><th>Share</th></tr><tr><td>Greens</td><td>13.3%</td></tr></table>');
    assert.match(p.text, /Party: Greens; Share: 13\.3%/);
  });
});

describe('text: words', () => {
  it('stems inflections to one key and folds diacritics', () => {
    assert.deepEqual(['stationed', 'countries', 'evacuated', 'evacuate', 'troops', 'took', 'Defence'].map((w) => stem(fold(w))), ['station', 'country', 'evacuat', 'evacuat', 'troop', 'tak', 'defens']);
    assert.equal(fold('Sébastien Wróblewski'), 'sebastien wroblewski');
  });
});

describe('source files: decoding', () => {
  it('reads UTF-8, UTF-16 with a BOM, and Windows-1252; refuses binary', () => {
    assert.deepEqual(decode(Buffer.from('caf\u00e9', 'utf8')), { content: 'caf\u00e9' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('1,500 troops', 'utf16le')]);
    assert.deepEqual(decode(utf16), { content: '1,500 troops', note: 'UTF-16 (little-endian)' });
    assert.deepEqual(decode(Buffer.from([0x63, 0x61, 0x66, 0xe9])), { content: 'caf\u00e9', note: 'not valid UTF-8; read as Windows-1252' });
    assert.deepEqual(decode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08])), { skip: 'binary file (not text)' });
  });
  it('matches globs like VS Code settings do', () => {
    assert.ok(globToRegExp('corpus/**/*.{txt,md}').test('corpus/a/b/c.md'));
    assert.ok(globToRegExp('corpus/**/*.txt').test('corpus/c.txt'));
    assert.ok(!globToRegExp('corpus/*.txt').test('corpus/a/c.txt'));
  });
});

describe('own (a kept string that holds no document alive)', () => {
  it('gives the same characters, short or long, one-byte or two-byte, and a string of its own length', () => {
    const doc = `${'x'.repeat(5000)} Défense Minister Sébastien Lecornu said “1,500” ${'y'.repeat(5000)}`;
    for (const [a, b] of [[5001, 5013], [5001, 5014], [5001, 5049], [0, doc.length]]) {
      const s = doc.slice(a, b), o = own(s);
      assert.equal(o, s);
      assert.equal(o.length, b - a);
    }
    assert.equal(own(''), '');
  });
});
