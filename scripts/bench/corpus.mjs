// The benchmark corpus: N news articles (wire copy, scraped pages with their chrome, Markdown
// and HTML) about a few thousand stories, written deterministically from a seed, plus the
// project's seed corpus and the bench draft. Written once into a cache folder keyed by the
// seed, the generator's version and the article count; reused while that folder is complete.
import { promises as fs, existsSync } from 'node:fs';
import * as path from 'node:path';
import { AGENCIES, FILLER, FIRST, LAST, OUTLETS } from './data.mjs';
import { addDays, date, full, titled, words } from './format.mjs';
import { Rng } from './prng.mjs';
import { makeStory } from './stories.mjs';
import { makeDraft } from './draft.mjs';

/** Bump whenever the generator's output changes: the cache key includes it. */
export const GEN_VERSION = 1;

const slug = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A quotation as a source prints it, in one of the usual shapes. */
function renderQuote(qt, r) {
  const p = qt.speaker;
  const [o, c] = r.chance(0.5) ? ['“', '”'] : ['"', '"'];
  switch (r.int(0, 4)) {
    case 0: return `${o}${qt.text},${c} ${p.last} said.`;
    case 1: return `${o}${qt.text},${c} said ${full(p)}, ${p.role}.`;
    case 2: return `${p.last} told reporters: ${o}${qt.text}.${c}`;
    case 3: return `${titled(p)} said: ${o}${qt.text}.${c}`;
    default: return `${o}${qt.text},${c} ${p.last} said in a statement.`;
  }
}

/** The sentences of one article about a story, lead first. */
function articleSentences(story, r, related) {
  const [lead, ...rest] = story.facts;
  const body = r.shuffle(rest).filter(() => r.chance(0.85)).map((f) => r.pick(f.src)(f.v));
  for (const qt of story.quotes) if (r.chance(0.85)) body.splice(r.int(1, body.length), 0, renderQuote(qt, r));
  const out = [r.pick(lead.src)(lead.v), ...body];
  const target = r.int(330, 420);
  let n = out.reduce((a, s) => a + words(s), 0);
  const extra = [];
  const push = (s) => { if (!s || extra.includes(s) || out.includes(s)) return false; extra.push(s); n += words(s); return true; };
  // scene-setting, then a fact told again in other words, then background from a related story, then stock lines
  const colour = r.shuffle(story.colour);
  const again = r.shuffle(story.facts);
  let background = r.chance(0.6) ? r.int(1, 2) : 0;
  for (let guard = 0; n < target && guard < 100; guard++) {
    const roll = r.next();
    if (roll < 0.45 && colour.length) push(colour.pop());
    else if (roll < 0.7 && again.length) { const f = again.pop(); push(r.pick(f.src)(f.v)); }
    else if (roll < 0.8 && background > 0 && related.length) {
      // a related story's lead, which names its place and actors
      const o = r.pick(related);
      const s = o.facts[0].src[0](o.facts[0].v);
      if (/^(The|A|An|About|Some|At|More|Around) /.test(s)) push(`${r.pick(['Separately, ', 'In a separate development, ', 'Elsewhere, '])}${s[0].toLowerCase()}${s.slice(1)}`);
      else push(s);
      background--;
    } else push(r.pick(FILLER));
  }
  for (const s of extra) out.splice(r.int(2, out.length), 0, s);
  return out;
}

function paragraphs(sentences, r) {
  const paras = [[sentences[0]]];
  for (let i = 1; i < sentences.length;) {
    const k = r.chance(0.6) ? 1 : 2;
    paras.push(sentences.slice(i, i + k));
    i += k;
  }
  return paras.map((p) => p.join(' '));
}

function teasers(others, r, n) {
  return r.sample(others, n).map((o) => {
    const f = r.pick(o.facts);
    return [o.headline, r.pick(f.src)(f.v)];
  });
}

const CITY_CAPS = (s) => s.toUpperCase();

function renderTxtWire(story, pub, paras, r) {
  const agency = r.pick(AGENCIES);
  const lines = [story.headline, '', `${CITY_CAPS(story.city)}, ${date(pub, r.chance(0.5) ? 'md' : 'abbr')} (${agency}) - ${paras[0]}`];
  for (const p of paras.slice(1)) lines.push('', p);
  lines.push('', `(Reporting by ${r.pick(FIRST)} ${r.pick(LAST)}; Editing by ${r.pick(FIRST)} ${r.pick(LAST)})`, '');
  return lines.join('\n');
}

function renderTxtScraped(story, pub, paras, r, others) {
  const outlet = r.pick(OUTLETS);
  const lines = [];
  if (r.chance(0.5)) lines.push(`Today: ${date(addDays(pub, r.int(30, 700)), 'dmy')}`);
  lines.push(date(pub, 'dmy'), `${r.int(1, 4)} min read`, '', story.headline, '');
  const sep = r.chance(0.5) ? '\n' : '\n\n';
  const body = [`${CITY_CAPS(story.city)}: ${paras[0]}`, ...paras.slice(1)];
  // a scraper that repeats a block of paragraphs
  if (r.chance(0.12)) { const i = r.int(1, Math.max(1, body.length - 3)); body.splice(i + 2, 0, ...body.slice(i, i + 2)); }
  lines.push(body.join(sep), '');
  lines.push(story.headline, 'Short Url', `https://${slug(outlet).replace(/-/g, '')}.news/${r.hex(5)}`, '');
  lines.push(r.pick(['ALSO READ', 'ALSO READ-', 'Related Stories', 'Read more', 'Latest from -Top News']), '');
  for (const [h, s] of teasers(others, r, r.int(2, 4))) lines.push(h, '', s, '');
  if (r.chance(0.5)) lines.push('Leave a Reply', '');
  lines.push(`© ${pub.y} ${outlet}. All rights reserved.`, '');
  return lines.join('\n');
}

function renderMd(story, pub, paras, r) {
  const lines = [`# ${story.headline}`, '', `*By ${r.pick(FIRST)} ${r.pick(LAST)}, ${r.pick(OUTLETS)}* · ${date(pub, 'dmy')}`, ''];
  lines.push(`${story.city}, ${story.K.name} — ${paras[0]}`, '');
  const mid = Math.ceil(paras.length / 2);
  for (const p of paras.slice(1, mid)) lines.push(p, '');
  lines.push(`## ${r.pick(['What happened', 'The numbers', 'Reaction', 'What comes next', 'Background'])}`, '');
  for (const p of paras.slice(mid)) lines.push(p, '');
  if (r.chance(0.5)) {
    lines.push('**Key points**', '');
    for (const f of r.sample(story.facts, 3)) lines.push(`- ${r.pick(f.src)(f.v)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function renderHtml(story, pub, paras, r, others) {
  const outlet = r.pick(OUTLETS);
  const t = teasers(others, r, 3);
  const p = (s) => `      <p>${esc(s)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${esc(story.headline)} | ${esc(outlet)}</title>
  <meta name="description" content="${esc(paras[0].slice(0, 150))}">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-${r.hex(8).toUpperCase()}');</script>
  <style>body{font-family:Georgia,serif;max-width:48rem;margin:auto} .teaser{font-size:.9em}</style>
</head>
<body>
  <nav class="site-nav"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a> | <a href="/sport">Sport</a> | <a href="/opinion">Opinion</a></nav>
  <header><div class="logo">${esc(outlet)}</div><div class="date">${date(pub, 'wmd')}, ${pub.y}</div></header>
  <main>
    <article>
      <h1>${esc(story.headline)}</h1>
      <p class="byline">By ${esc(`${r.pick(FIRST)} ${r.pick(LAST)}`)} · <time datetime="${date(pub, 'iso')}">${date(pub, 'mdy')}</time></p>
${p(`${CITY_CAPS(story.city)}: ${paras[0]}`)}
${paras.slice(1).map(p).join('\n')}
      <div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
${t.map(([h, s]) => `      <div class="teaser"><h3>${esc(h)}</h3><p>${esc(s)}</p></div>`).join('\n')}
    </aside>
  </main>
  <footer><p>© ${pub.y} ${esc(outlet)}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms of Use</a></p></footer>
  <script src="/static/app.${r.hex(6)}.js" async></script>
</body>
</html>
`;
}

/** The stories and how many articles each gets, until `articles` are planned. */
export function planStories(seed, articles) {
  const r = new Rng(`stories:${seed}`);
  const stories = [];
  let total = 0;
  while (total < articles) {
    const s = makeStory(r.fork(`story${stories.length}`), stories.length);
    s.articles = Math.min(articles - total, r.int(1, 7));
    total += s.articles;
    stories.push(s);
  }
  return stories;
}

/** Every generated file (path relative to the corpus folder, content), in a stable order. */
export function* generateArticles(seed, articles, stories = planStories(seed, articles)) {
  let n = 0;
  for (const s of stories) {
    const related = stories.filter((o) => o !== s && (o.K === s.K || o.topic === s.topic)).slice(0, 40);
    for (let k = 0; k < s.articles; k++, n++) {
      const r = new Rng(`article:${seed}:${n}`);
      const pub = addDays(s.date, k === 0 ? 0 : r.int(0, 3));
      const paras = paragraphs(articleSentences(s, r, related), r);
      const roll = r.next();
      let ext, content;
      if (roll < 0.08) { ext = 'html'; content = renderHtml(s, pub, paras, r, stories); }
      else if (roll < 0.2) { ext = 'md'; content = renderMd(s, pub, paras, r); }
      else if (roll < 0.45) { ext = 'txt'; content = renderTxtScraped(s, pub, paras, r, stories); }
      else { ext = 'txt'; content = renderTxtWire(s, pub, paras, r); }
      const rel = `archive/${pub.y}/${String(pub.m + 1).padStart(2, '0')}/${String(n).padStart(5, '0')}-${slug(s.headline)}.${ext}`;
      yield { rel, content, story: s.id };
    }
  }
}

/**
 * The bench workspace for (seed, articles): `<dir>/ws/corpus/{archive,seed}/…`,
 * `<dir>/ws/drafts/draft.md` and `<dir>/draft.json` (the planted claims). Generated when missing.
 */
export async function ensureCorpus({ cacheRoot, seed, articles, seedCorpus, log = () => undefined }) {
  const key = `corpus-s${seed}-v${GEN_VERSION}-n${articles}`;
  const dir = path.join(cacheRoot, key);
  if (existsSync(path.join(dir, '.complete'))) return { dir, ws: path.join(dir, 'ws'), generated: false, key };
  const tmp = `${dir}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  const t0 = performance.now();
  const stories = planStories(seed, articles);
  const corpus = path.join(tmp, 'ws', 'corpus');
  const made = new Set();
  let bytes = 0, files = 0;
  const pending = [];
  for (const a of generateArticles(seed, articles, stories)) {
    const abs = path.join(corpus, a.rel);
    const d = path.dirname(abs);
    if (!made.has(d)) { await fs.mkdir(d, { recursive: true }); made.add(d); }
    pending.push(fs.writeFile(abs, a.content));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
    bytes += Buffer.byteLength(a.content); files++;
  }
  await Promise.all(pending);
  await fs.mkdir(path.join(corpus, 'seed'), { recursive: true });
  for (const f of (await fs.readdir(seedCorpus)).sort()) {
    if (!/\.(txt|md|html?)$/i.test(f)) continue;
    const c = await fs.readFile(path.join(seedCorpus, f));
    await fs.writeFile(path.join(corpus, 'seed', f), c);
    bytes += c.length; files++;
  }
  const draft = makeDraft(seed, stories);
  await fs.mkdir(path.join(tmp, 'ws', 'drafts'), { recursive: true });
  await fs.writeFile(path.join(tmp, 'ws', 'drafts', 'draft.md'), draft.text);
  await fs.writeFile(path.join(tmp, 'draft.json'), JSON.stringify({ claims: draft.claims, stories: draft.storyIds }, null, 1));
  await fs.writeFile(path.join(tmp, 'ws', 'README.txt'), `Corroborate benchmark workspace (seed ${seed}, generator v${GEN_VERSION}, ${articles} articles). Generated by scripts/bench; safe to delete.\n`);
  await fs.writeFile(path.join(tmp, '.complete'), JSON.stringify({ seed, version: GEN_VERSION, articles, files, bytes }));
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rename(tmp, dir);
  log(`generated ${files} files (${(bytes / 1048576).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${dir}`);
  return { dir, ws: path.join(dir, 'ws'), generated: true, key };
}
