"""Money: the dated rate table, local formatting with babel, and the USD fallback."""

import math
from dataclasses import replace

from components.ad import AdSpec, default_ad
from components.money import (
    convert,
    currency_options,
    currency_region,
    display_currency,
    format_money,
    has_rate,
    load_rates,
    local_currency,
    resolve_currency,
)


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


def test_formatting_is_local():
    assert format_money(1234.5, "USD") == "$1,234.50"
    assert format_money(10, "NGN").startswith("₦") and "14,700" in format_money(10, "NGN")
    assert format_money(100, "BRL").startswith("R$") and "," in format_money(100, "BRL")
    assert format_money(1000, "INR").count(",") >= 1
    assert format_money(123_456, "USD", compact=True) == "$123.5K"
    assert format_money(math.inf, "USD") == "—" and format_money(math.nan, "USD") == "—"
    assert convert(2, "EUR") == 2 * load_rates().per_usd["EUR"]


def test_money_follows_the_numbers_own_country_not_the_dialling_region():
    ad = AdSpec(phone="+1 212 555 0100", region="NG")
    assert currency_region(ad) == "US"
    assert display_currency(ad) == ("USD", "")
    ghana = AdSpec(phone="+233 24 123 4567", region="NG")
    assert currency_options(currency_region(ghana))[:2] == ["USD", "GHS"]


def test_a_local_number_uses_the_dialling_region_and_an_invalid_one_falls_back_to_it():
    assert display_currency(default_ad()) == ("NGN", "")  # 0802 … with region NG
    assert display_currency(AdSpec(phone="+44 20 7031 3000", region="NG"))[0] == "GBP"
    assert display_currency(AdSpec(phone="not a number", region="IN"))[0] == "INR"
    assert display_currency(AdSpec(phone="", region="BR"))[0] == "BRL"


def test_a_chosen_currency_wins_and_one_without_a_rate_says_so():
    ad = replace(default_ad(), currency="EUR")
    assert display_currency(ad) == ("EUR", "")
    code, note = display_currency(replace(ad, currency="ZWL"))
    assert code == "USD" and "ZWL" in note
    assert has_rate("NGN") and not has_rate("ngn") and not has_rate("XYZ")
