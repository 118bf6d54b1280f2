"""The shared styles: each preview carries the rules it can use, and only those."""

import re

from components.campaign.samples import load_samples
from components.render.placements import placement_html
from components.render.styles import PLACEMENT_STYLES, STYLES, TAP_STYLES, page_html, used_css
from components.render.tap import chat_screen_html

AD = next(iter(load_samples().values())).ad


def selectors(css: str) -> set[str]:
    return {" ".join(selector.split()) for selector in re.findall(r"([^{}]+)\{", css)}


def test_a_feed_card_gets_its_rules_and_no_tap_screen_rules():
    css = used_css(page_html(placement_html(AD, "fb_feed_mobile")))
    kept = selectors(css)
    assert {".bas-card", ".bas-cta", ".bas-root *"} <= kept
    assert not any(".bas-wa-" in selector for selector in kept)  # the chat screen's
    assert len(css) < len(STYLES + PLACEMENT_STYLES + TAP_STYLES) / 2


def test_a_rule_needs_every_class_of_one_of_its_selectors():
    alone = used_css('<div class="bas-call-end"></div>')
    assert ".bas-call-end{" in alone and ".bas-glyph" not in alone
    markup = '<div class="bas-call-end"><img class="bas-glyph"></div>'
    assert ".bas-call-end .bas-glyph{" in used_css(markup)
    assert ".bas-call-end .bas-glyph{" not in used_css('<img class="bas-glyph">')


def test_every_rule_a_page_uses_is_there():
    """Every shared selector whose classes all appear in the chat screen is kept."""
    markup = page_html(chat_screen_html(AD))
    present = {c for value in re.findall(r'class="([^"]*)"', markup) for c in value.split()}
    shown = selectors(markup.split("</style>")[0].removeprefix("<style>"))
    for selector in selectors(STYLES + PLACEMENT_STYLES + TAP_STYLES):
        for part in selector.split(","):
            if set(re.findall(r"\.(bas-[\w-]+)", part)) <= present:
                assert selector in shown, selector
                break
