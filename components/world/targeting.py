"""Targeting: where an ad runs, who it reaches, how its budget is split and what to watch out for.

Pure Python (no Streamlit), read by the Targeting page and by the forecast:

- ``delivering(codes, scenario)``: the selected countries where the unit runs in a scenario;
  every other country gets no delivery (and no budget) in the forecast.
- ``budget_split(ad)``: USD a day per selected country, in proportion to the estimated audience
  (default) or by the ad's manual shares renormalised; it always adds up to the daily budget
  when at least one country delivers. ``normalise_manual_split`` turns what a person typed
  into shares.
- ``audience_total(codes, city, radius_km)`` and ``format_range``: Meta shows audience
  *ranges*, never a single number, so totals are ranges too. A country whose main city the ad
  targets counts the people within the radius (``components.world.locations``), not the country.
- ``targeting_warnings(ad)``: mismatches between the targets and the rest of the ad.
- ``scenario_changes(countries, scenario)``: what "Europe launched" changes for a selection.
- ``targeting_table(ad)``: one row per selected country for the page's table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from components.world.locations import audience_at, location_audience
from components.world.regions import (
    DEFAULT_SCENARIO,
    SCENARIOS,
    audience_range,
    estimate_range,
    get_country,
    load_catalog,
    region_groups,
    rollout_status,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from components.campaign.model import Campaign

SPLIT_MODES: dict[str, str] = {
    "audience": "In proportion to audience",
    "manual": "By hand",
}
# A Call ad whose targets' UTC offsets span more than this many hours has people calling
# outside one set of business hours (assumption: a working day leaves about 3 hours of slack).
MAX_CALL_OFFSET_SPREAD_HOURS = 3.0
# UTC offsets are read in mid-January and mid-July, so daylight saving in either hemisphere
# counts (the largest spread of the two wins).
_OFFSET_MOMENTS = (datetime(2026, 1, 15, 12, tzinfo=UTC), datetime(2026, 7, 15, 12, tzinfo=UTC))
# Meta Help Center 574941489951914 (product.md, "reporting in Europe").
EUROPE_REPORTING_NOTE = (
    "some messaging metrics, such as “messaging conversations started”, are not reported for "
    "ads delivered to Europe, or when the Page's phone number has a European country code "
    "(Meta Business Help Center, article 574941489951914). The studio still simulates them; "
    "Ads Manager would not show them."
)
_NAMES_SHOWN = 6


# --- countries and scenarios -------------------------------------------------------------


def _known(codes: Iterable[str]) -> tuple[str, ...]:
    """Catalog codes among `codes`, uppercased, de-duplicated, in order."""
    seen: dict[str, None] = {}
    for code in codes:
        country = get_country(code)
        if country is not None:
            seen.setdefault(country.alpha2)
    return tuple(seen)


def _scenario(scenario: str) -> str:
    return scenario if scenario in SCENARIOS else DEFAULT_SCENARIO


@lru_cache(maxsize=1)
def country_labels() -> dict[str, str]:
    """Every catalog code -> "🇳🇬 Nigeria", in name order (for pickers' format_func).

    The labels never change with the scenario: Streamlit's multiselect remembers the chosen
    options by label, so a label that changed would drop the country from the selection.
    Availability is marked on the map, in the table and in the warnings instead.
    """
    return {code: f"{country.flag} {country.name}" for code, country in load_catalog().items()}


def country_label(alpha2: str) -> str:
    """The flag and the plain-language name, "🇳🇬 Nigeria" (the code itself if unknown)."""
    country = get_country(alpha2)
    return country_labels()[country.alpha2] if country else str(alpha2)


def _count(number: int, noun: str) -> str:
    """A count with its noun: "1 country", "3 countries"."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def _names(codes: Sequence[str], limit: int = _NAMES_SHOWN) -> str:
    shown = ", ".join(country_label(code) for code in codes[:limit])
    more = len(codes) - limit
    return shown + (f" and {more} more" if more > 0 else "")


def delivering(codes: Iterable[str], scenario: str = DEFAULT_SCENARIO) -> tuple[str, ...]:
    """The countries among `codes` where the unit is available in the scenario."""
    scenario = _scenario(scenario)
    return tuple(
        code for code in _known(codes) if rollout_status(code, scenario).status == "available"
    )


def selection_text(codes: Sequence[str]) -> str:
    """The selection in words, every country by flag and name, with the count:
    "3 countries chosen: 🇬🇭 Ghana, 🇳🇬 Nigeria, 🇰🇪 Kenya"."""
    known = _known(codes)
    if not known:
        return "No countries chosen yet."
    return f"{_count(len(known), 'country')} chosen: " + ", ".join(map(country_label, known))


def not_delivering(codes: Sequence[str], scenario: str = DEFAULT_SCENARIO) -> list[tuple[str, str]]:
    """Each selected country where the unit does not run in the scenario, as its flag and
    name with the reason in words: ("🇫🇷 France", "Not in the launch rollout: …")."""
    scenario = _scenario(scenario)
    live = set(delivering(codes, scenario))
    return [
        (country_label(code), rollout_status(code, scenario).reason)
        for code in _known(codes)
        if code not in live
    ]


def is_european(alpha2: str) -> bool:
    """Whether a country counts as Europe for the rollout (it changes with "Europe launched")."""
    country = get_country(alpha2)
    if country is None:
        return False
    launch = rollout_status(country.alpha2, "launch")
    europe = rollout_status(country.alpha2, "europe")
    return country.continent == "Europe" or launch != europe


# --- audience ----------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _audience_range(alpha2: str) -> tuple[int, int]:
    return audience_range(alpha2)


@lru_cache(maxsize=4096)
def location_range(alpha2: str, city: str = "", radius_km: int = 0) -> tuple[int, int]:
    """The audience range of one country, or of the radius around `city` when that main city
    is in this country (`locations.audience_at`)."""
    if not city:
        return _audience_range(alpha2)
    return estimate_range(audience_at(alpha2, city, radius_km))


def audience_total(codes: Iterable[str], city: str = "", radius_km: int = 0) -> tuple[int, int]:
    """The summed audience range (low, high) of the known countries among `codes`; with a
    `city` (a GeoNames id), its country counts the people within `radius_km` of it."""
    low = high = 0
    for code in _known(codes):
        country_low, country_high = location_range(code, city, radius_km)
        low += country_low
        high += country_high
    return low, high


def format_count(value: float) -> str:
    """A head count the way audience sizes are written: 940, 9.5K, 43M, 1.2B."""
    value = float(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            scaled = value / size
            text = f"{scaled:.1f}" if scaled < 10 else f"{scaled:.0f}"
            return text.removesuffix(".0") + suffix
    return f"{value:.0f}"


def format_range(low: float, high: float) -> str:
    """An audience range, e.g. "1.2M–1.8M" (a dash when there is nobody)."""
    if high <= 0:
        return "—"
    return f"{format_count(low)}–{format_count(high)}"


@lru_cache(maxsize=1)
def target_groups() -> dict[str, tuple[str, ...]]:
    """The one-click picks: `region_groups()` with only the places where people live.

    Uninhabited territories (Bouvet Island, Heard Island, …) have no audience, so adding
    "South America" leaves them out instead of warning about them; they can still be picked
    one by one. Groups left empty (Antarctica) are dropped.
    """
    groups = {}
    for name, codes in region_groups().items():
        inhabited = tuple(code for code in codes if _audience_range(code)[1] > 0)
        if inhabited:
            groups[name] = inhabited
    return groups


# --- budget split ------------------------------------------------------------------------


def _clean_share(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) and number > 0 else 0.0


def normalise_manual_split(
    countries: Iterable[str],
    values: Mapping[str, Any] | Iterable[tuple[str, Any]],
    scenario: str | None = None,
) -> tuple[tuple[str, float], ...]:
    """Shares summing to 1 over `countries`, from amounts or shares on any scale.

    Negative, missing, non-numeric and non-finite values count as 0. With a scenario, only
    countries that deliver in it keep a share. Returns ``()`` when nothing is left (the split
    then falls back to the audience split).
    """
    given = dict(values.items() if isinstance(values, Mapping) else values)
    codes = _known(countries)
    if scenario is not None:
        allowed = set(delivering(codes, scenario))
        codes = tuple(code for code in codes if code in allowed)
    raw = {code: _clean_share(given.get(code, given.get(code.lower()))) for code in codes}
    total = sum(raw.values())
    if total <= 0:
        return ()
    return tuple((code, value / total) for code, value in raw.items())


def _allocate(budget: float, weights: Mapping[str, float]) -> dict[str, float]:
    """Split `budget` by `weights`; whole cents (largest remainder) when the budget has them."""
    total = sum(weights.values())
    if total <= 0 or budget <= 0:
        return dict.fromkeys(weights, 0.0)
    cents = round(budget * 100)
    if not math.isclose(cents, budget * 100, abs_tol=1e-6):
        return {code: budget * weight / total for code, weight in weights.items()}
    exact = {code: cents * weight / total for code, weight in weights.items()}
    floors = {code: math.floor(value) for code, value in exact.items()}
    left = cents - sum(floors.values())
    by_remainder = sorted(exact, key=lambda code: exact[code] - floors[code], reverse=True)
    for code in by_remainder[:left]:
        floors[code] += 1
    return {code: value / 100 for code, value in floors.items()}


def budget_split(ad: Campaign) -> dict[str, float]:
    """USD a day for every selected country; 0 where the unit does not run in the scenario.

    Audience mode weighs the delivering countries by their estimated audience (the radius
    around the ad's city for that city's country, `locations.location_audience`); manual mode uses
    `ad.manual_split` renormalised over them (falling back to the audience split when it gives
    them nothing). Adds up to `ad.budget` whenever at least one selected country delivers.
    """
    codes = _known(ad.countries)
    live = delivering(codes, ad.scenario)
    weights: dict[str, float] = {}
    if ad.split_mode == "manual":
        weights = dict(normalise_manual_split(live, ad.manual_split))
    if not weights:
        weights = {code: location_audience(ad, code) for code in live}
        if live and sum(weights.values()) <= 0:
            weights = dict.fromkeys(live, 1.0)
    amounts = _allocate(max(float(ad.budget), 0.0), weights) if weights else {}
    return {code: amounts.get(code, 0.0) for code in codes}


# --- warnings ----------------------------------------------------------------------------


@lru_cache(maxsize=512)
def utc_offsets(timezone: str) -> tuple[float, ...]:
    """The zone's UTC offsets in hours in mid-January and mid-July; () for an unknown zone."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ()
    offsets = []
    for moment in _OFFSET_MOMENTS:
        offset = moment.astimezone(zone).utcoffset()
        offsets.append(offset.total_seconds() / 3600 if offset is not None else 0.0)
    return tuple(offsets)


def offset_range(codes: Iterable[str]) -> tuple[float, float]:
    """(earliest, latest) UTC offset in hours of the countries' time zones, read at the moment
    (January or July) when they are furthest apart; (0, 0) when there are none."""
    offsets = [
        zone_offsets
        for code in _known(codes)
        if (country := get_country(code)) and (zone_offsets := utc_offsets(country.timezone))
    ]
    if not offsets:
        return 0.0, 0.0
    ranges = [
        (min(each[i] for each in offsets), max(each[i] for each in offsets))
        for i in range(len(_OFFSET_MOMENTS))
    ]
    return max(ranges, key=lambda pair: pair[1] - pair[0])


def offset_spread(codes: Iterable[str]) -> float:
    """Hours between the earliest and the latest time zone of the countries (0 for one)."""
    earliest, latest = offset_range(codes)
    return latest - earliest


def _format_offset(hours: float) -> str:
    sign = "+" if hours >= 0 else "−"
    whole, minutes = divmod(round(abs(hours) * 60), 60)
    return f"UTC{sign}{whole}" + (f":{minutes:02d}" if minutes else "")


def targeting_warnings(ad: Campaign) -> list[str]:
    """What does not fit together: empty or undeliverable targets, a number from elsewhere,
    calling restrictions and time zones for Call ads."""
    codes = _known(ad.countries)
    scenario = _scenario(ad.scenario)
    scenario_name = SCENARIOS[scenario]
    if not codes:
        return [
            "No countries are selected, so the ad reaches nobody. Add a continent, a "
            "sub-region or a country."
        ]
    warnings: list[str] = []
    live = delivering(codes, scenario)
    idle = [code for code in codes if code not in live]
    if not live:
        warnings.append(
            f"None of the selected countries can run the ad in the “{scenario_name}” scenario, "
            "so the forecast shows no delivery. Add countries where it is available."
        )
    elif idle:
        warnings.append(
            f"{len(idle)} of {_count(len(codes), 'selected country')} "
            f"{'gets' if len(idle) == 1 else 'get'} no delivery and no budget in the "
            f"“{scenario_name}” scenario: {_names(idle)}."
        )

    check = ad.phone_check
    if check.ok and check.number_region and check.number_region not in codes:
        home = country_label(check.number_region)
        if ad.cta == "call":
            warnings.append(
                f"The business number is from {home}, which is not among the targets: people "
                "abroad would make an international call to a number in another country."
            )
        else:
            warnings.append(
                f"The WhatsApp number is from {home}, which is not among the targets: people "
                "abroad would be messaging a number in another country. Add "
                f"{home} or use a local number."
            )

    if ad.cta == "call":
        restricted = [code for code in codes if (c := get_country(code)) and c.call_restricted]
        if restricted:
            warnings.append(
                f"Calling is restricted in {_names(restricted)}: a Call Now button may not "
                "connect there. Consider a Send WhatsApp Message button."
            )
        earliest, latest = offset_range(live or codes)
        if latest - earliest > MAX_CALL_OFFSET_SPREAD_HOURS:
            warnings.append(
                f"This Call ad targets time zones {latest - earliest:g} hours apart "
                f"({_format_offset(earliest)} to {_format_offset(latest)}) with one "
                f"set of business hours ({ad.hours.timezone}): many calls would arrive while "
                "the business is closed. Split it into one ad per time zone, or use a Message "
                "button."
            )
    return warnings


# --- scenario ----------------------------------------------------------------------------


def scenario_changes(
    countries: Iterable[str], scenario: str = DEFAULT_SCENARIO, phone_region: str = ""
) -> list[str]:
    """What switching between "Launch rollout" and "Europe launched" changes for a selection."""
    codes = _known(countries)
    scenario = _scenario(scenario)
    other = "launch" if scenario == "europe" else "europe"
    changed = [
        code for code in codes if rollout_status(code, "launch") != rollout_status(code, "europe")
    ]
    european = [code for code in codes if is_european(code)]
    phone_european = bool(phone_region) and is_european(phone_region)
    lines: list[str] = []
    if scenario == "europe":
        lines.append(
            "“Europe launched”: the button runs in every European country (the EEA, the UK, "
            "Switzerland, the Balkans, Ukraine, …) and the EU's outermost regions. The rest of "
            "Oceania stays “later”; Russia (Meta paused ads there in March 2022), blocked and "
            "sanctioned countries stay unavailable."
        )
        if changed:
            lines.append(
                f"Now delivering and taking a share of the budget ({len(changed)}): "
                f"{_names(changed)}."
            )
        else:
            lines.append("Nothing changes for your countries: none of them is in Europe.")
        if european or phone_european:
            lines.append("Reporting: " + EUROPE_REPORTING_NOTE)
    else:
        if changed:
            lines.append(
                f"Not in the launch rollout, so no delivery at launch ({len(changed)}): "
                f"{_names(changed)}. Switch to “{SCENARIOS[other]}” to see what changes."
            )
        else:
            lines.append(
                f"Switching to “{SCENARIOS[other]}” changes nothing for your countries: none "
                "is in Europe."
            )
        if european or phone_european:
            lines.append("Once Europe launches, reporting changes too: " + EUROPE_REPORTING_NOTE)
    return lines


# --- the table ---------------------------------------------------------------------------

# The map's colours (components.render.charts.STATUS_COLORS) as marks a table cell can show.
STATUS_MARKS: dict[str, str] = {"available": "🟢", "later": "🟠", "unavailable": "⚫"}


def targeting_table(ad: Campaign) -> pd.DataFrame:
    """One row per selected country, in selection order (cached: treat it as read-only).

    Columns: ``code``, ``country`` ("🇳🇬 Nigeria"), ``status`` (key), ``status_label`` (with
    its colour mark, e.g. "🟢 Available"), ``reason``, ``audience_low``, ``audience_high``,
    ``budget_usd`` (USD a day), ``budget_share`` (0–1), and for Call ads ``call_restricted``.
    """
    return _table(*_table_key(ad))


def targeting_table_arrow(ad: Campaign) -> pa.Table:
    """`targeting_table(ad)` as a pyarrow Table (cached).

    `st.dataframe` shows an Arrow table as it is; a pandas frame it converts on every rerun,
    which was a fifth of the Targeting page's rerun time.
    """
    return _arrow_table(*_table_key(ad))


_TableKey = tuple[tuple[str, ...], str, bool, tuple[tuple[str, float], ...], str, int]


def _table_key(ad: Campaign) -> _TableKey:
    split = tuple(budget_split(ad).items())
    codes = _known(ad.countries)
    return codes, _scenario(ad.scenario), ad.cta == "call", split, ad.city, ad.radius_km


@lru_cache(maxsize=64)
def _arrow_table(
    codes: tuple[str, ...],
    scenario: str,
    call: bool,
    split: tuple[tuple[str, float], ...],
    city: str,
    radius_km: int,
) -> pa.Table:
    import pyarrow as pa

    table = _table(codes, scenario, call, split, city, radius_km)
    return pa.Table.from_pandas(table, preserve_index=False)


@lru_cache(maxsize=64)
def _table(
    codes: tuple[str, ...],
    scenario: str,
    call: bool,
    split: tuple[tuple[str, float], ...],
    city: str = "",
    radius_km: int = 0,
) -> pd.DataFrame:
    import pandas as pd

    amounts = dict(split)
    budget = sum(amounts.values())
    statuses = [rollout_status(code, scenario) for code in codes]
    ranges = [location_range(code, city, radius_km) for code in codes]
    columns: dict[str, list[Any]] = {
        "code": list(codes),
        "country": [country_label(code) for code in codes],
        "status": [status.status for status in statuses],
        "status_label": [f"{STATUS_MARKS[s.status]} {s.label}" for s in statuses],
        "reason": [status.reason for status in statuses],
        "audience_low": [low for low, _ in ranges],
        "audience_high": [high for _, high in ranges],
        "audience": [format_range(low, high) for low, high in ranges],
        "budget_usd": [amounts.get(code, 0.0) for code in codes],
        "budget_share": [amounts.get(code, 0.0) / budget if budget > 0 else 0.0 for code in codes],
    }
    if call:
        columns["call_restricted"] = [bool(get_country(code).call_restricted) for code in codes]
    numbers = {"audience_low": "int64", "audience_high": "int64", "call_restricted": "bool"}
    numbers |= {"budget_usd": "float64", "budget_share": "float64"}
    return pd.DataFrame(
        {
            name: pd.Series(values, dtype=numbers.get(name, "str"))
            for name, values in columns.items()
        }
    )
