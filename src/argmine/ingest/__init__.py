"""Ingest: from a path, a URL, stdin or bytes to a ``Document``.

Reading bytes, decoding them, telling HTML from text, extracting the main text and
metadata, and identifying the language. Knows nothing of spaCy or labels.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

from argmine.document import Document, Origin
from argmine.errors import FetchError, InputError
from argmine.ingest.decode import decode_bytes
from argmine.ingest.fetch import fetch, is_url
from argmine.ingest.language import identify_language
from argmine.options import Options

__all__ = ["read_source", "document_from_bytes", "document_from_text", "is_url"]

HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text", ".rst"}
_HTML_SNIFF = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|article)[\s>]", re.I)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+)://|^(data|javascript|mailto|file|blob|about):", re.I)
"""A URL that is not http(s): ``scheme://`` or one of the schemes written without ``//``."""


def read_source(source: str | Path, *, options: Options | None = None) -> Document:
    """Read a file path, an http(s) URL, or ``-`` for standard input."""
    options = options or Options()
    source_text = str(source)
    if source_text == "-":
        data = sys.stdin.buffer.read(options.max_input_bytes + 1)
        return document_from_bytes(data, name="<stdin>", origin=Origin(path="-"), options=options)
    if is_url(source_text):
        fetched = fetch(source_text, options=options)
        origin = Origin(url=fetched.url, fetched_at=fetched.fetched_at, content_type=fetched.content_type)
        return document_from_bytes(
            fetched.body,
            name=source_text,
            origin=origin,
            content_type=fetched.content_type,
            charset=fetched.charset,
            options=options,
        )
    path = Path(source_text)
    if not path.exists():
        scheme = _SCHEME.match(source_text)
        if scheme:
            name = scheme.group(1) or scheme.group(2)
            raise FetchError(f"{source_text}: only http and https URLs can be fetched, not {name}:")
        raise InputError(f"{source_text}: no such file")
    if path.is_dir():
        raise InputError(f"{source_text}: is a directory (argmine batch reads directories)")
    data = _read_bounded(path, name=source_text, limit=options.max_input_bytes)
    return document_from_bytes(data, name=source_text, origin=Origin(path=source_text), options=options)


def _read_bounded(path: Path, *, name: str, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes: the size a ``stat`` gives is 0 for pipes and devices
    (``/dev/zero``, ``<(cat big)``), which would otherwise be read to the end."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{name}: {size} bytes exceeds the limit of {limit}")
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None


def document_from_bytes(
    data: bytes,
    *,
    name: str = "input",
    origin: Origin | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    options: Options | None = None,
) -> Document:
    options = options or Options()
    if len(data) > options.max_input_bytes:
        raise InputError(f"{name}: more than {options.max_input_bytes} bytes")
    if not data.strip():
        raise InputError(f"{name}: empty input")
    text, encoding = decode_bytes(data, declared=charset, name=name)
    origin = dataclasses.replace(origin or Origin(), encoding=encoding)
    is_html = _is_html(name, content_type, text)
    return document_from_text(text, name=name, origin=origin, html=is_html, options=options)


def document_from_text(
    text: str,
    *,
    name: str = "input",
    origin: Origin | None = None,
    html: bool | None = None,
    options: Options | None = None,
) -> Document:
    """Extract a ``Document`` from decoded text, HTML or not (sniffed when ``html`` is None)."""
    from argmine.errors import ExtractionError
    from argmine.ingest.html import parse_html
    from argmine.ingest.text import parse_text

    options = options or Options()
    if not text.strip():
        raise InputError(f"{name}: empty input")
    if html is None:
        html = _is_html(name, None, text)
    origin = origin or Origin()
    if html:
        document = parse_html(text, options=options, url=origin.url, origin=origin)
    else:
        document = parse_text(text, origin=origin)
    if not document.text.strip():
        raise ExtractionError(f"{name}: no main text")
    warnings = list(document.warnings)
    if len(document.text) > options.max_text_chars:
        if options.long_text != "truncate":
            raise InputError(
                f"{name}: main text of {len(document.text)} characters exceeds the limit of {options.max_text_chars}"
            )
        total = len(document.text)
        document = _truncated(document, options.max_text_chars)
        warnings.append(
            f"long text: only the first {len(document.text)} of {total} characters were analysed "
            f"(limit {options.max_text_chars})"
        )
    language = identify_language(document.text)
    if language and language != "fr":
        warnings.append(f"language: the text looks {language}, not French; labels may be unreliable")
    metadata = dataclasses.replace(document.metadata, language=language)
    return dataclasses.replace(document, metadata=metadata, warnings=tuple(warnings))


def _truncated(document: Document, limit: int) -> Document:
    """The document cut to at most ``limit`` characters: at the last paragraph break that
    fits, else at the last space, so no word is cut in two."""
    from argmine.document import Paragraph

    paragraphs = [p for p in document.paragraphs if p.end <= limit]
    if paragraphs:
        end = paragraphs[-1].end
    else:
        space = document.text.rfind(" ", 0, limit + 1)
        end = space if space > 0 else limit
        first = document.paragraphs[0] if document.paragraphs else Paragraph(0, end)
        paragraphs = [Paragraph(first.start, min(first.end, end), first.kind)]
    return dataclasses.replace(
        document,
        text=document.text[:end],
        paragraphs=tuple(paragraphs),
        links=tuple(link for link in document.links if link.end <= end),
    )


def _is_html(name: str, content_type: str | None, text: str) -> bool:
    if content_type:
        if "html" in content_type:
            return True
        if content_type.startswith("text/plain") or "markdown" in content_type:
            return False
    suffix = Path(name).suffix.lower()
    if suffix in HTML_EXTENSIONS:
        return True
    if suffix in TEXT_EXTENSIONS:
        return False
    return bool(_HTML_SNIFF.search(text[:2000]))
