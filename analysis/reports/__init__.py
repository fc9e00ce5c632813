"""Reports built from the analytics: the weekly anev / morning apel briefing, its PDF and its slides."""
