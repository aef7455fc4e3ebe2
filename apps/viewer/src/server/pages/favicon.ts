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
