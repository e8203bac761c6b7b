"""Reading an import file as text, whatever encoding the exporting tool chose.

Byte-order marks (UTF-8, UTF-16, UTF-32) win; UTF-16 without a mark is recognised by its
zero bytes; otherwise UTF-8, and for legacy 8-bit files Windows-1252 (which is also Latin-1
for every letter). Files that cannot be imported are refused here, before anything is parsed,
with one sentence: missing, a folder, unreadable, empty, binary, larger than the import cap.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from netjournal.formats.errors import FormatError
from netjournal.formats.limits import check_file_size

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192
_TEXT_CONTROLS = "\t\n\r\f\v\x1a"  # \x1a: the DOS end-of-file mark some old exports carry


def read_text(path: Path) -> str:
    """The text of an import file; FormatError with a sentence if it cannot be one."""
    path = Path(path)
    try:
        if path.is_dir():
            raise FormatError(f"{path} is a folder, not a file; nothing was imported.")
        if path.exists() and not path.is_file():  # a device or a pipe may never end
            raise FormatError(f"{path} is not a regular file; nothing was imported.")
        check_file_size(path.stat().st_size, str(path))  # before reading it, not after
        raw = path.read_bytes()
        check_file_size(len(raw), str(path))  # it may have grown meanwhile
    except FileNotFoundError:
        raise FormatError(f"{path} does not exist; nothing was imported.") from None
    except PermissionError:
        raise FormatError(f"Cannot read {path}: permission denied; nothing was imported.") from None
    except OSError as error:
        raise FormatError(
            f"Cannot read {path}: {error.strerror or error}; nothing was imported."
        ) from None
    text = decode(raw)
    if text is None:
        raise FormatError(f"{path} is not a text file (it looks binary); nothing was imported.")
    if not text.strip():
        raise FormatError(f"{path} is empty; nothing was imported.")
    return text


def decode(raw: bytes) -> str | None:
    """`raw` as text, or None if it looks like a binary file."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _unless_binary(raw[len(bom) :].decode(encoding, errors="replace"))
    if b"\x00" in raw[:_SAMPLE]:
        utf16 = _utf16_without_bom(raw[:_SAMPLE])
        if utf16 is None:
            return None
        return _unless_binary(raw.decode(utf16, errors="replace"))
    text: str
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            text = raw.decode("latin-1")
    return _unless_binary(text)


def _utf16_without_bom(sample: bytes) -> str | None:
    # Mostly-ASCII UTF-16 has a zero in every other byte: the odd ones (LE) or the even (BE).
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    odd_zeros = sum(1 for index in range(1, 2 * pairs, 2) if sample[index] == 0)
    even_zeros = sum(1 for index in range(0, 2 * pairs, 2) if sample[index] == 0)
    if odd_zeros >= 0.7 * pairs and even_zeros <= 0.05 * pairs:
        return "utf-16-le"
    if even_zeros >= 0.7 * pairs and odd_zeros <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _unless_binary(text: str) -> str | None:
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return None
    controls = sum(1 for char in sample if char < " " and char not in _TEXT_CONTROLS)
    return None if controls > max(8, len(sample) // 20) else text
