"""The Austin food truck sample: its scene, hero and logo glyph, and its creative's words."""

from __future__ import annotations

import math
import random

from tools.sample_images.drawing import (
    Creative,
    Frame,
    Layout,
    Painter,
    bezier,
    fill_background,
    gradient,
    paste_shadowed,
    rgba,
    skyline,
)


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


CREATIVE = Creative(
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
)
