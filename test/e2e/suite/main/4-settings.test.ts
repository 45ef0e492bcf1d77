// Settings apply without a reload: each test changes one `corroborate.*` setting of the
// workspace (.vscode/settings.json, as the Settings editor does), sees the open draft change,
// and puts the setting back.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, brief, diagnosticsBecome, draft, fileIn, open, ours, pickCommand, statusBecomes, until, withPick, withSetting } from '../helpers';

// drafts/settings.md: two conflicts and an unsupported figure
const ALL = [
  "2:6-2:11 conflicting-figure '2,000'",
  "4:53-4:61 conflicting-date 'August 5'",
  "6:18-6:21 unsupported-figure '900'",
];
const S = vscode.DiagnosticSeverity;
/** diagnosticsBecome, with each one's severity after its text */
const severitiesBecome = (doc: vscode.TextDocument, expected: string[]) =>
  until(() => { const now = ours(doc.uri).map((d) => `${brief(doc, d)} ${d.severity}`); return JSON.stringify(now) === JSON.stringify(expected) || undefined; }, `the severities ${expected.join(', ')}`);

describe('Settings, applied without a reload', () => {
  it('checks.figures off: the figures are no longer flagged, the date still is', async () => {
    const { document: doc } = await open(draft('settings.md'));
    await diagnosticsBecome(doc, ALL);
    await withSetting('checks.figures', false, async () => {
      await diagnosticsBecome(doc, [ALL[1]]);
    });
    await diagnosticsBecome(doc, ALL);
  });

  it('severity per verdict: conflicts as warnings, unsupported claims off', async () => {
    const { document: doc } = await open(draft('settings.md'));
    const before = await diagnosticsBecome(doc, ALL);
    assert.deepEqual(before.map((d) => d.severity), [S.Error, S.Error, S.Warning]);
    await withSetting('severity.conflict', 'warning', () => withSetting('severity.unsupported', 'off', async () => {
      await severitiesBecome(doc, [`${ALL[0]} ${S.Warning}`, `${ALL[1]} ${S.Warning}`]);
    }));
    await severitiesBecome(doc, [`${ALL[0]} ${S.Error}`, `${ALL[1]} ${S.Error}`, `${ALL[2]} ${S.Warning}`]);
  });

  it('corpus.exclude leaves a source out: the draft is checked against the others', async () => {
    const { document: doc } = await open(draft('settings.md'));
    await diagnosticsBecome(doc, ALL);
    await withSetting('corpus.exclude', ['corpus/004_*'], async () => {
      const diags = await diagnosticsBecome(doc, [
        "2:6-2:11 conflicting-figure '2,000'",
        "2:54-2:59 unsupported-figure 'three'",
        "4:53-4:61 unsupported-date 'August 5'",
        "6:18-6:21 unsupported-figure '900'",
      ]);
      assert.equal(diags[0].message, 'Sources give 1,500 French troops (001_4aeac8238ecdb9d1.txt:27), not 2,000.');
      await statusBecomes('$(book) 4 sources  $(error) 1  $(warning) 3  $(check) 4');
    });
    await diagnosticsBecome(doc, ALL);
  });

  it('corpus.include keeps only the sources it matches', async () => {
    const { document: doc } = await open(draft('settings.md'));
    await diagnosticsBecome(doc, ALL);
    await withSetting('corpus.include', ['corpus/004_*'], async () => {
      await diagnosticsBecome(doc, [...ALL, "6:34-6:41 unsupported-name 'Senegal'"]);
      await statusBecomes('$(book) 1 source  $(error) 2  $(warning) 2  $(check) 4');
    });
    await diagnosticsBecome(doc, ALL);
  });

  it('maxFileSizeMB: a larger source is skipped, and the status bar and its summary say why', async () => {
    const a = await api();
    const { document: doc } = await open(draft('settings.md'));
    await diagnosticsBecome(doc, ALL);
    // a 200 KB source that supports the 900 soldiers
    const big = fileIn('corpus', 'zz-senegal.txt').fsPath;
    fs.writeFileSync(big, `France also keeps 900 soldiers in Senegal, a French military source said.\n${' '.repeat(200 * 1024)}\n`);
    try {
      await diagnosticsBecome(doc, ALL.slice(0, 2));
      await withSetting('maxFileSizeMB', 0.1, async () => {
        await diagnosticsBecome(doc, ALL);
        const bar = await statusBecomes('$(book) 5 sources, 1 skipped  $(error) 2  $(warning) 1  $(check) 5');
        assert.ok(bar.tooltip.includes('\nSkipped:\n- corpus/zz-senegal.txt: larger than the size limit (0.2 MB > 0.1 MB)\n'), bar.tooltip);
        await withPick(bar.command!, async (pick) => {
          assert.deepEqual(pick.items.slice(3).map((i) => `${i.label} | ${i.detail}`), [
            '$(circle-slash) corpus/zz-senegal.txt | larger than the size limit (0.2 MB > 0.1 MB)',
            '$(list-flat) Open the Problems panel | undefined',
          ]);
          await pickCommand.close();
        });
        assert.equal(a.openPick(), undefined);
      });
      await diagnosticsBecome(doc, ALL.slice(0, 2));
    } finally {
      fs.rmSync(big, { force: true });
    }
    await diagnosticsBecome(doc, ALL);
    await statusBecomes('$(book) 5 sources  $(error) 2  $(warning) 1  $(check) 5');
  });

  it('maxDraftSizeMB: a larger draft is not checked, and a note on its first line says so', async () => {
    const long = draft('long.md');
    const longPath = long.fsPath;
    fs.writeFileSync(longPath, `# Long\n\nAbout 2,000 French soldiers are deployed in Niger.\n\n${'Filler line of a long draft.\n'.repeat(400)}`);
    const { document: doc } = await open(long);
    await diagnosticsBecome(doc, ["2:6-2:11 conflicting-figure '2,000'"]);
    await withSetting('maxDraftSizeMB', 0.01, async () => {
      const [note] = await diagnosticsBecome(doc, ["0:0-0:0 draft-too-large ''"]);
      assert.equal(note.message, 'Not checked: this draft is larger than 0.01 MB (setting corroborate.maxDraftSizeMB).');
      assert.equal(note.severity, S.Information);
    });
    await diagnosticsBecome(doc, ["2:6-2:11 conflicting-figure '2,000'"]);
  });

  it('documents.exclude: a draft it matches is left alone', async () => {
    const { document: doc } = await open(draft('settings.md'));
    await diagnosticsBecome(doc, ALL);
    await withSetting('documents.exclude', ['drafts/settings.*'], async () => {
      await diagnosticsBecome(doc, []);
    });
    await diagnosticsBecome(doc, ALL);
  });

  it('documents.languages: plain text dropped, then back (the client restarts, the window does not)', async () => {
    const { document: doc } = await open(draft('wire.txt'));
    const WIRE = ["0:28-0:33 conflicting-figure '1,500'", "2:23-2:30 conflicting-date 'July 28'"];
    await diagnosticsBecome(doc, WIRE);
    await withSetting('documents.languages', ['markdown'], async () => {
      await diagnosticsBecome(doc, []);
      const md = await open(draft('settings.md'));
      await diagnosticsBecome(md.document, ALL);
    });
    await open(draft('wire.txt'));
    await diagnosticsBecome(doc, WIRE);
  });
});
