"""The design tokens keep text readable: WCAG AA contrast (4.5:1) for every pair of text and
background colours the placements use, in both themes, the disabled button included.

The browser check (`tests/e2e/test_accessibility_e2e.py`, axe-core) sees only what is on
screen in one state; this one covers every token pair without a browser.
"""

import pytest

from components.render.styles import TOKENS

# (text token, background token) pairs that the CSS in components/render/styles.py puts together.
PAIRS = [
    ("text", "surface"),
    ("text", "canvas"),
    ("text", "link-row"),
    ("muted", "surface"),
    ("muted", "canvas"),
    ("muted", "link-row"),
    ("button-text", "button"),
    ("accent", "surface"),  # Instagram's button text
    ("disabled", "link-row"),  # the disabled button's label
]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", list(TOKENS))
@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_tokens_meet_aa(theme, text, background):
    tokens = TOKENS[theme]
    ratio = contrast(tokens[text], tokens[background])
    assert ratio >= 4.5, f"{theme}: {text} on {background} is {ratio:.2f}:1"
