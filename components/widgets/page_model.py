"""The Model & assumptions page (`app_pages/model.py` runs `model_page`).

Model & assumptions: every number the forecast uses, with its source or marked as ours.

- what the simulation is and what each headline figure includes;
- the parameters of the engine (published figure or assumption, with the source);
- base CPM per country: the three published figures and the rule for everyone else;
- audience assumptions, the rollout rules, and the dated exchange rates.
"""

import pandas as pd
import streamlit as st

from components.assumptions import assumption_rows
from components.forecast import cpm_table
from components.money import currency_label, load_rates
from components.regions import AUDIENCE_ASSUMPTIONS, rollout_rules


def model_page() -> None:
    """Model & assumptions: every number the forecast uses, with its source or marked as ours."""
    st.title("Model & assumptions", anchor=False)
    st.markdown(
        "The forecast is a **simulation**: a Monte Carlo model of the funnel from impressions to "
        "taps, conversations or calls, and leads, run hundreds of times with random draws. The "
        "headline figures are the median run, with the 10th–90th percentile range beside them. "
        "It is calibrated on the published benchmarks below; where no figure exists the model "
        "uses a stated assumption. **It is not a prediction from Meta.**"
    )
    st.markdown(
        "- **Horizon**: the campaign's days, from the start date, in each country's local time.\n"
        "- **Spend** never exceeds the daily budget (with business-hours scheduling, the "
        "lifetime budget). **Clicks** are taps on the button; **Conversations started** are chats "
        "where the person sent the first message (most taps abandon); **Calls** are calls "
        "answered in business hours; **Leads** are those that became a qualified lead.\n"
        "- Countries not available in the chosen rollout scenario get no delivery."
    )

    tabs = st.tabs(
        ["Engine parameters", "CPM by country", "Audience", "Rollout rules", "Exchange rates"]
    )
    with tabs[0]:
        frame = pd.DataFrame(assumption_rows()).drop(columns=["key"])
        st.dataframe(
            frame,
            hide_index=True,
            width="stretch",
            column_config={
                "kind": st.column_config.TextColumn("Kind", help="published or assumption")
            },
        )
    with tabs[1]:
        st.caption(
            "The United States, India and Brazil use their published CPM. Every other country uses "
            "the rule: its income tier's anchor times a regional factor, kept within the published "
            "tier range of 1.50–23 USD."
        )
        st.dataframe(cpm_table(), hide_index=True, width="stretch")
    with tabs[2]:
        st.caption(
            "Audience = population × internet use × Facebook/WhatsApp use, shown as a ±20% "
            "range rounded like Meta's estimates."
        )
        st.dataframe(pd.DataFrame(AUDIENCE_ASSUMPTIONS), hide_index=True, width="stretch")
    with tabs[3]:
        st.dataframe(pd.DataFrame(rollout_rules()), hide_index=True, width="stretch")
    with tabs[4]:
        rates = load_rates()
        st.caption(
            f"Units per US dollar as of {rates.as_of}; approximate mid-market rates, for "
            "display only."
        )
        st.dataframe(
            pd.DataFrame(
                {
                    "Currency": [currency_label(code) for code in rates.per_usd],
                    "Per USD": list(rates.per_usd.values()),
                }
            ),
            hide_index=True,
            width="stretch",
        )
