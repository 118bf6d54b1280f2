"""The Nairobi tutor sample: its scene, hero and logo glyph, and its creative's words."""

from __future__ import annotations

import math
import random

from tools.sample_images.drawing import (
    Box,
    Creative,
    Frame,
    Layout,
    Painter,
    Pt,
    Stops,
    bezier,
    fill_background,
    gradient,
    paste_shadowed,
    sparkle,
)

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


CREATIVE = Creative(
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
)
