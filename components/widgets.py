"""Reusable Streamlit input groups: the ad composer form and its pieces.

Widgets are addressed by key (`ad_<field>`). Their values are seeded from the session's AdSpec
whenever a key is missing (first visit, page switch, a loaded sample), so the form and the
AdSpec never disagree, and `ad_form` returns the AdSpec the widgets now describe.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

import pandas as pd
import streamlit as st

from components.ad import (
    CTA_LABELS,
    DESCRIPTION_LIMIT,
    HEADLINE_LIMIT,
    IMAGE_FITS,
    MAX_BUDGET_USD,
    MAX_DAYS,
    MAX_QUICK_REPLIES,
    MAX_SEED,
    PRIMARY_TEXT_LIMIT,
    QUICK_REPLY_LIMIT,
    AdSpec,
    cached_phone_check,
    reply_problems,
)
from components.forecast import HeadlineMetric, default_start
from components.hours import (
    DAY_NAMES,
    DAYS,
    BusinessHours,
    hours_problems,
    parse_hhmm,
    timezone_names,
)
from components.images import MAX_UPLOAD_BYTES, check_upload
from components.money import currency_label, currency_options, resolve_currency
from components.phone import PhoneCheck, button_link, phone_region_options
from components.samples import adapt_to_prospect, load_samples
from components.session import (
    current_ad,
    dismiss_url_notes,
    load_ad,
    share_url,
    url_notes,
)
from components.tour import STEP_KEYS, STEPS

TEXT_FIELDS = ("business", "text", "headline", "description", "phone", "prefill", "greeting")
# Typing pauses this long before the preview updates: short enough to feel live, long enough
# not to rerun on every keystroke.
LIVE = "300ms"


def key(name: str) -> str:
    """The session-state key of a form field."""
    return f"ad_{name}"


def _form_values(ad: AdSpec) -> dict[str, object]:
    """The ad as the form's widget values, by field name."""
    values: dict[str, object] = {name: getattr(ad, name) for name in TEXT_FIELDS}
    values.update(verified=ad.verified, cta=ad.cta, region=ad.region, image_fit=ad.image_fit)
    values.update(image=ad.image, logo=ad.logo, story_image=ad.story_image)
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


def _counter(value: str, limit: int) -> None:
    """A character counter under a field; over the recommendation it turns into a warning."""
    length = len(value)
    if length <= limit:
        st.caption(f"{length}/{limit} characters")
    else:
        over = length - limit
        st.caption(
            f":orange[**{length}/{limit}** · {over} over Meta's recommendation: the feed cuts it "
            "with “… See more”. Nothing you typed is removed.]"
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
        st.session_state[key(kind)] = result.data
        st.session_state.setdefault("image_notes", {})[kind] = result.note
    else:
        errors[kind] = f"“{upload.name}”: {result.error} The previous image is kept."


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
    "welcome": "Welcome message",
}
SECTION_FIELDS: dict[str, set[str]] = {
    "page": {"business", "verified", "logo"},
    "copy": {"text", "headline", "description"},
    "images": {"image", "story_image", "image_fit"},
    "button": {"cta", "region", "phone"},
    "welcome": {"prefill", "greeting", *(f"reply_{i}" for i in range(MAX_QUICK_REPLIES))},
}
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
    st.text_input("Page name", key=key("business"), live=LIVE, max_chars=75)
    st.toggle("Verified badge", key=key("verified"))
    _uploader(f"Logo (PNG, JPEG or WebP, up to {_LIMIT_MB} MB)", "logo")


def _copy_section() -> None:
    state = st.session_state
    st.text_area("Primary text", key=key("text"), height=110)
    _counter(state[key("text")], PRIMARY_TEXT_LIMIT)
    st.text_input("Headline", key=key("headline"), live=LIVE)
    _counter(state[key("headline")], HEADLINE_LIMIT)
    st.text_input("Description", key=key("description"), live=LIVE)
    _counter(state[key("description")], DESCRIPTION_LIMIT)


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
            placeholder="+234 803 123 4567",
            help="Any common form: +44 20 7031 3000, 0044 20 7031 3000, (020) 7031 3000 …",
        )
    phone_feedback(cached_phone_check(state[key("phone")], state[key("region")]))


def _welcome_section() -> None:
    st.text_area(
        "Pre-filled message",
        key=key("prefill"),
        height=70,
        help="Sits in the customer's chat box, ready to send, when they tap the button.",
    )
    st.text_area("Greeting", key=key("greeting"), height=70, help="The business's first bubble.")
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
    # Fields of the hidden sections come from the AdSpec, and their keys are reset from it,
    # so a section opens with what the ad holds, never with a stale widget value.
    shown = SECTION_FIELDS[section]
    seed_form(ad, force=True, only=set(_form_values(ad)) - shown)
    seed_form(ad, only=shown)
    _SECTION_WIDGETS[section]()
    if section != "button":
        check = cached_phone_check(state[key("phone")], state[key("region")])
        if not check.ok:
            st.error(
                f"WhatsApp number: {check.error} Fix it under **Button**.", icon=":material/error:"
            )

    replies = tuple(str(state[key(f"reply_{index}")]).strip() for index in range(MAX_QUICK_REPLIES))
    replies = tuple(reply for reply in replies if reply)
    for problem in reply_problems(replies):
        st.warning(problem)
    return replace(
        ad,
        **{name: state[key(name)] for name in TEXT_FIELDS},
        verified=bool(state[key("verified")]),
        cta=state[key("cta")] or "message",
        region=state[key("region")],
        image_fit=state[key("image_fit")],
        replies=replies,
        image=state[key("image")],
        logo=state[key("logo")],
        story_image=state[key("story_image")],
    )


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


def tap_summary(ad: AdSpec) -> None:
    """Under the preview: what a tap on the button opens, with the real link."""
    check = ad.phone_check
    link = button_link(check, ad.cta, ad.prefill)
    if not link:
        st.warning(
            "The button is shown disabled: it has no working link until the number is valid.",
            icon=":material/link_off:",
        )
        return
    if ad.cta == "call":
        st.markdown(f"**A tap calls** {check.international} from the phone's dialler.")
    else:
        st.markdown(
            f"**A tap opens WhatsApp** with a chat to {check.international}, the pre-filled "
            "message ready to send."
        )
    st.code(link, language=None, wrap_lines=True)


def share_link_control(ad: AdSpec) -> None:
    """The "Share link" control: the URL that reopens this exact ad (images excepted)."""
    with st.popover("Share link", icon=":material/share:", width="stretch"):
        st.caption("Anyone with this link sees this ad and campaign. Images are not included.")
        st.code(share_url(ad), language=None, wrap_lines=True)


def url_notes_banner() -> None:
    """Tell the person, once, which share-link parameters could not be used."""
    notes = url_notes()
    if not notes:
        return
    with st.container(key="url_notes"):
        st.warning(
            "Some parts of this link could not be used:\n\n"
            + "\n".join(f"- {note}" for note in notes),
            icon=":material/link:",
        )
        st.button("Dismiss", key="dismiss_url_notes", on_click=dismiss_url_notes)


def preview_options() -> tuple[str, bool, bool]:
    """Theme, phone frame and safe-zone toggles of the Preview page."""
    st.session_state.setdefault("preview_theme", "light")
    cols = st.columns([2, 2, 3])
    with cols[0]:
        theme = st.segmented_control(
            "Theme",
            options=["light", "dark"],
            format_func=lambda value: {"light": "Light", "dark": "Dark"}[value],
            key="preview_theme",
            required=True,
        )
    with cols[1]:
        frame = st.toggle("Phone frame", value=True, key="preview_frame")
    with cols[2]:
        safe = st.toggle("Show Stories safe zones", value=False, key="preview_safe_zones")
    return theme or "light", frame, safe


def hours_editor(ad: AdSpec) -> BusinessHours:
    """A weekly opening-hours editor (one interval a day) with a time zone."""
    hours = ad.hours
    zones = timezone_names()
    if "hours_tz" not in st.session_state:
        st.session_state["hours_tz"] = hours.timezone if hours.timezone in zones else "UTC"
    timezone = st.selectbox("Time zone", options=zones, key="hours_tz")
    rows = []
    for day in DAYS:
        intervals = hours.intervals(day)
        opens, closes = intervals[0] if intervals else ("09:00", "17:00")
        rows.append(
            {
                "Day": DAY_NAMES[day],
                "Open": bool(intervals),
                "From": parse_hhmm(opens) or time(9),
                "To": parse_hhmm(closes) or time(17),
            }
        )
    edited = st.data_editor(
        pd.DataFrame(rows),
        key="hours_table",
        hide_index=True,
        disabled=["Day"],
        column_config={
            "Open": st.column_config.CheckboxColumn("Open"),
            "From": st.column_config.TimeColumn("From", format="HH:mm", step=900),
            "To": st.column_config.TimeColumn("To", format="HH:mm", step=900),
        },
        width="stretch",
    )
    weekly = []
    for _, row in edited.iterrows():
        start, end = row["From"], row["To"]
        if bool(row["Open"]) and start is not None and end is not None and not pd.isna(start):
            weekly.append(((f"{start:%H:%M}", f"{end:%H:%M}"),))
        else:
            weekly.append(())
    result = BusinessHours(timezone=timezone, weekly=tuple(weekly))
    for problem in hours_problems(result):
        st.warning(problem)
    return result


def tap_moment(hours: BusinessHours) -> datetime:
    """A day and time (the business's local time) at which to try the Call button."""
    cols = st.columns(2)
    with cols[0]:
        day = st.selectbox(
            "Tap on", options=list(DAYS), format_func=DAY_NAMES.get, key="tap_day", index=5
        )
    with cols[1]:
        at = st.time_input("at", value=time(19, 30), key="tap_time", step=900)
    # A fixed reference week (Monday 2 March 2026) turns day + time into a local datetime.
    return datetime(2026, 3, 2 + DAYS.index(day), at.hour, at.minute)


REPLY_TIMES = {1: "1 minute", 5: "5 minutes", 15: "15 minutes", 30: "30 minutes",
               60: "1 hour", 240: "4 hours", 1440: "1 day"}  # fmt: skip
RUN_COUNTS = (100, 250, 500, 1000, 2000)


def forecast_settings(ad: AdSpec) -> AdSpec:
    """Budget, length, start, reply time, scheduling, runs, seed and currency of a forecast."""
    state = st.session_state
    start = ad.start or default_start()
    reply = min(REPLY_TIMES, key=lambda minutes: abs(minutes - ad.reply_minutes))
    defaults = {
        "eng_budget": float(ad.budget), "eng_days": int(ad.days), "eng_start": start,
        "eng_reply": reply, "eng_schedule": ad.schedule_hours, "eng_seed": int(ad.seed),
        "eng_runs": ad.runs if ad.runs in RUN_COUNTS else 500,
        "eng_currency": resolve_currency(ad.currency, ad.region)[0],
    }  # fmt: skip
    for name, value in defaults.items():
        state.setdefault(name, value)
    with st.container(border=True, key="forecast_settings"):
        cols = st.columns(4)
        cols[0].number_input(
            "Daily budget (USD)", min_value=0.0, max_value=MAX_BUDGET_USD, step=5.0,
            key="eng_budget",
        )  # fmt: skip
        cols[1].number_input("Days", min_value=1, max_value=MAX_DAYS, step=1, key="eng_days")
        cols[2].date_input("Start", key="eng_start", format="DD/MM/YYYY")
        cols[3].selectbox(
            "Reply time", options=list(REPLY_TIMES), format_func=REPLY_TIMES.get,
            key="eng_reply", help="How fast the business answers a new chat. Replying in 5 "
            "minutes makes a lead about 21× likelier to qualify than in 30.",
        )  # fmt: skip
        cols = st.columns(4, vertical_alignment="bottom")
        cols[0].selectbox(
            "Money in", options=currency_options(ad.region), format_func=currency_label,
            key="eng_currency",
        )  # fmt: skip
        cols[1].selectbox(
            "Simulated runs", options=list(RUN_COUNTS), key="eng_runs",
            help="More runs give steadier bands and take longer.",
        )  # fmt: skip
        cols[2].number_input(
            "Seed", min_value=0, max_value=MAX_SEED, step=1, key="eng_seed",
            help="The same seed and inputs give the same forecast.",
        )  # fmt: skip
        cols[3].toggle(
            "Run the Call ad only in business hours", key="eng_schedule",
            disabled=ad.cta != "call",
            help="Meta's test: call ads run only in business hours got 25.4% more calls.",
        )  # fmt: skip
    return replace(
        ad,
        budget=float(state["eng_budget"]),
        days=int(state["eng_days"]),
        start=state["eng_start"],
        reply_minutes=float(state["eng_reply"]),
        schedule_hours=bool(state["eng_schedule"]),
        seed=int(state["eng_seed"]),
        runs=int(state["eng_runs"]),
        currency=state["eng_currency"],
    )


def headline_metric_row(metrics: list[HeadlineMetric]) -> None:
    """The headline figures as st.metric: the median, with its p10–p90 range under it."""
    for start in range(0, len(metrics), 4):
        cols = st.columns(4)
        for col, metric in zip(cols, metrics[start : start + 4], strict=False):
            col.metric(
                metric.label,
                metric.value,
                delta=metric.range,
                delta_color="off",
                delta_arrow="off",
                delta_description="p10–p90",
                help=metric.help,
                border=True,
            )


def _load_sample() -> None:
    sample = load_samples().get(st.session_state.get("wt_sample", ""))
    if sample:
        load_ad(sample.ad)
        # The prospect is most likely in the sample's country.
        st.session_state["wt_region"] = sample.ad.region


def _make_it_theirs() -> None:
    state = st.session_state
    ad = adapt_to_prospect(
        current_ad(),
        business=state.get("wt_name", ""),
        phone=state.get("wt_phone", ""),
        region=state.get("wt_region", ""),
        text=state.get("wt_text", ""),
    )
    load_ad(ad)


def sample_and_prospect() -> None:
    """Start from a sample business, then make it the prospect's own."""
    samples = load_samples()
    cols = st.columns([3, 1], vertical_alignment="bottom")
    cols[0].selectbox(
        "Start from a sample business",
        options=list(samples),
        format_func=lambda slug: samples[slug].label,
        key="wt_sample",
    )
    cols[1].button("Load sample", on_click=_load_sample, key="wt_load", width="stretch",
                   icon=":material/storefront:")  # fmt: skip
    chosen = samples.get(st.session_state.get("wt_sample", ""))
    if chosen:
        st.caption(chosen.pitch)
    with st.expander("Make it the prospect's", icon=":material/person:"):
        codes, labels = phone_region_options()
        st.session_state.setdefault("wt_region", current_ad().region)
        cols = st.columns([2, 1, 2])
        cols[0].text_input("Prospect's business name", key="wt_name", max_chars=75)
        cols[1].selectbox("Number's country", codes, format_func=labels.get, key="wt_region")
        cols[2].text_input("Their WhatsApp number", key="wt_phone", max_chars=40)
        st.text_input("A line of their copy (optional)", key="wt_text", max_chars=300)
        st.button("Use these in the tour", on_click=_make_it_theirs, key="wt_apply",
                  type="primary", icon=":material/auto_fix_high:")  # fmt: skip


def _move(step: int) -> None:
    st.session_state["wt_step"] = STEP_KEYS[min(max(step, 0), len(STEP_KEYS) - 1)]


def tour_navigation(position: int) -> None:
    """Back / Next (also on the ← and → keys) and the step indicator."""
    cols = st.columns([1, 6, 1], vertical_alignment="center")
    cols[0].button("Back", on_click=_move, args=(position - 1,), key="wt_back",
                   disabled=position == 0, shortcut="Left", icon=":material/arrow_back:",
                   width="stretch")  # fmt: skip
    step = STEPS[position]
    cols[1].progress(
        (position + 1) / len(STEPS), text=f"Step {position + 1} of {len(STEPS)} · {step.title}"
    )
    cols[2].button("Next", on_click=_move, args=(position + 1,), key="wt_next",
                   disabled=position == len(STEPS) - 1, shortcut="Right", type="primary",
                   icon=":material/arrow_forward:", icon_position="right",
                   width="stretch")  # fmt: skip
