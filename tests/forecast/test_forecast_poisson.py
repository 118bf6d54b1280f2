"""The engine's Poisson sampler against the distribution it draws from."""

import math

import numpy as np
import pytest

from components.forecast.poisson import poisson


@pytest.mark.parametrize("mean", [0.0, 0.002, 0.05, 0.4, 1.0, 3.3, 9.0, 15.5, 16.0, 60.0, 2500.0])
def test_poisson_sampler_matches_the_distribution(mean):
    n = 400_000
    rng = np.random.default_rng(11)
    words = rng.bit_generator.random_raw(n // 2).view(np.uint32)
    draws = poisson(np.full(n, mean, np.float32), words, np.empty(n, np.int32))
    assert draws.min() >= 0
    if mean == 0:
        assert draws.max() == 0
        return
    standard_error = math.sqrt(mean / n)
    assert abs(draws.mean() - mean) < 5 * standard_error + 1e-4 * mean
    assert draws.var() == pytest.approx(mean, rel=0.03, abs=0.3)
    if mean < 5:
        assert np.mean(draws == 0) == pytest.approx(math.exp(-mean), abs=0.003)


def test_negative_and_tiny_means_draw_zero():
    """Float rounding can leave a mean a hair below zero; it must count as zero."""
    words = np.random.default_rng(1).bit_generator.random_raw(500).view(np.uint32)
    means = np.array([-1e-7, -0.0, 1e-9] * 333 + [0.0], np.float32)
    assert poisson(means, words, np.empty(1000, np.int32)).max() == 0


def _words(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).bit_generator.random_raw((n + 1) // 2).view(np.uint32)[:n]


@pytest.mark.parametrize("mean", [0.3, 2.7, 8.0, 15.0])
def test_counts_fall_as_the_poisson_distribution_says(mean):
    """The whole histogram, not only its moments: total variation distance to the exact pmf
    (sampling noise alone gives about 0.003 at this size)."""
    n = 400_000
    draws = poisson(np.full(n, mean, np.float32), _words(n, 5), np.empty(n, np.int32))
    top = int(mean + 12 * math.sqrt(mean) + 20)
    observed = np.bincount(draws, minlength=top + 1)[: top + 1] / n
    exact = np.array(
        [math.exp(k * math.log(mean) - mean - math.lgamma(k + 1)) for k in range(top + 1)]
    )
    assert 0.5 * np.abs(observed - exact).sum() < 0.01
    assert draws.max() <= top  # no count from outside the table


@pytest.mark.parametrize("mean", [15.99, 16.01, 1e6])
def test_the_normal_approximation_keeps_mean_and_spread(mean):
    n = 200_000
    draws = poisson(np.full(n, mean, np.float32), _words(n, 9), np.empty(n, np.int32))
    assert abs(draws.mean() - mean) < 5 * math.sqrt(mean / n)
    assert draws.var() == pytest.approx(mean, rel=0.03)
    assert draws.min() >= 0


def test_means_below_the_grid_count_as_zero_and_just_above_it_do_not():
    n = 2_000_000
    below = poisson(np.full(n, 2.0**-14 * 0.9, np.float32), _words(n, 2), np.empty(n, np.int32))
    assert below.max() == 0  # a bias under 6e-5 per cell, by design (poisson.py)
    above = poisson(np.full(n, 2.0**-12, np.float32), _words(n, 3), np.empty(n, np.int32))
    assert above.mean() == pytest.approx(2.0**-12, rel=0.15)


def test_the_same_words_give_the_same_counts_and_other_words_others():
    means = np.random.default_rng(4).uniform(0, 40, 10_000).astype(np.float32)
    out = np.empty(means.size, np.int32)
    first = poisson(means, _words(means.size, 1), out).copy()
    assert poisson(means, _words(means.size, 1), np.empty(means.size, np.int32)).tolist() == (
        first.tolist()
    )
    assert (poisson(means, _words(means.size, 2), np.empty(means.size, np.int32)) != first).any()


def test_counts_land_in_the_array_given_and_leave_the_means_alone():
    means = np.linspace(0, 30, 1000, dtype=np.float32)
    kept = means.copy()
    out = np.empty(1000, np.int32)
    result = poisson(means, _words(1000, 7), out)
    assert result is out and result.dtype == np.int32
    assert np.array_equal(means, kept)
