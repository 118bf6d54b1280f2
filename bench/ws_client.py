"""A Streamlit session over a websocket, no browser: the protocol's own BackMsg/ForwardMsg
protobufs, for benchmarks that measure the server alone (bench/nodelay.py, bench/cluster.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


@asynccontextmanager
async def session(url: str) -> AsyncIterator[Any]:
    """A websocket to the app at `url` (http://host:port), as a browser tab opens one."""
    import websockets

    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as socket:
        yield socket


async def rerun(socket: Any, page_name: str = "") -> None:
    """Ask for a rerun of `page_name` ("" is the default page) and wait until the server says
    the script finished."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    request = BackMsg()
    request.rerun_script.page_name = page_name
    await socket.send(request.SerializeToString())
    while True:
        reply = ForwardMsg()
        reply.ParseFromString(await socket.recv())
        if reply.WhichOneof("type") == "script_finished":
            return
