"""The forecast against published outcomes: the calibration rows land inside their ranges,
and the report says inside or outside for every row, honestly."""

import pytest

from components.forecast import validation

CALIBRATED = {
    "CPM in the United States",
    "CPM in India",
    "CPM in Brazil",
    "CPM in Nigeria",
    "CTR of a Message ad",
    "Cost per lead in the United States",
    "Call ads in business hours only",
}


@pytest.fixture(scope="module")
def checks():
    return validation.run_checks()


def test_every_benchmark_is_checked_and_sourced(checks):
    assert len(checks) == len(validation.load_benchmarks()) >= 10
    for check in checks:
        assert check.benchmark.source and check.benchmark.low < check.benchmark.high
        assert check.median == check.median  # a number, never NaN


def test_the_calibration_lands_inside_the_published_ranges(checks):
    outside = [
        c.benchmark.check for c in checks if c.benchmark.check in CALIBRATED and not c.inside
    ]
    assert not outside, f"outside the published range: {outside}"


def test_the_report_names_every_verdict(checks):
    text = validation.report(checks)
    for check in checks:
        assert check.benchmark.check in text
    assert text.count("OUTSIDE") == sum(not c.inside for c in checks)
    rows = validation.check_rows(checks)
    assert {row["Verdict"] for row in rows} <= {"inside", "outside"}
