"""Button Ad Studio: compose, preview and forecast ads with a WhatsApp Message or Call button.

Entry point: page config, the navigation over `pages/`, the share-link notes and the shared
sidebar (share link, what the app is). Every page reads and writes the one AdSpec in the
session; after the page has run, the address bar is rewritten to reopen exactly that ad.
"""

import streamlit as st

from components.icons import app_icon_uri
from components.session import current_ad, init_session, sync_url
from components.widgets import share_link_control, url_notes_banner
from components.widgets.drafts import account_control, sidebar_save

st.set_page_config(
    page_title="Button Ad Studio",
    page_icon=app_icon_uri(),
    layout="wide",
    initial_sidebar_state="auto",
)

init_session()


def _pages() -> list:
    """The app's pages. Built once per session: st.Page resolves its script's path on the disk
    each time it is made, a cost every rerun would pay seven times."""
    return [
        st.Page("app_pages/compose.py", title="Compose", icon=":material/edit_note:", default=True),
        st.Page(
            "app_pages/preview.py", title="Preview", icon=":material/devices:", url_path="preview"
        ),
        st.Page(
            "app_pages/targeting.py",
            title="Targeting",
            icon=":material/public:",
            url_path="targeting",
        ),
        st.Page(
            "app_pages/engagement.py",
            title="Engagement",
            icon=":material/insights:",
            url_path="engagement",
        ),
        st.Page(
            "app_pages/campaigns.py",
            title="Campaigns",
            icon=":material/folder_open:",
            url_path="campaigns",
        ),
        st.Page(
            "app_pages/walkthrough.py",
            title="Walkthrough",
            icon=":material/co_present:",
            url_path="walkthrough",
        ),
        st.Page(
            "app_pages/model.py",
            title="Model & assumptions",
            icon=":material/functions:",
            url_path="model",
        ),
    ]


if "nav_pages" not in st.session_state:
    st.session_state["nav_pages"] = _pages()
page = st.navigation(st.session_state["nav_pages"])

url_notes_banner()
page.run()

ad = current_ad()
sync_url(ad)
with st.sidebar:
    account_control()
    share_link_control(ad)
    sidebar_save()
    st.caption(
        "Button Ad Studio previews and simulates. It never contacts Meta or WhatsApp; "
        "forecasts are simulated, not Meta's predictions."
    )
