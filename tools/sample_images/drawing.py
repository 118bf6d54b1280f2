"""What every sample creative shares: colours, fonts, the supersampling painter, the feed
and story layouts, and the composition of text, hero and logo (Pillow shapes only)."""

from __future__ import annotations

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

ROOT = Path(__file__).resolve().parents[2]
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
FONT_PACKAGES = "fonts-liberation fonts-dejavu-core fonts-noto-core"


class MissingFont(RuntimeError):
    """A font the creatives are set in is not installed (`make sample-images` installs them)."""


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
    """A TrueType font from Debian's packages (Liberation, then DejaVu). A missing font is an
    error, not a fallback: another face would change every committed image."""
    for name in FONT_FILES[kind]:
        for folder in FONT_DIRS:
            path = folder / name
            if path.exists():
                return ImageFont.truetype(str(path), max(1, round(size)))
    raise MissingFont(f"none of {', '.join(FONT_FILES[kind])} is installed")


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


def frame_for(lay: Layout, zoom: float = 1.0) -> Frame:
    return Frame(lay.hero[0], lay.hero[1], lay.hero_scale * zoom)


def fill_background(p: Painter, stops: Stops) -> None:
    p.img.alpha_composite(gradient(p.img.size, stops))


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
