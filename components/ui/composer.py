"""The ad composer: one section at a time, every field seeded from the session's Campaign.

Fields are addressed by key (`ad_<field>`). The text fields are live (`live_text`): they show
the Campaign's value and hand what is typed over as the person types (`session.record_edit`:
data the session folds into the campaign), so the preview follows without Enter or leaving
the field. The choice widgets (badge, button type,
number's country, framing) are seeded from the Campaign whenever their key is missing (first
visit, page switch, a loaded sample) and read back by `ad_form`, which returns the Campaign the
form now describes.

An uploader is drawn under a new key after every file it processed, so the slot shows no chip
of a refused or replaced file; under it, in text, why the last file was refused, the image in
use and what the placements crop. In a shared campaign's read-only view every field is
disabled.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import streamlit as st

from components.campaign.fields import (
    CTA_LABELS,
    IMAGE_FITS,
    MAX_CHARS,
    MAX_QUICK_REPLIES,
    QUICK_REPLY_LIMIT,
)
from components.campaign.images import (
    MAX_STORED_BYTES,
    MAX_STORED_SIDE,
    MAX_UPLOAD_BYTES,
    check_upload,
    image_size,
    size_text,
)
from components.campaign.model import (
    DESCRIPTION_LIMIT,
    HEADLINE_LIMIT,
    NUMBER_LABELS,
    PRIMARY_TEXT_LIMIT,
    Campaign,
    cached_phone_check,
    is_sample_art,
    reply_problems,
    upload_changes,
)
from components.campaign.phone import PhoneCheck, phone_region_options
from components.campaign.placements import crop_summary
from components.campaign.renaming import RENAMED_FIELDS, rename_offer
from components.ui.common import file_uploader, markdown_code
from components.ui.live_text import live_text
from components.ui.session import current_campaign, record_edit
from components.ui.share import shared_view


def key(name: str) -> str:
    """The session-state key of a form field."""
    return f"ad_{name}"


def reply_key(index: int) -> str:
    """Where quick reply `index` is kept as typed (the Campaign keeps only the non-empty ones,
    so a cleared first reply would otherwise pull the second into its box)."""
    return key(f"reply_text_{index}")


def _form_values(ad: Campaign) -> dict[str, object]:
    """The ad as the values the form keeps in session state, by key: the choice widgets'
    and the quick replies as typed (the text fields read the Campaign itself; images are not
    widget values: an upload goes straight into the Campaign)."""
    values: dict[str, object] = {
        key(name): getattr(ad, name) for name in ("verified", "cta", "region", "image_fit")
    }
    for index in range(MAX_QUICK_REPLIES):
        values[reply_key(index)] = ad.replies[index] if index < len(ad.replies) else ""
    return values


def seed_form(ad: Campaign, *, force: bool = False, only: set[str] | None = None) -> None:
    """Put the ad's values into the form's session-state keys: missing ones, or all when
    `force` (limited to the keys in `only`, when given)."""
    state = st.session_state
    for name, value in _form_values(ad).items():
        if only is not None and name not in only:
            continue
        if force or name not in state:
            state[name] = value


def _set_field(name: str, value: str) -> None:
    """on_change of a text field: hand over what was typed."""
    record_edit(**{name: value})


def _set_reply(index: int, value: str) -> None:
    """on_change of a quick reply: keep it as typed; the Campaign takes the non-empty ones."""
    state = st.session_state
    seed_form(current_campaign(), only={reply_key(i) for i in range(MAX_QUICK_REPLIES)})
    state[reply_key(index)] = value
    typed = (str(state[reply_key(i)]).strip() for i in range(MAX_QUICK_REPLIES))
    record_edit(replies=tuple(reply for reply in typed if reply))


def _text_field(
    label: str, name: str, *, limit: int | None = None, multiline: bool = False, **options
) -> None:
    """A live text field editing the Campaign's `name`, with its one counter (Meta's `limit`,
    or the hard ceiling when Meta recommends none)."""
    ceiling = MAX_CHARS[name]
    live_text(
        label,
        key=key(name),
        value=str(getattr(current_campaign(), name)),
        on_change=partial(_set_field, name),
        ceiling=ceiling,
        limit=limit,
        multiline=multiline,
        disabled=shared_view(),
        **options,
    )


# Per slot, the message of its last upload (why it was refused, or what was done to it) and
# the number of uploaders drawn so far; under the "ad_" prefix, so loading another ad
# (`load_campaign`) forgets them.
_UPLOAD_MESSAGES_KEY = key("upload_messages")
_UPLOAD_ROUND_KEY = key("upload_round")


def _upload_key(kind: str) -> str:
    """The uploader's key for this round: a new key after every processed file, so the
    uploader comes back empty and never keeps a refused or replaced file as a chip."""
    return key(f"{kind}_upload_{st.session_state.get(_UPLOAD_ROUND_KEY, {}).get(kind, 0)}")


def _store_upload(kind: str, widget_key: str) -> None:
    """on_change of an uploader: check the file; keep the previous image when it is refused.
    Either way the uploader is replaced by an empty one: the slot shows the image in use."""
    upload = st.session_state.get(widget_key)
    messages = st.session_state.setdefault(_UPLOAD_MESSAGES_KEY, {})
    messages.pop(kind, None)
    if upload is None:
        return
    result = check_upload(upload.getvalue())
    if result.ok:
        record_edit(**upload_changes(current_campaign(), kind, result.data))
        if result.note:  # what was done to it: a first frame kept, stored smaller
            messages[kind] = ("used", upload.name, result.note)
    else:
        messages[kind] = ("refused", upload.name, f"{result.error} The previous image is kept.")
    rounds = st.session_state.setdefault(_UPLOAD_ROUND_KEY, {})
    rounds[kind] = rounds.get(kind, 0) + 1


def _upload_messages(kind: str) -> None:
    """Under an uploader, in text: why the last file was refused (or what was done to it),
    the image in use, and what the placements do to its shape."""
    outcome, name, text = st.session_state.get(_UPLOAD_MESSAGES_KEY, {}).get(kind, ("", "", ""))
    if outcome == "refused":
        with st.container(key=f"upload_error_{kind}"):
            st.error(f"{markdown_code(name)} was not used: {text}",
                     icon=":material/image_not_supported:")  # fmt: skip
    elif outcome == "used":
        with st.container(key=f"upload_note_{kind}"):
            st.info(f"{markdown_code(name)} is in use. {text}", icon=":material/info:")
    ad = current_campaign()
    data = getattr(ad, kind)
    if not data:
        return
    width, height = image_size(data)
    whose = "the sample's" if is_sample_art(data) else "your"
    with st.container(key=f"upload_status_{kind}"):
        st.caption(f"In use: {whose} image, {width}×{height} px. A new file replaces it.")
        if kind != "logo":
            # The framing radio sits below and is read back after the section: use its value.
            fit = str(st.session_state.get(key("image_fit"), ad.image_fit))
            summary = crop_summary(replace(ad, image_fit=fit), kind)
            if summary:
                st.caption(summary)


SECTIONS = {
    "page": "Page",
    "copy": "Copy",
    "images": "Images",
    "button": "Button",
    "welcome": "Welcome",
}
# The Campaign fields a choice widget edits, by section (text fields edit the Campaign from their
# own on_change; quick replies are read together, as `replies`).
SECTION_CHOICES: dict[str, set[str]] = {
    "page": {"verified"},
    "copy": set(),
    "images": {"image_fit"},
    "button": {"cta", "region"},
    "welcome": set(),
}
_UPLOAD_TYPES = ["png", "jpg", "jpeg", "webp"]
_UPLOAD_LIMIT = size_text(MAX_UPLOAD_BYTES)


def _uploader(label: str, kind: str) -> None:
    widget_key = _upload_key(kind)
    # The container's key stays while the uploader's changes: pages and tests find the slot.
    with st.container(key=key(f"{kind}_upload")):
        file_uploader(
            label,
            limit_text=f"A file can be up to {size_text(MAX_UPLOAD_BYTES)}; it is kept at "
            f"most {MAX_STORED_SIDE:,} px a side and {size_text(MAX_STORED_BYTES)} (a larger "
            "picture is stored smaller, and you are told).",
            type=_UPLOAD_TYPES,
            key=widget_key,
            on_change=_store_upload,
            args=(kind, widget_key),
            disabled=shared_view(),
        )
        _upload_messages(kind)


# The business name the greeting and pre-filled message were written for: the session's first
# (under "ad_", so a loaded ad brings its own).
NAME_ORIGIN_KEY = key("name_origin")


def _apply_rename() -> None:
    """on_click of "Update greeting and message": carry the new name into them."""
    ad = current_campaign()
    offer = rename_offer(ad, str(st.session_state.get(NAME_ORIGIN_KEY, "")))
    if offer is not None:
        record_edit(**dict(offer.changes))
    st.session_state[NAME_ORIGIN_KEY] = ad.business.strip()


def _rename_offer() -> None:
    """Under the Page name, once it is changed: offer (never impose) to carry the new name
    into the greeting and pre-filled message that still say the old one."""
    offer = rename_offer(current_campaign(), str(st.session_state.get(NAME_ORIGIN_KEY, "")))
    if offer is None:
        return
    named = [RENAMED_FIELDS[name] for name, _ in offer.changes]
    with st.container(key="rename_offer", border=True):
        if named:
            verb = "says" if len(named) == 1 else "say"
            st.markdown(f"The {' and '.join(named)} still {verb} {markdown_code(offer.old)}.")
            st.button("Update greeting and message", key="rename_apply", on_click=_apply_rename,
                      icon=":material/sync:", disabled=shared_view())  # fmt: skip
        for name in offer.too_long:
            ceiling = MAX_CHARS[name]
            st.caption(f"The {RENAMED_FIELDS[name]} also says {markdown_code(offer.old)}, but "
                       f"the new name would take it past {ceiling} characters: edit it under "
                       "Welcome.")  # fmt: skip


def _page_section() -> None:
    business = MAX_CHARS["business"]
    _text_field("Page name", "business", limit=business)
    _rename_offer()
    st.toggle("Verified badge", key=key("verified"), disabled=shared_view())
    _uploader(f"Logo (PNG, JPEG or WebP, up to {_UPLOAD_LIMIT})", "logo")


def _copy_section() -> None:
    # The hard ceilings are the share link's, so whatever is typed can be shared and saved.
    _text_field("Primary text", "text", limit=PRIMARY_TEXT_LIMIT, multiline=True, height=110)
    _text_field("Headline", "headline", limit=HEADLINE_LIMIT)
    _text_field("Description", "description", limit=DESCRIPTION_LIMIT)


def _images_section() -> None:
    _uploader(f"Ad image (PNG, JPEG or WebP, up to {_UPLOAD_LIMIT}; 4:5 suits the feed)", "image")
    _uploader(f"Stories and Reels image (optional; 9:16, PNG, JPEG or WebP, up to {_UPLOAD_LIMIT}; "
              "otherwise the ad image is cropped)", "story_image")  # fmt: skip
    st.radio(
        "When the image's shape differs from the placement",
        options=list(IMAGE_FITS),
        format_func=IMAGE_FITS.get,
        key=key("image_fit"),
        horizontal=True,
        disabled=shared_view(),
    )


def _button_section() -> None:
    state = st.session_state
    st.segmented_control(
        "Button type",
        options=list(CTA_LABELS),
        format_func=CTA_LABELS.get,
        key=key("cta"),
        required=True,
        disabled=shared_view(),
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
            disabled=shared_view(),
        )
    with cols[1]:
        _text_field(
            phone_label(state[key("cta")]),
            "phone",
            placeholder="+234 803 123 4567",
            help="Any common form: +44 20 7031 3000, 0044 20 7031 3000, (020) 7031 3000 …",
        )
    phone_feedback(
        cached_phone_check(current_campaign().phone, state[key("region")], state[key("cta")])
    )


def _welcome_section() -> None:
    ceiling = MAX_CHARS["prefill"]
    _text_field(
        "Pre-filled message", "prefill", limit=ceiling, multiline=True, height=70,
        help="Sits in the customer's chat box, ready to send, when they tap the button.",
    )  # fmt: skip
    _text_field(
        "Greeting", "greeting", limit=MAX_CHARS["greeting"], multiline=True, height=70,
        help="The business's first bubble.",
    )  # fmt: skip
    state = st.session_state
    for index in range(MAX_QUICK_REPLIES):
        live_text(
            f"Quick reply {index + 1} (optional)",
            key=key(f"reply_{index}"),
            value=str(state[reply_key(index)]),
            on_change=partial(_set_reply, index),
            ceiling=QUICK_REPLY_LIMIT,
            limit=QUICK_REPLY_LIMIT,
            disabled=shared_view(),
        )


_SECTION_WIDGETS = {
    "page": _page_section,
    "copy": _copy_section,
    "images": _images_section,
    "button": _button_section,
    "welcome": _welcome_section,
}


def ad_form(ad: Campaign) -> Campaign:
    """The composer, one section at a time; returns the Campaign the widgets describe.

    Only the chosen section's widgets are drawn, which keeps every keystroke's rerun short;
    fields of the other sections keep their values in the Campaign.
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
    # Only the shown section's widgets exist. Text fields hand what is typed to the Campaign
    # (their on_change); choice widgets are read back here. A widget not drawn in a run loses
    # its value, so a section opens seeded from the Campaign; loading another ad (`load_campaign`)
    # clears the keys to re-seed them.
    state.setdefault(NAME_ORIGIN_KEY, ad.business.strip())
    choices = SECTION_CHOICES[section]
    seed_form(ad, only={key(name) for name in choices} | _reply_keys(section))
    _SECTION_WIDGETS[section]()
    changes: dict[str, object] = {name: state[key(name)] for name in choices}
    if "verified" in changes:
        changes["verified"] = bool(changes["verified"])
    if "cta" in changes:
        changes["cta"] = changes["cta"] or "message"
    ad = replace(current_campaign(), **changes) if changes else current_campaign()
    if section != "button" and not ad.phone_check.ok:
        st.error(
            f"{phone_label(ad.cta)}: {ad.phone_check.error} Fix it under **Button**.",
            icon=":material/error:",
        )
    for problem in reply_problems(ad.replies):
        st.warning(problem)
    return ad


def _reply_keys(section: str) -> set[str]:
    return {reply_key(i) for i in range(MAX_QUICK_REPLIES)} if section == "welcome" else set()


def phone_label(cta: str) -> str:
    """The number field's name for a button type: "Phone number" for a Call Now ad."""
    return NUMBER_LABELS.get(cta, NUMBER_LABELS["message"])


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
