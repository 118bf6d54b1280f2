"""Sources as readable citations with links (pure; no Streamlit).

The data files name their sources tersely ("product.md", "Meta Help Center 574941489951914",
"superads.ai, Facebook CPM by country (2025)"); `citation_parts` turns such a text into
pieces a person reads, each with the address it links to (or none). Named sources come from
``sample_data/sources.csv``; Meta Business Help Center articles are cited by number (their
address is the article number under facebook.com/business/help). The app works offline: a
link is text plus an address, readable without following it.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass
from functools import lru_cache

from components import SAMPLE_DATA

SOURCES_CSV = SAMPLE_DATA / "sources.csv"
HELP_CENTER_URL = "https://www.facebook.com/business/help/{}"
# "Meta Help Center 435270316658768, 4107704079279896", "Help Center 4107704079279896".
_HELP_CENTER = re.compile(r"(?:Meta (?:Business )?)?Help Center ((?:\d{9,}(?:, )?)+)")
_ARTICLE = re.compile(r"\d{9,}")


@dataclass(frozen=True)
class Piece:
    """A run of citation text, and the address it links to ('' for plain text)."""

    text: str
    url: str = ""


@lru_cache(maxsize=1)
def named_sources() -> tuple[tuple[str, str, str], ...]:
    """(match, citation, url) rows of sources.csv, longest match first."""
    with open(SOURCES_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    table = [(row["match"], row["citation"], row["url"]) for row in rows]
    return tuple(sorted(table, key=lambda row: -len(row[0])))


def citation_parts(source: str) -> list[Piece]:
    """The source text as citation pieces: named sources and Help Center articles linked,
    'assumption' capitalised, anything else kept as written."""
    pieces: list[Piece] = []
    for index, part in enumerate(segment.strip() for segment in source.split(";")):
        if not part:
            continue
        if index and pieces:
            pieces.append(Piece("; "))
        pieces += _cite_part(part)
    return pieces


def _cite_part(part: str) -> list[Piece]:
    for match, citation, url in named_sources():
        if part.startswith(match):
            rest = part[len(match) :]
            return [Piece(citation, url), *([Piece(rest)] if rest else [])]
    if part.startswith("assumption"):
        part = "Our assumption" + part[len("assumption") :]
    found = _HELP_CENTER.search(part)
    if not found:
        return [Piece(part)]
    pieces = [Piece(part[: found.start()])] if found.start() else []
    articles = _ARTICLE.findall(found.group(1))
    for number, article in enumerate(articles):
        label = "Meta Business Help Center, article " if number == 0 else "article "
        pieces.append(Piece(f"{label}{article}", HELP_CENTER_URL.format(article)))
        if number < len(articles) - 1:
            pieces.append(Piece(", "))
    if found.end() < len(part):
        pieces.append(Piece(part[found.end() :]))
    return pieces


def citation_html(source: str) -> str:
    """The citation as HTML: every piece escaped, linked pieces as links that open apart."""
    out = []
    for piece in citation_parts(source):
        text = html.escape(piece.text)
        if piece.url:
            href = html.escape(piece.url, quote=True)
            out.append(f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text}</a>')
        else:
            out.append(text)
    return "".join(out)


def citation_text(source: str) -> str:
    """The citation as plain text, each link's address in brackets after it."""
    return "".join(f"{p.text} <{p.url}>" if p.url else p.text for p in citation_parts(source))
