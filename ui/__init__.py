"""The Streamlit seam: the one cache, the session context, the sidebar and small render helpers."""
