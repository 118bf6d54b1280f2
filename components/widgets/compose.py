"""The ad composer: one section at a time, every field seeded from the session's AdSpec.

Widgets are addressed by key (`ad_<field>`). Their values are seeded from the AdSpec whenever a
key is missing (first visit, page switch, a loaded sample), so the form and the AdSpec never
disagree, and `ad_form` returns the AdSpec the widgets now describe.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components.ad import (
    CTA_LABELS,
    DESCRIPTION_LIMIT,
    HEADLINE_LIMIT,
    IMAGE_FITS,
    MAX_QUICK_REPLIES,
    MAX_URL_CHARS,
    PRIMARY_TEXT_LIMIT,
    QUICK_REPLY_LIMIT,
    AdSpec,
    cached_phone_check,
    reply_problems,
)
from components.images import MAX_UPLOAD_BYTES, check_upload
from components.phone import PhoneCheck, phone_region_options
from components.session import current_ad, set_ad
from components.widgets.common import markdown_code

TEXT_FIELDS = ("business", "text", "headline", "description", "phone", "prefill", "greeting")
# Typing pauses this long before the preview updates: short enough to feel live, long enough
# not to rerun on every keystroke.
LIVE = "300ms"


def key(name: str) -> str:
    """The session-state key of a form field."""
    return f"ad_{name}"


def _form_values(ad: AdSpec) -> dict[str, object]:
    """The ad as the form's widget values, by field name (images are not widget values: an
    upload goes straight into the AdSpec)."""
    values: dict[str, object] = {name: getattr(ad, name) for name in TEXT_FIELDS}
    values.update(verified=ad.verified, cta=ad.cta, region=ad.region, image_fit=ad.image_fit)
    for index in range(MAX_QUICK_REPLIES):
        values[f"reply_{index}"] = ad.replies[index] if index < len(ad.replies) else ""
    return values


def seed_form(ad: AdSpec, *, force: bool = False, only: set[str] | None = None) -> None:
    """Put the ad's values into the form's widget keys: missing ones, or all when `force`
    (limited to the fields in `only`, when given)."""
    state = st.session_state
    for name, value in _form_values(ad).items():
        if only is not None and name not in only:
            continue
        if force or key(name) not in state:
            state[key(name)] = value


def _typed_length(name: str) -> int:
    """How many characters the field holds now."""
    return len(str(st.session_state.get(key(name), "")))


def _counted(label: str, name: str, limit: int) -> str:
    """A field's label with its character count against Meta's recommendation, e.g.
    "Headline · 39/40"; orange past it. The count sits in the label, not under the field:
    one element less to draw on every keystroke's rerun."""
    length = _typed_length(name)
    counted = f"{label} · {length}/{limit}"
    return counted if length <= limit else f":orange[{counted}]"


def _over_limit_note(name: str, limit: int) -> None:
    """Past the recommendation, what happens to the text (and that nothing is cut)."""
    length = _typed_length(name)
    if length > limit:
        st.caption(
            f":orange[{length - limit} characters over Meta's recommendation of {limit}: the "
            "feed cuts it with “… See more”. Nothing you typed is removed.]"
        )


def _store_upload(kind: str) -> None:
    """on_change of an uploader: check the file; keep the previous image when it is refused."""
    upload = st.session_state.get(key(f"{kind}_upload"))
    errors = st.session_state.setdefault("image_errors", {})
    errors.pop(kind, None)
    if upload is None:
        return
    data = upload.getvalue()
    result = check_upload(data)
    if result.ok:
        set_ad(replace(current_ad(), **{kind: result.data}))
        st.session_state.setdefault("image_notes", {})[kind] = result.note
    else:
        name = markdown_code(upload.name)
        errors[kind] = f"{name}: {result.error} The previous image is kept."


def _upload_messages(kind: str) -> None:
    error = st.session_state.get("image_errors", {}).get(kind)
    if error:
        st.error(error, icon=":material/image_not_supported:")
    note = st.session_state.get("image_notes", {}).get(kind)
    if note:
        st.caption(note)


SECTIONS = {
    "page": "Page",
    "copy": "Copy",
    "images": "Images",
    "button": "Button",
    "welcome": "Welcome",
}
SECTION_FIELDS: dict[str, set[str]] = {
    "page": {"business", "verified", "logo"},
    "copy": {"text", "headline", "description"},
    "images": {"image", "story_image", "image_fit"},
    "button": {"cta", "region", "phone"},
    "welcome": {"prefill", "greeting", *(f"reply_{i}" for i in range(MAX_QUICK_REPLIES))},
}
# The AdSpec fields a form widget edits (quick replies are read together, as `replies`).
FORM_FIELDS = {*TEXT_FIELDS, "verified", "cta", "region", "image_fit"}
_UPLOAD_TYPES = ["png", "jpg", "jpeg", "webp"]
_LIMIT_MB = MAX_UPLOAD_BYTES // (1024 * 1024)


def _uploader(label: str, kind: str) -> None:
    st.file_uploader(
        label,
        type=_UPLOAD_TYPES,
        key=key(f"{kind}_upload"),
        on_change=_store_upload,
        args=(kind,),
        max_upload_size=_LIMIT_MB,
    )
    _upload_messages(kind)


def _page_section() -> None:
    st.text_input("Page name", key=key("business"), live=LIVE, max_chars=MAX_URL_CHARS["business"])
    st.toggle("Verified badge", key=key("verified"))
    _uploader(f"Logo (PNG, JPEG or WebP, up to {_LIMIT_MB} MB)", "logo")


def _copy_section() -> None:
    # The hard ceilings are the share link's, so whatever is typed can be shared and saved.
    st.text_area(
        _counted("Primary text", "text", PRIMARY_TEXT_LIMIT), key=key("text"), height=110,
        max_chars=MAX_URL_CHARS["text"],
    )  # fmt: skip
    _over_limit_note("text", PRIMARY_TEXT_LIMIT)
    st.text_input(
        _counted("Headline", "headline", HEADLINE_LIMIT), key=key("headline"), live=LIVE,
        max_chars=MAX_URL_CHARS["headline"],
    )  # fmt: skip
    _over_limit_note("headline", HEADLINE_LIMIT)
    st.text_input(
        _counted("Description", "description", DESCRIPTION_LIMIT), key=key("description"),
        live=LIVE, max_chars=MAX_URL_CHARS["description"],
    )  # fmt: skip
    _over_limit_note("description", DESCRIPTION_LIMIT)


def _images_section() -> None:
    _uploader(f"Ad image (PNG, JPEG or WebP, up to {_LIMIT_MB} MB; 4:5 suits the feed)", "image")
    _uploader("Stories and Reels image (optional, 9:16; otherwise the ad image is cropped)",
              "story_image")  # fmt: skip
    st.radio(
        "When the image's shape differs from the placement",
        options=list(IMAGE_FITS),
        format_func=IMAGE_FITS.get,
        key=key("image_fit"),
        horizontal=True,
    )


def _button_section() -> None:
    state = st.session_state
    st.segmented_control(
        "Button type",
        options=list(CTA_LABELS),
        format_func=CTA_LABELS.get,
        key=key("cta"),
        required=True,
    )
    region_codes, region_labels = phone_region_options()
    cols = st.columns([2, 3])
    with cols[0]:
        st.selectbox(
            "Number's country",
            options=region_codes,
            format_func=region_labels.get,
            key=key("region"),
            help="Used when the number is written without its country code.",
        )
    with cols[1]:
        st.text_input(
            "WhatsApp number",
            key=key("phone"),
            live=LIVE,
            max_chars=MAX_URL_CHARS["phone"],
            placeholder="+234 803 123 4567",
            help="Any common form: +44 20 7031 3000, 0044 20 7031 3000, (020) 7031 3000 …",
        )
    phone_feedback(cached_phone_check(state[key("phone")], state[key("region")]))


def _welcome_section() -> None:
    st.text_area(
        "Pre-filled message",
        key=key("prefill"),
        height=70,
        max_chars=MAX_URL_CHARS["prefill"],
        help="Sits in the customer's chat box, ready to send, when they tap the button.",
    )
    st.text_area(
        "Greeting",
        key=key("greeting"),
        height=70,
        max_chars=MAX_URL_CHARS["greeting"],
        help="The business's first bubble.",
    )
    for index in range(MAX_QUICK_REPLIES):
        st.text_input(
            f"Quick reply {index + 1} (optional, up to {QUICK_REPLY_LIMIT} characters)",
            key=key(f"reply_{index}"),
            live=LIVE,
            max_chars=QUICK_REPLY_LIMIT,
        )


_SECTION_WIDGETS = {
    "page": _page_section,
    "copy": _copy_section,
    "images": _images_section,
    "button": _button_section,
    "welcome": _welcome_section,
}


def ad_form(ad: AdSpec) -> AdSpec:
    """The composer, one section at a time; returns the AdSpec the widgets describe.

    Only the chosen section's widgets are drawn, which keeps every keystroke's rerun short;
    fields of the other sections keep their values in the AdSpec.
    """
    state = st.session_state
    section = (
        st.segmented_control(
            "Section",
            options=list(SECTIONS),
            format_func=SECTIONS.get,
            key="compose_section",
            required=True,
            default="copy",
            label_visibility="collapsed",
        )
        or "copy"
    )
    # Only the shown section's widgets exist, so only their values are read back; every other
    # field is the AdSpec's. A widget not drawn in a run loses its value, so a section opens
    # seeded from the AdSpec; loading another ad (`load_ad`) clears the keys to re-seed them.
    shown = SECTION_FIELDS[section]
    seed_form(ad, only=shown)
    _SECTION_WIDGETS[section]()
    changes: dict[str, object] = {name: state[key(name)] for name in shown & FORM_FIELDS}
    if "verified" in changes:
        changes["verified"] = bool(changes["verified"])
    if "cta" in changes:
        changes["cta"] = changes["cta"] or "message"
    if section == "welcome":
        replies = (str(state[key(f"reply_{index}")]).strip() for index in range(MAX_QUICK_REPLIES))
        changes["replies"] = tuple(reply for reply in replies if reply)
    ad = replace(ad, **changes) if changes else ad
    if section != "button" and not ad.phone_check.ok:
        st.error(
            f"WhatsApp number: {ad.phone_check.error} Fix it under **Button**.",
            icon=":material/error:",
        )
    for problem in reply_problems(ad.replies):
        st.warning(problem)
    return ad


def phone_feedback(check: PhoneCheck) -> None:
    """Under the number: its international form, or what is wrong with it, and type notes."""
    if check.ok:
        st.success(
            f"**{check.international}** · {check.number_type} number", icon=":material/check:"
        )
        if check.note:
            st.info(check.note, icon=":material/info:")
    else:
        st.error(check.error, icon=":material/error:")
