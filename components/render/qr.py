"""QR codes (segno) of the ad button's real link, to test the tap on a real phone."""

from __future__ import annotations

import io
from functools import lru_cache

import segno

# What the pages say instead of a QR code when the link holds more than one can carry (a
# long pre-filled message: a QR code holds at most about 2,300 bytes at this error level).
TOO_LONG = "The link is too long for a QR code: shorten the pre-filled message to get one."


def _code(link: str) -> segno.QRCode | None:
    try:
        return segno.make(link, error="m")
    except segno.DataOverflowError:
        return None


@lru_cache(maxsize=32)
def qr_png(link: str, scale: int = 6) -> bytes | None:
    """A PNG QR code of `link`, dark on white with a quiet zone, readable by any phone
    camera; None when the link is too long for a QR code."""
    code = _code(link)
    if code is None:
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=3)
    return buffer.getvalue()


@lru_cache(maxsize=32)
def qr_svg(link: str, scale: int = 4) -> str | None:
    """The same QR code as inline SVG, for the downloadable HTML preview (None: too long)."""
    code = _code(link)
    return None if code is None else code.svg_inline(scale=scale, border=3, title="QR code")
