"""QR codes (segno) of the ad button's real link, to test the tap on a real phone."""

from __future__ import annotations

import io
from functools import lru_cache

import segno


@lru_cache(maxsize=32)
def qr_png(link: str, scale: int = 6) -> bytes:
    """A PNG QR code of `link`, dark on white with a quiet zone, readable by any phone camera."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=3)
    return buffer.getvalue()


@lru_cache(maxsize=32)
def qr_svg(link: str, scale: int = 4) -> str:
    """The same QR code as inline SVG, for the downloadable HTML preview."""
    return segno.make(link, error="m").svg_inline(scale=scale, border=3, title="QR code")
