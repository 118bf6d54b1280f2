"""Money in USD or the advertiser's own currency, formatted with babel.

Rates come from the dated table in sample_data/exchange_rates.csv (units per US dollar); a
currency without a rate is shown in USD, and the caller is told so.

One locale per page: every number the studio shows is written the English way ("1,722",
"₦14,700.00", "R$2,303.43"), each currency with the symbol its own country uses. Writing
money the Brazilian way ("R$ 2.303,43") beside counts written the English way made "2.303"
read as two thousand or two, depending on the line.

The model keeps money in US dollars; a page shows and takes amounts in the display currency
(`to_display`, `from_display`), and share links carry US dollars.

Unless the ad names a currency, money is shown in the currency of the WhatsApp number's own
country (`currency_region`: `+1 212 …` is the United States whatever the default dialling
region says); `display_currency(ad)` is what a page calls.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    get_currency_name,
    get_currency_precision,
    get_currency_symbol,
)

from components import SAMPLE_DATA
from components.world.regions import get_country

if TYPE_CHECKING:
    from components.campaign.model import Campaign

RATES_CSV = SAMPLE_DATA / "exchange_rates.csv"
# The locale numbers are written in on every page.
PAGE_LOCALE = "en"
# Where each currency's symbol is read from: its own country's ("₦" for NGN, where English
# says "NGN"); the digits are always written the PAGE_LOCALE way.
_LOCALES = {
    "USD": "en_US", "EUR": "de_DE", "GBP": "en_GB", "NGN": "en_NG", "GHS": "en_GH",
    "KES": "en_KE", "UGX": "en_UG", "TZS": "sw_TZ", "ZAR": "en_ZA", "EGP": "ar_EG",
    "INR": "en_IN", "PKR": "en_PK", "BDT": "bn_BD", "IDR": "id_ID", "PHP": "en_PH",
    "VND": "vi_VN", "THB": "th_TH", "MYR": "ms_MY", "SGD": "en_SG", "JPY": "ja_JP",
    "KRW": "ko_KR", "CNY": "zh_CN", "AED": "en_AE", "SAR": "ar_SA", "BRL": "pt_BR",
    "MXN": "es_MX", "ARS": "es_AR", "COP": "es_CO", "PEN": "es_PE", "CLP": "es_CL",
    "CAD": "en_CA", "AUD": "en_AU", "NZD": "en_NZ", "CHF": "de_CH", "SEK": "sv_SE",
    "PLN": "pl_PL", "UAH": "uk_UA", "RUB": "ru_RU", "TRY": "tr_TR", "MAD": "fr_MA",
    "ETB": "am_ET", "XOF": "fr_SN",
}  # fmt: skip


@dataclass(frozen=True)
class Rates:
    """Units of each currency per US dollar, and the day they were read."""

    as_of: str
    per_usd: dict[str, float]


@lru_cache(maxsize=1)
def load_rates() -> Rates:
    """The dated exchange-rate table."""
    as_of = ""
    per_usd: dict[str, float] = {}
    with open(RATES_CSV, encoding="utf-8") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            if len(row) != 2:
                continue
            if row[0] == "as_of":
                as_of = row[1]
            elif row[0] != "currency":
                per_usd[row[0]] = float(row[1])
    return Rates(as_of=as_of, per_usd=per_usd)


def local_currency(region: str) -> str:
    """The currency of the country a number belongs to (USD when unknown)."""
    country = get_country(region)
    return country.currency if country and country.currency else "USD"


def has_rate(code: str) -> bool:
    """Whether `code` (ISO 4217, upper case) is a currency the rate table can show."""
    return code in load_rates().per_usd


def currency_region(ad: Campaign) -> str:
    """The country whose currency is the ad's default: the WhatsApp number's own country when
    the number is valid, else the default dialling region."""
    check = ad.phone_check
    return check.number_region if check.ok and check.number_region else ad.region


def display_currency(ad: Campaign) -> tuple[str, str]:
    """The currency this ad's money is shown in and a note ('' when none): `ad.currency` when
    set, else the currency of the WhatsApp number's country (`currency_region`)."""
    return resolve_currency(ad.currency, currency_region(ad))


def resolve_currency(wanted: str, region: str) -> tuple[str, str]:
    """The currency to show and a note when the wanted one has no rate ('' otherwise).

    `region` is the country whose currency is the default: pass `currency_region(ad)` (or
    call `display_currency(ad)`), not the default dialling region."""
    code = (wanted or local_currency(region)).upper()
    if code in load_rates().per_usd:
        return code, ""
    return "USD", f"No exchange rate for {code}; amounts are shown in USD."


def currency_options(region: str) -> list[str]:
    """USD, the number's local currency, then every other currency with a rate.

    `region`: the number's country, `currency_region(ad)`."""
    rates = sorted(load_rates().per_usd)
    first = ["USD", local_currency(region)]
    return list(dict.fromkeys([code for code in first if code in rates] + rates))


@lru_cache(maxsize=256)
def currency_label(code: str) -> str:
    """'NGN · Nigerian Naira'."""
    return f"{code} · {get_currency_name(code, locale='en')}"


def convert(usd: float, currency: str) -> float:
    """US dollars in `currency`."""
    return usd * load_rates().per_usd.get(currency, 1.0)


@lru_cache(maxsize=256)
def currency_symbol(code: str) -> str:
    """The symbol an amount in `code` is written with: its own country's ("₦", "R$", "KSh ")
    when it is in Latin letters or a currency sign, else the ISO code ("EGP "). A symbol
    ending in a letter gets a space before the digits."""
    symbol = get_currency_symbol(code, locale=_LOCALES.get(code, PAGE_LOCALE))
    readable = symbol and all(
        ord(char) < 0x250 or unicodedata.category(char) == "Sc" for char in symbol
    )
    symbol = symbol if readable else code
    return f"{symbol} " if symbol[-1].isalpha() else symbol


def currency_digits(code: str) -> int:
    """How many decimals an amount in `code` is written with (0 for JPY, 2 for most)."""
    return get_currency_precision(code)


@lru_cache(maxsize=4096)
def format_money(usd: float, currency: str = "USD", compact: bool = False) -> str:
    """An amount held in USD, shown in `currency`: "₦14,700.00", or "₦200.6K" when compact.

    Kept for the figures a page shows again on every rerun (babel takes ~0.1 ms a number)."""
    if usd != usd or usd in (float("inf"), float("-inf")):
        return "—"
    amount = convert(usd, currency)
    sign = "-" if amount < 0 else ""
    if compact and abs(amount) >= 10_000:
        digits = format_compact_decimal(abs(amount), locale=PAGE_LOCALE, fraction_digits=1)
    else:
        places = currency_digits(currency)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        digits = format_decimal(abs(amount), format=pattern, locale=PAGE_LOCALE)
    return f"{sign}{currency_symbol(currency)}{digits}"


def rate_of(currency: str) -> float:
    """Units of `currency` per US dollar (1 for a currency without a rate)."""
    return load_rates().per_usd.get(currency, 1.0)


def to_display(usd: float, currency: str) -> float:
    """A US-dollar amount in `currency`, rounded to that currency's decimals: what an input
    of the amount shows."""
    return round(convert(usd, currency), currency_digits(currency))


def from_display(amount: float, currency: str, usd: float) -> float:
    """The US dollars an amount typed in `currency` stands for; `usd` (the amount held
    before) when the typed amount is what `usd` is shown as, so showing a budget and reading
    it back never moves it by a rounding."""
    if amount == to_display(usd, currency):
        return usd
    exact = amount / rate_of(currency)
    # Eight decimals of a dollar keep a typed amount exact in every currency of the table (a
    # dong is 1/25,000 of a dollar) and keep the share link short.
    short = round(exact, 8)
    return short if to_display(short, currency) == amount else exact


def rate_note(currency: str) -> str:
    """Where a converted amount comes from: "1 USD = 1,470 NGN (rates of 2025-06-02)"; ""
    for USD."""
    if currency == "USD":
        return ""
    rate = format_decimal(rate_of(currency), locale=PAGE_LOCALE)
    return f"1 USD = {rate} {currency} (rates of {load_rates().as_of})"
