"""The Model & assumptions page (`app_pages/model.py` runs `model_page`).

Model & assumptions: every number the forecast uses, with its source or marked as ours.

- what the simulation is and what each headline figure includes;
- the parameter table the engine reads (published figure or assumption, with the source);
- base CPM per country: the three published figures and the rule for everyone else;
- audience assumptions, the rollout rules, and the dated exchange rates.
"""

import pandas as pd
import streamlit as st

from components.forecast import cpm_table, default_params
from components.forecast.validation import check_rows, run_checks
from components.money import currency_label, load_rates
from components.regions import AUDIENCE_ASSUMPTIONS, rollout_rules


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

    tabs = st.tabs(
        ["Engine parameters", "Against published figures", "CPM by country", "Audience",
         "Rollout rules", "Exchange rates"]
    )  # fmt: skip
    with tabs[0]:
        st.caption(
            "The table the engine reads (sample_data/model_parameters.csv). Drawn: fixed, once "
            "per run for both buttons (run, run-country), or once per run for each button "
            "(button), with the range as its 10th–90th percentiles."
        )
        st.dataframe(
            pd.DataFrame(default_params().rows()),
            hide_index=True,
            width="stretch",
            row_height=56,
            column_config={
                "Source": st.column_config.TextColumn("Source", width="medium"),
                "Note": st.column_config.TextColumn("Note", width="large"),
            },
        )
    with tabs[1]:
        st.caption(
            "Where the forecast lands against what advertisers saw: each row runs the real "
            "forecast of a small campaign ($50 a day for four weeks in one country) and "
            "compares its median with the published range. Outside means the model and the "
            "published world disagree; the note says why where we know."
        )
        st.dataframe(pd.DataFrame(_validation_rows()), hide_index=True, width="stretch")
    with tabs[2]:
        st.caption(
            "The United States, India and Brazil use their published CPM. Every other country uses "
            "the rule: its income tier's anchor times a regional factor, kept within the published "
            "tier range of 1.50–23 USD."
        )
        st.dataframe(cpm_table(), hide_index=True, width="stretch")
    with tabs[3]:
        st.caption(
            "Audience = population × internet use × Facebook/WhatsApp use, shown as a ±20% "
            "range rounded like Meta's estimates."
        )
        st.dataframe(pd.DataFrame(AUDIENCE_ASSUMPTIONS), hide_index=True, width="stretch")
    with tabs[4]:
        st.dataframe(pd.DataFrame(rollout_rules()), hide_index=True, width="stretch")
    with tabs[5]:
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


@st.cache_resource(show_spinner="Checking the forecast against published figures…")
def _validation_rows() -> list[dict[str, str]]:
    # Ten small forecasts: computed once per server, the same for every visitor.
    return check_rows(run_checks())
