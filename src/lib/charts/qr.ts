/**
 * A QR code as an SVG string, made at build time with qrcode-generator: one <path> of dark modules
 * (runs merged), a 4-module quiet zone, crisp edges, so it prints sharp at any size.
 */
import qrcode from 'qrcode-generator';
import { xmlEscape } from './render.ts';

type QRCode = ReturnType<typeof qrcode>;

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
  makeWithFastMaskChoice(qr);
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/**
 * `qr.make()`: the same modules in less than half the time. Every page carries a QR code (every
 * page can be printed) and make() spent most of its 1.2–1.4 ms scoring the 8 masks in
 * `QRUtil.getLostPoint`, through a call of `isDark` per neighbour (docs/performance.md, hotspot 3).
 * The library has no option to score faster or to set the mask, so this leans on how it chooses:
 * getBestMaskPattern() lays out each mask and calls getLostPoint(qr), which reads
 * `qr.getModuleCount()` first, then `qr.isDark()`, and keeps the first mask that scores strictly
 * lower than the best so far. Our getModuleCount reads the mask's modules, scores them here by the
 * same rules (`lostPoint`, on a flat array), and hands getLostPoint a stand-in whose score only
 * orders the masks: lower for each new best mask, NaN (never lower) for any other. The library
 * then lays out the mask it would have chosen itself, so the printed code does not change.
 * test/charts/qr.test.ts checks the modules equal plain make()'s for addresses of every length a
 * page can have (versions 2–10, all eight masks), so an upgrade of qrcode-generator (pinned) that
 * chooses differently fails there, not on paper.
 */
function makeWithFastMaskChoice(qr: QRCode): void {
  // The library's methods are closures over its own state and ignore `this`.
  const realCount = qr.getModuleCount;
  const realDark = qr.isDark;
  let best = Infinity;
  let bests = 0;
  qr.getModuleCount = () => {
    const n = realCount();
    const m = new Uint8Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) m[r * n + c] = realDark(r, c) ? 1 : 0;
    const score = lostPoint(m, n);
    qr.isDark = () => true;
    // An all-dark n × n square scores more the larger it is: each new best gets a smaller one (8, 7 …;
    // there are at most 8). Any other mask gets none: a 0 × 0 square scores NaN, never lower than the best.
    if (score < best) {
      best = score;
      return 8 - bests++;
    }
    return 0;
  };
  try {
    qr.make();
  } finally {
    qr.getModuleCount = realCount;
    qr.isDark = realDark;
  }
}

/**
 * qrcode-generator's `QRUtil.getLostPoint` (2.0.4) on a flat n × n array of 0/1: the same rules and
 * the same sum, so the same mask wins. Written for speed: a border of 2s (equal to neither colour)
 * spares the bounds checks of the neighbour count, and a 7-bit shift register finds 1011101 runs.
 */
export function lostPoint(m: Uint8Array, n: number): number {
  const w = n + 2;
  const p = new Uint8Array(w * w).fill(2);
  for (let r = 0; r < n; r++) p.set(m.subarray(r * n, r * n + n), (r + 1) * w + 1);
  let lost = 0;
  // Level 1: a module with more than 5 of its 8 neighbours alike.
  for (let r = 1; r <= n; r++) {
    for (let i = r * w + 1, end = i + n; i < end; i++) {
      const d = p[i];
      const same = +(p[i - w - 1] === d) + +(p[i - w] === d) + +(p[i - w + 1] === d) + +(p[i - 1] === d)
        + +(p[i + 1] === d) + +(p[i + w - 1] === d) + +(p[i + w] === d) + +(p[i + w + 1] === d);
      if (same > 5) lost += 3 + same - 5;
    }
  }
  // Level 2: 2 × 2 blocks of one colour.
  for (let r = 0; r < n - 1; r++) {
    for (let c = 0; c < n - 1; c++) {
      const k = m[r * n + c]! + m[(r + 1) * n + c]! + m[r * n + c + 1]! + m[(r + 1) * n + c + 1]!;
      if (k === 0 || k === 4) lost += 3;
    }
  }
  // Level 3: the finder-like run 1011101 (0x5d), across and down.
  for (let a = 0; a < n; a++) {
    let across = 0;
    let down = 0;
    for (let b = 0; b < n; b++) {
      across = ((across << 1) | m[a * n + b]!) & 0x7f;
      down = ((down << 1) | m[b * n + a]!) & 0x7f;
      if (b >= 6) {
        if (across === 0x5d) lost += 40;
        if (down === 0x5d) lost += 40;
      }
    }
  }
  // Level 4: distance of the dark share from half.
  let dark = 0;
  for (let i = 0; i < n * n; i++) dark += m[i]!;
  const ratio = Math.abs(100 * dark / n / n - 50) / 5;
  return lost + ratio * 10;
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
