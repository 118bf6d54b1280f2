"""Every place the app shows a user's string in Streamlit text, walked with Markdown payloads
(issue 16, item 3): each one must show the payload as typed, never as an image, a link, a
colour or HTML.

A sink is a way to get a payload onto the page (name a draft with it, import a file that
holds it, open a link with it …) and the elements it lands in. What "shown literally" means,
checked on the Markdown source Streamlit receives (the element's value):

- in an `st.text` element: the value is the string itself (Streamlit reads no Markdown there);
- in any Markdown body: outside code spans, nothing of the payload is left (no `](`, no `![`,
  no `:orange[`, no `<img`, no `evil.example`, which GitHub-flavoured Markdown would link even
  bare), and the payload, or the start of it where the message shortens a long value, sits
  inside a code span.

The browser half (tests/e2e/test_injection_e2e.py) checks the same payloads drawn in Chromium
request nothing from evil.example. `test_the_check_sees_markdown_that_is_not_quoted` is the
control: the same check refuses the messages as they were written before.
"""

from __future__ import annotations

import json
import re
import uuid

import pytest
from streamlit.testing.v1 import AppTest

from components.campaign.campaign_file import campaign_to_dict
from components.campaign.quoting import markdown_code, markdown_text
from components.ui.navigation import PAGES as APP_PAGES
from components.ui.navigation import page_path
from tests.factories import full_campaign
from tests.ui.conftest import assert_clean, run_app
from tests.ui.test_campaigns_page import save_as

CAMPAIGNS = page_path("campaigns")
PAYLOADS = {
    "image": "![x](http://evil.example/p.png)",
    "link": "[Sign in again](http://evil.example)",
    "colour": ":orange[x]",
    "bare-url": "http://evil.example/x",
    "html": "<img src=x>",
}
# What must never be left outside a code span once the payload is drawn.
ACTIVE = ("](", "![", ":orange[", "<img", "evil.example")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


def code_spans(body: str) -> list[str]:
    """The contents of a Markdown body's code spans (CommonMark's one space trimmed)."""
    spans = []
    for match in _CODE_SPAN.finditer(body):
        content = match.group(2)
        if len(content) > 1 and content.startswith(" ") and content.endswith(" "):
            content = content[1:-1]
        spans.append(content)
    return spans


def outside_code(body: str) -> str:
    """The body without its code spans, escapes read (`evil\\.example` is still a bare URL
    that GitHub-flavoured Markdown links)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", _CODE_SPAN.sub("", body))


def assert_inert(body: str) -> None:
    """Nothing a payload could do in Markdown is left outside the body's code spans."""
    left = outside_code(body)
    for active in ACTIVE:
        assert active not in left, (active, body)


def quotes(body: str, payload: str) -> bool:
    """Whether `body` shows `payload` (or its start, where a message shortens it) as code."""
    return any(
        payload in span or (len(span) > 4 and payload.startswith(span.rstrip("…")))
        for span in code_spans(body)
    )


def assert_literal(body: str, payload: str) -> None:
    """`payload` (or its start) is in `body`, and only as code."""
    assert_inert(body)
    assert quotes(body, payload), f"the payload is not shown as a code span: {body!r}"


def bodies(at: AppTest) -> list[str]:
    """The Markdown source of everything on the page that renders Markdown."""
    kinds = ("markdown", "caption", "success", "info", "warning", "error", "toast")
    return [element.value for kind in kinds for element in getattr(at, kind, [])]


def shown(at: AppTest, payload: str) -> list[str]:
    """Every Markdown body on the page (all must be inert), checked here, and those that
    quote the payload, returned (each sink must have some)."""
    every = bodies(at)
    for body in every:
        assert_inert(body)
    return [body for body in every if quotes(body, payload)]


def campaign_file(**changes) -> bytes:
    record = campaign_to_dict(full_campaign())
    record.update(changes)
    return json.dumps(record).encode()


def import_file(at: AppTest, name: str, raw: bytes) -> AppTest:
    (uploader,) = [u for u in at.get("file_uploader") if u.key.startswith("import_file_")]
    uploader.set_value((name, raw, "application/json")).run()
    assert_clean(at)
    return at


# ---- the sinks: each puts the payload on a page and returns the bodies that show it ------


def saved_banner_and_working_caption(payload: str) -> list[str]:
    at = run_app(CAMPAIGNS)
    name = f"{payload} {uuid.uuid4().hex[:6]}"
    save_as(at, name)
    texts = [t.value for t in at.text]
    assert name in texts  # the drafts list: the name as plain text, exactly
    return starting(shown(at, payload), "Saved ", "Working on ")


def opened_and_renamed_banners(payload: str) -> list[str]:
    at = run_app(CAMPAIGNS)
    draft = save_as(at, f"plain {uuid.uuid4().hex[:6]}")
    at.text_input(key=f"rename_{draft.id}").input(payload).run()
    at.button(key=f"do_rename_{draft.id}").click().run()
    assert_clean(at)
    renamed = shown(at, payload)
    assert payload in [t.value for t in at.text]
    at.button(key=f"open_{draft.id}").click().run()
    assert_clean(at)
    return starting(renamed + shown(at, payload), "Renamed to ", "Opened ")


def deleted_row_and_search(payload: str) -> list[str]:
    at = run_app(CAMPAIGNS)
    draft = save_as(at, f"{payload} {uuid.uuid4().hex[:6]}")
    at.button(key=f"del_{draft.id}").click().run()
    assert_clean(at)
    found = shown(at, payload)  # the "Recently deleted" row
    at.text_input(key="drafts_search").input(f"{payload} no such draft").run()
    assert_clean(at)
    return starting(found + shown(at, payload), "~~", "No draft's name contains ")


def import_errors_quoting_the_file(payload: str) -> list[str]:
    """A value from the file quoted back: time zone, region, start date, a country, a key
    given twice; and the file's name, in the refusal and on success."""
    at = run_app(CAMPAIGNS)
    found = []
    cases = {
        "hours": {"timezone": payload, "weekly": {}},
        "region": payload,
        "start": payload,
        "countries": [payload],
    }
    for field, value in cases.items():
        import_file(at, f"{payload}.json", campaign_file(**{field: value}))
        (refusal,) = [e.value for e in at.error if "was not imported" in e.value]
        # The file's name and the value from the file: two code spans.
        assert len([span for span in code_spans(refusal) if quotes(f"`{span}`", payload)]) >= 2
        found += shown(at, payload)
    twice = campaign_file()[:-1] + f', "{payload}": 1, "{payload}": 2}}'.encode()
    import_file(at, "twice.json", twice)
    found += shown(at, payload)
    import_file(at, f"{payload}.json", campaign_file())
    return starting(found + shown(at, payload), "Imported ")


def upload_refusal_under_the_image(payload: str) -> list[str]:
    from tests.ui.test_compose_page import section

    at = section(run_app(), "images")
    (uploader,) = [u for u in at.get("file_uploader") if u.key.startswith("ad_image_upload_")]
    uploader.set_value((f"{payload}.png", b"not a picture", "image/png")).run()
    assert_clean(at)
    return starting(shown(at, payload), f"{markdown_code(payload + '.png')} was not used")


def share_link_notes(payload: str) -> list[str]:
    names = ("region", "tz", "cta", "scenario", "currency", "start", "city", "countries")
    at = run_app(None, {name: payload for name in names})
    assert_clean(at)
    (notes,) = [w.value for w in at.warning if "could not be used" in w.value]
    lines = [line for line in notes.splitlines() if line.startswith("- ")]
    assert len(lines) == len(names), notes
    for line in lines:
        assert_literal(line, payload)
    return lines


def starting(found: list[str], *prefixes: str) -> list[str]:
    """`found`, after checking a body starts with each of `prefixes` (each message is there)."""
    for prefix in prefixes:
        assert any(body.startswith(prefix) for body in found), (prefix, found)
    return found


SINKS = {
    "saved banner, working-on caption, drafts list": saved_banner_and_working_caption,
    "renamed and opened banners": opened_and_renamed_banners,
    "deleted row, empty search": deleted_row_and_search,
    "import errors and file names": import_errors_quoting_the_file,
    "image upload refusal": upload_refusal_under_the_image,
    "share-link notes": share_link_notes,
}


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
@pytest.mark.parametrize("sink", list(SINKS))
def test_every_sink_shows_markdown_payloads_as_typed(sink, payload):
    found = SINKS[sink](payload)
    assert found, f"{sink}: the payload was not shown anywhere"
    for body in found:
        assert_literal(body, payload)


def test_the_check_sees_markdown_that_is_not_quoted():
    """Control: the messages as they were written before (quotes, `markdown_text`) fail."""
    for payload in PAYLOADS.values():
        for unquoted in (f"Saved “{payload}”, version 1.", f"**{markdown_text(payload)}**"):
            with pytest.raises(AssertionError):
                assert_literal(unquoted, payload)
        assert_literal(f"Saved {markdown_code(payload)}, version 1.", payload)


# ---- labels and accessible names --------------------------------------------------------

# Every page of the app; None is the first run's (Compose).
PAGES = [None if not entry.url_path else entry.path for entry in APP_PAGES.values()]
# Markdown a label would render, whose source would then be the field's accessible name
# (":orange[Headline · 46/40]" was one).
_LABEL_MARKDOWN = re.compile(r":[a-z]+\[|\*\*|\]\(|`|~~|\$")


def labels(at: AppTest) -> list[str]:
    """Every label on the page: widgets', expanders', tabs', metrics', and the live text
    fields' (sent as data)."""
    found, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        label = getattr(proto, "label", None) if proto is not None else None
        if isinstance(label, str) and label:
            found.append(label)
    for element in at.get("bidi_component"):
        data = json.loads(element.proto.json or "{}")
        if isinstance(data.get("label"), str):
            found.append(data["label"])
    return found


@pytest.mark.parametrize("page", PAGES)
def test_no_label_holds_markdown_even_with_a_hostile_link(page):
    hostile = " ".join(PAYLOADS.values())
    at = run_app(page, {"business": hostile[:75], "headline": hostile, "text": hostile * 30})
    assert_clean(at)
    found = labels(at)
    assert len(found) > 3, found  # the walk reaches the page's widgets
    for label in found:
        assert not _LABEL_MARKDOWN.search(label), label
        assert "evil.example" not in label, label
