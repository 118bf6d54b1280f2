"""The Berlin café sample: its scene, hero and logo glyph, and its creative's words."""

from __future__ import annotations

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
    paste_shadowed,
    skyline,
    steam,
)


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


CREATIVE = Creative(
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
)
