"""Money: the dated rate table, local formatting with babel, and the USD fallback."""

import math

from components.money import (
    convert,
    currency_options,
    format_money,
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
