"""Uploaded images: checked with Pillow, normalised, and fitted to a placement's frame.

An upload is trusted for nothing: its name and declared type are ignored, Pillow decides what
it is, decompression bombs are refused before decoding, and what survives is re-encoded so the
app only ever handles clean JPEG or PNG bytes of a bounded size.
"""

from __future__ import annotations

import base64
import io
import warnings
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Meta's largest recommended frame is 1440×1800; 40 MP leaves room for camera originals while
# a "bomb" (a small file that decodes to gigabytes) is refused before it is decoded.
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP"}
# Stored images are bounded too: nothing wider than the largest placement needs.
MAX_STORED_SIDE = 2048

ASPECTS = {"4:5": (4, 5), "1:1": (1, 1), "1.91:1": (191, 100), "9:16": (9, 16)}


@dataclass(frozen=True)
class ImageCheck:
    """The result of checking an upload: clean bytes, or a message saying what is wrong."""

    ok: bool
    data: bytes | None = None
    width: int = 0
    height: int = 0
    error: str = ""
    note: str = ""


def check_upload(data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> ImageCheck:
    """Validate uploaded bytes and return them re-encoded (JPEG, or PNG when transparent)."""
    if not data:
        return ImageCheck(ok=False, error="The file is empty.")
    if len(data) > max_bytes:
        size_mb = len(data) / (1024 * 1024)
        return ImageCheck(
            ok=False,
            error=f"The file is {size_mb:.1f} MB; images can be at most "
            f"{max_bytes // (1024 * 1024)} MB.",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                fmt = probe.format or ""
                width, height = probe.size
                if fmt not in ALLOWED_FORMATS:
                    return ImageCheck(
                        ok=False,
                        error=f"{fmt or 'This'} files are not accepted: use PNG, JPEG or WebP.",
                    )
                if width * height > MAX_PIXELS:
                    return ImageCheck(
                        ok=False,
                        error=f"The image is {width:,}×{height:,} pixels; at most "
                        f"{MAX_PIXELS // 1_000_000} megapixels are accepted.",
                    )
                probe.verify()
            # verify() leaves the image unusable; decode from a fresh handle.
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                animated = getattr(image, "is_animated", False)
                image = ImageOps.exif_transpose(image)
                clean = _normalise(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return ImageCheck(
            ok=False,
            error="The image has far too many pixels to open safely; at most "
            f"{MAX_PIXELS // 1_000_000} megapixels are accepted.",
        )
    except UnidentifiedImageError:
        return ImageCheck(
            ok=False,
            error="That file is not an image we can read. Use a PNG, JPEG or WebP picture.",
        )
    except (OSError, SyntaxError, ValueError, MemoryError):
        return ImageCheck(
            ok=False, error="The image is damaged or cut short. Export it again and retry."
        )
    note = "Animated image: the ad shows its first frame." if animated else ""
    encoded = _encode(clean)
    return ImageCheck(ok=True, data=encoded, width=clean.width, height=clean.height, note=note)


def _normalise(image: Image.Image) -> Image.Image:
    """RGB (or RGBA when transparent), 8 bits per channel, at most MAX_STORED_SIDE a side."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
    elif image.mode == "I;16" or image.mode.startswith("I"):
        # 16-bit greyscale: scale down to 8 bits rather than clipping to white.
        image = image.point(lambda value: value / 256).convert("L").convert("RGB")
    else:
        image = image.convert("RGB")
    image.thumbnail((MAX_STORED_SIDE, MAX_STORED_SIDE), Image.Resampling.LANCZOS)
    return image


def _encode(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, format="PNG", optimize=True)
    else:
        image.save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()


@lru_cache(maxsize=64)
def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of clean image bytes (read from the header only)."""
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def aspect_ratio(aspect: str) -> float:
    """Width / height of a named aspect such as '4:5'."""
    width, height = ASPECTS[aspect]
    return width / height


def crop_box(width: int, height: int, aspect: str) -> tuple[int, int, int, int]:
    """The centred box (left, top, right, bottom) of an image that a placement shows."""
    target = aspect_ratio(aspect)
    if width / height > target:
        new_width = round(height * target)
        left = (width - new_width) // 2
        return left, 0, left + new_width, height
    new_height = round(width / target)
    top = (height - new_height) // 2
    return 0, top, width, top + new_height


def needs_crop(width: int, height: int, aspect: str, tolerance: float = 0.02) -> bool:
    """Whether an image's shape differs from the placement's by more than `tolerance`."""
    return abs(width / height - aspect_ratio(aspect)) / aspect_ratio(aspect) > tolerance


@lru_cache(maxsize=64)
def logo_data_uri(data: bytes, size: int = 96) -> str:
    """A small square PNG data URI of a logo."""
    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.fit(image.convert("RGBA"), (size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@lru_cache(maxsize=32)
def preview_data_uri(data: bytes, width: int = 480) -> str:
    """The whole image scaled to `width` as a JPEG data URI: previews never need more than a
    phone's width, so every keystroke re-sends a few dozen kilobytes, not the original."""
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        image.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=80, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
