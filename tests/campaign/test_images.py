"""Uploads checked with Pillow: accepted formats, lies, bombs, damage, and aspect fitting."""

import io

import pytest
from PIL import Image

from components.campaign.images import (
    MAX_UPLOAD_BYTES,
    check_upload,
    crop_box,
    data_uri,
    needs_crop,
    preview_jpeg,
)


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def picture(size=(400, 500), mode="RGB", colour=(200, 80, 40)) -> Image.Image:
    return Image.new(mode, size, colour if mode in ("RGB", "RGBA") else 0)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_accepted_formats(fmt):
    result = check_upload(encode(picture(), fmt))
    assert result.ok, result.error
    assert (result.width, result.height) == (400, 500)
    with Image.open(io.BytesIO(result.data)) as clean:
        assert clean.format in ("JPEG", "PNG")


def test_transparent_png_stays_png():
    result = check_upload(encode(picture(mode="RGBA", colour=(0, 0, 0, 0)), "PNG"))
    assert result.ok and result.data.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"<html><script>alert(1)</script></html>", "not an image"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', "not an image"),
        (b"GIF89a" + b"\x00" * 40, "not an image"),
        (encode(picture(), "GIF"), "GIF files are not accepted"),
        (encode(picture(), "BMP"), "BMP files are not accepted"),
    ],
)
def test_refused_files_say_why(data, fragment):
    result = check_upload(data)
    assert not result.ok and result.data is None
    assert fragment in result.error


def test_truncated_jpeg_is_refused():
    data = encode(picture((800, 800)), "JPEG", quality=95)
    result = check_upload(data[: len(data) // 2])
    assert not result.ok and "damaged" in result.error


def test_decompression_bomb_is_refused_before_decoding():
    bomb = encode(Image.new("L", (12_000, 12_000)), "PNG")
    assert len(bomb) < 1_000_000  # small in bytes, 144 megapixels when decoded
    result = check_upload(bomb)
    assert not result.ok and "megapixels" in result.error


def test_too_many_bytes_is_refused():
    result = check_upload(b"\xff" * (MAX_UPLOAD_BYTES + 1))
    assert not result.ok and "at most 10 MB" in result.error


def test_exif_rotation_is_applied():
    image = picture((600, 300))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° on display
    result = check_upload(encode(image, "JPEG", exif=exif))
    assert result.ok and (result.width, result.height) == (300, 600)


def test_cmyk_and_16_bit_are_normalised():
    cmyk = check_upload(encode(Image.new("CMYK", (50, 50), (0, 100, 100, 0)), "JPEG"))
    assert cmyk.ok
    sixteen = check_upload(encode(Image.new("I;16", (50, 50), 40000), "PNG"))
    assert sixteen.ok
    with Image.open(io.BytesIO(sixteen.data)) as clean:
        assert clean.mode == "RGB" and clean.getpixel((0, 0))[0] > 100


def test_animated_webp_keeps_first_frame_with_a_note():
    frames = [picture(colour=(255, 0, 0)), picture(colour=(0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="WEBP", save_all=True, append_images=frames[1:], duration=100)
    result = check_upload(buffer.getvalue())
    assert result.ok and "first frame" in result.note


def test_crop_box_centres_the_placement_frame():
    assert crop_box(1000, 1000, "4:5") == (100, 0, 900, 1000)
    assert crop_box(800, 1000, "1:1") == (0, 100, 800, 900)
    assert needs_crop(1000, 1000, "4:5") and not needs_crop(1080, 1350, "4:5")


def test_preview_copy_is_small_and_keeps_the_shape():
    import base64

    uri = data_uri(preview_jpeg(encode(picture((2000, 800)), "JPEG"), 400), "image/jpeg")
    assert uri.startswith("data:image/jpeg;base64,")
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as preview:
        assert preview.size == (400, 160)


# ---- bounds read before decoding, and what is stored (issue 16, items 4 and 5) -----------


@pytest.mark.parametrize(
    ("size", "fragment"),
    [
        ((1, 40_000_000), "a side can be at most 12,000 pixels"),
        ((13_000, 100), "a side can be at most 12,000 pixels"),
        ((1, 2048), "1×2,048 pixels: 2,048 times as tall as it is wide"),
        ((2048, 1), "2,048 times as wide as it is tall"),
        ((2001, 500), "more than 4 times as wide as it is tall"),
    ],
)
def test_sides_and_shape_are_refused_in_words_before_decoding(size, fragment, monkeypatch):
    data = encode(Image.new("L", size), "PNG")
    from PIL import ImageFile

    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: decoded.append(self))
    result = check_upload(data)
    assert not result.ok and fragment in result.error, result.error
    assert decoded == []  # refused from the header, never decoded


@pytest.mark.parametrize("size", [(2000, 500), (500, 2000), (1080, 1920), (1, 1)])
def test_shapes_up_to_four_to_one_are_accepted(size):
    assert check_upload(encode(picture(size), "PNG")).ok


def test_a_clean_stored_image_is_kept_exactly_only_when_asked():
    stored = check_upload(encode(picture((900, 600)), "JPEG")).data
    assert check_upload(stored, keep_clean=True).data == stored
    # An upload is always re-encoded (its metadata never kept); a WebP is never kept as is.
    webp = encode(picture((900, 600)), "WEBP")
    kept = check_upload(webp, keep_clean=True).data
    assert kept != webp and kept.startswith(b"\xff\xd8")


def test_sizes_are_written_in_the_uploaders_megabytes():
    from components.campaign.images import size_text

    assert size_text(12_400_000) == "12.4 MB" and size_text(10_000_000) == "10 MB"
    assert size_text(10_000_001, 10_000_000) == "10,000,001 bytes"


def test_a_thumbnail_is_small_square_and_flat():
    from components.campaign.images import thumbnail_jpeg

    transparent = check_upload(encode(picture((800, 400), "RGBA", (0, 0, 0, 0)), "PNG")).data
    thumb = thumbnail_jpeg(transparent, 112)
    with Image.open(io.BytesIO(thumb)) as image:
        assert image.format == "JPEG" and image.size == (112, 112)
        assert image.getpixel((56, 56)) == (255, 255, 255)  # see-through laid on white
    assert len(thumb) < 8_000
