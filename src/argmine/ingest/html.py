"""HTML pages: main text, structure, links and metadata through trafilatura.

trafilatura finds the main text and the metadata; this module walks its XML tree to
keep the structure argmine needs (headings, paragraphs, quotes, list items, captions,
and links with their targets), and drops the blocks that trafilatura lets through on
some platforms ("À lire aussi", share and subscribe widgets, paywall teasers).
"""

from __future__ import annotations

import re

from argmine.document import Document, DocumentBuilder, Metadata, Origin
from argmine.errors import ExtractionError
from argmine.ingest.dates import parse_date
from argmine.options import Options

_KIND_BY_TAG = {"head": "heading", "p": "paragraph", "quote": "quote", "item": "list_item"}
_BOILERPLATE = re.compile(
    r"^(?:à lire aussi|a lire aussi|lire aussi|lire la suite|voir aussi|sur le même sujet|"
    r"articles? similaires|articles? (?:liés|connexes|recommandés)|partager(?: sur| cet article| :)?|"
    r"partagez cet article|suivez-nous|abonnez-vous(?: à notre newsletter)?|"
    r"laisser un commentaire|laissez un commentaire|\d+ commentaires?|"
    r"votre adresse (?:e-?mail|de messagerie|courriel) ne sera pas publiée|"
    r"(?:cet|la suite de cet) article est réservé aux abonnés|il vous reste \d+\s?% de l'article|"
    r"déjà abonné|nous utilisons des cookies|accepter (?:les|tous les) cookies|"
    r"tous droits réservés|publicité)\b",
    re.I,
)
DUBIOUS_SNIFF_CHARS = 50
"""trafilatura takes a page without "html" in its first 50 characters for "dubious" HTML
and finds no main text in it: a fragment (``<article><p>...``, a body saved alone) or a
page opening on a long comment. An ``<html>`` tag first fixes both (seen on the
hostile-input suite's unclosed fragments)."""
MAX_BOILERPLATE_CHARS = 200
"""Longer blocks that start like boilerplate are real text ("Partager un repas, ...")."""


def parse_html(html: str, *, options: Options, url: str | None = None, origin: Origin | None = None) -> Document:
    import trafilatura

    if "html" not in html[:DUBIOUS_SNIFF_CHARS].lower():
        html = "<html>" + html
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_links=True,
        include_comments=False,
        include_images=True,
        include_tables=False,
        favor_precision=options.favor_precision,
    )
    if extracted is None or extracted.body is None or not len(extracted.body):
        raise ExtractionError(f"{_name(origin, url)}: no main text found in the HTML page{_why_empty(html)}")
    captions = _captions_by_image(html)
    builder = DocumentBuilder()
    for element in extracted.body.iter("head", "p", "quote", "item", "graphic"):
        if element.tag == "graphic":
            caption = captions.get(element.get("src", ""))
            if caption:
                builder.add(caption, "caption")
            continue
        if element.tag == "p" and _inside(element, ("quote", "item")):
            continue
        text, links = _text_with_links(element)
        text = " ".join(text.split(" ")).strip()
        if not text or _is_boilerplate(text):
            continue
        builder.add(text, _KIND_BY_TAG[element.tag], links)
    if not builder.paragraphs:
        raise ExtractionError(f"{_name(origin, url)}: no main text found in the HTML page")
    metadata = Metadata(
        title=_clean(extracted.title),
        author=_clean(extracted.author),
        date=parse_date(extracted.date),
        category=_first(extracted.categories),
        tags=tuple(extracted.tags or ()),
        sitename=_clean(extracted.sitename),
        url=_clean(extracted.url),
        description=_clean(extracted.description),
    )
    return builder.build(metadata=metadata, origin=origin or Origin(url=url))


def _why_empty(html: str) -> str:
    """Name the reason when the parser gave up: libxml2 stops at 256 levels of nesting
    (a limit kept on purpose: deeper trees are hostile, and Python walks of them recurse)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return ""
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        return " (elements nested deeper than the parser's limit of 256 levels)"
    return ""


def _text_with_links(element) -> tuple[str, list[tuple[int, int, str]]]:
    """The element's text with line breaks as spaces, and the spans of its ``ref`` children."""
    parts: list[str] = []
    links: list[tuple[int, int, str]] = []

    def length() -> int:
        return sum(len(p) for p in parts)

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append(" ")
            elif child.tag in ("p", "item", "list"):
                parts.append(" ")
                walk(child)
            else:
                start = length()
                walk(child)
                if child.tag == "ref" and child.get("target"):
                    links.append((start, length(), child.get("target")))
            if child.tail:
                parts.append(child.tail)

    walk(element)
    text = "".join(parts).replace("\n", " ")
    return text, links


def _inside(element, tags: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _captions_by_image(html: str) -> dict[str, str]:
    """Map each image source to its ``figcaption``: trafilatura keeps images, not captions."""
    if "figcaption" not in html:
        return {}
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return {}
    captions = {}
    for figure in tree.iter("figure"):
        caption = figure.find(".//figcaption")
        image = figure.find(".//img")
        if caption is not None and image is not None:
            text = " ".join(caption.text_content().split())
            if text:
                captions[image.get("src", "")] = text
    return captions


def _is_boilerplate(text: str) -> bool:
    return len(text) <= MAX_BOILERPLATE_CHARS and bool(_BOILERPLATE.match(text))


def _clean(value) -> str | None:
    if not value:
        return None
    return " ".join(str(value).split()) or None


def _first(values) -> str | None:
    return _clean(values[0]) if values else None


def _name(origin: Origin | None, url: str | None) -> str:
    if origin and (origin.path or origin.url):
        return origin.path or origin.url
    return url or "page"
