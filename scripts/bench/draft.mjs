// The bench draft: about 2,000 words of Markdown on the seed corpus and on some generated
// stories, with claims planted by construction: correct ones (paraphrased, values written in
// another style), wrong ones (a changed figure, date, first name, title or speaker, an
// altered quotation) and unsupported ones (figures, dates, names and quotations no source has).
import { FIRST } from './data.mjs';
import { full, words } from './format.mjs';
import { Rng } from './prng.mjs';

/** The part of `a` that differs from `b` (after their common prefix and suffix). */
function diffSpan(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  // widen to whole words
  let s = i, e = a.length - j;
  while (s > 0 && /[\p{L}\p{N},.]/u.test(a[s - 1])) s--;
  while (e < a.length && /[\p{L}\p{N},.]/u.test(a[e])) e++;
  while (e > s && /[,.]/.test(a[e - 1])) e--;
  return a.slice(s, e);
}

// Section on the seed corpus (Niger, Armenia): [sentence, [mark, expect, kind]...]
const SEED = [
  ['# Newsroom round-up: Sahel, Caucasus and the wires', []],
  ['## France and Niger', []],
  ['France has opened talks with army officers in Niger on pulling out part of its force, Le Monde reported.', [['Le Monde', 'supported', 'name']]],
  ['Some 1,500 French troops are currently in the country, at bases in Niamey, Ouallam and Ayorou.', [['1,500', 'supported', 'figure'], ['Ayorou', 'supported', 'name']]],
  ['An earlier report put the contingent at about 2,000 French soldiers.', [['2,000', 'conflict', 'figure']]],
  ['The Pentagon says the United States keeps roughly 1,100 military personnel in Niger and is moving some of them to Agadez.', [['1,100', 'supported', 'figure']]],
  ['Another briefing spoke of 1,500 US military personnel in Niger.', [['1,500', 'conflict', 'figure']]],
  ['The junta tore up the military cooperation agreements with Paris on August 3.', [['August 3', 'supported', 'date']]],
  ['Officials later said the agreements had been renounced on August 5.', [['August 5', 'conflict', 'date']]],
  ['The coup of 26 July removed President Mohamed Bazoum, who is still being held.', [['26 July', 'supported', 'date'], ['Mohamed Bazoum', 'supported', 'name']]],
  ['Supporters of President Emmanuel Bazoum have called for his release.', [['Emmanuel', 'conflict', 'name']]],
  ['Defense Minister Sebastien Lecornu has said the talks only concern soldiers.', [['Defense Minister', 'supported', 'name']]],
  ['A source close to Foreign Minister Sebastien Lecornu confirmed the exchanges.', [['Foreign Minister', 'conflict', 'name']]],
  ['"Discussions on the departure of certain military elements have begun," French sources told Le Monde.', [['departure', 'conflict', 'quote']]],
  ['Prime Minister Ali Mahaman Lamine Zeine put the national debt at 5200 billion CFA francs, or 7.92 billion euros.', [['5200 billion CFA francs', 'supported', 'figure'], ['7.92 billion euros', 'supported', 'figure']]],
  ['Colonel Amadou Abdramane said the army "will not be intimidated by threats".', [['Colonel Amadou Abdramane', 'unsupported', 'name'], ['will not be intimidated by threats', 'unsupported', 'quote']]],
  ['France also keeps 900 soldiers in Senegal, where the last of them landed on 14 February.', [['900', 'unsupported', 'figure'], ['14 February', 'unsupported', 'date']]],
  ['## Armenia', []],
  ['US Vice President JD Vance visited Armenia for two days and signed a civil nuclear agreement with Prime Minister Nikol Pashinyan.', [['JD Vance', 'supported', 'name'], ['Nikol Pashinyan', 'supported', 'name']]],
  ['The deal allows up to $5bn in initial US exports, plus $4bn in longer-term fuel and maintenance contracts.', [['$5bn', 'supported', 'figure'], ['$4bn', 'supported', 'figure']]],
  ['"We\'re not just making peace for Armenia," Pashinyan said.', [['Pashinyan', 'conflict', 'quote']]],
  ['The proposed TRIPP corridor across southern Armenia would be 43 kilometres long.', [['43 kilometres', 'supported', 'figure']]],
];

const ALTER = {
  will: 'shall', every: 'each', people: 'citizens', families: 'households', country: 'nation', many: 'several', never: 'not',
  working: 'toiling', cannot: 'can no longer', difficult: 'hard', better: 'more', painful: 'hard', ready: 'prepared', critical: 'decisive',
  clear: 'firm', victory: 'triumph', serious: 'grave', innocent: 'blameless', future: 'destiny', warned: 'told', biggest: 'largest',
  overdue: 'late', fair: 'reasonable', protection: 'defence', irregularities: 'anomalies', chapter: 'page', numbers: 'figures',
};

const INVENTED_LAST = ['Vantorre', 'Quibell', 'Oyelaran-Mbeki', 'Strzelecka', 'Haverkamp', 'Ndiaye-Colley', 'Larkspur', 'Tembekova', 'Ferrucci-Alba', 'Mbatha-Rowe'];
const INVENTED_QUOTES = [
  'Nobody in this building was told anything until it was far too late',
  'We expect a full account of where the money went before the end of the year',
  'The figures we were shown last week bear no relation to what is happening on the ground',
  'I have worked here for twenty years and I have never seen anything like it',
  'We will publish our own assessment once the inspectors have finished their work',
];

/** The draft: text, and the planted claims with their expected verdicts. */
export function makeDraft(seed, stories) {
  const r = new Rng(`draft:${seed}`);
  const paras = [];
  const claims = [];
  // seed section
  let cur = [];
  for (const [s, marks] of SEED) {
    if (s.startsWith('#')) { if (cur.length) paras.push(cur.join(' ')); cur = []; paras.push(s); continue; }
    cur.push(s);
    for (const [mark, expect, kind] of marks) claims.push({ sentence: s, mark, expect, kind, story: 'seed' });
    if (cur.length >= 3) { paras.push(cur.join(' ')); cur = []; }
  }
  if (cur.length) paras.push(cur.join(' '));

  // generated stories: one of each topic with at least three articles, then more
  const pool = r.shuffle(stories.filter((s) => s.articles >= 3));
  const byTopic = new Map();
  for (const s of pool) { if (!byTopic.has(s.topic)) byTopic.set(s.topic, []); byTopic.get(s.topic).push(s); }
  const chosen = [];
  for (let round = 0; round < 3; round++) for (const list of byTopic.values()) if (list[round]) chosen.push(list[round]);
  const text = () => paras.join('\n\n');
  let used = 0;
  for (const s of chosen) {
    if (words(text()) >= 2060) break;
    used++;
    paras.push(`## ${s.tag.charAt(0).toUpperCase() + s.tag.slice(1)}`);
    const sents = [];
    const add = (sentence, mark, expect, kind) => {
      sents.push(sentence);
      claims.push({ sentence, mark, expect, kind, story: s.id });
    };
    s.facts.forEach((f, i) => {
      const tell = f.draft[0];
      const right = tell(f.v);
      const wrongV = f.mutate(f.v, r);
      const wrong = tell(wrongV);
      const kind = f.kind;
      // the first fact of each story is stated correctly, so the section has an anchor
      if (i === 0 || r.chance(0.62)) add(right, diffSpan(right, wrong), 'supported', kind);
      else add(wrong, diffSpan(wrong, right), 'conflict', kind);
    });
    // quotations: one right, one misattributed or altered
    const [q1, q2] = s.quotes;
    add(`"${q1.text}," ${q1.speaker.last} said.`, q1.speaker.last, 'supported', 'quote');
    const other = s.people.find((p) => p.last !== q2.speaker.last && p !== q2.speaker);
    const alterable = q2.text.split(/\s+/).find((w) => ALTER[w.toLowerCase()]);
    if (alterable && r.chance(0.5)) {
      const to = ALTER[alterable.toLowerCase()];
      add(`${full(q2.speaker)} said: "${q2.text.replace(alterable, to)}."`, to, 'conflict', 'quote');
    } else if (other) {
      add(`"${q2.text}," ${other.last} said.`, other.last, 'conflict', 'quote');
    }
    // unsupported: an invented figure or date, sometimes an invented person or quotation
    add(r.pick(s.unsupported)(), null, 'unsupported', 'any');
    if (r.chance(0.5)) {
      const who = { first: r.pick(FIRST), last: r.pick(INVENTED_LAST) };
      add(`"${r.pick(INVENTED_QUOTES)}," said ${full(who)}, a local official.`, `${full(who)}`, 'unsupported', 'name');
    }
    // paragraphs of two or three sentences
    for (let i = 0; i < sents.length;) { const k = r.int(2, 3); paras.push(sents.slice(i, i + k).join(' ')); i += k; }
  }
  const out = `${text()}\n`;
  // locate each claim: its sentence, then the mark inside it
  const located = [];
  for (const c of claims) {
    const at = out.indexOf(c.sentence);
    if (at < 0) continue;
    const m = c.mark ? c.sentence.indexOf(c.mark) : 0;
    const start = at + Math.max(0, m), end = c.mark && m >= 0 ? start + c.mark.length : at + c.sentence.length;
    located.push({ start, end, mark: c.mark, expect: c.expect, kind: c.kind, story: c.story, sentenceStart: at, sentenceEnd: at + c.sentence.length });
  }
  const seen = new Set();
  const uniq = located.filter((c) => { const k = `${c.start}:${c.end}:${c.expect}`; if (seen.has(k)) return false; seen.add(k); return true; });
  return { text: out, claims: uniq, storyIds: chosen.slice(0, used).map((s) => s.id), words: words(out) };
}
