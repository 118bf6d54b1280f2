"""Compose → Images under AppTest: a refusal in words under the field, one file per slot,
and what the placements do to the picture's shape (issue 14, item 8)."""

import io
import tomllib

from PIL import Image

from components.campaign.images import MAX_UPLOAD_BYTES
from components.ui.navigation import page_path
from tests.ui.conftest import ROOT, assert_clean, run_app
from tests.ui.test_compose_page import section

MB = 1024 * 1024


def jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def ad_uploader(at):
    """The ad image's uploader (its key changes after every file it processed)."""
    found = [u for u in at.get("file_uploader") if u.key.startswith("ad_image_upload_")]
    assert len(found) == 1, [u.key for u in at.get("file_uploader")]
    return found[0]


def captions(at) -> str:
    return " ".join(caption.value for caption in at.caption)


def test_a_landscape_photo_is_used_and_its_crop_is_said_in_words():
    at = section(run_app(), "images")
    before = ad_uploader(at).key
    ad_uploader(at).set_value(("shop.jpg", jpeg(1200, 900), "image/jpeg")).run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert Image.open(io.BytesIO(ad.image)).size == (1200, 900)
    text = captions(at)
    assert "In use: your image, 1200×900 px" in text
    assert "4:3 photo: Facebook Feed · mobile crops it to 4:5, losing 40% at the sides" in text
    # The uploader came back empty under a new key: the slot holds no chip of the file.
    assert ad_uploader(at).key != before and ad_uploader(at).value is None
    at.radio(key="ad_image_fit").set_value("fit").run()
    assert "shows it whole in 4:5, with bars above and below" in captions(at)


def test_a_refused_file_says_why_under_the_field_and_leaves_no_chip():
    at = section(run_app(), "images")
    sample = at.session_state["ad"].image
    ad_uploader(at).set_value(("big.jpg", b"\xff" * (11 * 1024 * 1024), "image/jpeg")).run()
    assert_clean(at)
    errors = [e.value for e in at.error]
    assert any("big.jpg" in e and "images can be at most 10 MB" in e for e in errors), errors
    assert any("The previous image is kept" in e for e in errors)
    assert at.session_state["ad"].image == sample
    assert ad_uploader(at).value is None
    # A good file afterwards clears the refusal.
    ad_uploader(at).set_value(("ok.jpg", jpeg(800, 1000), "image/jpeg")).run()
    assert not at.error
    assert "In use: your image, 800×1000 px" in captions(at)
    assert "Facebook Feed · mobile" not in captions(at)  # a 4:5 photo fits the mobile feed


def test_every_uploader_lets_a_file_over_the_apps_limit_reach_the_check():
    """Each uploader's own limit is the server's, above the app's (10 MB an image, 34 MB a
    campaign file), so the app's words are shown for a file over the app's limit; the help
    says the app's limit (the uploader's "Limit 40MB" hint is hidden)."""
    at = section(run_app(), "images")
    server_limit = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    assert server_limit["maxUploadSize"] > MAX_UPLOAD_BYTES // MB
    assert ad_uploader(at).proto.max_upload_size_mb == server_limit["maxUploadSize"]
    assert "A file can be up to 10 MB" in ad_uploader(at).proto.help
    at.switch_page(page_path("campaigns")).run()
    (importer,) = [u for u in at.get("file_uploader") if u.key.startswith("import_file_")]
    assert importer.proto.max_upload_size_mb == server_limit["maxUploadSize"]
    assert "up to 34 MB" in importer.proto.label and "up to 34 MB" in importer.proto.help


def test_a_campaign_file_over_the_import_limit_is_refused_in_words():
    """A 35 MB file: under the server's limit, over the importer's; the app says so."""
    at = run_app(page_path("campaigns"))
    (importer,) = [u for u in at.get("file_uploader") if u.key.startswith("import_file_")]
    importer.set_value(("big.json", b" " * 35_000_000, "application/json")).run()
    assert_clean(at)
    errors = [e.value for e in at.error]
    assert any(
        "`big.json` was not imported: The file is 35 MB; a campaign file can be at most 34 MB." in e
        for e in errors
    ), errors


def test_a_picture_stored_smaller_says_so_under_the_field():
    """A semi-transparent photo that would encode over 8 MB as PNG is stored smaller, and the
    person is told what was done (nothing changes silently)."""
    import numpy as np

    rng = np.random.default_rng(5)
    pixels = rng.integers(0, 256, (1536, 2048, 4), dtype=np.uint8)
    pixels[..., 3] = rng.integers(100, 256, (1536, 2048), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGBA").save(buffer, "WEBP", quality=80)
    at = section(run_app(), "images")
    ad_uploader(at).set_value(("glass.webp", buffer.getvalue(), "image/webp")).run()
    assert_clean(at)
    (note,) = [i.value for i in at.info if "glass.webp" in i.value]
    assert note.startswith("`glass.webp` is in use. Stored at ")
    assert "not 2,048×1,536, so it stays within 8 MB" in note
    assert len(at.session_state["ad"].image) <= 8_000_000
