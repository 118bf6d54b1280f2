"""The São Paulo plumber sample: its scene, hero and logo glyph, and its creative's words."""

from __future__ import annotations

import math
import random

from tools.sample_images.drawing import (
    Creative,
    Frame,
    Layout,
    Painter,
    fill_background,
    paste_shadowed,
    rgba,
    skyline,
)


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


CREATIVE = Creative(
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
)
