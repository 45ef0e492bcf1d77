// Reporters' folders are full of odd files. Each case puts one bad thing next to a good source:
// the server stays up, still checks the draft against the good file, says what it skipped and
// why (at most one window message per build, the details in the log), and touches nothing.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { RobustClient, StartOptions, brief, removeTree, snapshotTree, tempWorkspace } from '../helpers/robust-lsp';

const GOOD = 'The council approved 14 new schools on Monday.\n';
const DRAFT = 'The council approved 12 new schools on Monday.\n';
const GOOD_FLAG = '0:21-0:23 conflicting-figure';
/** bounds: the first index build of a small odd corpus, and the first check of a two-line draft */
const BUILD_MS = 20000, CHECK_MS = 10000;

interface Case {
  name: string;
  /** makes the bad thing inside the corpus folder */
  make(corpus: string): void;
  /** log lines the build must write (each skip and its reason, or a note) */
  log?: RegExp | RegExp[];
  /** how many files the build skips (and so sends one window message about) */
  skips?: number;
  /** a second draft paragraph that only the bad file can support or contradict, and the flag it must get */
  extra?: { draft: string; flag: string };
  /** start options (e.g. another user) */
  start?: () => StartOptions | undefined;
  /** why the case cannot run here, if it cannot */
  unavailable?: () => string | undefined;
}

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Bytes of a small PNG-like binary: a header, NULs, and noise. */
function binary(n: number): Buffer {
  const b = Buffer.alloc(n);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  for (let i = 8, x = 12345; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; b[i] = x >>> 24; }
  return b;
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

/** 20 MB of plain prose with line breaks. */
function twentyMegabytes(): Buffer {
  const line = 'The committee met again and discussed the harbour works at some length without a vote.\n';
  return Buffer.from(line.repeat(Math.ceil((20 * 1048576) / line.length)));
}

const CASES: Case[] = [
  {
    name: 'a binary file named .txt',
    make: (c) => writeFileSync(path.join(c, 'photo.txt'), binary(64 * 1024)),
    log: /^\[warn\] Folder\.build: skipped corpus\/photo\.txt: binary file \(not text\)$/m, skips: 1,
  },
  {
    name: 'invalid UTF-8 (read as Windows-1252, with a note)',
    make: (c) => writeFileSync(path.join(c, 'latin.txt'), Buffer.concat([Buffer.from('The mayor of Mal'), Buffer.from([0xe9]), Buffer.from(' opened 7 libraries in March. Bad bytes: '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from('\n')])),
    log: /^\[info\] Folder\.build: corpus\/latin\.txt: not valid UTF-8; read as Windows-1252$/m,
    extra: { draft: 'The mayor of Malé opened 9 libraries in March.\n', flag: '2:25-2:26 conflicting-figure' },
  },
  {
    name: 'UTF-16 little-endian with a BOM',
    make: (c) => writeFileSync(path.join(c, 'wide-le.txt'), utf16('The port handled 31 cargo ships in April.\r\n', false)),
    log: /^\[info\] Folder\.build: corpus\/wide-le\.txt: UTF-16 \(little-endian\)$/m,
    extra: { draft: 'The port handled 35 cargo ships in April.\n', flag: '2:17-2:19 conflicting-figure' },
  },
  {
    name: 'UTF-16 big-endian with a BOM',
    make: (c) => writeFileSync(path.join(c, 'wide-be.txt'), utf16('The port handled 31 cargo ships in April.\n', true)),
    log: /^\[info\] Folder\.build: corpus\/wide-be\.txt: UTF-16 \(big-endian\)$/m,
    extra: { draft: 'The port handled 35 cargo ships in April.\n', flag: '2:17-2:19 conflicting-figure' },
  },
  {
    name: 'a 20 MB text file (over the 10 MB limit)',
    make: (c) => writeFileSync(path.join(c, 'huge.txt'), twentyMegabytes()),
    log: /^\[warn\] Folder\.build: skipped corpus\/huge\.txt: larger than the size limit \(20\.0 MB > 10\.0 MB\)$/m, skips: 1,
  },
  {
    name: 'malformed HTML',
    make: (c) => writeFileSync(path.join(c, 'broken.html'), '<html><head><title>Museum</title><body><p>The museum received <b>450 paintings</i> from donors in 2019.<p>Unclosed <div><span><table><tr><td>cell</p></li></body></html><<<>>> <!-- never closed <p attr="x'),
    extra: { draft: 'The museum received 480 paintings from donors in 2019.\n', flag: '2:20-2:23 conflicting-figure' },
  },
  {
    name: 'deeply nested HTML (50,000 divs)',
    make: (c) => writeFileSync(path.join(c, 'nested.html'), `<html><body>${'<div>'.repeat(50000)}<p>The bridge carries 12,000 cars a day.</p>${'</div>'.repeat(50000)}</body></html>\n`),
    extra: { draft: 'The bridge carries 15,000 cars a day.\n', flag: '2:19-2:25 conflicting-figure' },
  },
  {
    name: 'deeply nested HTML never closed (50,000 open spans and 50,000 open divs)',
    make: (c) => writeFileSync(path.join(c, 'unclosed.html'), `<p>The bridge carries 12,000 cars a day.</p>${'<div><span>'.repeat(50000)}tail`),
    extra: { draft: 'The bridge carries 15,000 cars a day.\n', flag: '2:19-2:25 conflicting-figure' },
  },
  {
    name: 'an empty file',
    make: (c) => { writeFileSync(path.join(c, 'empty.txt'), ''); writeFileSync(path.join(c, 'empty.html'), ''); writeFileSync(path.join(c, 'blank.md'), '\n\n   \n'); },
  },
  {
    name: 'an unreadable file (no read permission)',
    make: (c) => { writeFileSync(path.join(c, 'secret.txt'), 'The council approved 12 new schools on Monday.\n'); chmodSync(path.join(c, 'secret.txt'), 0o000); },
    log: /^\[warn\] Folder\.build: skipped corpus\/secret\.txt: permission denied$/m, skips: 1,
    // root reads anything: run the server as nobody then, with the workspace readable to it
    start: () => (isRoot ? { uid: NOBODY, gid: NOBODY } : undefined),
    unavailable: () => {
      if (!isRoot) return undefined;
      try { execFileSync(process.execPath, ['-e', '0'], { uid: NOBODY, gid: NOBODY }); return undefined; } catch (e) { return `running as root and cannot start node as nobody (${String(e)})`; }
    },
  },
  {
    name: 'a FIFO named .txt (nobody ever writes to it)',
    make: (c) => mkfifoSyncOrThrow(path.join(c, 'pipe.txt')),
    // never opened (that would block for ever), but named in the log like any other skipped file
    log: /^\[warn\] Folder\.build: skipped corpus\/pipe\.txt: not a regular file \(a pipe, socket or device\)$/m, skips: 1,
  },
  {
    name: 'a folder named x.txt',
    make: (c) => { mkdirSync(path.join(c, 'folder.txt')); writeFileSync(path.join(c, 'folder.txt', 'inner.txt'), 'The harbour has 3 cranes.\n'); },
  },
  {
    name: 'a dangling symbolic link',
    make: (c) => symlinkSync(path.join(c, 'gone.txt'), path.join(c, 'dangling.txt')),
    log: /^\[warn\] Folder\.build: skipped corpus\/dangling\.txt: file not found \(deleted\?\)$/m, skips: 1,
  },
  {
    name: 'a symbolic link loop (a folder linking to its parent, a file linking to itself)',
    make: (c) => { mkdirSync(path.join(c, 'sub')); symlinkSync('..', path.join(c, 'sub', 'up')); symlinkSync('self.txt', path.join(c, 'self.txt')); },
    log: [/^\[warn\] Folder\.build: skipped corpus\/self\.txt: symbolic link loop$/m, /^\[warn\] Folder\.build: skipped corpus\/sub\/up: symbolic link loop \(folder already read\)$/m], skips: 2,
  },
  {
    name: 'a link to a file outside the workspace (not configured: skipped, and never read)',
    // the file outside says 12, like the draft: read, it would turn the draft's conflict into support
    make: (c) => symlinkSync(path.join(outsideFolder(), 'secret.txt'), path.join(c, 'outside.txt')),
    log: /^\[warn\] Folder\.build: skipped corpus\/outside\.txt: a link to \/.*\/secret\.txt, outside the workspace \(add that folder to corroborate\.corpus\.paths to read it\)$/m, skips: 1,
  },
  {
    name: 'a Markdown source ending in a table row without a line break',
    // the Markdown masker read past the last line and threw: the file was lost to the index
    make: (c) => writeFileSync(path.join(c, 'table.md'), 'The ferry carries 220 passengers.\n\n| Route | Boats'),
    extra: { draft: 'The ferry carries 250 passengers.\n', flag: '2:18-2:21 conflicting-figure' },
  },
  {
    name: 'a file of 100,000 short lines',
    make: (c) => writeFileSync(path.join(c, 'lines.txt'), `${Array.from({ length: 100000 }, (_, i) => (i === 70000 ? 'The depot stores 640 buses.' : `Item ${i}`)).join('\n')}\n`),
    extra: { draft: 'The depot stores 700 buses.\n', flag: '2:17-2:20 conflicting-figure' },
  },
  {
    name: 'Arabic, Chinese and emoji text',
    make: (c) => writeFileSync(path.join(c, 'scripts.md'), [
      '# تقرير 📰', '', 'وافق المجلس على بناء 14 مدرسة جديدة يوم الاثنين.', '', '市议会周一批准新建14所学校。', '',
      '🎉🎉 The festival drew 8,000 visitors 👩‍👩‍👧 on Saturday. 🇫🇷', '', 'Zoë and Chloé 😀 paid 𝟒𝟓 dollars.', '',
    ].join('\n')),
    extra: { draft: '🎉 The festival drew 9,000 visitors on Saturday.\n', flag: '2:21-2:26 conflicting-figure' },
  },
];

let outside: string | undefined;
/** A folder outside every workspace, with a file that would change the draft's verdict if it were read. */
function outsideFolder(): string {
  if (!outside) {
    outside = mkdtempSync(path.join(tmpdir(), 'corroborate-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'The council approved 12 new schools on Monday.\n');
  }
  return outside;
}

/** Node has no mkfifo; the system's does. */
function mkfifoSyncOrThrow(p: string): void { execFileSync('mkfifo', [p]); }

async function runCase(ws: string, start: StartOptions | undefined, extra: Case['extra']): Promise<RobustClient> {
  const lsp = new RobustClient(ws, start);
  await lsp.initialize();
  await lsp.indexed(BUILD_MS);
  const text = DRAFT + (extra ? `\n${extra.draft}` : '');
  const uri = lsp.open('draft.txt', text);
  const flags = (await lsp.diagnosticsFor(uri, 1, CHECK_MS)).map(brief);
  assert.deepEqual(flags, extra ? [GOOD_FLAG, extra.flag] : [GOOD_FLAG], `flags of the draft:\n${text}\nlog:\n${lsp.logText()}`);
  // still answering
  const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 22 } }, 5000);
  assert.match(h.contents.value, /^\*\*Conflicting figure\*\*/);
  return lsp;
}

describe('robustness: a bad-input corpus', function () {
  this.timeout(120000);
  after(() => { if (outside) removeTree(outside); });

  for (const c of CASES) {
    it(`survives ${c.name}`, async function () {
      const why = c.unavailable?.();
      if (why) { console.log(`      skipped: ${why}`); this.skip(); }
      const ws = tempWorkspace({ 'corpus/good.txt': GOOD });
      const corpus = path.join(ws, 'corpus');
      c.make(corpus);
      const start = c.start?.();
      if (start?.uid !== undefined) { chmodSync(ws, 0o755); chmodSync(corpus, 0o755); }
      const before = snapshotTree(corpus);
      let lsp: RobustClient | undefined;
      try {
        if (start?.uid !== undefined) {
          // the case only means something if this user cannot read the file
          assert.equal((statSync(path.join(corpus, 'secret.txt')).mode & 0o777), 0);
        }
        lsp = await runCase(ws, start ? { ...start, storagePath: undefined } : undefined, c.extra);
        const log = lsp.logText();
        for (const re of [c.log ?? []].flat()) assert.match(log, re, `log:\n${log}`);
        const warnings = lsp.messages.filter((m) => m.type <= 2);
        if (c.skips) {
          assert.equal(warnings.length, 1, `one window message: ${JSON.stringify(lsp.messages)}`);
          assert.match(warnings[0].message, new RegExp(`^Corroborate: skipped ${c.skips} source file\\(s\\) in ws \\(.+\\)\\. See the output channel for details\\.$`));
        } else {
          assert.deepEqual(lsp.messages, [], 'nothing skipped, no window message');
          assert.doesNotMatch(log, /Folder\.build: skipped/);
        }
        assert.equal(lsp.exited, null);
      } finally {
        await lsp?.stop();
        const after = snapshotTree(corpus);
        removeTree(ws);
        assert.deepEqual(after, before, 'no source file was created, changed or touched');
      }
    });
  }

  it('survives every bad case at once: one window message for the build, every skip in the log', async () => {
    const ws = tempWorkspace({ 'corpus/good.txt': GOOD });
    const corpus = path.join(ws, 'corpus');
    for (const c of CASES) if (!c.start) c.make(corpus);
    const before = snapshotTree(corpus);
    let lsp: RobustClient | undefined;
    try {
      const extras = CASES.filter((c) => !c.start && c.extra);
      lsp = new RobustClient(ws);
      await lsp.initialize();
      await lsp.indexed(2 * BUILD_MS);
      const text = [DRAFT, ...extras.map((c) => c.extra!.draft)].join('\n');
      const uri = lsp.open('draft.txt', text);
      const flags = (await lsp.diagnosticsFor(uri, 1, 2 * CHECK_MS)).map(brief);
      assert.equal(flags[0], GOOD_FLAG);
      assert.deepEqual(flags.map((f) => f.split(' ')[1]), Array(1 + extras.length).fill('conflicting-figure'), `flags: ${flags.join(', ')}`);
      const log = lsp.logText();
      for (const c of CASES) if (!c.start) for (const re of [c.log ?? []].flat()) assert.match(log, re, `${c.name}; log:\n${log}`);
      const warnings = lsp.messages.filter((m) => m.type <= 2);
      assert.equal(warnings.length, 1, JSON.stringify(lsp.messages));
      const skips = CASES.filter((c) => !c.start).reduce((n, c) => n + (c.skips ?? 0), 0);
      assert.match(warnings[0].message, new RegExp(`^Corroborate: skipped ${skips} source file\\(s\\) in ws \\(.+; …\\)\\. See the output channel for details\\.$`));
      // a second build of the same folder says nothing new in a window
      await lsp.request('workspace/executeCommand', { command: 'corroborate.reindex', arguments: [] }, 60000);
      assert.equal(lsp.messages.filter((m) => m.type <= 2).length, 1, JSON.stringify(lsp.messages));
      assert.equal(lsp.exited, null);
    } finally {
      await lsp?.stop();
      const after = snapshotTree(corpus);
      removeTree(ws);
      assert.deepEqual(after, before, 'no source file was created, changed or touched');
    }
  });

  it('stays up with an empty corpus folder: the draft gets no flag and the log says 0 files', async () => {
    const ws = tempWorkspace({});
    mkdirSync(path.join(ws, 'corpus'));
    const lsp = new RobustClient(ws);
    try {
      await lsp.initialize();
      const build = await lsp.indexed();
      assert.match(build.message, /^\[info\] Folder\.build: ws: 0 files, 0 sentences in \d+ ms/);
      const uri = lsp.open('draft.txt', DRAFT);
      assert.deepEqual(await lsp.diagnosticsFor(uri, 1), []);
      assert.equal(await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 22 } }, 5000), null);
      assert.equal(lsp.exited, null);
    } finally { await lsp.stop(); removeTree(ws); }
  });

  it('stays up without a corpus folder, says so in one window message, and creates nothing', async () => {
    const ws = tempWorkspace({});
    const lsp = new RobustClient(ws);
    try {
      await lsp.initialize();
      await lsp.indexed();
      const uri = lsp.open('draft.txt', DRAFT);
      assert.deepEqual(await lsp.diagnosticsFor(uri, 1), []);
      await lsp.request('workspace/executeCommand', { command: 'corroborate.reindex', arguments: [] });
      assert.deepEqual(lsp.messages.map((m) => m.type), [2]);
      assert.match(lsp.messages[0].message, /^Corroborate: no corpus folder in ws \(looked for corpus\)\./);
      assert.deepEqual(snapshotTree(ws), {});
    } finally { await lsp.stop(); removeTree(ws); }
  });
});
