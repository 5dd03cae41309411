/**
 * The social card as an 8-bit palette PNG: a flat background, an accent stripe, and text as a
 * coverage mask coloured by line (each line has one ink). A third of the bytes of RGB to
 * compress, and rows without text are copied from one template.
 */
import { crc32, deflateSync } from 'node:zlib';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export type Rgb = readonly [number, number, number];
export const BACKGROUND: Rgb = [0x0f, 0x14, 0x19];
export const ACCENT: Rgb = [0x7c, 0xb8, 0xff];
export const TEXT: Rgb = [0xe6, 0xe9, 0xed];
export const MUTED: Rgb = [0xa3, 0xad, 0xb8];
/** The ink colours, in palette order. */
export const INKS = [ACCENT, TEXT, MUTED] as const;
export type Ink = 0 | 1 | 2;
/** Anti-aliasing levels per ink: 64 keep edges smooth and the palette under 256 colours. */
export const LEVELS = 64;
export const STRIPE = 24;
/** resvg draws only the text area: x from LEFT, y from TOP_CLIP to BOTTOM_CLIP. */
export const LEFT = 80;
export const TOP_CLIP = 60;
export const BOTTOM_CLIP = 610;

export interface Line {
  text: string;
  /** Baseline, in card pixels. */
  y: number;
  size: number;
  bold: boolean;
  ink: Ink;
}

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
export interface Mask {
  coverage: Uint8Array;
  from: Int16Array;
  to: Int16Array;
}

export const newMask = (): Mask => ({ coverage: new Uint8Array(OG_WIDTH * OG_HEIGHT), from: new Int16Array(OG_HEIGHT).fill(OG_WIDTH), to: new Int16Array(OG_HEIGHT) });

/** Marks pixels x0 to x1 (exclusive) of row y as possibly inked. */
export function touch(mask: Mask, y: number, x0: number, x1: number): void {
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
