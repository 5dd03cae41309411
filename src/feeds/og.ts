/**
 * Social images (Open Graph, Twitter cards): a 1200×630 PNG per incident, drawn at build time
 * from an SVG by resvg with a font shipped in an npm package (dejavu-fonts-ttf), so no outside
 * service and no system font is involved. Text from data is escaped into the SVG as text.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { escapeXml } from './xml.ts';

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

export function cardSvg(input: CardInput): string {
  const lines = wrap(input.title, 28, 4);
  const size = 60;
  const top = 245;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
  <rect width="100%" height="100%" fill="#0f1419"/>
  <rect x="0" y="0" width="24" height="${OG_HEIGHT}" fill="#7cb8ff"/>
  <text x="80" y="110" font-family="DejaVu Sans" font-weight="bold" font-size="40" fill="#7cb8ff">${escapeXml(input.site)}</text>
  <text x="80" y="170" font-family="DejaVu Sans" font-size="30" fill="#a3adb8">${escapeXml(input.kicker)}</text>
  ${lines.map((l, i) => `<text x="80" y="${top + i * (size + 14)}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="#e6e9ed">${escapeXml(l)}</text>`).join('\n  ')}
  <text x="80" y="${OG_HEIGHT - 60}" font-family="DejaVu Sans" font-size="32" fill="#a3adb8">${escapeXml(input.meta)}</text>
</svg>`;
}

function fontFiles(): string[] {
  // Resolved from the project, not from wherever the bundled build chunk happens to sit.
  const require = createRequire(join(process.cwd(), 'package.json'));
  const dir = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');
  return [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
}

export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(cardSvg(input), {
    fitTo: { mode: 'width', value: OG_WIDTH },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}
