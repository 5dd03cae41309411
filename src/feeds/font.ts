/**
 * Just enough of a TrueType font for the social cards (src/feeds/og/) to set a line of text
 * without shaping: the character map, advance widths and the kern table's pairs.
 */
export interface Metrics {
  unitsPerEm: number;
  glyphOf(code: number): number;
  advance(glyph: number): number;
  kerning(left: number, right: number): number;
}

export function readMetrics(font: Buffer): Metrics {
  const tables = new Map<string, number>();
  for (let i = 0, n = font.readUInt16BE(4); i < n; i++) tables.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(20 + i * 16));
  const at = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(at('head') + 18);
  const metricsCount = font.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const advance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metricsCount - 1));

  // cmap: the Windows Unicode subtable, format 12 (full range) or 4 (BMP).
  const cmap = at('cmap');
  let format4 = -1;
  let format12 = -1;
  for (let i = 0, n = font.readUInt16BE(cmap + 2); i < n; i++) {
    const platform = font.readUInt16BE(cmap + 4 + i * 8);
    const encoding = font.readUInt16BE(cmap + 6 + i * 8);
    const offset = cmap + font.readUInt32BE(cmap + 8 + i * 8);
    const format = font.readUInt16BE(offset);
    if (platform === 3 && encoding === 10 && format === 12) format12 = offset;
    if (platform === 3 && encoding === 1 && format === 4) format4 = offset;
  }
  const glyphOf = (code: number): number => {
    if (format12 >= 0) {
      for (let i = 0, n = font.readUInt32BE(format12 + 12); i < n; i++) {
        const g = format12 + 16 + i * 12;
        const start = font.readUInt32BE(g);
        if (code >= start && code <= font.readUInt32BE(g + 4)) return font.readUInt32BE(g + 8) + code - start;
      }
      return 0;
    }
    if (format4 < 0 || code > 0xffff) return 0;
    const segments = font.readUInt16BE(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let i = 0; i < segments; i++) {
      if (code > font.readUInt16BE(ends + i * 2)) continue;
      const start = font.readUInt16BE(starts + i * 2);
      if (code < start) return 0;
      const delta = font.readInt16BE(deltas + i * 2);
      const range = font.readUInt16BE(ranges + i * 2);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(ranges + i * 2 + range + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };

  // kern: format 0 pairs of the horizontal subtables.
  const pairs = new Map<number, number>();
  const kern = tables.get('kern');
  if (kern !== undefined && font.readUInt16BE(kern) === 0) {
    let offset = kern + 4;
    for (let t = 0, n = font.readUInt16BE(kern + 2); t < n; t++) {
      const length = font.readUInt16BE(offset + 2);
      const coverage = font.readUInt16BE(offset + 4);
      if (coverage >> 8 === 0 && (coverage & 1) === 1 && (coverage & 4) === 0) {
        for (let i = 0, count = font.readUInt16BE(offset + 6); i < count; i++) {
          const p = offset + 14 + i * 6;
          pairs.set(font.readUInt16BE(p) * 65536 + font.readUInt16BE(p + 2), font.readInt16BE(p + 4));
        }
      }
      offset += length;
    }
  }
  return { unitsPerEm, glyphOf, advance, kerning: (left, right) => pairs.get(left * 65536 + right) ?? 0 };
}
