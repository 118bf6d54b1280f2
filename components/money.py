"""Money in USD or the advertiser's own currency, formatted the local way with babel.

Rates come from the dated table in sample_data/exchange_rates.csv (units per US dollar); a
currency without a rate is shown in USD, and the caller is told so.

Unless the ad names a currency, money is shown in the currency of the WhatsApp number's own
country (`currency_region`: `+1 212 …` is the United States whatever the default dialling
region says); `display_currency(ad)` is what a page calls.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from babel.numbers import format_compact_currency, format_currency, get_currency_name

from components.ad import SAMPLE_DATA
from components.regions import get_country

if TYPE_CHECKING:
    from components.ad import AdSpec

RATES_CSV = SAMPLE_DATA / "exchange_rates.csv"
# A locale per currency so NGN reads "₦1,470.00" and BRL "R$ 5,33", as people there write it.
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


def currency_region(ad: AdSpec) -> str:
    """The country whose currency is the ad's default: the WhatsApp number's own country when
    the number is valid, else the default dialling region."""
    check = ad.phone_check
    return check.number_region if check.ok and check.number_region else ad.region


def display_currency(ad: AdSpec) -> tuple[str, str]:
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


@lru_cache(maxsize=4096)
def format_money(usd: float, currency: str = "USD", compact: bool = False) -> str:
    """An amount held in USD, shown in `currency` the way that currency's country writes it.

    Kept for the figures a page shows again on every rerun (babel takes ~0.1 ms a number)."""
    if usd != usd or usd in (float("inf"), float("-inf")):
        return "—"
    locale = _LOCALES.get(currency, "en_US")
    amount = convert(usd, currency)
    if compact and abs(amount) >= 10_000:
        short = format_compact_currency(amount, currency, locale=locale, fraction_digits=1)
        # Some locales have no short pattern for thousands and return the raw number.
        if not re.search(r"\d{6}", short):
            return short
    return format_currency(amount, currency, locale=locale)
