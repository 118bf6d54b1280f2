"""Sample businesses as campaigns, and making one the prospect's own."""

from dataclasses import replace

import pytest

from components.campaign.fields import MAX_CHARS
from components.campaign.model import length_warnings
from components.campaign.samples import adapt_to_prospect, load_samples


def test_every_sample_is_a_complete_valid_campaign():
    samples = load_samples()
    assert len(samples) >= 8
    for sample in samples.values():
        ad = sample.ad
        assert ad.phone_check.ok, (sample.slug, ad.phone_check.error)
        assert ad.image and ad.logo and ad.story_image
        assert ad.countries and ad.region in ad.countries
        assert length_warnings(ad) == []
        assert sample.pitch and sample.kind and sample.place
        assert sample.label == f"{sample.kind} · {sample.place}"
    assert {s.ad.cta for s in samples.values()} == {"message", "call"}


def test_prospect_details_replace_the_sample_everywhere():
    bakery = load_samples()["lagos-bakery"].ad
    adapted = adapt_to_prospect(bakery, "Tunde's Cakes", "0805 555 1234", "NG", "Birthday cakes!")
    assert adapted.refused == ()
    mine = adapted.ad
    assert mine.business == "Tunde's Cakes" and mine.text == "Birthday cakes!"
    assert bakery.business not in mine.greeting and "Tunde's Cakes" in mine.greeting
    assert mine.phone_check.ok and mine.phone_check.e164 == "+2348055551234"
    assert mine.image == bakery.image  # the art stays


def test_blank_prospect_fields_keep_the_sample():
    bakery = load_samples()["lagos-bakery"].ad
    assert adapt_to_prospect(bakery, "  ", "", "", "").ad == bakery


def test_samples_are_listed_by_kind_and_city():
    samples = load_samples()
    assert samples["lagos-bakery"].label == "Bakery · Lagos"
    assert samples["jakarta-dental"].label == "Dental clinic · Jakarta"
    assert len({sample.label for sample in samples.values()}) == len(samples)


def test_the_name_is_replaced_as_a_whole_word_only():
    ad = replace(
        load_samples()["lagos-bakery"].ad,
        business="Bo",
        text="Book a table at Bo",
        greeting="Bo's welcome: Bob and Bo-Bo say hi. Bo",
    )
    mine = adapt_to_prospect(ad, "Lagos Bakes").ad
    assert mine.text == "Book a table at Lagos Bakes"
    # "Bo's" and "Bo-Bo" name Bo; "Bob" is another word.
    assert (
        mine.greeting
        == "Lagos Bakes's welcome: Bob and Lagos Bakes-Lagos Bakes say hi. Lagos Bakes"
    )


@pytest.mark.parametrize("field", ["text", "headline", "greeting"])
def test_a_long_name_never_pushes_a_field_past_its_ceiling(field):
    ceiling = MAX_CHARS[field]
    # The old name fills the field to its ceiling; a longer new one would pass it.
    value = ("Bo " * ceiling)[: ceiling - 1].strip()
    ad = replace(load_samples()["lagos-bakery"].ad, business="Bo", **{field: value})
    adapted = adapt_to_prospect(ad, "A" * MAX_CHARS["business"], "0805 555 1234", "NG")
    assert adapted.ad == ad  # nothing changed, not even the number
    assert len(adapted.refused) == 1
    assert f"more than the {ceiling:,} allowed" in adapted.refused[0]
    assert "use a shorter name" in adapted.refused[0]
    # A name that fits is carried over, and every field stays within its ceiling.
    fits = adapt_to_prospect(ad, "Bu").ad
    assert getattr(fits, field) == value.replace("Bo", "Bu")
    assert all(
        len(getattr(fits, name)) <= limit
        for name, limit in MAX_CHARS.items()
        if isinstance(getattr(fits, name, None), str)
    )


def test_typed_copy_over_its_ceiling_is_refused():
    bakery = load_samples()["lagos-bakery"].ad
    adapted = adapt_to_prospect(bakery, text="x" * (MAX_CHARS["text"] + 1))
    assert adapted.ad == bakery
    assert adapted.refused == (
        f"The primary text would be {MAX_CHARS['text'] + 1:,} characters, more than the "
        f"{MAX_CHARS['text']:,} allowed; shorten it.",
    )


def test_a_link_names_a_sample_by_its_slug_in_any_case():
    from components.campaign.samples import linked_sample_slug, sample_slug

    assert linked_sample_slug({"sample": ["Berlin-Cafe "]}) == "berlin-cafe"
    assert linked_sample_slug({"sample": "no-such-shop"}) == ""
    assert linked_sample_slug({}) == ""
    cafe = load_samples()["berlin-cafe"].ad
    assert sample_slug(cafe) == "berlin-cafe"
    assert sample_slug(replace(cafe, budget=cafe.budget + 1)) == ""  # touched: not the sample
