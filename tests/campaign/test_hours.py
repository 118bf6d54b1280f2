"""Business hours: parsing, open-at checks across time zones, and the simulator's mask."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from components.campaign.hours import (
    ALWAYS_OPEN,
    BusinessHours,
    canonical_timezone,
    describe_day,
    format_hours_text,
    hours_from_record,
    hours_problems,
    hours_to_record,
    is_open_at,
    parse_hours_text,
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


# ---- the share link's text form ---------------------------------------------------------

NINE_TO_FIVE = (("09:00", "17:00"),)


def test_hours_text_reads_ranges_lists_and_single_days():
    weekly = parse_hours_text("mon-fri 09:00-17:00; sat,sun 10:00-14:00")
    assert weekly == (NINE_TO_FIVE,) * 5 + ((("10:00", "14:00"),),) * 2
    assert parse_hours_text(" WED 9:00-12:30 ;; ") == (
        (),
        (),
        (("09:00", "12:30"),),
        (),
        (),
        (),
        (),
    )
    assert parse_hours_text("") == ((),) * 7


def test_a_day_can_have_several_intervals_in_the_order_written():
    weekly = parse_hours_text("mon 13:00-17:00; mon 08:00-12:00")
    assert weekly[0] == (("13:00", "17:00"), ("08:00", "12:00"))


def test_24_7_is_open_around_the_clock():
    assert parse_hours_text(ALWAYS_OPEN) == ((("00:00", "24:00"),),) * 7
    assert format_hours_text(parse_hours_text("24/7")) == "24/7"
    assert weekly_mask(BusinessHours(weekly=parse_hours_text("24/7"))).all()


def test_hours_text_groups_days_that_share_their_intervals():
    assert format_hours_text(BusinessHours().weekly) == "mon-fri 09:00-17:00"
    weekly = parse_hours_text("mon,wed,fri 09:00-17:00; sat,sun 10:00-14:00; tue 08:00-09:00")
    text = format_hours_text(weekly)
    assert text == "mon,wed,fri 09:00-17:00; tue 08:00-09:00; sat,sun 10:00-14:00"
    assert parse_hours_text(text) == weekly
    assert format_hours_text(((),) * 7) == ""


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("mon-fri", "DAYS HH:MM-HH:MM"),
        ("mon-fri 09:00 17:00", "DAYS HH:MM-HH:MM"),
        ("mon-fri 9-17", "HH:MM-HH:MM"),
        ("fri-mon 09:00-17:00", "runs forward"),
        ("mon-mon 09:00-17:00", "runs forward"),
        ("mon,funday 09:00-17:00", "a day list"),
        ("monday 09:00-17:00", "days are mon"),
        ("mon 17:00-09:00", "after its opening"),
        ("mon 09:00-09:00", "after its opening"),
        ("mon 24:00-24:00", "24-hour"),
        ("mon 09:60-10:00", "24-hour"),
        ("mon ٠٩:٠٠-١٠:٠٠", "HH:MM-HH:MM"),
        ("; ".join(["mon 09:00-10:00"] * 25), "at most 24"),
    ],
)
def test_bad_hours_text_says_what_is_wrong(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_hours_text(text)


def test_time_zone_names_are_matched_without_regard_to_case():
    assert canonical_timezone(" africa/lagos ") == "Africa/Lagos"
    assert canonical_timezone("UTC") == "UTC"
    for bad in ("", "Mars/Olympus", "../../etc/passwd", "x" * 65, "Africa/Lagos\x00"):
        assert canonical_timezone(bad) == ""
