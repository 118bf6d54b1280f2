"""The Ads Manager handoff (components/handoff): every sample business with both buttons
against our JSON Schema, Meta's field values, budgets in minor units, the city as a custom
location, ad scheduling by business hours, the import round trip, hostile values that stay
data in the curl commands (parsed by `bash -n`, split by `shlex`, run with a `curl` that only
prints), and a reader that answers a damaged file in words."""

from __future__ import annotations

import copy
import itertools
import json
import shlex
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.campaign.campaign_file import CampaignFileError, import_json
from components.campaign.hours import BusinessHours
from components.campaign.model import Campaign, default_campaign
from components.campaign.placements import PLACEMENTS
from components.campaign.samples import load_samples
from components.handoff import (
    CARRIED_NOT,
    HandoffError,
    build_handoff,
    campaign_from_handoff,
    checklist,
    curl_script,
    handoff_json,
    meta,
    owner_summary,
    request_arguments,
)
from components.handoff.build import minor_units
from components.world.locations import get_city
from components.world.money import format_money, load_rates

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "sample_data" / "ads_manager_handoff.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
TODAY = date(2026, 12, 4)

SAMPLES = [
    pytest.param(replace(sample.ad, cta=cta, schedule_hours=scheduled), id=f"{slug}-{cta}{tag}")
    for slug, sample in load_samples().items()
    for cta in ("message", "call")
    for scheduled, tag in ((False, ""), (True, "-scheduled"))
    if cta == "call" or not scheduled
]


def build(ad: Campaign):
    return build_handoff(ad, TODAY)


def step(document: dict, name: str) -> dict:
    return next(r for r in document["requests"] if r["step"] == name)["params"]


def errors(document: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]


# ---- the schema --------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("ad", SAMPLES)
def test_every_sample_with_both_buttons_meets_the_schema(ad):
    document = build(ad).document
    assert errors(document) == []
    # The requests come in the order each one's id is needed.
    assert [r["step"] for r in document["requests"]] == [
        "image", "campaign", "ad_set", "ad_creative", "ad",
    ]  # fmt: skip


def _mutations():
    """Documents the studio must never send, each with the reason the schema refuses it."""
    message = build(default_campaign()).document
    call = build(replace(default_campaign(), cta="call", schedule_hours=True)).document

    def change(document, name, edit):
        changed = copy.deepcopy(document)
        edit(step(changed, name))
        return changed

    return [
        ("objective", change(message, "campaign", lambda p: p.update(objective="MESSAGES"))),
        ("goal of a WhatsApp ad", change(message, "ad_set",
                                         lambda p: p.update(optimization_goal="QUALITY_CALL"))),
        ("two budgets", change(message, "ad_set", lambda p: p.update(lifetime_budget=1))),
        ("budget below one unit", change(message, "ad_set", lambda p: p.update(daily_budget=0))),
        ("Call ad in Facebook Stories", change(call, "ad_set", lambda p: p["targeting"].update(
            facebook_positions=["feed", "story"]))),
        ("Call ad on desktop", change(call, "ad_set", lambda p: p["targeting"].update(
            device_platforms=["mobile", "desktop"]))),
        ("schedule without lifetime budget", change(call, "ad_set", lambda p: (
            p.pop("lifetime_budget"), p.update(daily_budget=5)))),
        ("half-hour schedule", change(call, "ad_set",
                                      lambda p: p["adset_schedule"][0].update(start_minute=570))),
        ("Call Now with a wa.me link", change(call, "ad_creative", lambda p: p[
            "object_story_spec"]["link_data"]["call_to_action"]["value"].update(
            link="https://wa.me/1"))),
        ("no welcome message", change(message, "ad_creative", lambda p: p[
            "object_story_spec"]["link_data"].pop("page_welcome_message"))),
        ("a real-looking token", {**message, "access_token": "EAAB123"}),
    ]  # fmt: skip


@pytest.mark.parametrize(("why", "document"), _mutations(), ids=[m[0] for m in _mutations()])
def test_the_schema_refuses_what_meta_would_not_take(why, document):
    assert errors(document), why


# ---- Meta's field values -----------------------------------------------------------------


def test_a_whatsapp_ad_is_a_click_to_whatsapp_ad_as_meta_configures_it():
    ad = default_campaign()
    document = build(ad).document
    campaign, ad_set = step(document, "campaign"), step(document, "ad_set")
    link = step(document, "ad_creative")["object_story_spec"]["link_data"]
    assert campaign["objective"] == "OUTCOME_ENGAGEMENT"
    assert campaign["status"] == "PAUSED" and step(document, "ad")["status"] == "PAUSED"
    assert (ad_set["destination_type"], ad_set["optimization_goal"]) == (
        "WHATSAPP",
        "CONVERSATIONS",
    )
    assert ad_set["billing_event"] == "IMPRESSIONS"
    assert ad_set["promoted_object"] == {
        "page_id": "<PAGE_ID>", "whatsapp_phone_number": ad.phone_check.e164,
    }  # fmt: skip
    assert link["call_to_action"] == {
        "type": "WHATSAPP_MESSAGE", "value": {"app_destination": "WHATSAPP"},
    }  # fmt: skip
    assert link["link"] == "https://api.whatsapp.com/send"
    assert (link["message"], link["name"], link["description"]) == (
        ad.text, ad.headline, ad.description,
    )  # fmt: skip
    welcome = link["page_welcome_message"]["text_format"]
    assert welcome["customer_action_type"] == "ice_breakers"
    assert welcome["message"] == {
        "text": ad.greeting, "ice_breakers": [{"title": r} for r in ad.replies],
    }  # fmt: skip


def test_without_quick_replies_the_welcome_message_fills_in_the_prefilled_message():
    ad = replace(default_campaign(), replies=())
    welcome = step(build(ad).document, "ad_creative")["object_story_spec"]["link_data"][
        "page_welcome_message"
    ]["text_format"]
    assert welcome == {
        "customer_action_type": "autofill_message",
        "message": {"text": ad.greeting, "autofill_message": {"content": ad.prefill}},
    }


def test_a_call_ad_calls_the_number_and_runs_only_where_calls_can_be_made():
    ad = load_samples()["sao-paulo-plumber"].ad
    document = build(ad).document
    ad_set = step(document, "ad_set")
    link = step(document, "ad_creative")["object_story_spec"]["link_data"]
    assert (ad_set["destination_type"], ad_set["optimization_goal"]) == (
        "PHONE_CALL",
        "QUALITY_CALL",
    )
    assert link["call_to_action"] == {
        "type": "CALL_NOW", "value": {"link": f"tel:{ad.phone_check.e164}"},
    }  # fmt: skip
    assert "page_welcome_message" not in link
    targeting = ad_set["targeting"]
    assert targeting["age_min"] == 18
    assert targeting["device_platforms"] == ["mobile"]
    assert "story" not in targeting["facebook_positions"]  # Facebook Stories: no CALL_NOW
    assert targeting["instagram_positions"] == ["stream", "story"]


def test_every_studio_placement_has_its_targeting_name():
    assert set(meta.PLACEMENT_TARGETING) == set(PLACEMENTS)
    targeting = step(build(default_campaign()).document, "ad_set")["targeting"]
    assert targeting["facebook_positions"] == ["feed", "story", "marketplace", "facebook_reels"]
    assert targeting["device_platforms"] == ["mobile", "desktop"]


# ---- money, places, time -----------------------------------------------------------------


def test_the_daily_budget_is_in_the_account_currencys_minor_units():
    ad = default_campaign()  # USD 10 a day, a Nigerian number: the account is assumed in naira
    handoff = build(ad)
    rate = load_rates().per_usd["NGN"]
    assert handoff.document["ad_account"]["currency"] == "NGN"
    assert step(handoff.document, "ad_set")["daily_budget"] == round(10 * rate * 100)


def test_a_currency_with_offset_one_is_sent_in_whole_units():
    ad = replace(default_campaign(), currency="JPY", budget=12.5)
    rate = load_rates().per_usd["JPY"]
    assert step(build(ad).document, "ad_set")["daily_budget"] == round(12.5 * rate)


def test_a_currency_meta_accounts_cannot_hold_falls_back_to_us_dollars_and_says_so():
    ad = replace(default_campaign(), currency="GHS")
    handoff = build(ad)
    assert handoff.currency == "USD"
    assert step(handoff.document, "ad_set")["daily_budget"] == 1000
    assert any("cannot be in GHS" in note for note in handoff.notes)


def test_a_city_is_a_custom_location_and_the_other_countries_stay_whole():
    lagos = get_city("2332459")
    ad = replace(
        default_campaign(), countries=("GH", "NG", "BJ"), city=lagos.geonameid, radius_km=30
    )
    geo = step(build(ad).document, "ad_set")["targeting"]["geo_locations"]
    assert geo == {
        "countries": ["GH", "BJ"],
        "custom_locations": [
            {"latitude": lagos.latitude, "longitude": lagos.longitude, "radius": 30,
             "distance_unit": "kilometer"},
        ],
    }  # fmt: skip


def test_the_dates_are_local_midnights_in_the_business_time_zone():
    ad = replace(default_campaign(), start=date(2026, 3, 23), days=14)
    ad_set = step(build(ad).document, "ad_set")
    assert (ad_set["start_time"], ad_set["end_time"]) == (
        "2026-03-23T00:00:00+0100", "2026-04-06T00:00:00+0100",
    )  # fmt: skip
    # Without a first day, the forecast's: the Monday after today.
    assert build(default_campaign()).start == date(2026, 12, 7)


def test_a_one_day_ad_set_takes_a_lifetime_budget():
    ad_set = step(build(replace(default_campaign(), days=1)).document, "ad_set")
    assert "daily_budget" not in ad_set and ad_set["lifetime_budget"] > 0


def test_a_call_ad_in_business_hours_is_scheduled_by_them_with_a_lifetime_budget():
    ad = replace(load_samples()["sao-paulo-plumber"].ad, schedule_hours=True)
    handoff = build(ad)
    ad_set = step(handoff.document, "ad_set")
    assert ad_set["pacing_type"] == ["day_parting"]
    assert ad_set["lifetime_budget"] == handoff.daily_units * ad.days
    assert ad_set["adset_schedule"] == [
        {
            "start_minute": 420,
            "end_minute": 1200,
            "days": [1, 2, 3, 4, 5],
            "timezone_type": "ADVERTISER",
        },
        {"start_minute": 480, "end_minute": 960, "days": [6], "timezone_type": "ADVERTISER"},
    ]  # fmt: skip  (Mon–Fri 07–20, Sat 08–16, Sunday closed; Meta's Sunday is 0)


def test_half_hours_are_widened_to_whole_hours_with_a_note():
    week = ((("09:30", "17:15"),),) + ((),) * 5 + ((("00:00", "24:00"),),)
    ad = replace(default_campaign(), cta="call", schedule_hours=True,
                 hours=BusinessHours(timezone="Africa/Lagos", weekly=week))  # fmt: skip
    handoff = build(ad)
    schedule = step(handoff.document, "ad_set")["adset_schedule"]
    assert [(e["start_minute"], e["end_minute"], e["days"]) for e in schedule] == [
        (540, 1080, [1]), (0, 1440, [0]),
    ]  # fmt: skip
    assert any("whole hours" in note for note in handoff.notes)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"phone": "12"}, "not valid"),
        ({"countries": (), "city": ""}, "No target country"),
        ({"budget": 0.0}, "above zero"),
        ({"cta": "call", "schedule_hours": True, "hours": BusinessHours(weekly=((),) * 7)},
         "closed all week"),
    ],
)  # fmt: skip
def test_a_campaign_meta_would_refuse_gets_reasons_not_a_file(change, words):
    with pytest.raises(HandoffError) as refusal:
        build(replace(default_campaign(), **change))
    assert any(words in problem for problem in refusal.value.problems)


# ---- round trip --------------------------------------------------------------------------

CARRIED = ("business", "text", "headline", "description", "cta", "countries", "city",
           "radius_km", "budget", "days", "image", "region")  # fmt: skip


@pytest.mark.parametrize("ad", SAMPLES)
def test_the_handoff_imports_back_as_the_same_campaign(ad):
    handoff = build(ad)
    back = import_json(handoff_json(handoff.document).encode("utf-8"))
    for name in CARRIED:
        assert getattr(back, name) == getattr(ad, name), name
    assert back.phone_check.e164 == ad.phone_check.e164
    assert back.start == handoff.start
    assert back.hours.timezone == ad.hours.timezone
    if ad.cta == "message":
        assert (back.greeting, back.replies) == (ad.greeting, ad.replies)
    if ad.cta == "call" and ad.schedule_hours:
        assert (back.hours, back.schedule_hours) == (ad.hours, True)
    # What the handoff cannot carry comes back as a new campaign's.
    for name in CARRIED_NOT:
        assert getattr(back, name) == getattr(Campaign(), name), name
    # And the campaign that came back hands off the very same requests.
    assert build(back).document == handoff.document


def test_without_quick_replies_the_prefilled_message_comes_back_too():
    ad = replace(default_campaign(), replies=())
    back = campaign_from_handoff(json.loads(handoff_json(build(ad).document)))
    assert (back.prefill, back.replies) == (ad.prefill, ())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    budget=st.decimals(min_value="0.05", max_value="100000", places=2),
    currency=st.sampled_from(sorted(set(meta.CURRENCY_OFFSETS) & set(load_rates().per_usd))),
)
def test_any_budget_comes_back_to_the_same_minor_units(budget, currency):
    ad = replace(default_campaign(), budget=float(budget), currency=currency)
    if minor_units(ad.budget, currency) < 1:
        return
    handoff = build(ad)
    back = campaign_from_handoff(json.loads(handoff_json(handoff.document)))
    assert minor_units(back.budget, back.currency or handoff.currency) == handoff.daily_units
    assert abs(back.budget - ad.budget) <= 1 / (load_rates().per_usd.get(currency, 1.0)
                                                * meta.CURRENCY_OFFSETS[currency])  # fmt: skip


# ---- hostile values stay data ------------------------------------------------------------

CANARY = "handoff-canary"
HOSTILE = [
    'Mama\'s "best" bread',
    f"$(touch {CANARY}) and ${{HOME}} and $HOME",
    f"`touch {CANARY}`",
    f"line one\nline two'; touch {CANARY}; echo '",
    "@/etc/passwd",
    "<sample_data/default_ad.json",
    "x;type=text/html;filename=evil",
    "back\\slash \\' and '\\''",
    "\u202eRTL override, tab\there, bell\x07",
    "--form-string access_token=EAAB",
]


def hostile_ad(value: str) -> Campaign:
    return replace(
        default_campaign(), business=value[:75], text=value, headline=value, description=value,
        greeting=value, replies=(value[:80], "ok"),
    )  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_one_word_to_the_shell_and_bash_parses_the_script(value, tmp_path):
    document = build(hostile_ad(value)).document
    script = curl_script(document)
    parsed = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
    assert parsed.returncode == 0, parsed.stderr
    # shlex reads quotes and comments as a POSIX shell does (a "#" inside quotes is data);
    # it keeps a backslash-newline continuation as a "\n" word, which no argument is.
    words = [word for word in shlex.split(script, comments=True) if word != "\n"]
    starts = [i for i, word in enumerate(words) if word == "curl"] + [len(words)]
    commands = [words[a:b] for a, b in itertools.pairwise(starts)]
    assert commands == [request_arguments(request) for request in document["requests"]]


@pytest.mark.parametrize("value", HOSTILE)
def test_running_the_script_with_a_printing_curl_executes_nothing_from_the_data(value, tmp_path):
    """bash runs the script with `curl` replaced by a function that prints its arguments:
    what curl would have been handed is exactly the data, and the canary is never touched."""
    document = build(hostile_ad(value)).document
    printer = "curl() { printf '%s\\0' CURL \"$@\"; }\n"
    run = subprocess.run(
        ["bash", "-c", printer + curl_script(document)],
        cwd=tmp_path, capture_output=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / CANARY).exists()
    handed = [call.split("\0") for call in run.stdout.decode("utf-8").split("CURL\0")[1:]]
    expected = [[*request_arguments(r)[1:], ""] for r in document["requests"]]
    assert handed == expected
    # The form values are the JSON the document holds, character for character.
    creative = handed[3][handed[3].index("--form-string") + 3]
    assert (
        json.loads(creative.removeprefix("object_story_spec="))
        == step(document, "ad_creative")["object_story_spec"]
    )


def test_no_comment_line_carries_user_text():
    script = curl_script(build(hostile_ad("EVIL\n# rm -rf ~")).document)
    comments = [line for line in script.splitlines() if line.startswith("#")]
    assert comments and not any("EVIL" in line or "rm -rf" in line for line in comments)


def test_no_value_reaches_curl_as_a_file_or_option():
    script = curl_script(build(hostile_ad("@/etc/passwd")).document)
    file_fields = [line for line in script.splitlines() if " -F " in f" {line.strip()} "]
    assert file_fields == ["  -F 'filename=@ad-image.jpg' \\"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_comes_back_exactly_through_import(value):
    ad = hostile_ad(value)
    back = import_json(handoff_json(build(ad).document).encode("utf-8"))
    assert (back.business, back.text, back.greeting, back.replies) == (
        ad.business, ad.text, ad.greeting, ad.replies,
    )  # fmt: skip


def test_the_file_and_the_script_hold_no_token():
    handoff = build(default_campaign())
    text = handoff_json(handoff.document) + curl_script(handoff.document)
    assert "access_token=<ACCESS_TOKEN>" in text
    assert "access_token" not in json.dumps(handoff.document["requests"])


# ---- a damaged handoff is answered in words ----------------------------------------------


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            yield from _paths(item, (*path, index))


def _set(document, path, new):
    target = document
    for key in path[:-1]:
        target = target[key]
    if new is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = new


_DELETE = object()


def test_every_damaged_field_is_refused_with_a_message_or_read():
    """Each value of a handoff (the image's base64 aside) deleted or swapped for another
    type: the reader answers with a CampaignFileError or a campaign, never a traceback."""
    ad = replace(load_samples()["sao-paulo-plumber"].ad, schedule_hours=True)
    small = replace(ad, image=None)
    for base in (build(small).document, build(replace(small, cta="message")).document):
        for path in list(_paths(base))[1:]:
            for new in (_DELETE, None, 7, -1, 10**30, 1e300, True, "x", [], {}):
                damaged = copy.deepcopy(base)
                _set(damaged, path, new)
                try:
                    result = campaign_from_handoff(damaged)
                except CampaignFileError as error:
                    assert str(error), path
                else:
                    assert isinstance(result, Campaign)


def test_a_bad_image_in_a_handoff_is_refused_in_words():
    document = copy.deepcopy(build(default_campaign()).document)
    document["requests"][0]["params"]["bytes"] = "bm90IGFuIGltYWdl"  # "not an image"
    with pytest.raises(CampaignFileError, match="Image"):
        campaign_from_handoff(document)


# ---- words for the owner -----------------------------------------------------------------


def test_the_owner_summary_says_where_how_much_how_long_and_what_a_tap_does():
    ad = default_campaign()
    summary = owner_summary(ad, build(ad))
    money = format_money(ad.budget, "NGN")  # ₦14,700.00 at the table's rate
    assert summary.startswith(f"Your ad will run in Nigeria, Lagos + 17 km, {money} a day for 14")
    assert (
        "People tap Send WhatsApp Message and land in a WhatsApp chat with +234 802 123 4589"
        in summary
    )
    assert f"greets them with “{ad.greeting}”" in summary


def test_the_summary_of_a_scheduled_call_ad_names_the_hours():
    ad = replace(load_samples()["sao-paulo-plumber"].ad, schedule_hours=True)
    summary = owner_summary(ad, build(ad))
    assert "People tap Call Now and their phone calls +55 11 96123-4580." in summary
    assert "(America/Sao_Paulo time): Mon 07:00–20:00" in summary and "Sun Closed" in summary


def test_the_checklist_says_why_for_each_thing_ads_manager_asks():
    ad = default_campaign()
    items = checklist(ad, build(ad))
    titles = " ".join(item.title for item in items)
    for needed in ("WhatsApp Business number", "payment method", "currency", "time zone",
                   "Special ad categories"):  # fmt: skip
        assert needed in titles
    assert all(item.why.endswith(".") and len(item.why) > 20 for item in items)


def test_the_summary_leaves_out_what_is_empty_rather_than_quoting_nothing():
    ad = replace(default_campaign(), greeting=" ", replies=())
    tap = owner_summary(ad, build(ad)).split("\n\n")[1]
    assert tap == (
        f"People tap Send WhatsApp Message and land in a WhatsApp chat with "
        f"{ad.phone_check.international} that has “{ad.prefill}” ready to send."
    )


@pytest.mark.parametrize(
    ("where", "path"),
    [
        ("destination", ("ad_set", "destination_type")),
        ("currency", ("ad_account", "currency")),
    ],
)
def test_a_value_quoted_back_from_the_file_stays_text(where, path):
    """A refusal quotes the file's value as code: the message is drawn as Markdown, and a
    link written there must not become one (review of issue 16, item 3)."""
    document = copy.deepcopy(build(default_campaign()).document)
    link = "[pay](https://ev.il)"
    if where == "destination":
        step(document, "ad_set")["destination_type"] = link
    else:
        document["ad_account"]["currency"] = link
    with pytest.raises(CampaignFileError) as refused:
        import_json(json.dumps(document).encode())
    assert f"`{link[: 8 if where == 'currency' else 20]}`" in str(refused.value), path


def test_a_call_ads_extension_goes_to_meta_and_comes_back():
    """The Call button dials the extension (RFC 3966 `;ext=`), so the handoff sends it too."""
    ad = replace(default_campaign(), cta="call", phone="+44 20 7031 3000 ext. 5", region="GB")
    handoff = build(ad)
    link = step(handoff.document, "ad_creative")["object_story_spec"]["link_data"]
    assert link["call_to_action"]["value"]["link"] == "tel:+442070313000;ext=5"
    back = campaign_from_handoff(json.loads(handoff_json(handoff.document)))
    assert back.phone_check.extension == "5"
