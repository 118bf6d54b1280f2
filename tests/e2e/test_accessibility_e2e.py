"""Accessibility in Chromium: axe-core run on every page, held to zero serious or critical
violations in the markup the app builds itself.

axe-core is the npm package pinned in `package.json` (`npm ci` installs it into
`node_modules/`); Playwright injects it into each page and runs it on the whole document.

What is asserted:
- inside `[data-testid='stHtml']` (the `bas-` markup of `render`, `render_tap` and
  `preview_doc`: placements, chat and call screens): no serious or critical violation of any
  rule, colour contrast included, in both preview themes, with the Stories safe zones shown,
  with a Call ad and with a disabled button;
- on the whole page, the rules the app decides through what it passes to Streamlit: every
  form control has a name (our widget labels) and every image has a text alternative.

What Streamlit's own widgets get wrong is reported, not asserted: each run writes
`screenshots/accessibility-report.txt` (counts by rule, ours against Streamlit's) and
`screenshots/axe-<scene>.json` (every node) for a person to read.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from components.ui.navigation import PAGES
from tests.e2e.conftest import PAGE_READY, ROOT, SCREENSHOTS, page_url, wait_for_app

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OURS = "[data-testid='stHtml']"
SERIOUS = {"serious", "critical"}
# Rules the app controls on the whole page through the labels, alt texts and markup it passes
# to Streamlit: a failure here is ours to fix even when Streamlit draws the element.
CONTROLLED_RULES = {
    "label",
    "select-name",
    "button-name",
    "link-name",
    "input-button-name",
    "aria-input-field-name",
    "aria-toggle-field-name",
    "aria-command-name",
    "image-alt",
    "input-image-alt",
    "role-img-alt",
    "svg-img-alt",
    "object-alt",
}
# Known failures of CONTROLLED_RULES whose fix is outside the preview markup (a page file or
# the charts), keyed by (page, rule) with the fix; each is reported, and is to be deleted once
# its fix lands.
PENDING_PAGE_FIXES: dict[tuple[str, str], str] = {}

RUN_AXE = """async (ours) => {
  const result = await axe.run(document, {resultTypes: ['violations', 'incomplete']});
  const inOurs = (target) => {
    if (target.length !== 1) return false;  // inside an iframe or a shadow root
    try {
      const element = document.querySelector(target[0]);
      return Boolean(element && element.closest(ours));
    } catch (error) {
      return false;
    }
  };
  const pack = (items) => items.map((rule) => ({
    id: rule.id, impact: rule.impact, help: rule.help,
    nodes: rule.nodes.map((node) => ({
      ours: inOurs(node.target), impact: node.impact || rule.impact,
      target: node.target.join(' '), html: node.html.slice(0, 300),
      summary: (node.failureSummary || '').slice(0, 400),
    })),
  }));
  return {violations: pack(result.violations), incomplete: pack(result.incomplete)};
}"""

REPORT: dict[str, dict] = {}


@pytest.fixture(scope="module", autouse=True)
def accessibility_report():
    """Write what axe found on every scene, ours against Streamlit's, for a person to read."""
    yield
    if not REPORT:
        return
    SCREENSHOTS.mkdir(exist_ok=True)
    lines = ["axe-core violations by scene and rule (ours = inside st.html markup)", ""]
    totals: Counter = Counter()
    for scene, found in REPORT.items():
        lines.append(f"{scene}:")
        for kind in ("violations", "incomplete"):
            for rule in found[kind]:
                ours = sum(node["ours"] for node in rule["nodes"])
                theirs = len(rule["nodes"]) - ours
                totals[(kind, rule["id"], rule["impact"], "ours")] += ours
                totals[(kind, rule["id"], rule["impact"], "streamlit")] += theirs
                lines.append(
                    f"  {kind:10} {rule['id']:28} {rule['impact'] or '-':9} "
                    f"ours {ours:3}  streamlit {theirs:3}"
                )
    lines += ["", "totals over all scenes:"]
    for (kind, rule, impact, whose), count in sorted(totals.items()):
        if count:
            lines.append(f"  {kind:10} {rule:28} {impact or '-':9} {whose:9} {count}")
    pending = [f"  {scene} {rule}: {fix}" for (scene, rule), fix in PENDING_PAGE_FIXES.items()]
    lines += ["", "pending fixes outside the preview markup:", *pending]
    (SCREENSHOTS / "accessibility-report.txt").write_text("\n".join(lines) + "\n")


def run_axe(page, scene: str) -> dict:
    """Inject axe-core, run it on the whole page and keep the result for the report."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (package.json pins it).")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE, OURS)
    REPORT[scene] = found
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / f"axe-{scene}.json").write_text(json.dumps(found, indent=1))
    return found


def describe(rule: dict, nodes: list[dict]) -> str:
    return f"{rule['id']} ({rule['impact']}): {rule['help']}\n" + "\n".join(
        f"    {node['target']}\n      {node['html'][:160]}\n      {node['summary'][:300]}"
        for node in nodes
    )


def assert_accessible(page, scene: str) -> dict:
    """Our markup: no serious or critical violation. The page: no failure of a rule we control."""
    found = run_axe(page, scene)
    ours = []
    controlled = []
    for rule in found["violations"]:
        mine = [n for n in rule["nodes"] if n["ours"] and n["impact"] in SERIOUS]
        if mine:
            ours.append(describe(rule, mine))
        pending = (scene.split("-")[0], rule["id"]) in PENDING_PAGE_FIXES
        if rule["id"] in CONTROLLED_RULES and not pending:
            controlled.append(describe(rule, rule["nodes"]))
    assert not ours, f"{scene}: serious violations in our markup:\n" + "\n".join(ours)
    assert not controlled, f"{scene}: labels or text alternatives missing:\n" + "\n".join(
        controlled
    )
    return found


def open_page(page, app_url: str, path: str, ready: str | None = None) -> None:
    page.goto(f"{app_url}{path}")
    wait_for_app(page, 90_000)
    if ready:
        page.wait_for_selector(ready, timeout=90_000)
    wait_for_app(page, 90_000)


def click_and_wait(page, selector: str, text: str | None = None) -> None:
    locator = page.locator(selector, has_text=text) if text else page.locator(selector)
    locator.first.click()
    wait_for_app(page, 90_000)


PREVIEW_READY = PAGE_READY["preview"]


def test_every_page_has_a_way_to_tell_it_has_drawn():
    assert set(PAGE_READY) == set(PAGES)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page(page, app_url, name):
    """Each page of the navigation as it opens, the sample ad on it."""
    if name == "preview":
        page.set_viewport_size({"width": 1600, "height": 1100})
    open_page(page, app_url, page_url(name), PAGE_READY[name])
    if name == "targeting":
        page.wait_for_selector("[data-testid='stVegaLiteChart']", timeout=90_000)
    if name == "preview":
        page.wait_for_selector(".st-key-tap_panel .bas-wa")
    assert_accessible(page, name)


def test_compose_with_a_disabled_button(page, app_url):
    open_page(page, app_url, "/?phone=12345&region=NG", ".st-key-preview_panel .bas-cta-disabled")
    assert_accessible(page, "compose-invalid-number")


def test_preview_dark_with_safe_zones(page, app_url):
    page.set_viewport_size({"width": 1600, "height": 1100})
    open_page(page, app_url, page_url("preview"), PREVIEW_READY)
    click_and_wait(page, ".st-key-preview_safe_zones label")
    page.wait_for_selector("[data-placement=ig_story] .bas-safe-top")
    click_and_wait(page, ".st-key-preview_theme button", "Dark")
    page.wait_for_selector(".bas-root.bas-dark [data-placement=ig_story] .bas-safe-top")
    assert_accessible(page, "preview-dark-safe-zones")


def test_preview_of_a_call_ad(page, app_url):
    page.set_viewport_size({"width": 1600, "height": 1100})
    open_page(page, app_url, page_url("preview") + "?cta=call", PREVIEW_READY)
    page.wait_for_selector(".st-key-tap_panel .bas-call")
    assert_accessible(page, "preview-call")
    click_and_wait(page, ".st-key-preview_theme button", "Dark")
    page.wait_for_selector(".bas-root.bas-dark .bas-call")
    assert_accessible(page, "preview-call-dark")


def test_preview_with_a_disabled_button(page, app_url):
    page.set_viewport_size({"width": 1600, "height": 1100})
    open_page(page, app_url, page_url("preview") + "?phone=12345&region=NG", PREVIEW_READY)
    page.wait_for_selector(".st-key-placements .bas-cta-disabled")
    assert_accessible(page, "preview-invalid-number")
