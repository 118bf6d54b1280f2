"""The Walkthrough page (`app_pages/walkthrough.py` runs `walkthrough_page`).

Walkthrough: tell the story of the WhatsApp button to a prospect, in six steps.

- start from a sample business, then make it the prospect's (name, number, a line of copy);
- a guided tour: compose → placements → the tap → where it runs → the forecast → Message
  vs Call, with Back/Next (also ← and →), a step indicator and a presenter note per step;
- presentation mode hides the sidebar and the controls and enlarges everything;
- the rollout story: the launch wave, then Europe, on the map with reach and results.
"""

from dataclasses import replace

import streamlit as st

from components import ASSETS
from components.campaign.model import Campaign
from components.campaign.phone import button_link
from components.forecast import summary
from components.render.compose_panel import compose_panel_html, one_line
from components.render.preview_document import placements_grid_html
from components.render.qr import TOO_LONG, qr_png
from components.render.tap import tap_panel_html
from components.ui import headline_metric_row, sample_and_prospect, tour_navigation
from components.ui.forecast import chart_view
from components.ui.forecast_cache import cached_forecast, cached_headline, cached_view
from components.ui.media import media_url, served_rollout_map
from components.ui.session import current_campaign
from components.ui.walkthrough_steps import STEPS, rollout_steps, step_index, tour_scenario
from components.world.money import display_currency
from components.world.targeting import format_range


def forecast_ad(ad: Campaign) -> Campaign | None:
    """The ad the forecast and Message-vs-Call steps simulate: in Europe's rollout (said on
    screen) when nothing runs in its countries at launch; None (said too) when nothing runs
    in them either way, where every figure would be zero and each button "wins" half."""
    scenario = tour_scenario(ad.countries, ad.scenario)
    if scenario is None:
        st.warning(
            "The button runs in none of these countries, at launch or once Europe "
            "launches: there is nothing to forecast. Add countries on the Targeting "
            "page.",
            icon=":material/block:",
        )
        return None
    if scenario != ad.scenario:
        st.info(
            "Nothing runs in these countries at launch: this is the forecast once Europe launches.",
            icon=":material/public:",
        )
    return replace(ad, scenario=scenario)


PRESENTATION_CSS = ASSETS / "presentation.css"
# Session keys: presentation mode on, and the presenter's notes shown during it.
PRESENTING_KEY = "wt_present"
NOTES_KEY = "wt_notes"
# Chart text on a projector, in px (the charts' own theme is for a laptop screen).
PROJECTED_FONTS = {"label": 15, "title": 17}
# Vega-Lite's "fit" counts the axes and the legend in the height: 380 px leaves a plot a room can
# read (the Message-vs-Call curves were under 100 px high at 260).
PROJECTED_MIN_HEIGHT = 380


def _toggle_notes() -> None:
    st.session_state[NOTES_KEY] = not st.session_state.get(NOTES_KEY, False)


def presenter_note(note: str, presenting: bool) -> None:
    """The presenter's note for this step: under the title while preparing; in presentation
    mode absent from the screen the audience sees until the presenter shows it (N)."""
    if not presenting:
        st.caption(f"Presenter: {note}")
    elif st.session_state.get(NOTES_KEY, False):
        with st.container(key="wt_presenter_note", border=True):
            st.caption(f"Presenter (N hides this): {note}")


def projected(spec: dict, presenting: bool) -> dict:
    """A chart's Vega-Lite spec with axis, legend and title text sized for a projector when
    presenting (the spec itself when not)."""
    if not presenting:
        return spec
    config = dict(spec.get("config") or {})
    label, title = PROJECTED_FONTS["label"], PROJECTED_FONTS["title"]
    for part, sizes in (
        ("axis", {"labelFontSize": label, "titleFontSize": title}),
        ("legend", {"labelFontSize": label, "titleFontSize": title}),
        ("header", {"labelFontSize": label, "titleFontSize": title}),
        ("title", {"fontSize": title + 3}),
        ("text", {"fontSize": label}),
    ):
        config[part] = {**(config.get(part) or {}), **sizes}
    scaled = {**spec, "config": config}
    # A chart drawn short for a laptop page is hard to read from the back of a room.
    if isinstance(spec.get("height"), (int, float)):
        scaled["height"] = max(spec["height"], PROJECTED_MIN_HEIGHT)
    return scaled


def walkthrough_page() -> None:
    """Walkthrough: tell the story of the WhatsApp button to a prospect, in six steps."""
    ad = current_campaign()
    presenting = st.session_state.get(PRESENTING_KEY, False)
    if presenting:
        st.html(PRESENTATION_CSS)
    else:
        st.title("Walkthrough", anchor=False)
        sample_and_prospect()
    with st.container(horizontal=True, vertical_alignment="center", key="wt_modes"):
        st.toggle(
            "Presentation mode",
            key=PRESENTING_KEY,
            help="For a projector: hides the sidebar, the controls and the presenter notes, "
            "and enlarges the type and the charts.",
        )
        if presenting:
            shown = st.session_state.get(NOTES_KEY, False)
            st.button(
                "Hide notes" if shown else "Notes",
                key="wt_notes_button",
                on_click=_toggle_notes,
                shortcut="N",
                type="tertiary",
                icon=":material/speaker_notes:",
                help="Shows the presenter's note for this step on screen (the audience sees "
                "it too); N shows and hides it.",
            )

    position = step_index(st.session_state.setdefault("wt_step", STEPS[0].key))
    step = STEPS[position]
    tour_navigation(position)
    st.header(step.title, anchor=False)
    presenter_note(step.note_for(ad.cta), presenting)
    currency = display_currency(ad)[0]

    with st.container(key="wt_stage"):
        if step.key == "compose":
            st.html(compose_panel_html(ad, media_url))
        elif step.key == "placements":
            st.html(one_line(placements_grid_html(ad, "light", True, False, media_url)))
        elif step.key == "tap":
            cols = st.columns([3, 2])
            cols[0].html(one_line(tap_panel_html(ad, image_url=media_url)))
            link = button_link(ad.phone_check, ad.cta, ad.prefill)
            code = qr_png(link) if link else None
            if code:
                cols[1].image(
                    code,
                    caption="Scan to try the real button",
                    width=260,
                    alt="QR code of the button's link",
                )
            elif link:
                cols[1].caption(TOO_LONG)
        elif step.key == "rollout":
            rollout = rollout_steps(ad.countries)
            chosen = st.segmented_control(
                "Rollout",
                options=[s.scenario for s in rollout],
                key="wt_rollout",
                format_func={s.scenario: s.label for s in rollout}.get,
                default="launch",
                required=True,
                label_visibility="collapsed",
            )
            current = next(s for s in rollout if s.scenario == chosen)
            results = summary(cached_forecast(replace(ad, scenario=current.scenario)))
            # On a projector the figures stand beside the map, which fills the rest of the
            # width at the height the screen leaves (the page's CSS sizes its box); on a
            # laptop they stand in a row above it.
            figures, place = st.columns([1, 4], gap="large") if presenting else (st, st)
            # A grid, not columns: two a row on a phone (the shell's CSS), not one.
            row = figures.container() if presenting else st.grid(3, key="wt_rollout_figures")
            cells = [row] * 3
            cells[0].metric("Countries where the button runs", current.world_countries)
            reach = format_range(*current.audience) if current.targets_delivering else "Not yet"
            cells[1].metric("Your targets' audience", reach)
            label = "Calls" if ad.cta == "call" else "Conversations started"
            cells[2].metric(f"{label} (simulated median)", f"{results[label].p50:,.0f}")
            with place.container(key="wt_map"):
                st.vega_lite_chart(
                    projected(served_rollout_map(current.scenario, ad.countries), presenting),
                    width="stretch",
                    height="stretch" if presenting else "content",
                )
        elif step.key == "forecast":
            shown = forecast_ad(ad)
            if shown is not None:
                # The Engagement page's own cached figures and view: built once per forecast,
                # not on every rerun of the step.
                headline_metric_row(cached_headline(shown, currency))
                view = cached_view(shown, "daily", "conversations", currency)
                specs = tuple(projected(spec, presenting) for spec in view.specs)
                chart_view(replace(view, specs=specs))
        else:
            shown = forecast_ad(ad)
            if shown is not None:
                view = cached_view(shown, "ab", "", currency)
                specs = tuple(projected(spec, presenting) for spec in view.specs)
                chart_view(replace(view, specs=specs))

    if not presenting:
        st.caption(
            "Keys: ← Back · → Next · N presenter notes (in presentation mode). Forecasts are "
            "simulated, not Meta's predictions."
        )
