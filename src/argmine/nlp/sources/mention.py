"""The record of one source mention, from the moment a finder makes it to its source id."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    """A source mention: its character offsets, type and cue, the names that gather it
    with others, whether it refers back to an earlier source, and the source it joined."""

    start: int
    end: int
    type: str
    cue: str
    keys: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)
    anaphoric: bool = False
    source_id: str = ""
