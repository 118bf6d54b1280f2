"""Business hours: a weekly schedule in a time zone, and whether a tap at a moment is answered.

Hours are part of the AdSpec because a Call ad's taps outside them are missed calls (the
simulator reads `weekly_mask`). Times are local to the business's IANA time zone (`zoneinfo`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import numpy as np

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = dict(
    zip(
        DAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
DEFAULT_TIMEZONE = "UTC"


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


def parse_hhmm(value: str) -> time | None:
    """'HH:MM' → time, or None when it is not a valid 24-hour time ('24:00' means midnight)."""
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
        problems.append(f"Unknown time zone “{hours.timezone}”.")
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
