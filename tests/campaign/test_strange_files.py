"""Files from strangers: images and campaign files that are broken, bloated or crafted.

Each gets a clear message (the text is asserted, not just the failure), nothing raises, and
memory stays bounded: the memory checks run in a fresh Python process that measures each call's
peak resident memory above what it held just before (see `_PROBE`), so other tests'
allocations can't hide a peak; a control case shows the measurement does see Pillow's pixel
buffers. Cases already in test_images.py / test_campaign_json.py are not repeated.
"""

from __future__ import annotations

import base64
import io
import json
import struct
import subprocess
import sys
import time
import zlib
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps

from components.campaign.campaign_file import (
    MAX_DEPTH,
    CampaignFileError,
    campaign_to_dict,
    import_json,
)
from components.campaign.images import MAX_UPLOAD_BYTES, check_upload
from components.campaign.model import default_campaign

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
BOMB = 256 * MB  # inflated size of the text bombs (Pillow refuses text over 1 MB)


# ---- building strange files -------------------------------------------------------------


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with(before_idat: bytes = b"", after_idat: bytes = b"", size=(64, 48)) -> bytes:
    """A small PNG with extra chunks spliced in before the image data and/or after it."""
    png = encode(Image.new("RGB", size, (30, 120, 200)), "PNG")
    idat = png.index(b"IDAT") - 4
    iend = png.index(b"IEND") - 4
    return png[:idat] + before_idat + png[idat:iend] + after_idat + png[iend:]


def itxt(text: bytes, compressed: bool) -> bytes:
    body = zlib.compress(text, 9) if compressed else text
    flag = b"\x01\x00" if compressed else b"\x00\x00"
    return chunk(b"iTXt", b"XML:com.adobe.xmp\x00" + flag + b"\x00\x00" + body)


@lru_cache(maxsize=4)
def zeros_deflated(size: int) -> bytes:
    """zlib data that inflates to `size` zero bytes (about 1 KB per MB), built lazily."""
    packer = zlib.compressobj(1)
    block = bytes(16 * MB)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


def handmade_png(width: int, height: int, depth: int, colour: int, pixel: bytes) -> bytes:
    """A PNG Pillow can't write: every pixel `pixel` (e.g. 16-bit RGB, colour type 2)."""
    row = b"\x00" + pixel * width
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def png_claiming(width: int, height: int) -> bytes:
    """A 1×1 PNG whose header claims width×height (a bomb's header; it never decodes)."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def jpeg_claiming(width: int, height: int) -> bytes:
    """A tiny JPEG whose frame header (SOF0) claims width×height."""
    data = bytearray(encode(Image.new("RGB", (8, 8)), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def webp_claiming(width: int, height: int) -> bytes:
    """A lossless WebP whose VP8L header claims width×height (14 bits each)."""
    data = bytearray(encode(Image.new("RGB", (1, 1)), "WEBP", lossless=True))
    start = data.index(b"VP8L") + 8
    assert data[start] == 0x2F
    bits = int.from_bytes(data[start + 1 : start + 5], "little")
    bits = (bits & ~((1 << 28) - 1)) | (width - 1) | ((height - 1) << 14)
    data[start + 1 : start + 5] = bits.to_bytes(4, "little")
    return bytes(data)


def exif_block(entries: list[tuple[int, int, int, bytes]]) -> bytes:
    """A little-endian EXIF block: (tag, type, count, 4-byte value) entries."""
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        ifd += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
    return b"Exif\x00\x00II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0)


def marked(size=(120, 60)) -> Image.Image:
    """A dark picture with a white top-left quarter, to see where a rotation put it."""
    image = Image.new("RGB", size, (0, 0, 0))
    image.paste((255, 255, 255), (0, 0, size[0] // 2, size[1] // 2))
    return image


def bright_corner(data: bytes) -> str:
    with Image.open(io.BytesIO(data)) as image:
        grey = image.convert("L")
        w, h = grey.size
        corners = {
            "top-left": (w // 8, h // 8),
            "top-right": (w - 1 - w // 8, h // 8),
            "bottom-left": (w // 8, h - 1 - h // 8),
            "bottom-right": (w - 1 - w // 8, h - 1 - h // 8),
        }
        return max(corners, key=lambda name: grey.getpixel(corners[name]))


def close(got: tuple, expected: tuple, tolerance: int = 4) -> bool:
    """Colours equal but for JPEG re-encoding."""
    return all(abs(a - b) <= tolerance for a, b in zip(got, expected, strict=True))


def refused(data: bytes, *fragments: str) -> str:
    result = check_upload(data)
    assert not result.ok and result.data is None, "accepted"
    for fragment in fragments:
        assert fragment in result.error, result.error
    return result.error


def accepted(data: bytes) -> Image.Image:
    result = check_upload(data)
    assert result.ok, result.error
    image = Image.open(io.BytesIO(result.data))
    assert image.format in ("JPEG", "PNG") and image.mode in ("RGB", "RGBA")
    assert max(image.size) <= 2048
    return image


# ---- images: damage ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
@pytest.mark.parametrize("keep", [0.3, 0.7, 0.95])
def test_truncated_png_and_webp_say_damaged(fmt, keep):
    data = encode(Image.effect_noise((300, 300), 60).convert("RGB"), fmt)
    refused(data[: int(len(data) * keep)], "damaged or cut short")


def test_a_png_with_a_broken_checksum_says_damaged():
    data = bytearray(encode(Image.effect_noise((100, 100), 60), "PNG"))
    data[data.index(b"IDAT") + 10] ^= 0xFF
    refused(bytes(data), "damaged or cut short")


# ---- images: bombs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,fragment",
    [
        (png_claiming(8_000, 8_000), "8,000×8,000 pixels; at most 40 megapixels"),
        (png_claiming(65_535, 65_535), "far too many pixels to open safely"),
        (jpeg_claiming(9_000, 9_000), "9,000×9,000 pixels; at most 40 megapixels"),
        (jpeg_claiming(65_000, 65_000), "far too many pixels to open safely"),
        (webp_claiming(16_384, 16_384), "far too many pixels to open safely"),
        (webp_claiming(5_000, 5_000), "at most 12 megapixels are accepted for WebP"),
    ],
    ids=["png-64mp", "png-4gp", "jpeg-81mp", "jpeg-4gp", "webp-268mp", "webp-25mp"],
)
def test_bomb_headers_are_refused_before_decoding(data, fragment):
    assert len(data) < 2000
    started = time.monotonic()
    refused(data, fragment)
    assert time.monotonic() - started < 1


# ---- images: odd but honest pictures ----------------------------------------------------


def test_animated_png_keeps_its_first_frame_with_a_note():
    frames = [Image.new("RGB", (80, 60), (250, 0, 0)), Image.new("RGB", (80, 60), (0, 0, 250))]
    data = encode(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=100)
    result = check_upload(data)
    assert result.ok and "first frame" in result.note
    with Image.open(io.BytesIO(result.data)) as image:
        assert image.convert("RGB").getpixel((10, 10))[0] > 200


def test_animated_gif_is_refused_by_name():
    frames = [Image.new("P", (40, 40), 1), Image.new("P", (40, 40), 2)]
    refused(
        encode(frames[0], "GIF", save_all=True, append_images=frames[1:]),
        "GIF files are not accepted: use PNG, JPEG or WebP",
    )


def test_a_multi_picture_jpeg_from_a_camera_is_read_as_a_jpeg():
    """Phones write JPEGs with extra pictures (depth, HDR gain maps): Pillow calls them MPO."""
    main, extra = Image.new("RGB", (300, 200), (250, 0, 0)), Image.new("RGB", (150, 100))
    data = encode(main, "MPO", save_all=True, append_images=[extra])
    assert Image.open(io.BytesIO(data)).format == "MPO"
    result = check_upload(data)
    assert result.ok, result.error
    assert result.note == "" and (result.width, result.height) == (300, 200)


def test_cmyk_colours_survive():
    image = accepted(encode(Image.new("CMYK", (60, 60), (0, 255, 255, 0)), "JPEG", quality=95))
    red, green, blue = image.getpixel((30, 30))
    assert red > 200 and green < 60 and blue < 60


@pytest.mark.parametrize(
    "colour,pixel,expected",
    [
        (2, struct.pack(">HHH", 65535, 32768, 0), (255, 128, 0)),  # 16-bit RGB
        (6, struct.pack(">HHHH", 0, 0, 65535, 65535), (0, 0, 255)),  # 16-bit RGBA
        (4, struct.pack(">HH", 40000, 65535), (156, 156, 156)),  # 16-bit grey + alpha
        (0, struct.pack(">H", 40000), (156, 156, 156)),  # 16-bit grey
    ],
    ids=["rgb16", "rgba16", "la16", "grey16"],
)
def test_16_bit_pictures_keep_their_colours(colour, pixel, expected):
    image = accepted(handmade_png(40, 30, 16, colour, pixel))
    assert close(image.convert("RGB").getpixel((20, 15)), expected)


def test_a_big_16_bit_grey_picture_is_scaled_not_clipped():
    image = accepted(encode(Image.new("I;16", (4200, 2100), 30000), "PNG"))
    assert image.size == (2048, 1024)
    assert 110 <= image.getpixel((100, 100))[0] <= 124  # 30000 / 256 ≈ 117, not 255


def test_palette_and_one_bit_pictures():
    palette = Image.new("P", (5000, 2500), 0)
    palette.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    assert close(accepted(encode(palette, "PNG")).getpixel((10, 10)), (255, 0, 0))
    clear = accepted(encode(Image.new("P", (80, 80), 0), "PNG", transparency=0))
    assert clear.mode == "RGBA" and clear.getpixel((5, 5))[3] == 0
    assert close(accepted(encode(Image.new("1", (80, 80), 1), "PNG")).getpixel((5, 5)), (255,) * 3)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_shown_upright(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(marked(), "JPEG", exif=exif, quality=95)
    reference = encode(ImageOps.exif_transpose(Image.open(io.BytesIO(data))), "PNG")
    result = check_upload(data)
    assert result.ok, result.error
    assert bright_corner(result.data) == bright_corner(reference)
    upright = (60, 120) if orientation >= 5 else (120, 60)
    assert (result.width, result.height) == upright


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_exif_rotation_in_png_and_webp(fmt):
    exif = Image.Exif()
    exif[0x0112] = 6
    result = check_upload(encode(marked(), fmt, exif=exif.tobytes()))
    assert result.ok and (result.width, result.height) == (60, 120)
    assert bright_corner(result.data) == "top-right"


def test_exif_with_a_value_out_of_range_for_its_type_does_not_crash():
    """Found by fuzzing: ImageOps.exif_transpose re-packs the EXIF block and raised
    struct.error ("argument out of range") on a negative SSHORT, which escaped check_upload."""
    exif = exif_block([(0x0100, 8, 1, struct.pack("<h", -120)), (0x0112, 3, 1, b"\x06\x00")])
    result = check_upload(encode(marked(), "JPEG", exif=exif))
    assert result.ok, result.error
    assert (result.width, result.height) == (60, 120)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0x0112, 0x0100, 0x0101, 0x8769, 0x8825, 0xA005, 0x927C])
            | st.integers(0, 0xFFFF),
            st.integers(0, 14),
            st.sampled_from([0, 1, 2, 4, 1000, 2**31, 2**32 - 1]),
            st.binary(min_size=4, max_size=4),
        ),
        max_size=6,
    ),
    st.binary(max_size=40),
)
@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow warns on each corrupt tag
def test_any_exif_block_is_read_or_ignored_never_raised(entries, tail):
    data = encode(Image.new("RGB", (40, 30), (9, 9, 9)), "JPEG", exif=exif_block(entries) + tail)
    result = check_upload(data)
    assert result.ok, result.error
    assert {result.width, result.height} == {40, 30}


# ---- images: lies -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b'\xef\xbb\xbf<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
        b'onload="alert(1)"><rect width="9" height="9"/></svg>',
        b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
        b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>",
        b"\xff\xd8\xff<script>alert(1)</script>",
        b"RIFF\x10\x00\x00\x00WEBPVP8 <svg onload=alert(1)>",
    ],
    ids=["svg-with-bom", "html", "png-signature-then-html", "jpeg-marker-then-html", "riff"],
)
def test_markup_named_png_is_not_an_image(data):
    error = refused(data)
    assert "not an image we can read" in error or "damaged or cut short" in error, error


def test_a_png_with_html_appended_comes_out_clean():
    data = png_with() + b"<html><script>alert(1)</script></html>"
    result = check_upload(data)
    assert result.ok and b"<script" not in result.data and b"alert" not in result.data


def test_exactly_10_mb_is_accepted_and_one_byte_more_is_refused():
    png = png_with()
    padded = png + b"\x00" * (MAX_UPLOAD_BYTES - len(png))  # bytes after IEND are ignored
    assert len(padded) == 10_000_000  # megabytes as the uploader counts them
    assert check_upload(padded).ok
    # One byte over reads in bytes: "10.0 MB; at most 10 MB" would say nothing.
    refused(padded + b"\x00", "The file is 10,000,001 bytes; images can be at most 10 MB.")


# ---- images: bloated metadata -----------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: png_with(itxt(b"<x:xmpmeta>" + b"x" * 9_000_000 + b"</x:xmpmeta>", False)),
        lambda: png_with(itxt(b"<x:xmpmeta>" + b"y" * 2_000_000, True)),  # bloated XMP
        lambda: png_with(itxt(b"z" * 900_000, True) * 80),  # 72 MB of text once inflated
        lambda: png_with(
            chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x01\x00\x00\x00" + zeros_deflated(BOMB))
        ),
        lambda: png_with(b"", chunk(b"zTXt", b"Comment\x00\x00" + zeros_deflated(BOMB))),
        lambda: png_with(chunk(b"tEXt", b"Comment\x00" + b"t" * 5_000_000)),
    ],
    ids=["itxt-9mb", "itxt-2mb-xmp", "80-itxt", "itxt-256mb-bomb", "ztxt-256mb-bomb", "text-5mb"],
)
def test_png_text_chunks_are_dropped_unread(build):
    """The ad never shows PNG text; Pillow would inflate it (and refuse more than 1 MB)."""
    data = build()
    started = time.monotonic()
    image = accepted(data)
    assert time.monotonic() - started < 3
    assert image.size == (64, 48) and image.getpixel((5, 5))[2] > 180


def test_a_colour_profile_bomb_is_refused_with_a_reason():
    data = png_with(chunk(b"iCCP", b"icc\x00\x00" + zeros_deflated(512 * MB)))
    refused(data, "far more embedded data", "Export it again without metadata")


def test_a_truncated_text_chunk_still_says_damaged():
    data = png_with(itxt(b"x" * 1000, False))
    refused(data[: data.index(b"iTXt") + 200], "damaged or cut short")


# ---- campaign files ---------------------------------------------------------------------


def campaign(**changes) -> dict:
    record = campaign_to_dict(default_campaign())
    record.update(changes)
    return record


def raw_file(**changes) -> bytes:
    return json.dumps(campaign(**changes)).encode()


def refused_file(raw: bytes, *fragments: str) -> str:
    with pytest.raises(CampaignFileError) as caught:
        import_json(raw)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


def with_number(field: str, literal: str) -> bytes:
    return json.dumps(campaign(**{field: "@@"})).replace('"@@"', literal).encode()


@pytest.mark.parametrize(
    "field,literal,fragments",
    [
        ("days", "1e999", ["Campaign length (`days`) is a number too large to read"]),
        ("seed", "-1e999", ["Simulation seed (`seed`) is a number too large to read"]),
        ("seed", "1e300", ["Simulation seed (`seed`) is 1e+300; it must be between 0 and 2,147,"]),
        ("days", "1" * 30, ["(`days`) is a 30-digit number; it must be between 1 and 365."]),
        ("days", "7.5", ["Campaign length (`days`) should be a whole number, not 7.5."]),
        ("version", "1e999", ["no valid schema version"]),
        ("budget", "1" * 5000, ["5,000 digits long", "far too large"]),
        ("reply_minutes", "1E400", ["Reply time (`reply_minutes`) is a number too large to"]),
    ],
)
def test_absurd_numbers_say_which_field_and_why(field, literal, fragments):
    refused_file(with_number(field, literal), *fragments)


def test_a_key_given_twice_is_refused():
    raw = raw_file().replace(b'"business":', b'"business": "Decoy", "business":', 1)
    refused_file(raw, "gives `business` twice")
    nested = raw_file().replace(b'"timezone":', b'"timezone": "UTC", "timezone":', 1)
    refused_file(nested, "`timezone` twice")


@pytest.mark.parametrize(
    "raw,fragment",
    [
        (b"\xef\xbb\xbf\xef\xbb\xbf" + raw_file(), "not valid JSON (line 1, column 1)"),
        ("\ufeff".encode("utf-16-le") + raw_file().decode().encode("utf-16-le"), "not text"),
        (raw_file().decode().encode("utf-32"), "not text"),
        (json.dumps(campaign(business="Café"), ensure_ascii=False).encode("latin-1"), "not text"),
        (raw_file() + raw_file(), "not valid JSON (line 1, column"),
        (raw_file() + b"\x00", "not valid JSON"),
        (b"\xed\xa0\x80" + raw_file(), "not text"),  # a UTF-8-encoded surrogate
    ],
    ids=["two-boms", "utf16", "utf32", "latin1", "two-objects", "trailing-nul", "cesu"],
)
def test_encodings_and_framing(raw, fragment):
    refused_file(raw, fragment)


def test_another_schema_version_as_text_or_float():
    refused_file(raw_file(version="2"), "no valid schema version")
    refused_file(raw_file(version=1.0), "no valid schema version")
    refused_file(raw_file(version=2**70), "version", "newer")


def test_a_campaign_file_with_an_image_bomb_inside_is_refused_quickly():
    bomb = base64.b64encode(png_claiming(30_000, 30_000)).decode()
    started = time.monotonic()
    refused_file(raw_file(story_image=bomb), "Story image", "far too many pixels")
    assert time.monotonic() - started < 2


# ---- memory, in a fresh process ---------------------------------------------------------

# One child process measures every case in turn: before each, it returns freed memory to the
# system (gc, malloc_trim) and resets its peak to its current size (`5` > /proc/self/clear_refs,
# Linux ≥ 4.0); after, the rise of the peak (`VmHWM`) over the size before (`VmRSS`) is what
# the call needed. Inputs are files the parent wrote, so building them never counts.
_PROBE = """
import ctypes, gc, io, json, sys, warnings
sys.path.insert(0, {root!r})
warnings.simplefilter("ignore")
from PIL import Image
from components.campaign.model import default_campaign
from components.campaign.campaign_file import CampaignFileError, campaign_to_dict, import_json
from components.campaign.images import check_upload

def image(data):
    return check_upload(data).error or "ok"

def campaign(data):
    try:
        import_json(data)
    except CampaignFileError as error:
        return str(error)
    return "imported"

def decode(data):
    return Image.open(io.BytesIO(data)).load() and "decoded"

warm = io.BytesIO()
Image.new("RGB", (8, 8)).save(warm, "PNG")
image(warm.getvalue())  # Pillow loads its plugins on first use
campaign(json.dumps(campaign_to_dict(default_campaign())).encode())  # and the country catalog
libc = ctypes.CDLL("libc.so.6")

def status_mb(field):
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024

results = {{}}
for case, kind, path in {cases!r}:
    with open(path, "rb") as handle:
        data = handle.read()
    gc.collect()
    libc.malloc_trim(0)
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    before = status_mb("VmRSS")
    outcome = globals()[kind](data)
    results[case] = {{"extra_mb": status_mb("VmHWM") - before, "outcome": outcome}}
    del data
print(json.dumps(results))
"""


def measure(cases: list[tuple[str, str, Path]]) -> dict[str, dict]:
    """Run every (case, kind, file) in one new Python; each case's extra MB and outcome."""
    code = _PROBE.format(root=str(ROOT), cases=[(c, k, str(p)) for c, k, p in cases])
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def write_lazily(path: Path, *parts) -> Path:
    """Write bytes and (unit, total) runs of repeated bytes to `path`, 64 KB at a time."""
    with open(path, "wb") as handle:
        for part in parts:
            if isinstance(part, bytes):
                handle.write(part)
                continue
            unit, total = part
            block = unit * (65536 // len(unit))
            for _ in range(total // len(block)):
                handle.write(block)
    return path


IMAGE_CASES = {
    "png-4gp-header": (lambda: png_claiming(65_535, 65_535), "far too many pixels", 30),
    "png-64mp-header": (lambda: png_claiming(8_000, 8_000), "at most 40 megapixels", 30),
    "jpeg-4gp-header": (lambda: jpeg_claiming(65_000, 65_000), "far too many pixels", 30),
    "webp-268mp-header": (lambda: webp_claiming(16_384, 16_384), "far too many pixels", 30),
    "png-144mp": (lambda: encode(Image.new("L", (12_000, 12_000)), "PNG"), "far too many", 30),
    # Within 40 MP but 40,000,000 px long: 503 MB to check before sides were bounded.
    "png-1x40m": (lambda: encode(Image.new("L", (1, 40_000_000)), "PNG"), "at most 12,000", 30),
    "png-1x2048": (lambda: encode(Image.new("L", (1, 2048)), "PNG"), "2,048 times as tall", 30),
    "ztxt-256mb": (lambda: png_with(chunk(b"zTXt", b"c\x00\x00" + zeros_deflated(BOMB))), "ok", 30),
    "itxt-9mb": (lambda: png_with(itxt(b"x" * 9_000_000, False)), "ok", 60),
    # The biggest pictures accepted: a 40 MP PNG holds 160 MB once decoded, by nature; a 40 MP
    # JPEG is decoded at half scale; a 12 MP WebP is Pillow's costliest decode.
    "png-40mp-accepted": (
        lambda: encode(Image.new("RGBA", (6300, 6300), (1, 2, 3, 4)), "PNG"), "ok", 250,
    ),
    "jpeg-40mp-accepted": (
        lambda: encode(Image.new("RGB", (6300, 6300), (1, 2, 3)), "JPEG"), "ok", 120,
    ),
    "webp-12mp-accepted": (
        lambda: encode(Image.new("RGB", (4000, 3000)), "WEBP", lossless=True), "ok", 250,
    ),
}  # fmt: skip


def _head() -> bytes:
    """A whole campaign file but for its last field, `business`, left open for a huge value."""
    record = campaign(business="")
    del record["business"]
    return json.dumps(record).encode()[:-1] + b', "business": "'


JSON_CASES = {
    "41mb": (lambda: [_head(), (b"x", 41 * MB), b'"}'], "MB; a campaign file can be at most 34 MB"),
    # Just under the 34 MB limit (32 MiB is 33.5 MB).
    "32mib-text": (lambda: [_head(), (b"x", 32 * MB), b'"}'], "(`business`) is 33,554,432"),
    "32mib-emoji": (lambda: [_head(), ("😀".encode(), 32 * MB), b'"}'], "characters; at most 75"),
    "32mib-spaces": (lambda: [_head(), (b" ", 32 * MB), b'"}'], "characters; at most 75"),
    "10k-lists": (lambda: [b"[" * 10_000, b"]" * 10_000], f"nested more than {MAX_DEPTH} levels"),
    "10k-objects": (lambda: [b'{"a":' * 10_000, b"1", b"}" * 10_000], "nested more than"),
    "32mib-brackets": (lambda: [(b"[", 32 * MB)], "far more items than a campaign has"),
    "30mib-escapes": (lambda: [b'"', (b"\\u0000", 30 * MB), b'"'], "far more items than a"),
    "200k-numbers": (lambda: [b"[1", (b",1", 200_000), b"]"], "it should hold one JSON object"),
    "30m-digit-number": (lambda: [_head(), b'", "budget": 1', (b"1", 30 * MB), b"}"], "digits"),
}  # fmt: skip


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """Every image and campaign case measured once, in one child process."""
    folder = tmp_path_factory.mktemp("strange")
    cases = []
    for case, (build, _, _) in IMAGE_CASES.items():
        path = folder / f"{case}.img"
        path.write_bytes(build())
        cases.append((case, "image", path))
    for case, (parts, _) in JSON_CASES.items():
        cases.append((case, "campaign", write_lazily(folder / f"{case}.json", *parts())))
    # Control: decoding a 30 MP PNG with Pillow directly must show up.
    control = folder / "control.png"
    control.write_bytes(encode(Image.new("RGB", (6000, 5000), (1, 2, 3)), "PNG"))
    cases.append(("control", "decode", control))
    return measure(cases)


def test_memory_measurement_sees_a_decode(measured):
    """Control: Pillow's pixel buffers are counted (a 30 MP decode holds 120 MB)."""
    assert measured["control"]["outcome"] == "decoded"
    assert measured["control"]["extra_mb"] > 100, measured["control"]


@pytest.mark.parametrize("case", list(IMAGE_CASES))
def test_image_memory_stays_bounded(measured, case):
    _, fragment, limit_mb = IMAGE_CASES[case]
    result = measured[case]
    assert fragment in result["outcome"], result
    assert result["extra_mb"] < limit_mb, result


@pytest.mark.parametrize("case", list(JSON_CASES))
def test_campaign_file_memory_stays_bounded(measured, case):
    _, fragment = JSON_CASES[case]
    result = measured[case]
    assert fragment in result["outcome"], result
    assert result["extra_mb"] < 200, result
