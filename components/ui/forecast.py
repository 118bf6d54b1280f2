"""The Engagement page's controls: campaign settings and the headline figures."""

from __future__ import annotations

import time
from dataclasses import replace

import streamlit as st

from components import ASSETS
from components.campaign.fields import FIELDS
from components.campaign.model import Campaign
from components.forecast import HeadlineMetric, SimulationResult, default_start
from components.render.charts import presentation_spec
from components.render.forecast_views import ChartView
from components.ui.budget import daily_budget_input
from components.ui.forecast_cache import cached_forecast, forecast_is_cached
from components.ui.session import current_campaign, record_edit
from components.world.money import (
    currency_label,
    currency_options,
    currency_region,
    display_currency,
    format_money,
)

METRICS_CSS = ASSETS / "metrics.css"
CHARTS_CSS = ASSETS / "charts.css"
REPLY_TIMES = {1: "1 minute", 5: "5 minutes", 15: "15 minutes", 30: "30 minutes",
               60: "1 hour", 240: "4 hours", 1440: "1 day"}  # fmt: skip
RUN_COUNTS = (100, 250, 500, 1000, 2000)


def _reply_option(minutes: float) -> float:
    """The reply time as the selectbox holds it: a listed one as its key, any other as is
    (a shared link's 7 minutes stays 7, never snapped to 5)."""
    whole = int(minutes) if float(minutes).is_integer() else float(minutes)
    return whole


def reply_options(current: float) -> list[float]:
    """The listed reply times, with the ad's own among them in order when it is not listed."""
    own = _reply_option(current)
    return sorted({*REPLY_TIMES, own})


def reply_label(minutes: float) -> str:
    """'15 minutes', or '7 minutes' / '90 minutes' for a time the list does not hold."""
    if minutes in REPLY_TIMES:
        return REPLY_TIMES[minutes]
    return f"{minutes:g} minute{'s' if minutes != 1 else ''}"


# The settings a person changes while reading the forecast are on the page; the rest (start,
# currency, business-hours scheduling, runs, seed) wait in a dialog, so each rerun draws fewer
# widgets.
PAGE_SETTINGS = ("eng_days", "eng_reply")  # the budget seeds itself (widgets.budget)
DIALOG_SETTINGS = ("eng_start", "eng_currency", "eng_schedule", "eng_runs", "eng_seed")
APPLIED_KEY = "eng_applied"


def _setting_values(ad: Campaign) -> dict[str, object]:
    """The ad's forecast settings as the settings widgets' values, by key."""
    return {
        "eng_budget": float(ad.budget),
        "eng_days": int(ad.days),
        "eng_reply": _reply_option(ad.reply_minutes),
        "eng_currency": display_currency(ad)[0],
        "eng_start": ad.start or default_start(),
        "eng_schedule": ad.schedule_hours,
        "eng_runs": int(ad.runs),
        "eng_seed": int(ad.seed),
    }


def forecast_settings(ad: Campaign) -> Campaign:
    """Budget, length and reply time on the page; start, currency, scheduling, runs and seed
    behind "More settings". Returns the ad with the page's settings applied."""
    state = st.session_state
    state.pop(APPLIED_KEY, None)  # the page is drawn: the dialog's Apply has done its work
    values = _setting_values(ad)
    for name in PAGE_SETTINGS:
        state.setdefault(name, values[name])
    with st.container(
        border=True, horizontal=True, vertical_alignment="bottom", key="forecast_settings"
    ):
        budget = daily_budget_input(ad, "eng_budget")  # in the display currency
        st.number_input("Days", min_value=1, max_value=FIELDS["days"].high, step=1, key="eng_days")
        st.selectbox(
            "Reply time", options=reply_options(ad.reply_minutes), format_func=reply_label,
            key="eng_reply", help="How fast the business answers a new chat or returns a "
            "missed call. Replying in 5 "
            "minutes makes a lead about 21× likelier to qualify than in 30.",
        )  # fmt: skip
        more = st.button(
            "More settings", icon=":material/tune:", key="eng_more",
            help="Start date, currency, business-hours scheduling, simulated runs and seed.",
        )  # fmt: skip
    ad = replace(
        ad,
        budget=budget,
        days=int(state["eng_days"]),
        reply_minutes=float(state["eng_reply"]),
    )
    if more:
        for name in DIALOG_SETTINGS:  # the dialog opens on what the ad holds
            state[name] = values[name]
        _more_settings(ad)
    return ad


@st.dialog("More settings")
def _more_settings(ad: Campaign) -> None:
    state = st.session_state
    st.date_input("Start", key="eng_start", format="DD/MM/YYYY")
    st.selectbox(
        "Money in",
        options=currency_options(currency_region(ad)),
        format_func=currency_label,
        key="eng_currency",
        help="Figures are simulated in US dollars and shown in this currency.",
    )
    st.toggle(
        "Run the Call ad only in business hours", key="eng_schedule",
        disabled=ad.cta != "call",
        help="Meta's test: call ads run only in business hours got 25.4% more calls. "
        "For Call ads; set the hours on the Preview page.",
    )  # fmt: skip
    st.selectbox(
        "Simulated runs", options=sorted({*RUN_COUNTS, int(ad.runs)}), key="eng_runs",
        help="More runs give steadier bands and take longer.",
    )  # fmt: skip
    st.number_input(
        "Seed", min_value=0, max_value=FIELDS["seed"].high, step=1, key="eng_seed",
        help="The same seed and inputs give the same forecast.",
    )  # fmt: skip
    st.button("Apply", type="primary", key="eng_apply", icon=":material/check:",
              on_click=_apply_more_settings)  # fmt: skip
    if state.pop(APPLIED_KEY, False):
        st.rerun()  # closes the dialog and redraws the page with the new settings


def _apply_more_settings() -> None:
    # A callback, so the values land even when the click's rerun does not draw the dialog.
    state = st.session_state
    start = state["eng_start"]
    if current_campaign().start is None and start == default_start():
        start = None  # left on the default, it keeps following it ("next Monday")
    record_edit(
        start=start,
        currency=state["eng_currency"],
        schedule_hours=bool(state["eng_schedule"]),
        runs=int(state["eng_runs"]),
        seed=int(state["eng_seed"]),
    )
    state[APPLIED_KEY] = True


def settings_summary(ad: Campaign, currency: str) -> str:
    """The forecast's settings in one line, the dialog's included."""
    start = ad.start or default_start()
    scheduled = "; run in business hours only" if ad.cta == "call" and ad.schedule_hours else ""
    return (
        f"Budget {format_money(ad.budget, currency)} a day for {ad.days} days from "
        f"{start:%a %d %b %Y}{scheduled}; {ad.runs:,} simulated runs, seed {ad.seed}; "
        f"money in {currency}."
    )


def headline_metric_row(metrics: list[HeadlineMetric]) -> None:
    """The headline figures as st.metric: the median, with its p10–p90 range under it (none
    for a figure without one, e.g. a cost per result when nothing delivers)."""
    st.html(METRICS_CSS)
    with st.grid(4, key="headline_metrics"):
        for metric in metrics:
            st.metric(
                metric.label,
                metric.value,
                delta=metric.range or None,
                delta_color="off",
                delta_arrow="off",
                delta_description="p10–p90" if metric.range else None,
                help=metric.help,
                border=True,
            )


def progress_text(cells: str, done: float, elapsed_s: float) -> str:
    """What the progress bar says: the share done and, once a tenth is done, an estimate of
    the time left from the pace so far (an estimate, and said as one)."""
    text = f"Simulating {cells}… {done:.0%}"
    if done >= 0.1:
        left = elapsed_s * (1 - done) / done
        if left >= 1:
            text += f", about {left:.0f} s left"
    return text


# Under a tenth of a second a result feels immediate and needs no feedback (Nielsen,
# "Response Times: The 3 Important Limits", 1993): a forecast that takes less shows no bar
# (most do: the 14-day sample takes ~2 ms), so no bar flashes and nothing extra is sent.
PROGRESS_AFTER_S = 0.1


def forecast_with_progress(ad: Campaign, kind: str = "forecast") -> SimulationResult:
    """The ad's forecast; while one is computed for longer than `PROGRESS_AFTER_S`, a
    progress bar says how far it is and about how long is left (removed when done, so it
    covers nothing)."""
    if forecast_is_cached(ad, kind):
        return cached_forecast(ad, kind)
    cells = f"{ad.runs:,} runs × {ad.days} days × {len(ad.countries)} countries"
    started = time.monotonic()
    bar = None

    def progress(done: float) -> None:
        nonlocal bar
        elapsed = time.monotonic() - started
        if bar is None:
            if elapsed < PROGRESS_AFTER_S:
                return
            bar = st.empty()  # where the forecast is being drawn: the script waits here
        done = min(max(done, 0.0), 1.0)
        bar.progress(done, text=progress_text(cells, done, elapsed))

    try:
        return cached_forecast(ad, kind, progress)
    finally:
        if bar is not None:
            bar.empty()


def chart_view(shown: ChartView, scale: float = 1.0) -> None:
    """One chart view: its figures, its empty state or charts, and its note. The first
    `side_by_side` charts share a row where each has room (assets/charts.css wraps them).

    `scale` above 1 draws the charts' type and heights larger (`charts.presentation_spec`),
    for a projector."""
    st.html(CHARTS_CSS)
    if scale != 1.0:
        shown = replace(shown, specs=tuple(presentation_spec(s, scale) for s in shown.specs))
    if shown.figures:
        with st.container(horizontal=True, key="view_figures"):
            for label, value in shown.figures:
                st.metric(label, value, border=True)
    if shown.empty:
        _empty_state(shown.empty)
    paired = shown.specs[: shown.side_by_side] if shown.side_by_side > 1 else ()
    if paired:
        with st.container(key="chart_pair"):
            for column, spec in zip(st.columns(len(paired), gap="large"), paired, strict=True):
                with column:
                    st.vega_lite_chart(spec, width="stretch")
    for spec in shown.specs[len(paired) :]:
        st.vega_lite_chart(spec, width="stretch")
    if shown.note:
        st.caption(shown.note)


def _empty_state(message: str) -> None:
    # A designed empty state in place of the chart: what is missing and what to do, never a
    # chart of zeros with a "NaN" axis.
    with st.container(border=True, key="chart_empty_state"):
        st.markdown(":material/bar_chart_off: **Nothing to chart yet**")
        st.caption(message)
