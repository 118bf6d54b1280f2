"""Engagement: a simulated, calibrated forecast of the ad by day and by country.

- campaign settings (budget, days, start, reply time, scheduling, runs, seed, currency);
- headline figures (median and p10–p90 of the Monte Carlo runs);
- one chart at a time: daily bands, the funnel, countries (bars and map), taps by hour,
  budget against results, and Message against Call with the chance each wins;
- downloads: daily results per country (CSV) and the summary (JSON).
"""

import streamlit as st

from components import forecast_charts as charts
from components.forecast import (
    daily_by_country_csv,
    funnel_steps,
    headline_metrics,
    summary_json,
)
from components.money import format_money, resolve_currency
from components.session import cached_forecast, current_ad, set_ad
from components.simulate import by_country, daily_quantiles, metric_totals, win_probability
from components.targeting import EUROPE_REPORTING_NOTE, delivering, is_european
from components.widgets import forecast_settings, headline_metric_row

st.title("Forecast engagement", anchor=False)
st.caption(
    "Simulated from published benchmarks and the assumptions on the Model page; "
    "not a prediction from Meta."
)
ad = forecast_settings(current_ad())
set_ad(ad)
currency, currency_note = resolve_currency(ad.currency, ad.region)
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
    st.info(f"No delivery in {', '.join(idle)}: not available in this scenario.")
if any(is_european(code) for code in live) or (live and is_european(ad.region)):
    st.info(f"In Europe, {EUROPE_REPORTING_NOTE}", icon=":material/visibility_off:")

with st.spinner(f"Simulating {ad.runs:,} runs of {ad.days} days…"):
    result = cached_forecast(ad)
headline_metric_row(headline_metrics(result, currency))

VIEWS = {
    "daily": "Over time",
    "funnel": "Funnel",
    "countries": "By country",
    "hours": "When people tap",
    "budget": "Budget",
    "ab": "Message vs Call",
}
view = st.segmented_control(
    "Chart", options=list(VIEWS), format_func=VIEWS.get, key="eng_view", default="daily",
    required=True, label_visibility="collapsed",
)  # fmt: skip
with st.container(key="forecast_chart"):
    if view == "daily":
        metric = st.radio(
            "Metric", ["conversations", "clicks", "impressions", "spend", "leads"],
            format_func={"conversations": result.result_label, "clicks": "Clicks",
                         "impressions": "Impressions", "spend": "Spend",
                         "leads": "Leads"}.get, horizontal=True, key="eng_daily_metric",
        )  # fmt: skip
        label = {"conversations": result.result_label}.get(metric, metric.title())
        frame = daily_quantiles(result, metric)
        money = currency if metric == "spend" else None
        st.altair_chart(charts.daily_band_chart(frame, label, money), width="stretch")
    elif view == "funnel":
        st.altair_chart(charts.funnel_chart(funnel_steps(result)), width="stretch")
    elif view == "countries":
        table = by_country(result)
        chart = charts.country_chart(table, result.result_label, currency)
        if chart is None:
            st.info("Nothing delivers, so there is nothing to compare by country.")
        else:
            st.altair_chart(chart, width="stretch")
            st.altair_chart(charts.results_map(table, result.result_label), width="stretch")
    elif view == "hours":
        st.altair_chart(charts.hour_heatmap(result.hourly_taps, "Taps"), width="stretch")
        if ad.cta == "call":
            missed = charts.hour_heatmap(result.hourly_missed, "Missed calls", "reds")
            st.altair_chart(missed, width="stretch")
    elif view == "budget":
        curve = cached_forecast(ad, "curve")
        chart = charts.spend_curve_chart(curve, ad.budget, result.result_label, currency)
        st.altair_chart(chart, width="stretch")
        st.caption("Expected results over the whole campaign at each daily budget. Each extra "
                   "dollar reaches people who have seen the ad more often, so results grow "
                   "more slowly than the budget.")  # fmt: skip
    else:
        pair = cached_forecast(ad, "buttons")
        names = list(pair)
        leads = {name: metric_totals(res, "leads", (1, 2)) for name, res in pair.items()}
        chance = win_probability(pair[names[0]], pair[names[1]], "leads")
        cols = st.columns(2)
        cols[0].metric(f"Chance {names[0]} gets more leads", f"{chance:.0%}")
        cols[1].metric(f"Chance {names[1]} gets more leads", f"{1 - chance:.0%}")
        st.altair_chart(charts.ab_chart(leads, "Leads"), width="stretch")

cols = st.columns(2)
cols[0].download_button(
    "Daily results per country (CSV)", data=lambda: daily_by_country_csv(result),
    file_name="forecast-daily-by-country.csv", mime="text/csv", on_click="ignore",
    icon=":material/download:", key="download_csv", width="stretch",
)  # fmt: skip
cols[1].download_button(
    "Summary (JSON)", data=lambda: summary_json(result, ad), file_name="forecast-summary.json",
    mime="application/json", on_click="ignore", icon=":material/download:",
    key="download_json", width="stretch",
)  # fmt: skip
st.caption(f"Budget {format_money(ad.budget, currency)} a day for {ad.days} days; "
           f"{ad.runs:,} simulated runs, seed {ad.seed}.")  # fmt: skip
