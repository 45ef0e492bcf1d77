// Incremental checking: an edit re-checks the sentences it touched, and reuses the rest.
import { strict as assert } from 'node:assert';
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
