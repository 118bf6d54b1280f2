"""The Mumbai boutique sample: its scene, hero and logo glyph, and its creative's words."""

from __future__ import annotations

import math
import random

from tools.sample_images.drawing import (
    Creative,
    Frame,
    Layout,
    Painter,
    Pt,
    bezier,
    fill_background,
    gradient,
    sparkle,
)


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


CREATIVE = Creative(
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
)
