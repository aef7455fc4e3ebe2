#!/usr/bin/env python3
"""Makes the shipped Noto Sans SC subsets (see ../FONTS.md) from the full static TrueType files.

    npm pack @expo-google-fonts/noto-sans-sc@0.4.3 && tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz
    python3 subset.py package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf

Needs fontTools (pip install fonttools, or apt-get install python3-fonttools). The kept
characters: every character of GB 2312 (6763 hanzi, punctuation, Latin, Greek, Cyrillic, kana,
numbered forms, as GBK decodes them), printable ASCII, Latin-1, Latin Extended-A and IPA, and the punctuation, symbols and full-width forms
blocks. Hinting is dropped: a PDF viewer does not use TrueType hints.
"""
import sys
from pathlib import Path

from fontTools import subset


def gb2312() -> set[int]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1
    (0x100, 0x17F),  # Latin Extended-A (pinyin: ń, ň)
    (0x250, 0x2AF),  # IPA (pinyin: ɑ, ɡ)
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x214F),  # letterlike symbols (℃, №)
    (0x2150, 0x218F),  # number forms (Ⅻ)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFE30, 0xFE4F),  # CJK compatibility (vertical) forms, which GBK puts in GB 2312's rows
    (0xFF00, 0xFFEF),  # full-width forms
]


def main(regular: str, bold: str) -> None:
    unicodes = gb2312() | {c for lo, hi in RANGES for c in range(lo, hi + 1)}
    out = Path(__file__).parent
    for source, name in ((regular, "NotoSansSC-Regular.subset.ttf"), (bold, "NotoSansSC-Bold.subset.ttf")):
        options = subset.Options()
        options.hinting = False
        options.name_IDs = ["*"]  # keep the copyright, licence and font names
        options.name_languages = ["*"]
        font = subset.load_font(source, options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(unicodes))
        subsetter.subset(font)
        subset.save_font(font, str(out / name), options)
        print(name, (out / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
