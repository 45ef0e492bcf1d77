// Incremental checking: an edit re-checks the sentences it touched, and reuses the rest.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDraft } from '../../server/src/core/check/checker';
import { SourceCache } from '../../server/src/core/check/context';
import { DraftSession } from '../../server/src/core/check/session';
import { seedCorpus } from '../helpers/fixture';

const DRAFT = [
  'About 2,000 French troops are stationed in Niger.',
  '',
  'The coup took place on July 25.',
  '',
  'The generals renounced the cooperation agreements on August 3.',
  '',
].join('\n');

describe('draft session: incremental checks', () => {
  it('re-checks only the edited sentence (and those whose neighbours\' figures changed)', () => {
    const index = seedCorpus();
    const session = new DraftSession(index, new SourceCache(index));
    const first = session.check(DRAFT, 'md')!;
    assert.equal(session.lastChecked, 3);
    const edited = DRAFT.replace('July 25', 'July 26');
    const second = session.check(edited, 'md')!;
    // the edited sentence, and its two neighbours whose "nearby dates" changed
    assert.equal(session.lastChecked, 3);
    assert.deepEqual(second.results.filter((r) => r.code).map((r) => r.code), ['conflicting-figure']);
    assert.deepEqual(first.results.filter((r) => r.code).map((r) => r.code), ['conflicting-figure', 'conflicting-date']);
    // a word changed with no figure or date around: one sentence
    session.check(edited.replace('renounced', 'denounced'), 'md');
    assert.equal(session.lastChecked, 1);
    // reused results land at the right offsets when text before them grows
    const shifted = session.check(`Intro line.\n\n${edited.replace('renounced', 'denounced')}`, 'md')!;
    const fig = shifted.results.find((r) => r.code === 'conflicting-figure')!;
    assert.equal(`Intro line.\n\n${edited}`.slice(fig.start, fig.end), '2,000');
  });
  it('gives up a check when the document moved on', () => {
    const index = seedCorpus();
    const session = new DraftSession(index, new SourceCache(index));
    assert.equal(session.check(DRAFT, 'md', {}, () => true), undefined);
  });
});

describe('draft analysis after an edit', () => {
  // every labelled draft of the project, with quotations, transcripts' labels, pronouns and headings
  const root = path.join(__dirname, '..');
  const drafts = ['cases', 'holdout'].flatMap((set) => fs.readdirSync(path.join(root, set), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => { const dir = path.join(root, set, d.name, 'drafts'); return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : []; }));

  /** Edits a reporter makes: a word changed, a word typed, a sentence cut, a paragraph split, a speaker changed, a quotation opened. */
  function edits(text: string, seed: number): string[] {
    let x = seed;
    const rnd = (n: number) => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return x % n; };
    const out: string[] = [];
    for (let k = 0; k < 12; k++) {
      const at = rnd(Math.max(1, text.length));
      const word = /\S+/g; word.lastIndex = at;
      const m = word.exec(text) ?? { index: 0, 0: '' };
      const [start, end] = [m.index, m.index + m[0].length];
      const pick = ['said', 'she', '"We will stay,"', '1,600', 'Tuesday', '\n\n', '', 'Colonel Abdourahamane Tiani', 'the'][k % 9];
      out.push(text = text.slice(0, start) + pick + text.slice(end));
    }
    return out;
  }

  it('is the same as analysing the whole draft again', () => {
    assert.ok(drafts.length >= 40, `found ${drafts.length} drafts`);
    let reused = 0, total = 0;
    for (const [n, file] of drafts.entries()) {
      const format = file.endsWith('.md') ? 'md' : 'txt';
      let previous = analyzeDraft(fs.readFileSync(file, 'utf8'), format);
      for (const text of edits(previous.text, n + 1)) {
        const incremental = analyzeDraft(text, format, previous);
        const whole = analyzeDraft(text, format);
        assert.deepStrictEqual(incremental, whole, `${path.relative(root, file)} after an edit`);
        reused += incremental.sentences.filter((s, i) => previous.sentences[i] === s).length;
        total += whole.sentences.length;
        previous = incremental;
      }
    }
    // and most sentences were not analysed again
    assert.ok(reused > total / 3, `${reused} of ${total} sentences reused`);
  });
});
