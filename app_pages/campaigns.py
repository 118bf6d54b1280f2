"""Campaigns: save, reopen and share drafts; export and import campaign files.

The page is drawn by `components/widgets/page_campaigns.py`.
"""

from components.widgets.page_campaigns import campaigns_page

campaigns_page()
