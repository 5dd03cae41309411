/**
 * Social images (Open Graph, Twitter cards): a 1200×630 PNG per incident, drawn at build time
 * with a font shipped in an npm package (dejavu-fonts-ttf), so no outside service and no system
 * font is involved. Text from data is escaped into the SVG as text.
 *
 * Drawn cheaply, since a site has one card per incident. The text is a coverage mask, coloured by
 * line (each line has one colour) over a flat background and written as an 8-bit palette PNG (a
 * third of the bytes of RGB to compress; rows without text copied from one template). The mask
 * is set from glyphs that resvg draws once per font, size and character, placed by the font's
 * advance widths and kerning pairs (read once, src/feeds/font.ts), for the scripts that need no
 * shaping (Latin, Greek, Cyrillic and their punctuation); a card with any other character has its
 * text drawn by resvg whole. Cards are cached across builds by a hash of what they show
 * (node_modules/.cache/driftwatch/og/, or DRIFTWATCH_OG_CACHE; `off` turns it off), so an
 * editor's rebuild draws only the cards that changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { escapeXml } from './xml.ts';
import { readMetrics, type Metrics } from './font.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface CardInput {
  site: string;
  title: string;
  /** A line under the title: the date and place. */
  meta: string;
  /** Short label above the title: "Incident". */
  kicker: string;
}

/** Bump when the drawing changes, so cached cards are drawn again. */
const CARD_VERSION = 'card-3';

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x0f, 0x14, 0x19];
const ACCENT: Rgb = [0x7c, 0xb8, 0xff];
const TEXT: Rgb = [0xe6, 0xe9, 0xed];
const MUTED: Rgb = [0xa3, 0xad, 0xb8];
/** The ink colours, in palette order. */
const INKS = [ACCENT, TEXT, MUTED] as const;
type Ink = 0 | 1 | 2;
/** Anti-aliasing levels per ink: 64 keep edges smooth and the palette under 256 colours. */
const LEVELS = 64;
const STRIPE = 24;
/** resvg draws only the text area: x from LEFT, y from TOP_CLIP to BOTTOM_CLIP. */
const LEFT = 80;
const TOP_CLIP = 60;
const BOTTOM_CLIP = 610;

/** Greedy word wrap by an average glyph width; long words are cut. At most `maxLines`, the last one ellipsed. */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > maxChars) {
      if (line) lines.push(line), (line = '');
      lines.push(word.slice(0, maxChars));
      word = word.slice(maxChars);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else lines.push(line), (line = word);
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…`;
    return kept;
  }
  return lines;
}

interface Line {
  text: string;
  /** Baseline, in card pixels. */
  y: number;
  size: number;
  bold: boolean;
  ink: Ink;
}

function cardLines(input: CardInput): Line[] {
  const size = 60;
  return [
    { text: input.site, y: 110, size: 40, bold: true, ink: 0 },
    { text: input.kicker, y: 170, size: 30, bold: false, ink: 2 },
    ...wrap(input.title, 28, 4).map((text, i): Line => ({ text, y: 245 + i * (size + 14), size, bold: true, ink: 1 })),
    { text: input.meta, y: OG_HEIGHT - 60, size: 32, bold: false, ink: 2 },
  ];
}

const hex = (rgb: Rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const textElement = (line: Line, dx: number, dy: number, fill: string) =>
  `<text x="${LEFT - dx}" y="${line.y - dy}" font-family="DejaVu Sans"${line.bold ? ' font-weight="bold"' : ''} font-size="${line.size}" fill="${fill}">${escapeXml(line.text)}</text>`;

/** The whole card as an SVG (what the PNG shows). */
export function cardSvg(input: CardInput): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
  <rect width="100%" height="100%" fill="${hex(BACKGROUND)}"/>
  <rect x="0" y="0" width="${STRIPE}" height="${OG_HEIGHT}" fill="${hex(ACCENT)}"/>
  ${cardLines(input).map((line) => textElement(line, 0, 0, hex(INKS[line.ink]))).join('\n  ')}
</svg>`;
}

/** Only the text, black on transparent, for the coverage mask: the area from LEFT, TOP_CLIP. */
function maskSvg(lines: Line[]): string {
  const width = OG_WIDTH - LEFT;
  const height = BOTTOM_CLIP - TOP_CLIP;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${lines.map((line) => textElement(line, LEFT, TOP_CLIP, '#000')).join('')}</svg>`;
}

// --- PNG ------------------------------------------------------------------------------------------

/** Palette: 0 the background, 1 the stripe, then LEVELS blends of the background into each ink. */
const PALETTE: Buffer = (() => {
  const colours: Rgb[] = [BACKGROUND, ACCENT];
  for (const ink of INKS) {
    for (let level = 1; level <= LEVELS; level++) {
      const t = level / LEVELS;
      colours.push(BACKGROUND.map((c, i) => Math.round(c + (ink[i]! - c) * t)) as unknown as Rgb);
    }
  }
  return Buffer.from(colours.flat());
})();
const inkBase = (ink: Ink) => 2 + ink * LEVELS - 1;
/** Coverage (0–255) to level (0–LEVELS). */
const LEVEL_OF = Uint8Array.from({ length: 256 }, (_, a) => Math.round((a * LEVELS) / 255));

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const HEADER = (() => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(OG_WIDTH, 0);
  ihdr.writeUInt32BE(OG_HEIGHT, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // palette colour
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', PALETTE)]);
})();
const END = chunk('IEND', Buffer.alloc(0));
const STRIDE = OG_WIDTH + 1;
/** A row with no text: filter byte 0, the stripe, the background. */
const PLAIN_ROW = (() => {
  const row = Buffer.alloc(STRIDE);
  row.fill(1, 1, 1 + STRIPE);
  return row;
})();

/** Text coverage (0–255) per pixel of the card, with the span of each row that has any. */
interface Mask {
  coverage: Uint8Array;
  from: Int16Array;
  to: Int16Array;
}

const newMask = (): Mask => ({ coverage: new Uint8Array(OG_WIDTH * OG_HEIGHT), from: new Int16Array(OG_HEIGHT).fill(OG_WIDTH), to: new Int16Array(OG_HEIGHT) });

/** Marks pixels x0 to x1 (exclusive) of row y as possibly inked. */
function touch(mask: Mask, y: number, x0: number, x1: number): void {
  if (x0 < mask.from[y]!) mask.from[y] = x0;
  if (x1 > mask.to[y]!) mask.to[y] = x1;
}

/** The card's PNG from the text's coverage. */
export function encodeCard(lines: Line[], mask: Mask): Buffer {
  const { coverage } = mask;
  const raw = Buffer.allocUnsafe(STRIDE * OG_HEIGHT);
  // Which ink each row's text is drawn in: the band of the line it belongs to.
  const inkOfRow = new Int8Array(OG_HEIGHT).fill(-1);
  for (const line of lines) {
    const from = Math.max(0, Math.floor(line.y - line.size * 1.05));
    const to = Math.min(OG_HEIGHT, Math.ceil(line.y + line.size * 0.35));
    for (let y = from; y < to; y++) if (inkOfRow[y] === -1) inkOfRow[y] = line.ink;
  }
  for (let y = 0; y < OG_HEIGHT; y++) {
    const offset = y * STRIDE;
    PLAIN_ROW.copy(raw, offset);
    if (y < TOP_CLIP || y >= BOTTOM_CLIP) continue;
    const ink = inkOfRow[y]!;
    const base = inkBase(ink === -1 ? 1 : (ink as Ink));
    const row = y * OG_WIDTH;
    for (let x = mask.from[y]!, end = mask.to[y]!; x < end; x++) {
      const a = coverage[row + x]!;
      if (a !== 0) {
        const level = LEVEL_OF[a]!;
        if (level !== 0) raw[offset + 1 + x] = base + level;
      }
    }
  }
  return Buffer.concat([HEADER, chunk('IDAT', deflateSync(raw, { level: 3 })), END]);
}

// --- Drawing and caching --------------------------------------------------------------------------

type Resvg = typeof import('@resvg/resvg-js').Resvg;

interface Glyph {
  /** Coverage, `width` × `height`, its origin (pen position on the baseline) at `left`, `top`. */
  pixels: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
}

interface Face {
  metrics: Metrics;
  glyphs: Map<string, Glyph | null>;
}

interface Renderer {
  Resvg: Resvg;
  options: object;
  faces: { regular: Face; bold: Face };
  /** Changes when the fonts do: part of the cache key. */
  fontStamp: string;
}

let renderer: Promise<Renderer> | undefined;

function setUp(): Promise<Renderer> {
  return (renderer ??= (async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    // Resolved from the project, not from wherever the bundled build chunk happens to sit.
    const require = createRequire(join(process.cwd(), 'package.json'));
    const dir = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');
    const fontFiles = [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
    const [regular, bold] = fontFiles.map((file) => readFileSync(file));
    const fontStamp = createHash('sha256').update(regular!).update(bold!).digest('hex').slice(0, 16);
    const options = { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans' } };
    const face = (font: Buffer): Face => ({ metrics: readMetrics(font), glyphs: new Map() });
    return { Resvg, options, faces: { regular: face(regular!), bold: face(bold!) }, fontStamp };
  })());
}

/** Characters set glyph by glyph: scripts without shaping, no combining marks, no controls. */
const SIMPLE = /^[\u0020-\u007e\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20cf]*$/;

/** One character drawn by resvg, once per face, size and character. */
function glyphOf(r: Renderer, line: Line, char: string): Glyph | null {
  const face = line.bold ? r.faces.bold : r.faces.regular;
  const key = `${line.size}|${char}`;
  let glyph = face.glyphs.get(key);
  if (glyph !== undefined) return glyph;
  const pad = Math.ceil(line.size * 0.4);
  const width = Math.ceil((face.metrics.advance(face.metrics.glyphOf(char.codePointAt(0)!)) * line.size) / face.metrics.unitsPerEm) + 2 * pad;
  const top = Math.ceil(line.size * 1.2);
  const height = top + Math.ceil(line.size * 0.5);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${pad}" y="${top}" font-family="DejaVu Sans"${line.bold ? ' font-weight="bold"' : ''} font-size="${line.size}" fill="#000">${escapeXml(char)}</text></svg>`;
  const image = new r.Resvg(svg, r.options).render();
  // Kept trimmed to its ink, so placing it touches only the pixels it covers.
  const rgba = image.pixels;
  let [x0, y0, x1, y1] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (rgba[(y * image.width + x) * 4 + 3] !== 0) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  glyph = null;
  if (x1 >= 0) {
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const pixels = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[y * w + x] = rgba[((y + y0) * image.width + x + x0) * 4 + 3]!;
    glyph = { pixels, width: w, height: h, left: pad - x0, top: top - y0 };
  }
  face.glyphs.set(key, glyph);
  return glyph;
}

/** Sets one line into the coverage glyph by glyph; false when it needs shaping (resvg draws it). */
function setLine(r: Renderer, line: Line, mask: Mask): boolean {
  const { coverage } = mask;
  const text = line.text.normalize('NFC');
  if (!SIMPLE.test(text)) return false;
  const { metrics } = line.bold ? r.faces.bold : r.faces.regular;
  const scale = line.size / metrics.unitsPerEm;
  const chars = [...text];
  const ids = chars.map((c) => metrics.glyphOf(c.codePointAt(0)!));
  if (ids.some((id, i) => id === 0 && chars[i] !== ' ')) return false;
  let pen = LEFT;
  for (let i = 0; i < chars.length; i++) {
    const glyph = /\s/.test(chars[i]!) ? null : glyphOf(r, line, chars[i]!);
    if (glyph) {
      const x0 = Math.round(pen) - glyph.left;
      const y0 = line.y - glyph.top;
      for (let gy = 0; gy < glyph.height; gy++) {
        const y = y0 + gy;
        if (y < TOP_CLIP || y >= BOTTOM_CLIP) continue;
        const row = y * OG_WIDTH;
        const from = gy * glyph.width;
        touch(mask, y, Math.max(LEFT, x0), Math.min(OG_WIDTH, x0 + glyph.width));
        for (let gx = 0; gx < glyph.width; gx++) {
          const x = x0 + gx;
          const a = glyph.pixels[from + gx]!;
          if (a !== 0 && x >= LEFT && x < OG_WIDTH && a > coverage[row + x]!) coverage[row + x] = a;
        }
      }
    }
    pen += metrics.advance(ids[i]!) * scale + (i + 1 < ids.length ? metrics.kerning(ids[i]!, ids[i + 1]!) * scale : 0);
  }
  return true;
}

function draw(r: Renderer, input: CardInput): Buffer {
  const lines = cardLines(input);
  const mask = newMask();
  const { coverage } = mask;
  const shaped = lines.filter((line) => !setLine(r, line, mask));
  if (shaped.length > 0) {
    // Lines in other scripts: resvg lays them out (shaping, bidi) and they join the mask.
    const image = new r.Resvg(maskSvg(shaped), r.options).render();
    const rgba = image.pixels;
    for (let y = 0; y < image.height; y++) {
      touch(mask, y + TOP_CLIP, LEFT, LEFT + image.width);
      for (let x = 0; x < image.width; x++) {
        const a = rgba[(y * image.width + x) * 4 + 3]!;
        const i = (y + TOP_CLIP) * OG_WIDTH + x + LEFT;
        if (a > coverage[i]!) coverage[i] = a;
      }
    }
  }
  return encodeCard(lines, mask);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, file: string, png: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written beside, then renamed: a build that stops half-way never leaves half a card.
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk only costs the next build the drawing.
  }
}

export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const r = await setUp();
  const setting = process.env.DRIFTWATCH_OG_CACHE;
  const cacheDir = setting === 'off' ? undefined : (setting ?? join(process.cwd(), 'node_modules/.cache/driftwatch/og'));
  let file: string | undefined;
  if (cacheDir) {
    const key = createHash('sha256').update(JSON.stringify([CARD_VERSION, r.fontStamp, input.site, input.kicker, input.title, input.meta])).digest('hex');
    file = join(cacheDir, `${key}.png`);
    const cached = readCache(file);
    if (cached) return new Uint8Array(cached.buffer.slice(cached.byteOffset, cached.byteOffset + cached.byteLength)) as Uint8Array<ArrayBuffer>;
  }
  const png = draw(r, input);
  if (file) writeCache(cacheDir!, file, png);
  return new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength)) as Uint8Array<ArrayBuffer>;
}
