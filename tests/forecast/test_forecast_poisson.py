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
