"""Button Ad Studio: compose, preview and forecast ads with a WhatsApp Message or Call button.

Entry point: page config, the navigation over `app_pages/`, the share-link notes (and the
read-only banner of a shared draft), each page's next step and the shared sidebar (account,
share link, save draft or make a copy). Every page reads and writes the one Campaign in the
session; after the page has run, the address bar is rewritten to reopen exactly that ad.
The pieces live in `components/ui/shell.py`: this script is re-read on every rerun.
"""

from components.ui import url_notes_banner
from components.ui.navigation import app_navigation, next_step
from components.ui.replica import moved_replica_note
from components.ui.session import current_campaign, end_run, init_session, sync_url
from components.ui.share import shared_view_banner
from components.ui.shell import configure_page, shared_sidebar
from components.ui.workspace import remember_browser

configure_page()
init_session()
page = app_navigation()
url_notes_banner()
shared_view_banner()
moved_replica_note()
page.run()
next_step(page)
ad = current_campaign()
sync_url(ad)
shared_sidebar(ad)
remember_browser()  # the cookie that says whose drafts this browser works on
end_run()
