"""The ``Document`` value: cleaned main text, metadata and paragraph spans.

Ingest makes it; nothing after ingest knows whether it came from HTML, a text dump or
a URL. Offsets are character offsets into ``text``, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH_KINDS = ("heading", "paragraph", "quote", "list_item", "caption")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str = "paragraph"


@dataclass(frozen=True)
class Link:
    """A hyperlink of the page: its anchor span in ``text`` and its target."""

    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Origin:
    path: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    content_type: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Document:
    text: str
    paragraphs: tuple[Paragraph, ...]
    metadata: Metadata = field(default_factory=Metadata)
    origin: Origin = field(default_factory=Origin)
    links: tuple[Link, ...] = ()
    warnings: tuple[str, ...] = ()


class DocumentBuilder:
    """Appends paragraphs one by one and keeps their offsets and links right."""

    separator = "\n\n"

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.paragraphs: list[Paragraph] = []
        self.links: list[Link] = []

    def add(self, text: str, kind: str = "paragraph", links: list[tuple[int, int, str]] = ()) -> None:
        """Add one paragraph; ``links`` hold offsets relative to ``text``."""
        stripped = text.strip()
        if not stripped:
            return
        lead = len(text) - len(text.lstrip())
        if self._parts:
            self._parts.append(self.separator)
            self._length += len(self.separator)
        start = self._length
        self._parts.append(stripped)
        self._length += len(stripped)
        self.paragraphs.append(Paragraph(start, self._length, kind))
        for link_start, link_end, href in links:
            link_start, link_end = link_start - lead, link_end - lead
            if 0 <= link_start < link_end <= len(stripped):
                self.links.append(Link(start + link_start, start + link_end, href))

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, **kwargs) -> Document:
        return Document(text=self.text, paragraphs=tuple(self.paragraphs), links=tuple(self.links), **kwargs)
