"""Streamlit page modules of the explorer (`app.py`): thin shells over queries/ and graph/."""
