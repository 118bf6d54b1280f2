"""The README's share-link table says what the field rules say: every parameter, every range."""

from __future__ import annotations

import re
from pathlib import Path

from components.campaign.fields import FIELDS, SHARE_PARAMS

README = Path(__file__).resolve().parents[1] / "README.md"


def share_rows() -> dict[str, str]:
    """Each row of the table under "## Share links", by every parameter its first cell names."""
    section = README.read_text(encoding="utf-8").split("## Share links", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            first, meaning = line.split(" | ", 1)
            for name in re.findall(r"`(\w+)`", first):
                rows[name] = meaning
    return rows


def test_every_share_parameter_is_documented():
    assert set(SHARE_PARAMS) | {"sample", "draft"} == set(share_rows())


def test_every_documented_range_is_the_field_rule():
    rows = share_rows()
    for rule in FIELDS.values():
        if rule.param and rule.low is not None:
            # Years are written as years (2000–2100), every other number with separators.
            low, high = (
                (str(rule.low), str(rule.high))
                if rule.name == "start"
                else (f"{rule.low:,g}", f"{int(rule.high):,}")
            )
            assert f"({low}–{high})" in rows[rule.param], (rule.param, rows[rule.param])
