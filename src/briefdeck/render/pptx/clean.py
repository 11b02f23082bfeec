"""Text hygiene for slide XML: what may reach a run, and which script a run is in.

Text from sources and briefs can carry anything a file can hold. XML 1.0
forbids most control characters, lone surrogates and U+FFFE/U+FFFF (an .pptx
holding one will not open), so they are removed here, once, before any text
is measured or written. Line and paragraph separators become line breaks.
"""

from __future__ import annotations

import re


_DROP = {code: None for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000),
                                 0xFFFE, 0xFFFF)}
del _DROP[ord("\n")]
_DROP[ord("\t")] = " "  # a tab would jump to a tab stop nobody measured
_DROP[0x2028] = "\n"  # LINE SEPARATOR
_DROP[0x2029] = "\n"  # PARAGRAPH SEPARATOR
_DROP[0x0B] = "\n"  # vertical tab: PowerPoint's own soft line break
_DROP[0x85] = "\n"  # NEXT LINE


def clean_text(text: str) -> str:
    """``text`` safe for XML: control characters dropped, line separators as ``\\n``.

    Tab becomes a space; CR LF and lone CR become ``\\n``. A ``\\n`` left in
    the result is a line break inside its paragraph.
    """
    if text.isprintable():  # no control character, surrogate, separator or non-character: nothing to do
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP)


def one_line(text: str) -> str:
    """``clean_text`` with every line break folded to a space (titles, labels)."""
    return " ".join(clean_text(text).split())


# Scripts PowerPoint sets in the East Asian font slot: Hangul, kana, CJK
# ideographs and their punctuation, full-width forms.
EAST_ASIAN_RUN = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u2ff0-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff"
    "\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0003134f]+"
)
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")


def is_east_asian(char: str) -> bool:
    """True for a character PowerPoint draws with the East Asian (``a:ea``) font."""
    return bool(EAST_ASIAN_RUN.fullmatch(char))


def split_scripts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_east_asian) pieces, in order, joined back unchanged."""
    if text.isascii():  # no East Asian script
        return [(text, False)] if text else []
    out: list[tuple[str, bool]] = []
    pos = 0
    for match in EAST_ASIAN_RUN.finditer(text):
        if match.start() > pos:
            out.append((text[pos:match.start()], False))
        out.append((match.group(), True))
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def east_asian_lang(piece: str, han_default: str) -> str:
    """The language tag for an East Asian piece: Korean, Japanese, else ``han_default``."""
    if _HANGUL.search(piece):
        return "ko-KR"
    if _KANA.search(piece):
        return "ja-JP"
    return han_default
