"""Sample businesses as campaigns, and making one the prospect's own."""

from components.ad import length_warnings
from components.samples import adapt_to_prospect, load_samples


def test_every_sample_is_a_complete_valid_campaign():
    samples = load_samples()
    assert len(samples) >= 8
    for sample in samples.values():
        ad = sample.ad
        assert ad.phone_check.ok, (sample.slug, ad.phone_check.error)
        assert ad.image and ad.logo and ad.story_image
        assert ad.countries and ad.region in ad.countries
        assert length_warnings(ad) == []
        assert sample.pitch and sample.label.endswith(ad.business)
    assert {s.ad.cta for s in samples.values()} == {"message", "call"}


def test_prospect_details_replace_the_sample_everywhere():
    bakery = load_samples()["lagos-bakery"].ad
    mine = adapt_to_prospect(bakery, "Tunde's Cakes", "0805 555 1234", "NG", "Birthday cakes!")
    assert mine.business == "Tunde's Cakes" and mine.text == "Birthday cakes!"
    assert bakery.business not in mine.greeting and "Tunde's Cakes" in mine.greeting
    assert mine.phone_check.ok and mine.phone_check.e164 == "+2348055551234"
    assert mine.image == bakery.image  # the art stays


def test_blank_prospect_fields_keep_the_sample():
    bakery = load_samples()["lagos-bakery"].ad
    assert adapt_to_prospect(bakery, "  ", "", "", "") == bakery
