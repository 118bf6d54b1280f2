"""The Engagement page (`app_pages/engagement.py` runs `engagement_page`).

Engagement: a simulated, calibrated forecast of the ad by day and by country.

- campaign settings: budget, days and reply time on the page; start, currency, business-hours
  scheduling, runs and seed in the "More settings" dialog;
- headline figures (median and p10–p90 of the Monte Carlo runs);
- one chart at a time: daily bands, the funnel, countries (bars and map), taps by hour,
  budget against results, and Message against Call with the chance each wins;
- Export: a dialog with the daily results per country (CSV) and the summary (JSON).
"""

import streamlit as st

from components.campaign.model import Campaign
from components.forecast import (
    SimulationResult,
    daily_by_country_csv,
    forecast_notes,
    summary_json,
)
from components.render.forecast_views import DAILY_METRICS, VIEWS, daily_metric_label
from components.ui.forecast import (
    chart_view,
    forecast_settings,
    forecast_with_progress,
    headline_metric_row,
    settings_summary,
)
from components.ui.forecast_cache import cached_headline, cached_view
from components.ui.session import current_campaign, set_campaign
from components.world.money import display_currency
from components.world.regions import rollout_status
from components.world.targeting import EUROPE_REPORTING_NOTE, country_label, delivering, is_european


def engagement_page() -> None:
    """Engagement: a simulated, calibrated forecast of the ad by day and by country."""
    st.title("Forecast engagement", anchor=False)
    ad = forecast_settings(current_campaign())
    set_campaign(ad)
    currency, currency_note = display_currency(ad)
    # What is forecast (every setting, the dialog's included) and what it is not, in one line.
    st.caption(
        f"{settings_summary(ad, currency)} Simulated from published benchmarks and the "
        "assumptions on the Model page; not a prediction from Meta."
    )
    if currency_note:
        st.info(currency_note)

    live = delivering(ad.countries, ad.scenario)
    idle = [code for code in ad.countries if code not in live]
    if not live:
        st.warning(
            "No targeted country can show this ad in the chosen rollout scenario, so the forecast "
            "is zero. Pick available countries on the Targeting page, or switch the scenario.",
            icon=":material/public_off:",
        )
    elif idle:
        reasons = "; ".join(
            f"{country_label(code)}: {rollout_status(code, ad.scenario).reason}" for code in idle
        )
        st.info(
            f"No delivery in {len(idle)} of the targeted countries. {reasons}.",
            icon=":material/block:",
        )
    if any(is_european(code) for code in live) or (live and is_european(ad.region)):
        st.info(f"In Europe, {EUROPE_REPORTING_NOTE}", icon=":material/visibility_off:")

    # A forecast not yet in the cache computes under a progress bar; a cached one, the usual
    # case on a rerun, draws nothing extra.
    result = forecast_with_progress(ad)
    if result.runs < ad.runs:
        st.caption(
            f"Simulated with {result.runs:,} runs instead of {ad.runs:,}: {ad.days} days × "
            f"{len(ad.countries)} countries × {ad.runs:,} runs is more than one forecast may "
            "hold on this server. The bands are a little less steady."
        )
    headline_metric_row(cached_headline(ad, currency))
    for note in forecast_notes(result, currency):
        st.caption(note)

    view = st.segmented_control(
        "Chart",
        options=list(VIEWS),
        format_func=VIEWS.get,
        key="eng_view",
        default="daily",
        required=True,
        label_visibility="collapsed",
    )
    with st.container(key="forecast_chart"):
        option = ""
        if view == "daily":
            # The label, not the forecast: a widget keeps its format_func for as long as the
            # session lives (120 s after its tab closes), and a closure over `result` kept
            # each closed tab's whole forecast (~60 MB for a year of every country) with it.
            result_label = result.result_label
            option = st.radio(
                "Metric",
                DAILY_METRICS,
                horizontal=True,
                key="eng_daily_metric",
                format_func=lambda metric: daily_metric_label(metric, result_label),
            )
        chart_view(cached_view(ad, view or "daily", option or "", currency))

    if st.button("Export", icon=":material/download:", key="eng_export",
                 help="Daily results per country (CSV) and the summary (JSON)."):  # fmt: skip
        _export_dialog(result, ad, currency)


@st.dialog("Export the forecast")
def _export_dialog(result: SimulationResult, ad: Campaign, currency: str) -> None:
    st.caption(
        "Both files hold the simulated figures, medians with their 10th–90th percentile "
        f"range, with money in {currency}; the summary also records every setting of the "
        "forecast."
    )
    st.download_button(
        "Daily results per country (CSV)",
        data=lambda: daily_by_country_csv(result, currency),
        file_name="forecast-daily-by-country.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
        key="download_csv",
        width="stretch",
    )
    st.download_button(
        "Summary (JSON)",
        data=lambda: summary_json(result, ad, currency),
        file_name="forecast-summary.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/data_object:",
        key="download_json",
        width="stretch",
    )
