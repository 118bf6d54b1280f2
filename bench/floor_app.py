"""The floor page of bench/browser_cpu.py: one text field and the line it writes, the least a
Streamlit page does per edit. Not part of the app."""

import streamlit as st

value = st.text_input("Text", key="floor_text")
st.text(f"Echo: {value}")
