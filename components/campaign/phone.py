"""WhatsApp numbers: parse, validate and format with phonenumbers; build wa.me and tel: links.

Everything here is pure. A number is checked once into a `PhoneCheck`, which carries what the
composer shows (international format, what is wrong, a note on the number type) and what the
renderer needs (the digits for `https://wa.me/<digits>` and the E.164 form for `tel:`).

An extension ("ext. 5", "x5", ";ext=99", "#5") is kept, never dropped: a Call Now button dials
it (`tel:+442070313000;ext=5`, RFC 3966 §5.1.3) and the number is shown with it ("+44 20 7031
3000 ext. 5"). A WhatsApp chat reaches a whole line, never an extension, so a number with one
is refused, with the reason, for a Send WhatsApp Message button.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType
from phonenumbers.phonenumberutil import ValidationResult

from components.world.regions import get_country, load_catalog

# A written number longer than this is not a phone number; refusing early keeps the parser
# away from megabytes of pasted text.
MAX_PHONE_INPUT_CHARS = 64

_TYPE_NOTES = {
    PhoneNumberType.FIXED_LINE: (
        "This looks like a landline. Fine for calls; for messages WhatsApp Business needs "
        "this exact number registered with it."
    ),
    PhoneNumberType.VOIP: (
        "This looks like a VoIP number. Fine for calls; for messages WhatsApp Business needs "
        "this exact number registered with it."
    ),
    PhoneNumberType.TOLL_FREE: (
        "This is a toll-free number. WhatsApp Business cannot register most toll-free numbers."
    ),
    PhoneNumberType.PREMIUM_RATE: "This is a premium-rate number; customers pay extra to call it.",
}

_TYPE_LABELS = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline or mobile",
    PhoneNumberType.VOIP: "VoIP",
    PhoneNumberType.TOLL_FREE: "toll-free",
    PhoneNumberType.PREMIUM_RATE: "premium rate",
    PhoneNumberType.SHARED_COST: "shared cost",
    PhoneNumberType.PERSONAL_NUMBER: "personal number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "universal access number",
    PhoneNumberType.VOICEMAIL: "voicemail",
}


@dataclass(frozen=True)
class PhoneCheck:
    """The outcome of checking one written number against a default region."""

    raw: str
    region: str
    ok: bool
    error: str = ""
    e164: str = ""
    international: str = ""
    number_region: str = ""
    number_type: str = ""
    note: str = ""
    extension: str = ""

    @property
    def digits(self) -> str:
        """The full international number as digits only, as wa.me wants it."""
        return self.e164.lstrip("+")


def region_name(region: str) -> str:
    """A plain-language country name for an ISO alpha-2 code (the code itself if unknown)."""
    country = get_country(region)
    return country.name if country else region


def normalize_region(region: str | None) -> str:
    """Upper-case a region code, or '' when phonenumbers does not know it.

    Only ASCII letters count: "ﬁ".upper() is "FI" and "ﬅ".upper() is "ST", which would turn a
    ligature into Finland or São Tomé.
    """
    code = (region or "").strip()
    if not code.isascii():
        return ""
    code = code.upper()
    return code if code in phonenumbers.SUPPORTED_REGIONS else ""


def _prepare(raw: str) -> str:
    """Turn a leading `00` international prefix into `+`; phonenumbers only knows `+`."""
    text = raw.strip()
    if text.startswith("00"):
        return "+" + text[2:]
    return text


def check_phone(raw: str, region: str, cta: str = "call") -> PhoneCheck:
    """Parse and validate a number written in any common form, `region` being the default,
    for a button of type `cta` ("message" refuses an extension; see the module docstring)."""
    region = normalize_region(region)
    text = (raw or "").strip()
    if not text:
        return PhoneCheck(raw=raw, region=region, ok=False, error="Enter the phone number.")
    if len(text) > MAX_PHONE_INPUT_CHARS:
        return PhoneCheck(
            raw=raw, region=region, ok=False, error="That is far too long to be a phone number."
        )
    prepared = _prepare(text)
    if not region and not prepared.startswith("+"):
        return PhoneCheck(
            raw=raw,
            region=region,
            ok=False,
            error="Choose the number's country, or write it with its country code (+…).",
        )
    try:
        number = phonenumbers.parse(prepared, region or None)
    except NumberParseException as exc:
        return PhoneCheck(raw=raw, region=region, ok=False, error=_parse_error(exc, region))

    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != ValidationResult.IS_POSSIBLE:
        error = _possible_error(reason, number, region, prepared)
        return PhoneCheck(raw=raw, region=region, ok=False, error=error)

    number_region = phonenumbers.region_code_for_number(number) or ""
    if not phonenumbers.is_valid_number(number):
        where = region_name(number_region or region) or "that country"
        return PhoneCheck(
            raw=raw,
            region=region,
            ok=False,
            error=f"This is not a valid number for {where}. Check the digits and the country.",
        )

    kind = phonenumbers.number_type(number)
    extension = number.extension or ""
    line = phonenumbers.PhoneNumber()  # the number without its extension
    line.merge_from(number)
    line.extension = None
    international = phonenumbers.format_number(line, PhoneNumberFormat.INTERNATIONAL)
    if extension and cta == "message":
        return PhoneCheck(
            raw=raw,
            region=region,
            ok=False,
            extension=extension,
            error=f"WhatsApp reaches a whole line, not an extension: remove “ext. {extension}” "
            f"(a chat goes to {international}), or choose Call Now, whose button dials it.",
        )
    return PhoneCheck(
        raw=raw,
        region=region,
        ok=True,
        e164=phonenumbers.format_number(line, PhoneNumberFormat.E164),
        # phonenumbers writes " x5" for some countries and " ext. 5" for others: one form.
        international=international + (f" ext. {extension}" if extension else ""),
        number_region=number_region,
        number_type=_TYPE_LABELS.get(kind, "unknown"),
        note=_TYPE_NOTES.get(kind, ""),
        extension=extension,
    )


def _parse_error(exc: NumberParseException, region: str) -> str:
    kind = exc.error_type
    if kind == NumberParseException.INVALID_COUNTRY_CODE:
        return "That country code does not exist. Start with + and a real country code."
    if kind == NumberParseException.NOT_A_NUMBER:
        return "That does not look like a phone number: use digits, spaces, +, - or brackets."
    if kind in (NumberParseException.TOO_SHORT_NSN, NumberParseException.TOO_SHORT_AFTER_IDD):
        return "The number is too short."
    if kind == NumberParseException.TOO_LONG:
        return "The number is too long."
    return "That does not look like a phone number."


def _written_in_full(written: str, region: str) -> bool:
    """Whether a number is written with its country code (+…) or the country's trunk prefix
    (the 0 of "0803 …"): then its area code is there too, however short it is."""
    if written.startswith("+"):
        return True
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    trunk = metadata.national_prefix if metadata else None
    digits = phonenumbers.normalize_digits_only(written)
    return bool(trunk) and digits.startswith(trunk)


def _possible_error(
    reason: int, number: phonenumbers.PhoneNumber, region: str, written: str
) -> str:
    code = phonenumbers.region_code_for_number(number) or ""
    if not code:
        regions = phonenumbers.region_codes_for_country_code(number.country_code)
        code = region if region in regions else (regions[0] if regions else "")
    where = region_name(code) if code and code != "001" else "its country"
    if reason == ValidationResult.TOO_SHORT:
        return f"The number is too short for {where}."
    if reason == ValidationResult.TOO_LONG:
        return f"The number is too long for {where}."
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return "That country code does not exist. Start with + and a real country code."
    if reason == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        # phonenumbers reads a short number as a local one (dialled without its area code);
        # written with its trunk prefix or country code, it simply lacks digits.
        if _written_in_full(written, code if code != "001" else region):
            return f"The number is too short for {where}."
        return "Add the area code: this number only works when dialled locally."
    return f"The number has the wrong length for {where}."


def wa_link(check: PhoneCheck, text: str = "") -> str:
    """The click-to-chat link: `https://wa.me/<digits>` plus `?text=` when there is a message.

    WhatsApp wants the full international number with no `+`, zeros, brackets or dashes, and
    the message URL-encoded (every reserved character escaped, so `&?#%+` survive).
    """
    if not check.ok:
        return ""
    link = f"https://wa.me/{check.digits}"
    if text:
        link += "?text=" + quote(text, safe="")
    return link


def tel_link(check: PhoneCheck) -> str:
    """The RFC 3966 link for a phone call: `tel:+<E.164>`, with `;ext=<digits>` when the
    number has an extension (RFC 3966 §5.1.3: the extension parameter of a global number)."""
    if not check.ok:
        return ""
    return f"tel:{check.e164};ext={check.extension}" if check.extension else f"tel:{check.e164}"


def button_link(check: PhoneCheck, cta: str, prefill: str) -> str:
    """The link behind the ad's button for a call-to-action type ('' when the number is bad)."""
    return tel_link(check) if cta == "call" else wa_link(check, prefill)


@lru_cache(maxsize=1)
def phone_region_options() -> tuple[list[str], dict[str, str]]:
    """Every region phonenumbers knows, sorted by name, with labels like '🇳🇬 Nigeria (+234)'."""
    catalog = load_catalog()
    # The catalog is ordered by name, so its order is the menu's order.
    codes = [code for code in catalog if code in phonenumbers.SUPPORTED_REGIONS]
    labels = {
        code: f"{catalog[code].flag} {catalog[code].name} (+{catalog[code].calling_code})"
        for code in codes
    }
    return codes, labels
