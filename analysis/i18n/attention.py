"""Strings of the "Perlu perhatian" block on Ringkasan (analysis.metrics.attention, ui.attention)."""

STRINGS: dict[str, tuple[str, str]] = {
    "attention.header": ("Perlu perhatian", "Needs attention"),
    "attention.none": (
        "Tidak ada yang perlu perhatian khusus pada filter ini: tidak ada kenaikan bermakna, tidak ada "
        "kelurahan yang kehadiran patrolinya tertinggal atau lama tidak dikunjungi, dan tidak ada personel "
        "yang melewati batas kesenjangan laporan.",
        "Nothing needs special attention in this filter: no significant rise, no kelurahan whose patrol "
        "presence lags or that has not been visited for long, and no officer past the reporting-gap alert.",
    ),
    "attention.caption": (
        "Paling banyak lima temuan, masing-masing dengan angkanya; tautan membuka halaman dan filter yang "
        "menunjukkannya.",
        "At most five findings, each with its numbers; a link opens the page and filter that shows it.",
    ),
    "attention.rise.previous": (
        "{category} di {kelurahan} naik bermakna: {before} → {now} laporan dibanding periode lalu (z = {z}).",
        "{category} in {kelurahan} rose significantly: {before} → {now} complaints against the previous "
        "period (z = {z}).",
    ),
    "attention.rise.year": (
        "{category} di {kelurahan} naik bermakna: {before} → {now} laporan dibanding periode yang sama "
        "tahun lalu (z = {z}).",
        "{category} in {kelurahan} rose significantly: {before} → {now} complaints against the same period "
        "a year earlier (z = {z}).",
    ),
    "attention.priority": (
        "Prioritas patroli teratas: {kelurahan}. {reason}",
        "Top patrol priority: {kelurahan}. {reason}",
    ),
    "attention.balance": (
        "Kehadiran patroli di {kelurahan} tertinggal dari laporannya: {complaints} % laporan valid "
        "({n}) tetapi {patrols} % kunjungan ({visits}).",
        "Patrol presence in {kelurahan} lags its complaints: {complaints} % of valid complaints ({n}) but "
        "{patrols} % of visits ({visits}).",
    ),
    "attention.balance.others": (" {n} kelurahan lain juga tertinggal.", " {n} other kelurahan also lag."),
    "attention.unvisited": (
        "{n} kelurahan tidak dikunjungi lebih dari {days} hari: {list}.",
        "{n} kelurahan not visited for more than {days} days: {list}.",
    ),
    "attention.reporting_gap": (
        "{n} personel melewati batas {days} hari tanpa laporan: {list}.",
        "{n} officers past the {days}-day reporting-gap alert: {list}.",
    ),
    "attention.days": ("{n} hari", "{n} days"),
    "attention.never": ("belum pernah", "never"),
    "attention.more": (" dan {n} lainnya", " and {n} more"),
    "attention.link.rise": ("Buka Tren", "Open Trends"),
    "attention.link.priority": ("Lihat catatan", "See records"),
    "attention.link.balance": ("Buka Peta", "Open map"),
    "attention.link.unvisited": ("Buka Peta", "Open map"),
    "attention.link.reporting_gap": ("Buka Personel", "Open Officers"),
}

ENGLISH_ONE: dict[str, str] = {
    "attention.days": "{n} day",
    "attention.reporting_gap": "{n} officer past the {days}-day reporting-gap alert: {list}.",
    "attention.balance.others": " {n} other kelurahan also lags.",
}
