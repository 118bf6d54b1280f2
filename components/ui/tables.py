"""Short tables drawn whole, as HTML: wrapped text, no inner scrolling, links that work.

`st.dataframe` suits long tables (a scrolling grid) but cuts text and scrolls inside even a
ten-row table; the Model page's reference tables read better drawn whole. Every cell is
escaped here (`html_table`), except a column marked as HTML, which its caller builds from
escaped pieces (`citations.citation_html`). On a phone each row becomes a card, each value
under its column's name (assets/tables.css).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from components import ASSETS

TABLES_CSS = ASSETS / "tables.css"


def html_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Mapping[str, str],
    html_columns: Mapping[str, Callable[[Any], str]] | None = None,
    caption: str = "",
) -> str:
    """`rows` as an HTML table: `columns` maps each field to its header, in order;
    `html_columns` maps a field to a function giving its cell's (safe) HTML."""
    builders = html_columns or {}
    head = "".join(f'<th scope="col">{html.escape(title)}</th>' for title in columns.values())
    body = []
    for row in rows:
        cells = []
        for field, title in columns.items():
            value = row.get(field, "")
            text = "" if value is None else value
            inner = builders[field](text) if field in builders else html.escape(str(text))
            # One span per cell: in the narrow (grid) layout a cell's text and links stay one
            # item beside the column's name.
            label = html.escape(title, quote=True)
            cells.append(f'<td data-label="{label}"><span>{inner}</span></td>' if inner else
                         f'<td data-label="{label}"></td>')  # fmt: skip
        body.append(f"<tr>{''.join(cells)}</tr>")
    described = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<div class="bas-table-wrap"><table class="bas-table">{described}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def table_styles() -> None:
    """The tables' style sheet: draw it once on a page that shows `static_table`s."""
    st.html(TABLES_CSS)


def static_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Mapping[str, str],
    html_columns: Mapping[str, Callable[[Any], str]] | None = None,
    caption: str = "",
) -> None:
    """Draw `html_table(...)` on the page (after `table_styles()`)."""
    st.html(html_table(rows, columns, html_columns, caption))
