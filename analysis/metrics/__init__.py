"""The analytics: filters, metrics, statistics, figure builders and map builders.

Clean frames in, tables (stable column names, real numbers), ``plotly`` figures or ``folium`` maps out.
A new metric or chart goes in the module of the page area it serves (``overview``, ``trends``,
``officers``, ``maps``, ``priority``, ``attention``, ``records``); shared statistics in ``stats``.
"""
