// HTML to prose with a real parser (htmlparser2): the document's text only, entities decoded,
// no script/style/nav/footer or page chrome, one block per paragraph, and the source line of
// every character kept so a sentence can name its line.
import { Parser } from 'htmlparser2';

export interface HtmlProse {
  readonly text: string;
  /** 1-based source line of an offset in `text` */
  lineOf(offset: number): number;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'aside', 'form', 'button',
  'select', 'option', 'iframe', 'object', 'canvas', 'head', 'menu', 'dialog', 'map']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'blockquote', 'pre', 'br', 'hr', 'dd', 'dt', 'dl', 'figcaption', 'figure',
  'address', 'header', 'caption', 'title', 'body', 'html', 'center', 'details', 'summary', 'fieldset', 'legend']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);
// Page chrome named by class, id or role: cookie banners, share bars, "related stories" boxes.
const CHROME = /(?:^|[\s_-])(cookies?|consent|gdpr|banner|newsletter|subscribe|share|sharing|social|related|advert|ads?|promo|sponsored|comments?|breadcrumbs?|menu|sidebar|popup|modal|teasers?|recommended|trending|most-read|outbrain|taboola|paywall|site-header|site-footer|navbar|navigation)(?:$|[\s_-])/i;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert']);

function decodeEntities(t: string): string {
  let out = '';
  const p = new Parser({ ontext(d) { out += d; } }, { decodeEntities: true });
  p.write(t); p.end();
  return out.replace(/\u00a0/g, ' ');
}

interface Handler {
  onopentag(name: string, attrs: Record<string, string>): void;
  ontext(data: string): void;
  onclosetag(name: string): void;
}

/**
 * Browsers stop nesting elements at a depth (Blink's parser at 512; deeper ones become
 * siblings). htmlparser2 keeps its open elements in an array that it grows at the front, so
 * 50,000 nested or unclosed <div>s cost it seconds, and a megabyte of them minutes. Real pages
 * stay far below the limit.
 */
const MAX_DEPTH = 512;

/**
 * htmlparser2, except that an element opened deeper than MAX_DEPTH never goes on the parser's
 * stack: it is told to the handler directly (with its attributes, so a <script> or a cookie
 * banner down there is still skipped), and so is its end tag. The handler sees the same
 * opens, texts and closes as before, only the parser's bookkeeping changes.
 */
function depthLimitedParser(src: string, h: Handler): Parser {
  /** elements on the parser's stack (each open the parser reports is matched by one close) */
  let depth = 0;
  /** the elements opened past the limit, innermost last: always the top of the handler's stack */
  const deep: string[] = [];
  const deepCount = new Map<string, number>();
  /** a deep element whose attributes are being read */
  let pending: { name: string; attrs: Record<string, string> } | undefined;
  const clearDeep = () => { deep.length = 0; deepCount.clear(); };
  const openDeep = () => {
    const { name, attrs } = pending!;
    pending = undefined;
    deep.push(name);
    deepCount.set(name, (deepCount.get(name) ?? 0) + 1);
    h.onopentag(name, attrs);
  };
  const closeDeep = (name: string) => {
    for (let top = deep.pop(); top !== undefined; top = deep.pop()) {
      deepCount.set(top, deepCount.get(top)! - 1);
      if (top === name) break;
    }
    h.onclosetag(name);
  };
  const nameAt = (start: number, end: number) => src.slice(start, end).toLowerCase();

  class DepthLimited extends Parser {
    override onopentagname(start: number, endIndex: number): void {
      const name = nameAt(start, endIndex);
      if (depth < MAX_DEPTH || this.isVoidElement(name)) { pending = undefined; super.onopentagname(start, endIndex); return; }
      this.endIndex = endIndex;
      pending = { name, attrs: {} };
    }
    override onopentagend(endIndex: number): void {
      if (!pending) { super.onopentagend(endIndex); return; }
      openDeep();
      this.endIndex = endIndex; this.startIndex = endIndex + 1;
    }
    override onselfclosingtag(endIndex: number): void {
      if (!pending) { super.onselfclosingtag(endIndex); return; }
      const name = pending.name;
      openDeep();
      closeDeep(name);
      this.endIndex = endIndex; this.startIndex = endIndex + 1;
    }
    override onclosetag(start: number, endIndex: number): void {
      const name = nameAt(start, endIndex);
      if (!deepCount.get(name)) { super.onclosetag(start, endIndex); return; }
      closeDeep(name);
      this.endIndex = endIndex; this.startIndex = endIndex + 1;
    }
    override onend(): void {
      while (deep.length) closeDeep(deep[deep.length - 1]);
      super.onend();
    }
    isVoid(name: string): boolean { return this.isVoidElement(name); }
  }

  const parser: DepthLimited = new DepthLimited({
    onopentag(name, attrs) { depth++; h.onopentag(name, attrs); },
    onattribute(name, value) { if (pending && !(name in pending.attrs)) pending.attrs[name] = value; },
    ontext(data) { h.ontext(data); },
    onclosetag(name) {
      depth--;
      // the handler pops to the parser's element, below every deep one
      if (deep.length && !parser.isVoid(name)) clearDeep();
      h.onclosetag(name);
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  return parser;
}

export function htmlToProse(src: string): HtmlProse {
  const starts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  const srcLine = (off: number) => { let lo = 0, hi = starts.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (starts[m] <= off) lo = m; else hi = m - 1; } return lo + 1; };

  let out = '';
  const anchorOff: number[] = [0];
  const anchorLine: number[] = [1];
  const stack: { name: string; skip: boolean; article: boolean }[] = [];
  let skipDepth = 0, articleDepth = 0;
  let cellIndex = 0;
  let headers: string[] = [];
  let rowIsHeader = false;
  let pendingSpace = false;
  let cellStart = 0;

  const endBlock = () => {
    // trailing spaces and tabs, found from the end (a regex would scan all of `out` each time)
    let e = out.length;
    while (e > 0 && (out.charCodeAt(e - 1) === 32 || out.charCodeAt(e - 1) === 9)) e--;
    if (e < out.length) out = out.slice(0, e);
    if (out && !out.endsWith('\n\n')) out += out.endsWith('\n') ? '\n' : '\n\n';
    pendingSpace = false;
  };
  const parser = depthLimitedParser(src, {
    onopentag(name, attrs) {
      const chrome = CHROME.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`) || CHROME_ROLES.has((attrs.role ?? '').toLowerCase())
        || attrs.hidden !== undefined || attrs['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(attrs.style ?? '');
      const skip = SKIP.has(name) || (name === 'header' && articleDepth === 0) || (chrome && name !== 'body' && name !== 'html' && name !== 'main' && name !== 'article');
      if (!VOID.has(name)) stack.push({ name, skip, article: name === 'article' || name === 'main' });
      if (name === 'article' || name === 'main') articleDepth++;
      if (skip && !VOID.has(name)) skipDepth++;
      if (skipDepth) return;
      if (name === 'tr') { cellIndex = 0; rowIsHeader = true; }
      if (name === 'td' || name === 'th') {
        if (name === 'td') rowIsHeader = false;
        if (cellIndex > 0) out += '; ';
        if (name === 'td' && headers[cellIndex] && headers.length > 1) out += `${headers[cellIndex]}: `;
        cellStart = out.length;
      }
      if (BLOCK.has(name)) endBlock();
      if (name === 'img' && attrs.alt && attrs.alt.trim().length > 20) { /* alt text is not article prose */ }
    },
    ontext(data) {
      if (skipDepth) return;
      const at = parser.startIndex;
      let line = srcLine(at);
      const text = data.replace(/\u00a0/g, ' ');
      for (const part of text.split(/(\n)/)) {
        if (part === '\n') { line++; pendingSpace = true; continue; }
        if (!part) continue;
        const collapsed = part.replace(/[ \t\r\f\v]+/g, ' ');
        if (!collapsed.trim()) { pendingSpace = true; continue; }
        let piece = collapsed;
        if ((pendingSpace || piece.startsWith(' ')) && out && !/\s/.test(out[out.length - 1])) out += ' ';
        piece = piece.replace(/^ /, '');
        pendingSpace = piece.endsWith(' ');
        piece = piece.replace(/ $/, '');
        anchorOff.push(out.length); anchorLine.push(line);
        out += piece;
      }
    },
    onclosetag(name) {
      if (VOID.has(name)) { if (!skipDepth && BLOCK.has(name)) endBlock(); return; }
      // pop to the matching element (htmlparser2 closes implied tags for us)
      let top = stack.pop();
      while (top && top.name !== name) { if (top.skip) skipDepth--; if (top.article) articleDepth--; top = stack.pop(); }
      if (!top) return;
      if (top.article) articleDepth--;
      if (top.skip) { skipDepth--; return; }
      if (skipDepth) return;
      if (name === 'td' || name === 'th') {
        if (rowIsHeader) headers[cellIndex] = out.slice(cellStart).trim();
        cellIndex++;
      }
      if (name === 'tr' && rowIsHeader && cellIndex > 1) { /* header row kept as text too */ }
      if (name === 'table') headers = [];
      if (BLOCK.has(name)) endBlock();
    },
  });
  parser.write(src);
  parser.end();
  // the page's <title> names who published it ("Flood bulletin | Valdera River Authority"): a last line of its own
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(src);
  if (title) {
    const t = decodeEntities(title[1]).replace(/\s+/g, ' ').trim();
    if (t && !out.includes(t)) { endBlock(); anchorOff.push(out.length); anchorLine.push(srcLine(title.index)); out += t; }
  }
  const text = out.replace(/\s+$/, '');

  return {
    text,
    lineOf(offset: number): number {
      let lo = 0, hi = anchorOff.length - 1;
      while (lo < hi) { const m = (lo + hi + 1) >> 1; if (anchorOff[m] <= offset) lo = m; else hi = m - 1; }
      return anchorLine[lo];
    },
  };
}
