"""Administration: user accounts (``users``), the audit log (``audit``) and who may see or do what
(``privacy``).

A new role rule goes in ``privacy``'s permission table.
"""
