"""Reading a file that is not UTF-8: which legacy encoding it is in, and how sure that is.

charset-normalizer weighs the encodings that address books and spreadsheets really write
(Windows code pages, GBK, Big5, Shift-JIS, EUC-KR, KOI8-R). When several 8-bit code pages read
the file equally well but give different letters, nobody can tell them apart from the bytes:
then the file is read as Windows-1252 (Western European, the most common) and the report says
it was a guess, so the user can check accented names or convert the file to UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import CharsetMatch, from_bytes

FALLBACK = "cp1252"
TIE = 0.01  # "chaos" scores this close count as equally good readings
CLEAR_LEAD = 0.2  # a reading whose words fit a language this much better than the others wins
LABELS = {  # the encodings considered, as people call them
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp1257": "Windows-1257 (Baltic)",
    "cp1258": "Windows-1258 (Vietnamese)",
    "cp874": "Windows-874 (Thai)",
    "koi8_r": "KOI8-R (Russian)",
    "gb18030": "GBK/GB18030 (Chinese)",
    "big5": "Big5 (Traditional Chinese)",
    "cp932": "Shift-JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "cp949": "EUC-KR (Korean)",
}
MULTIBYTE = {"gb18030", "big5", "cp932", "euc_jp", "cp949"}


@dataclass(frozen=True, slots=True)
class Legacy:
    text: str
    label: str  # "Shift-JIS (Japanese)"
    note: str  # the report's sentence about it


def detect_legacy(raw: bytes) -> Legacy:
    """`raw` (not UTF-8) decoded in the encoding it most likely is in."""
    matches = list(from_bytes(raw, cp_isolation=list(LABELS)))
    if matches:
        best = min(match.chaos for match in matches)
        close = [match for match in matches if match.chaos <= best + TIE]
        readings = {match.encoding: str(match) for match in close}
        alike = len(set(readings.values())) == 1
        if alike or _language_decides(close):  # no doubt about the text
            chosen = FALLBACK if alike and FALLBACK in readings else close[0].encoding
            label = LABELS.get(chosen, chosen)
            return Legacy(readings[chosen], label, f"The file is not UTF-8; it was read as "
                          f"{label}, which its bytes point to.")  # fmt: skip
        if FALLBACK not in readings:  # one reading is still the likeliest, if not certain
            chosen = close[0].encoding
            label = LABELS.get(chosen, chosen)
            return Legacy(readings[chosen], label, f"The file is not UTF-8 and its encoding "
                          f"could not be told for sure; it was read as {label}, the likeliest: "
                          "check names with accents, or save the file as UTF-8 and import it "
                          "again.")  # fmt: skip
    return _fallback(raw)


def _language_decides(close: list[CharsetMatch]) -> bool:
    """Whether the likeliest reading's words fit a language clearly better than any other."""
    first = close[0]
    if any(match.encoding in MULTIBYTE for match in close):  # their words score low: no contest
        return False
    others = [match.coherence for match in close[1:] if str(match) != str(first)]
    return first.coherence >= CLEAR_LEAD and all(
        first.coherence - other >= CLEAR_LEAD for other in others
    )


def _fallback(raw: bytes) -> Legacy:
    label = LABELS[FALLBACK]
    try:
        text = raw.decode(FALLBACK)
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: Latin-1 has them
        text, label = raw.decode("latin-1"), "Latin-1 (Western European)"
    return Legacy(text, label, f"The file is not UTF-8 and its encoding could not be told for "
                  f"sure; it was read as {label}, the usual guess: check names with accents, or "
                  "save the file as UTF-8 and import it again.")  # fmt: skip
