"""Campaign: limits, warnings and the share-link round trip (never raises on any URL)."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.campaign.fields import FIELDS, SHARE_PARAMS
from components.campaign.hours import DAYS, BusinessHours, timezone_names
from components.campaign.model import (
    PRIMARY_TEXT_LIMIT,
    Campaign,
    default_campaign,
    from_query_params,
    is_sample_art,
    length_warnings,
    reply_problems,
    to_query_params,
    with_uploaded_image,
)
from tests.factories import make_campaign

FULL = make_campaign(
    business="Mama Nkechi's Bakery & Café <b>",
    verified=True,
    text="Fresh agege bread 🍞 every morning!\nOrder on WhatsApp: delivery in Ikeja & Yaba.",
    headline="Hot bread, 6am–10am",
    description="Free delivery over ₦5,000",
    cta="call",
    phone="0803 123 4567",
    region="NG",
    prefill="Hi! I'd like 2 loaves & 1 #meatpie? 100% sure + fast",
    greeting="Ẹ káàrọ̀! How can we help?",
    replies=("Menu", "Delivery times", "مرحبا"),
    countries=("NG", "GH", "BJ"),
    scenario="europe",
    budget=35.5,
    days=30,
    seed=1234,
    reply_minutes=7.5,
    start=date(2027, 3, 1),
    currency="GHS",
    hours=BusinessHours(
        timezone="Africa/Lagos",
        weekly=(
            (("06:00", "12:00"), ("13:00", "19:00")),
            (("06:00", "12:00"), ("13:00", "19:00")),
            (("06:00", "12:00"), ("13:00", "19:00")),
            (),
            (("06:00", "19:00"),),
            (("08:00", "24:00"),),
            (("08:00", "24:00"),),
        ),
    ),
    city="2332459",  # Lagos
    radius_km=40,
    runs=1000,
    schedule_hours=True,
)


def test_share_params_cover_the_public_contract():
    assert set(to_query_params(FULL)) == set(SHARE_PARAMS)
    assert set(SHARE_PARAMS) == {
        "business", "verified", "text", "headline", "description", "cta", "phone", "region",
        "prefill", "greeting", "replies", "countries", "scenario", "budget", "days", "seed",
        "start", "currency", "reply", "tz", "hours", "city", "radius", "runs", "schedule",
    }  # fmt: skip


def test_round_trip_through_share_link():
    params = to_query_params(FULL)
    restored, notes = from_query_params(params, Campaign())
    assert notes == []
    assert restored == FULL


def test_round_trip_through_real_url_encoding():
    from urllib.parse import parse_qs, quote, urlencode

    query = urlencode(to_query_params(FULL), quote_via=quote)
    parsed = {key: values for key, values in parse_qs(query, keep_blank_values=True).items()}
    restored, notes = from_query_params(parsed, Campaign())
    assert notes == [] and restored == FULL


def test_images_never_travel_in_the_link():
    with_image = replace(FULL, image=b"\x89PNG...", logo=b"logo")
    params = to_query_params(with_image)
    assert all(b"PNG" not in value.encode() for value in params.values())
    restored, _ = from_query_params(params, Campaign())
    assert restored.image is None and restored.logo is None


@pytest.mark.parametrize(
    ("params", "fragment", "field", "expected"),
    [
        ({"cta": "fax"}, "Unknown button type", "cta", "message"),
        ({"text": "x" * 10_000}, "10,000 characters", "text", FULL.text),
        ({"region": "ZZ"}, "Unknown country code", "region", FULL.region),
        ({"budget": "-5"}, "between", "budget", FULL.budget),
        ({"budget": "1e12"}, "between", "budget", FULL.budget),
        ({"budget": "lots"}, "should be a number", "budget", FULL.budget),
        ({"budget": "nan"}, "should be a number", "budget", FULL.budget),
        ({"days": "0"}, "between", "days", FULL.days),
        ({"days": "10000"}, "between", "days", FULL.days),
        ({"days": "2.5"}, "should be a number", "days", FULL.days),
        ({"seed": "-1"}, "between", "seed", FULL.seed),
        ({"reply": "1441"}, "between", "reply_minutes", FULL.reply_minutes),
        ({"reply": "soon"}, "should be a number", "reply_minutes", FULL.reply_minutes),
        ({"radius": "5"}, "between", "radius_km", FULL.radius_km),
        ({"radius": "17.5"}, "without decimals", "radius_km", FULL.radius_km),
        ({"start": "2027-02-30"}, "YYYY-MM-DD", "start", FULL.start),
        ({"start": "03/01/2027"}, "YYYY-MM-DD", "start", FULL.start),
        ({"start": "1999-12-31"}, "between the years", "start", FULL.start),
        ({"currency": "XYZ"}, "not a currency", "currency", FULL.currency),
        ({"currency": "<b>"}, "not a currency", "currency", FULL.currency),
        ({"tz": "Mars/Olympus"}, "Unknown time zone", "hours", FULL.hours),
        ({"tz": "../../etc/passwd"}, "Unknown time zone", "hours", FULL.hours),
        ({"hours": "mon-fri 9-5"}, "HH:MM-HH:MM", "hours", FULL.hours),
        ({"hours": "fri-mon 09:00-17:00"}, "runs forward", "hours", FULL.hours),
        ({"hours": "funday 09:00-17:00"}, "days are mon", "hours", FULL.hours),
        ({"hours": "mon 17:00-09:00"}, "after its opening", "hours", FULL.hours),
        ({"hours": "mon 09:00-25:00"}, "24-hour", "hours", FULL.hours),
        ({"city": "abc"}, "GeoNames id", "city", FULL.city),
        ({"city": "5128581"}, "not among the target countries", "city", FULL.city),  # NYC
        ({"scenario": "mars"}, "Unknown scenario", "scenario", FULL.scenario),
        ({"verified": "maybe"}, "verified", "verified", FULL.verified),
        ({"replies": "a|b|c|d"}, "at most 3", "replies", FULL.replies),
        ({"replies": "x" * 81}, "at most 3", "replies", FULL.replies),
        ({"countries": "NG,XX,!!"}, "Unknown country codes", "countries", ("NG",)),
    ],
)
def test_nonsense_gives_a_note_and_a_fallback(params, fragment, field, expected):
    ad, notes = from_query_params(params, FULL)
    assert any(fragment in note for note in notes), notes
    assert getattr(ad, field) == expected


def test_broken_utf8_escapes_are_replaced_with_a_note():
    # What a decoder with surrogateescape hands over for "%FF%FE".
    ad, notes = from_query_params({"business": "Caf\udcff\udcfe"}, FULL)
    assert "could not be read" in notes[0]
    assert ad.business == FULL.business


def test_repeated_parameters_take_the_first():
    ad, _ = from_query_params({"cta": ["call", "message"]}, Campaign())
    assert ad.cta == "call"


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([*SHARE_PARAMS, "draft", "zzz"]),
        st.one_of(st.text(max_size=300), st.lists(st.text(max_size=20), max_size=3)),
    )
)
def test_from_query_params_never_raises(params):
    ad, notes = from_query_params(params, FULL)
    assert isinstance(ad, Campaign)
    assert ad.cta in ("message", "call")
    assert 0 <= ad.budget <= FIELDS["budget"].high and 1 <= ad.days <= 365
    assert all(isinstance(note, str) for note in notes)


def test_length_warnings_name_the_overflow_and_cut_nothing():
    ad = replace(FULL, text="a" * (PRIMARY_TEXT_LIMIT + 5), headline="h" * 41)
    warnings = {w.field: w for w in length_warnings(ad)}
    assert set(warnings) == {"text", "headline"}
    assert warnings["text"].message.startswith("5 characters over")
    assert len(ad.text) == PRIMARY_TEXT_LIMIT + 5


def test_reply_problems():
    assert reply_problems(("a", "b", "c")) == []
    assert "at most 3" in reply_problems(("a", "b", "c", "d"))[0]
    assert "81 characters" in reply_problems(("x" * 81,))[0]


def test_default_ad_is_a_finished_ad():
    ad = default_campaign()
    assert ad.business and ad.text and ad.headline and ad.prefill and ad.greeting
    assert ad.phone_check.ok, ad.phone_check.error
    assert ad.image and ad.logo
    assert length_warnings(ad) == []


def test_an_uploaded_ad_image_replaces_the_samples_story_art():
    sample = default_campaign()
    assert is_sample_art(sample.image) and is_sample_art(sample.story_image)
    mine = b"\xff\xd8 the person's own photo"
    assert not is_sample_art(mine) and not is_sample_art(None)
    ad = with_uploaded_image(sample, "image", mine)
    # Every placement now shows the person's image: Stories and Reels crop it to 9:16.
    assert ad.image == mine and ad.story_image is None
    assert ad.image_for("9:16") == ad.image_for("4:5") == ad.image_for("1:1") == mine
    # Their own story art stays when they then change the ad image.
    own_story = b"\xff\xd8 their 9:16 art"
    ad = with_uploaded_image(
        with_uploaded_image(ad, "story_image", own_story), "image", mine + b"2"
    )
    assert ad.story_image == own_story and ad.image == mine + b"2"
    assert with_uploaded_image(sample, "logo", mine).story_image == sample.story_image


def test_out_of_range_numbers_keep_the_samples_value_with_a_note():
    """`budget=-5` used to become 0; the README promises the sample's value for a value that
    cannot be used, and a note that says so."""
    ad, notes = from_query_params({"budget": "-5", "days": "366"}, default_campaign())
    assert (ad.budget, ad.days) == (default_campaign().budget, default_campaign().days)
    assert notes == [
        "`budget`: must be between 0 and 100,000; `-5` ignored, the sample's value is kept.",
        "`days`: must be between 1 and 365; `366` ignored, the sample's value is kept.",
    ]


def test_forecast_settings_read_from_a_link():
    params = {
        "start": " 2027-01-04 ",
        "currency": "ngn",
        "reply": "5",
        "tz": "africa/lagos",
        "hours": "Mon-Fri 09:00-17:00; sat 10:00-14:00;",
        "countries": "NG,GH",
        "city": "2332459",
        "radius": "17",
    }
    ad, notes = from_query_params(params, default_campaign())
    assert notes == []
    assert ad.start == date(2027, 1, 4) and ad.currency == "NGN" and ad.reply_minutes == 5
    assert ad.hours.timezone == "Africa/Lagos"
    assert ad.hours.weekly == ((("09:00", "17:00"),),) * 5 + ((("10:00", "14:00"),), ())
    assert (ad.city, ad.radius_km) == ("2332459", FIELDS["radius_km"].low)


def test_empty_forecast_settings_mean_the_defaults():
    ad, notes = from_query_params({"start": "", "currency": "", "city": "", "hours": ""}, FULL)
    assert notes == []
    assert ad.start is None and ad.currency == "" and ad.city == ""
    assert ad.hours.weekly == ((),) * 7 and ad.hours.timezone == FULL.hours.timezone


def test_always_open_is_24_7():
    ad, notes = from_query_params({"hours": "24/7"}, FULL)
    assert notes == [] and ad.hours.weekly == ((("00:00", "24:00"),),) * 7
    assert to_query_params(ad)["hours"] == "24/7"


def test_a_city_outside_the_target_countries_is_ignored_with_a_note():
    ad, notes = from_query_params({"countries": "GH", "city": "2332459"}, Campaign())
    assert ad.countries == ("GH",) and ad.city == ""
    assert len(notes) == 1 and notes[0].startswith("`city`: Lagos is in NG")


def test_notes_quote_values_safely():
    ad, notes = from_query_params({"tz": "`**x**`\n[a](b)", "hours": "mon `x`"}, FULL)
    assert ad == FULL
    for note in notes:
        assert note.count("`") % 2 == 0 and "\n" not in note


_times = st.integers(0, 24 * 4 - 1).flatmap(
    lambda opens: st.tuples(st.just(opens), st.integers(opens + 1, 24 * 4))
)


def _hhmm(quarter: int) -> str:
    return f"{quarter // 4:02d}:{quarter % 4 * 15:02d}"


_days = st.lists(
    st.lists(_times.map(lambda pair: (_hhmm(pair[0]), _hhmm(pair[1]))), max_size=3).map(tuple),
    min_size=len(DAYS),
    max_size=len(DAYS),
).map(tuple)
_forecast_settings = st.fixed_dictionaries(
    {
        "start": st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2100, 12, 31))),
        "currency": st.sampled_from(["", "USD", "NGN", "EUR", "INR", "BRL"]),
        "reply_minutes": st.one_of(
            st.integers(0, 1440).map(float), st.floats(0, 1440, allow_nan=False)
        ),
        "hours": st.builds(BusinessHours, st.sampled_from(timezone_names()), _days),
        "radius_km": st.integers(FIELDS["radius_km"].low, FIELDS["radius_km"].high),
        "budget": st.floats(0, 100_000, allow_nan=False),
        "city": st.sampled_from(["", "2332459", "2335204"]),  # Lagos, Kano
    }
)


@settings(max_examples=300, deadline=None)
@given(_forecast_settings)
def test_every_forecast_setting_round_trips_through_the_link(settings_):
    ad = replace(FULL, countries=("NG",), **settings_)
    restored, notes = from_query_params(to_query_params(ad), Campaign())
    assert notes == []
    assert restored == ad
