"""The "Perlu perhatian" block: each finding of analysis.metrics.attention as one line with a link to its
page."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from analysis.metrics.attention import Finding, finding_text
from analysis.metrics.officers import markdown_text
from ui import context as ctx

ICONS = {
    "rise": ":material/trending_up:",
    "priority": ":material/flag:",
    "balance": ":material/balance:",
    "unvisited": ":material/location_off:",
    "reporting_gap": ":material/person_alert:",
}


def attention_block(findings: Sequence[Finding]) -> None:
    """At most five lines (``analysis.metrics.attention.select``), or the plain statement that nothing
    qualifies.

    Each link carries the finding's filter as URL query parameters, which the sidebar applies."""
    with st.container(border=True, key="attention"):
        st.subheader(ctx.t("attention.header"))
        if not findings:
            st.success(ctx.t("attention.none"), icon=":material/check_circle:")
            return
        labels = ctx.dataset().reference.category_labels(ctx.lang())
        for finding in findings:
            text, link = st.columns([4, 1], vertical_alignment="center")
            text.markdown(f"{ICONS[finding.kind]} {markdown_text(finding_text(finding, ctx.lang(), labels))}")
            link.page_link(
                finding.page,
                label=ctx.t(f"attention.link.{finding.kind}"),
                icon=":material/arrow_forward:",
                query_params=dict(finding.params),
            )
        st.caption(ctx.t("attention.caption"))
