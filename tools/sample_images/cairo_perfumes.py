"""Draw the art of the right-to-left sample (cairo-perfumes): a perfume bottle and jasmine
under a Cairo arch, with its Arabic title set right to left.

Pillow shapes only, no downloaded art. The title uses Noto Sans Arabic from Debian's
fonts-noto-core (installed by `make`) and Pillow's libraqm layout, which joins and orders
Arabic letters; without either it refuses to draw (`MissingFont`). Writes, into
``sample_data/images/``, ``cairo-perfumes.jpg`` (1080x1350), ``cairo-perfumes-story.jpg``
(1080x1920, the top 14% and bottom 20% left free of text) and ``cairo-perfumes-logo.png``
(256x256); `make sample-images` runs it with the others.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont, features

from tools.sample_images.drawing import JPEG_QUALITY, LOGO_SIZE, MissingFont, gradient, rgba

SLUG = "cairo-perfumes"
SCALE = 2  # drawn at twice the size and scaled down, for smooth edges
ARABIC_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf")
TITLE = "عطر الياسمين"  # "Jasmine perfume"
SKY = ((0.0, "#141a3a"), (0.55, "#2b1f4f"), (1.0, "#5a2d3c"))
GOLD = "#e9b949"


def _arch(draw: ImageDraw.ImageDraw, cx: float, top: float, half: float, bottom: float) -> None:
    """A pointed (Mamluk) arch outline, as on Cairo's old gates."""
    spring = top + half * 1.1
    points = [(cx - half, bottom), (cx - half, spring)]
    for i in range(21):
        t = i / 20
        angle = math.pi * (1 - t)
        x = cx + half * math.cos(angle)
        y = spring - (spring - top) * math.sin(angle) ** 0.7
        points.append((x, y))
    points += [(cx + half, spring), (cx + half, bottom)]
    draw.line(points, fill=rgba(GOLD, 170), width=10 * SCALE, joint="curve")


def _jasmine(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    """A five-petal jasmine flower."""
    for k in range(5):
        angle = -math.pi / 2 + k * 2 * math.pi / 5
        px, py = cx + r * 0.9 * math.cos(angle), cy + r * 0.9 * math.sin(angle)
        draw.ellipse((px - r * 0.7, py - r * 0.7, px + r * 0.7, py + r * 0.7), fill="#fbf7ee")
    draw.ellipse((cx - r * 0.35, cy - r * 0.35, cx + r * 0.35, cy + r * 0.35), fill=GOLD)


def _bottle(image: Image.Image, cx: float, base: float, height: float) -> None:
    """A faceted glass perfume bottle with a teardrop stopper, and its glow."""
    glow = Image.new("RGBA", image.size, (0, 0, 0, 0))
    ImageDraw.Draw(glow).ellipse(
        (cx - height * 0.7, base - height * 1.1, cx + height * 0.7, base + height * 0.1),
        fill=rgba(GOLD, 90),
    )
    image.alpha_composite(glow.filter(ImageFilter.GaussianBlur(height * 0.18)))
    draw = ImageDraw.Draw(image)
    w = height * 0.62
    body_top = base - height * 0.62
    body = [
        (cx - w * 0.5, base),
        (cx + w * 0.5, base),
        (cx + w * 0.62, base - height * 0.3),
        (cx + w * 0.38, body_top),
        (cx - w * 0.38, body_top),
        (cx - w * 0.62, base - height * 0.3),
    ]
    draw.polygon(body, fill=rgba("#f3c86a", 235), outline=rgba("#fff3c4"), width=3 * SCALE)
    draw.polygon(
        [
            (cx - w * 0.38, base - height * 0.08),
            (cx - w * 0.1, base - height * 0.08),
            (cx - w * 0.05, body_top + height * 0.06),
            (cx - w * 0.28, body_top + height * 0.06),
        ],
        fill=rgba("#fff6d8", 110),
    )
    neck = (cx - w * 0.12, body_top - height * 0.1, cx + w * 0.12, body_top)
    draw.rectangle(neck, fill=GOLD)
    stopper_bottom = body_top - height * 0.1
    r = w * 0.24
    draw.polygon(
        [
            (cx, stopper_bottom - height * 0.42),
            (cx - r, stopper_bottom - r),
            (cx + r, stopper_bottom - r),
        ],
        fill="#b7478a",
    )
    draw.ellipse((cx - r, stopper_bottom - 2 * r, cx + r, stopper_bottom), fill="#b7478a")


def _title(image: Image.Image, text: str, cx: float, cy: float, size: int) -> None:
    """The Arabic title, shaped and ordered right to left (libraqm)."""
    if not ARABIC_FONT.exists():
        raise MissingFont(f"{ARABIC_FONT} is not installed")
    if not features.check("raqm"):
        raise MissingFont("Pillow was built without libraqm, which lays out Arabic")
    face = ImageFont.truetype(str(ARABIC_FONT), size, layout_engine=ImageFont.Layout.RAQM)
    draw = ImageDraw.Draw(image)
    draw.text(
        (cx, cy),
        text,
        font=face,
        fill="#fbf7ee",
        anchor="mm",
        direction="rtl",
        language="ar",
        stroke_width=2 * SCALE,
        stroke_fill=rgba("#141a3a", 200),
    )


def scene(width: int, height: int, title_y: float, bottle_base: float) -> Image.Image:
    """The art at `width` x `height` (final pixels): title centred at `title_y`, the bottle
    standing on `bottle_base` (fractions of the height)."""
    w, h = width * SCALE, height * SCALE
    image = gradient((w, h), SKY)
    draw = ImageDraw.Draw(image)
    for i in range(60):  # a fixed scatter of stars
        x, y = (i * 397) % w, (i * 211) % int(h * 0.55)
        draw.ellipse((x, y, x + 3 * SCALE, y + 3 * SCALE), fill=rgba("#fbf7ee", 120))
    _arch(draw, w / 2, h * (title_y + 0.07), w * 0.36, h * 0.98)
    _bottle(image, w / 2, h * bottle_base, h * 0.3)
    draw = ImageDraw.Draw(image)
    for k, (fx, fy, fr) in enumerate(((0.22, 0.02, 42), (0.78, 0.0, 36), (0.3, 0.05, 28))):
        _jasmine(draw, w * fx, h * (bottle_base + fy) - k * 6 * SCALE, fr * SCALE)
    _title(image, TITLE, w / 2, h * title_y, 96 * SCALE)
    return image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)


def logo() -> Image.Image:
    """A round badge: a small bottle on the night sky, transparent outside the circle."""
    size = LOGO_SIZE * SCALE
    art = gradient((size, size), SKY)
    _bottle(art, size / 2, size * 0.86, size * 0.62)
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size - 1, size - 1), fill=255)
    art.putalpha(mask)
    return art.resize((LOGO_SIZE, LOGO_SIZE), Image.Resampling.LANCZOS)


def write(out_dir: Path) -> list[Path]:
    """Write the three files of the cairo-perfumes sample into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    save = {"quality": JPEG_QUALITY, "optimize": True, "progressive": True}
    feed, story, badge = (out_dir / f"{SLUG}{end}" for end in (".jpg", "-story.jpg", "-logo.png"))
    # Feed: the title inside the centred 1080x1080 square, so a 1:1 crop keeps it whole.
    scene(1080, 1350, 0.2, 0.86).save(feed, "JPEG", **save)
    # Story: the title below the top 14%, the bottle above the bottom 20%.
    scene(1080, 1920, 0.24, 0.76).save(story, "JPEG", **save)
    logo().save(badge, "PNG", optimize=True)
    return [feed, story, badge]
