/**
 * Zip-bomb guard for xlsx/xlsm/xlsb/ods files. SheetJS inflates every entry without limit, so the
 * central directory is checked first (declared sizes and ratios), then each entry is inflated with
 * a hard output cap so a directory that lies about sizes cannot blow up memory either.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Largest total uncompressed size of all entries. */
  maxTotalBytes: number;
  /** Largest single entry. */
  maxEntryBytes: number;
  /** Largest compression ratio for entries above 1 MiB. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 400 * 2 ** 20,
  maxEntryBytes: 200 * 2 ** 20,
  maxRatio: 200,
  maxEntries: 5000,
};

/** Returns null when the archive is safe to hand to SheetJS, else a Chinese reason. */
export function checkZip(buf: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: 22 bytes + comment (≤ 65535), searched from the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return '压缩包结构不完整（文件可能已损坏或被截断）';
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff) return '压缩包使用了ZIP64格式，台账文件不应如此之大';
  if (entries > limits.maxEntries) return `压缩包内文件过多（${entries}个）`;
  if (cdOffset + cdSize > buf.length) return '压缩包目录超出文件范围（文件可能已损坏或被截断）';
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50) return '压缩包目录已损坏';
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (size > limits.maxEntryBytes) return `压缩包内单个文件解压后过大（${mb(size)}），疑似“压缩炸弹”`;
    total += size;
    if (total > limits.maxTotalBytes) return `压缩包解压后总量过大（超过${mb(limits.maxTotalBytes)}），疑似“压缩炸弹”`;
    if (size > 2 ** 20 && compressed > 0 && size / compressed > limits.maxRatio) {
      return `压缩比异常（${Math.round(size / compressed)}倍），疑似“压缩炸弹”`;
    }
    if (method === 8) {
      const actual = inflatedSize(buf, view, localOffset, compressed, size);
      if (actual === 'too-big') return '压缩包内文件的实际解压大小超过其声明大小，疑似“压缩炸弹”';
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

function inflatedSize(buf: Uint8Array, view: DataView, local: number, compressed: number, declared: number): 'ok' | 'too-big' | 'unknown' {
  if (local + 30 > buf.length || view.getUint32(local, true) !== 0x04034b50) return 'unknown';
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = buf.subarray(start, Math.min(buf.length, start + compressed));
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, declared) + 1024 });
    return 'ok';
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ERR_BUFFER_TOO_LARGE' ? 'too-big' : 'unknown';
  }
}

const mb = (n: number) => `${Math.round(n / 2 ** 20)}MB`;
