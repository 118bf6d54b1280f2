"""The Walkthrough's controls: sample businesses, the prospect's details, Back and Next."""

from __future__ import annotations

import streamlit as st

from components.campaign.fields import MAX_CHARS
from components.campaign.phone import phone_region_options
from components.campaign.samples import adapt_to_prospect, load_samples, sample_slug
from components.ui.session import SAMPLE_KEY, current_campaign, load_campaign
from components.ui.walkthrough_steps import STEP_KEYS, STEPS


def _load_sample() -> None:
    sample = load_samples().get(st.session_state.get("wt_sample", ""))
    if sample:
        load_campaign(sample.ad)
        st.session_state[SAMPLE_KEY] = sample.slug
        # The prospect is most likely in the sample's country.
        st.session_state["wt_region"] = sample.ad.region


# Why "Use these in the tour" changed nothing, shown under the button until the next try.
REFUSED_KEY = "wt_refused"


def _make_it_theirs() -> None:
    state = st.session_state
    adapted = adapt_to_prospect(
        current_campaign(),
        business=state.get("wt_name", ""),
        phone=state.get("wt_phone", ""),
        region=state.get("wt_region", ""),
        text=state.get("wt_text", ""),
    )
    state[REFUSED_KEY] = adapted.refused
    if not adapted.refused:
        load_campaign(adapted.ad)


def sample_and_prospect() -> None:
    """Start from a sample business, then make it the prospect's own."""
    samples = load_samples()
    # The picker opens on the sample the ad is (untouched), else the one it started from (a
    # `sample=<slug>` link, or the last one loaded here), else the first.
    state = st.session_state
    if "wt_sample" not in state:
        state["wt_sample"] = (
            sample_slug(current_campaign()) or state.get(SAMPLE_KEY) or next(iter(samples))
        )
    cols = st.columns([3, 1], vertical_alignment="bottom")
    cols[0].selectbox(
        "Start from a sample business",
        options=list(samples),
        format_func=lambda slug: samples[slug].label,
        key="wt_sample",
        on_change=_load_sample,  # choosing a sample shows it at once
    )
    cols[1].button("Start over", on_click=_load_sample, key="wt_load", width="stretch",
                   icon=":material/restart_alt:",
                   help="Load the chosen sample again, undoing changes made since.")  # fmt: skip
    chosen = samples.get(st.session_state.get("wt_sample", ""))
    if chosen:
        st.caption(chosen.pitch)
    with st.expander("Make it the prospect's", icon=":material/person:"):
        codes, labels = phone_region_options()
        st.session_state.setdefault("wt_region", current_campaign().region)
        cols = st.columns([2, 1, 2])
        cols[0].text_input(
            "Prospect's business name", key="wt_name", max_chars=MAX_CHARS["business"]
        )
        cols[1].selectbox("Number's country", codes, format_func=labels.get, key="wt_region")
        cols[2].text_input("Their WhatsApp number", key="wt_phone", max_chars=MAX_CHARS["phone"])
        st.text_input("A line of their copy (optional)", key="wt_text", max_chars=MAX_CHARS["text"])
        st.button("Use these in the tour", on_click=_make_it_theirs, key="wt_apply",
                  type="primary", icon=":material/auto_fix_high:")  # fmt: skip
        # The messages name fields and counts only, never the typed text.
        for reason in st.session_state.get(REFUSED_KEY, ()):
            st.error(f"Not used: {reason}", icon=":material/block:")


def _move(step: int) -> None:
    st.session_state["wt_step"] = STEP_KEYS[min(max(step, 0), len(STEP_KEYS) - 1)]


def tour_navigation(position: int) -> None:
    """Back / Next (also on the ← and → keys) and the step indicator."""
    # One row at every width (columns would stack on a phone, Next a screen below Back).
    row = st.container(horizontal=True, vertical_alignment="center", key="wt_nav", wrap=False)
    row.button("Back", on_click=_move, args=(position - 1,), key="wt_back",
               disabled=position == 0, shortcut="Left", width=104)  # fmt: skip
    step = STEPS[position]
    row.progress(
        (position + 1) / len(STEPS), text=f"Step {position + 1} of {len(STEPS)} · {step.title}"
    )
    row.button("Next", on_click=_move, args=(position + 1,), key="wt_next",
               disabled=position == len(STEPS) - 1, shortcut="Right", type="primary",
               width=104)  # fmt: skip
    # No arrow icons: Streamlit already shows each button's key (← / →) beside its label.
