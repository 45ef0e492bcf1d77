// Corroborate in a real VS Code: the extension as a user gets it (client + language server),
// driven through VS Code's own command API against the fixture workspace (test/e2e/fixture,
// copied to a scratch folder by the runners, so tests may edit drafts and sources).
// Every wait is a poll with a timeout; every assertion is on exact values.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, diagnosticsBecome, draft, fileIn, hoverText, middle, open, where } from '../helpers';

const FIGURE_MSG = 'Sources give 1,500 French soldiers (004_c75df0162f650722.txt:7), not 2,000.';
const DATE_MSG = 'Sources give August 3 (004_c75df0162f650722.txt:12), not August 5.';
const QUOTE_MSG = 'Sources attribute this quotation to Vance (000_e34b6c3260047a95.txt:33), not Pashinyan.';

// drafts/niger.md, 0-based "line:col-line:col code 'text'"
const NIGER = [
  "2:6-2:11 conflicting-figure '2,000'",
  "7:53-7:61 conflicting-date 'August 5'",
  "9:43-9:52 misattributed-quote 'Pashinyan'",
  "11:18-11:21 unsupported-figure '900'",
];

describe('Corroborate in VS Code', function () {
  before(async () => {
    await activate();
  });

  it('flags a Markdown draft: exact ranges, codes, severities and messages', async () => {
    const { document: doc } = await open(draft('niger.md'));
    assert.equal(doc.languageId, 'markdown');
    const diags = await diagnosticsBecome(doc, NIGER);
    assert.deepEqual(diags.map((d) => d.source), ['corroborate', 'corroborate', 'corroborate', 'corroborate']);
    const S = vscode.DiagnosticSeverity;
    assert.deepEqual(diags.map((d) => d.severity), [S.Error, S.Error, S.Error, S.Warning]);
    assert.deepEqual(diags.map((d) => d.message), [
      FIGURE_MSG, DATE_MSG, QUOTE_MSG,
      'No source gives 900 soldiers; closest source sentence: 001_4aeac8238ecdb9d1.txt:19.',
    ]);
    // relatedInformation points at the source line
    const related = diags[0].relatedInformation ?? [];
    assert.equal(`${vscode.workspace.asRelativePath(related[0].location.uri, false)}:${related[0].location.range.start.line + 1}`, 'corpus/004_c75df0162f650722.txt:7');
  });

  it('flags a plain-text draft', async () => {
    const { document: doc } = await open(draft('wire.txt'));
    assert.equal(doc.languageId, 'plaintext');
    const diags = await diagnosticsBecome(doc, [
      "0:28-0:33 conflicting-figure '1,500'",
      "2:23-2:30 conflicting-date 'July 28'",
    ]);
    assert.deepEqual(diags.map((d) => d.message), [
      'Sources give 1,100 military personnel (001_4aeac8238ecdb9d1.txt:11), not 1,500.',
      'Sources give July 26 (004_c75df0162f650722.txt:5), not July 28.',
    ]);
  });

  it('hover on a conflicting figure shows the source value, file and line', async () => {
    const { document: doc } = await open(draft('niger.md'));
    const [figure] = await diagnosticsBecome(doc, NIGER);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, middle(figure.range));
    const text = hoverText(hovers);
    const source = fileIn('corpus', '004_c75df0162f650722.txt');
    // the message is VS Code's to show (it puts the diagnostic above the hover); the hover says the sources' value
    assert.equal(text.split('\n')[0], '**Conflicting figure** · sources give **1,500 French soldiers** · suggested: **1,500**');
    assert.ok(text.includes(`[corpus/004_c75df0162f650722.txt:7](${source.toString()}#L7)`), text);
    assert.ok(text.includes(' — Currently, some **1,500** French soldiers are deployed in the country'), text);
  });

  it('Go to Definition lands on the source file and line', async () => {
    const { document: doc } = await open(draft('niger.md'));
    const [figure, , quote] = await diagnosticsBecome(doc, NIGER);
    const ofQuote = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, middle(quote.range));
    assert.deepEqual(ofQuote.map(where), ['corpus/000_e34b6c3260047a95.txt:33']);
    const ofFigure = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, middle(figure.range));
    // the best source only: VS Code would sort several by file name and bury it (the hover lists them all)
    assert.deepEqual(ofFigure.map(where), ['corpus/004_c75df0162f650722.txt:7']);
    // and the line there is the source sentence
    const target = await vscode.workspace.openTextDocument(fileIn('corpus', '004_c75df0162f650722.txt'));
    assert.match(target.lineAt(6).text, /^Currently, some 1,500 French soldiers are deployed in the country/);
  });

  it('quick fix puts the source value in: that diagnostic goes away, the others stay', async () => {
    const { document: doc } = await open(draft('quickfix.md'));
    const [figure] = await diagnosticsBecome(doc, [
      "2:6-2:11 conflicting-figure '2,000'",
      "4:53-4:61 conflicting-date 'August 5'",
    ]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, figure.range, vscode.CodeActionKind.QuickFix.value);
    // (the API command returns the actions without their `diagnostics`: all of them are Corroborate's here)
    const mine = actions;
    assert.deepEqual(mine.map((a) => a.title), ["Replace with '1,500' (004_c75df0162f650722.txt)", 'Ignore this claim']);
    const fix = mine[0];
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries a WorkspaceEdit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(2).text, 'About 1,500 French soldiers are deployed in Niger, on three bases.');
    const left = await diagnosticsBecome(doc, ["4:53-4:61 conflicting-date 'August 5'"]);
    assert.equal(left[0].message, DATE_MSG);
  });

  it('"Ignore this claim" (the code action\'s command) removes the diagnostic and records it in the workspace', async () => {
    const { document: doc } = await open(draft('ignore.md'));
    const [quote] = await diagnosticsBecome(doc, [
      "2:43-2:52 misattributed-quote 'Pashinyan'",
      "4:6-4:11 conflicting-figure '2,000'",
    ]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, quote.range, vscode.CodeActionKind.QuickFix.value);
    const mine = actions;
    assert.deepEqual(mine.map((a) => a.title), ["Attribute to Vance (000_e34b6c3260047a95.txt)", 'Ignore this claim']);
    const ignore = mine[1];
    assert.equal(ignore.edit, undefined);
    assert.ok(ignore.command, 'the ignore action runs a command');
    assert.equal(ignore.command.command, 'corroborate.ignoreClaim');
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    await diagnosticsBecome(doc, ["4:6-4:11 conflicting-figure '2,000'"]);
    const store = JSON.parse(fs.readFileSync(fileIn('.corroborate', 'ignored.json').fsPath, 'utf8'));
    assert.deepEqual(store.claims.map((c: { file: string; code: string }) => `${c.file} ${c.code}`), ['drafts/ignore.md misattributed-quote']);
  });

  it('writing a source file on disk re-checks the open draft', async () => {
    const { document: doc } = await open(draft('watch.md'));
    const before = ["2:18-2:21 unsupported-figure '900'", "4:53-4:61 conflicting-date 'August 5'"];
    await diagnosticsBecome(doc, before);
    const source = fileIn('corpus', '002_5ceb88a01bc13192.txt').fsPath;
    const original = fs.readFileSync(source, 'utf8');
    try {
      // a source now says it: the warning goes, the conflict stays
      fs.writeFileSync(source, `${original}\nFrance also keeps 900 soldiers in Senegal, a French military source said.\n`);
      await diagnosticsBecome(doc, ["4:53-4:61 conflicting-date 'August 5'"]);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 19));
      assert.match(hoverText(hovers), /^\*\*Supported figure\*\*/);
      assert.ok(hoverText(hovers).includes('[corpus/002_5ceb88a01bc13192.txt:'), hoverText(hovers));
    } finally {
      fs.writeFileSync(source, original);
    }
    // and back: the source no longer says it
    await diagnosticsBecome(doc, before);
  });
});
