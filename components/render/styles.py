"""The preview's design system: one set of tokens (colours, radii, fonts) and the CSS of
every placement and tap screen, and the wrapper that applies a theme.

Placements and tap screens (`render`, `render_tap`) use only these classes and variables, so a
colour or radius changes in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One set of design tokens for every placement; the dark theme overrides only colours.
TOKENS: dict[str, dict[str, str]] = {
    "light": {
        "surface": "#ffffff",
        "canvas": "#f0f2f5",
        "text": "#050505",
        "muted": "#65676b",
        "divider": "#ced0d4",
        "link-row": "#f0f2f5",
        "button": "#e4e6eb",
        "button-text": "#050505",
        "accent": "#0866ff",
        "whatsapp": "#25d366",
        "whatsapp-dark": "#075e54",
        "disabled": "#696c71",
    },
    "dark": {
        "surface": "#242526",
        "canvas": "#18191a",
        "text": "#e4e6eb",
        "muted": "#b0b3b8",
        "divider": "#3e4042",
        "link-row": "#3a3b3c",
        "button": "#4e4f50",
        "button-text": "#e4e6eb",
        "accent": "#4599ff",
        "whatsapp": "#25d366",
        "whatsapp-dark": "#1f2c34",
        "disabled": "#a8abb0",
    },
}
# The script fonts after Noto Sans are Debian's fonts-noto-core (installed by `make`): Arabic
# (also Urdu), Hebrew, Devanagari (Hindi) and Thai copy shape with them offline.
FONT_STACK = (
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, '
    '"Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", '
    '"Noto Sans Thai", "Noto Color Emoji", sans-serif'
)
RADIUS = {"card": "8px", "button": "6px", "avatar": "50%"}


def css_variables(theme: str) -> str:
    """The design tokens of a theme as CSS custom properties."""
    tokens = TOKENS.get(theme, TOKENS["light"])
    return ";".join(f"--bas-{name}:{value}" for name, value in tokens.items())


# Page names wrap (as Facebook's do) rather than being cut to "Mama Bisi's B…"; layout uses
# logical properties (inset-inline, margin-inline, float:inline-end) so a placement or screen
# marked dir="rtl" mirrors; arrows are flipped under [dir=rtl].
STYLES = """
.bas-root{{font-family:{font};color:var(--bas-text);background:var(--bas-canvas);
  padding:16px;border-radius:12px;line-height:1.34;-webkit-font-smoothing:antialiased}}
.bas-root *{{box-sizing:border-box}}
.bas-card{{background:var(--bas-surface);border-radius:{card};max-width:420px;margin:0 auto;
  box-shadow:0 1px 2px rgba(0,0,0,.2);overflow:hidden}}
.bas-head{{display:flex;align-items:center;gap:8px;padding:12px 12px 4px}}
.bas-avatar{{width:40px;height:40px;border-radius:{avatar};object-fit:cover;flex:none;
  border:1px solid var(--bas-divider)}}
.bas-avatar-logo{{display:inline-block;background:var(--bas-logo) center/cover no-repeat}}
.bas-avatar-initials{{display:inline-flex;align-items:center;justify-content:center;
  background:#0866ff;color:#fff;font-weight:700;font-size:15px}}
.bas-head-text{{flex:1;min-width:0}}
.bas-name{{font-weight:600;font-size:15px}}
.bas-name .bas-verified{{vertical-align:-2px;margin-inline-start:4px}}
.bas-name span{{overflow-wrap:anywhere}}
.bas-verified{{width:14px;height:14px;flex:none}}
.bas-sponsored{{font-size:13px;color:var(--bas-muted);display:flex;align-items:center;gap:3px}}
.bas-globe{{width:12px;height:12px}}
.bas-more{{color:var(--bas-muted);font-weight:700;letter-spacing:1px;padding:0 4px}}
.bas-primary{{padding:4px 12px 10px;font-size:15px;overflow-wrap:anywhere}}
.bas-seemore{{color:var(--bas-muted);font-weight:600;white-space:nowrap}}
.bas-media{{width:100%;background:#000;overflow:hidden}}
.bas-media{{position:relative}}
.bas-media-empty{{display:flex;align-items:center;justify-content:center;color:var(--bas-muted);
  background:var(--bas-link-row);font-size:14px}}
.bas-link-row{{display:flex;align-items:center;gap:10px;padding:10px 12px;
  background:var(--bas-link-row)}}
.bas-link-text{{flex:1;min-width:0}}
.bas-domain{{font-size:12px;color:var(--bas-muted);text-transform:uppercase;letter-spacing:.3px}}
.bas-headline{{font-size:16px;font-weight:600;overflow-wrap:anywhere}}
.bas-description{{font-size:14px;color:var(--bas-muted);overflow-wrap:anywhere}}
.bas-cta{{display:inline-flex;align-items:center;gap:6px;flex:none;max-width:55%;
  padding:8px 12px;border-radius:{button};background:var(--bas-button);
  color:var(--bas-button-text)!important;font-weight:600;font-size:14px;
  text-decoration:none!important;line-height:1.2}}
.bas-cta:hover{{filter:brightness(.95)}}
.bas-cta .bas-glyph{{width:18px;height:18px;color:var(--bas-whatsapp);flex:none}}
.bas-cta[data-cta=call] .bas-glyph{{color:var(--bas-accent)}}
.bas-cta-disabled{{background:var(--bas-link-row);color:var(--bas-disabled)!important;
  border:1px dashed var(--bas-disabled);cursor:not-allowed}}
.bas-cta-disabled .bas-glyph{{filter:grayscale(1);opacity:.5}}
.bas-actions{{display:flex;flex-wrap:wrap;justify-content:space-around;
  border-top:1px solid var(--bas-divider);margin:0 12px;padding:6px 0;color:var(--bas-muted);
  font-weight:600;font-size:14px}}
.bas-action{{display:inline-flex;align-items:center;gap:5px;padding:4px;white-space:nowrap}}
.bas-action img{{width:18px;height:18px}}
""".format(font=FONT_STACK, **RADIUS)

PLACEMENT_STYLES = """
.bas-feed-desktop{max-width:500px}
.bas-chevron{width:16px;height:16px}
[dir=rtl] .bas-chevron{transform:scaleX(-1)}
.bas-ig-head{display:flex;align-items:center;gap:10px;padding:10px 12px}
.bas-ig-head .bas-avatar{width:32px;height:32px}
.bas-ig-name{font-size:14px;display:flex;align-items:center;gap:4px}
.bas-ig-name .bas-verified{margin:0}
.bas-ig-name span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bas-ig .bas-sponsored{font-size:12px;color:var(--bas-text)}
.bas-ig-cta{display:flex;align-items:center;justify-content:space-between;padding:10px 12px;
  border-bottom:1px solid var(--bas-divider);color:var(--bas-accent)}
.bas-ig-button{display:inline-flex;align-items:center;gap:8px;font-weight:600;font-size:14px;
  color:var(--bas-accent)!important;text-decoration:none!important}
.bas-ig-button .bas-glyph{width:18px;height:18px;color:var(--bas-whatsapp)}
.bas-ig-button.bas-cta-disabled{border:0;background:none}
.bas-ig-icons{display:flex;gap:14px;padding:10px 12px 4px;color:var(--bas-text)}
.bas-ig-icon{width:24px;height:24px}
.bas-dark .bas-ig-icons .bas-ig-icon{filter:invert(1)}
.bas-ig-spacer{flex:1}
.bas-ig-caption{padding:2px 12px 14px;font-size:14px;overflow-wrap:anywhere}
.bas-story{position:relative;width:100%;max-width:300px;aspect-ratio:9/16;margin:0 auto;
  border-radius:12px;overflow:hidden;background:#111;color:#fff;
  box-shadow:0 1px 3px rgba(0,0,0,.3)}
.bas-story-bg{position:absolute;inset:0;width:100%;height:100%;display:flex;
  align-items:center;justify-content:center}
.bas-art{position:absolute;inset:0;background-image:var(--bas-img-main);
  background-position:center;background-repeat:no-repeat;background-size:cover}
.bas-art-story{background-image:var(--bas-img-story,var(--bas-img-main))}
.bas-fit-fit .bas-art{background-size:contain;background-color:#000}
.bas-art.bas-art-whole{background-size:100% 100%}
.bas-crop-whole{position:relative;width:100%;opacity:.6;border-radius:4px;overflow:hidden}
.bas-story::after{content:"";position:absolute;inset:0;pointer-events:none;
  background:linear-gradient(rgba(0,0,0,.45),rgba(0,0,0,0) 22%,rgba(0,0,0,0) 55%,
  rgba(0,0,0,.65))}
.bas-story-progress{position:absolute;top:8px;left:8px;right:8px;height:3px;z-index:2;
  background:rgba(255,255,255,.35);border-radius:2px}
.bas-story-progress span{display:block;width:35%;height:100%;background:#fff;border-radius:2px}
.bas-story-head{position:absolute;top:18px;left:10px;right:10px;z-index:2;display:flex;
  align-items:center;gap:8px}
.bas-story-head.bas-static{position:static}
.bas-story-head .bas-avatar{border:2px solid #fff}
.bas-story-name{font-weight:600;font-size:14px;display:flex;align-items:center;gap:4px;
  text-shadow:0 1px 2px rgba(0,0,0,.6)}
.bas-story-sponsored{font-size:12px;opacity:.9;text-shadow:0 1px 2px rgba(0,0,0,.6)}
.bas-story-text{position:absolute;left:14px;right:14px;bottom:calc(20% + 6px);z-index:2;
  font-size:14px;text-shadow:0 1px 3px rgba(0,0,0,.8);overflow-wrap:anywhere}
.bas-story-text .bas-seemore,.bas-reels-text .bas-seemore{color:#fff;opacity:.85}
.bas-story-cta{position:absolute;left:0;right:0;bottom:6%;z-index:3;display:flex;
  justify-content:center}
.bas-sticker{display:inline-flex;align-items:center;gap:8px;padding:10px 16px;
  border-radius:22px;background:#fff;color:#050505!important;font-weight:700;font-size:14px;
  text-decoration:none!important;box-shadow:0 2px 8px rgba(0,0,0,.35);max-width:90%}
.bas-sticker .bas-glyph{width:20px;height:20px;color:var(--bas-whatsapp)}
.bas-sticker[data-cta=call] .bas-glyph{color:var(--bas-accent)}
.bas-sticker.bas-cta-disabled{background:#e4e6eb;color:#606266!important}
.bas-safe{position:absolute;left:0;right:0;z-index:4;pointer-events:none;
  background:repeating-linear-gradient(45deg,rgba(255,59,48,.42) 0 8px,
  rgba(255,59,48,.22) 8px 16px);
  outline:1px dashed #fff}
.bas-safe-top{top:0}
.bas-safe-bottom{bottom:0}
.bas-safe-legend{display:flex;align-items:flex-start;gap:6px;margin:8px 0 0;font-size:13px;
  line-height:1.35;color:var(--bas-muted)}
.bas-safe-swatch{flex:none;width:14px;height:14px;margin-top:2px;border-radius:3px;
  background:repeating-linear-gradient(45deg,rgba(255,59,48,.7) 0 3px,rgba(255,59,48,.3) 3px 6px)}
.bas-reels-rail{position:absolute;inset-inline-end:8px;bottom:34%;z-index:2;display:flex;
  flex-direction:column;gap:16px}
.bas-rail-icon img{width:26px;height:26px;filter:drop-shadow(0 1px 2px #000)}
.bas-reels-foot{position:absolute;inset-inline:10px 48px;bottom:12px;z-index:2;display:flex;
  flex-direction:column;gap:8px}
.bas-reels-text{font-size:13px;text-shadow:0 1px 3px rgba(0,0,0,.8);overflow-wrap:anywhere}
.bas-reels-cta{display:flex;align-items:center;justify-content:center;gap:8px;padding:8px;
  border-radius:6px;background:rgba(255,255,255,.92);color:#050505!important;font-weight:700;
  font-size:13px;text-decoration:none!important}
.bas-reels-cta .bas-glyph{width:18px;height:18px;color:var(--bas-whatsapp)}
.bas-reels-cta[data-cta=call] .bas-glyph{color:var(--bas-accent)}
.bas-marketplace{max-width:420px;padding-bottom:10px}
.bas-mp-bar{padding:12px;font-weight:700;font-size:16px}
.bas-mp-grid{display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:0 10px}
.bas-mp-tile{min-width:0}
.bas-mp-tile .bas-media{border-radius:8px}
.bas-mp-title{font-weight:600;font-size:14px;margin-top:6px;overflow:hidden;
  text-overflow:ellipsis;white-space:nowrap}
.bas-mp-meta{font-size:12px;color:var(--bas-muted);overflow:hidden;text-overflow:ellipsis;
  white-space:nowrap}
.bas-mp-cta{display:flex;align-items:center;justify-content:center;gap:6px;margin-top:6px;
  padding:6px;border-radius:6px;background:var(--bas-button);
  color:var(--bas-button-text)!important;
  font-size:12px;font-weight:600;text-decoration:none!important}
.bas-mp-cta .bas-glyph{width:16px;height:16px;color:var(--bas-whatsapp)}
.bas-mp-img{aspect-ratio:1/1;border-radius:8px;background:var(--bas-link-row)}
.bas-mp-line{height:10px;border-radius:5px;background:var(--bas-link-row);margin-top:8px}
.bas-mp-line.bas-short{width:60%}
.bas-blocked{max-width:420px;padding:28px 20px;text-align:center;
  border:2px dashed var(--bas-divider);box-shadow:none}
.bas-blocked-icon{font-size:34px;color:#e41e3f}
.bas-blocked-title{font-weight:700;font-size:16px;margin:6px 0}
.bas-blocked-text{color:var(--bas-muted);font-size:14px}
.bas-crop{margin:8px auto 0;max-width:240px;font-size:12px;color:var(--bas-muted)}
.bas-crop-frame{position:relative;line-height:0}

.bas-crop-box{position:absolute;outline:2px solid #0866ff;
  box-shadow:0 0 0 9999px rgba(0,0,0,.25)}
.bas-crop figcaption{margin-top:4px}
.bas-phone{max-width:340px;margin:0 auto;padding:10px 10px 16px;border-radius:38px;
  background:#1c1c1e;box-shadow:0 0 0 2px #3a3a3c,0 10px 30px rgba(0,0,0,.35)}
.bas-statusbar{display:flex;justify-content:space-between;align-items:center;color:#fff;
  font-size:12px;font-weight:600;padding:4px 18px 8px}
.bas-notch{width:90px;height:20px;border-radius:12px;background:#000}
.bas-phone-screen{border-radius:26px;overflow:hidden;background:var(--bas-canvas)}
.bas-phone-screen .bas-card,.bas-phone-screen .bas-story{border-radius:0;max-width:none}
.bas-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(240px,100%),1fr));
  gap:28px 16px;align-items:start}
.bas-cell h2{font-size:15px;font-weight:700;margin:0 0 8px;padding:0;line-height:1.34;
  letter-spacing:normal;color:var(--bas-text)}
.bas-cell h2 span{font-weight:400;color:var(--bas-muted)}
.bas-root .bas-notes{list-style:none;margin:8px 0 0;padding:0;display:flex;
  flex-direction:column;gap:6px}
.bas-note{font-size:13px;padding:7px 10px;border-radius:8px;line-height:1.35}
.bas-note-error{background:#fde7e9;color:#8a1020}
.bas-note-warning{background:#fff4ce;color:#5c4400}
.bas-note-info{background:var(--bas-surface);color:var(--bas-muted)}
.bas-cell details{margin-top:6px;font-size:13px;color:var(--bas-muted)}
.bas-cell summary{cursor:pointer}
"""


# The chat header shows the whole business name (wrapped when long, never cut: the tap panel
# is a phone's width) and its status on at most two lines.
TAP_STYLES = """
.bas-qr{margin:16px auto 0;text-align:center}
.bas-qr img{display:block;margin:0 auto;background:#fff;border-radius:6px;
  image-rendering:pixelated}
.bas-qr figcaption{margin-top:6px;font-size:13px;color:var(--bas-muted)}
.bas-tap-label{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.5px;
  text-align:center;padding:6px;background:#fff3cd;color:#5c4400}
.bas-tap-label.bas-dark{background:rgba(255,255,255,.12);color:#fff}
.bas-wa{max-width:360px;margin:0 auto;border-radius:12px;overflow:hidden;display:flex;
  flex-direction:column;min-height:560px;background:#efeae2;
  box-shadow:0 1px 3px rgba(0,0,0,.25);font-size:14.5px;color:#111b21}
.bas-dark .bas-wa{background:#0b141a;color:#e9edef}
.bas-wa-head{display:flex;align-items:center;gap:6px;padding:10px 8px;background:#008069;
  color:#fff}
.bas-dark .bas-wa-head{background:#1f2c34}
.bas-wa-back img,.bas-wa-icons img{width:22px;height:22px;display:block}
[dir=rtl] .bas-wa-back img,[dir=rtl] .bas-wa-send img{transform:scaleX(-1)}
.bas-wa-icons{display:flex;gap:12px;margin-inline-start:auto;flex:none}
.bas-wa-icons .bas-glyph{width:20px;height:20px}
.bas-wa-head .bas-avatar{border:0}
.bas-wa-title{flex:1;min-width:0}
.bas-wa-name{font-weight:600;font-size:16px;line-height:1.2;overflow-wrap:anywhere}
.bas-wa-status{font-size:12px;line-height:1.25;display:flex;align-items:center;gap:4px}
.bas-wa-status .bas-verified{width:12px;height:12px;flex:none}
.bas-wa-body{flex:1;padding:12px 10px;display:flex;flex-direction:column;gap:8px;
  background-image:radial-gradient(rgba(0,0,0,.05) 1px,transparent 1px),
  radial-gradient(rgba(0,0,0,.035) 1px,transparent 1px);
  background-size:22px 22px,22px 22px;background-position:0 0,11px 11px}
.bas-wa-system{align-self:center;max-width:88%;text-align:center;font-size:12.5px;
  background:#ffeecd;color:#54656f;padding:6px 10px;border-radius:8px}
.bas-dark .bas-wa-system{background:#182229;color:#ffd279}
.bas-wa-bubble{max-width:82%;padding:6px 8px 4px;border-radius:8px;position:relative;
  box-shadow:0 1px .5px rgba(11,20,26,.13);overflow-wrap:anywhere}
.bas-wa-in{align-self:flex-start;background:#fff;border-start-start-radius:0}
.bas-dark .bas-wa-in{background:#202c33}
.bas-wa-time{float:inline-end;font-size:11px;color:#667781;margin-top:6px;
  margin-inline-start:10px}
.bas-dark .bas-wa-time{color:#8696a0}
.bas-wa-chips{display:flex;flex-direction:column;gap:6px;align-self:flex-start;max-width:82%}
.bas-wa-chip{background:#fff;color:#027eb5;border-radius:18px;padding:7px 14px;
  text-align:center;font-weight:500;box-shadow:0 1px .5px rgba(11,20,26,.13);
  overflow-wrap:anywhere}
.bas-dark .bas-wa-chip{background:#202c33;color:#53bdeb}
.bas-wa-composer{display:flex;align-items:flex-end;gap:6px;padding:8px}
.bas-wa-input{flex:1;background:#fff;border-radius:22px;padding:9px 14px;min-height:40px;
  overflow-wrap:anywhere;max-height:140px;overflow:auto}
.bas-dark .bas-wa-input{background:#2a3942}
.bas-wa-placeholder{color:#667781}
.bas-dark .bas-wa-placeholder{color:#aebac1}
.bas-wa-send{width:42px;height:42px;flex:none;border-radius:50%;background:#00a884;color:#fff;
  display:flex;align-items:center;justify-content:center}
.bas-wa-send img{width:20px;height:20px}
.bas-call{max-width:360px;min-height:560px;margin:0 auto;border-radius:12px;overflow:hidden;
  color:#fff;text-align:center;display:flex;flex-direction:column;
  background:linear-gradient(160deg,#2c3e50,#1a252f 60%,#0f1419)}
.bas-call-who{padding:40px 16px 10px;display:flex;flex-direction:column;align-items:center;
  gap:6px}
.bas-call-who .bas-avatar{width:84px;height:84px;border:0;font-size:30px}
.bas-call-name{font-size:24px;font-weight:600;overflow-wrap:anywhere}
.bas-call-number{font-size:16px;opacity:.85}
.bas-call-state{font-size:14px;opacity:.7}
.bas-call-outcome{margin:12px 20px;padding:8px 12px;border-radius:10px;font-size:13.5px;
  font-weight:600}
.bas-call-outcome.bas-open{background:rgba(37,211,102,.22);color:#b9f6ca}
.bas-call-outcome.bas-closed{background:rgba(255,82,82,.22);color:#ffcdd2}
.bas-call-keys{display:flex;justify-content:space-around;margin:auto 24px 20px}
.bas-call-key{display:flex;flex-direction:column;align-items:center;gap:6px;font-size:12px;
  opacity:.85}
.bas-call-key-dot{width:54px;height:54px;border-radius:50%;background:rgba(255,255,255,.14);
  display:flex;align-items:center;justify-content:center}
.bas-call-key-icon{width:26px;height:26px}
.bas-call-end{width:62px;height:62px;border-radius:50%;background:#ff3b30;margin:0 auto 28px;
  display:flex;align-items:center;justify-content:center}
.bas-call-end .bas-glyph{width:28px;height:28px;color:#fff;transform:rotate(135deg)}
"""


_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SELECTOR_CLASS = re.compile(r"\.(bas-[\w-]+)")
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[tuple[frozenset[str], ...], str], ...]:
    """Every rule of the shared styles, minified, with the classes each of its selectors
    needs (a rule applies when all classes of one of its comma-separated selectors are on the
    page)."""
    rules = []
    for selector, body in _RULE.findall(STYLES + PLACEMENT_STYLES + TAP_STYLES):
        selector = " ".join(selector.split())
        needs = tuple(frozenset(_SELECTOR_CLASS.findall(part)) for part in selector.split(","))
        rules.append((needs, f"{selector}{{{' '.join(body.split())}}}"))
    return tuple(rules)


@lru_cache(maxsize=32)
def used_css(markup: str) -> str:
    """The shared rules that can match something in `markup`, and no others.

    A page of previews shows a few of the placements and tap screens the styles cover;
    sending every rule with each rerun made the styles most of what the page sent.
    """
    present = {name for value in _CLASS_ATTRIBUTE.findall(markup) for name in value.split()}
    return "".join(rule for needs, rule in _rules() if any(classes <= present for classes in needs))


def page_html(body: str, theme: str = "light", extra_css: str = "") -> str:
    """Wrap preview markup with the shared styles it uses, the theme's tokens and
    `extra_css`."""
    theme = theme if theme in TOKENS else "light"
    markup = f'<div class="bas-root bas-{theme}" style="{css_variables(theme)}">{body}</div>'
    return f"<style>{used_css(markup)}{extra_css}</style>{markup}"
