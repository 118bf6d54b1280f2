"""The Model & assumptions page (`app_pages/model.py` runs `model_page`).

Model & assumptions: every number the forecast uses, with its source or marked as ours.

- what the simulation is and what each headline figure includes;
- the parameter table the engine reads (published figure or assumption, with the source);
- base CPM per country: the three published figures and the rule for everyone else;
- audience assumptions, the rollout rules, and the dated exchange rates.

Short tables are drawn whole (`widgets.tables`): human headers, wrapped text, sources as
citations with links; the long CPM table stays a scrolling grid.
"""

import html
from typing import Any

import streamlit as st

from components.forecast import cpm_table, default_params
from components.forecast.validation import check_rows, run_checks
from components.render.citations import citation_html
from components.ui.tables import static_table, table_styles
from components.world.money import currency_label, load_rates
from components.world.regions import AUDIENCE_ASSUMPTIONS, SCENARIOS, STATUSES, rollout_rules

# How the parameter table's "drawn" codes read.
DRAWN = {
    "fixed": "Fixed",
    "rule": "Fixed, by rule",
    "run": "Once per run (both buttons)",
    "run-country": "Once per run and country (both buttons)",
    "button": "Once per run, for each button",
}
SCOPES = {"continent": "Continent", "subregion": "Sub-region", "group": "Group",
          "country": "Country", "uninhabited": "Uninhabited places"}  # fmt: skip
CITED = {"Source": citation_html, "source": citation_html}


def _code(value: Any) -> str:
    return f"<code>{html.escape(str(value))}</code>"


def parameter_rows() -> list[dict[str, str]]:
    """The engine's parameter table as the page shows it: the kind and how each value is
    drawn in words."""
    return [
        {**row, "Drawn": DRAWN.get(row["Drawn"], row["Drawn"]), "Kind": row["Kind"].capitalize()}
        for row in default_params().rows()
    ]


def rollout_rule_rows() -> list[dict[str, str]]:
    """The rollout rules in words: what each applies to, in which scenario, with what status."""
    rows = []
    for rule in rollout_rules():
        scenario = SCENARIOS.get(rule["scenario"], "Every scenario")
        which = "every one" if rule["key"] == "*" else rule["key"]
        rows.append(
            {
                "Applies to": f"{SCOPES.get(rule['scope'], rule['scope'])}: {which}",
                "Scenario": scenario,
                "Status": STATUSES.get(rule["status"], rule["status"]),
                "Reason shown": rule["reason"],
                "Source": rule["source"],
            }
        )
    return rows


def audience_rows() -> list[dict[str, str]]:
    """The audience assumptions with each tier's value as text ('' where a row has none)."""

    def show(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and 0 < value < 1:
            return f"{value:.0%}"
        return f"{value:g}" if isinstance(value, float) else str(value)

    return [
        {
            "Assumption": row["assumption"],
            "Tier 1": show(row["tier 1"]),
            "Tier 2": show(row["tier 2"]),
            "Tier 3": show(row["tier 3"]),
            "Source": row["source"],
        }
        for row in AUDIENCE_ASSUMPTIONS
    ]


def model_page() -> None:
    """Model & assumptions: every number the forecast uses, with its source or marked as ours."""
    st.title("Model & assumptions", anchor=False)
    st.markdown(
        "The forecast is a **simulation**: a Monte Carlo model run hundreds of times with "
        "random draws. The headline figures are the median run, with the 10th–90th percentile "
        "range beside them. Every number below is either a published figure, with its source, "
        "or an assumption, with the reasoning. **It is not a prediction from Meta.**"
    )
    st.markdown(
        "- **Send WhatsApp Message**: impression → tap → message sent (*Conversations "
        "started*) → the business replies within its reply time → lead.\n"
        "- **Call Now**: impression → tap → call placed (*Calls*; some taps never dial) → "
        "answered in business hours, or missed and called back within the reply time → lead. "
        "A Call ad runs only on the placements that take it (no Facebook Stories, no desktop), "
        "and where WhatsApp calling is restricted most calls never connect.\n"
        "- **Shared and separate uncertainty**: the price level, the creative's appeal and the "
        "audience are drawn once per run for both buttons; each button's own rates are drawn "
        "on their own, so the chance that one wins is a real probability.\n"
        "- **Reach** saturates (a Hill curve), people who have seen the ad often tap less, a "
        "tiny audience under-spends, and until about 50 results in 7 days the ad set is "
        "*learning* and each result costs more.\n"
        "- Countries not available in the chosen rollout scenario get no delivery."
    )

    table_styles()
    tabs = st.tabs(
        ["Engine parameters", "Against published figures", "CPM by country", "Audience",
         "Rollout rules", "Exchange rates"]
    )  # fmt: skip
    with tabs[0]:
        st.caption(
            "The table the engine reads (sample_data/model_parameters.csv). Drawn: fixed, once "
            "per run for both buttons, or once per run for each button, with the range as its "
            "10th–90th percentiles."
        )
        static_table(
            parameter_rows(),
            {"Parameter": "Parameter", "Value": "Value", "Range (p10–p90)": "Range (p10–p90)",
             "Unit": "Unit", "Drawn": "Drawn", "Kind": "Kind", "Source": "Source",
             "Note": "Note"},
            {**CITED, "Parameter": _code},
        )  # fmt: skip
    with tabs[1]:
        st.caption(
            "Where the forecast lands against what advertisers saw: each row runs the real "
            "forecast of a small campaign ($50 a day for four weeks in one country) and "
            "compares its median with the published range. Outside means the model and the "
            "published world disagree; the note says why where we know."
        )
        rows = _validation_rows()
        static_table(rows, {name: name for name in rows[0]} if rows else {}, CITED)
    with tabs[2]:
        st.caption(
            "The United States, India and Brazil use their published CPM. Every other country uses "
            "the rule: its income tier's anchor times a regional factor, kept within the published "
            "tier range of 1.50–23 USD. One row per country: scroll the table, or search it with "
            "its toolbar."
        )
        st.dataframe(
            cpm_table(),
            hide_index=True,
            width="stretch",
            column_config={
                "Base CPM (USD)": st.column_config.NumberColumn(format="%.2f"),
                "Basis": st.column_config.TextColumn(width="large"),
            },
        )
    with tabs[3]:
        st.caption(
            "Audience = population × internet use × Facebook/WhatsApp use, shown as a ±20% "
            "range rounded like Meta's estimates. Tier 1 is high income, tier 2 upper-middle, "
            "tier 3 lower-middle and low (World Bank)."
        )
        rows = audience_rows()
        static_table(rows, {name: name for name in rows[0]}, CITED)
    with tabs[4]:
        st.caption(
            "Where the button runs, as rules (sample_data/rollout.csv). The most specific rule "
            "for a country wins: its own, then the one for uninhabited places, its group (the "
            "EU), its sub-region, its continent; within each, a rule for the scenario before "
            "one for every scenario."
        )
        rows = rollout_rule_rows()
        static_table(rows, {name: name for name in rows[0]}, CITED)
    with tabs[5]:
        rates = load_rates()
        st.caption(
            f"Units per US dollar as of {rates.as_of}; approximate mid-market rates, for "
            "display only."
        )
        static_table(
            [
                {"Currency": currency_label(code), "Per USD": f"{rate:,.4g}"}
                for code, rate in rates.per_usd.items()
            ],
            {"Currency": "Currency", "Per USD": "Units per US dollar"},
        )


@st.cache_resource(show_spinner="Checking the forecast against published figures…")
def _validation_rows() -> list[dict[str, str]]:
    # Ten small forecasts: computed once per server, the same for every visitor.
    return check_rows(run_checks())
