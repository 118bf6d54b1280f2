"""Each page's body, one module per page of `components.ui.navigation.PAGES`.

`app_pages/<name>.py` is two lines that call the body here: Streamlit compiles a page script
afresh on every rerun, an imported module once. Nothing is re-exported, so a page's imports
load when it is first visited, not with every other page.
"""
