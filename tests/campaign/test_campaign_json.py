"""Campaign JSON: the export/import round trip, and every broken or hostile file refused with a
clear message (never a crash, never half an import)."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import struct
import time
import zlib
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from components.campaign.campaign_file import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    SCHEMA,
    SCHEMA_VERSION,
    CampaignFileError,
    campaign_from_dict,
    campaign_to_dict,
    diff_fields,
    export_json,
    field_label,
    import_json,
)
from components.campaign.fields import MAX_CHARS
from components.campaign.hours import BusinessHours
from components.campaign.model import Campaign, default_campaign
from tests.factories import HOSTILE, clean_image, full_campaign


def _file(**changes) -> dict:
    record = campaign_to_dict(full_campaign())
    record.update(changes)
    return record


def _raw(record) -> bytes:
    return json.dumps(record).encode("utf-8")


def _refused(raw: bytes | dict, *fragments: str) -> str:
    data = raw if isinstance(raw, bytes) else _raw(raw)
    with pytest.raises(CampaignFileError) as caught:
        import_json(data)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message
    assert "Traceback" not in message and len(message) < 400
    return message


# ---- the format --------------------------------------------------------------------------


def test_dict_has_schema_version_and_every_field_by_name():
    ad = full_campaign()
    record = campaign_to_dict(ad)
    assert record["schema"] == SCHEMA == "button-ad-studio/campaign"
    assert record["version"] == SCHEMA_VERSION == 1
    assert set(record) == {"schema", "version"} | {f.name for f in dataclasses.fields(Campaign)}
    assert base64.b64decode(record["image"]) == ad.image
    assert record["logo"] == base64.b64encode(ad.logo).decode("ascii")
    assert record["replies"] == list(ad.replies)
    assert record["manual_split"] == [list(pair) for pair in ad.manual_split]
    assert record["hours"]["timezone"] == "Africa/Lagos"
    assert record["hours"]["weekly"]["mon"] == [["06:00", "12:00"], ["13:00", "19:00"]]
    assert record["start"] == "2026-04-06"
    json.dumps(record, allow_nan=False)  # plain JSON


def test_export_import_round_trip_of_every_field():
    ad = full_campaign()
    raw = export_json(ad)
    assert raw.startswith(b"{") and b'"schema": "button-ad-studio/campaign"' in raw
    assert "Ẹ káàrọ̀".encode() in raw  # readable UTF-8, not \u escapes
    back = import_json(raw)
    assert back == ad
    for f in dataclasses.fields(Campaign):
        assert getattr(back, f.name) == getattr(ad, f.name), f.name


@pytest.mark.parametrize("ad", [default_campaign(), Campaign()], ids=["sample", "empty"])
def test_round_trip_of_the_sample_and_the_empty_ad(ad):
    assert import_json(export_json(ad)) == ad


def test_hostile_strings_round_trip_as_inert_text():
    from components.render.placements import feed_mobile_html

    ad = replace(default_campaign(), business=HOSTILE[:75], headline=HOSTILE, greeting=HOSTILE)
    back = import_json(export_json(ad))
    assert back.headline == HOSTILE and back.greeting == HOSTILE
    html = feed_mobile_html(back)
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


def test_unknown_extra_fields_are_ignored():
    record = _file(exported_by="someone", notes={"a": [1, 2]}, future_field=None)
    assert import_json(_raw(record)) == full_campaign()


def test_fields_added_after_version_1_are_optional():
    """Only version-1 fields are required; any other Campaign field takes its default."""
    from components.campaign.campaign_file import V1_FIELDS

    names = {f.name for f in dataclasses.fields(Campaign)}
    assert names >= V1_FIELDS, "a version-1 field left Campaign: keep reading old files"
    record = campaign_to_dict(full_campaign())
    for extra in names - V1_FIELDS:
        del record[extra]
    ad = import_json(_raw(record))
    for extra in names - V1_FIELDS:
        assert getattr(ad, extra) == getattr(Campaign(), extra)


def test_bom_and_integral_floats_are_accepted():
    record = _file(days=30.0)
    assert import_json(b"\xef\xbb\xbf" + _raw(record)).days == 30


# ---- diff --------------------------------------------------------------------------------


def test_diff_fields_names_what_changed_in_form_order():
    ad = full_campaign()
    assert diff_fields(ad, ad) == []
    changed = replace(ad, budget=1.0, headline="x", image=None, hours=BusinessHours())
    assert diff_fields(ad, changed) == ["Headline", "Daily budget", "Image", "Business hours"]
    assert diff_fields(ad, replace(ad, start=None, runs=10)) == ["Simulation runs", "Start date"]


def test_every_field_has_a_readable_label():
    for f in dataclasses.fields(Campaign):
        label = field_label(f.name)
        assert label and "_" not in label and label[0].isupper()


# ---- broken and hostile files ------------------------------------------------------------


def test_not_json():
    _refused(b"", "empty")
    _refused(b"   \n", "empty")
    _refused(b"hello, world", "not valid JSON")
    _refused(b"<!doctype html><html><script>alert(1)</script></html>", "not valid JSON")
    _refused(b'{"schema": "button-ad-studio/campaign", "version": 1, ', "not valid JSON")
    _refused(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not text")
    _refused(b"\xff\xfe{\x00}\x00", "not text")
    _refused(b'{"schema": "button-ad-studio/campaign", "version": NaN}', "NaN")
    _refused(b'{"budget": Infinity}', "Infinity")
    _refused(b"1" * 5000, "not valid JSON")


def test_not_a_campaign():
    _refused(b"[1, 2, 3]", "not a campaign file")
    _refused(b'"just a string"', "not a campaign file")
    _refused(b"null", "not a campaign file")
    _refused(_raw({"business": "x"}), "not a Button Ad Studio campaign")
    _refused(_file(schema="button-ad-studio/something-else"), "not a Button Ad Studio campaign")
    _refused(_file(schema=None), "schema")


@pytest.mark.parametrize("version", [99, 2, SCHEMA_VERSION + 1])
def test_a_newer_schema_version_is_refused(version):
    message = _refused(_file(version=version), f"version {version}", "newer")
    assert f"reads version {SCHEMA_VERSION}" in message


@pytest.mark.parametrize("version", [0, -1, "1", 1.5, None, True, [1]])
def test_an_invalid_schema_version_is_refused(version):
    _refused(_file(version=version), "version")


def test_missing_fields_are_named():
    record = _file()
    del record["business"], record["hours"]
    _refused(record, "missing", "Page name (`business`)", "Business hours (`hours`)")
    _refused({"schema": SCHEMA, "version": 1}, "missing", "and")


def test_huge_file_is_refused_before_it_is_parsed():
    huge = b'{"business": "' + b"x" * (MAX_FILE_BYTES + 10) + b'"}'
    started = time.monotonic()
    _refused(huge, f"{MAX_FILE_BYTES + 26:,} bytes", "at most 34 MB")
    assert time.monotonic() - started < 2
    with pytest.raises(CampaignFileError, match="at most"):
        import_json(_raw(_file()), max_bytes=1000)


@pytest.mark.parametrize("opener,closer", [(b"[", b"]"), (b'{"a":', b"}")])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 100_000])
def test_deep_nesting_is_refused_without_recursion(opener, closer, depth):
    body = opener * depth + b"1" + closer * depth
    record = b'{"schema": "button-ad-studio/campaign", "version": 1, "business": ' + body + b"}"
    started = time.monotonic()
    message = _refused(record)
    assert "nested" in message or "far more items" in message
    assert time.monotonic() - started < 2


def test_unclosed_deep_nesting_and_bracket_floods_are_refused_quickly():
    for raw in (b"[" * 5_000_000, b"[]," * 3_000_000, b"{" * 1_000_000, b'"\\"' * 2_000_000):
        started = time.monotonic()
        _refused(raw)
        assert time.monotonic() - started < 3


def test_brackets_inside_text_are_not_nesting():
    text = "[[[[{{{{" * 30 + '\\"]]]' + "}}}}"
    ad = replace(full_campaign(), text=text)
    assert import_json(export_json(ad)).text == text


@pytest.mark.parametrize(
    "field,value,fragments",
    [
        ("business", 5, ["Page name", "should be text", "not a number"]),
        ("verified", "yes", ["Verified badge", "true or false"]),
        ("budget", "10", ["Daily budget", "a number", "not text"]),
        ("budget", -1, ["Daily budget", "between 0"]),
        ("budget", 1e300, ["Daily budget", "is 1e+300", "between 0 and 100,000"]),
        ("days", 1e300, ["Campaign length", "is 1e+300", "between 1 and 365"]),
        ("budget", 10**400, ["a 401-digit number", "between 0 and 100,000"]),
        ("days", 1.5, ["whole number"]),
        ("days", 0, ["between 1"]),
        ("seed", 2**40, ["Simulation seed", "between 0 and 2,147,483,647"]),
        ("runs", 0, ["Simulation runs", "between"]),
        ("runs", 5000, ["Simulation runs", "between 100 and 2,000"]),
        ("radius_km", 5, ["Radius around the city", "between 17 and 80"]),
        ("radius_km", 20.5, ["whole number"]),
        ("city", "abc", ["City", "GeoNames id"]),
        ("city", 2332459, ["City", "text"]),
        ("city", "5128581", ["City", "not among the target countries"]),
        ("reply_minutes", -5, ["Reply time", "between"]),
        ("start", "next monday", ["Start date", "date such as"]),
        ("start", "1066-10-14", ["Start date", "between the years"]),
        ("currency", "dollars", ["Currency", "three-letter"]),
        ("replies", "a|b", ["Quick replies", "a list"]),
        ("replies", ["a", "b", "c", "d"], ["Quick replies", "at most 3"]),
        ("replies", ["x" * 81], ["Quick replies", "80"]),
        ("replies", [1], ["Quick replies", "text"]),
        ("countries", ["NG", "ZZ"], ["Target countries", "unknown", "ZZ"]),
        ("countries", ["ng"], ["Target countries", "upper-case"]),
        ("countries", ["NG,GH"], ["Target countries", "unknown"]),
        ("countries", ["NG"] * 600, ["Target countries", "at most 500"]),
        ("manual_split", [["NG", 2.0]], ["Manual budget split", "between 0 and 1"]),
        ("manual_split", [["XX", 0.5]], ["Manual budget split", "known"]),
        ("manual_split", [["NG"]], ["Manual budget split", "2 items"]),
        ("cta", "buy", ["Button", "message", "call"]),
        ("scenario", "mars", ["Rollout scenario"]),
        ("image_fit", "stretch", ["Image framing"]),
        ("split_mode", "random", ["Budget split"]),
        ("region", "XX", ["Number's country", "not a known country"]),
        ("text", "x" * (MAX_CHARS["text"] + 1), ["Primary text", "at most 2,200"]),
        ("business", "x" * (MAX_CHARS["business"] + 1), ["Page name", "at most 75"]),
        ("headline", "bad\x00nul", ["Headline", "a NUL character (U+0000)"]),
        ("greeting", "\ud800lone", ["Greeting", "a lone UTF-16 surrogate"]),
        ("hours", "9 to 5", ["Business hours", "object"]),
        ("hours", {"timezone": "Mars/Olympus", "weekly": {}}, ["Business hours", "time zone"]),
        ("hours", {"timezone": "UTC", "weekly": {"mon": [["17:00", "09:00"]]}}, ["after"]),
        ("hours", {"timezone": "UTC", "weekly": {"mon": [["9am", "5pm"]]}}, ["HH:MM"]),
        ("hours", {"timezone": "UTC", "weekly": {"mon": "all day"}}, ["pairs"]),
        ("hours", {"timezone": "UTC", "weekly": []}, ["one list per day"]),
    ],
)
def test_wrong_values_are_named_and_explained(field, value, fragments):
    _refused(_file(**{field: value}), *fragments)


def test_a_number_too_large_for_a_float_is_refused():
    raw = _raw(_file(budget=12345)).replace(b'"budget": 12345', b'"budget": 1e400')
    _refused(raw, "Daily budget", "a number too large to read")


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (1, 2, 3)).save(buffer, format="PNG")
    return buffer.getvalue()


def _cut(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def _bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width×height pixels (a decompression bomb's header)."""
    data = bytearray(_png(1, 1))
    ihdr = 8 + 8  # signature, then length and type of the IHDR chunk
    data[ihdr : ihdr + 8] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr - 4 : ihdr + 13]))
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", crc)
    return bytes(data)


@pytest.mark.parametrize(
    "value,fragments",
    [
        ("not base64 at all!!", ["Image", "base64"]),
        (base64.b64encode(b"<svg onload=alert(1)>").decode(), ["Image", "not an image"]),
        (base64.b64encode(_cut(clean_image((300, 300), (9, 99, 199)))).decode(), ["damaged"]),
        ("", ["Image", "empty"]),
        (12, ["Image", "base64 text"]),
        ("A" * (15 * 1024 * 1024), ["Image", "too large"]),
    ],
)
def test_bad_images_are_refused(value, fragments):
    _refused(_file(image=value), *fragments)


def test_an_image_bomb_is_refused():
    bomb = _bomb(9000, 9000)  # 81 MP claimed by a 70-byte file
    _refused(_file(logo=base64.b64encode(bomb).decode()), "Logo", "megapixels")


def test_a_missing_image_is_allowed():
    assert import_json(_raw(_file(image=None, story_image=None))).image is None


def test_trusted_payloads_skip_people_checks_but_not_types():
    record = _file(text="x" * 5000)
    del record["greeting"]
    record["days"] = "bad"
    ad = campaign_from_dict(record, trusted=True)
    assert ad.text == "x" * 5000 and ad.greeting == "" and ad.days == Campaign().days
    with pytest.raises(CampaignFileError):
        campaign_from_dict({"schema": "x", "version": 1}, trusted=True)


def test_images_can_be_kept_aside_by_reference():
    kept = {}

    def keep(data: bytes) -> dict:
        kept[str(len(kept))] = data
        return {"ref": str(len(kept) - 1)}

    ad = full_campaign()
    record = campaign_to_dict(ad, encode_bytes=keep)
    assert record["image"] == {"ref": "0"} and len(kept) == 3
    back = campaign_from_dict(record, trusted=True, decode_bytes=lambda ref: kept[ref["ref"]])
    assert back == ad


def test_a_clean_image_file_keeps_its_exact_bytes():
    image = clean_image((90, 30), (4, 5, 6))
    assert import_json(export_json(replace(Campaign(), image=image))).image == image


# ---- anything at all ---------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(raw):
    with pytest.raises(CampaignFileError):
        import_json(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(f.name for f in dataclasses.fields(Campaign))), _json_values)
def test_any_json_value_in_any_field_imports_or_is_refused_cleanly(field, value):
    record = campaign_to_dict(Campaign())
    record[field] = value
    try:
        ad = import_json(json.dumps(record).encode())
    except CampaignFileError as error:
        assert str(error)
    else:
        assert isinstance(ad, Campaign)


def test_a_stored_draft_with_more_runs_than_the_page_offers_opens_with_the_most():
    record = campaign_to_dict(full_campaign())
    record["runs"] = 5000
    assert campaign_from_dict(record, trusted=True).runs == 2000
    record["runs"] = 1
    assert campaign_from_dict(record, trusted=True).runs == 100


def test_city_and_radius_are_optional_in_a_version_1_file():
    record = campaign_to_dict(full_campaign())
    del record["city"], record["radius_km"]
    back = campaign_from_dict(record)
    assert back.city == "" and back.radius_km == Campaign().radius_km
