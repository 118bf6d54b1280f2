"""Uploaded images: checked with Pillow, normalised, and fitted to a placement's frame.

An upload is trusted for nothing: its name and declared type are ignored, Pillow decides what
it is, decompression bombs are refused before decoding, and what survives is re-encoded so the
app only ever handles clean JPEG or PNG bytes of a bounded size.
"""

from __future__ import annotations

import base64
import io
import math
import warnings
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageOps, UnidentifiedImageError

# A megabyte as Streamlit's uploader counts it: it shows 42,991,618 bytes as "43.0MB" and
# refuses 41,942,942 bytes at a 40 MB limit (measured, Streamlit 1.67), so the app's limits
# and messages use the same unit and agree with what the uploader says.
MB = 1_000_000
MAX_UPLOAD_BYTES = 10 * MB
# Meta's largest recommended frame is 1440×1800; 40 MP leaves room for camera originals while
# a "bomb" (a small file that decodes to gigabytes) is refused before it is decoded.
MAX_PIXELS = 40_000_000
# Both sides are bounded too, read from the header before decoding: a 194 KB PNG of
# 1 × 40,000,000 px is within MAX_PIXELS but cost 503 MB to check. 12,000 px keeps every
# camera original of 40 MP up to a 3.6:1 panorama (40 MP at 3.6:1 is 12,000 × 3,333).
MAX_SIDE = 12_000
# The placements show pictures from 1.91:1 (the widest, Facebook Feed) to 9:16 (the tallest,
# Stories); a picture beyond 4:1 either way keeps under half of itself in the widest frame
# and under a seventh in Stories, so it is refused in words rather than cropped to a sliver.
MAX_ASPECT = 4.0
# Pillow's WebP decoder holds about four copies of the picture (16 bytes a pixel, where PNG
# takes 4 and JPEG, decoded at a reduced scale, less): a 40 MP WebP of a few kilobytes would
# cost 600 MB. 12 MP (a phone photo) keeps every accepted file under about 200 MB.
MAX_PIXELS_BY_FORMAT = {"WEBP": 12_000_000}
# What each format Pillow reports is accepted as. "MPO" is a JPEG with extra pictures after the
# main one (phones and cameras write them: depth maps, HDR gain maps); it is read as a JPEG.
ALLOWED_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP", "MPO": "JPEG"}
# Stored images are bounded too: nothing wider than the largest placement needs, and no more
# bytes than three of them in an exported campaign file allow (`campaign_file` derives its
# file limit from this). A picture that encodes larger (a semi-transparent photo is kept as
# PNG: a 5 MB WebP became a 12.6 MB PNG) is stored smaller, and the person is told.
MAX_STORED_SIDE = 2048
MAX_STORED_BYTES = 8 * MB
# Each shrink aims at the budget from the last size (PNG and JPEG bytes grow with the pixel
# count); two rounds were always enough in tests, the rest is a margin.
_MAX_ENCODE_ROUNDS = 6

ASPECTS = {"4:5": (4, 5), "1:1": (1, 1), "1.91:1": (191, 100), "9:16": (9, 16)}

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG text chunks: Pillow inflates compressed ones while opening and refuses any over 1 MB
# inflated (a bloated Photoshop XMP packet can be), and a crafted one inflates to gigabytes.
# The ad never shows them, so they are dropped unread.
_PNG_TEXT_CHUNKS = frozenset({b"tEXt", b"zTXt", b"iTXt"})
# EXIF orientation → the transpose that shows the picture upright (as ImageOps.exif_transpose).
_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class ImageCheck:
    """The result of checking an upload: clean bytes, or a message saying what is wrong."""

    ok: bool
    data: bytes | None = None
    width: int = 0
    height: int = 0
    error: str = ""
    note: str = ""


def check_upload(
    data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES, keep_clean: bool = False
) -> ImageCheck:
    """Validate uploaded bytes and return them re-encoded (JPEG, or PNG when transparent),
    within MAX_STORED_SIDE a side and MAX_STORED_BYTES.

    Memory stays near the decoded picture's own size: a refused file is never decoded (its
    pixel count, sides and shape are read from the header), a JPEG is decoded at the smallest
    scale (1/2, 1/4, 1/8) that still covers MAX_STORED_SIDE, and everything else is shrunk
    before any conversion or rotation copies it.

    `keep_clean` (a campaign file's images, which the studio itself wrote) returns the bytes
    unchanged when they already are what the app stores: JPEG or PNG, upright, within the
    stored bounds; re-encoding them on every import would lose a little of a JPEG each time.
    """
    if not data:
        return ImageCheck(ok=False, error="The file is empty.")
    if len(data) > max_bytes:
        return ImageCheck(
            ok=False,
            error=f"The file is {size_text(len(data), max_bytes)}; images can be at most "
            f"{size_text(max_bytes)}.",
        )
    data = _without_png_text(data)
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
                limit = MAX_PIXELS_BY_FORMAT.get(fmt, MAX_PIXELS)
                if width * height > limit:
                    kind = f" for {ALLOWED_FORMATS[fmt]}" if limit != MAX_PIXELS else ""
                    return ImageCheck(
                        ok=False,
                        error=f"The image is {width:,}×{height:,} pixels; at most "
                        f"{limit // 1_000_000} megapixels are accepted{kind}.",
                    )
                shape = shape_problem(width, height)
                if shape:
                    return ImageCheck(ok=False, error=shape)
                probe.verify()
            # verify() leaves the image unusable; decode from a fresh handle.
            with Image.open(io.BytesIO(data)) as image:
                if keep_clean and _already_stored(image, fmt, len(data)):
                    image.load()  # decoding it is the check that it is whole
                    return ImageCheck(ok=True, data=data, width=width, height=height)
                if fmt in ("JPEG", "MPO"):
                    image.draft(None, (MAX_STORED_SIDE, MAX_STORED_SIDE))
                image.load()
                animated = fmt != "MPO" and getattr(image, "is_animated", False)
                orientation = _orientation(image)
                clean = _normalise(image)
                if orientation in _ORIENTATION:
                    clean = clean.transpose(_ORIENTATION[orientation])
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
    except ValueError as error:
        if "ecompressed" in str(error):  # Pillow: "Decompressed data too large for …"
            return ImageCheck(
                ok=False,
                error="The image carries far more embedded data (a colour profile or metadata) "
                "than a picture needs, so it is not opened. Export it again without metadata.",
            )
        return _damaged()
    except (OSError, SyntaxError, MemoryError):
        return _damaged()
    notes = ["Animated image: the ad shows its first frame."] if animated else []
    try:
        encoded, stored = _encode_within(clean, MAX_STORED_BYTES)
    except ValueError:
        return ImageCheck(
            ok=False,
            error=f"The image could not be stored within {size_text(MAX_STORED_BYTES)}. "
            "Export it again as a JPEG and retry.",
        )
    if stored.size != clean.size:
        transparent = stored.mode == "RGBA"
        see_through = " (it has see-through parts, so it is kept as PNG)" if transparent else ""
        notes.append(
            f"Stored at {stored.width:,}×{stored.height:,} px, not {clean.width:,}×"
            f"{clean.height:,}, so it stays within {size_text(MAX_STORED_BYTES)}{see_through}."
        )
    return ImageCheck(
        ok=True, data=encoded, width=stored.width, height=stored.height, note=" ".join(notes)
    )


def size_text(size: int, limit: int | None = None) -> str:
    """A size in the uploader's megabytes ("12.4 MB"); in bytes when, rounded, it would read
    the same as `limit` ("10,000,001 bytes", not "10.0 MB; at most 10 MB")."""
    shown = f"{size / MB:.1f}".removesuffix(".0") + " MB"
    if limit is not None and size != limit and shown == size_text(limit):
        return f"{size:,} bytes"
    return shown


def shape_problem(width: int, height: int) -> str:
    """Why a picture's sides or shape are refused, in words ("" when they are fine)."""
    if max(width, height) > MAX_SIDE:
        return (
            f"The image is {width:,}×{height:,} pixels; a side can be at most {MAX_SIDE:,} "
            "pixels. Export it smaller and retry."
        )
    ratio = max(width, height) / max(1, min(width, height))
    if ratio > MAX_ASPECT:
        longer, shorter = ("wide", "tall") if width > height else ("tall", "wide")
        return (
            f"The image is {width:,}×{height:,} pixels: {_times(ratio)} as {longer} as it "
            f"is {shorter}. Ads show pictures from 1.91:1 (wide) to 9:16 (tall), so at most "
            f"{MAX_ASPECT:g}:1 either way is accepted. Crop it closer to the ad's shape."
        )
    return ""


def _times(ratio: float) -> str:
    """ "2,048 times"; close to the bound, "more than 4 times" (4.0 would contradict it)."""
    return f"{ratio:,.0f} times" if ratio >= 10 else f"more than {MAX_ASPECT:g} times"


def _already_stored(image: Image.Image, fmt: str, size: int) -> bool:
    """Whether bytes Pillow opened are already what the app stores (see `check_upload`)."""
    return (
        fmt in ("JPEG", "PNG")
        and size <= MAX_STORED_BYTES
        and max(image.size) <= MAX_STORED_SIDE
        and image.mode in ("RGB", "RGBA", "L")
        and _orientation(image) in (0, 1)
        and not getattr(image, "is_animated", False)
    )


def _encode_within(image: Image.Image, budget: int) -> tuple[bytes, Image.Image]:
    """`image` encoded (`_encode`) within `budget` bytes, shrunk as little as that takes; the
    bytes and the picture they hold. ValueError if it cannot be made to fit."""
    for _ in range(_MAX_ENCODE_ROUNDS):
        data = _encode(image)
        if len(data) <= budget:
            return data, image
        # Bytes grow with the pixel count: scale each side by the root of the excess, with a
        # little to spare so one round usually does it.
        scale = min(0.9, math.sqrt(budget / len(data)) * 0.95)
        size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    raise ValueError("the image does not fit the stored budget")


def _damaged() -> ImageCheck:
    return ImageCheck(
        ok=False, error="The image is damaged or cut short. Export it again and retry."
    )


def _without_png_text(data: bytes) -> bytes:
    """PNG bytes without their text chunks (see _PNG_TEXT_CHUNKS); anything else unchanged.

    A chunk that runs past the end stops the walk and the rest is kept as it is, so a damaged
    file still reaches Pillow, which says what is wrong with it.
    """
    if not data.startswith(PNG_SIGNATURE):
        return data
    kept = [data[:8]]
    position = 8
    dropped = False
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            break
        if kind in _PNG_TEXT_CHUNKS:
            dropped = True
        else:
            kept.append(data[position:end])
        position = end
        if kind == b"IEND":
            break
    if not dropped:
        return data
    kept.append(data[position:])
    return b"".join(kept)


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1–8), or 0 when there is none or the EXIF block is unreadable.

    Read here, not by ImageOps.exif_transpose: that rewrites the EXIF block and raises
    struct.error on values out of range for their type (a crafted file), and it copies the
    full-size picture.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = image.getexif().get(0x0112)
    except Exception:  # EXIF is optional metadata: unreadable means "upright"
        return 0
    return value if isinstance(value, int) else 0


def _normalise(image: Image.Image) -> Image.Image:
    """RGB (or RGBA when transparent), 8 bits per channel, at most MAX_STORED_SIDE a side.

    The picture is shrunk first (an integer box reduction, then Lanczos), so conversions only
    ever copy the small result.
    """
    if image.mode in ("P", "PA", "1"):
        # Palette and 1-bit pictures can't be box-reduced; a big one is first brought to twice
        # the stored size by sampling, then converted.
        transparent = image.mode == "PA" or "transparency" in image.info
        image = _sample_down(image, 2 * MAX_STORED_SIDE)
        image = image.convert("RGBA" if transparent else "RGB")
    elif image.mode.startswith("I") or image.mode == "F":
        # 16-bit (or 32-bit) greyscale: scale down to 8 bits rather than clipping to white.
        image = _to_eight_bit_grey(image)
    factor = max(image.size) // MAX_STORED_SIDE
    if factor >= 2:
        image = _reduce(image, factor)
    image.thumbnail((MAX_STORED_SIDE, MAX_STORED_SIDE), Image.Resampling.LANCZOS)
    if image.mode in ("RGBA", "LA", "La", "RGBa"):
        return image.convert("RGBA")
    return image.convert("RGB")


def _reduce(image: Image.Image, factor: int, rows: int = 64) -> Image.Image:
    """`image.reduce(factor)`, a band of rows at a time: for RGBA and LA Pillow premultiplies
    into a full-size copy first, which would double the memory of a big transparent picture."""
    width, height = image.size
    reduced = Image.new(image.mode, (-(-width // factor), -(-height // factor)))
    step = rows * factor
    for top in range(0, height, step):
        band = image.crop((0, top, width, min(top + step, height)))
        reduced.paste(band.reduce(factor), (0, top // factor))
    return reduced


def _sample_down(image: Image.Image, side: int) -> Image.Image:
    if max(image.size) <= side:
        return image
    scale = side / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.NEAREST)


def _to_eight_bit_grey(image: Image.Image, rows: int = 256) -> Image.Image:
    """A greyscale picture of 16 or 32 bits as 8-bit "L", a band of rows at a time (a
    whole-picture point() would make a 4-byte-per-pixel copy)."""
    grey = Image.new("L", image.size)
    for top in range(0, image.height, rows):
        band = image.crop((0, top, image.width, min(top + rows, image.height)))
        grey.paste(band.point(lambda value: value / 256).convert("L"), (0, top))
    return grey


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
def logo_png(data: bytes, size: int = 96) -> bytes:
    """A small square PNG of a logo."""
    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.fit(image.convert("RGBA"), (size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def thumbnail_jpeg(data: bytes, side: int = 112) -> bytes:
    """A square thumbnail (the centre of the picture, `side` px a side) as a small JPEG, with
    any transparency laid on white."""
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (side, side))  # a JPEG is decoded at a reduced scale
        picture = image.convert("RGBA")
    square = ImageOps.fit(picture, (side, side), Image.Resampling.LANCZOS)
    flat = Image.new("RGB", square.size, (255, 255, 255))
    flat.paste(square, mask=square.getchannel("A"))
    buffer = io.BytesIO()
    flat.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


@lru_cache(maxsize=32)
def preview_jpeg(data: bytes, width: int = 480) -> bytes:
    """The whole image scaled to `width` as a JPEG: previews never need more than a phone's
    width, so a preview carries a few dozen kilobytes, not the original."""
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        image.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def data_uri(data: bytes, mimetype: str) -> str:
    """Bytes as a `data:` URI (for a file that must load nothing from the network)."""
    return f"data:{mimetype};base64," + base64.b64encode(data).decode("ascii")
