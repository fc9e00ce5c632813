"""Pure analysis for the Kamtibmas dashboard: no Streamlit here (see ARCHITECTURE.md)."""
