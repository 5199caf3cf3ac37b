"""The editor's report: one self-contained HTML page per analysis, and an index for a batch.

The page reads nothing from the network: its CSS, script and argument map (SVG) are
inline, and a Content-Security-Policy forbids any fetch, so a hostile page analysed by
argmine cannot make the report call home. Every piece of text from the analysis goes
through ``html.escape``; the script only ever writes with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from urllib.parse import urlsplit

from argmine import __version__
from argmine.corpus import LABELS

LABEL_NAMES = {
    "finding": "finding",
    "rebuttal": "rebuttal",
    "call_to_action": "call to action",
    "claim": "claim",
    "other": "other",
}
LABEL_TAGS = {"finding": "finding", "rebuttal": "rebuttal", "call_to_action": "action", "claim": "claim"}
"""The short tag printed before each highlighted sentence, so labels read without colour."""
LABEL_MEANINGS = {
    "finding": "a study's result",
    "rebuttal": "disputes a finding or claim",
    "call_to_action": "asks the reader to act",
    "claim": "the author's position",
    "other": "anything else",
}
LABEL_PATTERNS = {
    "finding": "solid underline",
    "rebuttal": "wavy underline",
    "call_to_action": "double underline",
    "claim": "dashed underline",
    "other": "unmarked",
}
EXCERPT_CHARS = 140
"""Length of a sentence excerpt in the summary lists: about two lines of the side panel."""

OPEN_MENTIONS = 3
"""A source with at most this many mentions shows them unfolded in the side panel."""

MAP_WIDTH = 960
MAP_NODE_WIDTH = 400
MAP_NODE_HEIGHT = 58
MAP_GAP = 14
MAP_ARC_ROOM = 46
MAP_LINE_CHARS = 58
"""Characters per line of a map node: 400 px of 12 px system sans-serif, measured in Chromium."""


@dataclass(frozen=True)
class _Inline:
    start: int
    end: int
    rank: int
    open: str
    close: str
    after: str = ""


def render_report(record: dict, *, explain: bool = False, home: str | None = None) -> str:
    """The report page of one analysis (``Analysis.to_dict()`` or a line of ``argmine analyze``).

    ``explain`` shows each sentence's ``explanation`` in the inspector when the analysis has
    one; ``home`` adds a link back (the web app's form).
    """
    view = _View(record)
    title = view.title
    data = _script_data(view, explain=explain)
    body = "\n".join(
        [
            _header(view, home=home),
            _legend(view),
            _summary(view),
            '<div class="layout">',
            f'<article id="article" class="article" lang="{escape(view.language)}">{_article(view)}</article>',
            _sources_panel(view),
            "</div>",
            _argument_map(view),
            _quotes(view),
            _claim_units(view),
            _footer(record),
            _inspector(),
        ]
    )
    return _page(title, body, data=data)


def render_index(entries: list[tuple[dict, str | None]], *, title: str = "argmine reports") -> str:
    """An index page for a batch: ``entries`` are (record, href of its page or None for errors)."""
    rows = []
    for record, href in entries:
        if "error" in record:
            origin = record.get("origin") or {}
            name = origin.get("url") or origin.get("path") or record.get("id", "")
            error = record["error"]
            rows.append(
                f'<tr class="failed"><td>{escape(str(name))}</td>'
                f'<td colspan="{len(LABELS) + 2}">{escape(str(error.get("type", "")))}: '
                f"{escape(str(error.get('message', '')))}</td></tr>"
            )
            continue
        view = _View(record)
        counts = "".join(f'<td class="num">{view.counts[label]}</td>' for label in LABELS)
        link = f'<a href="{escape(href)}">{escape(view.title)}</a>' if href else escape(view.title)
        rows.append(
            f'<tr><td>{link}<div class="origin">{escape(view.origin)}</div></td>'
            f'<td class="num">{len(view.sentences)}</td>{counts}<td class="num">{len(view.sources)}</td></tr>'
        )
    heads = "".join(
        f'<th class="num"><span class="chip l-{label}">{LABEL_NAMES[label]}</span></th>' for label in LABELS
    )
    body = (
        f'<header class="page-head"><h1>{escape(title)}</h1>'
        f'<p class="meta">{len(entries)} document(s) · argmine {escape(__version__)}</p></header>'
        f'<table class="index"><thead><tr><th>document</th><th class="num">sentences</th>{heads}'
        f'<th class="num">sources</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    return _page(title, body, data=None)


class _View:
    """Look-ups over one analysis record, computed once for the whole page."""

    def __init__(self, record: dict) -> None:
        self.record = record
        self.text: str = record.get("text", "")
        self.metadata: dict = record.get("metadata") or {}
        self.sentences: list[dict] = record.get("sentences") or []
        self.sources: list[dict] = record.get("sources") or []
        self.claims: list[dict] = record.get("claims") or []
        self.quotes: list[dict] = record.get("quotes") or []
        self.relations: list[dict] = record.get("relations") or []
        self.by_id = {s["id"]: s for s in self.sentences}
        self.index = {s["id"]: i for i, s in enumerate(self.sentences)}
        self.source_by_id = {s["id"]: s for s in self.sources}
        self.source_number = {s["id"]: i + 1 for i, s in enumerate(self.sources)}
        self.counts = {label: 0 for label in LABELS}
        for sentence in self.sentences:
            self.counts[sentence["label"]] = self.counts.get(sentence["label"], 0) + 1
        origin = record.get("origin") or {}
        self.origin = origin.get("url") or origin.get("path") or ""
        self.language = self.metadata.get("language") or "fr"
        first = self.sentences[0] if self.sentences else None
        self.title = self.metadata.get("title") or (self.excerpt(first, 90) if first else "") or "Untitled"

    def sentence_text(self, sentence: dict) -> str:
        return self.text[sentence["start"] : sentence["end"]]

    def excerpt(self, sentence: dict, limit: int = EXCERPT_CHARS) -> str:
        words = " ".join(self.sentence_text(sentence).split())
        return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"

    def unsourced(self, label: str) -> list[dict]:
        return [s for s in self.sentences if s["label"] == label and not s.get("sources")]


def _page(title: str, body: str, *, data: str | None) -> str:
    script = _asset("report.js") if data is not None else ""
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"script-src 'sha256-{script_hash}'"
    )
    data_block = f'<script type="application/json" id="argmine-data">{data}</script>' if data is not None else ""
    script_block = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="argmine {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n<style>{_asset('report.css')}</style>\n</head>\n"
        f"<body>\n{body}\n{data_block}{script_block}\n</body>\n</html>\n"
    )


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("argmine.render").joinpath(name).read_text(encoding="utf-8")


def _header(view: _View, *, home: str | None) -> str:
    meta = view.metadata
    parts = [
        meta.get("author"),
        meta.get("date"),
        meta.get("sitename"),
        meta.get("category"),
    ]
    line = " · ".join(escape(str(p)) for p in parts if p)
    url = meta.get("url") or (view.record.get("origin") or {}).get("url")
    if url and urlsplit(url).scheme in ("http", "https"):
        origin = f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    else:
        origin = escape(view.origin)
    warnings = "".join(f'<p class="warning">{escape(str(w))}</p>' for w in view.record.get("warnings") or [])
    back = f'<p class="home"><a href="{escape(home)}">← analyse another text</a></p>' if home else ""
    return (
        f'<header class="page-head">{back}<h1>{escape(view.title)}</h1>'
        f'<p class="meta">{line}{" · " if line and origin else ""}<span class="origin">{origin}</span></p>'
        f"{warnings}</header>"
    )


def _legend(view: _View) -> str:
    items = "".join(
        f'<li title="{LABEL_PATTERNS[label]}"><span class="s l-{label} sample" data-tag="{LABEL_TAGS.get(label, "")}">'
        f"{LABEL_MEANINGS[label] if label != 'other' else 'other: unmarked'}</span>"
        f' <span class="count">{view.counts[label]}</span></li>'
        for label in LABELS
    )
    return (
        '<nav id="legend" class="legend" aria-label="Legend">'
        f'<ul class="labels">{items}'
        '<li><mark class="m sample">a source</mark><span class="badge">1</span></li>'
        '<li><span class="qt sample">« a quote »</span></li></ul>'
        '<label class="toggle"><input type="checkbox" id="show-units"> claim units</label>'
        '<span class="hint">Hover or click a sentence for its scores.</span></nav>'
    )


def _sentence_link(view: _View, sid: str, *, excerpt: bool = False) -> str:
    sentence = view.by_id.get(sid)
    if sentence is None:
        return escape(sid)
    label = sentence["label"]
    chip = (
        f'<a class="chip l-{label}" href="#{escape(sid)}" data-goto="{escape(sid)}" '
        f'title="{escape(LABEL_NAMES.get(label, label))}">{escape(sid)} · {escape(LABEL_TAGS.get(label, label))}</a>'
    )
    if excerpt:
        return f'{chip} <span class="excerpt">{escape(view.excerpt(sentence))}</span>'
    return chip


def _summary(view: _View) -> str:
    def card(title: str, key: str, sentences: list[dict], empty: str) -> str:
        items = "".join(f"<li>{_sentence_link(view, s['id'], excerpt=True)}</li>" for s in sentences)
        content = f"<ul>{items}</ul>" if items else f'<p class="empty">{empty}</p>'
        return f'<section class="card" id="{key}"><h3>{title} <span class="count">{len(sentences)}</span></h3>{content}</section>'

    total = len(view.sentences) or 1
    segments, x = [], 0.0
    for label in LABELS:
        width = 100 * view.counts[label] / total
        if width:
            segments.append(
                f'<rect class="seg l-{label}" x="{x:.2f}" y="0" width="{width:.2f}" height="10">'
                f"<title>{LABEL_NAMES[label]}: {view.counts[label]}</title></rect>"
            )
        x += width
    bar = (
        '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
        f'aria-label="sentences per label">{"".join(segments)}</svg>'
    )
    counts = " · ".join(f"{view.counts[label]} {LABEL_NAMES[label]}" for label in LABELS)
    return (
        '<section id="summary" class="summary"><h2>Summary</h2>'
        f'<p class="totals">{len(view.sentences)} sentences: {counts} · {len(view.sources)} sources · '
        f"{len(view.quotes)} quotes · {len(view.claims)} claim units · {len(view.relations)} relations</p>{bar}"
        '<div class="cards">'
        + card("Claims with no source", "unsourced-claims", view.unsourced("claim"), "Every claim cites a source.")
        + card(
            "Findings with no source", "unsourced-findings", view.unsourced("finding"), "Every finding cites a source."
        )
        + card(
            "Calls to action",
            "calls-to-action",
            [s for s in view.sentences if s["label"] == "call_to_action"],
            "No call to action.",
        )
        + "</div></section>"
    )


def _article(view: _View) -> str:
    text = view.text
    paragraphs = view.record.get("paragraphs") or [{"start": 0, "end": len(text), "kind": "paragraph"}]
    by_paragraph: dict[int, list[dict]] = {}
    for sentence in view.sentences:
        by_paragraph.setdefault(sentence.get("paragraph", 0), []).append(sentence)
    inline = _inline_marks(view)
    out, in_list = [], False
    for index, paragraph in enumerate(paragraphs):
        kind = paragraph.get("kind", "paragraph")
        cursor, end = paragraph["start"], paragraph["end"]
        parts = []
        for sentence in by_paragraph.get(index, []):
            start = max(sentence["start"], cursor)
            parts.append(escape(text[cursor:start]))
            parts.append(_sentence_html(view, sentence, start, inline))
            cursor = max(cursor, sentence["end"])
        parts.append(escape(text[cursor:end]))
        content = "".join(parts)
        if kind == "list_item" and not in_list:
            out.append("<ul>")
            in_list = True
        elif kind != "list_item" and in_list:
            out.append("</ul>")
            in_list = False
        tag = {"heading": "h2", "quote": "blockquote", "list_item": "li"}.get(kind, "p")
        out.append(f'<{tag} class="p p-{escape(kind)}">{content}</{tag}>')
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _inline_marks(view: _View) -> list[_Inline]:
    marks = []
    for claim in view.claims:
        role = escape(claim.get("role", ""))
        marks.append(
            _Inline(
                claim["start"],
                claim["end"],
                0,
                f'<span class="cu r-{role}" data-role="{role}" data-cu="{escape(claim["id"])}">',
                "</span>",
            )
        )
    for quote in view.quotes:
        speaker = view.source_by_id.get(quote.get("source") or "")
        said = f' title="{escape("said by " + speaker["name"])}"' if speaker else ""
        marks.append(_Inline(quote["start"], quote["end"], 1, f'<span class="qt"{said}>', "</span>"))
    for source in view.sources:
        number = view.source_number[source["id"]]
        sid = escape(source["id"])
        for mention in source.get("mentions", []):
            marks.append(
                _Inline(
                    mention["start"],
                    mention["end"],
                    2,
                    f'<mark class="m t-{escape(mention.get("type", ""))}" data-src="{sid}" '
                    f'title="{escape(source["name"])} · {escape(mention.get("type", ""))}">',
                    "</mark>",
                    f'<sup class="ref"><a href="#src-{sid}" data-src="{sid}">{number}</a></sup>',
                )
            )
    return marks


def _sentence_html(view: _View, sentence: dict, start: int, inline: list[_Inline]) -> str:
    label = sentence["label"]
    end = sentence["end"]
    marks = [m for m in inline if m.start < end and m.end > start]
    tag = LABEL_TAGS.get(label, "")
    return (
        f'<span class="s l-{escape(label)}" id="{escape(sentence["id"])}" data-sid="{escape(sentence["id"])}" '
        f'data-tag="{escape(tag)}" tabindex="0">{_nest(view.text, start, end, marks)}</span>'
    )


def _nest(text: str, start: int, end: int, marks: list[_Inline]) -> str:
    """``text[start:end]`` escaped, with the marks as properly nested elements.

    Marks that cross are split: at each boundary, the open elements that no longer match
    the active marks are closed and the missing ones reopened, outermost first.
    """
    clipped = [m for m in marks if max(m.start, start) < min(m.end, end)]
    points = sorted({start, end} | {max(m.start, start) for m in clipped} | {min(m.end, end) for m in clipped})
    out: list[str] = []
    stack: list[_Inline] = []
    for a, b in zip(points, points[1:]):
        active = sorted((m for m in clipped if m.start <= a and b <= m.end), key=lambda m: (m.rank, m.start, -m.end))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for mark in reversed(stack[keep:]):
            out.append(mark.close + (mark.after if mark.end == a else ""))
        del stack[keep:]
        for mark in active[keep:]:
            out.append(mark.open)
            stack.append(mark)
        out.append(escape(text[a:b]))
    for mark in reversed(stack):
        out.append(mark.close + (mark.after if mark.end == end else ""))
    return "".join(out)


def _sources_panel(view: _View) -> str:
    items = []
    for source in view.sources:
        sid = escape(source["id"])
        mentions = "".join(
            f"<li><q>{escape(' '.join(view.text[m['start'] : m['end']].split()))}</q> "
            f'<span class="type">{escape(m.get("type", ""))}</span>'
            + (f' <span class="cue">cue: {escape(m["cue"])}</span>' if m.get("cue") else "")
            + "</li>"
            for m in source.get("mentions", [])
        )
        backs = " ".join(_sentence_link(view, s) for s in source.get("sentences", []))
        items.append(
            f'<li class="source" id="src-{sid}"><div class="source-head"><span class="num">'
            f"{view.source_number[source['id']]}</span> <b>{escape(source['name'])}</b> "
            f'<span class="type t-{escape(source["type"])}">{escape(source["type"])}</span></div>'
            f'<div class="backs">backs {backs or "no sentence"}</div>'
            f"<details{' open' if len(source.get('mentions', [])) <= OPEN_MENTIONS else ''}>"
            f'<summary>{len(source.get("mentions", []))} mention(s)</summary><ul class="mentions">'
            f"{mentions}</ul></details></li>"
        )
    content = f'<ol class="sources">{"".join(items)}</ol>' if items else '<p class="empty">No source cited.</p>'
    return f'<aside id="sources" class="panel" aria-label="Sources"><h2>Sources <span class="count">{len(view.sources)}</span></h2>{content}</aside>'


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Up to ``lines`` lines of at most about ``width`` characters, the last ending in … when cut."""
    out: list[str] = []
    line = ""
    for word in text.split():
        if not line or len(line) + 1 + len(word) <= width:
            line = f"{line} {word}" if line else word[: width * 2]
            continue
        out.append(line)
        line = word
        if len(out) == lines:
            out[-1] = out[-1].rstrip(",;:") + " …"
            return out
    return out + ([line] if line else [])


def _argument_map(view: _View) -> str:
    relations = [r for r in view.relations if r.get("from") in view.by_id and r.get("to") in view.by_id]
    if not relations:
        return '<section id="map" class="map"><h2>Argument map</h2><p class="empty">No attacks or supports found.</p></section>'
    attackers = {r["from"] for r in relations if r["type"] == "attacks"}
    involved = {r["from"] for r in relations} | {r["to"] for r in relations}
    order = view.index.__getitem__
    left = sorted(involved - attackers, key=order)
    right = sorted(attackers, key=order)
    left_x, right_x = MAP_ARC_ROOM, MAP_WIDTH - MAP_NODE_WIDTH - 4
    y = {}
    for i, sid in enumerate(left):
        y[sid] = 8 + i * (MAP_NODE_HEIGHT + MAP_GAP)
    next_free = 8
    for sid in right:
        targets = [y[r["to"]] for r in relations if r["from"] == sid and r["to"] in y]
        y[sid] = max(next_free, min(targets) if targets else next_free)
        next_free = y[sid] + MAP_NODE_HEIGHT + MAP_GAP
    height = max(y.values()) + MAP_NODE_HEIGHT + 12
    half = MAP_NODE_HEIGHT / 2
    edges = []
    for r in relations:
        a, b = r["from"], r["to"]
        if r["type"] == "attacks" and a in right:
            x1, y1, x2, y2 = right_x, y[a] + half, left_x + MAP_NODE_WIDTH, y[b] + half
            mid = (x1 + x2) / 2
            path = f"M{x1},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2 + 6},{y2:.0f}"
        else:
            y1, y2 = y[a] + half, y[b] + half
            bend = left_x - min(MAP_ARC_ROOM - 6, 14 + abs(y2 - y1) / 12)
            path = f"M{left_x},{y1:.0f} C{bend:.0f},{y1:.0f} {bend:.0f},{y2:.0f} {left_x - 6},{y2:.0f}"
        kind = escape(r["type"])
        edges.append(
            f'<path class="edge e-{kind}" d="{path}" marker-end="url(#arrow-{kind})">'
            f"<title>{escape(a)} {kind} {escape(b)}</title></path>"
        )
    nodes = []
    for sid in left + right:
        sentence = view.by_id[sid]
        label = sentence["label"]
        x = left_x if sid in left else right_x
        lines = _wrap(view.sentence_text(sentence), MAP_LINE_CHARS, 2)
        text = "".join(
            f'<tspan x="{x + 10}" dy="{15 if i else 0}">{escape(line)}</tspan>' for i, line in enumerate(lines)
        )
        nodes.append(
            f'<a href="#{escape(sid)}" data-goto="{escape(sid)}"><g class="node l-{escape(label)}">'
            f"<title>{escape(view.sentence_text(sentence))}</title>"
            f'<rect x="{x}" y="{y[sid]}" width="{MAP_NODE_WIDTH}" height="{MAP_NODE_HEIGHT}" rx="6"/>'
            f'<text class="head" x="{x + 10}" y="{y[sid] + 16}">{escape(sid)} · {escape(LABEL_NAMES.get(label, label))}</text>'
            f'<text class="body" x="{x + 10}" y="{y[sid] + 33}">{text}</text></g></a>'
        )
    markers = "".join(
        f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path class="arrow-{kind}" d="M0,0 L10,5 L0,10 z"/></marker>'
        for kind in ("attacks", "supports")
    )
    counts = {kind: sum(1 for r in relations if r["type"] == kind) for kind in ("attacks", "supports")}
    return (
        '<section id="map" class="map"><h2>Argument map</h2>'
        f'<p class="map-legend"><span class="key k-attacks"></span> attacks ({counts["attacks"]}): '
        "a rebuttal (right) and the finding or claim it disputes (left) · "
        f'<span class="key k-supports"></span> supports ({counts["supports"]}): a finding and the claim it backs</p>'
        f'<svg class="argmap" viewBox="0 0 {MAP_WIDTH} {height:.0f}" width="100%" role="img" '
        f'aria-label="Argument map: {len(relations)} relations"><defs>{markers}</defs>'
        f"{''.join(edges)}{''.join(nodes)}</svg></section>"
    )


def _quotes(view: _View) -> str:
    items = []
    for quote in view.quotes:
        speaker = view.source_by_id.get(quote.get("source") or "")
        who = escape(speaker["name"]) if speaker else '<span class="empty">speaker unknown</span>'
        where = _sentence_link(view, quote["sentence"]) if quote.get("sentence") else ""
        items.append(
            f'<li><q class="qt">{escape(" ".join(view.text[quote["start"] : quote["end"]].split()))}</q> — {who} {where}</li>'
        )
    content = f"<ul>{''.join(items)}</ul>" if items else '<p class="empty">No quote.</p>'
    return f'<section id="quotes" class="quotes"><h2>Quotes <span class="count">{len(items)}</span></h2>{content}</section>'


def _claim_units(view: _View) -> str:
    rows = "".join(
        f"<tr><td>{escape(c['id'])}</td><td>{_sentence_link(view, c['sentence'])}</td>"
        f'<td><span class="role r-{escape(c.get("role", ""))}">{escape(c.get("role", ""))}</span></td>'
        f"<td>{escape(' '.join(view.text[c['start'] : c['end']].split()))}</td></tr>"
        for c in view.claims
    )
    content = (
        f'<table class="units"><thead><tr><th>unit</th><th>sentence</th><th>role</th><th>text</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        if rows
        else '<p class="empty">No claim unit.</p>'
    )
    return (
        f'<section id="claim-units" class="claim-units"><details><summary><h2>Claim units '
        f'<span class="count">{len(view.claims)}</span></h2></summary>{content}</details></section>'
    )


def _footer(record: dict) -> str:
    model = record.get("model") or {}
    return (
        f'<footer class="page-foot">argmine {escape(__version__)} · model {escape(str(model.get("name", "")))} '
        f"{escape(str(model.get('version', '')))} on {escape(str(model.get('spacy_model', '')))} · "
        f"schema {escape(str(record.get('schema_version', '')))} · document {escape(str(record.get('id', '')))}</footer>"
    )


def _inspector() -> str:
    return (
        '<div id="inspector" class="inspector" role="dialog" aria-live="polite" hidden>'
        '<button type="button" class="close" aria-label="Close">×</button>'
        '<div class="i-head"></div><div class="i-scores"></div><div class="i-body"></div></div>'
    )


def _script_data(view: _View, *, explain: bool) -> str:
    """Per-sentence facts for the inspector, as JSON safe inside a <script> element."""
    units: dict[str, list] = {}
    for claim in view.claims:
        units.setdefault(claim["sentence"], []).append([claim["role"], view.text[claim["start"] : claim["end"]]])
    links: dict[str, dict[str, list]] = {}
    for r in view.relations:
        links.setdefault(r["from"], {}).setdefault(r["type"], []).append(r["to"])
        links.setdefault(r["to"], {}).setdefault(f"{r['type']}_by", []).append(r["from"])
    sentences = {}
    for sentence in view.sentences:
        sid = sentence["id"]
        entry = {
            "label": sentence["label"],
            "scores": sentence.get("scores", {}),
            "sources": [view.source_by_id[s]["name"] for s in sentence.get("sources", []) if s in view.source_by_id],
            "units": units.get(sid, []),
            "links": links.get(sid, {}),
        }
        if explain and sentence.get("explanation") is not None:
            entry["explanation"] = sentence["explanation"]
        sentences[sid] = entry
    data = {"labels": LABEL_NAMES, "explain": explain, "sentences": sentences}
    raw = json.dumps(data, ensure_ascii=False)
    return raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
