/**
 * Reads a .docx as a reader of its text would: the paragraphs of word/document.xml in order (the
 * paragraphs inside table cells too), and each table row as its cells' texts. Unzipped with fflate;
 * the XML is taken apart with regular expressions, which is enough for the files docx writes.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxText {
  /** Every part of the package by path, as text. */
  parts: Record<string, string>;
  /** word/document.xml */
  xml: string;
  /** Paragraph texts outside tables, in order. */
  paragraphs: string[];
  /** Rows of all tables, each row its cells' texts (a cell's paragraphs joined by "\n"). */
  rows: string[][];
  /** All the document's text (paragraphs and cells), one paragraph a line. */
  all: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/** The text of one paragraph's XML: its w:t elements, a w:tab as a tab, a w:br as a line break. */
export function paragraphText(p: string): string {
  let out = '';
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) out += m[1] !== undefined ? unescape(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n';
  return out;
}

const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)].map((m) => paragraphText(m[0]));

export function docxText(bytes: Uint8Array): DocxText {
  const files = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  const xml = parts['word/document.xml'] ?? '';
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const rows = tables.flatMap((t) => [...t.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphsOf(c[0]).join('\n'))));
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = paragraphsOf(outside);
  return { parts, xml, paragraphs, rows, all: paragraphsOf(xml).join('\n') };
}
