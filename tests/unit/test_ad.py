"""AdSpec: limits, warnings and the share-link round trip (never raises on any URL)."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.ad import (
    MAX_BUDGET_USD,
    PRIMARY_TEXT_LIMIT,
    SHARE_PARAMS,
    AdSpec,
    default_ad,
    from_query_params,
    is_sample_art,
    length_warnings,
    reply_problems,
    to_query_params,
    with_uploaded_image,
)

FULL = AdSpec(
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
)


def test_share_params_cover_the_public_contract():
    assert set(to_query_params(FULL)) == set(SHARE_PARAMS)
    assert set(SHARE_PARAMS) == {
        "business", "verified", "text", "headline", "description", "cta", "phone", "region",
        "prefill", "greeting", "replies", "countries", "scenario", "budget", "days", "seed",
    }  # fmt: skip


def test_round_trip_through_share_link():
    params = to_query_params(FULL)
    restored, notes = from_query_params(params, AdSpec())
    assert notes == []
    assert restored == FULL


def test_round_trip_through_real_url_encoding():
    from urllib.parse import parse_qs, quote, urlencode

    query = urlencode(to_query_params(FULL), quote_via=quote)
    parsed = {key: values for key, values in parse_qs(query, keep_blank_values=True).items()}
    restored, notes = from_query_params(parsed, AdSpec())
    assert notes == [] and restored == FULL


def test_images_never_travel_in_the_link():
    with_image = replace(FULL, image=b"\x89PNG...", logo=b"logo")
    params = to_query_params(with_image)
    assert all(b"PNG" not in value.encode() for value in params.values())
    restored, _ = from_query_params(params, AdSpec())
    assert restored.image is None and restored.logo is None


@pytest.mark.parametrize(
    ("params", "fragment", "field", "expected"),
    [
        ({"cta": "fax"}, "Unknown button type", "cta", "message"),
        ({"text": "x" * 10_000}, "10,000 characters", "text", FULL.text),
        ({"region": "ZZ"}, "Unknown country code", "region", FULL.region),
        ({"budget": "-5"}, "between", "budget", 0.0),
        ({"budget": "1e12"}, "between", "budget", MAX_BUDGET_USD),
        ({"budget": "lots"}, "should be a number", "budget", FULL.budget),
        ({"budget": "nan"}, "should be a number", "budget", FULL.budget),
        ({"days": "0"}, "between", "days", 1),
        ({"days": "10000"}, "between", "days", 365),
        ({"days": "2.5"}, "should be a number", "days", FULL.days),
        ({"seed": "-1"}, "between", "seed", 0),
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
    ad, _ = from_query_params({"cta": ["call", "message"]}, AdSpec())
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
    assert isinstance(ad, AdSpec)
    assert ad.cta in ("message", "call")
    assert 0 <= ad.budget <= MAX_BUDGET_USD and 1 <= ad.days <= 365
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
    ad = default_ad()
    assert ad.business and ad.text and ad.headline and ad.prefill and ad.greeting
    assert ad.phone_check.ok, ad.phone_check.error
    assert ad.image and ad.logo
    assert length_warnings(ad) == []


def test_an_uploaded_ad_image_replaces_the_samples_story_art():
    sample = default_ad()
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
