// A source or draft file as prose: the text the checker reads, the segmentation options for
// its format, and the 1-based line of any offset in the original file.
import { htmlToProse } from '../text/html';
import { maskMarkdown } from '../text/markdown';
import { SegmentOptions } from '../text/segment';
import { lineAt, lineStarts } from '../text/tokens';

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

export function toProse(content: string, format: TextFormat): Prose {
  if (format === 'html') {
    const h = htmlToProse(content);
    return { text: h.text, options: { lineBreaks: 'wrap' }, lineOf: h.lineOf };
  }
  const starts = lineStarts(content);
  const lineOf = (o: number) => lineAt(starts, o) + 1;
  if (format === 'md') {
    const m = maskMarkdown(content);
    return { text: m.text, options: { blockStarts: m.blockStarts, headings: m.headings, lineBreaks: 'wrap' }, lineOf };
  }
  return { text: content, options: { lineBreaks: 'paragraph' }, lineOf };
}
