"""HTML/JS injection through every text field, checked in Chromium.

A fixed corpus of payloads goes through the share link into every text field of the ad, and
is looked at everywhere the ad is drawn: every placement (/preview), the WhatsApp chat, the
call screen, the downloaded offline HTML file (opened from file://), the Engagement exports
(CSV, JSON) and the Campaigns export (JSON). Everywhere:

- nothing runs: no dialog (the `page` fixture fails on one), `window.__pwned` stays unset
  (every payload that could run sets it), and nothing is fetched from outside the server;
- nothing is injected: inside our markup (`[data-testid='stHtml']`) no element the payloads
  carry (script, iframe, img, a, style, svg, details, math, base, meta, link, object) appears
  beyond what the sample ad's own markup has (compared tag by tag, count by count), no
  element has an `on…` attribute, every link is a wa.me or tel: link and every image a data:
  URI;
- the text is shown as typed: each field's payload is in the page's text, exactly (primary
  text, which placements cut with "… See more", must show a prefix of what was typed).
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote, unquote, urlencode

import pytest
from playwright.sync_api import expect

from components.campaign.model import default_campaign, from_query_params
from components.render.preview_document import standalone_html
from tests.e2e.conftest import (
    SCREENSHOTS,
    page_url,
    screenshot,
    wait_for_app,
    wait_for_quiet_network,
)

PAYLOADS = [
    "<script>window.__pwned=1;alert('script')</script>",
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    '<svg onload="window.__pwned=3;alert(3)"><circle r=9></svg>',
    "javascript:window.__pwned=4;alert(4)",
    '<iframe srcdoc="<script>parent.__pwned=5;alert(5)</script>"></iframe>',
    "</style><script>window.__pwned=6;alert(6)</script><style>",
    "\"'><img src=x onerror=window.__pwned=7;alert(7)>",
    "{{7*7}} ${7*7} <%= 7*7 %> #{7*7} [[7*7]]",
    '<a href="javascript:window.__pwned=9;alert(9)">tap me</a>',
    "\\u003cscript\\u003ewindow.__pwned=10\\u003c/script\\u003e &lt;b&gt;",
    "<details open ontoggle=window.__pwned=11;alert(11)>x</details>",
    "<style>@import 'http://evil.example/x.css';</style>",
    "<link rel=stylesheet href=http://evil.example/y.css>",
    '=HYPERLINK("http://evil.example","x") @SUM(1+1)',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>",
    '<base href="http://evil.example/"><meta http-equiv=refresh content=0>',
    "[tap](javascript:alert(17)) **bold** `code` $x^2$",
]
# Tags that could only come from a payload if it were injected.
TAGS = ("script", "iframe", "img", "a", "style", "svg", "details", "math", "mglyph", "base",
        "meta", "link", "object", "embed", "table", "form", "b", "circle", "mtext")  # fmt: skip
LIMITS = {"business": 75, "headline": 255, "description": 255, "text": 2200, "prefill": 1000,
          "greeting": 1000}  # fmt: skip
PLACEMENTS = ".st-key-placements [data-testid='stHtml']"
TAP = ".st-key-tap_panel [data-testid='stHtml']"


def joined(start: int, limit: int) -> str:
    """Payloads from `start` on (wrapping), space-separated, as many as fit in `limit`."""
    value = ""
    for offset in range(len(PAYLOADS)):
        candidate = (value + " " if value else "") + PAYLOADS[(start + offset) % len(PAYLOADS)]
        if len(candidate) > limit:
            break
        value = candidate
    return value


def link_values(index: int, cta: str) -> dict[str, str]:
    """Link `index`: payload `index` in the Page name and the phone, at least three payloads
    in every other field (all of them where they fit), three quick replies. Over all links,
    every payload reaches every field."""
    values = {name: joined(index, limit) for name, limit in LIMITS.items()}
    values["business"] = PAYLOADS[index]
    values["replies"] = "|".join(PAYLOADS[(index + k) % len(PAYLOADS)] for k in range(3))
    values["cta"] = cta
    if cta == "call":
        values["phone"] = PAYLOADS[index][:64]  # not a number: the call screen shows it as typed
    return values


def preview_url(app_url: str, values: dict[str, str]) -> str:
    return f"{app_url}{page_url('preview')}?{urlencode(values, quote_via=quote)}"


def assert_nothing_ran(page) -> None:
    wait_for_quiet_network(page)  # an onerror/onload handler would have fired by now
    assert page.evaluate("() => window.__pwned === undefined")
    assert not page.dialogs


def markup_report(page, selector: str) -> dict:
    """Tag counts, `on…` attributes, links and image sources inside the matched elements."""
    return page.evaluate(
        """([selector, tags]) => {
            const roots = [...document.querySelectorAll(selector)];
            const counts = Object.fromEntries(tags.map(t => [t, 0]));
            const handlers = [], links = [], images = [], styles = [];
            for (const root of roots) {
                for (const el of root.querySelectorAll('*')) {
                    const tag = el.localName;
                    if (tag in counts) counts[tag] += 1;
                    for (const attr of el.attributes) {
                        const name = attr.name.toLowerCase();
                        if (name.startsWith('on')) handlers.push(tag + ' ' + name);
                    }
                    if (el.hasAttribute('href')) links.push(el.getAttribute('href'));
                    if (el.hasAttribute('src')) images.push(el.getAttribute('src'));
                    if (el.hasAttribute('srcdoc')) handlers.push(tag + ' srcdoc');
                    if (tag === 'style') styles.push(el.textContent);
                }
            }
            return {counts, handlers, links, images, styles, roots: roots.length};
        }""",
        [selector, list(TAGS)],
    )


def assert_nothing_injected(report: dict, baseline: dict) -> None:
    assert report["roots"] == baseline["roots"] and report["roots"] > 0
    assert report["counts"] == baseline["counts"], (report["counts"], baseline["counts"])
    assert report["handlers"] == []
    assert all(link.startswith(("https://wa.me/", "tel:+")) for link in report["links"]), report
    # Inline images, or the app's own media endpoint (the icons are served from there).
    assert all(src.startswith(("data:image/", "/media/")) for src in report["images"]), report
    for css in report["styles"]:
        assert "evil.example" not in css and "__pwned" not in css and "@import" not in css


def text_of(page, selector: str) -> str:
    return "\n".join(page.locator(selector).all_inner_texts())


def assert_primary_text_shown_as_typed(page, typed: str) -> None:
    shown = page.locator(f"{PLACEMENTS} .bas-primary").all_inner_texts()
    assert shown, "no primary text drawn"
    for text in shown:
        visible = text.replace("… See more", "").strip()
        assert visible and typed.strip().startswith(visible), (visible[:80], typed[:80])


@pytest.fixture(scope="module")
def baselines(browser, app_url):
    """Tag counts of the sample ad's own markup, for a Message ad and for a Call ad whose
    number is not valid (as in the call links, so neither has a tel: link)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    page = context.new_page()
    found = {}
    try:
        for cta, query in (("message", "cta=message"), ("call", "cta=call&phone=none")):
            page.goto(f"{app_url}{page_url('preview')}?{query}")
            wait_for_app(page, 90_000)
            page.wait_for_selector(f"{PLACEMENTS} [data-placement=reels]", timeout=90_000)
            found[cta] = {
                "grid": markup_report(page, PLACEMENTS),
                "tap": markup_report(page, TAP),
            }
    finally:
        context.close()
    return found


def open_preview(page, app_url: str, values: dict[str, str]) -> None:
    page.set_viewport_size({"width": 1500, "height": 1000})
    page.goto(preview_url(app_url, values))
    wait_for_app(page, 90_000)
    page.wait_for_selector(f"{PLACEMENTS} [data-placement=reels]", timeout=90_000)
    page.wait_for_selector(f"{TAP} .bas-{'call' if values['cta'] == 'call' else 'wa'}")
    notes = page.get_by_text("Some parts of this link could not be used")
    expect(notes, text_of(page, ".st-key-url_notes")).to_have_count(0)


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_payloads_in_every_placement_and_the_chat(page, app_url, baselines, index):
    values = link_values(index, "message")
    open_preview(page, app_url, values)
    assert_nothing_ran(page)
    assert_nothing_injected(markup_report(page, PLACEMENTS), baselines["message"]["grid"])
    assert_nothing_injected(markup_report(page, TAP), baselines["message"]["tap"])

    grid = text_of(page, PLACEMENTS)
    assert values["business"] in grid
    assert values["headline"] in text_of(page, f"{PLACEMENTS} .bas-headline")
    assert values["description"] in text_of(page, f"{PLACEMENTS} .bas-description")
    assert_primary_text_shown_as_typed(page, values["text"])
    chat = text_of(page, f"{TAP} .bas-wa")
    assert values["business"] in chat and values["greeting"] in chat
    assert values["prefill"] in chat
    for reply in values["replies"].split("|"):
        assert reply in text_of(page, f"{TAP} .bas-wa-chip")
    href = page.locator(f"{PLACEMENTS} a.bas-cta").first.get_attribute("href")
    assert (
        href.startswith("https://wa.me/")
        and unquote(href.split("?text=")[1]) == (values["prefill"])
    )
    if index == 0:
        screenshot(page, "injection-preview", full_page=True)


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_payloads_on_the_call_screen(page, app_url, baselines, index):
    values = link_values(index, "call")
    open_preview(page, app_url, values)
    assert_nothing_ran(page)
    assert_nothing_injected(markup_report(page, PLACEMENTS), baselines["call"]["grid"])
    assert_nothing_injected(markup_report(page, TAP), baselines["call"]["tap"])
    call = text_of(page, f"{TAP} .bas-call")
    assert values["business"] in call and values["phone"] in call


def _download(page, key: str):
    with page.expect_download(timeout=90_000) as info:
        page.locator(f".st-key-{key} button").click()
    return info.value


@pytest.mark.parametrize("cta", ["message", "call"])
def test_downloaded_preview_runs_nothing_offline(page, app_url, browser, tmp_path, cta):
    values = link_values(0, cta)
    values["business"] = PAYLOADS[5]  # `</style>…`: the file has its own <style> and <title>
    values["text"] = " ".join(PAYLOADS)[: LIMITS["text"]]
    open_preview(page, app_url, values)
    path = tmp_path / "ad-preview.html"
    _download(page, "download_preview").save_as(path)

    # The same document for the sample ad (same button, same number validity), for counts.
    sample, _ = from_query_params(
        {"cta": cta, **({"phone": "none"} if cta == "call" else {})}, default_campaign()
    )
    baseline_path = tmp_path / "sample-preview.html"
    baseline_path.write_text(standalone_html(sample), encoding="utf-8")

    offline = browser.new_context(offline=True)
    dialogs, external = [], []
    try:
        viewer = offline.new_page()
        viewer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        viewer.on("request", lambda r: external.append(r.url) if r.url.startswith("http") else 0)
        viewer.goto(baseline_path.as_uri())
        baseline = markup_report(viewer, "html")
        viewer.goto(path.as_uri())
        # Every image has loaded or failed (its onload/onerror run) before the load event.
        viewer.wait_for_load_state("load")
        assert viewer.evaluate("() => window.__pwned === undefined")
        report = markup_report(viewer, "html")
        assert report["counts"] == baseline["counts"], (report["counts"], baseline["counts"])
        assert report["handlers"] == []
        assert report["counts"]["script"] == report["counts"]["iframe"] == 0
        expect(viewer.locator("head meta")).to_have_count(3)  # charset, CSP, viewport
        assert all(link.startswith(("https://wa.me/", "tel:+")) for link in report["links"])
        assert all(src.startswith("data:image/") for src in report["images"])
        for css in report["styles"]:
            assert "evil.example" not in css and "__pwned" not in css
        text = viewer.locator("body").inner_text()
        assert values["business"] in text and values["headline"] in text
        assert values["business"] in viewer.title()
        if cta == "message":
            assert values["prefill"] in text and values["greeting"] in text
        else:
            assert values["phone"] in text
        SCREENSHOTS.mkdir(exist_ok=True)
        viewer.screenshot(path=str(SCREENSHOTS / f"injection-download-{cta}.png"))
    finally:
        offline.close()
    assert dialogs == [] and external == []


def test_exports_hold_the_text_as_data(page, app_url, browser, tmp_path):
    values = link_values(13, "message")  # business `=HYPERLINK(…)`: a spreadsheet formula
    values["text"] = " ".join(PAYLOADS)[: LIMITS["text"]]
    page.goto(f"{app_url}{page_url('engagement')}?{urlencode(values, quote_via=quote)}")
    wait_for_app(page, 90_000)
    page.wait_for_selector(".st-key-eng_export button", timeout=90_000)
    assert_nothing_ran(page)
    page.get_by_role("button", name="Export").click()  # the downloads are in a dialog
    page.wait_for_selector(".st-key-download_csv button")

    rows = list(csv.reader(io.StringIO(_download(page, "download_csv").path().read_text())))
    assert rows[0][:3] == ["date", "country", "result"] and len(rows) > 1
    for row in rows:
        for cell in row:
            # No cell a spreadsheet would run as a formula, nothing of the payloads.
            assert not cell.startswith(("=", "+", "@")), cell
            assert "<" not in cell and "evil" not in cell
    summary = json.loads(_download(page, "download_json").path().read_bytes())
    assert summary["business"] == values["business"]
    page.locator("[data-testid='stDialog']").get_by_role("button", name="Close").click()
    page.wait_for_selector("[data-testid='stDialog']", state="detached")

    page.locator("[data-testid='stSidebarNav']").get_by_text("Campaigns", exact=True).click()
    wait_for_app(page, 90_000)
    path = tmp_path / "campaign.json"
    _download(page, "export_json").save_as(path)
    exported = json.loads(path.read_bytes())
    for name in (*LIMITS, "phone"):
        if name in values:
            assert exported[name] == values[name], name
    assert exported["replies"] == values["replies"].split("|")

    viewer = browser.new_context(offline=True).new_page()
    dialogs = []
    viewer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        viewer.goto(path.as_uri())  # returns after the load event: any handler has run
        assert viewer.evaluate("() => window.__pwned === undefined")
        expect(viewer.locator("script, img, iframe, svg")).to_have_count(0)
        # Shown as the JSON text it is (quotes escaped the JSON way).
        shown = viewer.locator("body").inner_text()
        assert json.dumps(values["business"], ensure_ascii=False) in shown
    finally:
        viewer.context.close()
    assert dialogs == []


def test_the_checks_catch_a_missing_escape(browser, tmp_path, monkeypatch):
    """Control: with escaping switched off, the same checks see the injected markup (read with
    JavaScript disabled, so nothing of it runs)."""
    import components.render.placements
    import components.render.preview_document
    import components.render.tap

    sample, _ = from_query_params({"cta": "message"}, default_campaign())
    hostile, _ = from_query_params(link_values(0, "message"), default_campaign())
    baseline_html = standalone_html(sample)
    for module in (
        components.render.placements,
        components.render.tap,
        components.render.preview_document,
    ):
        monkeypatch.setattr(module, "esc", str)
    unescaped = standalone_html(hostile)
    context = browser.new_context(java_script_enabled=False, offline=True)
    try:
        viewer = context.new_page()
        reports = []
        for name, document in (("sample", baseline_html), ("unescaped", unescaped)):
            path = tmp_path / f"{name}.html"
            path.write_text(document, encoding="utf-8")
            viewer.goto(path.as_uri())
            reports.append(markup_report(viewer, "html"))
    finally:
        context.close()
    baseline, report = reports
    assert report["handlers"], "the unescaped payloads' handlers were not seen"
    assert report["counts"] != baseline["counts"]
    with pytest.raises(AssertionError):
        assert_nothing_injected({**report, "roots": 1}, {**baseline, "roots": 1})


# ---- Markdown from users in the app's own text (issue 16, item 3) ------------------------

MARKDOWN_PAYLOADS = [
    "![x](http://evil.example/p.png)",
    "[Sign in again](http://evil.example)",
    "http://evil.example/x",
    ":orange[x]",
    "<img src=x>",
]


def assert_markdown_inert(page) -> None:
    """Nothing in the app's messages, captions and lists is an image, a link or colour made
    of the payloads, and each payload reads as typed."""
    found = page.evaluate(
        """() => [...document.querySelectorAll(
                "[data-testid='stMain'] [data-testid='stMarkdownContainer'],"
                + "[data-testid='stMain'] [data-testid='stText']")]
            .flatMap(root => [...root.querySelectorAll('img, a, span[style*=color]')])
            .map(el => el.outerHTML)"""
    )
    assert found == [], found
    text = page.locator("[data-testid='stMain']").inner_text()
    for payload in MARKDOWN_PAYLOADS:
        assert payload in text, payload


def test_markdown_payloads_in_banners_lists_and_errors_request_nothing(page, app_url, tmp_path):
    """A draft named with every payload (its Saved banner, Working on caption and list row),
    a campaign file quoting one (the refusal), and a share link quoting them (the notes): all
    shown as typed; the `page` fixture fails if anything was fetched from evil.example."""
    name = " ".join(MARKDOWN_PAYLOADS)
    link = {"region": MARKDOWN_PAYLOADS[0], "tz": MARKDOWN_PAYLOADS[1], "cta": MARKDOWN_PAYLOADS[2],
            "scenario": MARKDOWN_PAYLOADS[3], "currency": MARKDOWN_PAYLOADS[4]}  # fmt: skip
    page.goto(f"{app_url}{page_url('campaigns')}?{urlencode(link, quote_via=quote)}")
    wait_for_app(page, 90_000)
    notes = page.locator(".st-key-url_notes")
    assert "Some parts of this link could not be used" in notes.inner_text()
    for payload in MARKDOWN_PAYLOADS:
        assert payload[:23] in notes.inner_text(), payload  # the notes shorten long values
    page.locator(".st-key-draft_name input").fill(name)
    page.locator(".st-key-draft_name input").press("Tab")
    wait_for_app(page, 90_000)
    page.locator(".st-key-draft_save button").click()
    page.wait_for_selector("text=version 1.", timeout=90_000)
    wait_for_app(page, 90_000)
    expect(page.get_by_text(f"Saved {name}, version 1.")).to_have_count(1)
    expect(page.get_by_text(f"Working on {name}, version 1.")).to_have_count(1)
    expect(page.locator("[data-testid='stText']", has_text=name)).to_have_count(1)  # list row
    assert_markdown_inert(page)

    record = json.loads(_download(page, "export_json").path().read_bytes())
    record["hours"]["timezone"] = MARKDOWN_PAYLOADS[1]
    path = tmp_path / f"{MARKDOWN_PAYLOADS[0]}.json".replace("/", "_")
    path.write_text(json.dumps(record))
    page.locator(".st-key-import_file input[type=file]").set_input_files(path)
    page.wait_for_selector("text=was not imported", timeout=90_000)
    wait_for_app(page, 90_000)
    refusal = page.get_by_text("was not imported").inner_text()
    assert f"Unknown time zone {MARKDOWN_PAYLOADS[1]}" in refusal, refusal
    assert_markdown_inert(page)
    wait_for_quiet_network(page)  # an image would have been requested by now
    screenshot(page, "injection-markdown-campaigns", full_page=True)


def test_a_phone_extension_is_dialled_and_shown(page, app_url):
    """Issue 16, item 5: the Call button dials the extension (RFC 3966 `;ext=`) and the call
    screen shows it; nothing of it is dropped."""
    query = urlencode({"cta": "call", "phone": "+44 20 7031 3000 ext. 5"}, quote_via=quote)
    page.goto(f"{app_url}{page_url('preview')}?{query}")
    wait_for_app(page, 90_000)
    page.wait_for_selector(f"{TAP} .bas-call", timeout=90_000)
    hrefs = {a.get_attribute("href") for a in page.locator(f"{PLACEMENTS} a.bas-cta").all()}
    assert hrefs == {"tel:+442070313000;ext=5"}, hrefs
    assert "+44 20 7031 3000 ext. 5" in text_of(page, f"{TAP} .bas-call")
