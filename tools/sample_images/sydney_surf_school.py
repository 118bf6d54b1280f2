"""The Sydney surf school sample: its scene, hero and logo glyph, and its creative's words."""

from __future__ import annotations

import random

from tools.sample_images.drawing import (
    Creative,
    Frame,
    Layout,
    Painter,
    Pt,
    Stops,
    bezier,
    fill_background,
    paste_shadowed,
    wave_line,
)


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


CREATIVE = Creative(
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
)
