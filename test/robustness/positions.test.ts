// Drafts that stress positions: LSP counts characters in UTF-16 code units and ends lines at
// \n, \r\n or \r. Whatever precedes a flagged figure (CRLF, tabs, emoji, other astral
// characters, combining marks), the range must cover exactly the figure's characters, and so
// must the hover's range and the quick fix's edit. Then very large drafts: checked or skipped
// with a visible reason, and every request answered within a bound.
import { strict as assert } from 'node:assert';
import { Diag, EditedDocument, RobustClient, positionAt, removeTree, tempWorkspace, textAt } from '../helpers/robust-lsp';

const CORPUS = {
  'corpus/council.txt': 'The council approved 14 new schools on Monday.\n',
  'corpus/port.md': '# Port\n\nThe port handled 31 cargo ships in April.\n',
  // precomposed, where a draft below writes the same names with combining marks
  'corpus/people.txt': 'Zo\u00eb and Jos\u00e9 spoke at the meeting.\n',
};
const SENTENCE = 'The council approved 12 new schools on Monday.';

interface Case { name: string; draft: string; languageId?: string }

/**
 * Drafts with one wrong figure ("12", or "35" for the port), and odd things before it. The
 * words around are ones the sources support or that are no claim ("Summary"), so the figures
 * are the only flags. ("Intro." on a line of its own is flagged as an unsupported name: an engine
 * false alarm, reported to the rules' owner and kept out of these fixtures.)
 */
const CASES: Case[] = [
  { name: 'LF', draft: `Summary.\n\n${SENTENCE}\n` },
  { name: 'CRLF line endings', draft: `Summary line one.\r\n\r\nSecond summary line.\r\n\r\n${SENTENCE}\r\n` },
  { name: 'CR-only line endings (old Mac)', draft: `Summary line one.\r\rSecond summary line.\r\r${SENTENCE}\r` },
  { name: 'mixed line endings', draft: `One.\r\nTwo.\n\rThree.\r\r\n${SENTENCE}\n` },
  { name: 'tabs before and inside the line', draft: `\tSummary.\n\n\t\t${SENTENCE.replace('approved 12', 'approved\t12')}\n` },
  { name: 'emoji before the figure on its line', draft: `Summary.\n\n😀🎉 ${SENTENCE}\n` },
  { name: 'emoji right before the figure', draft: `Summary.\n\nThe council approved 😀12 new schools on Monday.\n` },
  { name: 'a ZWJ family, a flag and skin tones', draft: `👩‍👩‍👧 🇫🇷 👍🏽\n\n👩‍👩‍👧🇫🇷👍🏽 ${SENTENCE}\n` },
  { name: 'astral letters (math bold, CJK extension B, Gothic)', draft: `𝐀𝐁𝐂 𠀀𠀁 𐌰𐌱\n\n𝐀𝐁 𠀀 ${SENTENCE}\n` },
  { name: 'combining marks before the figure', draft: `Zoe\u0308 and Jose\u0301.\n\nA\u0300\u0301\u0302 z\u0336a\u0337l\u0338g\u0335o\u0334. ${SENTENCE}\n` },
  { name: 'combining marks in the words just before the figure', draft: `Summary.\n\nThe cou\u0301ncil appro\u0300ved 12 new schools on Monday.\n` },
  { name: 'a lone surrogate and a BOM', draft: `\ufeffSummary \ud800 text.\n\n\udc00 ${SENTENCE}\n` },
  { name: 'Arabic and Chinese before the figure', draft: `مرحبا بالعالم. 你好，世界。\n\nمرحبا 你好 ${SENTENCE}\n` },
  { name: 'Markdown around the figure', draft: `# Heading 😀\r\n\r\n> quote\r\n\r\n- **${SENTENCE.replace('12', '*12*')}**\r\n`, languageId: 'markdown' },
  { name: 'two flags on two lines after astral characters', draft: `😀 ${SENTENCE}\r\n\r\n𝐀 The port handled 35 cargo ships in April.\r\n` },
  // the masker read past its last line and threw: the server died as this was typed
  { name: 'a Markdown draft ending in a line with a pipe and no line break', draft: `${SENTENCE}\n\nA | B`, languageId: 'markdown' },
];

/** Where each wrong figure is, in UTF-16 code units, as an LSP range. */
function expectedRanges(draft: string): { range: Diag['range']; figure: string }[] {
  const out: { range: Diag['range']; figure: string }[] = [];
  for (const m of draft.matchAll(/\b(12|35)\b/g)) out.push({ figure: m[1], range: { start: positionAt(draft, m.index!), end: positionAt(draft, m.index! + 2) } });
  return out;
}

describe('robustness: positions in odd drafts', function () {
  this.timeout(60000);
  let ws: string;
  let lsp: RobustClient;

  before(async () => {
    ws = tempWorkspace(CORPUS);
    lsp = new RobustClient(ws);
    await lsp.initialize();
    await lsp.indexed();
  });
  after(async () => { await lsp.stop(); removeTree(ws); });

  CASES.forEach((c, i) => {
    it(`puts the flag exactly on the figure: ${c.name}`, async () => {
      const rel = `drafts/d${i}.${c.languageId === 'markdown' ? 'md' : 'txt'}`;
      const uri = lsp.open(rel, c.draft, c.languageId);
      const diags = await lsp.diagnosticsFor(uri, 1);
      const want = expectedRanges(c.draft);
      assert.deepEqual(diags.map((d) => ({ code: d.code, range: d.range })), want.map((w) => ({ code: 'conflicting-figure', range: w.range })), JSON.stringify(c.draft));
      for (const d of diags) assert.match(textAt(c.draft, d.range)!, /^(12|35)$/);
      // the hover over the figure, and the quick fix, use the same characters
      const first = diags[0];
      const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: first.range.start.line, character: first.range.start.character + 1 } });
      assert.match(h.contents.value, /^\*\*Conflicting figure\*\*/);
      assert.ok(textAt(c.draft, h.range)!.includes(textAt(c.draft, first.range)!), `hover range ${JSON.stringify(h.range)}`);
      const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
      const fix = actions.find((a: any) => a.edit);
      assert.deepEqual(fix.edit.changes[uri], [{ range: first.range, newText: textAt(c.draft, first.range) === '12' ? '14' : '31' }]);
      lsp.notify('textDocument/didClose', { textDocument: { uri } });
    });
  });

  it('keeps ranges right after incremental edits that insert astral characters and CRLFs before the figure', async () => {
    const text = `Summary.\r\n\r\n${SENTENCE}\r\n`;
    const doc = new EditedDocument(lsp, lsp.open('drafts/edited.txt', text), text);
    await lsp.diagnosticsFor(doc.uri, 1);
    doc.edit(0, 0, '😀\r\n𝐀\u0301 ');                       // before everything
    doc.edit(doc.text.indexOf('The'), doc.text.indexOf('The'), '🇫🇷\t'); // on the figure's line
    doc.edit(doc.text.indexOf('approved') + 8, doc.text.indexOf('approved') + 8, ' \u0301');
    const diags = await lsp.diagnosticsFor(doc.uri, doc.version);
    assert.deepEqual(diags.map((d) => d.range), expectedRanges(doc.text).map((w) => w.range), JSON.stringify(doc.text));
    assert.equal(textAt(doc.text, diags[0].range), '12');
  });
});

describe('robustness: very large drafts', function () {
  this.timeout(180000);
  let ws: string;
  let lsp: RobustClient;
  /**
   * Not a speed test (npm run bench measures speed): a bound that only a hang reaches, on a
   * slow, shared CI machine. The times are printed.
   */
  const HANG = 60000;

  before(async () => {
    ws = tempWorkspace(CORPUS);
    lsp = new RobustClient(ws);
    await lsp.initialize();
    await lsp.indexed();
  });
  after(async () => { await lsp.stop(); removeTree(ws); });

  /** Hover, code actions and F12 at a position all answer (whatever they say). */
  async function answers(uri: string, line: number, character: number): Promise<number> {
    const t0 = Date.now();
    await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }, HANG);
    await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } }, HANG);
    await lsp.request('textDocument/definition', { textDocument: { uri }, position: { line, character } }, HANG);
    return Date.now() - t0;
  }

  const FIGURE = { code: 'conflicting-figure', range: { start: { line: 0, character: 21 }, end: { line: 0, character: 23 } } };
  const first = (d: Diag[]) => d.map((x) => ({ code: x.code, range: x.range }))[0];

  it('a 5 MB draft is skipped with a visible reason (over the 2 MB default), and checked again once it is small', async () => {
    const para = `${SENTENCE} The weather was mild and the meeting ran late into the evening.\n\n`;
    const text = para.repeat(Math.ceil((5 * 1048576) / para.length));
    const uri = lsp.open('drafts/five.md', text);
    const diags = await lsp.diagnosticsFor(uri, 1, HANG);
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.range, d.message]), [['draft-too-large', 3, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'Not checked: this draft is larger than 2 MB (setting corroborate.maxDraftSizeMB).']]);
    assert.equal(await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 22 } }, HANG), null);
    await answers(uri, 0, 22);
    // an edit that keeps it large: still skipped
    const doc = new EditedDocument(lsp, uri, text);
    doc.edit(5, 5, '😀');
    assert.deepEqual((await lsp.diagnosticsFor(uri, doc.version, HANG)).map((d) => d.code), ['draft-too-large']);
    // cut to a small draft: checked again
    doc.replaceAll(`${SENTENCE}\n`);
    assert.deepEqual((await lsp.diagnosticsFor(uri, doc.version, HANG)).map((d) => ({ code: d.code, range: d.range })), [FIGURE]);
    lsp.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('a single 1 MB line of varied prose is checked: the wrong figure at its place, every range on the line', async () => {
    const words = 'council approved schools bridge carries cars harbour depot stores buses museum received paintings mayor opened libraries port handled ships'.split(' ');
    const parts: string[] = [];
    let n = 0, len = 0;
    while (len < 1048576) {
      const s = `The ${words[n % words.length]} ${words[(n * 7) % words.length]} ${n % 97} ${words[(n * 3) % words.length]} on day ${n % 28}, said official number ${n}. `;
      parts.push(s); len += s.length; n++;
    }
    const text = `${SENTENCE} ${parts.join('')}`;
    assert.equal(text.includes('\n'), false);
    const t0 = Date.now();
    const uri = lsp.open('drafts/oneline.txt', text);
    const diags = await lsp.diagnosticsFor(uri, 1, HANG);
    const ms = Date.now() - t0;
    assert.deepEqual(first(diags), FIGURE);
    assert.deepEqual(diags.filter((d) => !(d.range.start.line === 0 && d.range.end.line === 0 && d.range.start.character < d.range.end.character && d.range.end.character <= text.length)), []);
    const hover = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 22 } }, HANG);
    assert.equal(hover.contents.value.split('\n')[0], '**Conflicting figure** · sources give **14 new schools** · suggested: **14**');
    const answered = await answers(uri, 0, text.length - 10);
    console.log(`      1 MB line: ${diags.length} diagnostics in ${ms} ms; hover, code action and F12 at its end in ${answered} ms`);
    lsp.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('a single 1 MB line without any sentence end is checked: read in pieces of at most 1,000 characters', async () => {
    const parts: string[] = [];
    for (let i = 0, len = 0; len < 1048576; i++) { const w = i % 5 === 0 ? `${i}` : `word${i % 50}`; parts.push(w); len += w.length + 1; }
    const text = `${SENTENCE.slice(0, -1)} ${parts.join(' ')}`;
    const t0 = Date.now();
    const uri = lsp.open('drafts/runon.txt', text);
    const diags = await lsp.diagnosticsFor(uri, 1, HANG);
    const ms = Date.now() - t0;
    assert.deepEqual(first(diags), FIGURE);
    assert.deepEqual(diags.filter((d) => !(d.range.start.line === 0 && d.range.end.line === 0 && d.range.end.character <= text.length)), []);
    // the last number of the line is a claim too: the pieces reach the end
    const lastNumber = text.lastIndexOf(' ') + 1;
    assert.match(text.slice(lastNumber), /^word\d+$|^\d+$/);
    const lastFlag = diags[diags.length - 1];
    assert.ok(text.length - lastFlag.range.end.character < 60, `the last flag is near the end: ${JSON.stringify(lastFlag.range)} of ${text.length}`);
    const answered = await answers(uri, 0, 22);
    console.log(`      1 MB run-on line: ${diags.length} diagnostics in ${ms} ms; requests in ${answered} ms`);
    lsp.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('a 5 MB draft with the limit raised is checked (ROBUST_HEAVY=1)', async function () {
    if (!process.env.ROBUST_HEAVY) { console.log('      (set ROBUST_HEAVY=1 to run)'); this.skip(); }
    lsp.configuration = { maxDraftSizeMB: 10 };
    lsp.notify('workspace/didChangeConfiguration', { settings: null });
    const para = `${SENTENCE} The weather was mild and the meeting ran late into evening number `;
    const text = Array.from({ length: Math.ceil((5 * 1048576) / (para.length + 10)) }, (_, i) => `${para}${i}.\n\n`).join('');
    const t0 = Date.now();
    const uri = lsp.open('drafts/five-raised.md', text);
    const diags = await lsp.diagnosticsFor(uri, 1, 5 * HANG);
    assert.deepEqual(first(diags), FIGURE);
    console.log(`      5 MB draft, limit raised: ${diags.length} diagnostics in ${Date.now() - t0} ms; requests in ${await answers(uri, 0, 22)} ms`);
  });
});
