"""French and ISO dates written in text, to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fév": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
}
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_WRITTEN = re.compile(r"\b(\d{1,2})(?:er)?\s+([a-zéûè]+)\.?\s+(\d{4})\b", re.I)


def parse_date(value: str | None) -> str | None:
    """The first date found in ``value``, or ``None``."""
    if not value:
        return None
    if match := _ISO.search(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC.search(value):
        day, month, year = (int(g) for g in match.groups())
    elif (match := _WRITTEN.search(value)) and match.group(2).lower() in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
