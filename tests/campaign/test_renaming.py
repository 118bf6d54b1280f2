"""Renaming the business carries the name into the greeting and pre-filled message."""

from dataclasses import replace

from components.campaign.fields import MAX_CHARS
from components.campaign.renaming import rename_offer, replace_name
from tests.factories import make_campaign


def test_only_whole_names_are_replaced():
    assert replace_name("Book a table at Bo", "Bo", "Lagos Bakes") == "Book a table at Lagos Bakes"
    assert replace_name("Bo's best. Bo!", "Bo", "Ada") == "Ada's best. Ada!"
    assert replace_name("Hi Bob", "Bo", "Ada") == "Hi Bob"
    assert replace_name("a (b) c", "(b)", "x") == "a x c"  # the name is no pattern
    assert replace_name("Hi", "", "x") == "Hi"
    assert replace_name("Hi Mama", "Mama", r"\1 Ada") == r"Hi \1 Ada"  # nor the replacement


def test_the_offer_lists_the_fields_that_name_the_old_business():
    ad = make_campaign(business="Ada's Bakes", greeting="Welcome to Mama Bisi!", prefill="Hi!")
    offer = rename_offer(ad, "Mama Bisi")
    assert offer is not None
    assert offer.changes == (("greeting", "Welcome to Ada's Bakes!"),) and not offer.too_long
    assert rename_offer(ad, "Ada's Bakes") is None  # not renamed
    assert rename_offer(replace(ad, greeting="Hello"), "Mama Bisi") is None  # nothing names it
    assert rename_offer(replace(ad, business=" "), "Mama Bisi") is None


def test_the_offer_never_grows_a_field_past_its_ceiling():
    ceiling = MAX_CHARS["greeting"]
    greeting = ("Bo " * (ceiling // 3))[:ceiling]
    ad = make_campaign(business="A much longer name", greeting=greeting, prefill="Hi Bo")
    offer = rename_offer(ad, "Bo")
    assert offer.too_long == ("greeting",)
    assert offer.changes == (("prefill", "Hi A much longer name"),)
