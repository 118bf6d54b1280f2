"""Generate the sample ad creatives, story versions and logos for Button Ad Studio.

Every picture is drawn with Pillow shapes only (no downloaded art), so the output is
deterministic: the same fonts and the same Pillow give the same bytes. For each of the
eight sample businesses the script writes, into ``sample_data/images/``:

- ``<slug>.jpg``: the feed creative, 1080x1350 (4:5);
- ``<slug>-story.jpg``: the same art recomposed for Stories, 1080x1920 (9:16), with the
  top 14% and the bottom 20% kept free of text (the button sits there);
- ``<slug>-logo.png``: a 256x256 round badge (transparent corners) for the Page avatar.

Feed text stays inside the centred 1080x1080 square, so a 1:1 crop keeps it whole.
Everything is drawn at twice the final size and scaled down, which smooths the edges.

Run from the repository root::

    .venv/bin/python tools/make_sample_images.py
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

Color = tuple[int, ...]
Pt = tuple[float, float]
Box = tuple[float, float, float, float]
Stops = Sequence[tuple[float, str]]

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "sample_data" / "images"
SUPERSAMPLE = 2
JPEG_QUALITY = 85
LOGO_SIZE = 256

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/liberation"),
    Path("/usr/share/fonts/dejavu"),
)
FONT_FILES = {
    "bold": ("LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "regular": ("LiberationSans-Regular.ttf", "DejaVuSans.ttf"),
    "serif": ("LiberationSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
    "math": ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"),
}


# --------------------------------------------------------------------------- colours


def rgba(color: str | Color, alpha: int | None = None) -> Color:
    """Turn ``"#rrggbb"`` (or a tuple) into an RGBA tuple, optionally replacing alpha."""
    if isinstance(color, str):
        h = color.lstrip("#")
        out = (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), 255)
    else:
        out = tuple(color) if len(color) == 4 else (*color, 255)
    return out if alpha is None else (*out[:3], alpha)


def mix(c0: Color, c1: Color, t: float) -> Color:
    """Linear interpolation between two RGBA colours."""
    return tuple(round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))


def sample(stops: Stops, t: float) -> Color:
    """Colour at position ``t`` (0..1) of a multi-stop gradient."""
    pts = [(pos, rgba(col)) for pos, col in stops]
    if t <= pts[0][0]:
        return pts[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(pts):
        if t <= p1:
            return mix(c0, c1, (t - p0) / max(p1 - p0, 1e-9))
    return pts[-1][1]


def gradient(size: tuple[int, int], stops: Stops, vertical: bool = True) -> Image.Image:
    """An RGBA image filled with a linear multi-stop gradient."""
    w, h = max(size[0], 1), max(size[1], 1)
    n = h if vertical else w
    strip = Image.new("RGBA", (1, n) if vertical else (n, 1))
    strip.putdata([sample(stops, i / max(n - 1, 1)) for i in range(n)])
    return strip.resize((w, h), Image.Resampling.BILINEAR)


# --------------------------------------------------------------------------- fonts


def font(size: float, kind: str = "bold") -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A TrueType font from the system (Liberation, then DejaVu), else Pillow's default."""
    for name in FONT_FILES[kind]:
        for folder in FONT_DIRS:
            path = folder / name
            if path.exists():
                return ImageFont.truetype(str(path), max(1, round(size)))
    return ImageFont.load_default(size=max(1, round(size)))


# --------------------------------------------------------------------------- painter


def bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, n: int = 24) -> list[Pt]:
    """Points along a cubic Bezier curve, ends included."""
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float) -> list[Pt]:
    """Points along an elliptic arc from angle ``a0`` to ``a1`` (degrees, y down)."""
    n = max(8, int(abs(a1 - a0) / 4))
    return [
        (
            cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
            cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n)),
        )
        for i in range(n + 1)
    ]


class Painter:
    """Draws in design units (the final pixel grid) on an image ``k`` times larger."""

    def __init__(self, img: Image.Image, k: float) -> None:
        self.img = img
        self.k = k
        self.draw = ImageDraw.Draw(img, "RGBA" if img.mode == "RGBA" else None)

    @classmethod
    def blank(cls, w: float, h: float, k: float, mode: str = "RGBA") -> Painter:
        """A transparent (or black, for masks) canvas of ``w`` x ``h`` design units."""
        fill: int | Color = 0 if mode == "L" else (0, 0, 0, 0)
        return cls(Image.new(mode, (round(w * k), round(h * k)), fill), k)

    @property
    def w(self) -> float:
        return self.img.width / self.k

    @property
    def h(self) -> float:
        return self.img.height / self.k

    def _box(self, b: Box) -> list[float]:
        x0, y0, x1, y1 = (v * self.k for v in b)
        return [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]

    def _pts(self, pts: Sequence[Pt]) -> list[tuple[float, float]]:
        return [(x * self.k, y * self.k) for x, y in pts]

    @staticmethod
    def _c(fill: str | Color | int | None) -> Color | int | None:
        return rgba(fill) if isinstance(fill, str) else fill

    def layer(self, mode: str = "RGBA") -> Painter:
        """An empty canvas of the same size (a layer or, with mode ``L``, a mask)."""
        return Painter.blank(self.w, self.h, self.k, mode)

    def _ink(self, coords: list[float], pad: float, colors: Sequence, fn: Callable) -> None:
        """Run ``fn(draw, coords)``; translucent ink is composited, not stamped.

        Pillow's ImageDraw replaces RGBA pixels instead of blending them, so a shape
        with a translucent colour is drawn on a small scratch layer (its bounding box)
        and alpha-composited.
        """
        inks = [rgba(c) if isinstance(c, str) else c for c in colors if c is not None]
        soft = self.img.mode == "RGBA" and any(isinstance(c, tuple) and c[3] < 255 for c in inks)
        if not soft:
            fn(self.draw, coords)
            return
        xs, ys = coords[0::2], coords[1::2]
        x0 = max(0, math.floor(min(xs) - pad))
        y0 = max(0, math.floor(min(ys) - pad))
        x1 = min(self.img.width, math.ceil(max(xs) + pad) + 1)
        y1 = min(self.img.height, math.ceil(max(ys) + pad) + 1)
        if x1 <= x0 or y1 <= y0:
            return
        tmp = Image.new("RGBA", (x1 - x0, y1 - y0), (0, 0, 0, 0))
        shifted = [v - (x0 if i % 2 == 0 else y0) for i, v in enumerate(coords)]
        fn(ImageDraw.Draw(tmp), shifted)
        self.img.alpha_composite(tmp, (x0, y0))

    def ellipse(self, b: Box, fill=None, outline=None, width: float = 0) -> None:
        fill, outline, wd = self._c(fill), self._c(outline), round(width * self.k)
        self._ink(
            self._box(b),
            2,
            [fill, outline],
            lambda d, c: d.ellipse(c, fill=fill, outline=outline, width=wd),
        )

    def circle(self, c: Pt, r: float, fill=None, outline=None, width: float = 0) -> None:
        self.ellipse((c[0] - r, c[1] - r, c[0] + r, c[1] + r), fill, outline, width)

    def rect(self, b: Box, fill=None, radius: float = 0, outline=None, width: float = 0) -> None:
        fill, outline, wd = self._c(fill), self._c(outline), round(width * self.k)
        rad = round(radius * self.k)
        self._ink(
            self._box(b),
            2,
            [fill, outline],
            lambda d, c: d.rounded_rectangle(c, radius=rad, fill=fill, outline=outline, width=wd),
        )

    def polygon(self, pts: Sequence[Pt], fill=None) -> None:
        fill = self._c(fill)
        flat = [v for pt in self._pts(pts) for v in pt]
        self._ink(flat, 2, [fill], lambda d, c: d.polygon(c, fill=fill))

    def line(self, pts: Sequence[Pt], fill, width: float, caps: bool = True) -> None:
        fill, wd = self._c(fill), round(width * self.k)
        flat = [v for pt in self._pts(pts) for v in pt]
        r = wd / 2 - 0.5

        def go(d: ImageDraw.ImageDraw, c: list[float]) -> None:
            d.line(c, fill=fill, width=wd, joint="curve")
            if caps:
                for x, y in ((c[0], c[1]), (c[-2], c[-1])):
                    d.ellipse([x - r, y - r, x + r, y + r], fill=fill)

        self._ink(flat, wd, [fill], go)

    def arc(self, b: Box, start: float, end: float, fill, width: float) -> None:
        fill, wd = self._c(fill), round(width * self.k)
        self._ink(self._box(b), 2, [fill], lambda d, c: d.arc(c, start, end, fill=fill, width=wd))

    def pieslice(self, b: Box, start: float, end: float, fill) -> None:
        fill = self._c(fill)
        self._ink(self._box(b), 2, [fill], lambda d, c: d.pieslice(c, start, end, fill=fill))

    def erase(self, shape: Callable[[Painter], None]) -> None:
        """Clear to transparent wherever ``shape`` draws (on an RGBA layer)."""
        mask = self.layer("L")
        shape(mask)
        alpha = ImageChops.subtract(self.img.getchannel("A"), mask.img)
        self.img.putalpha(alpha)

    def paste(self, other: Painter, opacity: float = 1.0, blur: float = 0.0) -> None:
        """Composite another layer on top, optionally blurred and faded."""
        src = other.img
        if blur:
            src = src.convert("RGBa").filter(ImageFilter.GaussianBlur(blur * self.k))
            src = src.convert("RGBA")
        if opacity < 1:
            src = src.copy()
            src.putalpha(src.getchannel("A").point(lambda v: round(v * opacity)))
        self.img.alpha_composite(src)

    def fill_mask(self, mask: Image.Image, paint: Image.Image, offset: tuple[int, int]) -> None:
        """Composite ``paint`` (placed at pixel ``offset``) through an L ``mask``."""
        lay = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        lay.paste(paint, offset)
        lay.putalpha(ImageChops.multiply(lay.getchannel("A"), mask))
        self.img.alpha_composite(lay)

    def shape(
        self,
        draw: Callable[[Painter], None],
        stops: Stops,
        box: Box | None = None,
        vertical: bool = True,
        shadow: tuple[float, float, float, int] | None = None,
    ) -> Image.Image:
        """Fill the shape ``draw`` paints (with 255) with a gradient across ``box``.

        ``shadow`` is ``(dx, dy, blur, alpha)`` for a soft drop shadow. Returns the mask.
        """
        m = self.layer("L")
        draw(m)
        if shadow:
            dx, dy, blur, alpha = shadow
            sh = m.img.filter(ImageFilter.GaussianBlur(blur * self.k))
            sh = ImageChops.offset(sh, round(dx * self.k), round(dy * self.k))
            dark = Image.new("RGBA", self.img.size, (10, 5, 20, alpha))
            dark.putalpha(ImageChops.multiply(sh, Image.new("L", sh.size, alpha)))
            self.img.alpha_composite(dark)
        bb = self._box(box) if box else m.img.getbbox()
        if not bb:
            return m.img
        x0, y0 = math.floor(bb[0]), math.floor(bb[1])
        x1, y1 = math.ceil(bb[2]), math.ceil(bb[3])
        paint = gradient((x1 - x0, y1 - y0), stops, vertical)
        self.fill_mask(m.img, paint, (x0, y0))
        return m.img

    def glow(self, c: Pt, r: float, color: str | Color, strength: float = 1.0) -> None:
        """A soft radial light of radius ``r`` around ``c``."""
        size = max(2, round(2 * r * self.k))
        base = Image.radial_gradient("L").resize((size, size), Image.Resampling.BILINEAR)
        alpha = base.point(lambda v: round(255 * strength * max(0.0, 1 - v / 128) ** 2))
        lay = Image.new("RGBA", (size, size), rgba(color))
        lay.putalpha(alpha)
        full = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        full.paste(lay, (round((c[0] - r) * self.k), round((c[1] - r) * self.k)))
        self.img.alpha_composite(full)

    def text(
        self,
        xy: Pt,
        s: str,
        size: float,
        fill,
        kind: str = "bold",
        anchor: str = "la",
        tracking: float = 0.0,
    ) -> float:
        """Draw text (``tracking`` adds letter spacing); returns its width in design units."""
        fill = self._c(fill)
        if self.img.mode == "RGBA" and isinstance(fill, tuple) and fill[3] < 255:
            tmp = self.layer()
            width = tmp.text(xy, s, size, (*fill[:3], 255), kind, anchor, tracking)
            self.paste(tmp, opacity=fill[3] / 255)
            return width
        f = font(size * self.k, kind)
        width = self.text_width(s, size, kind, tracking)
        x, y = xy
        x -= {"l": 0.0, "m": width / 2, "r": width}[anchor[0]]
        for ch in s if tracking else [s]:
            self.draw.text(self._pts([(x, y)])[0], ch, font=f, fill=fill, anchor="l" + anchor[1])
            x += f.getlength(ch) / self.k + tracking
        return width

    def text_width(self, s: str, size: float, kind: str = "bold", tracking: float = 0) -> float:
        f = font(size * self.k, kind)
        return f.getlength(s) / self.k + tracking * max(len(s) - 1, 0)

    def rotate(self, other: Painter, angle: float, center: Pt) -> Painter:
        """A copy of layer ``other`` rotated ``angle`` degrees (counter-clockwise)."""
        img = other.img.rotate(
            angle, resample=Image.Resampling.BICUBIC, center=self._pts([center])[0]
        )
        return Painter(img, self.k)


@dataclass(frozen=True)
class Frame:
    """Local coordinates for an illustration: origin ``(cx, cy)``, ``s`` units per px."""

    cx: float
    cy: float
    s: float

    def p(self, x: float, y: float) -> Pt:
        return (self.cx + x * self.s, self.cy + y * self.s)

    def b(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        return (
            self.cx + x0 * self.s,
            self.cy + y0 * self.s,
            self.cx + x1 * self.s,
            self.cy + y1 * self.s,
        )

    def ps(self, pts: Sequence[Pt]) -> list[Pt]:
        return [self.p(x, y) for x, y in pts]

    def d(self, v: float) -> float:
        return v * self.s


def sparkle(p: Painter, c: Pt, r: float, fill) -> None:
    """A four-pointed star."""
    pts = []
    for i in range(8):
        rr = r if i % 2 == 0 else r * 0.22
        a = math.radians(i * 45 - 90)
        pts.append((c[0] + rr * math.cos(a), c[1] + rr * math.sin(a)))
    p.polygon(pts, fill)


def wave_line(x0: float, x1: float, y: float, amp: float, period: float, phase: float) -> list[Pt]:
    """Points of a horizontal sine wave."""
    n = max(8, int((x1 - x0) / 6))
    return [
        (
            x0 + (x1 - x0) * i / n,
            y + amp * math.sin(2 * math.pi * ((x1 - x0) * i / n) / period + phase),
        )
        for i in range(n + 1)
    ]


def steam(
    p: Painter, f: Frame, xs: Sequence[float], y0: float, y1: float, color: Color, amp: float = 18
) -> None:
    """Soft wavy steam wisps rising from ``y0`` to ``y1`` at local x positions ``xs``."""
    lay = p.layer()
    for i, x in enumerate(xs):
        pts = []
        n = 30
        for j in range(n + 1):
            t = j / n
            y = y0 + (y1 - y0) * t
            pts.append(f.p(x + amp * math.sin(t * 2 * math.pi * 1.3 + i * 1.7), y))
        lay.line(pts, color, f.d(11))
    p.paste(lay, opacity=0.55, blur=f.d(3))


# --------------------------------------------------------------------------- layouts


@dataclass(frozen=True)
class Layout:
    """Where things go on one canvas (design units = final pixels)."""

    name: str
    w: int
    h: int
    margin: float
    text_top: float
    headline_size: float
    hero: Pt
    hero_scale: float
    pill_y: float | None  # None: right under the headline


FEED = Layout("feed", 1080, 1350, 84, 150, 84, (540, 800), 1.0, 1148)
# Stories: text only between 14% (269 px) and 80% (1536 px) of the height.
STORY = Layout("story", 1080, 1920, 84, 318, 92, (540, 1160), 1.15, None)

Scene = Callable[[Painter, Layout, Frame, random.Random], None]
Hero = Callable[[Painter, Frame], None]


@dataclass(frozen=True)
class Creative:
    """One sample business's art direction."""

    slug: str
    eyebrow: str
    headline: str
    pill: str
    headline_color: str
    eyebrow_color: str
    pill_fill: Color
    pill_text: str
    logo_stops: Stops
    scene: Scene
    hero: Hero
    glyph: Hero
    zoom: float = 1.0  # extra scale for a tall or wide illustration


def frame_for(lay: Layout, zoom: float = 1.0) -> Frame:
    return Frame(lay.hero[0], lay.hero[1], lay.hero_scale * zoom)


def fill_background(p: Painter, stops: Stops) -> None:
    p.img.alpha_composite(gradient(p.img.size, stops))


# --------------------------------------------------------------------------- Lagos bakery


def bakery_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    fill_background(p, [(0, "#26100a"), (0.55, "#5a2410"), (1, "#7c3414")])
    # Warm light spilling from the oven.
    p.glow(f.p(0, 40), f.d(620), "#ff8c2a", 0.55)
    # Counter top below the board.
    top = f.p(0, 150)[1]
    p.img.alpha_composite(
        gradient((p.img.width, p.img.height - round(top * p.k)), [(0, "#4a220d"), (1, "#1f0d05")]),
        (0, round(top * p.k)),
    )
    p.rect((0, top, p.w, top + 6), fill=(255, 190, 120, 60))
    # Ankara-style border of little triangles along the top and bottom edges.
    for y, up in ((0, False), (p.h, True)):
        for i in range(int(p.w // 36) + 2):
            x = i * 36
            tip = y - 22 if up else y + 22
            p.polygon([(x, y), (x + 18, tip), (x + 36, y)], fill=(255, 184, 76, 70))
    # Embers drifting up.
    lay_e = p.layer()
    for _ in range(38):
        x = rng.uniform(0.08, 0.92) * p.w
        y = rng.uniform(f.p(0, -330)[1], f.p(0, 80)[1])
        lay_e.circle((x, y), rng.uniform(2, 5), fill=(255, rng.randint(150, 210), 90, 200))
    p.paste(lay_e, blur=1.2)


def bakery_hero(p: Painter, f: Frame) -> None:
    # Brick oven arch with a fire-lit opening.
    outer = 350
    inner = 292
    acy = -40

    def arch(m: Painter, r: float, bottom: float) -> None:
        m.pieslice(f.b(-r, acy - r, r, acy + r), 180, 360, fill=255)
        m.rect(f.b(-r, acy - 1, r, bottom), fill=255)

    p.shape(
        lambda m: arch(m, outer, 120), [(0, "#8a3d1c"), (1, "#5e2610")], shadow=(0, 10, 18, 120)
    )
    bricks = p.layer()
    for i in range(15):
        a = math.radians(180 + i * 12)
        pts = [
            f.p(math.cos(a) * inner, acy + math.sin(a) * inner),
            f.p(math.cos(a) * outer, acy + math.sin(a) * outer),
        ]
        bricks.line(pts, (40, 14, 6, 150), f.d(5), caps=False)
    for y in range(int(acy), 120, 42):
        for x0 in (-outer, inner):
            bricks.line([f.p(x0, y), f.p(x0 + outer - inner, y)], (40, 14, 6, 150), f.d(5), False)
    p.paste(bricks)
    p.shape(
        lambda m: arch(m, inner, 120),
        [(0, "#1a0703"), (0.45, "#6e1f06"), (0.8, "#e2561b"), (1, "#ffb347")],
    )
    # Flames at the back of the oven.
    flames = p.layer()
    for i, x in enumerate(range(-240, 260, 48)):
        hgt = 70 + 45 * ((i * 7) % 3)
        flames.polygon(
            bezier(
                f.p(x - 30, 100), f.p(x - 30, 60), f.p(x - 5, 60 - hgt * 0.6), f.p(x + 4, 100 - hgt)
            )
            + bezier(
                f.p(x + 4, 100 - hgt),
                f.p(x + 10, 60 - hgt * 0.5),
                f.p(x + 32, 60),
                f.p(x + 30, 100),
            ),
            fill=(255, 200 - (i % 3) * 30, 60, 200),
        )
    p.paste(flames, blur=f.d(4))
    p.glow(f.p(0, 60), f.d(300), "#ffd27a", 0.55)

    # Wooden peel / board.
    p.shape(
        lambda m: m.rect(f.b(-380, 100, 380, 156), fill=255, radius=f.d(18)),
        [(0, "#b7773a"), (1, "#6f411b")],
        shadow=(0, 14, 16, 140),
    )
    grain = p.layer()
    for y, x0, x1 in ((116, -340, -40), (130, 20, 330), (142, -250, 120)):
        grain.line([f.p(x0, y), f.p(x1, y)], (80, 40, 12, 90), f.d(3))
    p.paste(grain)

    # Agege loaf: soft, pan-baked, with a domed crown and a pale split.
    def agege(m: Painter) -> None:
        m.rect(f.b(-305, 0, -5, 112), fill=255, radius=f.d(24))
        m.ellipse(f.b(-322, -86, 12, 70), fill=255)

    p.shape(
        agege,
        [(0, "#b85c1c"), (0.35, "#e3913f"), (0.75, "#f5c27c"), (1, "#d9954c")],
        shadow=(0, 10, 14, 150),
    )
    loaf = p.layer()
    crown = bezier(f.p(-275, -34), f.p(-210, -70), f.p(-95, -70), f.p(-35, -34))
    loaf.line(crown, (250, 222, 170, 230), f.d(16))
    loaf.line([(x, y + f.d(9)) for x, y in crown], (130, 60, 18, 110), f.d(5))
    loaf.rect(f.b(-300, 70, -10, 110), fill=(110, 50, 12, 60), radius=f.d(20))
    p.paste(loaf, blur=f.d(1.5))
    sheen = p.layer()
    sheen.ellipse(f.b(-280, -62, -170, -40), fill=(255, 246, 225, 110))
    p.paste(sheen, blur=f.d(6))

    # Round boule with curved scoring.
    p.shape(
        lambda m: m.ellipse(f.b(20, -92, 320, 118), fill=255),
        [(0, "#c9702a"), (0.45, "#e59b4c"), (1, "#8a4414")],
        shadow=(0, 10, 14, 150),
    )
    boule = p.layer()
    for dx in (-75, 0, 75):
        cut = bezier(
            f.p(170 + dx - 22, -66),
            f.p(170 + dx + 14, -30),
            f.p(170 + dx + 14, 20),
            f.p(170 + dx - 8, 64),
        )
        boule.line([(x + f.d(5), y) for x, y in cut], (110, 48, 10, 140), f.d(8))
        boule.line(cut, (255, 226, 172, 235), f.d(10))
    p.paste(boule, blur=f.d(1.2))
    sheen = p.layer()
    sheen.ellipse(f.b(60, -80, 170, -52), fill=(255, 246, 225, 100))
    p.paste(sheen, blur=f.d(8))

    # Glossy buns in front.
    for cx, cy, r in ((-230, 128, 50), (-120, 138, 46), (250, 132, 48)):
        p.shape(
            lambda m, cx=cx, cy=cy, r=r: m.ellipse(
                f.b(cx - r, cy - r * 0.82, cx + r, cy + r * 0.72), fill=255
            ),
            [(0, "#ffcf86"), (0.55, "#e58f3a"), (1, "#a4531c")],
            shadow=(0, 8, 10, 150),
        )
        p.ellipse(
            f.b(cx - r * 0.55, cy - r * 0.7, cx + r * 0.1, cy - r * 0.35), fill=(255, 250, 235, 120)
        )
    steam(p, f, (-220, -120, 150), -80, -300, (255, 240, 220, 255))


def bakery_glyph(p: Painter, f: Frame) -> None:
    p.shape(
        lambda m: m.rect(f.b(-70, -40, 70, 42), fill=255, radius=f.d(36)),
        [(0, "#fff3dc"), (1, "#f3c98b")],
    )
    for dx in (-34, 0, 34):
        p.line([f.p(dx - 10, -22), f.p(dx + 10, 14)], "#b8692a", f.d(8))
    steam(p, f, (-30, 30), -52, -104, (255, 255, 255, 255), amp=7)


def paste_shadowed(p: Painter, lay: Painter, dx: float, dy: float, blur: float, alpha: int) -> None:
    """Composite ``lay`` over ``p`` with a soft drop shadow cast from its alpha."""
    sh = lay.img.getchannel("A").filter(ImageFilter.GaussianBlur(blur * p.k))
    sh = ImageChops.offset(sh, round(dx * p.k), round(dy * p.k))
    dark = Image.new("RGBA", p.img.size, (8, 6, 20, 255))
    dark.putalpha(sh.point(lambda v: v * alpha // 255))
    p.img.alpha_composite(dark)
    p.img.alpha_composite(lay.img)


def skyline(
    p: Painter,
    base: float,
    rng: random.Random,
    color: Color,
    heights: tuple[float, float],
    window: Color | None = None,
    width: tuple[float, float] = (50, 120),
) -> None:
    """A row of rectangular buildings standing on ``base`` with optional lit windows."""
    x = -20.0
    while x < p.w + 20:
        bw = rng.uniform(*width)
        bh = rng.uniform(*heights)
        p.rect((x, base - bh, x + bw, base + 2), fill=color)
        if rng.random() < 0.3:
            p.rect((x + bw * 0.4, base - bh - 30, x + bw * 0.46, base - bh), fill=color)
        if window:
            for wy in range(int(base - bh + 14), int(base - 10), 22):
                for wx in range(int(x + 10), int(x + bw - 14), 18):
                    if rng.random() < 0.35:
                        p.rect((wx, wy, wx + 8, wy + 10), fill=window)
        x += bw + rng.uniform(0, 10)


# --------------------------------------------------------------------------- São Paulo plumber


def plumber_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    fill_background(p, [(0, "#071a33"), (0.6, "#0e3461"), (1, "#14508f")])
    grid = p.layer()
    step = 90
    for i in range(int(p.w // step) + 2):
        grid.line([(i * step - 30, 0), (i * step - 30, p.h)], (255, 255, 255, 255), 2, False)
    for j in range(int(p.h // step) + 2):
        grid.line([(0, j * step + 10), (p.w, j * step + 10)], (255, 255, 255, 255), 2, False)
    p.paste(grid, opacity=0.05)
    p.glow(f.p(40, -20), f.d(560), "#38bdf8", 0.35)
    city = p.layer()
    skyline(city, p.h + 4, rng, rgba("#05142a"), (140, 320), window=(255, 200, 90, 150))
    # Copan-like wavy tower.
    bx = p.w * 0.74
    pts = [(bx, p.h)] + [(bx + 18 * math.sin(t / 12), p.h - t * 3.8) for t in range(0, 101)]
    pts += [(bx + 150 + 18 * math.sin(t / 12), p.h - t * 3.8) for t in range(100, -1, -1)]
    city.polygon(pts, fill=rgba("#061830"))
    for t in range(4, 100, 5):
        city.line(
            [
                (bx + 8 + 18 * math.sin(t / 12), p.h - t * 3.8),
                (bx + 142 + 18 * math.sin(t / 12), p.h - t * 3.8),
            ],
            (120, 190, 255, 60),
            3,
            False,
        )
    p.paste(city)


def plumber_hero(p: Painter, f: Frame) -> None:
    copper = [(0, "#ffd0a0"), (0.35, "#e8914a"), (0.75, "#b35d22"), (1, "#7a3a12")]
    steel = [(0, "#f4f7fb"), (0.45, "#b9c6d6"), (1, "#6d7f96")]
    pipes = p.layer()
    # Horizontal pipe, riser, top run.
    pipes.shape(lambda m: m.rect(f.b(-420, 40, 150, 110), fill=255), copper)
    pipes.shape(lambda m: m.rect(f.b(110, -215, 180, 90), fill=255), copper, vertical=False)
    pipes.shape(lambda m: m.rect(f.b(150, -215, 430, -145), fill=255), copper)
    for b in (f.b(92, 24, 198, 126), f.b(92, -232, 198, -128)):
        pipes.shape(lambda m, b=b: m.rect(b, fill=255, radius=f.d(18)), steel)
    for x in (-300, 320):
        y0, y1 = (26, 124) if x < 0 else (-230, -130)
        pipes.shape(
            lambda m, x=x, y0=y0, y1=y1: m.rect(
                f.b(x - 20, y0, x + 20, y1), fill=255, radius=f.d(8)
            ),
            steel,
            vertical=False,
        )
    pipes.shape(
        lambda m: m.rect(f.b(96, -60, 194, -24), fill=255, radius=f.d(8)), steel, vertical=False
    )
    for x in (-320, -280):
        pipes.circle(f.p(x + 6, 36), f.d(5), fill="#44546a")
    paste_shadowed(p, pipes, 0, 16, 18, 150)

    # Drips from the leaking joint.
    for i, (dx, y, r) in enumerate(((-294, 160, 16), (-306, 230, 13), (-290, 290, 10))):
        c = f.p(dx, y)
        drop = p.layer()
        rr = f.d(r)
        drop.shape(
            lambda m, c=c, rr=rr: (
                m.circle(c, rr, fill=255),
                m.polygon(
                    [
                        (c[0] - rr * 0.92, c[1] - rr * 0.4),
                        (c[0], c[1] - rr * 2.4),
                        (c[0] + rr * 0.92, c[1] - rr * 0.4),
                    ],
                    fill=255,
                ),
            ),
            [(0, "#e0f7ff"), (1, "#38bdf8")],
        )
        drop.circle((c[0] - rr * 0.35, c[1] - rr * 0.2), rr * 0.28, fill=(255, 255, 255, 220))
        p.paste(drop, opacity=1 - i * 0.15)
    p.ellipse(f.b(-370, 318, -230, 336), fill=(56, 189, 248, 90))

    # Adjustable wrench across the front.
    wc = f.p(90, 150)
    w = Frame(wc[0], wc[1], f.s)
    wr = p.layer()
    wr.shape(lambda m: m.rect(w.b(-250, -30, 150, 30), fill=255, radius=w.d(30)), steel)
    wr.shape(
        lambda m: m.rect(w.b(-260, -36, -40, 36), fill=255, radius=w.d(36)),
        [(0, "#ffd166"), (0.5, "#ffb703"), (1, "#d98a00")],
    )
    for x in range(-230, -60, 26):
        wr.line([w.p(x, -26), w.p(x, 26)], (160, 90, 0, 120), w.d(5))
    wr.erase(lambda m: m.circle(w.p(-232, 0), w.d(11), fill=255))
    wr.shape(lambda m: m.circle(w.p(200, 0), w.d(92), fill=255), steel)
    wr.erase(lambda m: m.rect(w.b(205, -34, 320, 34), fill=255))
    wr.erase(lambda m: m.circle(w.p(205, 0), w.d(34), fill=255))
    wr.rect(w.b(112, 34, 168, 58), fill="#5b6b80", radius=w.d(6))
    for x in range(118, 166, 9):
        wr.line([w.p(x, 36), w.p(x, 56)], (220, 228, 238, 200), w.d(2.5), False)
    wr.line([w.p(-20, -14), w.p(110, -14)], (255, 255, 255, 140), w.d(6))
    paste_shadowed(p, p.rotate(wr, 32, wc), 0, 18, 16, 160)


def plumber_glyph(p: Painter, f: Frame) -> None:
    c = f.p(0, 14)
    r = f.d(48)
    p.circle(c, r, fill="#ffffff")
    p.polygon(
        [
            (c[0] - r * 0.92, c[1] - r * 0.4),
            (c[0], c[1] - r * 2.2),
            (c[0] + r * 0.92, c[1] - r * 0.4),
        ],
        "#ffffff",
    )
    p.arc(
        (c[0] - r * 0.62, c[1] - r * 0.62, c[0] + r * 0.62, c[1] + r * 0.62),
        100,
        190,
        "#38bdf8",
        f.d(9),
    )


# --------------------------------------------------------------------------- Jakarta dental


def tooth_outline(f: Frame) -> list[Pt]:
    segs = [
        ((0, -170), (40, -215), (150, -225), (170, -130)),
        ((170, -130), (185, -60), (160, 0), (140, 60)),
        ((140, 60), (125, 130), (112, 212), (82, 214)),
        ((82, 214), (54, 216), (46, 160), (30, 112)),
        ((30, 112), (16, 82), (-16, 82), (-30, 112)),
        ((-30, 112), (-46, 160), (-54, 216), (-82, 214)),
        ((-82, 214), (-112, 212), (-125, 130), (-140, 60)),
        ((-140, 60), (-160, 0), (-185, -60), (-170, -130)),
        ((-170, -130), (-150, -225), (-40, -215), (0, -170)),
    ]
    pts: list[Pt] = []
    for a, b, c, d in segs:
        pts += bezier(f.p(*a), f.p(*b), f.p(*c), f.p(*d), 20)[:-1]
    return pts


def dental_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    fill_background(p, [(0, "#f2fffc"), (0.5, "#c6f0e8"), (1, "#6fd0c2")])
    blobs = p.layer()
    blobs.circle((p.w * 0.92, p.h * 0.2), 240, fill=(255, 255, 255, 150))
    blobs.circle((p.w * 0.05, p.h * 0.72), 200, fill=(42, 157, 143, 60))
    blobs.circle((p.w * 0.95, p.h * 0.95), 260, fill=(42, 157, 143, 70))
    p.paste(blobs, blur=2)
    for _ in range(26):
        c = (rng.uniform(0, p.w), rng.uniform(f.p(0, -300)[1], p.h))
        r = rng.uniform(6, 22)
        p.circle(c, r, outline=(255, 255, 255, 170), width=3)
        p.circle((c[0] - r * 0.35, c[1] - r * 0.35), r * 0.22, fill=(255, 255, 255, 200))
    p.circle(f.p(0, 0), f.d(300), fill=(255, 255, 255, 150))
    p.circle(f.p(0, 0), f.d(318), outline=(42, 157, 143, 110), width=f.d(5))


def dental_hero(p: Painter, f: Frame) -> None:
    pts = tooth_outline(f)
    p.shape(
        lambda m: m.polygon(pts, fill=255),
        [(0, "#ffffff"), (0.55, "#f1fbfc"), (1, "#cde7eb")],
        shadow=(0, 18, 22, 90),
    )
    edge = p.layer()
    edge.line(pts + pts[:1], (42, 157, 143, 90), f.d(5), caps=False)
    edge.line(
        bezier(f.p(-140, -120), f.p(-140, -180), f.p(-100, -200), f.p(-60, -196)),
        (255, 255, 255, 255),
        f.d(18),
    )
    p.paste(edge, blur=f.d(1))
    face = p.layer()
    ink = "#0f6b66"
    for x in (-62, 62):
        face.arc(f.b(x - 26, -92, x + 26, -44), 200, 340, ink, f.d(11))
    face.pieslice(f.b(-62, -60, 62, 40), 10, 170, fill=ink)
    face.pieslice(f.b(-38, -8, 38, 36), 20, 160, fill="#ff8fa3")
    for x in (-108, 108):
        face.ellipse(f.b(x - 26, -40, x + 26, -14), fill=(255, 143, 163, 110))
    p.paste(face)
    for x, y, r, col in (
        (205, -190, 40, "#ffd166"),
        (250, -110, 20, "#ffffff"),
        (-215, -150, 26, "#ffd166"),
        (-250, 40, 16, "#2a9d8f"),
    ):
        sparkle(p, f.p(x, y), f.d(r), col)


def dental_glyph(p: Painter, f: Frame) -> None:
    g = Frame(f.cx, f.cy - f.d(4), f.s * 0.36)
    p.polygon(tooth_outline(g), fill="#ffffff")
    p.arc(g.b(-60, -60, 60, 30), 20, 160, "#2a9d8f", g.d(16))
    sparkle(p, f.p(58, -62), f.d(16), "#ffd166")


# --------------------------------------------------------------------------- Austin food truck


def truck_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    horizon = f.p(0, 40)[1]
    fill_background(
        p, [(0, "#1b0a3a"), (0.3, "#4a1470"), (0.55, "#b8306e"), (0.75, "#f0704a"), (1, "#ffb55a")]
    )
    sun = p.layer()
    sc = (f.p(150, 0)[0], horizon - f.d(40))
    sr = f.d(250)
    sun.shape(
        lambda m: m.circle(sc, sr, fill=255),
        [(0, "#fff2a8"), (0.6, "#ffc24b"), (1, "#ff7a45")],
        box=(sc[0] - sr, sc[1] - sr, sc[0] + sr, sc[1] + sr),
    )
    for i in range(7):
        y = sc[1] + sr * (0.05 + i * 0.14)
        sun.erase(lambda m, y=y, i=i: m.rect((0, y, p.w, y + 5 + i * 3.5), fill=255))
    p.glow(sc, sr * 2.2, "#ff9a5a", 0.5)
    p.paste(sun)
    city = p.layer()
    dark = rgba("#2a0d3d")
    skyline(city, horizon, rng, dark, (60, 200), window=(255, 190, 120, 130))
    # Capitol dome on the left, tall tower with a stepped crown on the right.
    cx = p.w * 0.16
    city.rect((cx - 90, horizon - 120, cx + 90, horizon), fill=dark)
    city.pieslice((cx - 62, horizon - 190, cx + 62, horizon - 66), 180, 360, fill=dark)
    city.rect((cx - 8, horizon - 236, cx + 8, horizon - 126), fill=dark)
    tx = p.w * 0.8
    city.polygon(
        [
            (tx - 50, horizon),
            (tx - 50, horizon - 330),
            (tx, horizon - 400),
            (tx + 50, horizon - 330),
            (tx + 50, horizon),
        ],
        dark,
    )
    p.paste(city)
    road = gradient(
        (p.img.width, p.img.height - round(horizon * p.k)), [(0, "#341446"), (1, "#120716")]
    )
    p.img.alpha_composite(road, (0, round(horizon * p.k)))
    p.rect((0, horizon - 1, p.w, horizon + 3), fill=(255, 170, 120, 120))
    lane_y = f.p(0, 250)[1]
    for x in range(-40, int(p.w) + 40, 150):
        p.rect((x, lane_y, x + 80, lane_y + 10), fill=(255, 210, 120, 150), radius=5)
    # String lights.
    lights = p.layer()
    y0 = horizon - f.d(330)
    pts = [(x, y0 + 60 * math.sin(math.pi * x / p.w)) for x in range(0, int(p.w) + 1, 8)]
    lights.line(pts, (30, 10, 40, 200), 3, False)
    for x in range(30, int(p.w), 72):
        y = y0 + 60 * math.sin(math.pi * x / p.w) + 10
        lights.glow((x, y), 26, "#ffd27a", 0.8)
        lights.circle((x, y), 8, fill="#fff3c4")
    p.paste(lights)


def truck_hero(p: Painter, f: Frame) -> None:
    sh = p.layer()
    sh.ellipse(f.b(-380, 170, 380, 206), fill=(0, 0, 0, 150))
    p.paste(sh, blur=f.d(10))
    t = p.layer()
    teal = [(0, "#5eead4"), (0.6, "#14b8a6"), (1, "#0f766e")]
    t.shape(lambda m: m.rect(f.b(-340, -200, 200, 120), fill=255, radius=f.d(34)), teal)
    cab = bezier(f.p(200, -100), f.p(280, -100), f.p(300, -60), f.p(330, 0))
    t.shape(
        lambda m: m.polygon(
            [f.p(180, 120), f.p(180, -100), *cab, f.p(345, 40), f.p(345, 120)], fill=255
        ),
        teal,
    )
    t.rect(f.b(-340, 40, 345, 120), fill="#fff3e0", radius=f.d(10))
    t.rect(f.b(-340, 64, 345, 78), fill="#e63946")
    t.polygon([f.p(220, -80), f.p(275, -80), f.p(312, -12), f.p(220, -12)], fill="#bde7ff")
    t.polygon(
        [f.p(232, -72), f.p(252, -72), f.p(238, -22), f.p(230, -22)], fill=(255, 255, 255, 170)
    )
    t.rect(f.b(325, 10, 352, 34), fill="#fff6b0", radius=f.d(8))
    t.line([f.p(214, 4), f.p(236, 4)], "#0b5e57", f.d(6))
    # Serving window with a warm interior, counter and a striped awning.
    t.shape(
        lambda m: m.rect(f.b(-270, -120, 110, 20), fill=255, radius=f.d(10)),
        [(0, "#ffcf70"), (1, "#ff8a3d")],
    )
    for x in (-200, -120, -30, 50):
        t.circle(f.p(x, -20), f.d(22), fill=(150, 70, 30, 120))
        t.rect(f.b(x - 26, -8, x + 26, 20), fill=(150, 70, 30, 120), radius=f.d(8))
    t.rect(f.b(-290, 12, 130, 34), fill="#f1f5f9", radius=f.d(6))
    stripes = ["#e63946", "#fff3e0"]
    aw = [f.p(-300, -150), f.p(140, -150), f.p(170, -92), f.p(-330, -92)]
    t.polygon(aw, fill=stripes[1])
    for i in range(10):
        x0 = -300 + i * 44
        t.polygon(
            [
                f.p(x0, -150),
                f.p(x0 + 22, -150),
                f.p(x0 + 22 - 1.5 * 25 + 6 * i, -92),
                f.p(x0 - 1.5 * 25 + 6 * i - 8, -92),
            ],
            fill=stripes[0],
        )
    for i in range(11):
        x = -318 + i * 45.5
        t.pieslice(f.b(x, -110, x + 45.5, -70), 0, 180, fill=stripes[i % 2])
    # Roof sign.
    t.rect(f.b(-250, -268, 60, -206), fill="#1b0a3a", radius=f.d(14))
    t.rect(f.b(-120, -206, -100, -198), fill="#1b0a3a")
    t.text(f.p(-95, -237), "TACOS", f.d(44), "#ffd166", anchor="mm", tracking=f.d(4))
    for cx in (-238, 48):
        t.circle(f.p(cx, -237), f.d(7), fill="#ff5d8f")
    # Wheels.
    for cx in (-210, 225):
        t.pieslice(f.b(cx - 78, 60, cx + 78, 216), 180, 360, fill="#0b3f3a")
        t.circle(f.p(cx, 136), f.d(58), fill="#1f1a24")
        t.circle(f.p(cx, 136), f.d(30), fill="#cbd5e1")
        t.circle(f.p(cx, 136), f.d(10), fill="#475569")
    paste_shadowed(p, t, 0, 10, 14, 120)


def truck_glyph(p: Painter, f: Frame) -> None:
    g = Frame(f.cx + f.d(4), f.cy, f.s * 0.27)
    p.rect(g.b(-340, -200, 200, 110), fill="#ffffff", radius=g.d(34))
    p.polygon(
        [g.p(180, 110), g.p(180, -100), g.p(270, -100), g.p(345, 10), g.p(345, 110)], fill="#ffffff"
    )
    p.rect(g.b(-270, -130, 110, 10), fill="#f97316", radius=g.d(14))
    p.polygon([g.p(220, -70), g.p(270, -70), g.p(305, -10), g.p(220, -10)], fill="#7c2d92")
    for cx in (-210, 225):
        p.circle(g.p(cx, 126), g.d(62), fill="#7c2d92")
        p.circle(g.p(cx, 126), g.d(26), fill="#ffffff")


# --------------------------------------------------------------------------- Nairobi tutor

MATHS = (
    "π",
    "√x",
    "x²",
    "+",
    "÷",
    "∑",
    "=",
    "%",
    "a²+b²=c²",
    "∞",
    "×",
    "y=mx+c",
    "½",
    "Δ",
    "3x−7",
    "∫",
    "sin θ",
    "−",
    "≈",
    "√2",
)


def tutor_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    fill_background(p, [(0, "#072a20"), (0.55, "#0f4a37"), (1, "#17664b")])
    p.glow(f.p(140, -160), f.d(600), "#f4c430", 0.22)
    chalk = p.layer()
    top = lay.text_top + 380
    bottom = min(p.h, lay.h * 0.8) - 40
    placed: list[Pt] = []
    for sym in MATHS:
        size = rng.uniform(34, 60)
        half = chalk.text_width(sym, size, "math") / 2 + 30
        for _ in range(40):
            c = (rng.uniform(half, p.w - half), rng.uniform(top, bottom))
            near_hero = abs(c[0] - f.cx) < f.d(320) + half and abs(c[1] - f.cy) < f.d(280)
            if not near_hero and all(math.dist(c, q) > 150 for q in placed):
                placed.append(c)
                chalk.text(c, sym, size, (255, 255, 255, 255), "math", "mm")
                break
    p.paste(chalk, opacity=0.14)
    desk = f.p(0, 160)[1]
    p.img.alpha_composite(
        gradient(
            (p.img.width, p.img.height - round(desk * p.k)),
            [(0, "#8a5a33"), (0.08, "#6b4426"), (1, "#2e1c10")],
        ),
        (0, round(desk * p.k)),
    )
    p.rect((0, desk, p.w, desk + 5), fill=(255, 220, 170, 90))


def book(p: Painter, f: Frame, b: Box, stops: Stops, band: str) -> None:
    x0, y0, x1, y1 = b
    p.shape(lambda m: m.rect(f.b(*b), fill=255, radius=f.d(12)), stops, shadow=(0, 8, 10, 120))
    p.rect(f.b(x1 - 34, y0 + 9, x1 - 6, y1 - 9), fill="#fbf3e0", radius=f.d(4))
    for y in range(int(y0 + 18), int(y1 - 12), 9):
        p.line([f.p(x1 - 32, y), f.p(x1 - 8, y)], (190, 170, 130, 160), f.d(2), False)
    for x in (x0 + 40, x0 + 60, x1 - 90):
        p.rect(f.b(x, y0, x + 10, y1), fill=band)
    p.rect(
        f.b(x0 + 110, (y0 + y1) / 2 - 10, x0 + 260, (y0 + y1) / 2 + 10),
        fill=(255, 255, 255, 70),
        radius=f.d(8),
    )


def pencil(p: Painter, c: Pt, length: float, thick: float, angle: float) -> None:
    lay = p.layer()
    w = Frame(c[0], c[1], 1)
    half = length / 2
    t2 = thick / 2
    body = (-half + 60, -t2, half - 70, t2)
    lay.rect(w.b(*body), fill="#f4b400")
    lay.rect(w.b(body[0], -t2, body[2], -t2 / 3), fill="#ffd54f")
    lay.rect(w.b(body[0], t2 / 3, body[2], t2), fill="#d99100")
    lay.polygon([w.p(half - 70, -t2), w.p(half, 0), w.p(half - 70, t2)], fill="#f2d2a2")
    lay.polygon(
        [w.p(half - 24, -t2 * 0.34), w.p(half, 0), w.p(half - 24, t2 * 0.34)], fill="#3a3a3a"
    )
    lay.rect(w.b(-half + 26, -t2, -half + 64, t2), fill="#cfd8dc")
    for x in (-half + 36, -half + 50):
        lay.line([w.p(x, -t2), w.p(x, t2)], "#90a4ae", 3, False)
    lay.rect(w.b(-half, -t2, -half + 30, t2), fill="#ff7aa2", radius=12)
    paste_shadowed(p, p.rotate(lay, angle, c), 0, 10, 10, 130)


def tutor_hero(p: Painter, f: Frame) -> None:
    book(p, f, (-300, 70, 240, 160), [(0, "#ef4444"), (1, "#991b1b")], "#fcd34d")
    book(p, f, (-250, -16, 270, 70), [(0, "#fcd34d"), (1, "#d97706")], "#7c2d12")
    book(p, f, (-285, -100, 200, -16), [(0, "#38bdf8"), (1, "#1d4ed8")], "#fef3c7")
    # Apple for the teacher.
    ac = f.p(-130, -168)
    p.shape(
        lambda m: (
            m.circle((ac[0] - f.d(26), ac[1]), f.d(62), fill=255),
            m.circle((ac[0] + f.d(26), ac[1]), f.d(62), fill=255),
        ),
        [(0, "#ff6b6b"), (1, "#b91c1c")],
        shadow=(0, 8, 10, 120),
    )
    p.line([f.p(-130, -222), f.p(-122, -262)], "#5b3a1a", f.d(10))
    p.polygon(
        bezier(f.p(-120, -250), f.p(-90, -290), f.p(-50, -280), f.p(-40, -262))
        + bezier(f.p(-40, -262), f.p(-70, -240), f.p(-100, -240), f.p(-120, -250)),
        "#4caf50",
    )
    sheen = p.layer()
    sheen.ellipse(f.b(-190, -200, -160, -160), fill=(255, 255, 255, 150))
    p.paste(sheen, blur=f.d(3))
    pencil(p, f.p(210, -150), f.d(430), f.d(46), 62)
    for x, y, r in ((-250, -240, 22), (290, 60, 16), (40, -230, 14)):
        sparkle(p, f.p(x, y), f.d(r), "#f4c430")


def tutor_glyph(p: Painter, f: Frame) -> None:
    g = Frame(f.cx, f.cy - f.d(4), f.s)
    p.polygon([g.p(-70, -40), g.p(0, -22), g.p(0, 52), g.p(-70, 34)], "#ffffff")
    p.polygon([g.p(70, -40), g.p(0, -22), g.p(0, 52), g.p(70, 34)], "#fdf3c7")
    for i in range(3):
        y = -18 + i * 16
        p.line([g.p(-56, y - 8 + i * 0), g.p(-14, y + 3)], (23, 102, 75, 200), g.d(4), False)
        p.line([g.p(14, y + 3), g.p(56, y - 8)], (23, 102, 75, 200), g.d(4), False)
    p.text(g.p(0, -62), "π", g.d(40), "#f4c430", "math", "mm")


# --------------------------------------------------------------------------- Mumbai boutique


def onion_arch(f: Frame, half: float, top: float, spring: float, bottom: float) -> list[Pt]:
    pts = [f.p(-half, bottom), f.p(-half, spring)]
    pts += bezier(f.p(-half, spring), f.p(-half, spring - 150), f.p(-20, top + 90), f.p(0, top))
    pts += bezier(f.p(0, top), f.p(20, top + 90), f.p(half, spring - 150), f.p(half, spring))
    pts.append(f.p(half, bottom))
    return pts


def boutique_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    fill_background(p, [(0, "#2a0520"), (0.5, "#6d1246"), (1, "#a3195b")])
    p.glow(f.p(0, -40), f.d(560), "#ff5fa2", 0.35)
    mandala = p.layer()
    c = f.p(0, -40)
    for ring, (n, r0, r1) in enumerate(((16, 330, 420), (24, 450, 540), (32, 570, 650))):
        for i in range(n):
            a = math.radians(i * 360 / n + ring * 5.5)
            pt = [
                (c[0] + math.cos(a + w) * f.d(r), c[1] + math.sin(a + w) * f.d(r))
                for w, r in ((0, r0), (0.07, (r0 + r1) / 2), (0, r1), (-0.07, (r0 + r1) / 2))
            ]
            petal = bezier(pt[0], pt[1], pt[1], pt[2], 10) + bezier(pt[2], pt[3], pt[3], pt[0], 10)
            mandala.polygon(petal, fill="#f5c96b")
            mandala.circle(
                (c[0] + math.cos(a) * f.d(r1 + 22), c[1] + math.sin(a) * f.d(r1 + 22)),
                f.d(6),
                fill="#f5c96b",
            )
        mandala.circle(c, f.d(r0 - 16), outline="#f5c96b", width=f.d(3))
    p.paste(mandala, opacity=0.12)
    arch = onion_arch(f, 270, -400, -120, 400)
    p.polygon(arch, fill=(255, 220, 235, 34))
    p.line(arch, (245, 201, 107, 200), f.d(6))
    p.line(onion_arch(f, 290, -430, -120, 400), (245, 201, 107, 90), f.d(3))
    floor = f.p(0, 400)[1]
    p.img.alpha_composite(
        gradient(
            (p.img.width, p.img.height - round(floor * p.k)), [(0, "#4a0c31"), (1, "#22041a")]
        ),
        (0, round(floor * p.k)),
    )
    p.rect((0, floor, p.w, floor + 4), fill=(245, 201, 107, 140))


def boutique_hero(p: Painter, f: Frame) -> None:
    gold = "#f5c96b"
    # Hanger.
    p.arc(f.b(-34, -372, 34, -304), 160, 400, gold, f.d(10))
    p.line([f.p(0, -306), f.p(0, -282)], gold, f.d(10))
    p.line([f.p(-170, -196), f.p(0, -282), f.p(170, -196)], gold, f.d(12))
    # Skirt.
    hem = bezier(f.p(255, 300), f.p(120, 340), f.p(-120, 340), f.p(-255, 300))
    skirt = [f.p(-72, -70), f.p(72, -70), *hem]
    p.shape(
        lambda m: m.polygon(skirt, fill=255),
        [(0, "#14b8a6"), (0.5, "#0f766e"), (1, "#083d3a")],
        shadow=(0, 16, 18, 140),
    )
    pleats = p.layer()
    for i in range(1, 10):
        t = i / 10
        top = f.p(-60 + 120 * t, -66)
        bot = hem[len(hem) - 1 - round(t * (len(hem) - 1))]
        pleats.line([top, bot], (0, 40, 38, 90), f.d(5), False)
        pleats.line(
            [(top[0] + f.d(6), top[1]), (bot[0] + f.d(10), bot[1])],
            (120, 255, 230, 40),
            f.d(4),
            False,
        )
    p.paste(pleats, blur=f.d(2))
    up = [(x, y - f.d(34)) for x, y in hem]
    p.line(up, gold, f.d(6), False)
    p.line([(x, y - f.d(12)) for x, y in hem], gold, f.d(16), False)
    for i in range(0, len(up), 2):
        x, y = up[i]
        p.circle((x, y - f.d(18)), f.d(5), fill="#ffe3a3")
    # Bodice with a sweetheart neckline and cap sleeves.
    for sx in (-1, 1):
        p.polygon(
            [f.p(sx * 70, -204), f.p(sx * 120, -186), f.p(sx * 104, -150), f.p(sx * 74, -160)],
            "#c2185b",
        )
    neck = bezier(f.p(62, -196), f.p(40, -170), f.p(10, -168), f.p(0, -160)) + bezier(
        f.p(0, -160), f.p(-10, -168), f.p(-40, -170), f.p(-62, -196)
    )
    bodice = [f.p(-82, -200), *neck[::-1], f.p(82, -200), f.p(70, -62), f.p(-70, -62)]
    p.shape(
        lambda m: m.polygon(bodice, fill=255),
        [(0, "#ff4f9a"), (1, "#b0135c")],
        shadow=(0, 6, 8, 100),
    )
    p.rect(f.b(-76, -78, 76, -56), fill=gold, radius=f.d(6))
    for x in range(-62, 70, 16):
        p.circle(f.p(x, -67), f.d(3.5), fill="#8a4b00")
    for x, y in ((-40, -130), (0, -112), (40, -130), (-20, -150), (20, -150), (0, -138)):
        p.circle(f.p(x, y), f.d(5), fill=gold)
    # Sheer dupatta across one shoulder.
    dup = p.layer()
    drape = bezier(f.p(60, -204), f.p(180, -150), f.p(260, 60), f.p(300, 250)) + bezier(
        f.p(220, 270), f.p(190, 80), f.p(120, -60), f.p(40, -150)
    )
    dup.polygon(drape, fill=(255, 170, 200, 120))
    edge = bezier(f.p(300, 250), f.p(270, 275), f.p(240, 278), f.p(220, 270))
    dup.line(edge, gold, f.d(7))
    p.paste(dup)
    for x, y, r in ((-220, -250, 30), (230, -280, 18), (-250, 120, 20), (270, -40, 14)):
        sparkle(p, f.p(x, y), f.d(r), "#ffe3a3")


def boutique_glyph(p: Painter, f: Frame) -> None:
    g = Frame(f.cx, f.cy - f.d(8), f.s * 0.28)
    p.arc(g.b(-40, -380, 40, -300), 160, 400, "#ffe3a3", g.d(22))
    p.line([g.p(-170, -196), g.p(0, -282), g.p(170, -196)], "#ffe3a3", g.d(24))
    hem = bezier(g.p(255, 300), g.p(120, 340), g.p(-120, 340), g.p(-255, 300))
    p.polygon([g.p(-72, -70), g.p(72, -70), *hem], "#ffffff")
    p.polygon([g.p(-82, -200), g.p(0, -150), g.p(82, -200), g.p(70, -62), g.p(-70, -62)], "#ffffff")
    p.line([(x, y - g.d(30)) for x, y in hem], "#f5c96b", g.d(22), False)


# --------------------------------------------------------------------------- Sydney surf school


def surfboard(p: Painter, c: Pt, s: float, angle: float, body: Stops, stripe: str) -> None:
    lay = p.layer()
    w = Frame(c[0], c[1], s)
    outline = bezier(w.p(0, -310), w.p(60, -280), w.p(82, -100), w.p(80, 40))
    outline += bezier(w.p(80, 40), w.p(78, 200), w.p(60, 290), w.p(0, 300))
    outline += bezier(w.p(0, 300), w.p(-60, 290), w.p(-78, 200), w.p(-80, 40))
    outline += bezier(w.p(-80, 40), w.p(-82, -100), w.p(-60, -280), w.p(0, -310))
    lay.shape(lambda m: m.polygon(outline, fill=255), body, vertical=False)
    lay.line([w.p(0, -300), w.p(0, 290)], stripe, w.d(8), False)
    nose = lay.layer()
    nose.polygon(outline, fill=stripe)
    nose.erase(lambda m: m.rect(w.b(-100, -225, 100, 320), fill=255))
    nose.erase(lambda m: m.rect(w.b(-100, -400, 100, -250), fill=255))
    lay.paste(nose)
    lay.circle(w.p(0, 200), w.d(18), fill=stripe)
    shine = lay.layer()
    shine.line(
        bezier(w.p(-50, -200), w.p(-62, -100), w.p(-64, 60), w.p(-56, 200)),
        (255, 255, 255, 150),
        w.d(10),
    )
    lay.paste(shine, blur=w.d(3))
    paste_shadowed(p, p.rotate(lay, angle, c), 10, 12, 12, 110)


def surf_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    horizon = f.p(0, -70)[1]
    fill_background(
        p, [(0, "#0369a1"), (0.3, "#0ea5e9"), (0.48, "#7dd3fc"), (0.56, "#fde68a"), (1, "#fde68a")]
    )
    sun = (p.w * 0.84, horizon - f.d(250))
    p.glow(sun, 260, "#fff7c2", 0.9)
    p.circle(sun, 62, fill="#fffbe6")
    clouds = p.layer()
    for cx, cy, sc in ((p.w * 0.18, horizon - f.d(150), 1.0), (p.w * 0.62, horizon - f.d(95), 0.7)):
        for dx, dy, r in ((-60, 10, 42), (-10, -14, 56), (50, 6, 44), (0, 20, 40)):
            clouds.circle((cx + dx * sc, cy + dy * sc), r * sc, fill=(255, 255, 255, 235))
    p.paste(clouds, blur=1.5)
    # Opera House sails on the horizon, far left.
    ox, oy = p.w * 0.1, horizon
    sails = p.layer()
    sails.rect((ox - 20, oy - 14, ox + 190, oy + 2), fill="#e2e8f0")
    for i, (x, hgt) in enumerate(((0, 62), (40, 82), (84, 70), (124, 54), (160, 40))):
        pts = bezier(
            (ox + x, oy - 12),
            (ox + x + 4, oy - hgt * 0.7),
            (ox + x + 20, oy - hgt),
            (ox + x + 46, oy - hgt),
        )
        pts += [(ox + x + 38, oy - 12)]
        sails.polygon(pts, fill="#ffffff" if i % 2 == 0 else "#e2e8f0")
    p.paste(sails, opacity=0.9)
    shore = f.p(0, 200)[1]
    bands = [
        ("#0c4a6e", "#075985"),
        ("#0369a1", "#0284c7"),
        ("#0284c7", "#0ea5e9"),
        ("#0ea5e9", "#38bdf8"),
    ]
    for i, (c0, c1) in enumerate(bands):
        y = horizon + (shore - horizon) * (i / len(bands))
        amp = 6 + 6 * i
        top = wave_line(-10, p.w + 10, y, amp, 240 + 60 * i, i * 1.3)
        p.shape(
            lambda m, top=top: m.polygon([*top, (p.w + 10, p.h), (-10, p.h)], fill=255),
            [(0, c0), (0.5, c1)],
            box=(0, y - amp, p.w, p.h),
        )
        p.line(top, (255, 255, 255, 150 + 20 * i), 4 + 2 * i, False)
    foam = wave_line(-10, p.w + 10, shore, 10, 300, 0.6)
    p.shape(
        lambda m: m.polygon([*foam, (p.w + 10, p.h), (-10, p.h)], fill=255),
        [(0, "#f8e3b8"), (0.3, "#f3d09a"), (1, "#e8b877")],
        box=(0, shore, p.w, p.h),
    )
    p.line(foam, (255, 255, 255, 230), 12, False)
    p.line([(x, y + 18) for x, y in foam], (255, 255, 255, 90), 6, False)
    gulls = p.layer()
    for x, y, r in (
        (p.w * 0.55, horizon - f.d(220), 16),
        (p.w * 0.62, horizon - f.d(250), 12),
        (p.w * 0.3, horizon - f.d(60), 10),
    ):
        gulls.arc((x - r, y - r / 2, x, y + r / 2), 200, 340, "#1e3a5f", 4)
        gulls.arc((x, y - r / 2, x + r, y + r / 2), 200, 340, "#1e3a5f", 4)
    p.paste(gulls)


def surf_hero(p: Painter, f: Frame) -> None:
    for x, y, a, body, stripe in (
        (-110, 20, 12, [(0, "#ff8a80"), (0.5, "#ff5a5f"), (1, "#d63447")], "#ffffff"),
        (120, 40, -10, [(0, "#fff1b8"), (0.5, "#ffd166"), (1, "#f4a261")], "#0ea5e9"),
    ):
        surfboard(p, f.p(x, y), f.s, a, body, stripe)
    for x in (-95, 130):
        p.ellipse(f.b(x - 110, 300, x + 110, 350), fill="#f3d09a")
        p.ellipse(f.b(x - 90, 304, x + 90, 322), fill=(255, 240, 210, 160))


def surf_glyph(p: Painter, f: Frame) -> None:
    g = Frame(f.cx, f.cy, f.s)
    crest = wave_line(g.p(-80, 0)[0], g.p(80, 0)[0], g.p(0, 22)[1], g.d(8), g.d(60), 0)
    p.polygon([g.p(-80, 30), *crest, g.p(80, 30), g.p(80, 70), g.p(-80, 70)], "#ffffff")
    board = Frame(g.p(0, -28)[0], g.p(0, -28)[1], f.s * 0.22)
    pts = bezier(board.p(0, -310), board.p(60, -280), board.p(82, -100), board.p(80, 40))
    pts += bezier(board.p(80, 40), board.p(78, 200), board.p(60, 290), board.p(0, 300))
    pts += bezier(board.p(0, 300), board.p(-60, 290), board.p(-78, 200), board.p(-80, 40))
    pts += bezier(board.p(-80, 40), board.p(-82, -100), board.p(-60, -280), board.p(0, -310))
    lay = p.layer()
    lay.polygon(pts, "#ffd166")
    lay.line([board.p(0, -290), board.p(0, 280)], "#0369a1", board.d(16), False)
    p.paste(p.rotate(lay, -28, board.p(0, 0)))


# --------------------------------------------------------------------------- Berlin café


def cafe_scene(p: Painter, lay: Layout, f: Frame, rng: random.Random) -> None:
    fill_background(p, [(0, "#0c2327"), (0.6, "#18404a"), (1, "#24565f")])
    table = f.p(0, 190)[1]
    # Fernsehturm behind, off to the right.
    tower = p.layer()
    tx = p.w * 0.8
    tcol = (120, 180, 190, 255)
    tower.polygon(
        [(tx - 26, table), (tx - 12, table - 620), (tx + 12, table - 620), (tx + 26, table)], tcol
    )
    tower.circle((tx, table - 660), 64, fill=tcol)
    tower.rect((tx - 30, table - 606, tx + 30, table - 590), fill=tcol, radius=6)
    tower.rect((tx - 9, table - 850, tx + 9, table - 700), fill=tcol)
    tower.rect((tx - 4, table - 940, tx + 4, table - 840), fill=tcol)
    tower.rect((tx - 64, table - 672, tx + 64, table - 656), fill=(70, 120, 130, 255))
    skyline(tower, table, rng, tcol, (60, 170), width=(60, 140))
    p.paste(tower, opacity=0.2)
    p.glow(f.p(-40, -40), f.d(520), "#ffb36b", 0.3)
    p.img.alpha_composite(
        gradient(
            (p.img.width, p.img.height - round(table * p.k)),
            [(0, "#a06a3f"), (0.06, "#7a4b2a"), (1, "#2c170b")],
        ),
        (0, round(table * p.k)),
    )
    p.rect((0, table, p.w, table + 5), fill=(255, 220, 180, 110))
    grain = p.layer()
    for _ in range(14):
        y = rng.uniform(table + 30, p.h)
        x0 = rng.uniform(-100, p.w)
        grain.line(
            [(x0, y), (x0 + rng.uniform(200, 500), y + rng.uniform(-4, 4))],
            (40, 20, 8, 90),
            3,
            False,
        )
    p.paste(grain, blur=1)
    for x, y, a in (
        (-330, 250, 20),
        (-270, 285, -30),
        (300, 262, 60),
        (360, 300, 10),
        (-390, 320, 80),
    ):
        bean(p, f.p(x, y), f.d(22), a)


def bean(p: Painter, c: Pt, r: float, angle: float) -> None:
    lay = p.layer()
    lay.ellipse((c[0] - r, c[1] - r * 0.72, c[0] + r, c[1] + r * 0.72), fill="#4a2612")
    lay.line(
        bezier(
            (c[0] - r * 0.8, c[1] + r * 0.1),
            (c[0] - r * 0.3, c[1] - r * 0.3),
            (c[0] + r * 0.3, c[1] + r * 0.3),
            (c[0] + r * 0.8, c[1] - r * 0.1),
        ),
        "#2a1208",
        r * 0.18,
    )
    lay.ellipse((c[0] - r * 0.6, c[1] - r * 0.6, c[0], c[1] - r * 0.3), fill=(255, 220, 180, 70))
    paste_shadowed(p, p.rotate(lay, angle, c), 2, 5, 4, 140)


def cup_body(f: Frame) -> list[Pt]:
    pts = bezier(f.p(-178, -92), f.p(-176, 20), f.p(-150, 130), f.p(-60, 150))
    pts += bezier(f.p(60, 150), f.p(150, 130), f.p(176, 20), f.p(178, -92))
    return pts


def cafe_hero(p: Painter, f: Frame) -> None:
    cream = [(0, "#fffaf0"), (0.55, "#f3e6d3"), (1, "#c9ad8a")]
    p.shape(
        lambda m: m.ellipse(f.b(-280, 118, 280, 214), fill=255),
        [(0, "#fff7ea"), (1, "#d2b48c")],
        shadow=(0, 16, 16, 150),
    )
    p.ellipse(f.b(-200, 134, 200, 192), fill=(150, 110, 70, 60))
    # Handle, then the cup over it.
    p.shape(
        lambda m: (
            m.ellipse(f.b(120, -60, 290, 110), fill=255),
            m.ellipse(f.b(160, -24, 250, 74), fill=0),
        ),
        cream,
        vertical=False,
        shadow=(0, 6, 8, 90),
    )
    p.shape(
        lambda m: m.polygon(cup_body(f), fill=255),
        cream,
        box=f.b(-180, -100, 180, 160),
        vertical=False,
        shadow=(6, 10, 12, 110),
    )
    band = p.layer()
    band.polygon(cup_body(f), fill="#e76f51")
    band.erase(lambda m: m.rect(f.b(-200, -100, 200, -30), fill=255))
    band.erase(lambda m: m.rect(f.b(-200, 6, 200, 200), fill=255))
    p.paste(band)
    p.ellipse(f.b(-180, -118, 180, -66), fill="#fffaf0")
    p.shape(
        lambda m: m.ellipse(f.b(-160, -110, 160, -72), fill=255), [(0, "#4a2612"), (1, "#8b5a2b")]
    )
    heart = bezier(f.p(0, -78), f.p(-60, -88), f.p(-64, -104), f.p(-30, -106))
    heart += bezier(f.p(-30, -106), f.p(-14, -106), f.p(-4, -100), f.p(0, -96))
    heart += bezier(f.p(0, -96), f.p(4, -100), f.p(14, -106), f.p(30, -106))
    heart += bezier(f.p(30, -106), f.p(64, -104), f.p(60, -88), f.p(0, -78))
    p.polygon(heart, "#f6e3c8")
    shine = p.layer()
    shine.line(
        bezier(f.p(-140, -50), f.p(-146, 0), f.p(-130, 60), f.p(-100, 100)),
        (255, 255, 255, 200),
        f.d(14),
    )
    p.paste(shine, blur=f.d(4))
    steam(p, f, (-70, 0, 70), -130, -330, (255, 245, 230, 255))


def cafe_glyph(p: Painter, f: Frame) -> None:
    g = Frame(f.cx, f.cy + f.d(8), f.s * 0.36)
    p.ellipse(g.b(120, -60, 290, 110), outline="#ffffff", width=g.d(34))
    p.polygon([*cup_body(g), g.p(178, -92)], "#ffffff")
    p.ellipse(g.b(-180, -118, 180, -66), fill="#ffffff")
    p.ellipse(g.b(-150, -108, 150, -76), fill="#8b5a2b")
    p.ellipse(g.b(-250, 130, 250, 190), fill="#ffffff")
    for x in (-50, 40):
        p.line(
            bezier(g.p(x, -140), g.p(x + 40, -175), g.p(x - 40, -205), g.p(x, -240)),
            "#ffffff",
            g.d(16),
        )


# --------------------------------------------------------------------------- composition


def chat_icon(p: Painter, c: Pt, r: float, fill) -> None:
    """A speech bubble with three dots (the message button's idea, no trademarks)."""
    p.circle(c, r, fill=fill)
    p.polygon(
        [
            (c[0] - r * 0.75, c[1] + r * 0.45),
            (c[0] - r * 1.05, c[1] + r * 1.05),
            (c[0] - r * 0.1, c[1] + r * 0.85),
        ],
        fill,
    )
    for dx in (-0.42, 0, 0.42):
        p.circle((c[0] + dx * r, c[1]), r * 0.13, fill=(255, 255, 255, 235))


def fit_size(p: Painter, lines: Sequence[str], size: float, max_w: float) -> float:
    while size > 20 and max(p.text_width(s, size) for s in lines) > max_w:
        size -= 2
    return size


def text_block(p: Painter, c: Creative, lay: Layout) -> None:
    """Eyebrow, headline and the pill, all inside the safe zones of ``lay``."""
    x = lay.margin
    y = lay.text_top
    p.rect((x, y + 4, x + 40, y + 10), fill=c.eyebrow_color, radius=3)
    p.text((x + 56, y - 6), c.eyebrow, 26, c.eyebrow_color, tracking=3.5)
    y += 52
    lines = c.headline.split("\n")
    size = fit_size(p, lines, lay.headline_size, lay.w - 2 * lay.margin)
    shadow = p.layer()
    ink = p.layer()
    for i, line in enumerate(lines):
        ly = y + i * size * 1.06
        shadow.text((x + 2, ly + 5), line, size, (0, 0, 0, 150))
        ink.text((x, ly), line, size, c.headline_color)
    p.paste(shadow, blur=6, opacity=0.6)
    p.paste(ink)
    pill_y = lay.pill_y if lay.pill_y is not None else y + len(lines) * size * 1.06 + 34

    # Pill with a chat bubble, bottom left.
    ph = 66
    tw = p.text_width(c.pill, 28, "bold")
    box = (x, pill_y, x + tw + 112, pill_y + ph)
    sh = p.layer()
    sh.rect((box[0], box[1] + 6, box[2], box[3] + 6), fill=(0, 0, 0, 110), radius=ph / 2)
    p.paste(sh, blur=8)
    p.rect(box, fill=c.pill_fill, radius=ph / 2)
    chat_icon(p, (x + 44, pill_y + ph / 2 - 2), 17, "#25d366")
    p.text((x + 80, pill_y + ph / 2), c.pill, 28, c.pill_text, anchor="lm")


def render(c: Creative, lay: Layout) -> Image.Image:
    """The full creative for one layout, at final size, as RGB."""
    k = SUPERSAMPLE
    p = Painter.blank(lay.w, lay.h, k)
    rng = random.Random(zlib.crc32(f"{c.slug}/{lay.name}".encode()))
    f = frame_for(lay, c.zoom)
    c.scene(p, lay, f, rng)
    c.hero(p, f)
    text_block(p, c, lay)
    return p.img.convert("RGB").resize((lay.w, lay.h), Image.Resampling.LANCZOS)


def render_logo(c: Creative, size: int = LOGO_SIZE) -> Image.Image:
    """A round badge: gradient disc, thin ring and the business's glyph."""
    k = 4
    p = Painter.blank(size, size, k)
    disc = Painter.blank(size, size, k, "L")
    disc.circle((size / 2, size / 2), size / 2 - 1, fill=255)
    p.fill_mask(disc.img, gradient(p.img.size, c.logo_stops), (0, 0))
    p.glow((size * 0.35, size * 0.3), size * 0.6, (255, 255, 255), 0.18)
    p.circle((size / 2, size / 2), size / 2 - 14, outline=(255, 255, 255, 120), width=3)
    c.glyph(p, Frame(size / 2, size / 2 + 6, size / 256))
    return p.img.resize((size, size), Image.Resampling.LANCZOS)


def save_jpeg(img: Image.Image, path: Path) -> None:
    img.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)


# --------------------------------------------------------------------------- catalogue

CREATIVES: list[Creative] = [
    Creative(
        slug="lagos-bakery",
        eyebrow="LAGOS · BAKED FRESH DAILY",
        headline="Hot Agege bread,\nstraight from the oven",
        pill="Order before 7am, pick up hot",
        headline_color="#fff4e2",
        eyebrow_color="#ffc46b",
        pill_fill=(255, 246, 232, 240),
        pill_text="#4a1d0a",
        logo_stops=[(0, "#e98a2e"), (1, "#7a2e0e")],
        scene=bakery_scene,
        hero=bakery_hero,
        glyph=bakery_glyph,
    ),
    Creative(
        slug="sao-paulo-plumber",
        eyebrow="SÃO PAULO · ZONA SUL",
        headline="Vazamento?\nResolvemos hoje.",
        pill="Orçamento grátis em 1 hora",
        headline_color="#ffffff",
        eyebrow_color="#ffb703",
        pill_fill=(255, 255, 255, 240),
        pill_text="#0b2545",
        logo_stops=[(0, "#2f86d6"), (1, "#0b2545")],
        scene=plumber_scene,
        hero=plumber_hero,
        glyph=plumber_glyph,
    ),
    Creative(
        slug="jakarta-dental",
        eyebrow="JAKARTA · KLINIK GIGI",
        headline="Senyum sehat,\ntanpa antre.",
        pill="Jadwal hari ini masih ada",
        headline_color="#0b4f4a",
        eyebrow_color="#2a9d8f",
        pill_fill=(11, 79, 74, 240),
        pill_text="#ffffff",
        logo_stops=[(0, "#4fd1c5"), (1, "#1d7f75")],
        scene=dental_scene,
        hero=dental_hero,
        glyph=dental_glyph,
    ),
    Creative(
        slug="austin-food-truck",
        eyebrow="AUSTIN, TX · FOOD TRUCK",
        headline="Brisket tacos.\nTonight.",
        pill="Open late on South Congress",
        headline_color="#fff1d6",
        eyebrow_color="#ffd166",
        pill_fill=(27, 10, 58, 235),
        pill_text="#fff1d6",
        logo_stops=[(0, "#f97316"), (1, "#7c2d92")],
        scene=truck_scene,
        hero=truck_hero,
        glyph=truck_glyph,
    ),
    Creative(
        slug="nairobi-tutor",
        eyebrow="NAIROBI · MATHS TUITION",
        headline="Hesabu\nmade easy.",
        pill="KCSE prep · Form 1–4",
        headline_color="#ffffff",
        eyebrow_color="#f4c430",
        pill_fill=(255, 250, 235, 240),
        pill_text="#0f4a37",
        logo_stops=[(0, "#1f8a63"), (1, "#0a3326")],
        scene=tutor_scene,
        hero=tutor_hero,
        glyph=tutor_glyph,
    ),
    Creative(
        slug="mumbai-boutique",
        eyebrow="MUMBAI · BOUTIQUE",
        headline="The festive edit\nis here.",
        pill="New arrivals every Friday",
        headline_color="#fff3e0",
        eyebrow_color="#f5c96b",
        pill_fill=(255, 243, 224, 240),
        pill_text="#6d1246",
        logo_stops=[(0, "#e0407f"), (1, "#5a0f3c")],
        scene=boutique_scene,
        hero=boutique_hero,
        glyph=boutique_glyph,
        zoom=0.9,
    ),
    Creative(
        slug="sydney-surf-school",
        eyebrow="SYDNEY · SURF SCHOOL",
        headline="Catch your\nfirst wave.",
        pill="Bondi lessons, boards included",
        headline_color="#ffffff",
        eyebrow_color="#fde68a",
        pill_fill=(255, 255, 255, 240),
        pill_text="#075985",
        logo_stops=[(0, "#38bdf8"), (1, "#0369a1")],
        scene=surf_scene,
        hero=surf_hero,
        glyph=surf_glyph,
    ),
    Creative(
        slug="berlin-cafe",
        eyebrow="BERLIN · CAFÉ & RÖSTEREI",
        headline="Dein Kaffee,\nfrisch geröstet.",
        pill="Heute: Flat White für 3 €",
        headline_color="#fdf6ec",
        eyebrow_color="#f4a261",
        pill_fill=(253, 246, 236, 240),
        pill_text="#18404a",
        logo_stops=[(0, "#2f6d78"), (1, "#0c2327")],
        scene=cafe_scene,
        hero=cafe_hero,
        glyph=cafe_glyph,
    ),
]


# --------------------------------------------------------------------------- main


def write_all(out_dir: Path, only: Sequence[str] = ()) -> list[Path]:
    """Render every creative (or those in ``only``) into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for c in CREATIVES:
        if only and c.slug not in only:
            continue
        for lay, suffix in ((FEED, ""), (STORY, "-story")):
            path = out_dir / f"{c.slug}{suffix}.jpg"
            save_jpeg(render(c, lay), path)
            written.append(path)
        path = out_dir / f"{c.slug}-logo.png"
        render_logo(c).save(path, "PNG", optimize=True)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*", help="only these businesses (default: all)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    unknown = set(args.slugs) - {c.slug for c in CREATIVES}
    if unknown:
        parser.error(f"unknown slug(s): {', '.join(sorted(unknown))}")
    total = 0
    for path in write_all(args.out, args.slugs):
        size = path.stat().st_size
        total += size
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown}  {size / 1024:6.0f} KB")
    print(f"total {total / 1024 / 1024:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
