// A fuzz session against the server over stdio: random edits to a draft (typing, deletions,
// pastes of source sentences, undo-like reversals, odd characters), with hovers, code actions
// and F12 in between. It asserts: no crash and no error in the log; no response slower than
// 1 s; every published range inside the text of its version; the flags after the last edit the
// same as a fresh check of the final text; live memory (after a full collection) at the end
// within 20% of what it was after the first 1,000 edits.
//
// The seed is printed; replay a failure with ROBUST_FUZZ_SEED=<seed>. The default length
// suits CI; ROBUST_FUZZ_EDITS=10000 (npm run test:fuzz) runs the full session.
// ROBUST_FUZZ_VERBOSE=1 prints the slowest requests; ROBUST_FUZZ_DUMP=<prefix> writes the draft
// whenever a response is late.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/fixture';
import { Diag, EditedDocument, FAULTS, RobustClient, linesOf, poll, prng, removeTree, tempWorkspace } from '../helpers/robust-lsp';

const SEED = Number(process.env.ROBUST_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const EDITS = Number(process.env.ROBUST_FUZZ_EDITS ?? 2000);
/** the bound for any response */
const SLOWEST_MS = 1000;
/** memory is compared after this many edits and at the end */
const BASELINE_AT = Math.min(1000, Math.floor(EDITS / 2));

const CORPUS_DIR = path.join(ROOT, 'corpus');
const SOURCES = readdirSync(CORPUS_DIR).map((f) => readFileSync(path.join(CORPUS_DIR, f), 'utf8'));
const SOURCE_SENTENCES = SOURCES.flatMap((t) => t.split(/(?<=[.!?])\s+/)).map((s) => s.trim()).filter((s) => s.length > 20 && s.length < 400);
const DRAFT = readFileSync(path.join(ROOT, 'examples', 'draft.md'), 'utf8');
const WORDS = [...new Set(SOURCES.join(' ').split(/\s+/).filter((w) => /^[\p{L}]{2,}$/u.test(w)))];
const ODD = ['1,500', '2,000', '$4 billion', '12%', 'August 3', 'July 26, 2023', 'Aug. 5', '"We will leave," he said.', '\u201cNo,\u201d', 'Macron', 'Tiani',
  '\n', '\r\n', '\n\n', '\t', '😀', '👩\u200d👩\u200d👧', '🇫🇷', 'e\u0301', 'A\u0300\u0301', 'مرحبا', '你好', '𝐀', '# ', '- ', '> ', '**', '_', '[', '](', ')', '|', '`', '<', '>', '...', '\u2026', '—', ' ', '  ', '.', ',', ':', ';', "'", '"'];

interface Undo { start: number; end: number; text: string }

describe('robustness: fuzz', function () {
  // the default run takes well under a minute; the bound is for slow machines and the full run
  this.timeout(Math.max(120000, EDITS * 100));

  it(`survives ${EDITS} random edits with requests in between (seed ${SEED})`, async () => {
    console.log(`      fuzz seed ${SEED}, ${EDITS} edits (replay: ROBUST_FUZZ_SEED=${SEED} ROBUST_FUZZ_EDITS=${EDITS})`);
    const rnd = prng(SEED);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(a: readonly T[]): T => a[int(a.length)];
    // the seed corpus: five real articles, boilerplate and all
    const ws = tempWorkspace(Object.fromEntries(readdirSync(CORPUS_DIR).map((f) => [`corpus/${f}`, readFileSync(path.join(CORPUS_DIR, f))])));
    const memDir = mkdtempSync(path.join(tmpdir(), 'corroborate-fuzz-'));
    const memFile = path.join(memDir, 'memory.json');
    const lsp = new RobustClient(ws, { nodeArgs: ['--expose-gc', '--require', FAULTS], env: { ROBUST_MEMORY_FILE: memFile }, configuration: { debounceMs: 0 } });
    /** texts by version, kept for a while to check the ranges published for them */
    const texts = new Map<number, string>();
    let rangesChecked = 0, waits = 0, step = 0;
    const dumped = new Set<number>();
    const where = () => `seed ${SEED}, edit ${step}`;

    const memory = async (): Promise<{ heap: number; rss: number; loop: number }> => {
      rmSync(memFile, { force: true });
      process.kill(lsp.pid, 'SIGUSR2');
      await poll(() => existsSync(memFile), 'the server\'s memory report', 20000);
      const m = JSON.parse(readFileSync(memFile, 'utf8')) as { heapUsed: number; rss: number; loopDelayMaxMs: number };
      return { heap: m.heapUsed, rss: m.rss, loop: m.loopDelayMaxMs };
    };

    const checkRanges = (version: number, diags: Diag[]) => {
      const text = texts.get(version);
      if (text === undefined) return;
      const lines = linesOf(text);
      for (const d of diags) {
        const { start, end } = d.range;
        const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
        assert.ok(inside(start) && inside(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character)),
          `${where()}: range ${JSON.stringify(d.range)} of ${d.code} is not inside version ${version} (${lines.length} lines)`);
        rangesChecked++;
      }
    };

    try {
      await lsp.initialize();
      await lsp.indexed();
      const doc = new EditedDocument(lsp, lsp.open('draft.md', DRAFT), DRAFT);
      texts.set(1, DRAFT);
      await lsp.diagnosticsFor(doc.uri, 1);
      const undo: Undo[] = [];
      let baseline: { heap: number; rss: number; loop: number } | undefined;

      /**
       * An offset LSP can name: not between a CR and its LF (no position is; the server's
       * document would put the edit before the CR). Inside a surrogate pair it can, and a client
       * might, now and then.
       */
      const nameable = (o: number): number => (doc.text[o - 1] === '\r' && doc.text[o] === '\n' ? o - 1 : o);
      const offset = (): number => {
        let o = int(doc.text.length + 1);
        const c = doc.text.charCodeAt(o);
        if (c >= 0xdc00 && c <= 0xdfff && rnd() < 0.95) o--;
        return nameable(o);
      };
      const edit = (start: number, end: number, insert: string, record = true) => {
        start = nameable(start); end = Math.max(start, nameable(end));
        if (record) undo.push({ start, end: start + insert.length, text: doc.text.slice(start, end) });
        if (undo.length > 50) undo.shift();
        doc.edit(start, end, insert);
        texts.set(doc.version, doc.text);
        texts.delete(doc.version - 200);
      };

      for (step = 1; step <= EDITS; step++) {
        const r = rnd();
        const big = doc.text.length > 20000;
        if (r < 0.35 && !big) {
          // typing: a few characters, a word, a figure or something odd
          const at = offset();
          const piece = rnd() < 0.5 ? pick(WORDS) + (rnd() < 0.7 ? ' ' : '') : pick(ODD);
          edit(at, at, piece);
        } else if (r < 0.6) {
          // deleting: a character, a word's worth, or a line
          const at = offset();
          const len = rnd() < 0.6 ? 1 + int(3) : rnd() < 0.8 ? int(30) : int(400);
          edit(at, Math.min(doc.text.length, at + len), '');
        } else if (r < 0.72 && !big) {
          // pasting a source sentence, sometimes with a figure changed
          const at = offset();
          let s = pick(SOURCE_SENTENCES);
          if (rnd() < 0.5) s = s.replace(/\d[\d,]*/, () => String(1 + int(5000)));
          edit(at, at, `${rnd() < 0.5 ? '\n\n' : ' '}${s}`);
        } else if (r < 0.9 && undo.length) {
          // undo-like: the last edit reversed exactly
          const u = undo.pop()!;
          edit(u.start, u.end, u.text, false);
        } else if (r < 0.93) {
          // a selection replaced by a paste of another part of the draft
          const a = offset(), b = Math.min(doc.text.length, a + int(200));
          const from = offset();
          edit(a, b, doc.text.slice(from, Math.min(doc.text.length, from + int(300))));
        } else {
          // typing without a sentence end for a while: a long run-on line
          const at = offset();
          edit(at, at, Array.from({ length: 5 + int(40) }, () => pick(WORDS)).join(' '));
        }

        // requests in between, at random places, while checks run
        const q = rnd();
        if (q < 0.12) {
          const p = doc.positionAt(offset());
          const h = await lsp.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: p });
          if (h?.range) checkRanges(doc.version, [{ range: h.range, message: 'hover', code: 'hover' }]);
        } else if (q < 0.18) {
          const published = lsp.diagnostics.get(doc.uri);
          const diags = published?.version === doc.version ? published.diagnostics : [];
          const a = offset(), b = Math.min(doc.text.length, a + int(100));
          const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: doc.positionAt(a), end: doc.positionAt(b) }, context: { diagnostics: diags.slice(0, 3) } });
          for (const act of actions ?? []) for (const e of act.edit?.changes?.[doc.uri] ?? []) checkRanges(doc.version, [{ range: e.range, message: 'fix', code: 'fix' }]);
        } else if (q < 0.2) {
          await lsp.request('textDocument/definition', { textDocument: { uri: doc.uri }, position: doc.positionAt(offset()) });
        }
        // now and then, wait for the check of this very version, as a pause in typing
        if (rnd() < 0.12) {
          checkRanges(doc.version, await lsp.diagnosticsFor(doc.uri, doc.version, 30000));
          waits++;
        }
        // ROBUST_FUZZ_DUMP=<prefix>: the draft as it was when a response came late, to replay in-process
        const last = lsp.timings[lsp.timings.length - 1];
        if (process.env.ROBUST_FUZZ_DUMP && last && last.ms > SLOWEST_MS && !dumped.has(lsp.timings.length)) {
          dumped.add(lsp.timings.length);
          writeFileSync(`${process.env.ROBUST_FUZZ_DUMP}-${step}.md`, doc.text);
          console.log(`      late ${last.method}: ${last.ms.toFixed(0)} ms at edit ${step} (${doc.text.length} characters)`);
        }
        if (lsp.exited !== null) assert.fail(`${where()}: the server exited (${lsp.exited}): ${lsp.stderr.slice(-800)}`);
        if (step === BASELINE_AT) baseline = await memory();
      }
      const final = await lsp.diagnosticsFor(doc.uri, doc.version, 30000);
      checkRanges(doc.version, final);
      // every publication in the session, for the versions still known
      for (const p of lsp.published) if (p.uri === doc.uri && p.version !== undefined) checkRanges(p.version, p.diagnostics);

      // the flags after all these edits are the flags of a fresh check of the final text
      const fresh = lsp.open('fresh.md', doc.text);
      const key = (d: Diag) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
      assert.deepEqual(final.map(key), (await lsp.diagnosticsFor(fresh, 1, 30000)).map(key), `${where()}: incremental and fresh checks differ`);

      const end = await memory();
      if (process.env.ROBUST_FUZZ_VERBOSE) console.log('      slowest:', [...lsp.timings].sort((a, b) => b.ms - a.ms).slice(0, 15).map((t) => `${t.method} ${t.ms.toFixed(0)}`).join(', '), 'median', [...lsp.timings].sort((a, b) => a.ms - b.ms)[lsp.timings.length >> 1].ms.toFixed(1));
      const slowest = lsp.timings.reduce((m, t) => (t.ms > m.ms ? t : m), { method: '', ms: 0 });
      const drift = (a: number, b: number) => `${((b / a - 1) * 100).toFixed(1)}%`;
      console.log(`      ${EDITS} edits, ${lsp.timings.length} requests, ${waits} waits for a check, ${rangesChecked} ranges checked; slowest response ${slowest.ms.toFixed(0)} ms (${slowest.method}), the server's longest busy stretch ${end.loop.toFixed(0)} ms; `
        + `memory after ${BASELINE_AT} edits → end: heap ${(baseline!.heap / 1048576).toFixed(1)} → ${(end.heap / 1048576).toFixed(1)} MB (${drift(baseline!.heap, end.heap)}), RSS ${(baseline!.rss / 1048576).toFixed(0)} → ${(end.rss / 1048576).toFixed(0)} MB (${drift(baseline!.rss, end.rss)})`);

      assert.equal(lsp.exited, null);
      assert.deepEqual(lsp.logs.filter((l) => /^\[error\]/.test(l.message)).map((l) => l.message), [], `${where()}: errors in the log`);
      assert.ok(slowest.ms < SLOWEST_MS, `seed ${SEED}: the slowest response took ${slowest.ms.toFixed(0)} ms (${slowest.method}); the server was busy at most ${end.loop.toFixed(0)} ms at once`);
      // live memory, after a full collection (resident memory is printed: it follows the allocator more than the server)
      assert.ok(end.heap <= baseline!.heap * 1.2, `seed ${SEED}: live memory grew from ${baseline!.heap} to ${end.heap} bytes`);
    } finally {
      await lsp.stop();
      removeTree(ws);
      rmSync(memDir, { recursive: true, force: true });
    }
  });
});

