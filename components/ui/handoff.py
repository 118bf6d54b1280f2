"""The "Take it to Ads Manager" section (Preview and Campaigns): the owner's summary, the
downloads (the handoff JSON, the curl commands, the ad image), what Ads Manager will still
ask, and the requests themselves.

User text appears only through `st.text` (the summary) and `st.code` (the requests), which
show it literally; the checklist and notes are the studio's own words.
"""

from __future__ import annotations

import streamlit as st

from components.campaign.model import Campaign
from components.handoff import (
    API_VERSION,
    Handoff,
    HandoffError,
    build_handoff,
    checklist,
    curl_script,
    handoff_json,
    owner_summary,
)
from components.ui.common import markdown_text

SECTION_TITLE = "Take it to Ads Manager"


def handoff_section(ad: Campaign, key: str) -> None:
    """The handoff of `ad` as a page section; `key` keeps two pages' widgets apart."""
    st.header(SECTION_TITLE, anchor=False)
    st.caption(
        f"The campaign, ad set and ad as Meta's Marketing API ({API_VERSION}) takes them, "
        "ready for Ads Manager or a developer. Nothing is sent to Meta, and the studio never "
        "asks for an access token: the file holds placeholders for your ad account, Page and "
        "token. Campaigns → Import reads the file back."
    )
    try:
        handoff = build_handoff(ad)
    except HandoffError as refusal:
        with st.container(key=f"{key}_refused"):
            st.warning(
                "Ads Manager would refuse this campaign as it is:\n\n"
                + "\n".join(f"- {problem}" for problem in refusal.problems),
                icon=":material/block:",
            )
        return

    with st.container(key=f"{key}_summary", border=True):
        st.text(owner_summary(ad, handoff))
    for note in handoff.notes:
        st.caption(note)

    name = (ad.business or "campaign").strip().replace(" ", "-")[:40]
    # The downloads build their bytes when clicked, from the ad (which the session holds
    # anyway): a callable kept by a widget lives as long as the session, 120 s past its tab,
    # and one holding the handoff would keep its base64 image (~11 MB) alive with it.
    with st.container(horizontal=True, key=f"{key}_downloads"):
        st.download_button(
            "Download the handoff (JSON)",
            data=lambda: handoff_json(build_handoff(ad).document).encode("utf-8"),
            file_name=f"{name}-ads-manager.json",
            mime="application/json",
            icon=":material/download:",
            key=f"{key}_json",
            on_click="ignore",
        )
        st.download_button(
            "Download the curl commands",
            data=lambda: curl_script(build_handoff(ad).document).encode("utf-8"),
            file_name=f"{name}-ads-manager.sh",
            mime="text/x-shellscript",
            icon=":material/terminal:",
            key=f"{key}_curl",
            on_click="ignore",
        )
        if handoff.image:
            st.download_button(
                "Download the ad image",
                data=lambda: build_handoff(ad).image,
                file_name=handoff.image_name,
                mime="image/png" if handoff.image_name.endswith(".png") else "image/jpeg",
                icon=":material/image:",
                key=f"{key}_image",
                on_click="ignore",
            )

    st.caption(
        "Importing the file on Campaigns brings back the ad, its welcome message, targeting, "
        "budget and dates; not the forecast's settings, the verified badge, the logo, the "
        "story art, the image framing or the budget split, which Meta does not take."
    )
    with st.expander("What Ads Manager will ask that the studio cannot know"):
        st.markdown(
            "\n".join(
                f"- **{markdown_text(item.title)}**: {markdown_text(item.why)}"
                for item in checklist(ad, handoff)
            )
        )
    # The requests are long: built only when asked for (a dialog), not on every rerun.
    if st.button("Show the requests (JSON and curl)", key=f"{key}_show", icon=":material/code:"):
        requests_dialog(handoff)


@st.dialog("The requests for Meta's Marketing API", width="large")
def requests_dialog(handoff: Handoff) -> None:
    """The handoff's requests as JSON (the image's base64 left to the download) and as curl
    commands, in code blocks that show every character as it is."""
    st.caption(
        "Send them in order, replacing the <PLACEHOLDERS>; each returns the id a later one "
        "needs. The curl commands carry <ACCESS_TOKEN> where your token goes."
    )
    as_json, as_curl = st.tabs(["JSON", "curl"])
    with as_json:
        st.code(handoff_json(handoff.document, elide_image=True), language="json", wrap_lines=True)
    with as_curl:
        st.code(curl_script(handoff.document), language="bash", wrap_lines=True)
