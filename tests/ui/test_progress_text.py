"""The forecast's progress bar text: the share done, then an estimate of the time left."""

import pytest

from components.ui.forecast import progress_text

CELLS = "500 runs × 365 days × 252 countries"


@pytest.mark.parametrize(
    ("done", "elapsed", "expected"),
    [
        (0.0, 0.0, f"Simulating {CELLS}… 0%"),
        (0.05, 2.0, f"Simulating {CELLS}… 5%"),  # too early to tell the pace
        (0.25, 3.0, f"Simulating {CELLS}… 25%, about 9 s left"),
        (0.5, 10.0, f"Simulating {CELLS}… 50%, about 10 s left"),
        (0.95, 0.5, f"Simulating {CELLS}… 95%"),  # under a second left: nothing to wait for
    ],
)
def test_the_bar_says_how_far_and_about_how_long(done, elapsed, expected):
    assert progress_text(CELLS, done, elapsed) == expected
