"""The Engagement page's controls: campaign settings and the headline figures."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components.ad import MAX_BUDGET_USD, MAX_DAYS, MAX_SEED, AdSpec
from components.forecast import HeadlineMetric, default_start
from components.money import currency_label, currency_options, resolve_currency

REPLY_TIMES = {1: "1 minute", 5: "5 minutes", 15: "15 minutes", 30: "30 minutes",
               60: "1 hour", 240: "4 hours", 1440: "1 day"}  # fmt: skip
RUN_COUNTS = (100, 250, 500, 1000, 2000)


def forecast_settings(ad: AdSpec) -> AdSpec:
    """Budget, length, start, reply time, scheduling, runs, seed and currency of a forecast."""
    state = st.session_state
    start = ad.start or default_start()
    reply = min(REPLY_TIMES, key=lambda minutes: abs(minutes - ad.reply_minutes))
    defaults = {
        "eng_budget": float(ad.budget), "eng_days": int(ad.days), "eng_start": start,
        "eng_reply": reply, "eng_schedule": ad.schedule_hours, "eng_seed": int(ad.seed),
        "eng_runs": ad.runs if ad.runs in RUN_COUNTS else 500,
        "eng_currency": resolve_currency(ad.currency, ad.region)[0],
    }  # fmt: skip
    for name, value in defaults.items():
        state.setdefault(name, value)
    with st.container(border=True, key="forecast_settings"):
        cols = st.columns(4)
        cols[0].number_input(
            "Daily budget (USD)", min_value=0.0, max_value=MAX_BUDGET_USD, step=5.0,
            key="eng_budget",
        )  # fmt: skip
        cols[1].number_input("Days", min_value=1, max_value=MAX_DAYS, step=1, key="eng_days")
        cols[2].date_input("Start", key="eng_start", format="DD/MM/YYYY")
        cols[3].selectbox(
            "Reply time", options=list(REPLY_TIMES), format_func=REPLY_TIMES.get,
            key="eng_reply", help="How fast the business answers a new chat. Replying in 5 "
            "minutes makes a lead about 21× likelier to qualify than in 30.",
        )  # fmt: skip
        cols = st.columns(4, vertical_alignment="bottom")
        cols[0].selectbox(
            "Money in", options=currency_options(ad.region), format_func=currency_label,
            key="eng_currency",
        )  # fmt: skip
        cols[1].selectbox(
            "Simulated runs", options=list(RUN_COUNTS), key="eng_runs",
            help="More runs give steadier bands and take longer.",
        )  # fmt: skip
        cols[2].number_input(
            "Seed", min_value=0, max_value=MAX_SEED, step=1, key="eng_seed",
            help="The same seed and inputs give the same forecast.",
        )  # fmt: skip
        cols[3].toggle(
            "Run the Call ad only in business hours", key="eng_schedule",
            disabled=ad.cta != "call",
            help="Meta's test: call ads run only in business hours got 25.4% more calls.",
        )  # fmt: skip
    return replace(
        ad,
        budget=float(state["eng_budget"]),
        days=int(state["eng_days"]),
        start=state["eng_start"],
        reply_minutes=float(state["eng_reply"]),
        schedule_hours=bool(state["eng_schedule"]),
        seed=int(state["eng_seed"]),
        runs=int(state["eng_runs"]),
        currency=state["eng_currency"],
    )


def headline_metric_row(metrics: list[HeadlineMetric]) -> None:
    """The headline figures as st.metric: the median, with its p10–p90 range under it."""
    for start in range(0, len(metrics), 4):
        cols = st.columns(4)
        for col, metric in zip(cols, metrics[start : start + 4], strict=False):
            col.metric(
                metric.label,
                metric.value,
                delta=metric.range,
                delta_color="off",
                delta_arrow="off",
                delta_description="p10–p90",
                help=metric.help,
                border=True,
            )
