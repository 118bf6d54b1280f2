"""The Lagos bakery sample: its scene, hero and logo glyph, and its creative's words."""

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
    steam,
)


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


CREATIVE = Creative(
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
)
