import { crc32, deflateSync } from 'node:zlib';
// The site's icon (issue 12): the brand red square with three lines of text, as SVG for browsers
// that take it and as a 32×32 ICO for everything that asks for /favicon.ico. Both are drawn from
// the same shapes, so they cannot drift apart.

const SIZE = 32;
const RADIUS = 6;
const BRAND = [0x9b, 0x1b, 0x1e] as const;
/** The white bars: x, y, width, height. */
const BARS = [
  [8, 9, 16, 3],
  [8, 15, 16, 3],
  [8, 21, 10, 3],
] as const;

export const FAVICON_SVG = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">`,
  `<rect width="${SIZE}" height="${SIZE}" rx="${RADIUS}" fill="#${BRAND.map((c) => c.toString(16).padStart(2, '0')).join('')}"/>`,
  ...BARS.map(([x, y, w, h]) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fff"/>`),
  '</svg>\n',
].join('');

function insideRoundedSquare(px: number, py: number): boolean {
  const cx = Math.min(Math.max(px, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(py, RADIUS), SIZE - RADIUS);
  return (px - cx) ** 2 + (py - cy) ** 2 <= RADIUS ** 2;
}

/** A 32-bit BMP inside an ICO container: header, directory entry, bottom-up BGRA rows, AND mask. */
export function faviconIco(): Buffer {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // one bit per pixel, rows padded to 4 bytes; all 0, alpha decides
  const image = 40 + pixels + mask;
  const out = Buffer.alloc(6 + 16 + image);
  out.writeUInt16LE(1, 2); // type: icon
  out.writeUInt16LE(1, 4); // one image
  out.writeUInt8(SIZE, 6);
  out.writeUInt8(SIZE, 7);
  out.writeUInt16LE(1, 10); // planes
  out.writeUInt16LE(32, 12); // bits per pixel
  out.writeUInt32LE(image, 14);
  out.writeUInt32LE(22, 18); // offset of the image
  out.writeUInt32LE(40, 22); // BITMAPINFOHEADER
  out.writeInt32LE(SIZE, 26);
  out.writeInt32LE(SIZE * 2, 30); // colour rows + mask rows
  out.writeUInt16LE(1, 34);
  out.writeUInt16LE(32, 36);
  out.writeUInt32LE(pixels + mask, 42);
  for (let row = 0; row < SIZE; row += 1) {
    const y = SIZE - 1 - row; // BMP rows run bottom-up
    for (let x = 0; x < SIZE; x += 1) {
      const at = 62 + (row * SIZE + x) * 4;
      if (!insideRoundedSquare(x + 0.5, y + 0.5)) continue;
      const white = BARS.some(([bx, by, w, h]) => x >= bx && x < bx + w && y >= by && y < by + h);
      const [r, g, b] = white ? [255, 255, 255] : BRAND;
      out.writeUInt8(b, at);
      out.writeUInt8(g, at + 1);
      out.writeUInt8(r, at + 2);
      out.writeUInt8(255, at + 3);
    }
  }
  return out;
}

/** The Open Graph image (issue 12): the icon, large, on the page colour, as a social card wants. */
export const OG_IMAGE = { path: '/og-image.png', width: 1200, height: 630 } as const;

/** What the card shows, for og:image:alt and twitter:image:alt. */
export function ogImageAlt(lang: 'zh' | 'en', siteName: string): string {
  return lang === 'en'
    ? `${siteName}: the site's icon, three white lines on a red square`
    : `${siteName}网站标志：红色方块上的三道白线`;
}
const CARD_BACKGROUND = [0xf7, 0xf3, 0xec] as const;
const ICON_PX = 420;
const SUBSAMPLES = 4; // per axis: smooth edges on the rounded corners
const WHITE = [255, 255, 255] as const;

/** The icon's colour at (x, y) of its 32-unit square, or undefined outside it. */
function iconColour(x: number, y: number): readonly [number, number, number] | undefined {
  if (!insideRoundedSquare(x, y)) return undefined;
  const white = BARS.some(([bx, by, w, h]) => x >= bx && x < bx + w && y >= by && y < by + h);
  return white ? WHITE : BRAND;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * og-image.png, 1200×630 RGB: the same shapes as the favicon, drawn here, so the build needs no
 * font, no rasterizer and no network, and every build makes the same bytes.
 */
export function ogImagePng(): Buffer {
  const { width, height } = OG_IMAGE;
  const left = (width - ICON_PX) / 2;
  const top = (height - ICON_PX) / 2;
  const unit = SIZE / ICON_PX;
  const row = 1 + width * 3; // filter byte, then RGB
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * row + 1 + x * 3;
      let [r, g, b]: readonly number[] = CARD_BACKGROUND;
      if (x >= left - 1 && x <= left + ICON_PX && y >= top - 1 && y <= top + ICON_PX) {
        const at = (dx: number, dy: number): readonly number[] =>
          iconColour((x - left + dx) * unit, (y - top + dy) * unit) ?? CARD_BACKGROUND;
        const corners = [at(0, 0), at(1, 0), at(0, 1), at(1, 1)];
        // Subsampled only where the pixel's corners differ: an edge runs through it.
        if (corners.every((c) => c === corners[0])) [r, g, b] = corners[0] ?? CARD_BACKGROUND;
        else {
          let [sr, sg, sb] = [0, 0, 0];
          for (let sy = 0; sy < SUBSAMPLES; sy += 1)
            for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
              const [cr = 0, cg = 0, cb = 0] = at((sx + 0.5) / SUBSAMPLES, (sy + 0.5) / SUBSAMPLES);
              [sr, sg, sb] = [sr + cr, sg + cg, sb + cb];
            }
          const n = SUBSAMPLES * SUBSAMPLES;
          [r, g, b] = [Math.round(sr / n), Math.round(sg / n), Math.round(sb / n)];
        }
      }
      raw[at] = r ?? 0;
      raw[at + 1] = g ?? 0;
      raw[at + 2] = b ?? 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
