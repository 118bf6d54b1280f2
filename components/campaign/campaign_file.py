"""A campaign as JSON: the export/import file and the payload the drafts store keeps.

Everything is driven by `dataclasses.fields(Campaign)` and the fields' type hints, so a field
added to `Campaign` is saved, exported and restored without touching this module (as long as its
type is one of: str, bool, int, float, bytes, Optional of those, tuples/lists, dicts with string
keys, `BusinessHours` or another frozen dataclass built from these).

The file format is one flat JSON object: the field names as keys, images as base64 strings,
business hours as `hours_to_record`, tuples as lists, plus ``"schema"`` and ``"version"``.

Two ways in:
- `import_json` / `campaign_from_dict` (the default, ``trusted=False``) read a file a person
  hands us: nothing is trusted. Size and nesting are bounded before parsing, every value is
  type-checked and range-checked, images go through `components.campaign.images.check_upload` (kept
  byte for byte when already what the studio stores, else re-encoded to the stored bounds, so
  an imported campaign always exports and imports again), country codes through
  `components.world.regions`; anything wrong raises `CampaignFileError` with a message a person can
  act on (Markdown: every value from the file is quoted as a code span, numbers and characters
  are named in words), and nothing is half-imported (a `Campaign` is only built at the end).
- ``trusted=True`` reads what the drafts store wrote itself: types are still checked, but a
  field the payload lacks (a field added to `Campaign` since) takes its default and a value of
  the wrong type falls back to the default instead of making the draft unopenable.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import enum
import json
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from components.campaign.fields import FIELDS, MAX_CHARS, NUMBER_RANGES, field_label
from components.campaign.hours import DAYS, BusinessHours, hours_problems, hours_to_record
from components.campaign.images import (
    MAX_STORED_BYTES,
    MAX_UPLOAD_BYTES,
    MB,
    check_upload,
    size_text,
)
from components.campaign.model import Campaign, reply_problems, written_number
from components.campaign.phone import normalize_region
from components.campaign.quoting import markdown_code

SCHEMA = "button-ad-studio/campaign"
SCHEMA_VERSION = 1
# What the studio exports always fits: three images (image, logo, story_image) of at most
# MAX_STORED_BYTES each, base64-encoded (4 bytes for 3), and 1 MB for everything else (every text
# field at its ceiling, written as \uXXXX escapes, is under 0.1 MB), rounded up to a whole MB:
# 34 MB. Anything larger is refused before it is parsed; the Campaigns page's uploader takes
# the same limit, and the server's (`server.maxUploadSize`) is above it
# (tests/campaign/test_campaign_json_limits.py checks all three, and a worst-case export).
_IMAGE_FIELDS = ("image", "logo", "story_image")
_BASE64_IMAGE_BYTES = 4 * math.ceil(MAX_STORED_BYTES / 3)
MAX_FILE_BYTES = math.ceil((len(_IMAGE_FIELDS) * _BASE64_IMAGE_BYTES + MB) / MB) * MB
# The deepest a campaign file nests is 5 (file → hours → weekly → day → pair); the limit leaves
# room for new fields and stops "[[[[…" files long before the parser could recurse.
MAX_DEPTH = 20
# Ceilings for values no other module bounds.
MAX_TEXT_CHARS = 10_000
MAX_ITEMS = 500
MAX_IMAGE_B64_CHARS = (MAX_UPLOAD_BYTES + 2) // 3 * 4 + 16
MAX_ABS_NUMBER = 1e15

# The fields a version-1 file must hold (Campaign's fields when version 1 was defined). A field
# added to Campaign later is optional in a version-1 file and takes its default when missing.
V1_FIELDS = frozenset(
    {
        "business", "verified", "text", "headline", "description", "cta", "phone", "region",
        "prefill", "greeting", "replies", "countries", "scenario", "budget", "days", "seed",
        "reply_minutes", "schedule_hours", "runs", "start", "currency", "image", "logo",
        "story_image", "image_fit", "split_mode", "manual_split", "hours",
    }
)  # fmt: skip

_MAX_SPLIT_COUNTRIES = 300


class CampaignFileError(ValueError):
    """A campaign file or payload that cannot be used; `str(error)` is a message for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---- type introspection -----------------------------------------------------------------


@lru_cache(maxsize=32)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional_inner(tp: Any) -> Any | None:
    """`X` for `X | None` / `Optional[X]`, else None."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0]
    return None


# ---- encoding ---------------------------------------------------------------------------

BytesEncoder = Callable[[bytes], Any]
BytesDecoder = Callable[[Any], bytes]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _encode(value: Any, tp: Any, encode_bytes: BytesEncoder) -> Any:
    if tp is BusinessHours:
        return hours_to_record(value)
    inner = _optional_inner(tp)
    if inner is not None:
        return None if value is None else _encode(value, inner, encode_bytes)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (tuple, list):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return [_encode(item, arg, encode_bytes) for item, arg in zip(value, args, strict=True)]
        return [_encode(item, args[0] if args else Any, encode_bytes) for item in value]
    if origin is dict:
        return {str(key): _encode(item, args[1], encode_bytes) for key, item in value.items()}
    if origin is typing.Literal:
        return value
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        return {
            f.name: _encode(getattr(value, f.name), hints[f.name], encode_bytes)
            for f in dataclasses.fields(tp)
        }
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return value.value
    if tp is bytes:
        return encode_bytes(value)
    if tp is dt.datetime or tp is dt.date or tp is dt.time:
        return value.isoformat()
    if tp is bool or tp is str or tp is int:
        return value
    if tp is float:
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"cannot store a non-finite number ({value!r})")
        return number
    if tp is Any:
        return value
    raise TypeError(f"campaign_json cannot store a value of type {tp!r}")


def campaign_to_dict(ad: Campaign, *, encode_bytes: BytesEncoder | None = None) -> dict[str, Any]:
    """The JSON-ready dict of a campaign: every Campaign field by name, plus schema and version.

    Images become base64 strings unless `encode_bytes` says otherwise (the store passes one
    that keeps images aside, by content hash).
    """
    encoder = encode_bytes or _b64
    hints = _hints(Campaign)
    record: dict[str, Any] = {"schema": SCHEMA, "version": SCHEMA_VERSION}
    for f in dataclasses.fields(Campaign):
        record[f.name] = _encode(getattr(ad, f.name), hints[f.name], encoder)
    return record


def _exported_image(data: bytes) -> str:
    """An image as base64 for a campaign file. One stored before images were held to
    MAX_STORED_BYTES (a draft saved with a 12.4 MB PNG) is brought within it first, so the
    file imports again."""
    if len(data) > MAX_STORED_BYTES:
        check = check_upload(data, max_bytes=len(data), keep_clean=True)
        if check.ok:
            data = check.data
    return _b64(data)


def export_json(ad: Campaign) -> bytes:
    """The campaign as a UTF-8 JSON file (indented, readable), which `import_json` reads back:
    within MAX_FILE_BYTES, its images within the stored bounds."""
    record = campaign_to_dict(ad, encode_bytes=_exported_image)
    try:
        text = json.dumps(record, ensure_ascii=False, indent=2, allow_nan=False)
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot be written as UTF-8; escaped ASCII keeps the file valid.
        return json.dumps(record, ensure_ascii=True, indent=2, allow_nan=False).encode("ascii")


# ---- decoding ---------------------------------------------------------------------------


class _Context:
    def __init__(self, trusted: bool, decode_bytes: BytesDecoder | None) -> None:
        self.trusted = trusted
        self.decode_bytes = decode_bytes


def _where(path: str) -> str:
    """The field a message is about: "Start date (`start`)". The path can hold a key from the
    file (`manual_split.<key>`), so it is quoted like any value from the file."""
    top = path.split(".", 1)[0].split("[", 1)[0]
    label = field_label(top)
    return f"{label} ({markdown_code(_short(path, 60))})"


def _kind(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float) and not math.isfinite(value):
        return "a number too large to read"  # 1e999 in the file
    if isinstance(value, float) and not value.is_integer():
        return f"{value:g}"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _fail(path: str, expected: str, value: Any) -> CampaignFileError:
    return CampaignFileError(f"{_where(path)} should be {expected}, not {_kind(value)}.")


def _check_text(value: str, path: str, limit: int) -> str:
    if len(value) > limit:
        raise CampaignFileError(f"{_where(path)} is {len(value):,} characters; at most {limit:,}.")
    if "\x00" in value:
        raise CampaignFileError(
            f"{_where(path)} holds a NUL character (U+0000), which text cannot carry."
        )
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise CampaignFileError(
            f"{_where(path)} holds half of a character (a lone UTF-16 surrogate, written "
            "\\uD800 to \\uDFFF), which cannot be shown or saved."
        )
    return value


def _decode_bytes_b64(value: Any, path: str, ctx: _Context) -> bytes:
    if not isinstance(value, str):
        raise _fail(path, "an image as base64 text", value)
    if not ctx.trusted and len(value) > MAX_IMAGE_B64_CHARS:
        raise CampaignFileError(
            f"{_where(path)} is too large: images can be at most {size_text(MAX_UPLOAD_BYTES)}."
        )
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise CampaignFileError(f"{_where(path)} is not valid base64 image data.") from None
    if not ctx.trusted:
        # Kept as it is when it already is what the studio stores; otherwise re-encoded to
        # the stored bounds, so what is imported can be exported and imported again.
        check = check_upload(data, keep_clean=True)
        if not check.ok:
            raise CampaignFileError(f"{_where(path)}: {check.error}")
        return check.data
    return data


def _decode(value: Any, tp: Any, path: str, ctx: _Context) -> Any:
    if tp is BusinessHours:
        return _decode_hours(value, path, ctx)
    inner = _optional_inner(tp)
    if inner is not None:
        return None if value is None else _decode(value, inner, path, ctx)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (tuple, list):
        if not isinstance(value, list):
            raise _fail(path, "a list", value)
        if len(value) > MAX_ITEMS:
            raise CampaignFileError(
                f"{_where(path)} has {len(value):,} items; at most {MAX_ITEMS}."
            )
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(value) != len(args):
                raise _fail(path, f"a list of {len(args)} items", value)
            items = [
                _decode(item, arg, f"{path}[{i}]", ctx)
                for i, (item, arg) in enumerate(zip(value, args, strict=True))
            ]
        else:
            item_tp = args[0] if args else Any
            items = [_decode(item, item_tp, f"{path}[{i}]", ctx) for i, item in enumerate(value)]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail(path, "an object", value)
        if len(value) > MAX_ITEMS:
            raise CampaignFileError(
                f"{_where(path)} has {len(value):,} items; at most {MAX_ITEMS}."
            )
        return {
            _check_text(key, path, 200): _decode(item, args[1], f"{path}.{key}", ctx)
            for key, item in value.items()
        }
    if origin is typing.Literal:
        if value not in args:
            raise _fail(path, " or ".join(repr(a) for a in args), value)
        return value
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise _fail(path, "an object", value)
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _decode(value[f.name], hints[f.name], f"{path}.{f.name}", ctx)
        try:
            return tp(**kwargs)
        except (TypeError, ValueError) as exc:
            raise CampaignFileError(
                f"{_where(path)} cannot be read ({markdown_code(_short(exc, 80))})."
            ) from None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            raise _fail(path, "one of " + ", ".join(str(m.value) for m in tp), value) from None
    if tp is bytes:
        if ctx.decode_bytes is not None and not isinstance(value, str):
            try:
                return ctx.decode_bytes(value)
            except CampaignFileError:
                raise
            except Exception as exc:  # a missing blob: the draft cannot be restored whole
                raise CampaignFileError(
                    f"{_where(path)} cannot be read ({markdown_code(_short(exc, 80))})."
                ) from None
        return _decode_bytes_b64(value, path, ctx)
    if tp is dt.datetime or tp is dt.date or tp is dt.time:
        expected = {dt.date: "a date such as 2026-04-06", dt.time: "a time such as 09:30"}
        if not isinstance(value, str) or len(value) > 40:
            raise _fail(path, expected.get(tp, "a date and time (ISO 8601)"), value)
        try:
            parsed = tp.fromisoformat(value)
        except ValueError:
            raise CampaignFileError(
                f"{_where(path)} should be {expected.get(tp, 'a date and time (ISO 8601)')}, "
                f"not {_quoted(value)}."
            ) from None
        if tp is dt.date and isinstance(parsed, dt.datetime):
            parsed = parsed.date()
        return parsed
    if tp is str:
        if not isinstance(value, str):
            raise _fail(path, "text", value)
        return value if ctx.trusted else _check_text(value, path, _text_limit(path))
    if tp is bool:
        if not isinstance(value, bool):
            raise _fail(path, "true or false", value)
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(path, "a whole number", value)
        _check_magnitude(value, path)
        if isinstance(value, float):
            if not value.is_integer():
                raise CampaignFileError(f"{_where(path)} should be a whole number, not {value:g}.")
            value = int(value)
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(path, "a number", value)
        _check_magnitude(value, path)
        return float(value)
    if tp is Any:
        return value
    raise TypeError(f"campaign_json cannot read a value of type {tp!r}")


def _check_magnitude(value: int | float, path: str) -> None:
    """Refuse, in words, a number no campaign value comes near (1e300, a 400-digit integer,
    1e999 which reads as infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise CampaignFileError(
            f"{_where(path)} is a number too large to read; no campaign value comes near it."
        )
    if abs(value) > MAX_ABS_NUMBER:
        shown = (
            f"{value:.3g}" if isinstance(value, float) else f"a {len(str(abs(value)))}-digit number"
        )
        bounds = NUMBER_RANGES.get(path)
        allowed = (
            f"it must be between {written_number(bounds[0])} and {written_number(bounds[1])}"
            if bounds
            else "far larger than any value a campaign holds"
        )
        raise CampaignFileError(f"{_where(path)} is {shown}; {allowed}.")


def _text_limit(path: str) -> int:
    top = path.split(".", 1)[0].split("[", 1)[0]
    if "[" in path or "." in path:
        return min(MAX_CHARS.get(top, MAX_TEXT_CHARS), MAX_TEXT_CHARS)
    return MAX_CHARS.get(top, MAX_TEXT_CHARS)


def _decode_hours(value: Any, path: str, ctx: _Context) -> BusinessHours:
    if not isinstance(value, dict):
        raise _fail(path, "an object with `timezone` and `weekly`", value)
    zone = value.get("timezone", "UTC")
    if not isinstance(zone, str) or len(zone) > 64:
        raise _fail(f"{path}.timezone", "a time zone name such as Europe/Berlin", zone)
    weekly = value.get("weekly", {})
    if not isinstance(weekly, dict):
        raise _fail(f"{path}.weekly", "an object with one list per day (mon…sun)", weekly)
    days = []
    for day in DAYS:
        intervals = weekly.get(day, [])
        where = f"{path}.weekly.{day}"
        if not isinstance(intervals, list) or len(intervals) > 24:
            raise _fail(where, "a list of at most 24 [open, close] pairs", intervals)
        pairs = []
        for pair in intervals:
            ok = (
                isinstance(pair, list)
                and len(pair) == 2
                and all(isinstance(t, str) and len(t) <= 5 for t in pair)
            )
            if not ok:
                raise _fail(where, 'a list of ["HH:MM", "HH:MM"] pairs', pair)
            pairs.append((pair[0], pair[1]))
        days.append(tuple(pairs))
    hours = BusinessHours(timezone=zone, weekly=tuple(days))
    if not ctx.trusted:
        problems = hours_problems(hours)
        if problems:
            raise CampaignFileError(f"{_where(path)}: {problems[0]}")
    return hours


def _check_campaign(values: dict[str, Any]) -> None:
    """Range and vocabulary checks of known fields (files from people only)."""
    from components.world.regions import parse_country_codes

    def bad(name: str, message: str) -> CampaignFileError:
        return CampaignFileError(f"{_where(name)} {message}")

    for name, rule in FIELDS.items():
        if rule.choices and name in values and values[name] not in rule.choices:
            raise bad(name, "must be " + " or ".join(f"“{k}”" for k in rule.choices) + ".")
    if "region" in values and normalize_region(values["region"]) != values["region"]:
        raise bad("region", f"{_quoted(values['region'])} is not a known country code.")
    for name, (low, high) in NUMBER_RANGES.items():
        if name in values and not low <= values[name] <= high:
            raise bad(name, f"must be between {written_number(low)} and {written_number(high)}.")
    currency = values.get("currency")
    if isinstance(currency, str) and currency and not re.fullmatch(r"[A-Z]{3}", currency):
        raise bad("currency", "must be a three-letter currency code such as USD, or empty.")
    start = values.get("start")
    first_year, last_year = FIELDS["start"].low, FIELDS["start"].high
    if isinstance(start, dt.date) and not first_year <= start.year <= last_year:
        raise bad("start", f"must be a date between the years {first_year} and {last_year}.")
    if "replies" in values:
        problems = reply_problems(values["replies"])
        if problems:
            raise bad("replies", problems[0])
    if "countries" in values:
        codes = values["countries"]
        known, unknown = parse_country_codes(",".join(codes))
        if unknown or any("," in code for code in codes):
            shown = ", ".join(_quoted(code, 12) for code in unknown[:5]) or "?"
            raise bad("countries", f"has unknown country codes: {shown}.")
        if known != codes:
            raise bad("countries", "must be upper-case ISO codes, each listed once.")
    if "manual_split" in values:
        split = values["manual_split"]
        if len(split) > _MAX_SPLIT_COUNTRIES:
            raise bad("manual_split", f"has more than {_MAX_SPLIT_COUNTRIES} countries.")
        codes = tuple(code for code, _ in split)
        known, unknown = parse_country_codes(",".join(codes))
        if unknown or known != codes:
            raise bad("manual_split", "must list known upper-case country codes, each once.")
        if any(not 0.0 <= share <= 1.0 for _, share in split):
            raise bad("manual_split", "shares must be between 0 and 1.")
    if values.get("city"):
        from components.world.locations import get_city

        city = get_city(values["city"])
        if city is None or city.geonameid != values["city"]:
            raise bad("city", "must be the GeoNames id of a main city, or empty.")
        if city.country not in values.get("countries", ()):
            raise bad("city", f"is in {city.country}, which is not among the target countries.")


def _quoted(value: Any, limit: int = 24) -> str:
    """A value from the file quoted back in a message: shortened, as a code span (messages are
    shown as Markdown; see components.campaign.quoting)."""
    return markdown_code(_short(value, limit))


def _short(value: Any, limit: int = 24) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def campaign_from_dict(
    data: Any,
    *,
    trusted: bool = False,
    decode_bytes: BytesDecoder | None = None,
) -> Campaign:
    """The Campaign a campaign dict describes; raises `CampaignFileError` when it can't be used.

    `trusted=True` is for the store's own payloads (see the module docstring); `decode_bytes`
    reads an image that `campaign_to_dict(encode_bytes=...)` kept aside.
    """
    if not isinstance(data, Mapping):
        raise CampaignFileError("This is not a campaign file: it should hold one JSON object.")
    schema = data.get("schema")
    if schema != SCHEMA:
        raise CampaignFileError(
            f"This is not a Button Ad Studio campaign file (its “schema” should be “{SCHEMA}”)."
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise CampaignFileError("The campaign file has no valid schema version.")
    if version > SCHEMA_VERSION:
        raise CampaignFileError(
            f"This campaign file is schema version {_short(version, 12)}, made by a newer "
            f"Button Ad Studio; this one reads version {SCHEMA_VERSION}. Update the studio "
            "and try again."
        )
    if version < 1:
        raise CampaignFileError(f"The campaign file's schema version {version} is not valid.")

    ctx = _Context(trusted, decode_bytes)
    hints = _hints(Campaign)
    names = [f.name for f in dataclasses.fields(Campaign)]
    if not trusted:
        missing = [name for name in names if name in V1_FIELDS and name not in data]
        if missing:
            shown = ", ".join(f"{field_label(n)} (`{n}`)" for n in missing[:6])
            more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
            raise CampaignFileError(f"The campaign file is missing {shown}{more}.")

    values: dict[str, Any] = {}
    for name in names:
        if name not in data:
            continue
        try:
            values[name] = _decode(data[name], hints[name], name, ctx)
        except CampaignFileError:
            if not trusted:
                raise
            # A stored value that no longer fits the field: keep the default, open the rest.
    if not trusted:
        _check_campaign(values)
    elif "runs" in values:
        # A draft saved before runs were held to what the Engagement page offers.
        low, high = NUMBER_RANGES["runs"]
        values["runs"] = int(min(max(values["runs"], low), high))
    try:
        return Campaign(**values)
    except (TypeError, ValueError) as exc:
        raise CampaignFileError(
            f"The campaign cannot be rebuilt ({markdown_code(_short(exc, 80))})."
        ) from None


# ---- the file ---------------------------------------------------------------------------

# Quotes, backslashes, brackets and commas: a campaign file has a few thousand of them outside
# its base64 images (which hold none); a file with far more is refused before it is parsed, which
# bounds both the depth scan below and the memory the parser could be made to use.
MAX_STRUCTURE = 250_000
_STRUCTURE = (b'"', b"\\", b"[", b"]", b"{", b"}", b",")
_TOKEN = re.compile(rb'\\.|["\[\]{}]', re.DOTALL)


def _too_deep(raw: bytes, limit: int) -> bool:
    """Whether arrays/objects in `raw` nest deeper than `limit` (strings ignored); no recursion."""
    depth = 0
    in_string = False
    for match in _TOKEN.finditer(raw):
        token = match.group()
        if token == b'"':
            in_string = not in_string
        elif in_string or len(token) == 2:
            continue
        elif token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _reject_constant(name: str) -> Any:
    raise CampaignFileError(
        f"The campaign file holds {_quoted(name)}, which is not a number a campaign can hold."
    )


# Python refuses to read integers longer than this (sys.get_int_max_str_digits) and says so
# with a ValueError that would read as "not valid JSON".
_MAX_INT_DIGITS = 4000


def _parse_int(text: str) -> int:
    if len(text) > _MAX_INT_DIGITS:
        raise CampaignFileError(
            f"This is not a campaign file: it is not valid JSON for one (it holds a number "
            f"{len(text):,} digits long, far too large for any campaign value)."
        )
    return int(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's keys, refusing a key given twice (parsers disagree on which one wins)."""
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise CampaignFileError(
            f"The campaign file gives {_quoted(twice)} twice in one object; a file the studio "
            "exported never does, so it is not imported."
        )
    return record


def parse_json(raw: bytes, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """Parse a campaign file's bytes into JSON values with size and nesting bounded."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise CampaignFileError("The campaign file could not be read.")
    raw = bytes(raw)
    if len(raw) > max_bytes:
        raise CampaignFileError(
            f"The file is {size_text(len(raw), max_bytes)}; a campaign file can be at most "
            f"{size_text(max_bytes)}."
        )
    if not raw.strip():
        raise CampaignFileError("The file is empty.")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CampaignFileError(
            "This is not a campaign file: it is not text (JSON). Choose the .json file the "
            "studio exported."
        ) from None
    if sum(raw.count(char) for char in _STRUCTURE) > MAX_STRUCTURE:
        raise CampaignFileError(
            "This is not a campaign file: it holds far more items than a campaign has."
        )
    if _too_deep(raw, MAX_DEPTH):
        raise CampaignFileError(
            f"This is not a campaign file: its data is nested more than {MAX_DEPTH} levels deep."
        )
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_int=_parse_int,
            object_pairs_hook=_unique_keys,
        )
    except CampaignFileError:
        raise
    except (ValueError, RecursionError) as exc:
        detail = f" (line {exc.lineno}, column {exc.colno})" if hasattr(exc, "lineno") else ""
        raise CampaignFileError(
            f"This is not a campaign file: it is not valid JSON{detail}."
        ) from None


def import_json(raw: bytes, max_bytes: int = MAX_FILE_BYTES) -> Campaign:
    """The campaign in an exported JSON file (or an Ads Manager handoff, read by
    components.handoff); raises `CampaignFileError` with a clear message."""
    from components.handoff import FORMAT as HANDOFF_FORMAT
    from components.handoff import campaign_from_handoff

    data = parse_json(raw, max_bytes=max_bytes)
    if isinstance(data, Mapping) and data.get("format") == HANDOFF_FORMAT:
        return campaign_from_handoff(data)
    return campaign_from_dict(data)


# ---- history ----------------------------------------------------------------------------


def changed_field_names(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Campaign field names whose values differ between two campaign dicts (in field order)."""
    return [f.name for f in dataclasses.fields(Campaign) if old.get(f.name) != new.get(f.name)]


def diff_fields(old: Campaign, new: Campaign) -> list[str]:
    """Human names of the fields that differ between two campaigns (in form order)."""
    return [
        field_label(f.name)
        for f in dataclasses.fields(Campaign)
        if getattr(old, f.name) != getattr(new, f.name)
    ]
