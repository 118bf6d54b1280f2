"""Limits that agree end to end (issue 16, item 4): what the studio stores, exports and
imports, what the uploaders say and what the server takes are one chain of numbers, and the
studio's largest possible export imports again."""

from __future__ import annotations

import dataclasses
import io
import tomllib
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image

from components.campaign.campaign_file import (
    _IMAGE_FIELDS,
    MAX_FILE_BYTES,
    export_json,
    import_json,
)
from components.campaign.fields import MAX_CHARS
from components.campaign.images import (
    MAX_STORED_BYTES,
    MAX_STORED_SIDE,
    MAX_UPLOAD_BYTES,
    MB,
    check_upload,
)
from components.campaign.model import Campaign
from tests.campaign.test_strange_files import ROOT
from tests.factories import full_campaign

# The server refuses a request body over maxUploadSize MiB (starlette_routes._upload_put,
# Streamlit 1.67), counting the multipart framing around the file; the uploader in the browser
# refuses a file over the widget's limit in millions of bytes. 1 MB covers the framing.
FRAMING = MB


def server_limit_bytes() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    return config["server"]["maxUploadSize"] * 1024 * 1024


def test_the_image_fields_are_the_campaigns_bytes_fields():
    bytes_fields = {f.name for f in dataclasses.fields(Campaign) if "bytes" in str(f.type)}
    assert set(_IMAGE_FIELDS) == bytes_fields


def test_every_app_limit_is_under_what_the_browser_may_send_the_server():
    """The uploaders' own limit is the server's (components.ui.common.file_uploader): in
    the browser's megabytes that is below the server's mebibytes by more than the framing, so
    the server never answers a raw 413, and every app limit is under it, so the app's words
    are what a person reads."""
    widget_limit = server_limit_bytes() // (1024 * 1024) * MB  # the same number, in MB
    assert widget_limit + FRAMING <= server_limit_bytes()
    assert widget_limit >= max(MAX_FILE_BYTES, MAX_UPLOAD_BYTES)
    # Three stored images, base64-encoded, and the text fit in a campaign file.
    assert len(_IMAGE_FIELDS) * 4 * -(-MAX_STORED_BYTES // 3) + MB <= MAX_FILE_BYTES
    assert MAX_STORED_BYTES <= MAX_UPLOAD_BYTES  # a stored image re-imports as an upload


def _noise(width: int, height: int, alpha: bool) -> bytes:
    """An upload that compresses as badly as a picture can (random pixels), semi-transparent
    when `alpha`, so it is stored as PNG, the largest form the app keeps."""
    rng = np.random.default_rng(16)
    pixels = rng.integers(0, 256, (height, width, 4 if alpha else 3), dtype=np.uint8)
    if alpha:
        pixels[..., 3] = rng.integers(100, 256, (height, width), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGBA" if alpha else "RGB").save(buffer, "WEBP", quality=80)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def worst_upload():
    """The issue's case: a ~5 MB semi-transparent WebP that became a 12.6 MB PNG."""
    upload = _noise(2048, 1536, alpha=True)
    assert 4 * MB < len(upload) < MAX_UPLOAD_BYTES
    result = check_upload(upload)
    assert result.ok, result.error
    return result


@pytest.fixture(scope="module")
def worst_image(worst_upload) -> bytes:
    return worst_upload.data


def test_a_semi_transparent_photo_is_stored_within_the_budget_and_says_so(
    worst_upload, worst_image
):
    assert len(worst_image) <= MAX_STORED_BYTES
    with Image.open(io.BytesIO(worst_image)) as stored:
        assert stored.format == "PNG" and stored.mode == "RGBA"
        assert max(stored.size) < MAX_STORED_SIDE  # shrunk only as much as the bytes need
        assert max(stored.size) >= 1440  # still Meta's largest recommended frame's side
    note = worst_upload.note
    assert "Stored at" in note and "within 8 MB" in note and "see-through" in note


def test_the_largest_export_imports_again(worst_image):
    """Three images at the stored budget and every text field at its ceiling, in 4-byte
    characters: the export fits the importer's limit and comes back identical."""
    ad = full_campaign()
    text = {name: "😀" * limit for name, limit in MAX_CHARS.items() if name in
            ("business", "text", "headline", "description", "prefill", "greeting")}  # fmt: skip
    ad = replace(ad, image=worst_image, logo=worst_image, story_image=worst_image, **text)
    exported = export_json(ad)
    assert len(exported) <= MAX_FILE_BYTES
    back = import_json(exported)
    assert back == ad  # the images, already clean, keep their exact bytes


def test_an_imported_image_over_the_stored_bounds_is_stored_within_them():
    """A hand-made file may carry any image an upload could be: it is re-encoded to the
    stored bounds, so the campaign exports and imports again."""
    big = _noise(2400, 1800, alpha=False)  # a WebP, over the stored side
    ad = import_json(export_json(replace(Campaign(), image=big)))
    assert ad.image != big and len(ad.image) <= MAX_STORED_BYTES
    with Image.open(io.BytesIO(ad.image)) as stored:
        assert stored.format == "JPEG" and max(stored.size) == MAX_STORED_SIDE
    assert import_json(export_json(ad)).image == ad.image


def test_a_draft_stored_before_the_bound_exports_a_file_that_imports():
    """A draft saved with a 12.6 MB PNG (before stored images were bounded) exports within the
    bounds, and the file imports."""
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (1536, 2048, 4), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGBA").save(buffer, "PNG")
    old = buffer.getvalue()
    assert len(old) > MAX_UPLOAD_BYTES  # what was stored then
    back = import_json(export_json(replace(Campaign(), image=old)))
    assert back.image is not None and len(back.image) <= MAX_STORED_BYTES
