"""`streamlit` with TCP_NODELAY on every connection: `python tools/serve.py run app.py …`.

Streamlit 1.67 binds its listening socket itself (`starlette_server._bind_socket`) as
`socket.socket(family=…)`, so the socket's `proto` reads 0. asyncio turns Nagle's algorithm
off only for sockets whose `proto` is `IPPROTO_TCP` (`asyncio.base_events._set_nodelay`), so
every accepted connection kept Nagle on: a small reply then waits for the browser's delayed
ACK, and back-to-back reruns on one connection stalled ~40 ms (issue 18; `bench/nodelay.py`
measures it). Re-wrapping the bound socket from its file descriptor makes Python read the
real protocol from the kernel (SO_PROTOCOL), so asyncio sets TCP_NODELAY on each connection
it accepts. Nothing in site-packages is changed; the same arguments as `streamlit` apply.
"""

from __future__ import annotations

import socket
import sys
import warnings
from collections.abc import Callable

TcpBinder = Callable[[str, int, int], socket.socket]


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
    sys.argv[0] = "streamlit"
    cli.main()


if __name__ == "__main__":
    main()
