"""Phone parsing, formatting and link building over real numbers of many countries."""

from urllib.parse import parse_qs, unquote, urlsplit

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.campaign.phone import (
    button_link,
    check_phone,
    phone_region_options,
    tel_link,
    wa_link,
)
from tests.factories import make_campaign

# (written form, default region, expected E.164): numbers in the forms people write them.
VALID = [
    ("+1 (512) 555-0143", "US", "+15125550143"),
    ("512 555 0143", "US", "+15125550143"),
    ("+55 11 91234-5678", "BR", "+5511912345678"),
    ("(11) 91234-5678", "BR", "+5511912345678"),
    ("+52 55 1234 5678", "MX", "+525512345678"),
    ("+54 9 11 2345-6789", "AR", "+5491123456789"),
    ("098765 43210", "IN", "+919876543210"),
    ("+91 98765 43210", "IN", "+919876543210"),
    ("0812-3456-7890", "ID", "+6281234567890"),
    ("0803 123 4567", "NG", "+2348031234567"),
    ("0712 345678", "KE", "+254712345678"),
    ("071 123 4567", "ZA", "+27711234567"),
    ("0412 345 678", "AU", "+61412345678"),
    ("+44 20 7031 3000", "GB", "+442070313000"),
    ("0044 20 7031 3000", "US", "+442070313000"),
    ("020 7031 3000", "GB", "+442070313000"),
    ("0151 23456789", "DE", "+4915123456789"),
    ("010 1234 5678", "EG", "+201012345678"),
    ("050 123 4567", "AE", "+971501234567"),
    ("+81 90-1234-5678", "JP", "+819012345678"),
]


@pytest.mark.parametrize(("raw", "region", "e164"), VALID)
def test_valid_numbers_parse_to_e164(raw, region, e164):
    check = check_phone(raw, region)
    assert check.ok, check.error
    assert check.e164 == e164
    assert check.digits == e164[1:]
    assert check.international.startswith("+")


@pytest.mark.parametrize(
    ("raw", "region", "fragment"),
    [
        ("", "US", "Enter"),
        ("12", "US", "too short"),
        ("+44 12", "US", "too short"),
        ("+234 803 123 45678", "NG", "not a valid number for Nigeria"),
        ("+999 123 4567", "US", "country code"),
        ("call me maybe", "US", "does not look like a phone number"),
        ("5" * 80, "US", "far too long"),
        ("512 555 0143", "", "Choose the number's country"),
        ("7031 3000", "GB", "Add the area code"),  # a London number without its 020
        ("555 0143", "US", "Add the area code"),
        # Written with the trunk 0 (or +234), the area code is there: it is just too short.
        ("0803 123", "NG", "The number is too short for Nigeria"),
        ("080312", "NG", "The number is too short for Nigeria"),
        ("+44 7031 3000", "GB", "too short"),
    ],
)
def test_invalid_numbers_say_what_is_wrong(raw, region, fragment):
    check = check_phone(raw, region)
    assert not check.ok
    assert fragment in check.error
    assert wa_link(check) == "" and tel_link(check) == ""


def test_landline_gets_a_whatsapp_note():
    check = check_phone("+44 20 7031 3000", "GB")
    assert check.number_type == "landline"
    assert "WhatsApp Business" in check.note
    mobile = check_phone("0803 123 4567", "NG")
    assert mobile.number_type == "mobile" and mobile.note == ""


def test_wa_link_has_digits_only_and_no_plus():
    check = check_phone("+1 (512) 555-0143", "US")
    assert wa_link(check) == "https://wa.me/15125550143"
    assert wa_link(check, "I'm interested") == "https://wa.me/15125550143?text=I%27m%20interested"


@pytest.mark.parametrize(
    "text",
    [
        "I'm interested",
        "Ça coûte combien ? 🍞🥐",
        "مرحبا، أريد المزيد من المعلومات",
        "नमस्ते, मुझे और जानकारी चाहिए",
        "a&b?c#d%e+f=g/h",
        "line one\nline two",
        "👩🏽‍🍳 family: 👨‍👩‍👧",
    ],
)
def test_prefilled_text_survives_the_round_trip(text):
    link = wa_link(check_phone("0803 123 4567", "NG"), text)
    parts = urlsplit(link)
    assert parts.netloc == "wa.me" and parts.path == "/2348031234567"
    # Every reserved character is escaped, so the query holds exactly one parameter.
    assert set(parts.query.split("=", 1)[1]) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%-._~"
    )
    assert parse_qs(parts.query)["text"] == [text] or unquote(parts.query[5:]) == text
    assert unquote(parts.query[len("text=") :]) == text


def test_tel_link_is_rfc3966():
    check = check_phone("0803 123 4567", "NG")
    assert tel_link(check) == "tel:+2348031234567"
    assert button_link(check, "call", "ignored") == "tel:+2348031234567"
    assert button_link(check, "message", "Hi").startswith("https://wa.me/2348031234567?text=Hi")


def test_every_region_has_a_label_with_flag_and_code():
    codes, labels = phone_region_options()
    assert set(codes) == set(phonenumbers.SUPPORTED_REGIONS)
    assert labels["NG"].startswith("🇳🇬 Nigeria") and "(+234)" in labels["NG"]


@given(st.text(max_size=100), st.sampled_from(["US", "NG", "IN", "", "ZZ", "br"]))
def test_check_phone_never_raises(raw, region):
    check = check_phone(raw, region)
    assert check.ok or check.error
    if check.ok:
        assert wa_link(check).startswith("https://wa.me/")


# ---- extensions: kept and dialled, or refused with the reason (issue 16, item 5) ---------

# (written, region, extension, the line's E.164): the ways people write one.
EXTENSIONS = [
    ("+44 20 7031 3000 ext. 5", "GB", "5", "+442070313000"),
    ("+44 20 7031 3000;ext=99", "GB", "99", "+442070313000"),
    ("+1 650 253 0000 x123", "US", "123", "+16502530000"),
    ("020 7031 3000 #5", "GB", "5", "+442070313000"),
    ("(650) 253-0000 extension 42", "US", "42", "+16502530000"),
]


@pytest.mark.parametrize(("raw", "region", "extension", "e164"), EXTENSIONS)
def test_a_call_button_dials_the_extension_and_shows_it(raw, region, extension, e164):
    check = check_phone(raw, region, "call")
    assert check.ok and check.extension == extension and check.e164 == e164
    # RFC 3966 §5.1.3: the extension is a parameter of the global number.
    assert tel_link(check) == f"tel:{e164};ext={extension}"
    assert check.international.endswith(f" ext. {extension}")
    assert button_link(check, "call", "") == tel_link(check)


@pytest.mark.parametrize(("raw", "region", "extension", "e164"), EXTENSIONS)
def test_a_whatsapp_button_refuses_an_extension_and_says_why(raw, region, extension, e164):
    check = check_phone(raw, region, "message")
    assert not check.ok and not wa_link(check) and not button_link(check, "message", "Hi")
    assert f"“ext. {extension}”" in check.error and "Call Now" in check.error
    assert "not an extension" in check.error


def test_a_number_without_an_extension_is_the_same_for_both_buttons():
    call, message = (check_phone("+44 20 7031 3000", "GB", cta) for cta in ("call", "message"))
    assert call == message and call.ok and not call.extension
    assert tel_link(call) == "tel:+442070313000"


def test_the_call_screen_and_the_button_carry_the_extension():
    from components.render.placements import cta_html
    from components.render.tap import call_screen_html

    ad = make_campaign(business="Bo", cta="call", phone="+44 20 7031 3000 ext. 5", region="GB")
    assert 'href="tel:+442070313000;ext=5"' in cta_html(ad)
    assert "+44 20 7031 3000 ext. 5" in call_screen_html(ad)
    # The same number on a WhatsApp button: no link at all, never the main line silently.
    assert "wa.me" not in cta_html(make_campaign(business="Bo", cta="message", phone=ad.phone))
