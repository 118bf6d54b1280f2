"""The Jakarta dental sample: its scene, hero and logo glyph, and its creative's words."""

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
    sparkle,
)


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


CREATIVE = Creative(
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
)
