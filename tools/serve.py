"""`streamlit` with TCP_NODELAY on every connection: `python tools/serve.py run app.py …`.

Streamlit 1.67 binds its listening socket itself (`starlette_server._bind_socket`) as
`socket.socket(family=…)`, so the socket's `proto` reads 0. asyncio turns Nagle's algorithm
off only for sockets whose `proto` is `IPPROTO_TCP` (`asyncio.base_events._set_nodelay`), so
every accepted connection kept Nagle on: a small reply then waits for the browser's delayed
ACK, and back-to-back reruns on one connection stalled ~40 ms (issue 18; `bench/nodelay.py`
measures it). Re-wrapping the bound socket from its file descriptor makes Python read the
real protocol from the kernel (SO_PROTOCOL), so asyncio sets TCP_NODELAY on each connection
it accepts. Nothing in site-packages is changed; the same arguments as `streamlit` apply.

It also bounds what the C allocator keeps (`bound_malloc`): a forecast's arrays are tens of
MB, and glibc raises its mmap threshold after freeing one, so the next ones land in heap
arenas (one per thread that allocates) that it keeps resident after they are freed. The
server then grew ~61 MB for every new worst-case forecast although Python's own memory
stayed at the cache bound (bench/hostile_memory.py).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import socket
import sys
import warnings
from collections.abc import Callable

TcpBinder = Callable[[str, int, int], socket.socket]

# mallopt(3) parameters (glibc's malloc.h).
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
# Blocks from 1 MB up are mmapped and given back to the system when freed (a fixed value
# also stops glibc from raising it); below that, small objects stay in the heap as usual.
MMAP_THRESHOLD_BYTES = 1 << 20
ARENA_MAX = 2  # one per core of the machine this was measured on; fewer arenas, less kept


def bound_malloc() -> bool:
    """Set glibc's mmap threshold and arena count; False where the C library is not glibc."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(
        mallopt(_M_ARENA_MAX, ARENA_MAX)
    )


def with_tcp_protocol(bind: TcpBinder) -> TcpBinder:
    """`bind`, returning the same listening socket re-wrapped so its `proto` is the
    kernel's (IPPROTO_TCP): what it accepts inherits it, and asyncio sets TCP_NODELAY."""

    def bind_tcp(address: str, port: int, backlog: int) -> socket.socket:
        sock = bind(address, port, backlog)
        if sock.proto:
            return sock
        return socket.socket(fileno=sock.detach())

    return bind_tcp


def install() -> bool:
    """Wrap Streamlit's socket binder; False (with a warning) if this Streamlit has none."""
    from streamlit.web.server.starlette import starlette_server

    bind = getattr(starlette_server, "_bind_socket", None)
    if bind is None:
        warnings.warn(
            "this Streamlit binds no socket of its own: TCP_NODELAY left to it", stacklevel=2
        )
        return False
    starlette_server._bind_socket = with_tcp_protocol(bind)
    return True


def main() -> None:
    """Run the `streamlit` command line with the binder wrapped."""
    from streamlit.web import cli

    install()
    bound_malloc()
    sys.argv[0] = "streamlit"
    cli.main()


if __name__ == "__main__":
    main()
