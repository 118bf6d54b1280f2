"""Vega-Lite specs from cached templates: a chart's shape is built by Altair once, each
forecast's rows and figures are filled in.

Building an Altair chart costs milliseconds even without schema validation (it copies the
chart on every method call and wraps each shorthand through the schema), and a new forecast
(a new seed, a new budget) changes only the data and a few numbers. So a chart builder
names what changes: its data as named sources (`named("main")`) and its data-dependent
numbers as slots (`slot("top")`), builds the chart from those once per shape (labels,
currency, which axis format), and `fill` puts the forecast's rows and numbers in. The
template is never changed, so every fill starts from the same cached dict.

A filled spec is exactly what the chart built with the data would be (tests/render checks a
filled spec against one built from the data directly, for every kind of chart).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from altair.utils.data import to_values
from altair.utils.schemapi import debug_mode

from components.render.charts import spec_of

__all__ = ["Template", "fill", "inline_datasets", "named", "rows_json", "slot", "template_of"]

_SLOT = "__bas_slot_"


def named(name: str) -> alt.Data:
    """A data source `fill` gives its rows later."""
    return alt.Data(name=name)


def slot(name: str) -> str:
    """A placeholder for a number (or list) `fill` puts in later. Altair keeps it as written:
    templates are built without validation."""
    return f"{_SLOT}{name}__"


def inline_datasets(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with its top-level datasets moved into each data reference as JSON text.

    Streamlit converts top-level datasets (and a top-level `data`) to Arrow tables on every
    rerun; inline JSON text inside the views is sent as part of the spec, untouched, and
    Vega-Lite parses it in the browser.
    """
    datasets = spec.pop("datasets", {})
    texts = {name: json.dumps(values, default=str) for name, values in datasets.items()}

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and set(data) == {"name"} and data["name"] in texts:
                node["data"] = {"values": texts[data["name"]], "format": {"type": "json"}}
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        return node

    walk(spec)
    # Streamlit also converts a top-level `data`: hand it to the views below instead.
    top = spec.pop("data", None)
    if top is not None:
        for composite in ("layer", "hconcat", "vconcat", "concat"):
            if composite in spec:
                for part in spec[composite]:
                    part.setdefault("data", top)
                break
        else:
            moved = ("mark", "encoding", "transform", "projection", "params")
            view = {key: spec.pop(key) for key in moved if key in spec}
            spec["layer"] = [{**view, "data": top}]
    return spec


@dataclass(frozen=True)
class Template:
    """A chart's spec with holes, and where they are: (path, kind, name) for each named
    data source ("data") and each slot ("slot"), a path being the keys and indices from
    the top of the spec."""

    spec: Mapping[str, Any]
    holes: tuple[tuple[tuple[str | int, ...], str, str], ...]


def _holes(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple, str, str]]:
    if isinstance(node, dict):
        if path and path[-1] == "data" and set(node) == {"name"}:
            return [(path, "data", node["name"])]
        return [hole for key, value in node.items() for hole in _holes(value, (*path, key))]
    if isinstance(node, list):
        return [hole for index, value in enumerate(node) for hole in _holes(value, (*path, index))]
    if isinstance(node, str) and node.startswith(_SLOT):
        return [(path, "slot", node)]
    return []


def template_of(build: Callable[[], alt.TopLevelMixin]) -> Template:
    """The spec of the chart `build()` makes, as a template: every view carries its own
    `data` reference (Streamlit turns a top-level one into a table on every rerun), nothing
    is validated (Altair's debug mode would check each slot against the schema as the chart
    is made; the tests validate every filled kind of spec instead)."""
    with debug_mode(False):
        spec = inline_datasets(spec_of(build()))
    return Template(spec, tuple(_holes(spec)))


def _column_values(column: pd.Series) -> list[Any] | None:
    """A column's values as Altair's `sanitize_pandas_dataframe` writes them (None for a
    missing or infinite number, ISO text for a time), or None for a kind it does not cover."""
    kind = column.dtype.kind
    if kind == "f":
        values = column.to_numpy()
        finite = np.isfinite(values).tolist()
        return [value if ok else None for value, ok in zip(values.tolist(), finite, strict=True)]
    if kind in "iub":
        return column.tolist()
    if kind == "M":
        return [None if pd.isna(value) else value.isoformat() for value in column]
    if kind in "OUT" or pd.api.types.is_string_dtype(column.dtype):
        values = column.tolist()
        if all(isinstance(value, str) for value in values):
            return values
    return None


def rows_json(data: pd.DataFrame | list[dict[str, Any]]) -> str:
    """Rows as Altair writes inline data (dates as ISO text, no NaN), as one JSON text: sent
    inside the spec as it is, and parsed by Vega-Lite in the browser.

    Column by column where every column is of a kind the charts use (numbers, text, times):
    Altair's own sanitising copies the frame and converts it cell by cell, most of a filled
    spec's cost; anything else goes through Altair."""
    if isinstance(data, pd.DataFrame):
        columns = [_column_values(data[name]) for name in data.columns]
        if all(values is not None for values in columns) and all(
            isinstance(name, str) for name in data.columns
        ):
            names = list(data.columns)
            values = [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]
        else:
            values = to_values(data)["values"]
    else:
        values = data
    return json.dumps(values, default=str)


def fill(
    template: Template,
    data: Mapping[str, pd.DataFrame | list[dict[str, Any]]],
    values: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A new spec from `template`: each named data source with its rows inline, each slot
    with its value. Raises KeyError for a source or slot without a value (a template must
    never reach the browser half filled).

    Only the dicts and lists on the way to a hole are copied; the rest of the spec is the
    template's own, shared by every fill, as `presentation_spec` shares it: read it, never
    change it in place."""
    texts = {name: rows_json(rows) for name, rows in data.items()}
    slots = {slot(name): value for name, value in (values or {}).items()}
    root = dict(template.spec)
    copies: dict[tuple[str | int, ...], Any] = {(): root}
    for path, kind, name in template.holes:
        parent = root
        for depth in range(1, len(path)):
            prefix = path[:depth]
            if prefix not in copies:
                child = parent[path[depth - 1]]
                copies[prefix] = dict(child) if isinstance(child, dict) else list(child)
                parent[path[depth - 1]] = copies[prefix]
            parent = copies[prefix]
        if kind == "data":
            parent[path[-1]] = {"values": texts[name], "format": {"type": "json"}}
        else:
            parent[path[-1]] = slots[name]
    return root
