"""QR codes of the button's link: made when they fit, None (never an exception) when not."""

from components.render.qr import qr_png, qr_svg


def test_a_short_link_makes_a_qr_code():
    png = qr_png("https://wa.me/2348021234589?text=Hi")
    assert png and png.startswith(b"\x89PNG")
    assert "<svg" in qr_svg("https://wa.me/2348021234589?text=Hi")


def test_a_link_too_long_for_a_qr_code_gives_none():
    link = "https://wa.me/2348021234589?text=" + "%F0%9F%98%80" * 400  # 400 emoji
    assert qr_png(link) is None and qr_svg(link) is None
