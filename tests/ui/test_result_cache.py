"""The shared forecast cache: bounded by bytes, computes a key once, forgets the oldest."""

import threading

import numpy as np
import pytest

from components.ui.result_cache import ResultCache, approximate_bytes


def test_bytes_bound_evicts_the_least_recently_used():
    cache = ResultCache(max_bytes=1000)
    first = cache.get_or_compute("a", lambda: np.zeros(60))  # 480 bytes
    cache.get_or_compute("b", lambda: np.zeros(60))
    assert len(cache) == 2 and cache.bytes_held == 960
    assert cache.get("a") is first  # touched: "b" is now the oldest
    cache.get_or_compute("c", lambda: np.zeros(60))
    assert cache.get("b") is None and cache.get("a") is first
    assert cache.bytes_held <= 1000


def test_a_result_larger_than_the_budget_is_returned_but_not_kept():
    cache = ResultCache(max_bytes=100)
    value = cache.get_or_compute("big", lambda: np.zeros(1000))
    assert value.size == 1000 and cache.get("big") is None and len(cache) == 0


def test_concurrent_callers_compute_a_key_once():
    cache = ResultCache(max_bytes=10**6)
    calls = []
    gate = threading.Event()

    def compute():
        calls.append(1)
        gate.wait(1)
        return np.ones(10)

    threads = [threading.Thread(target=cache.get_or_compute, args=("k", compute)) for _ in range(4)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join()
    assert len(calls) == 1


def test_a_failing_computation_is_not_kept_and_can_be_retried():
    cache = ResultCache(max_bytes=10**6)

    def fail():
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        cache.get_or_compute("k", fail)
    assert cache.get_or_compute("k", lambda: 5) == 5


def test_sizes_count_arrays_inside_containers_once():
    array = np.zeros(100)
    assert approximate_bytes({"a": array, "b": [array]}) >= 800
    assert approximate_bytes({"a": array, "b": [array]}) < 1600
