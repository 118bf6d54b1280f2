"""The Targeting page (`app_pages/targeting.py` runs `targeting_page`).

Targeting: where the ad runs, whether the button is available there, and whom it reaches.

- pick countries a continent or sub-region at a time (chosen, added) or one by one, searching
  by plain-language name with flags (Enter adds the first match only); the selection is the
  Campaign's `countries` (share link), written out by name with a count under the picker, with
  every chosen country that will not deliver named and why;
- reach the whole of each country or one main city and a radius (`widgets.location`);
- switch the rollout scenario (launch / Europe launched) and read what changes;
- see availability on an offline world map and in a table: available, later (and why) or
  unavailable; countries that get no delivery are marked, call-restricted ones flagged;
- see the estimated audience per country and in total, as ranges (how: the metric's help,
  and every assumption with its source on the Model page);
- split the daily budget in proportion to audience or by hand, always adding up to the budget;
- warnings when the targets do not fit the rest of the ad.
"""

from dataclasses import replace

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from components import ASSETS
from components.ui.budget import daily_budget_input, money_format
from components.ui.common import markdown_text
from components.ui.location import location_note, location_picker
from components.ui.media import served_rollout_map
from components.ui.session import current_campaign, set_campaign
from components.world import targeting as tg
from components.world.money import (
    currency_digits,
    display_currency,
    format_money,
    from_display,
    rate_of,
    to_display,
)
from components.world.regions import SCENARIOS

# The money first after the status: on a phone the long "Why" would push it off the screen.
COLUMNS = ("country", "status_label", "budget_local", "budget_share", "audience", "reason")
CALL_COLUMNS = (*COLUMNS, "call_restricted")
state = st.session_state
AUDIENCE_HELP = (
    "Estimated as population × share online × share of those on Facebook or Instagram who "
    "use WhatsApp, by the country's income tier, shown as a range like Meta's audience "
    "sizes. Every assumption and its source: the **Model & assumptions** page, Audience tab."
)


def add_group() -> None:
    """Add every inhabited country of the chosen continent or sub-region, then clear the
    picker for the next one (on_change of the picker)."""
    if group := state.get("tgt_group"):
        kept = list(state["tgt_countries"])
        state["tgt_countries"] = kept + [c for c in tg.target_groups()[group] if c not in kept]
        state["tgt_group"] = None


def not_delivering_note(ad) -> None:
    """Every chosen country the ad will not reach in this scenario, by name, and why."""
    idle = tg.not_delivering(ad.countries, ad.scenario)
    if not idle:
        return
    lines = "\n".join(f"- {markdown_text(name)}: {markdown_text(why)}" for name, why in idle)
    with st.container(key="tgt_not_delivering", height=220 if len(idle) > 5 else "content"):
        st.markdown(f"**Not delivering, and why ({len(idle)}):**\n\n{lines}")


def split_editor(ad) -> tuple[tuple[str, float], ...]:
    """The daily budget per delivering country, typed by hand in the display currency;
    returns the shares (summing to 1)."""
    live = tg.delivering(ad.countries, ad.scenario)
    currency = display_currency(ad)[0]
    column = f"{currency} a day"
    editor = f"tgt_split_{state.get('tgt_split_version', 0)}"
    # A fresh table when the countries, the budget or its currency change (or after a page
    # switch); the editor's key changes with it, so old edits never land on the wrong rows.
    signature = (ad.countries, ad.scenario, ad.budget, currency)
    if state.get("tgt_split_signature") != signature or editor not in state:
        split = tg.budget_split(ad)
        state["tgt_split_base"] = pd.DataFrame(
            {
                "code": live,
                "Country": [tg.country_label(c) for c in live],
                column: [to_display(split[c], currency) for c in live],
            }
        )
        state["tgt_split_signature"] = signature
        state["tgt_split_version"] = state.get("tgt_split_version", 0) + 1
        editor = f"tgt_split_{state['tgt_split_version']}"
    edited = st.data_editor(
        state["tgt_split_base"],
        key=editor,
        hide_index=True,
        disabled=["Country"],
        width="stretch",
        column_config={
            "code": None,
            column: st.column_config.NumberColumn(
                min_value=0.0,
                format=money_format(currency),
                step=10.0 ** -currency_digits(currency),
                help="Amounts are scaled to add up to the daily budget; "
                "added countries start at 0.",
            ),
        },
    )
    typed = edited[column].fillna(0).clip(lower=0).sum()
    budget = to_display(ad.budget, currency)
    if live and abs(typed - budget) > 10.0 ** -currency_digits(currency) / 2:
        typed_usd = from_display(float(typed), currency, ad.budget)
        st.caption(
            f"Your amounts add up to {format_money(typed_usd, currency)}; scaled to the "
            f"{format_money(ad.budget, currency)} budget."
        )
    amounts = dict(zip(edited["code"], edited[column], strict=True))
    return tg.normalise_manual_split(live, amounts)


TARGETING_CSS = ASSETS / "targeting.css"


def targeting_page() -> None:
    """Targeting: where the ad runs, whether the button is available there, whom it reaches."""
    ad = current_campaign()
    for name, value in (
        ("countries", list(ad.countries)),
        ("scenario", ad.scenario),
        ("split_mode", ad.split_mode),
    ):
        state.setdefault(f"tgt_{name}", value)  # widgets forget their values on a page switch

    st.title("Where the ad runs", anchor=False)
    st.html(TARGETING_CSS)
    st.caption(
        "Choose countries, see where the WhatsApp button is available, whom it can reach and how "
        "the daily budget is spread. Audience sizes are estimates, shown as ranges like Meta does."
    )
    pick_col, map_col = st.columns([1.1, 1.9], gap="large")
    with pick_col:
        scenario = st.segmented_control(
            "Rollout scenario",
            list(SCENARIOS),
            format_func=SCENARIOS.get,
            key="tgt_scenario",
            required=True,
            help="“Europe launched” shows what changes once the unit reaches Europe.",
        )
        groups = tg.target_groups()
        st.selectbox(
            "Add a continent or region",
            list(groups),
            index=None,
            key="tgt_group",
            on_change=add_group,
            format_func=lambda name: f"{name} · {len(groups[name])} countries",
            placeholder="Africa, South America, …",
            help="Adds its countries to the selection below; clear that with its ✕ to start over.",
        )
        labels = tg.country_labels()
        # Enter adds the first match only (no "Select 3 matches" row to bulk-select), and the
        # chips wrap instead of being cut off.
        countries = st.multiselect(
            "Countries",
            list(labels),
            key="tgt_countries",
            format_func=labels.get,
            placeholder="Search a country…",
            select_all=False,
            wrap=True,
        )
        ad = replace(ad, countries=tuple(countries), scenario=scenario or ad.scenario)
        st.caption(markdown_text(tg.selection_text(ad.countries)))
        city, radius = location_picker(ad)
        ad = replace(ad, city=city, radius_km=radius)
        live = tg.delivering(ad.countries, ad.scenario)
        not_delivering_note(ad)
        with st.container(horizontal=True, gap="small"):
            st.metric(
                "Audience where it runs",
                tg.format_range(*tg.audience_total(live, ad.city, ad.radius_km)),
                width="content",
                help="All selected countries: "
                f"{tg.format_range(*tg.audience_total(ad.countries, ad.city, ad.radius_km))}."
                f"{location_note(ad)}\n\n{AUDIENCE_HELP}",
            )
            st.metric(
                "Delivering",
                f"{len(live)} of {len(ad.countries)}",
                width="content",
                help="Selected countries where the button runs in this scenario",
            )
    with map_col:
        st.vega_lite_chart(
            served_rollout_map(ad.scenario, ad.countries),
            width="stretch",
            key="tgt_map",
            alt="World map: where the WhatsApp button is available; your countries outlined",
        )
    changes = tg.scenario_changes(ad.countries, ad.scenario, ad.phone_check.number_region)
    note = "\n".join(f"- {line}" for line in changes)
    st.info(note, icon=":material/public:") if ad.scenario == "europe" else st.caption(note)
    for warning in tg.targeting_warnings(ad):
        st.warning(warning, icon=":material/warning:")

    st.header("Countries and budget", anchor=False)
    with st.container(horizontal=True, gap="large", vertical_alignment="bottom"):
        budget = daily_budget_input(ad, "tgt_budget", width=220)
        mode = st.radio(
            "Split it across the countries where the ad runs",
            list(tg.SPLIT_MODES),
            format_func=tg.SPLIT_MODES.get,
            key="tgt_split_mode",
            horizontal=True,
        )
    ad = replace(ad, budget=float(budget), split_mode=mode)
    if mode == "manual":
        with st.columns([1.2, 2])[0]:
            ad = replace(ad, manual_split=split_editor(ad))
    set_campaign(ad)
    currency = display_currency(ad)[0]
    table = tg.targeting_table_arrow(ad)
    # The table keeps USD (one cached table for every currency); the page shows the money
    # in the display currency, as every other figure.
    table = table.append_column(
        "budget_local", pc.multiply(table["budget_usd"], pa.scalar(rate_of(currency)))
    )
    st.dataframe(
        table,
        key="tgt_table",
        hide_index=True,
        width="stretch",
        column_order=CALL_COLUMNS if ad.cta == "call" else COLUMNS,
        column_config={
            "country": "Country",
            "status_label": "Status",
            "reason": st.column_config.TextColumn("Why", width="medium"),
            "audience": st.column_config.TextColumn("Audience", help="Estimated monthly audience"),
            "budget_local": st.column_config.NumberColumn(
                f"{currency} a day", format=money_format(currency)
            ),
            "budget_share": st.column_config.ProgressColumn("Share", format="percent"),
            "call_restricted": st.column_config.CheckboxColumn("Calls restricted"),
        },
    )
