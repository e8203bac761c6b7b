"""Reading an import file as text, whatever encoding the exporting tool chose.

Byte-order marks (UTF-8, UTF-16, UTF-32) win; UTF-16 without a mark is recognised by its
zero bytes; otherwise UTF-8, and a file that is not UTF-8 goes to the detector (legacy.py:
GBK, Shift-JIS, Windows-1251, Windows-1252, ...), which says which encoding it used and
whether it was sure. Files that cannot be imported are refused here, before anything is
parsed, with one sentence: missing, a folder, unreadable, empty, binary, larger than the cap.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from netjournal.formats.errors import FormatError
from netjournal.formats.legacy import detect_legacy
from netjournal.formats.limits import MAX_FILE_BYTES, check_file_size

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192
_TEXT_CONTROLS = "\t\n\r\f\v\x1a"  # \x1a: the DOS end-of-file mark some old exports carry
STDIN = "-"  # `netjournal import FORMAT -` reads standard input
STDIN_NAME = "standard input"


@dataclass(frozen=True, slots=True)
class Decoded:
    """An import file's text and how it was read."""

    text: str
    encoding: str  # as people say it: "UTF-8", "GBK (Chinese)", "Windows-1252 (Western European)"
    note: str = ""  # a sentence for the report when the file was not UTF-8, else ""


def read_text(path: Path) -> str:
    """The text of an import file; FormatError with a sentence if it cannot be one."""
    return read_decoded(path).text


def read_decoded(path: Path | str) -> Decoded:
    """The text of an import file (`-`: standard input) and its encoding; FormatError with a
    sentence if it cannot be read as text."""
    if str(path) == STDIN:
        return _from_stdin()
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
    return _checked(raw, str(path))


def _from_stdin() -> Decoded:
    try:
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # one byte more tells it is too large
    except (AttributeError, OSError, ValueError):  # no standard input at all (closed, detached)
        raise FormatError("Cannot read standard input; nothing was imported.") from None
    check_file_size(len(raw), "Standard input")
    return _checked(raw, "Standard input")


def _checked(raw: bytes, source: str) -> Decoded:
    decoded = decode_bytes(raw)
    if decoded is None:
        raise FormatError(f"{source} is not a text file (it looks binary); nothing was imported.")
    if not decoded.text.strip():
        raise FormatError(f"{source} is empty; nothing was imported.")
    return decoded


def decode(raw: bytes) -> str | None:
    """`raw` as text, or None if it looks like a binary file."""
    decoded = decode_bytes(raw)
    return None if decoded is None else decoded.text


def decode_bytes(raw: bytes) -> Decoded | None:
    """`raw` as text with its encoding, or None if it looks like a binary file."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(encoding, errors="replace")
            return _unless_binary(text, *_unicode(encoding))
    if b"\x00" in raw[:_SAMPLE]:
        utf16 = _utf16_without_bom(raw[:_SAMPLE])
        if utf16 is None:
            return None
        return _unless_binary(raw.decode(utf16, errors="replace"), *_unicode(utf16))
    try:
        return _unless_binary(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    legacy = detect_legacy(raw)
    return _unless_binary(legacy.text, legacy.label, legacy.note)


def _unicode(codec: str) -> tuple[str, str]:
    if codec == "utf-8":  # with its byte-order mark: UTF-8 all the same, nothing to say
        return "UTF-8", ""
    name = codec.upper().removesuffix("-LE").removesuffix("-BE")
    return name, f"The file is in {name}, not UTF-8; it was read as {name}."


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


def _unless_binary(text: str, encoding: str, note: str = "") -> Decoded | None:
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return None
    controls = sum(1 for char in sample if char < " " and char not in _TEXT_CONTROLS)
    return None if controls > max(8, len(sample) // 20) else Decoded(text, encoding, note)
