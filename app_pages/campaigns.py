"""Campaigns: save, reopen and share drafts; export and import campaign files.

The page is drawn by `components/ui/pages/campaigns.py`.
"""

from components.ui.pages.campaigns import campaigns_page

campaigns_page()
