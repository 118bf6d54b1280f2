"""Business hours: parsing, open-at checks across time zones, and the simulator's mask."""

from datetime import datetime
from zoneinfo import ZoneInfo

from components.hours import (
    BusinessHours,
    describe_day,
    hours_from_record,
    hours_problems,
    hours_to_record,
    is_open_at,
    weekly_mask,
)

RECORD = {
    "timezone": "Africa/Lagos",
    "weekly": {"mon": [["08:00", "12:00"], ["13:00", "18:30"]], "sat": [["09:00", "14:00"]]},
}


def test_record_round_trip():
    hours = hours_from_record(RECORD)
    assert hours_to_record(hours)["weekly"]["mon"] == [["08:00", "12:00"], ["13:00", "18:30"]]
    assert describe_day(hours, "sun") == "Closed"
    assert describe_day(hours, "mon") == "08:00–12:00, 13:00–18:30"


def test_open_at_local_and_aware_times():
    hours = hours_from_record(RECORD)
    assert is_open_at(hours, datetime(2026, 3, 2, 9, 0))  # Monday 09:00 local
    assert not is_open_at(hours, datetime(2026, 3, 2, 12, 30))  # lunch
    assert not is_open_at(hours, datetime(2026, 3, 8, 10, 0))  # Sunday
    # 08:30 UTC on a Monday is 09:30 in Lagos (UTC+1).
    assert is_open_at(hours, datetime(2026, 3, 2, 8, 30, tzinfo=ZoneInfo("UTC")))
    assert not is_open_at(hours, datetime(2026, 3, 2, 6, 30, tzinfo=ZoneInfo("UTC")))


def test_weekly_mask_marks_open_hours():
    mask = weekly_mask(hours_from_record(RECORD))
    assert mask.shape == (7, 24)
    assert mask[0, 8] and mask[0, 11] and not mask[0, 12] and mask[0, 13] and mask[0, 18]
    assert not mask[0, 19] and mask[5, 9] and not mask[6].any()
    assert weekly_mask(BusinessHours()).sum() == 5 * 8


def test_problems_are_named():
    bad = BusinessHours(timezone="Mars/Olympus", weekly=((("18:00", "09:00"),),) + ((),) * 6)
    problems = hours_problems(bad)
    assert any("time zone" in p for p in problems) and any("after opening" in p for p in problems)
    assert hours_problems(hours_from_record(RECORD)) == []
