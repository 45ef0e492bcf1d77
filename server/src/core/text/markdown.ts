// Markdown to prose, offset for offset: everything that is not prose (front matter, code,
// link targets, HTML tags, markers of headings, lists, emphasis and tables) becomes spaces,
// so a span found in the masked text is the same span in the editor's document.

export interface MaskedText {
  readonly text: string;
  /** 0-based lines that start a block (heading, list item, quote, table row) */
  readonly blockStarts: ReadonlySet<number>;
  /** 0-based lines that are ATX headings ("# ...") */
  readonly headings: ReadonlySet<number>;
}

export function maskMarkdown(src: string): MaskedText {
  // what is blanked is marked, and the text made once at the end (not an array of one-char strings)
  const masked = new Uint8Array(src.length);
  const blank = (s: number, e: number) => { masked.fill(1, s, e); };
  const blockStarts = new Set<number>();
  const headings = new Set<number>();
  const lines: { start: number; end: number }[] = [];
  for (let p = 0; p <= src.length;) {
    let nl = src.indexOf('\n', p);
    if (nl < 0) nl = src.length;
    lines.push({ start: p, end: nl });
    p = nl + 1;
    if (nl === src.length) break;
  }
  const lineText = (i: number) => src.slice(lines[i].start, lines[i].end).replace(/\r$/, '');

  let i = 0;
  // front matter
  if (lines.length && /^(---|\+\+\+)\s*$/.test(lineText(0))) {
    const fence = lineText(0).trim();
    for (let j = 1; j < lines.length; j++) {
      if (lineText(j).trim() === fence || (fence === '---' && lineText(j).trim() === '...')) {
        blank(lines[0].start, lines[j].end);
        i = j + 1;
        break;
      }
    }
  }
  let prevBlank = true;
  for (; i < lines.length; i++) {
    const { start } = lines[i];
    const line = lineText(i);
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      // fenced code: blank to the closing fence (or the end)
      let j = i + 1;
      while (j < lines.length && !new RegExp(`^\\s{0,3}${fence[1][0]}{${fence[1].length},}\\s*$`).test(lineText(j))) j++;
      const last = Math.min(j, lines.length - 1);
      blank(start, lines[last].end);
      i = last; prevBlank = false;
      continue;
    }
    if (prevBlank && /^( {4}|\t)/.test(line) && line.trim()) {
      // indented code block
      let j = i;
      while (j + 1 < lines.length && (/^( {4}|\t)/.test(lineText(j + 1)) || !lineText(j + 1).trim())) j++;
      blank(start, lines[j].end);
      i = j; prevBlank = false;
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S/.test(line) || /^\s{0,3}(=+|-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      // link reference definitions, setext underlines, thematic breaks
      blank(start, start + line.length);
      prevBlank = false;
      continue;
    }
    let m: RegExpExecArray | null;
    let off = 0;
    // block markers, possibly nested: "> - ", "1. ", "# "
    for (;;) {
      const rest = line.slice(off);
      if ((m = /^\s{0,3}>\s?/.exec(rest)) || (m = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/.exec(rest)) || (m = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(rest))) {
        blank(start + off, start + off + m[0].length);
        if (m[0].includes('#')) headings.add(i);
        off += m[0].length;
        blockStarts.add(i);
        continue;
      }
      break;
    }
    if (/^\s*\|/.test(line) || (/\|/.test(line) && TABLE_RULE_START.test(i + 1 < lines.length ? lineText(i + 1) : ''))) blockStarts.add(i);
    if (TABLE_RULE.test(line)) { blank(start, start + line.length); continue; }
    // trailing heading hashes
    if (blockStarts.has(i) && (m = /\s#+\s*$/.exec(line))) blank(start + m.index, start + line.length);
    maskInline(src, start + off, start + line.length, blank);
    prevBlank = !line.trim();
  }
  // HTML comments may span lines
  for (const m of src.matchAll(/<!--[\s\S]*?(-->|$)/g)) blank(m.index!, m.index! + m[0].length);
  return { text: unmasked(src, masked), blockStarts, headings };
}

/** The text with each marked char but a line break as a space. */
function unmasked(src: string, masked: Uint8Array): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = masked.indexOf(1); i >= 0 && i < src.length;) {
    let j = i;
    while (j < src.length && masked[j]) j++;
    parts.push(src.slice(from, i), src.slice(i, j).replace(/[^\n\r]/g, ' '));
    from = j;
    i = masked.indexOf(1, j);
  }
  parts.push(src.slice(from));
  return parts.join('');
}

// A table's rule line ("|---|:--:|"). Written without two `\s*` side by side, which made a line
// of 100,000 spaces or carriage returns a quadratic backtrack; the same lines match.
const TABLE_RULE_START = /^\s*(?:\|\s*)?:?-{3,}/;
export const TABLE_RULE = /^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$/;

/**
 * `line.indexOf(ch, from)` for a caller whose `from` only grows: the answer is kept until the
 * caller passes it, so a line of 100,000 "[" without a "]" is searched once, not once per "[".
 */
function nextOf(line: string, ch: string): (from: number) => number {
  let from = Infinity, at = -1;
  return (f) => {
    if (f < from || (at >= 0 && at < f)) at = line.indexOf(ch, f);
    from = f;
    return at;
  };
}

/**
 * The matches of /!\[[^\]]*\]\([^)]*\)/g (an image) or /\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])/g (a link
 * and its target), found as the regular expressions find them, on a line without line breaks:
 * a "[" can only close at the first "]" after it, and a target at the first ")" or "]" after
 * that. The regular expressions scanned to the end of the line for every "[" that never closes.
 */
function bracketMatches(line: string, image: boolean): { start: number; close: number; end: number }[] {
  const out: { start: number; close: number; end: number }[] = [];
  const closeOf = nextOf(line, ']'), refCloseOf = nextOf(line, ']'), parenOf = nextOf(line, ')'), openOf = nextOf(line, image ? '!' : '[');
  for (let i = openOf(0); i >= 0; i = openOf(i + 1)) {
    const open = image ? i + 1 : i;
    if (line[open] !== '[') continue;
    const close = closeOf(open + 1);
    if (close < 0) break; // no "]" after this "[", nor after any later one
    const after = line[close + 1];
    const end = after === '(' ? parenOf(close + 2) : !image && after === '[' ? refCloseOf(close + 2) : -1;
    if (end < 0) continue;
    out.push({ start: i, close, end: end + 1 });
    i = end; // the search goes on after the match, as a global regular expression's does
  }
  return out;
}

function maskInline(src: string, s: number, e: number, blank: (s: number, e: number) => void): void {
  const line = src.slice(s, e);
  let m: RegExpExecArray | null;
  // inline code
  const code = /(`+)[^`]*?\1/g;
  while ((m = code.exec(line))) blank(s + m.index, s + m.index + m[0].length);
  // images: all of it; links: keep the text, drop the target
  for (const b of bracketMatches(line, true)) blank(s + b.start, s + b.end);
  for (const b of bracketMatches(line, false)) {
    blank(s + b.start, s + b.start + 1);
    blank(s + b.close, s + b.end);
  }
  // autolinks (no "<" inside, as CommonMark has it: a line of "<http://" repeated was quadratic),
  // inline HTML tags, footnote references, escapes. A "[^" after the line's last "]"
  // cannot be a footnote; the expression would look for its "]" to the end of the line each
  // time, so those "[" are read as "{", which no other part of it tells apart from "[".
  const lastClose = line.lastIndexOf(']');
  const tagLine = line.indexOf('[', lastClose + 1) < 0 ? line : line.slice(0, lastClose + 1) + line.slice(lastClose + 1).replace(/\[/g, '{');
  const tags = /<(?:https?:\/\/[^<>\s]+|[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?|\/[a-zA-Z][\w-]*\s*)>|\[\^[^\]]+\]|\\(?=[\\`*_{}[\]()#+\-.!|])/g;
  while ((m = tags.exec(tagLine))) blank(s + m.index, s + m.index + m[0].length);
  // emphasis and strike markers at word edges; table pipes
  const marks = /(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|_{1,3}|~~)|\|/g;
  while ((m = marks.exec(line))) {
    const before = line[m.index - 1], after = line[m.index + m[0].length];
    // keep underscores inside words (snake_case) and lone asterisks between spaces
    if (m[0][0] === '_' && before && after && /\w/.test(before) && /\w/.test(after)) continue;
    blank(s + m.index, s + m.index + m[0].length);
  }
}
