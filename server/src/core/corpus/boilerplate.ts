// Web page chrome that survives scraping: "Short Url", "ALSO READ" and the teasers after it,
// "Leave a Reply", share bars, copyright lines. Such text may only confirm a claim copied from
// it word for word; it never contradicts or supports a claim on its own.

/** A line after which the rest of the page is other stories. */
const END_OF_ARTICLE = /^(also read|read more|read also|related( stories| articles| posts| news| content| coverage)?|more (stories|news|from)|previous (story|article|post)|next (story|article|post)|latest( from| news| stories)?|don'?t miss|you (may|might) also like|recommended( for you| stories)?|trending( now| stories)?|most (read|popular|viewed)|popular( now| stories)?|leave a (reply|comment)|comments?|top stories|editor'?s picks|further reading|see also|more on this|in other news)\b[\s:\-\u2013\u2014]*$/i;
/** A line that is chrome by itself. */
const CHROME_LINE = /^(short url|share( this( article| story)?)?|go ?to ?top|back to top|advertisement|subscribe( now)?|sign up.*|follow us.*|tags?:.*|print|e-?mail|whatsapp|facebook|twitter|linkedin|copy link|\d+ min(ute)?s? read|today:.*|copyright\b.*|photo:.*|image:.*|credit:.*|getty images|afp photo.*|reuters photo.*|loading\.*|click here.*|skip to (main )?content)$/i;
/**
 * The alternatives of a chrome line that may start anywhere, apart: as alternatives of
 * CHROME_LINE they backtracked through every line, and few lines hold either mark.
 */
const CHROME_ANYWHERE = /^(.*\u00a9.*|.*\ball rights reserved\b.*)$/i;
const MAY_BE_ANYWHERE = /\u00a9|all rights reserved/i;
const isChromeLine = (line: string) => CHROME_LINE.test(line) || (MAY_BE_ANYWHERE.test(line) && CHROME_ANYWHERE.test(line));
const URL_ONLY = /^(https?:\/\/|www\.)\S+$|^[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i;

export interface ParagraphLike { readonly start: number; readonly end: number }

/** For each paragraph: is it page chrome? */
export function boilerplateParagraphs(text: string, paras: readonly ParagraphLike[]): boolean[] {
  const out: boolean[] = [];
  let rest = false;
  for (const p of paras) {
    const line = text.slice(p.start, p.end).trim();
    const short = line.length <= 60;
    if (short && END_OF_ARTICLE.test(line)) rest = true;
    out.push(rest || (line.length <= 200 && isChromeLine(line)) || URL_ONLY.test(line));
  }
  return out;
}

/** A dateline opens a new article inside a scraped page: "TBILISI: Armenia and ...". */
export const DATELINE = /^[A-Z][A-Z .'\u2019-]{2,30}(\s*\([A-Za-z ]+\))?\s*[:\u2014\u2013-]\s+\S/;
