"""Right-to-left copy in every placement and tap screen: the screen mirrors (`dir="rtl"` on
its root) and every piece of user text carries its own `dir`, as Facebook and WhatsApp do."""

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from components.campaign.model import Campaign
from components.campaign.placements import PLACEMENTS
from components.render.placements import dir_attr, placement_html, text_direction
from components.render.tap import call_screen_html, chat_screen_html
from tests.factories import make_campaign

VOID = {"img", "br", "hr", "input", "meta", "link", "source"}

ARABIC = make_campaign(
    business="عطور الياسمين",
    verified=True,
    text="عطر الياسمين الجديد وصل! اطلب الآن عبر واتساب واستلم هديتك.",
    headline="عطور شرقية أصلية",
    description="توصيل في القاهرة",
    cta="message",
    phone="0100 123 4567",
    region="EG",
    prefill="مرحبا، أريد طلب عطر الياسمين",
    greeting="أهلا بك! كيف نساعدك؟",
    replies=("الأسعار", "التوصيل"),
)
HEBREW = replace(ARABIC, business="בושם תל אביב", text="בושם חדש הגיע! הזמינו בוואטסאפ.")
URDU = replace(ARABIC, business="لاہور بیکری", text="تازہ روٹی ہر صبح! واٹس ایپ پر آرڈر کریں۔")
LATIN = replace(
    ARABIC,
    business="Cairo Scents",
    text="New jasmine perfume is here.",
    headline="Original oriental perfumes",
    description="Delivery in Cairo",
    prefill="Hello",
    greeting="Welcome!",
    replies=("Prices",),
)


class _Tree(HTMLParser):
    """For every text node: the chain of its ancestors' attributes, innermost last."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.texts: list[tuple[str, list[dict]]] = []
        self.roots: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.stack:
            self.roots.append(attrs)
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data, [attrs for _, attrs in self.stack]))


def tree(markup: str) -> _Tree:
    parsed = _Tree()
    parsed.feed(markup)
    return parsed


def is_rtl_text(text: str) -> bool:
    return text_direction(text) == "rtl"


SCREENS = {
    **{key: (lambda ad, key=key: placement_html(ad, key)) for key in PLACEMENTS},
    "chat": chat_screen_html,
    "call": call_screen_html,
}


def delivered(ad: Campaign, name: str) -> Campaign:
    """The call screen needs a Call ad; every other screen renders the Message ad."""
    return replace(ad, cta="call") if name == "call" else ad


@pytest.mark.parametrize("ad", [ARABIC, HEBREW, URDU], ids=["arabic", "hebrew", "urdu"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_rtl_copy_mirrors_the_screen_and_marks_every_text(ad, name):
    parsed = tree(SCREENS[name](delivered(ad, name)))
    root = next(attrs for attrs in parsed.roots if "class" in attrs)
    assert root.get("dir") == "rtl", (name, root)
    rtl_texts = [(text, chain) for text, chain in parsed.texts if is_rtl_text(text)]
    assert rtl_texts, name
    for text, chain in rtl_texts:
        # Below the mirrored root, the element holding the text says its own direction.
        assert any(attrs.get("dir") in ("auto", "rtl") for attrs in chain[1:]), (name, text)


@pytest.mark.parametrize("name", list(SCREENS))
def test_latin_copy_stays_left_to_right(name):
    markup = SCREENS[name](delivered(LATIN, name))
    assert 'dir="rtl"' not in markup


@pytest.mark.parametrize("name", list(SCREENS))
def test_a_latin_name_in_an_arabic_ad_reads_left_to_right(name):
    ad = delivered(replace(ARABIC, business="Yasmine Perfumes"), name)
    parsed = tree(SCREENS[name](ad))
    names = [chain for text, chain in parsed.texts if "Yasmine Perfumes" in text]
    if not names:
        # Instagram shows the handle (yasmine.perfumes) instead of the name.
        names = [chain for text, chain in parsed.texts if "yasmine.perfumes" in text]
    assert names, name
    for chain in names:
        assert chain[-1].get("dir") == "auto", (name, chain[-1])


def test_text_direction_follows_the_first_strong_letter():
    assert text_direction("123 عطر") == "rtl"
    assert text_direction("Sale! عطر") == "ltr"
    assert text_direction("", "  ", "שלום") == "rtl"
    assert text_direction("2026 — 50%") == "ltr"
    assert dir_attr(ARABIC) == ' dir="rtl"' and dir_attr(LATIN) == ""
    # Hindi and Thai are left to right.
    assert text_direction("ताज़ा रोटी") == "ltr" and text_direction("ขนมปังสด") == "ltr"
