"""A cache of computed results shared by every session, bounded by bytes, not entries.

A forecast holds tens to hundreds of megabytes of draws; a cache counted in entries lets a
visitor fill the server's memory by varying one setting (say, the seed). This one keeps
the most recently used results whose sizes add up to at most `max_bytes` (cachetools'
LRUCache with a size function), computes a missing one once even when several sessions ask
at the same time, and never keeps a result larger than the whole budget.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
from cachetools import LRUCache

T = TypeVar("T")


def approximate_bytes(value: Any) -> int:
    """The bytes a result holds: numpy arrays (also inside dataclasses, dicts, lists and
    pandas frames) counted by their buffers, everything else by `sys.getsizeof`."""
    seen: set[int] = set()

    def size(item: Any) -> int:
        if id(item) in seen:
            return 0
        seen.add(id(item))
        if isinstance(item, np.ndarray):
            return int(item.nbytes) if item.base is None else 0
        if hasattr(item, "memory_usage") and callable(item.memory_usage):  # pandas
            return int(np.sum(item.memory_usage(deep=True)))
        if isinstance(item, dict):
            return sum(size(k) + size(v) for k, v in item.items())
        if isinstance(item, (list, tuple, set, frozenset)):
            return sum(size(v) for v in item)
        if hasattr(item, "__dict__"):
            return sys.getsizeof(item) + size(vars(item))
        if hasattr(item, "__dataclass_fields__"):
            return sum(size(getattr(item, name, None)) for name in item.__dataclass_fields__)
        return sys.getsizeof(item)

    return size(value)


class ResultCache:
    """A thread-safe, byte-bounded LRU cache of computed results by key."""

    def __init__(self, max_bytes: int, sizeof: Callable[[Any], int] = approximate_bytes):
        self.max_bytes = int(max_bytes)
        self._sizeof = sizeof
        self._cache: LRUCache[str, Any] = LRUCache(maxsize=self.max_bytes, getsizeof=self._size)
        self._sizes: dict[int, int] = {}
        self._lock = threading.Lock()
        self._computing: dict[str, threading.Lock] = {}

    def _size(self, value: Any) -> int:
        return self._sizes.get(id(value), 1)

    @property
    def bytes_held(self) -> int:
        """The bytes of the results kept now."""
        with self._lock:
            return int(self._cache.currsize)

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)

    def get(self, key: str) -> Any | None:
        """The result kept for `key`, or None."""
        with self._lock:
            return self._cache.get(key)

    def get_or_compute(self, key: str, compute: Callable[[], T]) -> T:
        """The result for `key`, computing it once (other callers of the same key wait)."""
        with self._lock:
            if key in self._cache:
                return self._cache[key]
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                if key in self._cache:
                    return self._cache[key]
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            size = max(1, self._sizeof(value))
            with self._lock:
                if size <= self.max_bytes:
                    self._sizes[id(value)] = size
                    self._cache[key] = value
                    live = {id(v) for v in self._cache.values()}
                    self._sizes = {k: v for k, v in self._sizes.items() if k in live}
            return value

    def clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._cache.clear()
            self._sizes.clear()
