"""The take-away preview: one self-contained HTML file with every placement and the tap.

Images are inline data URIs, the CSS is inline, and a Content-Security-Policy forbids scripts
and every network request, so the file opens offline in any browser and cannot phone home.
"""

from __future__ import annotations

from datetime import date

from components.campaign.images import data_uri
from components.campaign.model import Campaign
from components.campaign.phone import button_link
from components.campaign.placements import PLACEMENTS, delivery, placement_notes
from components.render.icons import ImageUrl
from components.render.placements import (
    SAFE_ZONE_PLACEMENTS,
    ad_page_html,
    crop_html,
    esc,
    phone_frame,
    placement_html,
    safe_zone_legend_html,
)
from components.render.qr import TOO_LONG, qr_svg
from components.render.tap import tap_panel_html

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'"

DOC_STYLES = """
body{margin:0;background:#e9ebee;font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.doc-head{padding:24px 32px 8px}
.doc-head h1{margin:0 0 4px;font-size:24px}
.doc-head p{margin:0;color:#555}
.doc-main{padding:0 16px 24px}
.doc-tap{max-width:420px;margin:0 auto}
.doc-tap h2{font-size:18px;margin:16px}
.doc-qr{text-align:center;font-size:13px;color:#333}
.doc-qr svg{background:#fff;padding:6px;border-radius:6px}
.doc-foot{padding:0 32px 32px;color:#666;font-size:12px}
"""


def placements_grid_html(
    ad: Campaign,
    theme: str = "light",
    frame: bool = True,
    safe_zones: bool = False,
    image_url: ImageUrl = data_uri,
) -> str:
    """Every placement side by side, each with its notes and, when cropped, where the crop
    falls; one piece of markup for the Preview page and the downloadable file alike."""
    grid = _placements_grid(ad, frame, safe_zones, image_url)
    return ad_page_html(ad, grid, theme, True, image_url)


def _placements_grid(ad: Campaign, frame: bool, safe_zones: bool, image_url: ImageUrl) -> str:
    # Built on every run (a tenth of a millisecond): each run must hand every icon it shows
    # to `image_url`, which keeps a served file only while a run uses it.
    cells = []
    for key, placement in PLACEMENTS.items():
        # Where the ad is not delivered, the panel itself says why; no note repeats it.
        notes = [] if delivery(ad, placement) else placement_notes(ad, placement)
        remarks = "".join(
            f'<li class="bas-note bas-note-{note.level}">{esc(note.text)}</li>' for note in notes
        )
        crop = crop_html(ad, placement) if any(n.level == "info" for n in notes) else ""
        if crop:
            crop = f"<details><summary>Where the crop falls</summary>{crop}</details>"
        markup = placement_html(ad, key, safe_zones, image_url)
        legend = ""
        if safe_zones and key in SAFE_ZONE_PLACEMENTS and not delivery(ad, placement):
            legend = safe_zone_legend_html()
        cells.append(
            f'<section class="bas-cell" data-placement="{key}">'
            f"<h2>{esc(placement.name)} <span>{placement.aspect}</span></h2>"
            f"{phone_frame(markup, frame and placement.mobile)}{legend}"
            f'<ul class="bas-notes">{remarks}</ul>{crop}</section>'
        )
    return f'<div class="bas-grid">{"".join(cells)}</div>'


def standalone_html(ad: Campaign, theme: str = "light", safe_zones: bool = False) -> str:
    """A complete HTML document of every placement, the tap screen and a QR of the link."""
    link = button_link(ad.phone_check, ad.cta, ad.prefill)
    code = qr_svg(link) if link else None
    if code:
        qr = f'<div class="doc-qr">{code}<p>Scan to try the button: {esc(link)}</p></div>'
    elif link:
        qr = f'<div class="doc-qr">{esc(TOO_LONG)}</div>'
    else:
        qr = '<div class="doc-qr">No working link: the number is not valid.</div>'

    tap = (
        '<section class="doc-tap"><h2>After the tap</h2>'
        f"{tap_panel_html(ad, theme=theme, frame=False)}{qr}</section>"
    )
    name = esc(ad.business or "Your business")
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Ad preview · {name}</title><style>{DOC_STYLES}</style></head><body>"
        f'<header class="doc-head"><h1>Ad preview · {name}</h1>'
        f"<p>{esc(ad.cta_label)} · every placement · made with Button Ad Studio on "
        f"{date.today():%d %B %Y}. A preview, not Meta's rendering.</p></header>"
        f'<main class="doc-main">{placements_grid_html(ad, theme, False, safe_zones)}{tap}</main>'
        '<footer class="doc-foot">Previews are approximations of Meta\'s placements. '
        "Nothing in this file loads from the network.</footer></body></html>\n"
    )
