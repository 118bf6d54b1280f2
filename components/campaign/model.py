"""The one domain model: `Campaign`, its limits, its checks and its share-link round trip.

An `Campaign` is everything a person composes (copy, button, number, welcome message) plus the
campaign settings later pages read (targets and where in them, scenario, budget, days, seed,
the forecast's settings). Images travel as
bytes beside the text but never in a share link. `from_query_params` never raises: every bad
value becomes a friendly note and falls back to the default ad's value.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from components import SAMPLE_DATA
from components.campaign.fields import (
    CTA_LABELS,
    FIELDS,
    MAX_CHARS,
    MAX_QUICK_REPLIES,
    NUMBER_RANGES,
    QUICK_REPLY_LIMIT,
)
from components.campaign.hours import (
    BusinessHours,
    canonical_timezone,
    format_hours_text,
    hours_from_record,
    parse_hours_text,
)
from components.campaign.phone import PhoneCheck, check_phone, normalize_region
from components.campaign.quoting import markdown_code

# Meta's recommended lengths (product.md, "text lengths"): longer text is truncated with
# "See more" in the feed, never rejected, so these are warnings, not caps.
PRIMARY_TEXT_LIMIT = 125
HEADLINE_LIMIT = 40
DESCRIPTION_LIMIT = 25
# Stories: keep primary text under 100; Reels cut primary text at 72 (product.md).
STORY_TEXT_LIMIT = 100
REELS_TEXT_LIMIT = 72
# What the business's number is called: a Call Now ad's is dialled, not messaged on WhatsApp.
NUMBER_LABELS = {"message": "WhatsApp number", "call": "Phone number"}
DEFAULT_RADIUS_KM = 25


@dataclass(frozen=True)
class Campaign:
    """An ad with a WhatsApp button, and the campaign settings that go with it."""

    business: str = ""
    verified: bool = False
    text: str = ""
    headline: str = ""
    description: str = ""
    cta: str = "message"
    phone: str = ""
    region: str = "US"
    prefill: str = ""
    greeting: str = ""
    replies: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    scenario: str = "launch"
    budget: float = 20.0
    days: int = 14
    seed: int = 7
    # Forecast settings: how fast the business replies to a chat (minutes), whether a Call
    # ad runs only in business hours, Monte Carlo runs, first day (None = next Monday) and
    # the currency money is shown in ("" = the WhatsApp number's country's currency).
    reply_minutes: float = 15.0
    schedule_hours: bool = False
    runs: int = 500
    start: date | None = None
    currency: str = ""
    # Where in the targeted countries: "" = every one of them whole; else a GeoNames id of a
    # main city (components.world.locations) of one of `countries`, reached within `radius_km`.
    city: str = ""
    radius_km: int = DEFAULT_RADIUS_KM
    # Images are processed bytes (see components.campaign.images); never part of a share link.
    image: bytes | None = field(default=None, repr=False)
    logo: bytes | None = field(default=None, repr=False)
    # Optional 9:16 art for Stories and Reels; without it they crop `image`.
    story_image: bytes | None = field(default=None, repr=False)
    # How an image whose shape differs from a placement's is framed: "crop" fills the frame,
    # "fit" shows the whole image with bars.
    image_fit: str = "crop"
    # How the daily budget is split across `countries`: "audience" (in proportion to the
    # estimated audience) or "manual" (`manual_split`: country -> share, summing to 1).
    split_mode: str = "audience"
    manual_split: tuple[tuple[str, float], ...] = ()
    # When someone answers: out-of-hours taps on a Call ad are missed calls.
    hours: BusinessHours = field(default_factory=BusinessHours)

    def image_for(self, aspect: str) -> bytes | None:
        """The art a placement of this aspect shows: the 9:16 story art when there is one."""
        if aspect == "9:16" and self.story_image:
            return self.story_image
        return self.image

    @property
    def cta_label(self) -> str:
        """The button's label as Facebook shows it."""
        return CTA_LABELS.get(self.cta, CTA_LABELS["message"])

    @property
    def number_label(self) -> str:
        """What the business's number is called for this button: "WhatsApp number" or
        "Phone number"."""
        return NUMBER_LABELS.get(self.cta, NUMBER_LABELS["message"])

    @property
    def number_in_text(self) -> str:
        """`number_label` inside a sentence: "WhatsApp number" or "phone number"."""
        label = self.number_label
        return label if label.startswith("WhatsApp") else label.lower()

    @property
    def phone_check(self) -> PhoneCheck:
        """The number checked against the default region for this button (a WhatsApp button
        refuses an extension; cached per number, region and button)."""
        return cached_phone_check(self.phone, self.region, self.cta)


@lru_cache(maxsize=512)
def cached_phone_check(phone: str, region: str, cta: str = "call") -> PhoneCheck:
    """`check_phone`, remembered: the composer checks the same number on every rerun."""
    return check_phone(phone, region, cta)


@dataclass(frozen=True)
class LengthWarning:
    """A field longer than Meta recommends: shown beside the counter, nothing is cut."""

    field: str
    length: int
    limit: int

    @property
    def message(self) -> str:
        """What the composer shows under the field."""
        over = self.length - self.limit
        return (
            f"{over} character{'s' if over != 1 else ''} over Meta's recommended {self.limit}: "
            "the feed will cut it with “… See more”."
        )


def length_warnings(ad: Campaign) -> list[LengthWarning]:
    """Fields past Meta's recommended lengths."""
    checks = (
        ("text", ad.text, PRIMARY_TEXT_LIMIT),
        ("headline", ad.headline, HEADLINE_LIMIT),
        ("description", ad.description, DESCRIPTION_LIMIT),
    )
    return [
        LengthWarning(name, len(value), limit)
        for name, value, limit in checks
        if len(value) > limit
    ]


def reply_problems(replies: tuple[str, ...]) -> list[str]:
    """What is wrong with a set of quick replies (too many, too long)."""
    problems = []
    if len(replies) > MAX_QUICK_REPLIES:
        problems.append(f"Use at most {MAX_QUICK_REPLIES} quick replies.")
    for index, reply in enumerate(replies, start=1):
        if len(reply) > QUICK_REPLY_LIMIT:
            problems.append(
                f"Quick reply {index} is {len(reply)} characters; WhatsApp allows "
                f"{QUICK_REPLY_LIMIT}."
            )
    return problems


@lru_cache(maxsize=1)
def _default_record() -> dict[str, Any]:
    with open(SAMPLE_DATA / "default_ad.json", encoding="utf-8") as handle:
        return json.load(handle)


def campaign_from_record(record: Mapping[str, Any]) -> Campaign:
    """An Campaign from a sample-business record (sample_data/*.json), images loaded from disk."""
    image = _read_sample_file(record.get("image"))
    story_image = _read_sample_file(record.get("story_image"))
    logo = _read_sample_file(record.get("logo"))
    return Campaign(
        business=str(record.get("business", "")),
        verified=bool(record.get("verified", False)),
        text=str(record.get("text", "")),
        headline=str(record.get("headline", "")),
        description=str(record.get("description", "")),
        cta=str(record.get("cta", "message")),
        phone=str(record.get("phone", "")),
        region=normalize_region(str(record.get("region", "US"))) or "US",
        prefill=str(record.get("prefill", "")),
        greeting=str(record.get("greeting", "")),
        replies=tuple(str(r) for r in record.get("replies", ()))[:MAX_QUICK_REPLIES],
        countries=tuple(str(c).upper() for c in record.get("countries", ())),
        budget=float(record.get("budget", 20.0)),
        days=int(record.get("days", 14)),
        city=str(record.get("city", "")),
        radius_km=int(record.get("radius_km", DEFAULT_RADIUS_KM)),
        image=image,
        logo=logo,
        story_image=story_image,
        hours=hours_from_record(record.get("hours")),
    )


def _read_sample_file(relative: Any) -> bytes | None:
    if not relative:
        return None
    path = (SAMPLE_DATA / str(relative)).resolve()
    if SAMPLE_DATA not in path.parents or not path.is_file():
        return None
    return path.read_bytes()


@lru_cache(maxsize=1)
def _sample_art_digests() -> frozenset[str]:
    folder = SAMPLE_DATA / "images"
    return frozenset(hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir())


@lru_cache(maxsize=32)
def is_sample_art(data: bytes | None) -> bool:
    """Whether `data` is one of the sample businesses' pictures (sample_data/images), not
    the person's own. Remembered per image: the pages ask on every rerun."""
    return bool(data) and hashlib.sha256(data).hexdigest() in _sample_art_digests()


def upload_changes(ad: Campaign, kind: str, data: bytes) -> dict[str, bytes | None]:
    """The fields an upload as `kind` ("image", "story_image" or "logo") changes in `ad`.

    A new ad image is what every placement shows: the sample's 9:16 story art, which Stories
    and Reels would otherwise keep showing beside it, goes; the person's own stays.
    """
    changes: dict[str, bytes | None] = {kind: data}
    if kind == "image" and is_sample_art(ad.story_image):
        changes["story_image"] = None
    return changes


def with_uploaded_image(ad: Campaign, kind: str, data: bytes) -> Campaign:
    """The ad with the person's upload as its `kind` (see `upload_changes`)."""
    return replace(ad, **upload_changes(ad, kind, data))


def default_campaign() -> Campaign:
    """The finished sample ad the composer opens with."""
    return _default_campaign()


@lru_cache(maxsize=1)
def _default_campaign() -> Campaign:
    return campaign_from_record(_default_record())


# ---- share link -------------------------------------------------------------------------


def to_query_params(ad: Campaign) -> dict[str, str]:
    """The share-link parameters that reopen this ad (images excepted)."""
    return {
        "business": ad.business,
        "verified": "1" if ad.verified else "0",
        "text": ad.text,
        "headline": ad.headline,
        "description": ad.description,
        "cta": ad.cta,
        "phone": ad.phone,
        "region": ad.region,
        "prefill": ad.prefill,
        "greeting": ad.greeting,
        "replies": "|".join(ad.replies),
        "countries": ",".join(ad.countries),
        "scenario": ad.scenario,
        "budget": _format_number(ad.budget),
        "days": str(ad.days),
        "seed": str(ad.seed),
        # "" = the default: the Monday after the day the link is opened.
        "start": ad.start.isoformat() if ad.start else "",
        # "" = the currency of the WhatsApp number's country.
        "currency": ad.currency,
        "reply": _format_number(ad.reply_minutes),
        "tz": ad.hours.timezone,
        "hours": format_hours_text(ad.hours.weekly),
        "city": ad.city,
        "radius": str(ad.radius_km),
        "runs": str(ad.runs),
        "schedule": "1" if ad.schedule_hours else "0",
    }


def _format_number(value: float) -> str:
    # repr is the shortest text that reads back as the same float (`:g` cut 12345.67 to 12345.7).
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _first(value: Any, name: str = "", notes: list[str] | None = None) -> str | None:
    """Streamlit hands a repeated parameter over as a list; the first one wins (and when the
    others differ from it, a note says they were ignored)."""
    if isinstance(value, (list, tuple)):
        values = [str(item) for item in value]
        value = values[0] if values else None
        if notes is not None and any(item != value for item in values[1:]):
            notes.append(
                _note(
                    name, f"appears {len(values)} times with different values; the first is used."
                )
            )
    if value is None:
        return None
    return str(value)


def _clean_text(value: str) -> str:
    # Lone surrogates come from broken UTF-8 escapes; they cannot be encoded or rendered.
    return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


# Text fields a link carries as they are (the other texts have a shape of their own).
_PLAIN_TEXT = ("business", "text", "headline", "description", "prefill", "greeting", "phone")


def from_query_params(
    params: Mapping[str, Any], base: Campaign | None = None
) -> tuple[Campaign, list[str]]:
    """Read share-link parameters over `base`; return the ad and notes. Without a base, over
    the sample business `sample=<slug>` names, else the default ad.

    Never raises. A value that cannot be used (a number out of range included) leaves the
    base value in place and adds a note that names the parameter in backticks and says why.
    Only spelling is forgiven silently: case and surrounding spaces of words and codes, empty
    items in lists, duplicate countries, how a number is written.
    """
    notes: list[str] = []
    changes: dict[str, Any] = {}

    def first(name: str) -> str | None:
        return _first(params.get(name), name, notes)

    ad = base if base is not None else _linked_sample(first("sample"), notes)
    if base is not None and first("sample") is not None:
        notes.append(_note("sample", "ignored: the link opens a saved draft."))

    # `draft` is opened by the session (components.ui.session), which notes an id that opens
    # nothing; an empty `draft=` never reaches the store, so it is noted here.
    if first("draft") == "":
        notes.append(_note("draft", "empty, so no shared draft was opened."))

    for name in _PLAIN_TEXT:
        raw = first(name)
        if raw is None:
            continue
        unreadable = _unreadable(raw)
        if unreadable:
            notes.append(_note(name, f"{unreadable}; the sample's {name} is shown instead."))
            continue
        cleaned = raw
        if len(cleaned) > MAX_CHARS[name]:
            notes.append(
                _note(
                    name,
                    f"{len(cleaned):,} characters, more than the {MAX_CHARS[name]:,} "
                    f"allowed; the sample's {name} is shown instead.",
                )
            )
            continue
        changes[name] = cleaned

    for held in ("verified", "schedule_hours"):
        name = FIELDS[held].param
        raw = first(name)
        if raw is None:
            continue
        if raw.strip().lower() in ("1", "true", "yes"):
            changes[held] = True
        elif raw.strip().lower() in ("0", "false", "no", ""):
            changes[held] = False
        else:
            notes.append(_note(name, f"should be 1 or 0; {_quote(raw)} ignored."))

    raw = first("cta")
    if raw is not None:
        if raw.strip().lower() in CTA_LABELS:
            changes["cta"] = raw.strip().lower()
        else:
            notes.append(
                _note(
                    "cta",
                    f"Unknown button type {_quote(raw)}: use `message` or `call`. "
                    "Showing Send WhatsApp Message.",
                )
            )
            changes["cta"] = "message"

    raw = first("region")
    if raw is not None:
        region = normalize_region(raw)
        if region:
            changes["region"] = region
        else:
            notes.append(_note("region", f"Unknown country code {_quote(raw)}; ignored."))

    raw = first("replies")
    if raw is not None:
        replies = tuple(part.strip() for part in raw.split("|") if part.strip())
        if _unreadable(raw):
            notes.append(
                _note("replies", f"{_unreadable(raw)}; the sample's replies are shown instead.")
            )
        elif len(raw) > MAX_CHARS["replies"] or reply_problems(replies):
            notes.append(
                _note(
                    "replies",
                    f"at most {MAX_QUICK_REPLIES} replies of at most "
                    f"{QUICK_REPLY_LIMIT} characters each; the sample's replies are shown.",
                )
            )
        else:
            changes["replies"] = replies

    raw = first("countries")
    if raw is not None and len(raw) > MAX_CHARS["countries"]:
        notes.append(_note("countries", "too long; the sample's targets are kept."))
    elif raw is not None:
        # Empty items ("NG,,GH") are spelling; dropping them first also keeps the codes after
        # a run of commas within the parser's token limit.
        codes, unknown = parse_country_list(
            ",".join(part for part in raw.split(",") if part.strip())
        )
        if unknown:
            shown = ", ".join(_quote(code, 8) for code in unknown[:5])
            more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            notes.append(_note("countries", f"Unknown country codes ignored: {shown}{more}."))
        changes["countries"] = codes

    raw = first("scenario")
    if raw is not None:
        if raw.strip().lower() in FIELDS["scenario"].choices:
            changes["scenario"] = raw.strip().lower()
        else:
            notes.append(
                _note("scenario", f"Unknown scenario {_quote(raw)}: use `launch` or `europe`.")
            )

    for field_name, (low, high) in NUMBER_RANGES.items():
        name, kind = FIELDS[field_name].param, int if FIELDS[field_name].whole else float
        raw = first(name)
        if raw is None:
            continue
        value = _parse_number(raw, kind)
        if value is None and _far_too_large(raw):
            value = math.inf  # a number, though too large to read: "must be between" below
        if value is None:
            whole = " without decimals" if kind is int else ""
            notes.append(_note(name, f"should be a number{whole}; {_quote(raw)} ignored."))
        elif not low <= value <= high:
            notes.append(
                _note(
                    name,
                    f"must be between {written_number(low)} and {written_number(high)}; "
                    f"{_quote(raw)} ignored, the sample's value is kept.",
                )
            )
        else:
            changes[field_name] = value

    _read_forecast_settings(first, ad, changes, notes)
    return replace(ad, **changes), notes


def _linked_sample(raw: str | None, notes: list[str]) -> Campaign:
    """The sample business a `sample=<slug>` link starts from (the default ad without one,
    or, with a note, for a slug that names no sample)."""
    if raw is None:
        return default_campaign()
    from components.campaign.samples import load_samples  # samples build on this module

    samples = load_samples()
    sample = samples.get(raw.strip().lower())
    if sample is not None:
        return sample.ad
    default = next((s for s in samples.values() if s.ad == default_campaign()), None)
    shown = f"the default sample ({default.label})" if default else "the default sample"
    notes.append(_note("sample", f"no sample business is called {_quote(raw)}; showing {shown}."))
    return default_campaign()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _read_forecast_settings(
    first: Callable[[str], str | None], ad: Campaign, changes: dict[str, Any], notes: list[str]
) -> None:
    """`start`, `currency`, `tz`, `hours` and `city` into `changes` (bad ones into `notes`)."""
    raw = first("start")
    if raw is not None:
        text = raw.strip()
        start = _parse_date(text) if text else None
        if not text:
            changes["start"] = None  # the default: the Monday after today
        elif start is None:
            notes.append(
                _note(
                    "start",
                    f"should be a date written YYYY-MM-DD between the years {FIELDS['start'].low} "
                    f"and {FIELDS['start'].high}; {_quote(raw)} ignored.",
                )
            )
        else:
            changes["start"] = start

    raw = first("currency")
    if raw is not None:
        from components.world.money import has_rate

        code = raw.strip().upper()
        if not code or (raw.isascii() and has_rate(code)):
            changes["currency"] = code
        else:
            notes.append(
                _note(
                    "currency",
                    f"{_quote(raw)} is not a currency with an exchange rate here (use an "
                    "ISO 4217 code such as USD or NGN); the sample's currency is kept.",
                )
            )

    hours = ad.hours
    raw = first("tz")
    if raw is not None:
        zone = canonical_timezone(raw)
        if zone:
            hours = replace(hours, timezone=zone)
        else:
            notes.append(
                _note(
                    "tz",
                    f"Unknown time zone {_quote(raw)}: use an IANA name such as "
                    "Africa/Lagos; the sample's time zone is kept.",
                )
            )
    raw = first("hours")
    if raw is not None:
        try:
            if len(raw) > MAX_CHARS["hours"]:
                raise ValueError(f"at most {MAX_CHARS['hours']:,} characters")
            hours = replace(hours, weekly=parse_hours_text(raw))
        except ValueError as error:
            notes.append(
                _note(
                    "hours",
                    f"could not be read ({error}; `24/7` for always open); the sample's "
                    "hours are kept.",
                )
            )
    if hours != ad.hours:
        changes["hours"] = hours

    raw = first("city")
    if raw is not None:
        from components.world.locations import get_city

        countries = changes.get("countries", ad.countries)
        city = get_city(raw) if raw.strip() else None
        if not raw.strip():
            changes["city"] = ""  # the whole of every targeted country
        elif city is None:
            notes.append(
                _note(
                    "city",
                    f"{_quote(raw)} is not the GeoNames id of a main city; ignored.",
                )
            )
        elif city.country not in countries:
            notes.append(
                _note(
                    "city",
                    f"{_short(city.name)} is in {city.country}, which is not among the target "
                    "countries; ignored.",
                )
            )
        else:
            changes["city"] = city.geonameid


def _parse_date(text: str) -> date | None:
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        value = date.fromisoformat(text)
    except ValueError:
        return None
    return value if FIELDS["start"].low <= value.year <= FIELDS["start"].high else None


# A number as people write it in a link: ASCII digits, an optional sign, point and exponent.
# float() alone would also read "1_000", "٣" (Arabic-Indic 3), "inf" and "nan".
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def _note(name: str, message: str) -> str:
    """A share-link note: the parameter's name first, in backticks, then what happened. A
    quoted value never holds a backtick (see `_short`), so the name cannot be forged."""
    return f"`{name}`: {message}"


def _quote(raw: str, limit: int = 24) -> str:
    """A bad value quoted back in a note: a code span (`_short`), then, when the value held
    invisible characters (a NUL from `%00`, a bidi override), which ones, by code point, so
    `call%00` does not read as an unknown button type `call`."""
    hidden = sorted({char for char in raw[: limit + 8] if unicodedata.category(char) in _INVISIBLE})
    quoted = markdown_code(_short(raw, limit))
    if not hidden:
        return quoted
    names = ", ".join(f"U+{ord(char):04X}" for char in hidden[:3])
    plural = "s" if len(hidden) > 1 else ""
    return f"{quoted} (with the invisible character{plural} {names} in it)"


def _unreadable(raw: str) -> str:
    """Why a text value cannot be used as it came, in words ("" when it can)."""
    if "\x00" in raw:
        return "the value holds a NUL character (`%00`), which text cannot carry"
    # U+FFFD is what a decoder leaves of a broken %-escape (a lone %FF); lone surrogates come
    # from escapes of half a character.
    if "\ufffd" in raw or _clean_text(raw) != raw:
        return (
            "the value has characters that could not be read (a %-escape of bytes that are "
            "not UTF-8 text)"
        )
    return ""


def written_number(value: float) -> str:
    """A bound as people write it: 2,147,483,647 and 100,000, never 2.14748e+09."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _far_too_large(raw: str) -> bool:
    """Written as a number, but longer than 32 characters or beyond a float (1e400)."""
    text = raw.strip()
    if len(text) > 400:  # not handed to the regular expression or float() whole
        return text.isascii() and text.isdigit()
    if not _NUMBER.fullmatch(text):
        return False
    return len(text) > 32 or not math.isfinite(float(text))


def _parse_number(raw: str, kind: type) -> float | int | None:
    text = raw.strip()
    if len(text) > 32 or not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    if not math.isfinite(value):
        return None
    if kind is int:
        # Decimal, not float: "2147483647.0000001" is not a whole number, though its float is.
        try:
            exact = Decimal(text)
            if exact != exact.to_integral_value():
                return None
        except InvalidOperation:
            return None
        return int(value)
    return value


def _short(value: str, limit: int = 24) -> str:
    """A bad value quoted back to the user: shortened, one line, without backticks, and
    without the invisible characters (controls, bidi overrides) that could garble the note."""
    text = "".join(
        " " if unicodedata.category(char) in _INVISIBLE else char
        for char in _clean_text(value[: limit + 8]).replace("`", "'")
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Control and format characters (NUL…US, DEL, bidi overrides, zero-width), line and paragraph
# separators, and surrogates.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def parse_country_list(raw: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Comma-separated ISO alpha-2 codes → (known, unknown); never raises."""
    from components.world.regions import parse_country_codes

    return parse_country_codes(raw)


def campaign_fields() -> tuple[str, ...]:
    """Names of the Campaign's fields (for forms and persistence)."""
    return tuple(f.name for f in fields(Campaign))
