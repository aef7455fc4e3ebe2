import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Noto Sans SC (SIL OFL 1.1, see FONTS.md) ships as static TrueType files in an npm package,
// so a plain `pnpm install` brings it; pdfkit embeds only the glyphs a document uses.
const require = createRequire(import.meta.url);

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PdfFonts | undefined;

/** The two weights the PDF uses, read once per process (each file is about 10 MB). */
export function loadPdfFonts(): PdfFonts {
  if (cached === undefined) {
    const root = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    cached = {
      regular: readFileSync(join(root, '400Regular', 'NotoSansSC_400Regular.ttf')),
      bold: readFileSync(join(root, '700Bold', 'NotoSansSC_700Bold.ttf')),
    };
  }
  return cached;
}
