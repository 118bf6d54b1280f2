"""Business hours: a weekly schedule in a time zone, and whether a tap at a moment is answered.

Hours are part of the Campaign because a Call ad's taps outside them are missed calls (the
simulator reads `weekly_mask`). Times are local to the business's IANA time zone (`zoneinfo`).

The share link writes a week as text (`format_hours_text` / `parse_hours_text`):
``mon-fri 09:00-17:00; sat 10:00-14:00``, items separated by ``;``, each ``DAYS HH:MM-HH:MM``
with DAYS one day (``mon``…``sun``), a range (``mon-fri``) or a comma list (``sat,sun``);
``24/7`` is open around the clock and an empty text closed all week.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import numpy as np

from components.campaign.quoting import markdown_code

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = dict(
    zip(
        DAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
DEFAULT_TIMEZONE = "UTC"
ALWAYS_OPEN = "24/7"
# Opening intervals a day can hold (campaign files allow the same).
MAX_INTERVALS_A_DAY = 24
_OPEN_ALL_DAY = (("00:00", "24:00"),)
_RANGE = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})", re.ASCII)


@dataclass(frozen=True)
class BusinessHours:
    """Opening intervals per weekday (Monday first), local to `timezone`."""

    timezone: str = DEFAULT_TIMEZONE
    # Per day, a tuple of (open, close) "HH:MM" pairs; empty = closed all day.
    weekly: tuple[tuple[tuple[str, str], ...], ...] = field(
        default_factory=lambda: tuple(
            (("09:00", "17:00"),) if day not in ("sat", "sun") else () for day in DAYS
        )
    )

    def intervals(self, day: str) -> tuple[tuple[str, str], ...]:
        """The opening intervals of a day ('mon'…'sun')."""
        return self.weekly[DAYS.index(day)]


@lru_cache(maxsize=1024)
def parse_hhmm(value: str) -> time | None:
    """'HH:MM' → time, or None when it is not a valid 24-hour time ('24:00' means midnight).
    Remembered: every forecast reads the week's hours again (strptime is slow)."""
    text = str(value).strip()
    if text == "24:00":
        return time(23, 59, 59)
    try:
        parsed = datetime.strptime(text, "%H:%M")
    except ValueError:
        return None
    return parsed.time()


@lru_cache(maxsize=1)
def timezone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted."""
    return tuple(sorted(available_timezones()))


def valid_timezone(name: str) -> bool:
    """Whether `name` is an IANA time zone."""
    if not name or len(name) > 64:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def hours_problems(hours: BusinessHours) -> list[str]:
    """What is wrong with a schedule (bad zone, bad times, closing before opening)."""
    problems = []
    if not valid_timezone(hours.timezone):
        # The zone can come from a campaign file: quoted for the Markdown it is shown in.
        problems.append(f"Unknown time zone {markdown_code(hours.timezone[:64])}.")
    for day, intervals in zip(DAYS, hours.weekly, strict=True):
        for start, end in intervals:
            opens, closes = parse_hhmm(start), parse_hhmm(end)
            if opens is None or closes is None:
                problems.append(f"{DAY_NAMES[day]}: times must be HH:MM, 24-hour.")
            elif closes <= opens:
                problems.append(f"{DAY_NAMES[day]}: closing time must be after opening time.")
    return problems


def hours_from_record(record: Mapping[str, Any] | None) -> BusinessHours:
    """BusinessHours from a sample-data record {'timezone': …, 'weekly': {'mon': [[o, c]], …}}."""
    if not record:
        return BusinessHours()
    weekly_record = record.get("weekly", {}) or {}
    weekly = tuple(
        tuple((str(pair[0]), str(pair[1])) for pair in weekly_record.get(day, []) if len(pair) == 2)
        for day in DAYS
    )
    return BusinessHours(timezone=str(record.get("timezone", DEFAULT_TIMEZONE)), weekly=weekly)


def hours_to_record(hours: BusinessHours) -> dict[str, Any]:
    """The JSON-friendly form of `hours_from_record`."""
    return {
        "timezone": hours.timezone,
        "weekly": {day: [list(pair) for pair in hours.weekly[i]] for i, day in enumerate(DAYS)},
    }


def is_open_at(hours: BusinessHours, moment: datetime) -> bool:
    """Whether someone answers at `moment` (aware datetimes are converted to the business's zone;
    naive ones are taken as the business's local time)."""
    if moment.tzinfo is not None and valid_timezone(hours.timezone):
        moment = moment.astimezone(ZoneInfo(hours.timezone))
    day = DAYS[moment.weekday()]
    now = moment.time()
    for start, end in hours.intervals(day):
        opens, closes = parse_hhmm(start), parse_hhmm(end)
        if opens is not None and closes is not None and opens <= now < closes:
            return True
    return False


def weekly_mask(hours: BusinessHours) -> np.ndarray:
    """A (7, 24) boolean array, Monday first, local time: True where the hour is mostly open.

    An hour counts as open when at least half of it falls inside an opening interval, which is
    the resolution the simulator works at.
    """
    minutes = np.zeros((7, 24 * 60), dtype=bool)
    for index, intervals in enumerate(hours.weekly):
        for start, end in intervals:
            opens, closes = parse_hhmm(start), parse_hhmm(end)
            if opens is None or closes is None or closes <= opens:
                continue
            first = opens.hour * 60 + opens.minute
            last = closes.hour * 60 + closes.minute + (1 if closes.second else 0)
            minutes[index, first:last] = True
    return minutes.reshape(7, 24, 60).mean(axis=2) >= 0.5


def describe_day(hours: BusinessHours, day: str) -> str:
    """'09:00–17:00, 18:00–20:00' or 'Closed'."""
    intervals = hours.intervals(day)
    return ", ".join(f"{start}–{end}" for start, end in intervals) if intervals else "Closed"


# ---- the share link's text form ----------------------------------------------------------

Weekly = tuple[tuple[tuple[str, str], ...], ...]


def _days_text(indexes: list[int]) -> str:
    """'mon' for one day, 'mon-fri' for a run of days, 'sat,sun'-style lists otherwise."""
    names = [DAYS[i] for i in indexes]
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[0]}-{names[-1]}"
    return ",".join(names)


def format_hours_text(weekly: Weekly) -> str:
    """A week as share-link text: days with the same intervals share an item
    ('mon-fri 09:00-17:00; sat 10:00-14:00'), '24/7' when open around the clock, '' when
    closed all week. `parse_hours_text` reads it back to the same week."""
    if all(tuple(day) == _OPEN_ALL_DAY for day in weekly):
        return ALWAYS_OPEN
    groups: dict[tuple[tuple[str, str], ...], list[int]] = {}
    for index, intervals in enumerate(weekly):
        if intervals:
            groups.setdefault(tuple(intervals), []).append(index)
    items = [
        f"{_days_text(indexes)} {opens}-{closes}"
        for intervals, indexes in groups.items()
        for opens, closes in intervals
    ]
    return "; ".join(items)


def _parse_days(text: str) -> list[int]:
    if "," in text:
        parts = text.split(",")
        if any(part not in DAYS for part in parts):
            raise ValueError("a day list is days such as “sat,sun”")
        return sorted({DAYS.index(part) for part in parts})
    if "-" in text:
        first, _, last = text.partition("-")
        if first not in DAYS or last not in DAYS or DAYS.index(first) >= DAYS.index(last):
            raise ValueError("a day range runs forward within the week, such as “mon-fri”")
        return list(range(DAYS.index(first), DAYS.index(last) + 1))
    if text not in DAYS:
        raise ValueError("days are mon, tue, wed, thu, fri, sat, sun")
    return [DAYS.index(text)]


def _parse_range(text: str) -> tuple[str, str]:
    match = _RANGE.fullmatch(text)
    if not match:
        raise ValueError("times are written HH:MM-HH:MM, such as “09:00-17:00”")
    oh, om, ch, cm = (int(group) for group in match.groups())
    opens, closes = f"{oh:02d}:{om:02d}", f"{ch:02d}:{cm:02d}"
    open_time, close_time = parse_hhmm(opens), parse_hhmm(closes)
    if open_time is None or close_time is None or opens == "24:00":
        raise ValueError("times are 24-hour, 00:00 to 24:00")
    if close_time <= open_time:
        raise ValueError("each closing time must be after its opening time")
    return opens, closes


def parse_hours_text(text: str) -> Weekly:
    """Share-link text → the weekly intervals (Monday first); ValueError says, in words,
    what is wrong. Case, spaces and empty items are forgiven; times come back as 'HH:MM'."""
    cleaned = text.strip().lower()
    if cleaned == ALWAYS_OPEN:
        return (_OPEN_ALL_DAY,) * len(DAYS)
    weekly: list[list[tuple[str, str]]] = [[] for _ in DAYS]
    for item in cleaned.split(";"):
        if not item.strip():
            continue
        parts = item.split()
        if len(parts) != 2:
            raise ValueError("each item is “DAYS HH:MM-HH:MM”, items separated by “;”")
        interval = _parse_range(parts[1])
        for index in _parse_days(parts[0]):
            weekly[index].append(interval)
            if len(weekly[index]) > MAX_INTERVALS_A_DAY:
                raise ValueError(f"at most {MAX_INTERVALS_A_DAY} intervals a day")
    return tuple(tuple(day) for day in weekly)


@lru_cache(maxsize=1)
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in timezone_names()}


def canonical_timezone(name: str) -> str:
    """The IANA zone `name` means, spelled as the zone database spells it ('europe/berlin' →
    'Europe/Berlin'), or '' when it is none of this machine's zones."""
    text = name.strip()
    if not text or len(text) > 64:
        return ""
    return _zones_by_folded_name().get(text.casefold(), "")
