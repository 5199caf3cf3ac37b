"""Bytes to text: BOMs, declared charsets checked against the bytes, then detection.

Mojibake is worse than an error: a declared charset is used only when the bytes decode
under it, and UTF-8 is always tried strictly before any single-byte guess.
"""

from __future__ import annotations

import codecs
import re

from argmine.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a RIFF (WebP, WAV) file"),
    (b"\x7fELF", "an executable"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""C0 controls but white space, DEL, and the C1 controls that only a wrong single-byte
decoding produces (cp1252 maps those bytes to letters and typography)."""
MAX_CONTROL_SHARE = 0.01
"""Share of control characters above which decoded text is taken for binary data."""


def decode_bytes(data: bytes, *, declared: str | None = None, name: str = "input") -> tuple[str, str]:
    """Decode ``data``; return the text and the encoding used, or raise ``DecodeError``."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"{name}: binary content ({what}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace").lstrip("\ufeff"), encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace"), utf16, name)
    if b"\x00" in data:
        raise DecodeError(f"{name}: binary content (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    western = _decoded_or_none(data, "cp1252")
    for candidate in (declared, _declared_in_markup(data)):
        encoding = _known_encoding(candidate)
        if not encoding or encoding in ("utf-8", "utf-16", "utf-32"):
            continue
        text = _decoded_or_none(data, encoding)
        if text is None or _wrongly_declared(text, encoding, western):
            continue
        return _checked(text, encoding, name)
    return _checked(*_detect(data, name), name)


def _decoded_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _wrongly_declared(text: str, encoding: str, western: str | None) -> bool:
    """A declaration (koi8-r, cp1251, ...) under which the bytes decode, but into mojibake,
    while they read as French in cp1252: the declaration is wrong, not the bytes."""
    if encoding == "cp1252" or western is None:
        return False
    return _reads_as_french(western) and not _reads_as_french(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte of its ASCII characters."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _known_encoding(label) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", errors="ignore")
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "latin-1") else name


def _declared_in_markup(data: bytes) -> bytes | None:
    match = _DECLARED.search(data[:4096])
    return match.group(1) if match else None


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """Neither UTF-8 nor a working declaration: ask charset-normalizer, preferring cp1252
    among the Western single-byte encodings, since French pages in latin-1 use it too."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _reads_as_french(western):
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError(f"{name}: binary content or unknown text encoding")
    guess = best.encoding
    if guess in _WESTERN:
        for encoding in ("cp1252", "latin-1"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    try:
        return data.decode(guess), guess
    except (UnicodeDecodeError, LookupError) as error:
        raise DecodeError(f"{name}: unknown text encoding") from error


_FRENCH_LETTERS = set("àâäçéèêëîïôöûùüÿœæÀÂÄÇÉÈÊËÎÏÔÖÛÙÜŸŒÆ«»’“”…–—€°")
MIN_FRENCH_SHARE = 0.8
"""Share of non-ASCII characters that must be French letters or typography for cp1252."""


def _reads_as_french(text: str) -> bool:
    non_ascii = [c for c in text[:100_000] if ord(c) > 127]
    return bool(non_ascii) and sum(c in _FRENCH_LETTERS for c in non_ascii) >= MIN_FRENCH_SHARE * len(non_ascii)


_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "mac_roman", "cp850", "cp437", "ascii"}


def _checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    if text and len(_CONTROL.findall(text[:20000])) > MAX_CONTROL_SHARE * min(len(text), 20000):
        raise DecodeError(f"{name}: binary content ({encoding} decoding gives control characters)")
    return text, encoding
