import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Noto Sans SC (SIL OFL 1.1), Regular and Bold, shipped in this package as subsets to GB 2312
// (fonts/, made by fonts/subset.py; see FONTS.md): 2.3 MB each instead of a 92 MB npm package.
// pdfkit embeds only the glyphs a document uses.
const require = createRequire(import.meta.url);

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PdfFonts | undefined;

const shipped = (file: string): Buffer =>
  readFileSync(require.resolve(`export-worker/fonts/${file}`));

/** The two weights the PDF uses, read once per process. */
export function loadPdfFonts(): PdfFonts {
  cached ??= {
    regular: shipped('NotoSansSC-Regular.subset.ttf'),
    bold: shipped('NotoSansSC-Bold.subset.ttf'),
  };
  return cached;
}
