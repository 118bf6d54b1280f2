"""The field rules table: one row per Campaign field, and every way in holds to it.

The share-link reader is lenient (a bad value keeps the base's and says so in a note), the
campaign-file reader strict (a bad value refuses the file); both must refuse exactly what
the table refuses, so each rule is tried through both.
"""

from __future__ import annotations

from dataclasses import fields

import pytest

from components.campaign.campaign_file import (
    CampaignFileError,
    campaign_from_dict,
    campaign_to_dict,
)
from components.campaign.fields import FIELDS, MAX_CHARS, NUMBER_RANGES, SHARE_PARAMS, field_label
from components.campaign.model import Campaign, from_query_params, to_query_params
from tests.factories import make_campaign

BASE = make_campaign()


def test_every_campaign_field_has_one_rule_and_every_rule_a_field():
    assert list(FIELDS) == [f.name for f in fields(Campaign)]


def test_the_link_carries_exactly_the_parameters_the_rules_name():
    assert set(to_query_params(BASE)) == set(SHARE_PARAMS)
    assert len(SHARE_PARAMS) == len(set(SHARE_PARAMS))


def test_every_field_has_a_label_people_read():
    assert all(field_label(name) and field_label(name) != name for name in FIELDS if "_" in name)


def _file_with(**values: object) -> dict:
    data = campaign_to_dict(BASE)
    data.update(values)
    return data


def _past(high: float, whole: bool) -> str:
    return str(int(high) + 1) if whole else repr(float(high) + 0.5)


@pytest.mark.parametrize("name", list(NUMBER_RANGES))
def test_a_number_past_its_range_is_refused_by_the_link_and_the_file(name):
    rule = FIELDS[name]
    low, high = NUMBER_RANGES[name]
    ad, notes = from_query_params({rule.param: _past(high, rule.whole)}, BASE)
    assert getattr(ad, name) == getattr(BASE, name)
    assert any(note.startswith(f"`{rule.param}`") for note in notes), notes
    too_high = int(high) + 1 if rule.whole else float(high) + 0.5
    with pytest.raises(CampaignFileError, match=field_label(name)):
        campaign_from_dict(_file_with(**{name: too_high}))
    # Both ends are allowed.
    for bound in (low, high):
        ad, notes = from_query_params({rule.param: str(bound)}, BASE)
        assert getattr(ad, name) == bound and notes == [], (bound, notes)
        assert getattr(campaign_from_dict(_file_with(**{name: bound})), name) == bound


@pytest.mark.parametrize("name", [name for name, rule in FIELDS.items() if rule.choices])
def test_a_word_outside_its_vocabulary_is_refused_by_the_file(name):
    with pytest.raises(CampaignFileError, match=field_label(name)):
        campaign_from_dict(_file_with(**{name: "zzz"}))
    for value in FIELDS[name].choices:
        assert getattr(campaign_from_dict(_file_with(**{name: value})), name) == value


@pytest.mark.parametrize(
    "name", [name for name, rule in FIELDS.items() if rule.choices and rule.param]
)
def test_a_word_outside_its_vocabulary_is_noted_by_the_link(name):
    rule = FIELDS[name]
    _, notes = from_query_params({rule.param: "zzz"}, BASE)
    assert any(note.startswith(f"`{rule.param}`") for note in notes), notes
    for value in rule.choices:
        ad, notes = from_query_params({rule.param: value.upper()}, BASE)
        assert getattr(ad, name) == value and notes == []


# Text a link carries as it is (the lists and hours have their own shape, tested elsewhere).
PLAIN_TEXT = ("business", "text", "headline", "description", "prefill", "greeting", "phone")


@pytest.mark.parametrize("name", PLAIN_TEXT)
def test_text_past_its_ceiling_is_refused_whole_never_cut(name):
    ceiling = MAX_CHARS[name]
    ad, notes = from_query_params({name: "x" * (ceiling + 1)}, BASE)
    assert getattr(ad, name) == getattr(BASE, name)
    assert any(note.startswith(f"`{name}`") and f"{ceiling:,}" in note for note in notes)
    with pytest.raises(CampaignFileError, match=f"{ceiling:,}"):
        campaign_from_dict(_file_with(**{name: "x" * (ceiling + 1)}))
    # Exactly at the ceiling is accepted by both, whole.
    at_ceiling = "7" * ceiling if name == "phone" else "x" * ceiling
    assert getattr(from_query_params({name: at_ceiling}, BASE)[0], name) == at_ceiling
    assert getattr(campaign_from_dict(_file_with(**{name: at_ceiling})), name) == at_ceiling
