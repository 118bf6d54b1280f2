"""The take-away preview: one self-contained HTML file with every placement and the tap.

Images are inline data URIs, the CSS is inline, and a Content-Security-Policy forbids scripts
and every network request, so the file opens offline in any browser and cannot phone home.
"""

from __future__ import annotations

from datetime import date

from components.ad import AdSpec
from components.phone import button_link
from components.placements import PLACEMENTS, placement_notes
from components.qr import qr_svg
from components.render import esc, placement_html
from components.render_tap import tap_screen_html
from components.styles import page_html

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'"

DOC_STYLES = """
body{margin:0;background:#e9ebee;font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.doc-head{padding:24px 32px 8px}
.doc-head h1{margin:0 0 4px;font-size:24px}
.doc-head p{margin:0;color:#555}
.doc-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:24px;
  padding:16px 32px 32px;align-items:start}
.doc-cell h2{font-size:15px;margin:0 0 8px}
.doc-note{font-size:13px;margin:6px 0 0;color:#6b4e00}
.doc-note.error{color:#a00}
.doc-qr{text-align:center;font-size:13px;color:#333}
.doc-qr svg{background:#fff;padding:6px;border-radius:6px}
.doc-foot{padding:0 32px 32px;color:#666;font-size:12px}
"""


def standalone_html(ad: AdSpec, theme: str = "light", safe_zones: bool = False) -> str:
    """A complete HTML document of every placement, the tap screen and a QR of the link."""
    cells = []
    for key, placement in PLACEMENTS.items():
        notes = "".join(
            f'<p class="doc-note {note.level}">{esc(note.text)}</p>'
            for note in placement_notes(ad, placement)
        )
        cells.append(
            f'<section class="doc-cell"><h2>{esc(placement.name)} · {placement.aspect}</h2>'
            f"{page_html(placement_html(ad, key, safe_zones), theme)}{notes}</section>"
        )
    link = button_link(ad.phone_check, ad.cta, ad.prefill)
    qr = (
        f'<div class="doc-qr">{qr_svg(link)}<p>Scan to try the button: {esc(link)}</p></div>'
        if link
        else '<div class="doc-qr">No working link: the number is not valid.</div>'
    )
    cells.append(
        '<section class="doc-cell"><h2>After the tap</h2>'
        f"{page_html(tap_screen_html(ad), theme)}{qr}</section>"
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
        f'<main class="doc-grid">{"".join(cells)}</main>'
        '<footer class="doc-foot">Previews are approximations of Meta\'s placements. '
        "Nothing in this file loads from the network.</footer></body></html>\n"
    )
