"""Plain-text and Markdown dumps of blog posts: paragraphs, metadata lines, boilerplate.

A dump copied from a blog page carries the page's furniture as lines of text: the
"Publié le" and "Catégorie :" lines, a byline, tags, image credits, and at the end the
comment form. Metadata lines become metadata, credits become captions, and everything
from the comment form on is dropped.
"""

from __future__ import annotations

import re

from argmine.document import Document, DocumentBuilder, Metadata, Origin
from argmine.ingest.dates import parse_date

_BLANK = re.compile(r"^[\s\u00a0\u200b\ufeff]*$")
_DATE_LINE = re.compile(
    r"^(?:publi[ée]e?|post[ée]e?|mis en ligne|mise à jour|date)\s*(?:le)?\s*:?\s*(?P<value>.*)$", re.I
)
_CATEGORY_LINE = re.compile(r"^cat[ée]gor(?:ie|ies|y)\s*:\s*(?P<value>.*)$", re.I)
_NAME = r"[A-ZÀ-Ý][\w.'’-]+(?:\s+(?:de|du|des|la|le|van|von|[A-ZÀ-Ý][\w.'’-]+)){0,4}"
_AUTHOR_LINE = re.compile(
    rf"^(?:[Pp]ar|[Aa]ut(?:eur|rice)|[ÉéEe]crit par|[Rr]édigé par|[Bb]y)\s*:?\s+(?P<value>{_NAME})$"
)
_TAGS_LINE = re.compile(r"^(?:tags?|étiquettes?|mots[- ]cl[ée]s)\s*:\s*(?P<value>.*)$", re.I)
_CREDIT_LINE = re.compile(r"^(?:source|sources|crédits?|credits?|photo|image|illustration)\s*:", re.I)
_COMMENT_FORM = re.compile(
    r"^(?:(?:laissez|laisser|publier|écrire|ajouter|poster)\s+(?:un|votre)\s+commentaire"
    r"|\d+\s+commentaires?\s*$|leave a (?:reply|comment)"
    r"|votre adresse (?:de messagerie|e-?mail|courriel) ne sera pas publiée)",
    re.I,
)
_SHARE_WIDGET = re.compile(
    r"^(?:partager\s*:?|partagez\s*:|partager sur \w+|j'aime chargement.*|like this:?|"
    r"articles? similaires|à lire aussi\s*:?|lire aussi\s*:?|imprimer)\s*$",
    re.I,
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^>\s?")
_MD_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+")
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
"""Anchor texts hold no bracket and targets no parenthesis, so each try stops at the next
one: linear time on a block of unmatched ``[`` (quadratic before; a hostile-input case)."""
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)([^*_`]+?)(?<=\S)\1")
"""Emphasis holds no marker: each try stops at the next marker, so a block full of
unmatched ``*`` takes linear time, not quadratic (a hostile-input case)."""
EMPHASIS_PASSES = 2
"""The second pass strips the outer markers of one level of nesting (``**a *b* c**``)."""
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
MAX_HEADING_WORDS = 12
"""A one-line block this short with no final punctuation reads as a heading (seen in blog dumps)."""
MAX_CAPS_HEADING_WORDS = 20
MAX_METADATA_LINE = 120
MAX_DATE_LINE = 60


def parse_text(raw: str, *, origin: Origin | None = None) -> Document:
    """Turn a plain-text or Markdown dump into a ``Document``."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fields: dict = {}
    front = _FRONT_MATTER.match(raw)
    if front:
        fields.update(_front_matter(front.group(1)))
        raw = raw[front.end() :]
    blocks = _blocks(raw)
    builder = DocumentBuilder()
    title_line = None
    for index, lines in enumerate(blocks):
        lines = [line for line in lines if not _metadata_line(line, fields)]
        lines = [line for line in lines if not _SHARE_WIDGET.match(line)]
        if any(_COMMENT_FORM.match(line) for line in lines):
            lines = lines[: next(i for i, line in enumerate(lines) if _COMMENT_FORM.match(line))]
            _add_block(builder, lines, last=True)
            break
        if not lines:
            continue
        if title_line is None and "title" not in fields and index < 3 and len(lines) == 1:
            title_line = _strip_markdown(_MD_HEADING.sub(r"\2", lines[0]))[0]
            builder.add(title_line, "heading")
            continue
        _add_block(builder, lines, last=index == len(blocks) - 1)
    title = fields.get("title") or (title_line and display_title(title_line))
    metadata = Metadata(
        title=title,
        author=fields.get("author"),
        date=fields.get("date"),
        category=fields.get("category"),
        tags=tuple(fields.get("tags", ())),
    )
    return builder.build(metadata=metadata, origin=origin or Origin())


def display_title(title: str) -> str:
    """An ALL-CAPS title in normal case, with French spacing before ``? ! : ;``."""
    title = " ".join(title.split())
    if _is_all_caps(title):
        lowered = title.lower()
        title = lowered[:1].upper() + lowered[1:]
        title = re.sub(r"(?<=[^\s\u00a0])([?!:;])", r" \1", title)
    return title


def _blocks(raw: str) -> list[list[str]]:
    blocks, current = [], []
    for line in raw.split("\n"):
        if _BLANK.match(line):
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line.strip(" \t\u00a0\u200b\ufeff"))
    if current:
        blocks.append(current)
    return blocks


def _metadata_line(line: str, fields: dict) -> bool:
    """Record a metadata line in ``fields``; say whether it was one."""
    if len(line) > MAX_METADATA_LINE:
        return False
    if (match := _DATE_LINE.match(line)) and len(line) <= MAX_DATE_LINE:
        value = match.group("value").strip()
        date = parse_date(value)
        if date or not value:
            fields.setdefault("date", date)
            return True
    if match := _CATEGORY_LINE.match(line):
        fields.setdefault("category", match.group("value").strip() or None)
        return True
    if match := _TAGS_LINE.match(line):
        tags = [t.strip(" #") for t in re.split(r"[,;]|\s#", match.group("value")) if t.strip(" #")]
        fields.setdefault("tags", tags)
        return True
    if match := _AUTHOR_LINE.match(line):
        fields.setdefault("author", match.group("value").strip())
        return True
    return False


def _add_block(builder: DocumentBuilder, lines: list[str], *, last: bool) -> None:
    if not lines:
        return
    if _CREDIT_LINE.match(lines[-1]) and len(lines) <= 3:
        text, links = _strip_markdown("\n".join(lines))
        builder.add(text, "caption", links)
        return
    if all(_MD_ITEM.match(line) for line in lines):
        for line in lines:
            text, links = _strip_markdown(_MD_ITEM.sub("", line))
            builder.add(text, "list_item", links)
        return
    if all(_MD_QUOTE.match(line) for line in lines):
        text, links = _strip_markdown(" ".join(_MD_QUOTE.sub("", line) for line in lines))
        builder.add(text, "quote", links)
        return
    if heading := _MD_HEADING.match(lines[0]):
        text, links = _strip_markdown(heading.group(2))
        builder.add(text, "heading", links)
        lines = lines[1:]
        if not lines:
            return
    text, links = _strip_markdown(" ".join(lines))
    heading = len(lines) == 1 and _looks_like_heading(text, last=last)
    builder.add(text, "heading" if heading else "paragraph", links)


def _looks_like_heading(text: str, *, last: bool) -> bool:
    """ALL CAPS without a full stop, or a short line ending on a word with a paragraph after it."""
    words = text.split()
    if _is_all_caps(text) and len(words) <= MAX_CAPS_HEADING_WORDS and not text.endswith("."):
        return True
    return not last and len(words) <= MAX_HEADING_WORDS and text[-1:].isalnum() and text[:1].isupper()


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _strip_markdown(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Drop images and emphasis markers; turn links into their anchor text, keeping targets."""
    text = _MD_IMAGE.sub("", text)
    for _ in range(EMPHASIS_PASSES):
        text = _MD_EMPHASIS.sub(r"\2", text)
    links, parts, position = [], [], 0
    for match in _MD_LINK.finditer(text):
        parts.append(text[position : match.start()])
        start = sum(len(p) for p in parts)
        parts.append(match.group(1))
        links.append((start, start + len(match.group(1)), match.group(2)))
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), links


def _front_matter(block: str) -> dict:
    fields: dict = {}
    for line in block.split("\n"):
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if not value:
            continue
        if key == "title":
            fields["title"] = value
        elif key in ("author", "auteur"):
            fields["author"] = value
        elif key == "date":
            fields["date"] = parse_date(value)
        elif key in ("categories", "category"):
            fields["category"] = value.strip("[]").split(",")[0].strip().strip("\"'") or None
        elif key == "tags":
            fields["tags"] = [t.strip().strip("\"'") for t in value.strip("[]").split(",") if t.strip()]
    return fields
