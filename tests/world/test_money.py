"""Money: the dated rate table, formatting in the page's one locale with babel, amounts typed
in the display currency, and the USD fallback."""

import math
import re
from dataclasses import replace

import pytest

from components.campaign.model import default_campaign
from components.world.money import (
    convert,
    currency_options,
    currency_region,
    display_currency,
    format_money,
    from_display,
    has_rate,
    load_rates,
    local_currency,
    rate_note,
    resolve_currency,
    to_display,
)
from tests.factories import make_campaign


def test_rates_are_dated_and_usd_is_one():
    rates = load_rates()
    assert rates.as_of and rates.per_usd["USD"] == 1
    assert all(value > 0 for value in rates.per_usd.values())
    for code in ("NGN", "BRL", "INR", "IDR", "KES", "AUD", "EUR"):  # the samples' currencies
        assert code in rates.per_usd


def test_local_currency_follows_the_number():
    assert local_currency("NG") == "NGN" and local_currency("BR") == "BRL"
    assert resolve_currency("", "IN") == ("INR", "")
    code, note = resolve_currency("", "ZW")
    assert code == "USD" and "No exchange rate" in note
    assert currency_options("NG")[:2] == ["USD", "NGN"]


def test_money_is_written_in_the_pages_one_locale_with_each_currencys_symbol():
    assert format_money(1234.5, "USD") == "$1,234.50"
    assert format_money(10, "NGN") == f"₦{10 * load_rates().per_usd['NGN']:,.2f}"
    # Not "R$ 2.303,43" (Brazil's way) beside counts written "1,722".
    assert format_money(2303.43 / load_rates().per_usd["BRL"], "BRL") == "R$2,303.43"
    assert format_money(1000 / load_rates().per_usd["INR"], "INR") == "₹1,000.00"  # no lakh
    assert format_money(1000 / load_rates().per_usd["JPY"], "JPY") == "￥1,000"  # no decimals
    # A symbol in another script is written as the code, so the line reads one way.
    assert format_money(1, "EGP").startswith("EGP ")
    assert format_money(-5, "USD") == "-$5.00"
    assert format_money(123_456, "USD", compact=True) == "$123.5K"
    assert format_money(math.inf, "USD") == "—" and format_money(math.nan, "USD") == "—"
    assert convert(2, "EUR") == 2 * load_rates().per_usd["EUR"]


def test_money_follows_the_numbers_own_country_not_the_dialling_region():
    ad = make_campaign(phone="+1 212 555 0100", region="NG")
    assert currency_region(ad) == "US"
    assert display_currency(ad) == ("USD", "")
    ghana = make_campaign(phone="+233 24 123 4567", region="NG")
    assert currency_options(currency_region(ghana))[:2] == ["USD", "GHS"]


def test_a_local_number_uses_the_dialling_region_and_an_invalid_one_falls_back_to_it():
    assert display_currency(default_campaign()) == ("NGN", "")  # 0802 … with region NG
    assert display_currency(make_campaign(phone="+44 20 7031 3000", region="NG"))[0] == "GBP"
    assert display_currency(make_campaign(phone="not a number", region="IN"))[0] == "INR"
    assert display_currency(make_campaign(phone="", region="BR"))[0] == "BRL"


def test_a_chosen_currency_wins_and_one_without_a_rate_says_so():
    ad = replace(default_campaign(), currency="EUR")
    assert display_currency(ad) == ("EUR", "")
    code, note = display_currency(replace(ad, currency="ZWL"))
    assert code == "USD" and "ZWL" in note
    assert has_rate("NGN") and not has_rate("ngn") and not has_rate("XYZ")


@pytest.mark.parametrize("currency", sorted(load_rates().per_usd))
def test_every_currency_reads_digits_grouped_by_commas_with_a_point(currency):
    text = format_money(12_345.678 / load_rates().per_usd[currency], currency)
    assert re.search(r"12,345(\.\d\d?)?$", text) or re.search(r"12,346$", text), text


@pytest.mark.parametrize("currency", ["USD", "NGN", "BRL", "VND", "JPY", "EUR"])
@pytest.mark.parametrize("typed", [0.0, 1.0, 15_000.0, 7.35, 123_456.0])
def test_a_typed_amount_reads_back_as_typed(currency, typed):
    typed = round(typed, 0 if currency in ("VND", "JPY") else 2)
    usd = from_display(typed, currency, 10.0)
    assert to_display(usd, currency) == typed
    assert len(repr(usd)) <= 20  # the share link stays short


def test_showing_a_budget_and_reading_it_back_never_moves_it():
    for usd in (10.0, 12.345678, 99_999.99):
        for currency in ("NGN", "BRL", "VND", "EUR"):
            assert from_display(to_display(usd, currency), currency, usd) == usd


def test_the_rate_note_names_the_rate_and_its_date():
    assert rate_note("USD") == ""
    rate = load_rates().per_usd["NGN"]
    assert rate_note("NGN") == f"1 USD = {rate:,g} NGN (rates of {load_rates().as_of})"


def test_the_budget_steps_by_about_five_dollars_in_round_local_amounts():
    from components.ui.budget import budget_step, money_format

    assert budget_step("USD") == 5.0
    assert budget_step("EUR") == 5.0  # 4.25 EUR is nearest 5
    for currency in load_rates().per_usd:
        step = budget_step(currency)
        assert 0.4 < step / convert(5.0, currency) < 2.6, currency  # within a 1-2-5 step
        digits = f"{step:.0f}" if step >= 1 else ""
        assert not digits or set(digits.rstrip("0")) <= {"1", "2", "5"}, (currency, step)
    assert money_format("NGN") == "₦%,.2f" and money_format("JPY") == "￥%,.0f"
