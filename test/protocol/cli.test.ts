// The built command line (`node bin/corroborate.js check`), as a CI pipeline runs it: the
// three output formats on a fixture corpus, the SARIF checked against the SARIF 2.1.0 schema,
// and the exit codes (0 no conflict, 1 conflict, 2 could not run).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ROOT } from '../helpers/fixture';

const FX = 'test/fixtures/cli';
const SCHOOLS = `${FX}/drafts/schools.md`;
const AGREES = `${FX}/drafts/agrees.txt`;
const SOURCE = `${FX}/corpus/council.txt`;

interface Run { code: number | null; stdout: string; stderr: string }

function corroborate(...args: string[]): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'corroborate.js'), 'check', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Validates against the SARIF 2.1.0 schema committed in test/fixtures/sarif (see its README). */
const validateSarif = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8')));
})();

function assertValidSarif(doc: unknown): void {
  const ok = validateSarif(doc);
  assert.ok(ok, `SARIF schema errors: ${JSON.stringify(validateSarif.errors, null, 2)}`);
}

// The three claims the fixture draft gets wrong or adds. Line 3 starts with an emoji (two
// UTF-16 code units), so "12" is at column 30, as LSP and SARIF count.
const FIGURE = {
  file: SCHOOLS, line: 3, column: 30, endLine: 3, endColumn: 32,
  code: 'conflicting-figure', severity: 'error', verdict: 'conflict', kind: 'figure', text: '12',
  message: 'Sources give 14 new schools (council.txt:3), not 12.',
  fixes: [{ title: "Replace with '14' (council.txt)", newText: '14', line: 3, column: 30, endLine: 3, endColumn: 32 }],
  evidence: [{ path: SOURCE, line: 3, text: 'The city council approved 14 new schools on Monday, Mayor Ana Ruiz said.' }],
};
const QUOTE = {
  file: SCHOOLS, line: 5, column: 36, endLine: 5, endColumn: 43,
  code: 'altered-quote', severity: 'error', verdict: 'conflict', kind: 'quote', text: 'October',
  message: 'The source quotes "September", not "October" (council.txt:4).',
  fixes: [{ title: "Restore the source's words: 'September' (council.txt)", newText: 'September', line: 5, column: 36, endLine: 5, endColumn: 43 }],
  evidence: [{ path: SOURCE, line: 4, text: '"We will open the first schools in September," Ruiz told reporters.' }],
};
const JOBS = {
  file: SCHOOLS, line: 7, column: 44, endLine: 7, endColumn: 47,
  code: 'unsupported-figure', severity: 'warning', verdict: 'unsupported', kind: 'figure', text: '300',
  message: 'No source gives 300 jobs; closest source sentence: council.txt:5.',
  fixes: [],
  evidence: [{ path: SOURCE, line: 5, text: 'The plan will cost $250 million over five years.' }],
};

function withoutDuration(doc: any): any {
  assert.equal(typeof doc.summary.durationMs, 'number');
  const { durationMs: _, ...summary } = doc.summary;
  return { ...doc, summary };
}

describe('command line: corroborate check', function () {
  this.timeout(60000);
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

  describe('--format text (the default)', () => {
    it('prints file:line:col, severity, code, message and fix, then a summary; exit 1 on a conflict', () => {
      const r = corroborate(SCHOOLS);
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, -1), [
        `${SCHOOLS}:3:30: error conflicting-figure: Sources give 14 new schools (council.txt:3), not 12. [fix: 14]`,
        `${SCHOOLS}:5:36: error altered-quote: The source quotes "September", not "October" (council.txt:4). [fix: September]`,
        `${SCHOOLS}:7:44: warning unsupported-figure: No source gives 300 jobs; closest source sentence: council.txt:5.`,
      ]);
      assert.match(lines.at(-1)!, new RegExp(`^2 conflict\\(s\\), 1 unsupported, 4 supported claim\\(s\\); 1 source file\\(s\\) in ${FX}/corpus; \\d+ ms$`));
      assert.equal(r.stderr, '');
      assert.deepEqual(corroborate(SCHOOLS, '--format', 'text').stdout.split('\n').slice(0, 3), lines.slice(0, 3));
    });

    it('exits 0 when only unsupported claims are found, and --quiet lists only conflicts', () => {
      const ok = corroborate(AGREES);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(ok.stdout.split('\n')[0], `${AGREES}:2:44: warning unsupported-figure: No source gives 300 jobs; closest source sentence: council.txt:5.`);
      const quiet = corroborate(SCHOOLS, AGREES, '--quiet');
      assert.equal(quiet.code, 1);
      assert.deepEqual(quiet.stdout.trimEnd().split('\n').map((l) => l.split(': ')[1]), ['error conflicting-figure', 'error altered-quote', undefined]);
      assert.match(quiet.stdout, /2 conflict\(s\), 2 unsupported, 8 supported claim\(s\)/);
    });
  });

  describe('--format json', () => {
    it('writes one document: drafts, findings with ranges, fixes and evidence, summary', () => {
      const r = corroborate(SCHOOLS, AGREES, '--format', 'json');
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, '');
      const doc = JSON.parse(r.stdout);
      assert.deepEqual(withoutDuration(doc), {
        formatVersion: 1,
        tool: { name: 'corroborate', version },
        corpus: { path: `${FX}/corpus`, sources: 1, skipped: [] },
        drafts: [
          { path: SCHOOLS, conflicts: 2, unsupported: 1, supported: 4 },
          { path: AGREES, conflicts: 0, unsupported: 1, supported: 4 },
        ],
        findings: [FIGURE, QUOTE, JOBS, { ...JOBS, file: AGREES, line: 2, column: 44, endLine: 2, endColumn: 47 }],
        summary: { drafts: 2, conflicts: 2, unsupported: 2, supported: 8, sources: 1, exitCode: 1 },
      });
      // the ranges are the flagged words of the draft, in UTF-16 columns
      const line3 = readFileSync(path.join(ROOT, SCHOOLS), 'utf8').split('\n')[2];
      assert.equal(line3.slice(FIGURE.column - 1, FIGURE.endColumn - 1), '12');
    });

    it('exits 0 without a conflict; --quiet keeps only conflicts in findings', () => {
      const ok = corroborate(AGREES, '--format=json');
      assert.equal(ok.code, 0, ok.stderr);
      const doc = JSON.parse(ok.stdout);
      assert.deepEqual(doc.findings.map((f: any) => `${f.line}:${f.column} ${f.severity} ${f.code}`), ['2:44 warning unsupported-figure']);
      assert.equal(doc.summary.exitCode, 0);
      const quiet = JSON.parse(corroborate(SCHOOLS, '--format', 'json', '--quiet').stdout);
      assert.deepEqual(quiet.findings.map((f: any) => f.code), ['conflicting-figure', 'altered-quote']);
      assert.deepEqual(quiet.drafts, [{ path: SCHOOLS, conflicts: 2, unsupported: 1, supported: 4 }]);
    });
  });

  describe('--format sarif', () => {
    it('is valid SARIF 2.1.0: one run, the rules, results with regions, sources and fixes', () => {
      const r = corroborate(SCHOOLS, '--format', 'sarif');
      assert.equal(r.code, 1, r.stderr);
      const log = JSON.parse(r.stdout);
      assertValidSarif(log);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const [run] = log.runs;
      assert.equal(run.tool.driver.name, 'corroborate');
      assert.equal(run.tool.driver.version, version);
      assert.deepEqual(run.tool.driver.rules.map((x: any) => `${x.id} ${x.defaultConfiguration.level}: ${x.shortDescription.text}`), [
        'conflicting-figure error: A source gives another figure.',
        'conflicting-date error: A source gives another date.',
        'conflicting-name error: The sources give another name or role.',
        'misattributed-quote error: The sources attribute this quotation to someone else.',
        'altered-quote error: The sources quote other words.',
        'unsupported-figure warning: No source gives this figure.',
        'unsupported-date warning: No source gives this date.',
        'unsupported-name warning: No source mentions this name.',
        'unsupported-quote warning: No source contains this quotation.',
      ]);
      assert.deepEqual(run.invocations, [{ executionSuccessful: true, exitCode: 1 }]);
      assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(ROOT).href + '/' } });
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.deepEqual(run.results.map((x: any) => `${x.ruleId} ${run.tool.driver.rules[x.ruleIndex].id} ${x.level}`), [
        'conflicting-figure conflicting-figure error', 'altered-quote altered-quote error', 'unsupported-figure unsupported-figure warning',
      ]);
      const draft = { uri: SCHOOLS, uriBaseId: '%SRCROOT%' };
      const source = { uri: SOURCE, uriBaseId: '%SRCROOT%' };
      assert.deepEqual(run.results[0], {
        ruleId: 'conflicting-figure', ruleIndex: 0, level: 'error',
        message: { text: FIGURE.message },
        locations: [{ physicalLocation: { artifactLocation: draft, region: { startLine: 3, startColumn: 30, endLine: 3, endColumn: 32, snippet: { text: '12' } } } }],
        relatedLocations: [{ id: 1, message: { text: FIGURE.evidence[0].text }, physicalLocation: { artifactLocation: source, region: { startLine: 3 } } }],
        fixes: [{
          description: { text: "Replace with '14' (council.txt)" },
          artifactChanges: [{ artifactLocation: draft, replacements: [{ deletedRegion: { startLine: 3, startColumn: 30, endLine: 3, endColumn: 32 }, insertedContent: { text: '14' } }] }],
        }],
        properties: { verdict: 'conflict', kind: 'figure' },
      });
      assert.deepEqual(run.results[1].fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 5, startColumn: 36, endLine: 5, endColumn: 43 }, insertedContent: { text: 'September' } }]);
      const jobs = run.results[2];
      assert.equal(jobs.fixes, undefined);
      assert.deepEqual(jobs.locations[0].physicalLocation.region, { startLine: 7, startColumn: 44, endLine: 7, endColumn: 47, snippet: { text: '300' } });
      assert.deepEqual(jobs.relatedLocations.map((l: any) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`), [`${SOURCE}:5`]);
    });

    it('the schema check has teeth: a wrong level or a 0 line is rejected', () => {
      const log = JSON.parse(corroborate(SCHOOLS, '--format', 'sarif').stdout);
      log.runs[0].results[0].level = 'fatal';
      assert.equal(validateSarif(log), false);
      log.runs[0].results[0].level = 'error';
      log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      assert.equal(validateSarif(log), false);
    });

    it('exits 0 with warnings only, and stays valid', () => {
      const r = corroborate(AGREES, '--format', 'sarif');
      assert.equal(r.code, 0, r.stderr);
      const log = JSON.parse(r.stdout);
      assertValidSarif(log);
      assert.deepEqual(log.runs[0].results.map((x: any) => `${x.level} ${x.ruleId} ${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine}`), [`warning unsupported-figure ${AGREES}:2`]);
      assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true, exitCode: 0 }]);
    });
  });

  describe('exit 2: the check could not run', () => {
    it('an unreadable draft: the others are still checked, the document says which failed', () => {
      const missing = `${FX}/drafts/missing.md`;
      const text = corroborate(SCHOOLS, missing);
      assert.equal(text.code, 2);
      assert.match(text.stderr, /^corroborate: cannot read test\/fixtures\/cli\/drafts\/missing\.md: ENOENT/);
      assert.match(text.stdout, /error conflicting-figure/);
      const json = corroborate(SCHOOLS, missing, '--format', 'json');
      assert.equal(json.code, 2);
      const doc = JSON.parse(json.stdout);
      assert.equal(doc.findings.length, 3);
      assert.deepEqual(doc.drafts[1].path, missing);
      assert.match(doc.drafts[1].error, /^cannot read .*missing\.md: ENOENT/);
      assert.equal(doc.summary.exitCode, 2);
      const sarif = corroborate(SCHOOLS, missing, '--format', 'sarif');
      assert.equal(sarif.code, 2);
      const log = JSON.parse(sarif.stdout);
      assertValidSarif(log);
      assert.equal(log.runs[0].results.length, 3);
      const [inv] = log.runs[0].invocations;
      assert.equal(inv.executionSuccessful, false);
      assert.equal(inv.exitCode, 2);
      assert.deepEqual(inv.toolExecutionNotifications.map((n: any) => `${n.level} ${n.locations[0].physicalLocation.artifactLocation.uri}`), [`error ${missing}`]);
    });

    it('no corpus folder: a message on stderr; json and sarif still write a document', () => {
      const text = corroborate(SCHOOLS, '--corpus', `${FX}/no-such-corpus`);
      assert.equal(text.code, 2);
      assert.equal(text.stdout, '');
      assert.match(text.stderr, /^corroborate: no corpus folder at .*no-such-corpus \(use --corpus DIR\)\n$/);
      const json = corroborate(SCHOOLS, '--corpus', `${FX}/no-such-corpus`, '--format', 'json');
      assert.equal(json.code, 2);
      const doc = JSON.parse(json.stdout);
      assert.match(doc.error, /^no corpus folder at /);
      assert.deepEqual([doc.drafts, doc.findings, doc.summary.exitCode], [[], [], 2]);
      const sarif = corroborate(SCHOOLS, '--corpus', `${FX}/no-such-corpus`, '--format', 'sarif');
      assert.equal(sarif.code, 2);
      const log = JSON.parse(sarif.stdout);
      assertValidSarif(log);
      assert.deepEqual(log.runs[0].results, []);
      assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
      assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /^no corpus folder at /);
    });

    it('bad arguments: usage on stderr, nothing on stdout', () => {
      for (const args of [[SCHOOLS, '--format', 'xml'], [SCHOOLS, '--format'], ['--format', 'json'], [SCHOOLS, '--colour']]) {
        const r = corroborate(...args);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stdout, '', args.join(' '));
        assert.match(r.stderr, /^corroborate: /, args.join(' '));
      }
      assert.match(corroborate(SCHOOLS, '--format', 'xml').stderr, /unknown format 'xml' \(use text, json, sarif\)/);
    });
  });
});
