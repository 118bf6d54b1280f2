"""The daily budget as a person types it: in the display currency, held in US dollars.

The model and the share link keep the budget in USD (the public contract); the page shows and
takes it in the currency every result is shown in (`money.display_currency`), converted at
the dated rate, so "Budget ₦14,700.00 a day" is what was typed.
"""

from __future__ import annotations

import math

import streamlit as st

from components.campaign.fields import FIELDS
from components.campaign.model import Campaign
from components.world.money import (
    convert,
    currency_digits,
    currency_symbol,
    display_currency,
    from_display,
    rate_note,
    to_display,
)


def budget_step(currency: str) -> float:
    """What + and − add: about five US dollars in `currency`, rounded to 1, 2 or 5 of a
    power of ten (5 USD, 5 EUR, 20 BRL, 10,000 NGN)."""
    target = convert(5.0, currency)
    if target <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(target))
    steps = [power * factor for factor in (1, 2, 5, 10)]
    step = min(steps, key=lambda candidate: abs(math.log(candidate / target)))
    return float(max(step, 10 ** -currency_digits(currency)))


def money_format(currency: str) -> str:
    """A printf format for a table column of amounts in `currency` ("₦%,.2f"), written as
    `format_money` writes them."""
    symbol = currency_symbol(currency).replace("%", "%%")
    return f"{symbol}%,.{currency_digits(currency)}f"


def daily_budget_input(ad: Campaign, key: str, **options: object) -> float:
    """The daily budget's input, in the ad's display currency; returns it in USD.

    Re-seeded from the ad whenever its budget or currency changed elsewhere (another page,
    a loaded draft, the Engagement page's currency); an untouched input returns the ad's
    budget exactly, so showing it never moves it by a rounding.
    """
    currency = display_currency(ad)[0]
    state = st.session_state
    origin = f"{key}_from"
    if key not in state or state.get(origin) != (ad.budget, currency):
        state[key] = float(to_display(ad.budget, currency))
        state[origin] = (ad.budget, currency)
    note = rate_note(currency)
    typed = st.number_input(
        f"Daily budget ({currency})",
        min_value=0.0,
        max_value=float(to_display(FIELDS["budget"].high, currency)),
        step=budget_step(currency),
        format=f"%.{currency_digits(currency)}f",
        key=key,
        help="What the campaign may spend a day, across all its countries, in the currency "
        "every result is shown in."
        + (f" Simulated in US dollars at {note}; a share link carries US dollars." if note else ""),
        **options,
    )
    usd = min(from_display(float(typed or 0.0), currency, ad.budget), FIELDS["budget"].high)
    state[origin] = (usd, currency)
    return usd
