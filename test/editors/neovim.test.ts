// Another editor: Debian's Neovim, headless, with its built-in LSP client and the config that
// docs/other-editors.md shows (test/editors/corroborate.lua), against the built server. The
// driver (neovim-run.lua) opens the drafts, waits for the diagnostics, hovers, goes to the
// definitions, applies a quick fix and re-indexes, and writes it all as JSON for the asserts.
// Neovim reports 0-based lines and 0-based *byte* columns (it converts the server's UTF-16).
// When nvim is missing, setup.sh installs Debian's package; the suite is skipped, saying why,
// only if that fails.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/fixture';
import { removeWorkspace, workspace } from '../helpers/lsp';

const HERE = path.join(ROOT, 'test', 'editors');
const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

const STORY = [
  '# Niger',
  '',
  'In Niamey — about 2,000 French troops are stationed in Niger.',
  '',
  'The base in Ayorou is one of three.',
  '',
  '"We\'re not just making peace for Armenia," Pashinyan said.',
  '',
  'France also keeps 900 soldiers in Senegal.',
  '',
].join('\n');
const NOTES = [
  'The United States has about 1,500 military personnel in Niger.',
  'The coup took place on 26 July and toppled President Emmanuel Bazoum.',
  '',
].join('\n');

interface NvimDiagnostic {
  lnum: number; col: number; end_lnum: number; end_col: number; severity: number;
  code: string; source: string; message: string; related: { uri: string; line: number; message: string }[];
}
interface NvimDraft {
  file: string; filetype: string; timed_out: boolean; diagnostics: NvimDiagnostic[];
  clients: { name: string; root_dir: string; offset_encoding: string }[];
  hover?: string; definitions?: { uri: string; line: number }[][];
  actions?: string[]; fixed_line?: string; after_fix?: NvimDiagnostic[];
}
interface NvimReport {
  nvim: { major: number; minor: number; patch: number }; drafts: NvimDraft[]; messages: unknown[]; publishes: number; errors: string[];
  work_done_progress: boolean; progress: { token: string; kind: string; title?: string; message?: string; percentage?: number }[];
  edit?: { republished_by_itself: boolean; after_reindex: NvimDiagnostic[] };
}
interface RunOptions { settings?: object; fix?: string[]; edit?: { file: string; from: string; to: string } }

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Runs the driver in a fresh Neovim (no user config, no shada, its own XDG folders) on drafts of `ws`. */
function runNeovim(ws: string, drafts: string[], o: RunOptions = {}): { report: NvimReport; lspLog: string } {
  const home = path.join(ws, '.nvim-home');
  const xdg = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_STATE_HOME: 'state', XDG_CACHE_HOME: 'cache' };
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  for (const [k, v] of Object.entries(xdg)) { env[k] = path.join(home, v); mkdirSync(env[k]!, { recursive: true }); }
  const out = path.join(home, 'report.json');
  Object.assign(env, {
    CORROBORATE_CONFIG: path.join(HERE, 'corroborate.lua'), CORROBORATE_SERVER: SERVER, CORROBORATE_ROOT: ws,
    CORROBORATE_DRAFTS: drafts.join(','), CORROBORATE_OUT: out, CORROBORATE_TIMEOUT_MS: '30000',
    CORROBORATE_FIX: (o.fix ?? []).join(','),
    ...(o.settings ? { CORROBORATE_SETTINGS: JSON.stringify(o.settings) } : {}),
    ...(o.edit ? { CORROBORATE_EDIT: JSON.stringify(o.edit) } : {}),
  });
  rmSync(out, { force: true });
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(HERE, 'neovim-run.lua')}`], { cwd: ws, env, encoding: 'utf8', timeout: 100000 });
  assert.ok(existsSync(out), `Neovim wrote no report (status ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as NvimReport;
  const logFile = path.join(env.XDG_CACHE_HOME!, 'nvim', 'lsp.log');
  return { report, lspLog: existsSync(logFile) ? readFileSync(logFile, 'utf8') : '' };
}

const brief = (d: NvimDiagnostic) => `${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col} ${d.severity} ${d.code}`;

/** The file a message cites as "(name.txt:LINE)" or "closest source sentence: name.txt:LINE". */
function citedFile(message: string): string {
  const m = /(\d{3}_[0-9a-f]{16}\.txt):\d+/.exec(message);
  assert.ok(m, `no source file named in: ${message}`);
  return m[1];
}

/** Neovim, or a skip (with the reason) when it is missing and cannot be installed. */
function needNeovim(ctx: Mocha.Context): void {
  if (which('nvim')) return;
  ctx.timeout(600000);
  const setup = spawnSync('bash', [path.join(HERE, 'setup.sh')], { encoding: 'utf8', timeout: 540000 });
  if (which('nvim')) return;
  console.warn(`      SKIPPED: Neovim is not installed and could not be installed (bash test/editors/setup.sh: ${(setup.stderr || setup.stdout || String(setup.error)).trim()})`);
  ctx.skip();
}

describe('Neovim (built-in LSP client, headless) against the server', function () {
  this.timeout(120000);
  let ws: string;
  let report: NvimReport;
  let lspLog: string;
  let story: NvimDraft;
  let notes: NvimDraft;

  before(function () {
    needNeovim(this);
    ws = workspace({ 'story.md': STORY, 'notes.txt': NOTES }, true);
    ({ report, lspLog } = runNeovim(ws, ['story.md', 'notes.txt'], {
      fix: ['story.md'],
      edit: { file: 'corpus/001_4aeac8238ecdb9d1.txt', from: 'With about 1,100 military personnel', to: 'With about 1,500 military personnel' },
    }));
    [story, notes] = report.drafts;
    const v = report.nvim;
    console.log(`      (Neovim ${v.major}.${v.minor}.${v.patch})`);
  });
  after(() => { if (ws) removeWorkspace(ws); });

  it('receives the diagnostics: codes, 0-based lines and byte columns, severities, the source named', () => {
    assert.deepEqual(report.errors, []);
    const v = report.nvim;
    assert.ok(v.major > 0 || v.minor >= 7, `Neovim ${v.major}.${v.minor}.${v.patch} is older than 0.7`);

    assert.deepEqual([story.file, story.filetype, story.timed_out], ['story.md', 'markdown', false]);
    assert.deepEqual(story.clients, [{ name: 'corroborate', root_dir: ws, offset_encoding: 'utf-16' }]);
    assert.deepEqual(story.diagnostics.map(brief), [
      '2:20-2:25 1 conflicting-figure', // after "—" (3 bytes, 1 UTF-16 unit): Neovim's column is in bytes
      '6:43-6:52 1 misattributed-quote',
      '8:18-8:21 2 unsupported-figure',
    ]);
    assert.equal(Buffer.from(STORY.split('\n')[2], 'utf8').subarray(20, 25).toString('utf8'), '2,000');
    const [figure, quote, unsupported] = story.diagnostics;
    assert.match(figure.message, /^Sources give 1,500 French troops \(\d{3}_[0-9a-f]{16}\.txt:\d+\), not 2,000\.$/);
    assert.equal(quote.message, 'Sources attribute this quotation to Vance (000_e34b6c3260047a95.txt:33), not Pashinyan.');
    assert.match(unsupported.message, /^No source gives 900 soldiers; closest source sentence: \d{3}_[0-9a-f]{16}\.txt:\d+\.$/);
    assert.deepEqual(quote.related.map((r) => `${path.basename(r.uri)}:${r.line}`), ['000_e34b6c3260047a95.txt:32']);

    // a .txt draft: Neovim's filetype "text" goes to the server as languageId "text", and is checked too
    assert.deepEqual([notes.file, notes.filetype, notes.timed_out], ['notes.txt', 'text', false]);
    assert.deepEqual(notes.diagnostics.map(brief), ['0:28-0:33 1 conflicting-figure', '1:53-1:68 1 conflicting-name']);
    assert.equal(notes.diagnostics[0].message, 'Sources give 1,100 military personnel (001_4aeac8238ecdb9d1.txt:11), not 1,500.');
    assert.equal(notes.diagnostics[1].message, 'Sources name Mohamed Bazoum (000_e34b6c3260047a95.txt:5), not Emmanuel Bazoum.');

    for (const d of [...story.diagnostics, ...notes.diagnostics]) {
      assert.equal(d.source, 'corroborate');
      const file = citedFile(d.message);
      assert.ok(existsSync(path.join(ws, 'corpus', file)), `${file} is not in the corpus`);
      assert.ok(d.related.some((r) => r.uri === pathToFileURL(path.join(ws, 'corpus', file)).href), `${d.code}: no related information at ${file}`);
    }
    assert.deepEqual(report.messages, [], 'no window message with a corpus in place');
    assert.doesNotMatch(lspLog, /^\[ERROR\]/m, `errors in Neovim's LSP log:\n${lspLog}`);
  });

  it('hovers, goes to the source line, and applies the quick fix from vim.lsp.buf.code_action()', () => {
    assert.match(story.hover ?? '', /^\*\*Conflicting figure\*\*/);
    assert.match(story.hover ?? '', /\[corpus\/\d{3}_[0-9a-f]{16}\.txt:\d+\]\(file:\/\/\/.+\.txt#L\d+\)/);
    // Go to Definition on each flag: the line its message cites (0-based here, 1-based in the message)
    assert.deepEqual(story.definitions!.map((locs) => locs.map((l) => `${path.basename(l.uri)}:${l.line + 1}`)),
      story.diagnostics.map((d) => [/(\d{3}_[0-9a-f]{16}\.txt:\d+)/.exec(d.message)![1]]));
    assert.deepEqual(story.actions, ["Replace with '1,500' (001_4aeac8238ecdb9d1.txt)", 'Ignore this claim']);
    assert.equal(story.fixed_line, 'In Niamey — about 1,500 French troops are stationed in Niger.');
    assert.deepEqual(story.after_fix!.map(brief), ['6:43-6:52 1 misattributed-quote', '8:18-8:21 2 unsupported-figure']);
  });

  it('a source changed on disk is re-read on "corroborate.reindex" (workspace/executeCommand)', () => {
    const { republished_by_itself, after_reindex } = report.edit!;
    // Neovim 0.7 and 0.8 offer no file watcher to the server, so nothing happens by itself
    if (report.nvim.major === 0 && report.nvim.minor < 9) assert.equal(republished_by_itself, false);
    assert.deepEqual(after_reindex.map(brief), ['1:53-1:68 1 conflicting-name'], 'the source now agrees with 1,500');
  });

  it('indexing reports LSP work-done progress: begin, "n/m files", end, at start-up and on re-index', () => {
    assert.equal(report.work_done_progress, true, 'Neovim announces window.workDoneProgress');
    const p = report.progress;
    const begins = p.filter((x) => x.kind === 'begin');
    assert.deepEqual(begins.map((b) => `${b.title} | ${b.message}`), ['Corroborate: indexing sources | 1 folder(s)', 'Corroborate: indexing sources | 1 folder(s)']);
    // at start-up the 5 files are read; the re-index reads again only the one changed on disk
    const last: string[] = [];
    for (const b of begins) {
      const mine = p.filter((x) => x.token === b.token);
      assert.equal(mine[mine.length - 1].kind, 'end', `progress ${b.token} ends`);
      const reports = mine.filter((x) => x.kind === 'report');
      assert.deepEqual(reports.filter((r) => !/^\d+\/\d+ files$/.test(r.message ?? '')), []);
      last.push(`${reports[reports.length - 1]?.message} ${reports[reports.length - 1]?.percentage}%`);
    }
    assert.deepEqual(last, ['5/5 files 100%', '1/1 files 100%']);
  });

  it('passes settings: the server asks workspace/configuration for "corroborate" and Neovim answers', () => {
    const other = workspace({ 'story.md': STORY }, true);
    try {
      const { report: r } = runNeovim(other, ['story.md'], { settings: { severity: { conflict: 'warning', unsupported: 'off' } } });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.drafts[0].diagnostics.map(brief), ['2:20-2:25 2 conflicting-figure', '6:43-6:52 2 misattributed-quote']);
    } finally { removeWorkspace(other); }
  });
});

describe('Neovim: the documented config', () => {
  it('docs/other-editors.md shows test/editors/corroborate.lua, the config tested above, verbatim', () => {
    const docs = readFileSync(path.join(ROOT, 'docs', 'other-editors.md'), 'utf8');
    const config = readFileSync(path.join(HERE, 'corroborate.lua'), 'utf8');
    assert.ok(docs.includes(`\`\`\`lua\n${config}\`\`\``), 'docs/other-editors.md must show test/editors/corroborate.lua verbatim in a lua block');
  });
});
