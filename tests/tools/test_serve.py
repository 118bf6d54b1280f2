"""The launcher (tools/serve.py) turns Nagle's algorithm off on every connection."""

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor

from streamlit.web.server.starlette import starlette_server

from tools.serve import install, with_tcp_protocol


async def _accepted_nodelay(listening: socket.socket) -> int:
    """TCP_NODELAY of the connection an asyncio server (as uvicorn runs) accepts."""
    seen: asyncio.Future = asyncio.get_running_loop().create_future()

    def on_connect(reader, writer) -> None:
        sock = writer.get_extra_info("socket")
        seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(on_connect, sock=listening)
    host, port = listening.getsockname()[:2]
    _, writer = await asyncio.open_connection(host, port)
    try:
        return await asyncio.wait_for(seen, 10)
    finally:
        writer.close()
        server.close()
        await server.wait_closed()


def test_connections_accepted_on_streamlits_socket_have_nodelay():
    bind = with_tcp_protocol(starlette_server._bind_socket)
    listening = bind("127.0.0.1", 0, 8)
    assert listening.proto == socket.IPPROTO_TCP
    # A thread of its own: in the whole suite, Playwright's sync API keeps an event loop
    # running in the main thread, where asyncio.run refuses to start another.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, _accepted_nodelay(listening)).result(timeout=30) == 1


def test_the_launcher_finds_streamlits_binder(monkeypatch):
    """A Streamlit upgrade that drops `_bind_socket` must be noticed, not silently ignored."""
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)
    assert install() is True
    assert starlette_server._bind_socket.__name__ == "bind_tcp"


def test_the_c_allocator_is_bounded_on_glibc():
    """glibc's mallopt accepts both bounds (the server's memory figure depends on them)."""
    from tools.serve import bound_malloc

    assert bound_malloc() is True
