/**
 * A QR code as an SVG string, made at build time with qrcode-generator: one <path> of dark modules
 * (runs merged), a 4-module quiet zone, crisp edges, so it prints sharp at any size.
 */
import qrcode from 'qrcode-generator';
import { xmlEscape } from './render.ts';

export interface QrOptions {
  /** Accessible name, e.g. 本页二维码. */
  label: string;
  /** Rendered size in px (the SVG scales; print CSS sets it in mm). */
  size?: number;
}

/** The dark modules of the QR code of `text` (ASCII only: percent-encode a URL first). */
export function qrMatrix(text: string): boolean[][] {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error('qrMatrix: text must be printable ASCII (percent-encode URLs)');
  // Level M survives a crease or a smudge on paper; type 0 picks the smallest version that fits.
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** The QR code of `text` as a self-contained SVG string (black on white, whatever the page's colours). */
export function qrSvg(text: string, o: QrOptions): string {
  const m = qrMatrix(text);
  const quiet = 4;
  const n = m.length + quiet * 2;
  let d = '';
  m.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let run = 1;
      while (row[c + run]) run++;
      d += `M${c + quiet} ${r + quiet}h${run}v1h-${run}z`;
      c += run - 1;
    }
  });
  const size = o.size ?? 120;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${size}" height="${size}" role="img" aria-label="${xmlEscape(o.label)}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
