"""The Preview page's controls: theme and frame toggles, business hours, the tap moment."""

from __future__ import annotations

from datetime import datetime, time

import pandas as pd
import streamlit as st

from components.campaign.hours import (
    DAY_NAMES,
    DAYS,
    BusinessHours,
    hours_problems,
    parse_hhmm,
    timezone_names,
)
from components.campaign.model import Campaign


def preview_options() -> tuple[str, bool, bool]:
    """Theme, phone frame and safe-zone toggles of the Preview page."""
    st.session_state.setdefault("preview_theme", "light")
    with st.container(horizontal=True, gap="large", vertical_alignment="center"):
        theme = st.segmented_control(
            "Theme",
            options=["light", "dark"],
            format_func=lambda value: {"light": "Light", "dark": "Dark"}[value],
            key="preview_theme",
            required=True,
            label_visibility="collapsed",
        )
        frame = st.toggle("Phone frame", value=True, key="preview_frame")
        safe = st.toggle("Show Stories safe zones", value=False, key="preview_safe_zones")
    return theme or "light", frame, safe


def hours_editor(ad: Campaign) -> BusinessHours:
    """A weekly opening-hours editor (one interval a day) with a time zone.

    Returns the ad's own hours until the person edits the table or the zone, so showing
    the editor never rewrites hours it cannot display (two openings a day, 24:00).
    """
    hours = ad.hours
    zones = timezone_names()
    if "hours_tz" not in st.session_state:
        st.session_state["hours_tz"] = hours.timezone if hours.timezone in zones else "UTC"
        st.session_state["hours_tz_initial"] = st.session_state["hours_tz"]
    timezone = st.selectbox("Time zone", options=zones, key="hours_tz")
    split = [DAY_NAMES[day] for day in DAYS if len(hours.intervals(day)) > 1]
    if split:
        st.caption(
            f"{', '.join(split)}: more than one opening a day. The table shows the first; "
            "editing a row keeps only that one."
        )
    rows = []
    for day in DAYS:
        intervals = hours.intervals(day)
        opens, closes = intervals[0] if intervals else ("09:00", "17:00")
        rows.append(
            {
                "Day": DAY_NAMES[day][:3],
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
        # Short day names and small columns: the whole table, "To" included, fits the tap
        # column (about 300 px) without a horizontal scroll.
        column_config={
            "Day": st.column_config.TextColumn("Day", width=52),
            "Open": st.column_config.CheckboxColumn("Open", width=56),
            "From": st.column_config.TimeColumn("From", format="HH:mm", step=900, width=76),
            "To": st.column_config.TimeColumn("To", format="HH:mm", step=900, width=76),
        },
        width="stretch",
    )
    untouched = not (st.session_state.get("hours_table") or {}).get("edited_rows")
    if untouched and timezone == st.session_state.get("hours_tz_initial", timezone):
        # Nothing edited: the ad's own hours stand as they are (a shared link's two openings
        # a day or its 24:00 closing are not rewritten by merely showing the table).
        result = hours
    else:
        weekly = []
        for _, row in edited.iterrows():
            start, end = row["From"], row["To"]
            if bool(row["Open"]) and start is not None and end is not None and not pd.isna(start):
                # parse_hhmm reads 24:00 as 23:59:59; write it back as the closing it was.
                closing = "24:00" if end == time(23, 59, 59) else f"{end:%H:%M}"
                weekly.append(((f"{start:%H:%M}", closing),))
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
