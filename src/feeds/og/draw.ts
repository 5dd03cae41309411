/**
 * Drawing a social card: the card's lines of text set into a coverage mask, then encoded
 * (./png.ts). Text from data is escaped into any SVG as text.
 *
 * The mask is set from glyphs that resvg draws once per font, size and character, placed by the
 * font's advance widths and kerning pairs (read once, ../font.ts), for the scripts that need no
 * shaping (Latin, Greek, Cyrillic and their punctuation); a line with any other character is
 * drawn by resvg whole. The font ships in an npm package (dejavu-fonts-ttf), so no outside
 * service and no system font is involved. Runs on the main thread (`astro dev`) or in the worker
 * that writes a build's files beside its routes (../beside-worker.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { escapeXml } from '../../safety/escape.ts';
import { astroRoot } from '../../site/env.ts';
import { readMetrics, type Metrics } from '../font.ts';
import { ACCENT, BACKGROUND, BOTTOM_CLIP, encodeCard, INKS, LEFT, newMask, OG_HEIGHT, OG_WIDTH, STRIPE, TOP_CLIP, touch, type Line, type Mask, type Rgb } from './png.ts';

export interface CardInput {
  site: string;
  title: string;
  /** A line under the title: the date and place. */
  meta: string;
  /** Short label above the title: "Incident". */
  kicker: string;
}

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
    // Resolved from the project (the Astro root, which the integration names), not from wherever
    // the bundled build chunk happens to sit.
    const require = createRequire(join(astroRoot(), 'package.json'));
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

function drawWith(r: Renderer, input: CardInput): Buffer {
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

/** The card's PNG. */
export async function drawCard(input: CardInput): Promise<Buffer> {
  return drawWith(await setUp(), input);
}

/** Changes when the fonts do: part of a cached card's key. */
export async function fontStamp(): Promise<string> {
  return (await setUp()).fontStamp;
}
