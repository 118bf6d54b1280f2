"""The model's parameters as data: one table in `sample_data/model_parameters.csv`.

Each row is one parameter: `parameter, value, low, high, unit, drawn, source, note`.
`value` is the central value (for a curve, numbers separated by spaces); `low` and `high`
are the 10th and 90th percentiles of the value's uncertainty when the engine draws it, or
the published span it is read from. `drawn` says how the engine uses it:

* `fixed`: the central value, every run;
* `run`: drawn once per run and shared by both buttons (price level, creative appeal);
* `run-country`: drawn once per run and country, shared by both buttons;
* `button`: drawn once per run for each button independently (the button-specific rates);
* `rule`: an input of a written rule (the CPM rule, the audience), not drawn.

A `source` starting with "assumption" marks a value we chose; the note says why.

`ModelParams` is frozen; `with_values(**overrides)` gives a copy with other central values
(the way covasim's `make_pars(**kwargs)` does), so a run can use other values and the
Model page renders the same table the engine read.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Final

import numpy as np

from components import SAMPLE_DATA

PARAMETERS_CSV: Final = SAMPLE_DATA / "model_parameters.csv"
DRAWS: Final = ("fixed", "run", "run-country", "button", "rule")
# z of the 90th percentile: low/high are the p10/p90 of a drawn parameter.
_Z90: Final = 1.2815515655446004
ASSUMPTION: Final = "assumption"


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter: central value, p10–p90 range, unit, how it is drawn, and its source."""

    name: str
    value: float | tuple[float, ...]
    low: float | None
    high: float | None
    unit: str
    drawn: str
    source: str
    note: str = ""

    @property
    def is_assumption(self) -> bool:
        """Whether we chose the value (no published figure gives it)."""
        return self.source.lower().startswith(ASSUMPTION)

    @property
    def is_share(self) -> bool:
        """A probability or share (drawn on the logit scale, kept inside 0–1)."""
        return self.unit.startswith("share")

    def draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
        """Draws with median `value` and p10/p90 at `low`/`high` (a split normal on the logit
        scale for shares, on the log scale otherwise); the value itself when fixed."""
        center = float(self.value)  # type: ignore[arg-type]
        if self.low is None or self.high is None or self.low == self.high:
            return np.full(shape, center)
        forward, inverse = (_logit, _expit) if self.is_share else (np.log, np.exp)
        mid = forward(center)
        below = (mid - forward(self.low)) / _Z90
        above = (forward(self.high) - mid) / _Z90
        z = rng.standard_normal(shape)
        return inverse(mid + z * np.where(z < 0, below, above))


def _logit(p: float | np.ndarray) -> np.ndarray:
    p = np.asarray(p, dtype=np.float64)
    return np.log(p) - np.log1p(-p)


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass(frozen=True)
class ModelParams:
    """Every parameter of the engagement model, by name, as read from the table."""

    table: Mapping[str, Param]

    def __getitem__(self, name: str) -> Param:
        return self.table[name]

    def value(self, name: str) -> float:
        """A scalar parameter's central value."""
        value = self.table[name].value
        if isinstance(value, tuple):
            raise TypeError(f"{name} is a curve; use curve()")
        return float(value)

    def curve(self, name: str) -> tuple[float, ...]:
        """A curve parameter's values."""
        value = self.table[name].value
        return value if isinstance(value, tuple) else (float(value),)

    def draw(self, name: str, rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
        """Per-run draws of a parameter (its central value when it is fixed)."""
        return self.table[name].draw(rng, shape)

    def with_values(self, **overrides: float) -> ModelParams:
        """A copy with other central values (ranges are moved along, keeping their width on
        the drawing scale only when they still contain the value; otherwise fixed)."""
        table = dict(self.table)
        for name, value in overrides.items():
            if name not in table:
                raise KeyError(f"unknown parameter {name!r}")
            old = table[name]
            low, high = old.low, old.high
            if low is not None and high is not None and not low <= value <= high:
                low = high = None
            table[name] = replace(old, value=float(value), low=low, high=high)
        return ModelParams(MappingProxyType(table))

    def rows(self) -> list[dict[str, str]]:
        """The table as text rows, in file order, for the Model page."""
        return [
            {
                "Parameter": param.name,
                "Value": _text(param.value),
                "Range (p10–p90)": ""
                if param.low is None
                else f"{_text(param.low)} – {_text(param.high)}",
                "Unit": param.unit,
                "Drawn": param.drawn,
                "Kind": "assumption" if param.is_assumption else "published",
                "Source": param.source,
                "Note": param.note,
            }
            for param in self.table.values()
        ]


def _text(value: float | tuple[float, ...] | None) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " ".join(f"{v:g}" for v in value)
    return f"{value:.4g}"


def _number(text: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{where}: not a number: {text!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{where}: not a finite number: {text!r}")
    return value


def load_params(path: Path = PARAMETERS_CSV) -> ModelParams:
    """Read and check the parameter table (ValueError naming the line when it is wrong)."""
    table: dict[str, Param] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name} line {line}"
            name = (row.get("parameter") or "").strip()
            if not name or name in table:
                raise ValueError(f"{where}: a missing or repeated parameter name {name!r}")
            parts = (row.get("value") or "").split()
            if not parts:
                raise ValueError(f"{where}: {name} has no value")
            numbers = tuple(_number(part, where) for part in parts)
            value: float | tuple[float, ...] = numbers[0] if len(numbers) == 1 else numbers
            low = _number(row["low"], where) if (row.get("low") or "").strip() else None
            high = _number(row["high"], where) if (row.get("high") or "").strip() else None
            drawn = (row.get("drawn") or "").strip()
            source = (row.get("source") or "").strip()
            if drawn not in DRAWS:
                raise ValueError(f"{where}: {name}: drawn must be one of {DRAWS}")
            if not source:
                raise ValueError(f"{where}: {name} needs a source (or 'assumption')")
            if (low is None) != (high is None):
                raise ValueError(f"{where}: {name} needs both low and high, or neither")
            param = Param(
                name, value, low, high, (row.get("unit") or "").strip(), drawn, source,
                (row.get("note") or "").strip(),
            )  # fmt: skip
            if drawn in ("run", "run-country", "button"):
                _check_drawn(param, where)
            table[name] = param
    missing = sorted(set(REQUIRED) - set(table))
    if missing:
        raise ValueError(f"{path.name} lacks parameters the engine reads: {missing}")
    return ModelParams(MappingProxyType(table))


def _check_drawn(param: Param, where: str) -> None:
    if isinstance(param.value, tuple) or param.low is None or param.high is None:
        raise ValueError(f"{where}: {param.name} is drawn, so it needs one value, low and high")
    if not param.low <= param.value <= param.high:
        raise ValueError(f"{where}: {param.name}: low ≤ value ≤ high is not true")
    lowest = 0.0
    if param.low <= lowest or (param.is_share and param.high >= 1):
        raise ValueError(f"{where}: {param.name}: a drawn value must be > 0 (and < 1 for shares)")


@cache
def default_params() -> ModelParams:
    """The table in sample_data/, read once."""
    return load_params()


# Every parameter the engine and the rules read; the table must have each.
REQUIRED: Final = (
    # price
    "cpm_us", "cpm_in", "cpm_br", "cpm_tier1_low", "cpm_tier1_high", "cpm_tier3_low",
    "cpm_tier3_high", "cpm_anchor_tier1", "cpm_anchor_tier2", "cpm_anchor_tier3",
    "cpm_factor_americas", "cpm_factor_oceania", "cpm_factor_europe", "cpm_factor_asia",
    "cpm_factor_africa", "cpm_season_us", "cpm_level", "cpm_auction_noise_sigma",
    "inventory_per_person_day", "max_price_multiple",
    # reach and frequency
    "reach_min_frequency", "fatigue_from_frequency", "fatigue_ctr_drop",
    # taps
    "ctr_median", "ctr_appeal", "ctr_country", "ctr_weekday_afternoon_lift",
    "hourly_activity", "placement_share", "placement_ctr", "penalty_text",
    "penalty_headline", "penalty_description", "penalty_no_image",
    # message
    "message_send_rate", "message_lead_rate",
    # call
    "call_ctr_ratio", "call_dial_rate", "call_answer_rate", "call_callback_rate",
    "call_lead_rate", "call_restricted_connect_rate", "call_weekend_intent",
    "call_night_intent", "call_day_hours",
    # reply time
    "reply_grace_minutes", "reply_half_life_minutes", "reply_floor",
    # learning and pacing
    "learning_events", "learning_window_days", "learning_cost_premium",
    "learning_noise_sigma", "pacing_shortfall",
)  # fmt: skip

# The placements whose shares and CTR factors `placement_share` and `placement_ctr` list, in
# that order (components.campaign.placements names them).
PLACEMENT_ORDER: Final = (
    "fb_feed_mobile", "fb_feed_desktop", "ig_feed", "fb_story", "ig_story", "marketplace",
    "reels",
)  # fmt: skip
