// A source or draft file as prose: the text the checker reads, the segmentation options for
// its format, and the 1-based line of any offset in the original file.
import { htmlToProse } from '../text/html';
import { TABLE_RULE, maskMarkdown } from '../text/markdown';
import { SegmentOptions } from '../text/segment';
import { lineAt, lineStarts } from '../text/tokens';
import { isCommonWord } from '../text/vocab';

export type TextFormat = 'txt' | 'md' | 'html';

export interface Prose {
  readonly text: string;
  readonly options: SegmentOptions;
  /** 1-based line in the original file */
  lineOf(offset: number): number;
}

export function formatOfPath(path: string): TextFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  switch (m?.[1].toLowerCase()) {
    case 'txt': case 'text': return 'txt';
    case 'md': case 'markdown': case 'mdown': return 'md';
    case 'html': case 'htm': case 'xhtml': return 'html';
    default: return null;
  }
}

export function formatOfLanguage(languageId: string, path = ''): TextFormat {
  if (languageId === 'markdown') return 'md';
  if (languageId === 'html') return 'html';
  return formatOfPath(path) === 'md' ? 'md' : 'txt';
}

/**
 * @param opts.tables a source's Markdown table rows name their column in each cell ("Homes: 260"),
 * as its HTML tables do, so a figure in a row has the thing it counts; a draft's text is kept as typed
 */
export function toProse(content: string, format: TextFormat, opts: { tables?: boolean } = {}): Prose {
  if (format === 'html') {
    const h = htmlToProse(content);
    return { text: h.text, options: { lineBreaks: 'wrap' }, lineOf: h.lineOf };
  }
  if (format === 'md' && opts.tables !== false) content = labelTableCells(content);
  const starts = lineStarts(content);
  const lineOf = (o: number) => lineAt(starts, o) + 1;
  if (format === 'md') {
    const m = maskMarkdown(content);
    return { text: m.text, options: { blockStarts: m.blockStarts, headings: m.headings, lineBreaks: 'wrap' }, lineOf };
  }
  return { text: content, options: { lineBreaks: 'paragraph' }, lineOf };
}

/** The cells of a table line, without the outer pipes (a pipe after a backslash is text). */
function cells(line: string): string[] {
  const parts = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return parts;
}

/** A table row as `labelTableCells` writes it: "area: Arts and Humanities;   savings: £9.1m." */
const TABLE_ROW = /^[^:;\n]{1,60}: [^;\n]*(?:;\s+[^:;\n]{1,60}: [^;\n]*)+\.?\s*$/;
export const isTableRow = (sentence: string) => TABLE_ROW.test(sentence);

/** "(£m)", "($bn)", "(€)", "(%)" at the end of a table header. */
const HEAD_UNIT = /\s*\((£|\$|€|US\$|%)\s*(m|bn|k|million|billion)?\)\s*$/i;

/** A bare number of a column with a unit in its header, written with it: "3.2" under "(£m)" is "£3.2m". */
function withUnit(v: string, unit: RegExpExecArray | null): string {
  if (!unit || !/^-?\d[\d,]*(\.\d+)?$/.test(v)) return v;
  const [, sign, scale] = unit;
  if (sign === '%') return `${v}%`;
  return `${sign}${v}${!scale ? '' : scale.length > 2 ? ` ${scale}` : scale}`;
}

/**
 * Each body row of a Markdown table, with its header before each cell: "| Hollins Lane | 260 |"
 * under "| Site | Homes |" reads "| Site: Hollins Lane; | Homes: 260 |". Lines stay lines, so every
 * line number holds; the pipes stay, so the row is masked as a row. Rows longer than 2,000
 * characters are left as they are.
 */
export function labelTableCells(content: string): string {
  if (!content.includes('|')) return content;
  const lines = content.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].includes('|') || lines[i].length > 2000 || !TABLE_RULE.test(lines[i + 1]) || !lines[i + 1].includes('-')) continue;
    // a header of common words is lower-cased, so that the row reads as a sentence and not as a title full of names
    const heads = cells(lines[i]).map((h) => h.replace(/[*_`]/g, '').trim())
      .map((h) => /^[A-Z][a-z]/.test(h) && isCommonWord(h.split(/\s/)[0].toLowerCase()) ? h[0].toLowerCase() + h.slice(1) : h);
    if (heads.filter((h) => h).length < 2) continue;
    // a unit in the header ("Savings (£m)", "Share (%)") goes with each number of its column: "savings: £3.2m"
    const units = heads.map((h) => HEAD_UNIT.exec(h));
    for (let k = 0; k < heads.length; k++) if (units[k]) heads[k] = heads[k].slice(0, units[k]!.index).trim();
    let j = i + 2;
    for (; j < lines.length && lines[j].includes('|') && lines[j].trim() && lines[j].length <= 2000; j++) {
      const row = cells(lines[j]);
      const lead = /^\s*\|/.test(lines[j]) ? '|' : '';
      const cr = lines[j].endsWith('\r') ? '\r' : '';
      lines[j] = lead + row.map((c, k) => {
        const v = withUnit(c.trim(), units[k]);
        const label = heads[k] && v && !/^[*_]*$/.test(v) ? ` ${heads[k]}: ${v}` : ` ${v}`;
        return label + (k < row.length - 1 && v ? '; ' : ' ');
      }).join('|').replace(/\s*$/, '.') + ' |' + cr;
    }
    i = j - 1;
  }
  return lines.join('\n');
}
