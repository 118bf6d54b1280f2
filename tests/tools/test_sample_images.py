"""The sample creatives are reproducible (issue 17, item 5): `make sample-images` redraws the
committed files byte for byte, and every committed image is drawn by one module.

Redrawing all the full-size art takes ~40 s, so the tests redraw every logo (the painter,
gradients and each business's glyph) and one feed creative (a scene, a hero and text set in
Liberation Sans), and check the other full-size files' names, formats and sizes."""

import io

import pytest
from PIL import Image

from tools.sample_images import cairo_perfumes
from tools.sample_images.__main__ import CREATIVES, SLUGS
from tools.sample_images.drawing import FEED, OUT_DIR, render, render_logo, save_jpeg

SIZES = {"": (1080, 1350), "-story": (1080, 1920)}


def png_bytes(image: Image.Image) -> bytes:
    """The image as the generator saves a logo."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_every_committed_image_is_drawn_by_a_module():
    drawn = {f"{slug}{end}" for slug in SLUGS for end in (".jpg", "-story.jpg", "-logo.png")}
    committed = {path.name for path in OUT_DIR.iterdir()}
    assert committed == drawn


@pytest.mark.parametrize("creative", CREATIVES, ids=lambda creative: creative.slug)
def test_a_logo_redraws_byte_for_byte(creative):
    committed = (OUT_DIR / f"{creative.slug}-logo.png").read_bytes()
    assert png_bytes(render_logo(creative)) == committed


def test_the_right_to_left_logo_redraws_byte_for_byte():
    committed = (OUT_DIR / f"{cairo_perfumes.SLUG}-logo.png").read_bytes()
    assert png_bytes(cairo_perfumes.logo()) == committed


@pytest.mark.parametrize("slug", SLUGS)
def test_the_full_size_art_has_the_layouts_sizes(slug):
    for end, size in SIZES.items():
        with Image.open(OUT_DIR / f"{slug}{end}.jpg") as image:
            assert (image.format, image.size) == ("JPEG", size)


def test_one_feed_creative_redraws_byte_for_byte(tmp_path):
    """One full-size creative (scene, hero, text in Liberation Sans) through the same writer."""
    creative = next(c for c in CREATIVES if c.slug == "jakarta-dental")
    feed = tmp_path / f"{creative.slug}.jpg"
    save_jpeg(render(creative, FEED), feed)
    assert feed.read_bytes() == (OUT_DIR / feed.name).read_bytes()
