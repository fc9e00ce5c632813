"""Read one report's text into a candidate patrol row and the complaint rows raised during it.

Every field is a ``Field(value, certainty, snippet)``: ``certain`` (written in the text), ``inferred``
(worked out: the unit from ``officers.csv``, "bersama tiga personel lainnya" = 4, the date of the chat
message) or ``missing``. The rules live in ``analysis.data.textreports.patterns``; this module only walks
them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

import pandas as pd
from babel.dates import format_date
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from analysis.core.text import scrub_text
from analysis.data import contract, schema
from analysis.data.reference import Reference
from analysis.data.textreports import patterns as P
from analysis.data.textreports.chat import Piece

Certainty = Literal["certain", "inferred", "missing"]
SNIPPET_CHARS = 60


@dataclass(frozen=True)
class Field:
    """One value read from a report, how sure the reader is, and the text it came from."""

    value: object = None
    certainty: Certainty = "missing"
    snippet: str = ""


MISSING = Field()


@dataclass
class Candidate:
    """A row found in text: ``kind`` (patrols/complaints), its fields by contract column, the report it
    came from (phone numbers and residents' names scrubbed) and the line where that report starts."""

    kind: schema.Kind
    fields: dict[str, Field]
    source: str
    line: int
    notes: list[str] = field(default_factory=list)

    def value(self, column: str) -> object:
        """The value read for contract ``column``; None when it was not found."""
        return self.fields.get(column, MISSING).value

    def certainty(self, column: str) -> Certainty:
        """How sure the reader is of ``column``: "certain", "inferred" or "missing"."""
        return self.fields.get(column, MISSING).certainty


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", unicodedata.normalize("NFKC", text).lower())


def _anchors(pattern: str) -> tuple[str, ...]:
    """The literal letters each alternative of ``\\b(?:a|b)\\b`` starts with; () when one has none."""
    body = pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    anchors = []
    for alternative in body.split("|"):
        lead = re.match(r"[a-z0-9]+", alternative.lower())
        if not lead:
            return ()
        anchors.append(lead.group(0))
    return tuple(anchors)


def _snippet(text: str, start: int, end: int) -> str:
    return " ".join(text[max(start, 0) : min(end, len(text))].split())[: SNIPPET_CHARS * 2]


class Gazetteer:
    """The reference data the reader matches against: kelurahan, categories and their aliases, officers.

    Built once per (reference, officers) and reused for every report (a 5,000-message export).
    """

    def __init__(self, reference: Reference, officers: pd.DataFrame | None = None) -> None:
        self.kelurahan = {_compact(name): name for name in reference.kelurahan_names}
        table = reference.kelurahan
        self.kecamatan_of = dict(
            zip(table["kelurahan"].astype(str), table["kecamatan"].astype(str), strict=True)
        )
        topic_rules: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
        for row in reference.categories.itertuples():
            if row.category == "Lainnya":
                continue  # "dan lain-lain" is no topic
            words = [str(row.category), *(a for a in str(row.aliases).split(";") if a.strip())]
            alternatives = "|".join(re.escape(w.strip()).replace(r"\ ", r"\s+") for w in words)
            topic_rules.append((re.compile(rf"\b(?:{alternatives})\b", re.I), (str(row.category),)))
        known = set(reference.category_names)
        for pattern, categories in P.TOPIC_SHORTHANDS.items():
            kept = tuple(c for c in categories if c in known)
            if kept:
                topic_rules.append((re.compile(rf"\b(?:{pattern})\b", re.I), kept))
        self.topic_rules = topic_rules
        # the literal start of each alternative: a rule runs only on text holding one of them (fast)
        self.topic_anchors = [_anchors(pattern.pattern) for pattern, _ in topic_rules]
        officers = officers if officers is not None else pd.DataFrame(columns=schema.columns("officers"))
        self.officers = [
            {k: ("" if pd.isna(v) else str(v)) for k, v in row.items()}
            for row in officers.reset_index(drop=True).to_dict("records")
        ]
        self.officer_names = [o.get("name", "") for o in self.officers]
        self._officer_memo: dict[str, int | None] = {}

    def kelurahan_named(self, words: str) -> tuple[str | None, bool]:
        """(canonical kelurahan, exact?) for a name as written ("Karang Tengah", "Klampock"), else None."""
        key = _compact(words)
        if key in self.kelurahan:
            return self.kelurahan[key], True
        if len(key) < 5:
            return None, False
        limit = 1 if len(key) < 10 else 2
        found = process.extract(key, list(self.kelurahan), scorer=Levenshtein.distance, score_cutoff=limit)
        names = {self.kelurahan[k] for k, _, _ in found if k[0] == key[0]}
        return (names.pop(), False) if len(names) == 1 else (None, False)

    def officer(self, name: str) -> dict[str, str] | None:
        """The one officer whose name matches ``name`` (token order and small slips forgiven), else None;
        two equally good matches are no match."""
        if name not in self._officer_memo:
            found = process.extract(
                name, self.officer_names, scorer=fuzz.token_sort_ratio, score_cutoff=90, limit=2
            )
            best = found[0] if found else None
            if best and len(found) > 1 and found[1][1] == best[1]:
                best = None
            self._officer_memo[name] = None if best is None else int(best[2])
        index = self._officer_memo[name]
        return None if index is None else self.officers[index]


# --- one field at a time ------------------------------------------------------------------------------------


_WEEKDAY_RE = re.compile(r"\b(?:" + "|".join(re.escape(d) for d in P.WEEKDAYS) + r")\b", re.I)


def read_date(text: str) -> Field:
    """The first date written in ``text``; a weekday that does not fit the date makes it ``inferred``.

    >>> read_date("Jumat malam (24/10/2025) patroli").value
    datetime.date(2025, 10, 24)
    """
    best: tuple[int, re.Match[str], date] | None = None
    for pattern in P.DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = P.MONTHS.get(parts["mon"].lower().rstrip(".")) if parts.get("mon") else int(parts["m"])
            year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
            try:
                found = date(year, month or 0, int(parts["d"]))
            except ValueError:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), match, found)
            break
    if best is None:
        return MISSING
    start, match, found = best
    snippet = _snippet(text, start, match.end())
    certainty: Certainty = "certain"
    weekday = _WEEKDAY_RE.search(match.group(0))
    written_day = weekday.group(0).lower() if weekday else None
    if written_day:
        names = {format_date(found, "EEEE", locale=loc).lower() for loc in ("id", "en")}
        if written_day.replace("'", "").replace(" ", "") not in {n.replace("'", "") for n in names}:
            certainty = "inferred"  # "Senin, 27 Mei 2025" (a Tuesday): the date is kept, the clash shown
    return Field(found, certainty, snippet)


def read_times(text: str) -> tuple[Field, Field]:
    """(start, end) as ``HH:MM``; "20.00 – selesai" gives a start and a missing end.

    >>> [f.value for f in read_times("pukul 08.30 s.d. 10.00 WIB")]
    ['08:30', '10:00']
    """
    match = P.TIME_RANGE.search(text)
    if match:
        snippet = _snippet(text, match.start(), match.end())
        start = Field(f"{int(match['sH']):02d}:{match['sM']}", "certain", snippet)
        if match["open"]:
            return start, Field(None, "missing", snippet)
        return start, Field(f"{int(match['eH']):02d}:{match['eM']}", "certain", snippet)
    match = P.TIME_SINGLE.search(text)
    if match:
        snippet = _snippet(text, match.start(), match.end())
        return Field(f"{int(match['sH']):02d}:{match['sM']}", "certain", snippet), MISSING
    return MISSING, MISSING


def read_kelurahan(text: str, gaz: Gazetteer) -> tuple[Field, list[str]]:
    """The kelurahan of the activity and every kelurahan named (a route names several).

    "Kel."/"Kelurahan"/"Desa" before a name makes it certain (a spelling slip, inferred); a kelurahan
    named without that word, or one of several stops, is inferred; a kecamatan beside it that does not
    hold that kelurahan makes it inferred too.
    """
    found: list[tuple[int, str, bool, str]] = []  # position, name, labelled-and-exact, snippet
    for match in P.KELURAHAN_LABELLED.finditer(text):
        words = match["name"].split()
        for n in range(len(words), 0, -1):
            name, exact = gaz.kelurahan_named(" ".join(words[:n]))
            if name:
                found.append((match.start(), name, exact, _snippet(text, match.start(), match.end())))
                break
    if not found:
        tokens = list(re.finditer(r"[A-Z][A-Za-z'-]+", text))
        for i, token in enumerate(tokens):
            if P.NOT_KELURAHAN_BEFORE.search(text[max(0, token.start() - 20) : token.start()]):
                continue
            pair = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].start() == token.end() + 1 else None
            for candidate, end in ((pair, pair.end()) if pair else (None, 0), (token, token.end())):
                if candidate is None:
                    continue
                words = text[token.start() : end]
                key = _compact(words)
                if key in gaz.kelurahan:
                    found.append(
                        (token.start(), gaz.kelurahan[key], False, _snippet(text, token.start(), end))
                    )
                    break
    names = list(dict.fromkeys(name for _, name, _, _ in found))
    if not found:
        return MISSING, []
    _, name, exact, snippet = min(found)
    certainty: Certainty = "certain" if exact and len(names) == 1 else "inferred"
    for match in P.KECAMATAN_LABELLED.finditer(text):
        written = _compact(match["name"].split()[0])
        if written and written != _compact(gaz.kecamatan_of.get(name, "")):
            certainty = "inferred"
    return Field(name, certainty, snippet), names


def read_activity(text: str, start_time: object) -> Field:
    """The first activity named; a bare "patroli" at night is a Patroli Malam (inferred)."""
    hits = [
        (m.start(), m, name) for pattern, name in P.ACTIVITY_PATTERNS for m in [pattern.search(text)] if m
    ]
    if hits:
        _, match, name = min(hits, key=lambda h: h[0])
        return Field(name, "certain", _snippet(text, match.start(), match.end()))
    word = P.PATROL_WORD.search(text)
    if word:
        hour = int(str(start_time)[:2]) if isinstance(start_time, str) else None
        night = (hour is not None and (hour >= 18 or hour < 5)) or re.search(r"\bmalam\b", text, re.I)
        name = "Patroli Malam" if night else "Patroli Dialogis"
        return Field(name, "inferred", _snippet(text, word.start(), word.end()))
    return MISSING


_NAME_STOP = {"nrp", "kel", "kelurahan", "polsek", "polres", "selaku", "dkk", "wib", "bhabinkamtibmas", "kec"}


@dataclass(frozen=True)
class Leader:
    """The patrol leader named in a report: rank, name, NRP and unit, each a ``Field``, and ``window`` the
    (start, end) character offsets in the report of the text they were read from.
    """

    rank: Field
    name: Field
    nrp: Field
    unit: Field
    window: tuple[int, int]


def _canonical_rank(word: str) -> str:
    lowered = word.lower().rstrip(".")
    for rank in schema.RANKS:
        if rank.lower() == lowered:
            return rank
    return schema.RANK_ALIASES.get(lowered, word.title())


def _clean_name(name: str) -> str:
    kept = []
    for word in name.split():
        if word.lower().strip(".") in _NAME_STOP:
            break
        kept.append(word)
    cleaned = " ".join(kept).strip(" .-")
    return cleaned.title() if cleaned.isupper() else cleaned


def _unit_in(text: str, start: int, end: int) -> Field:
    window = text[start:end]
    hits = []
    for pattern, unit in P.UNIT_PATTERNS:
        for match in pattern.finditer(window):
            if P.UNIT_NOT_AFTER.search(text[max(0, start + match.start() - 25) : start + match.start()]):
                continue
            hits.append((match.start(), unit, match))
            break
    if not hits:
        return MISSING
    _, unit, match = min(hits, key=lambda h: h[0])
    return Field(unit, "certain", _snippet(window, match.start(), match.end()))


def read_leader(text: str, gaz: Gazetteer, sender: str | None) -> Leader | None:
    """Rank, name, NRP and unit of whoever led the activity.

    The leader is the rank-and-name after "dipimpin"/"Petugas:"/"Ketua"; else the chat message's sender
    when the sender's name carries a rank (inferred); else the first rank-and-name in the text (inferred).
    The unit comes from a job title beside the leader (certain), else from ``officers.csv`` (inferred).
    """
    matches = [m for m in P.RANK_NAME.finditer(text) if _clean_name(m["name"])]
    chosen: re.Match[str] | None = None
    certainty: Certainty = "inferred"
    for match in matches:
        line_start = text.rfind("\n", 0, match.start()) + 1
        if P.LEADER_CUES.search(text[max(line_start, match.start() - 90) : match.start()]):
            chosen, certainty = match, "certain"
            break
    if chosen is None and sender:
        from_sender = P.RANK_NAME.match(sender.strip())
        if from_sender and _clean_name(from_sender["name"]):
            rank = Field(_canonical_rank(from_sender["rank"]), "inferred", sender)
            name = Field(_clean_name(from_sender["name"]), "inferred", sender)
            return _complete(text, gaz, rank, name, (0, min(len(text), 160)))
    if chosen is None and matches:
        chosen = matches[0]
    if chosen is None:
        return None
    snippet = _snippet(text, chosen.start(), chosen.end())
    rank = Field(_canonical_rank(chosen["rank"]), certainty, snippet)
    name = Field(_clean_name(chosen["name"]), certainty, snippet)
    line_start = text.rfind("\n", 0, chosen.start()) + 1
    line_end = text.find("\n", chosen.end())
    sentence_end = text.find(".", chosen.end())
    ends = [e for e in (line_end, sentence_end) if e != -1]
    window = (max(line_start, chosen.start() - 90), min(ends) if ends else len(text))
    return _complete(text, gaz, rank, name, window)


def _complete(text: str, gaz: Gazetteer, rank: Field, name: Field, window: tuple[int, int]) -> Leader:
    nrp: Field = MISSING
    written = P.NRP.search(text[window[0] : window[1] + 40]) or P.NRP.search(text)
    if written:
        nrp = Field(written["nrp"], "certain", written.group(0))
    officer = gaz.officer(str(name.value))
    unit = _unit_in(text, *window)
    if officer is not None:
        if nrp.certainty == "missing":
            nrp = Field(str(officer["nrp"]), "inferred", f"officers.csv: {officer['name']}")
        if unit.certainty == "missing" and str(officer.get("unit", "")) in schema.UNITS:
            unit = Field(str(officer["unit"]), "inferred", f"officers.csv: {officer['name']}")
        if str(officer["name"]) != name.value:
            name = Field(str(officer["name"]), "inferred", name.snippet)
    return Leader(rank, name, nrp, unit, window)


def _number(word: str) -> int | None:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else P.NUMBER_WORDS.get(word)


def read_personnel(text: str, leader: Leader | None) -> Field:
    """Personnel including the leader: "empat personel" = 4 (certain); "bersama tiga personel lainnya"
    or "+ 3 anggota" = 4 (inferred: the leader added); else the officers named with a rank in the
    "Petugas" part, or 1 for a leader alone (inferred)."""
    for pattern, add_leader in P.PERSONNEL_PATTERNS:
        match = pattern.search(text)
        if match and (count := _number(match["n"])):
            snippet = _snippet(text, match.start(), match.end())
            return Field(count + 1, "inferred", snippet) if add_leader else Field(count, "certain", snippet)
    if leader is None:
        return MISSING
    section = re.search(
        r"^\s*(?:petugas|personel|anggota|tim)\s*:?(?P<body>.*(?:\n\s*(?:\d+[.)]|[-•]).*)*)",
        text,
        re.I | re.M,
    )
    if section:
        named = {_clean_name(m["name"]) for m in P.RANK_NAME.finditer(section["body"])}
        if len(named) > 1:
            return Field(len(named), "inferred", _snippet(section.group(0), 0, 120))
    return Field(1, "inferred", leader.name.snippet)


def read_residents(text: str) -> Field:
    """Residents met: "± 12 orang" (inferred: about), "dihadiri 30 warga" (certain)."""
    for pattern in P.RESIDENTS_PATTERNS:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 12) : match.start()].lower()
            if re.search(r"(?:bersama|dengan|\+|dan)\s*$", before):
                continue
            certainty: Certainty = "inferred" if match["approx"] else "certain"
            return Field(float(match["n"]), certainty, _snippet(text, match.start(), match.end()))
    return MISSING


def read_topics(text: str, gaz: Gazetteer) -> Field:
    """Every category named, by the category vocabulary, its aliases and the field's shorthands (3C =
    curat, curas, curanmor), in the order they first appear; joined by ``"; "``."""
    cleaned = P.NOT_TOPIC.sub(lambda m: " " * len(m.group(0)), text)
    first: dict[str, tuple[tuple[int, int], str]] = {}
    lowered = cleaned.lower()
    for (pattern, categories), anchors in zip(gaz.topic_rules, gaz.topic_anchors, strict=True):
        if anchors and not any(a in lowered for a in anchors):
            continue
        match = pattern.search(cleaned)
        if match:
            for offset, category in enumerate(categories):
                position = (match.start(), offset)
                if category not in first or position < first[category][0]:
                    first[category] = (position, match.group(0))
    if not first:
        return MISSING
    ordered = sorted(first, key=lambda c: first[c][0])
    return Field("; ".join(ordered), "certain", ", ".join(first[c][1] for c in ordered))


def read_location(text: str) -> Field:
    """A "Tempat:/Lokasi:" line without its "Kel. …, Kec. …" tail; "di sekitar pasar Kel. Rembang";
    or a route of stops joined by " – "."""
    route = P.ROUTE_LABEL.search(text)
    if route:
        stops_text = route["route"].strip()
        if not stops_text:
            following = text[route.end() :].split("\n\n")[0]
            stops = [
                P.LIST_ITEM.sub("", line).strip() for line in following.split("\n") if P.LIST_ITEM.match(line)
            ]
        else:
            stops = [s.strip(" .") for s in P.ROUTE_SPLIT.split(stops_text) if s.strip(" .")]
        if stops:
            return Field(" – ".join(stops)[:200], "certain", _snippet(text, route.start(), route.end()))
    labelled = re.search(r"^\s*(?:tempat|lokasi|lokasi\s+kegiatan)\s*:\s*(?P<place>.+)$", text, re.I | re.M)
    if labelled:
        place = re.split(
            r",?\s*\b(?:kel\.|kelurahan\b|kec\.|kecamatan\b|desa\b)", labelled["place"], flags=re.I
        )[0]
        place = place.strip(" ,.")
        if place:
            return Field(place, "certain", _snippet(labelled.group(0), 0, 120))
    for pattern in P.LOCATION_PATTERNS:
        match = pattern.search(text)
        if match and match["place"].strip():
            return Field(match["place"].strip(), "certain", _snippet(text, match.start(), match.end()))
    return MISSING


# --- personal data ----------------------------------------------------------------------------------------


def scrub_personal(text: str) -> str:
    """``text`` without residents' names ("Bpk Slamet" -> "warga") and phone numbers ("[…]")."""
    text = P.REPORTER_NAME.sub("warga", text)
    text = P.LISTED_NAME.sub(lambda m: m["lead"] + "warga", text)
    text = P.NAME_BEFORE_COMPLAINT.sub("warga", text)
    text = P.PHONE.sub("[…]", text)
    return scrub_text(text, max_len=10_000)


# --- complaints --------------------------------------------------------------------------------------------


def _segments(text: str) -> list[tuple[str, bool]]:
    """Sentences and list items of ``text``, each with whether it sits under a complaints heading.
    An indented line continues the line above it."""
    joined: list[str] = []
    for line in text.split("\n"):
        if joined and line[:1] in (" ", "\t") and line.strip() and not P.LIST_ITEM.match(line):
            joined[-1] += " " + line.strip()
        else:
            joined.append(line)
    out: list[tuple[str, bool]] = []
    under_heading = False
    for line in joined:
        if not line.strip():
            under_heading = False
            continue
        if P.COMPLAINT_HEADING.match(line):
            under_heading = True
            continue
        if under_heading and not P.LIST_ITEM.match(line) and re.match(r"^\s*\w[\w /]*:\s*", line):
            under_heading = False
        item = P.LIST_ITEM.sub("", line, count=1).strip()
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", item):
            if sentence.strip():
                out.append((sentence.strip(), under_heading and bool(P.LIST_ITEM.match(line))))
    return out


def complaint_segments(text: str) -> list[str]:
    """The sentences or list items in which residents raise a complaint."""
    return [
        s
        for s, listed in _segments(text)
        if listed or (P.COMPLAINT_HINT.search(s) and any(p.search(s) for p in P.COMPLAINT_PATTERNS))
    ]


def read_status(text: str) -> Field:
    """A complaint's status: the status word said last in ``text`` (``patterns.STATUS_PATTERNS``), certain;
    "Baru" (inferred) when none is said.
    """
    hits = [
        (m.start(), status, m) for pattern, status in P.STATUS_PATTERNS for m in [pattern.search(text)] if m
    ]
    if not hits:
        return Field("Baru", "inferred", "")
    _, status, match = max(hits, key=lambda h: h[0])  # the last word said about it is where it stands
    return Field(status, "certain", match.group(0))


def read_channel(text: str) -> Field:
    """The channel a complaint came by: the first of ``patterns.CHANNEL_PATTERNS`` found in ``text``
    (certain); missing when none is.
    """
    for pattern, channel in P.CHANNEL_PATTERNS:
        match = pattern.search(text)
        if match:
            return Field(channel, "certain", match.group(0))
    return MISSING


def read_reporter(text: str) -> tuple[Field, Field]:
    """The reporter's (name, phone), each certain when found in ``text`` and missing otherwise. The snippets
    are left empty so the reporter's details are not shown twice.
    """
    name = P.REPORTER_NAME.search(text) or P.NAME_BEFORE_COMPLAINT.search(text)
    phone = P.PHONE.search(text)
    return (
        Field(name["name"], "certain", "") if name else MISSING,  # no snippet: it would repeat the name
        Field(phone.group(0), "certain", "") if phone else MISSING,
    )


def _received(day: Field, start: Field, fallback: datetime | None) -> Field:
    if isinstance(day.value, date):
        clock = start.value if isinstance(start.value, str) else "00:00"
        return Field(f"{day.value.isoformat()} {clock}", "inferred", day.snippet)
    if fallback is not None:
        return Field(fallback.strftime("%Y-%m-%d %H:%M"), "inferred", "")
    return MISSING


def make_id(prefix: str, *parts: object) -> str:
    """A stable id for a row read from text: the same report read again gets the same id."""
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:10]}"


def _complaint(
    segment: str,
    gaz: Gazetteer,
    *,
    received: Field,
    kelurahan: Field,
    channel: Field,
    patrol_id: str,
    handled_by: Field,
    piece: Piece,
) -> Candidate:
    own_kelurahan, _ = read_kelurahan(segment, gaz) if P.KELURAHAN_LABELLED.search(segment) else (MISSING, [])
    topics = read_topics(segment, gaz)
    category = (
        Field(
            str(topics.value).split("; ")[0],
            "certain" if "; " not in str(topics.value) else "inferred",
            topics.snippet,
        )
        if topics.value
        else Field("Lainnya", "inferred", "")
    )
    status = read_status(segment)
    reporter, phone = read_reporter(segment)
    listed = P.SEGMENT_NAME.match(segment)
    if listed and reporter.certainty == "missing":
        reporter = Field(listed["name"], "inferred", "")
    if listed:
        segment = "warga" + segment[listed.end() :]
    resolved = (
        Field(str(received.value)[:10], "inferred", status.snippet)
        if status.value == "Selesai" and received.value
        else MISSING
    )
    description = scrub_personal(segment)
    fields = {
        "complaint_id": Field(make_id("L-T", patrol_id, received.value, description), "inferred", ""),
        "received_at": received,
        "channel": channel,
        "kelurahan": own_kelurahan
        if own_kelurahan.value
        else Field(kelurahan.value, "inferred" if kelurahan.value else "missing", kelurahan.snippet),
        "category": category,
        "description": Field(description, "certain", ""),
        "status": status,
        "resolved_at": resolved,
        "handled_by_nrp": handled_by,
        "patrol_id": Field(patrol_id, "inferred", "") if patrol_id else MISSING,
        "reporter_name": reporter,
        "reporter_phone": phone,
    }
    return Candidate("complaints", fields, description, piece.line)


# --- one report -----------------------------------------------------------------------------------------


def looks_like_report(text: str, kelurahan: Field) -> bool:
    """A report names an activity or a kelurahan (``kelurahan``: what ``read_kelurahan`` found), or is a
    complaint taken in; chatter does neither."""
    if P.COMPLAINT_INTAKE.search(text):
        return True
    has_activity = P.PATROL_WORD.search(text) or any(p.search(text) for p, _ in P.ACTIVITY_PATTERNS)
    has_place = kelurahan.certainty != "missing" and P.KELURAHAN_LABELLED.search(text)
    return bool(has_activity or has_place) and len(text) >= 25


def read_piece(piece: Piece, gaz: Gazetteer) -> tuple[list[Candidate], list[Candidate]]:
    """One report -> (patrol candidates (zero or one), complaint candidates)."""
    text = piece.text
    kelurahan, route = read_kelurahan(text, gaz)
    if not looks_like_report(text, kelurahan):
        return [], []
    day = read_date(text)
    if day.certainty == "missing" and piece.sent_at is not None:
        day = Field(
            piece.sent_at.date(), "inferred", f"{piece.sent_at:%d/%m/%Y %H:%M} {piece.sender or ''}".strip()
        )
    start, end = read_times(text)
    activity = read_activity(text, start.value)
    source = scrub_personal(text)
    if P.COMPLAINT_INTAKE.search(text) and (
        activity.certainty != "certain" or re.search(r"\bpelapor\b", text, re.I)
    ):
        return [], [_intake_complaint(piece, gaz, day, start, kelurahan)]
    leader = read_leader(text, gaz, piece.sender)
    date_text = day.value.isoformat() if isinstance(day.value, date) else ""
    leader_key = (leader.nrp.value or _compact(str(leader.name.value))) if leader else ""
    patrol_id = make_id("P-T", date_text, kelurahan.value, activity.value, leader_key, start.value)
    location = read_location(text)
    notes: list[str] = []
    if len(route) > 1:
        notes.append("rute: " + ", ".join(route))
    fields: dict[str, Field] = {
        "patrol_id": Field(patrol_id, "inferred", ""),
        "date": day,
        "start_time": start,
        "end_time": end,
        "kelurahan": kelurahan,
        "activity": activity,
        "unit": leader.unit if leader else MISSING,
        "leader_nrp": leader.nrp if leader else MISSING,
        "leader_name": leader.name if leader else MISSING,
        "leader_rank": leader.rank if leader else MISSING,
        "personnel_count": read_personnel(text, leader),
        "topics": read_topics(text, gaz),
        "residents_met": read_residents(text),
        "location": Field(scrub_personal(str(location.value)), location.certainty, location.snippet)
        if location.value
        else MISSING,
        "notes": Field(source[:300], "inferred", ""),
    }
    patrol = Candidate("patrols", fields, source, piece.line, notes)
    channel = (
        Field("Jumat Curhat", "inferred", activity.snippet)
        if activity.value == "Jumat Curhat"
        else Field("Patroli Dialogis", "inferred", activity.snippet)
    )
    received = _received(day, start, piece.sent_at)
    complaints = [
        _complaint(
            segment,
            gaz,
            received=received,
            kelurahan=kelurahan,
            channel=channel,
            patrol_id=patrol_id,
            handled_by=Field(leader.nrp.value, "inferred", "") if leader and leader.nrp.value else MISSING,
            piece=piece,
        )
        for segment in complaint_segments(text)
    ]
    for candidate in (patrol, *complaints):
        _scrub_snippets(candidate)
    return [patrol], complaints


def _scrub_snippets(candidate: Candidate) -> None:
    """Snippets are shown beside the value (review table, ``--json``): no resident's name or number."""
    for column, found in candidate.fields.items():
        if found.snippet and column not in contract.personal_columns(candidate.kind):
            candidate.fields[column] = Field(found.value, found.certainty, scrub_personal(found.snippet))


def _labelled(text: str, *labels: str) -> str | None:
    match = re.search(
        rf"^\s*(?:{'|'.join(labels)})\s*:\s*(?P<v>.+(?:\n(?!\s*\w[\w /]*:).+)*)", text, re.I | re.M
    )
    return " ".join(match["v"].split()) if match else None


def _intake_complaint(piece: Piece, gaz: Gazetteer, day: Field, start: Field, kelurahan: Field) -> Candidate:
    """A complaint taken in by the operator (WhatsApp #LaporPakKapolres, 110, SPKT) and recapped."""
    text = piece.text
    body = (
        _labelled(text, "isi(?:\\s+laporan)?", "uraian", "laporan", "keluhan", "aduan", "kronologi") or text
    )
    followup = _labelled(text, "tindak\\s+lanjut", "status", "keterangan", "hasil") or ""
    received = _received(day, start, piece.sent_at)
    if piece.sent_at is not None and day.certainty == "missing":
        received = Field(piece.sent_at.strftime("%Y-%m-%d %H:%M"), "inferred", "")
    channel = read_channel(text)
    if channel.certainty == "missing" and piece.sent_at is not None:
        channel = Field("WhatsApp #LaporPakKapolres", "inferred", "")
    candidate = _complaint(
        body,
        gaz,
        received=received,
        kelurahan=kelurahan,
        channel=channel,
        patrol_id="",
        handled_by=MISSING,
        piece=piece,
    )
    reporter = _labelled(text, "pelapor", "nama\\s+pelapor", "nama")
    if reporter:
        name = re.split(r"[(,/]|\b(?:hp|wa|telp|no)\b", reporter, flags=re.I)[0]
        name = re.sub(r"^(?:bpk|bapak|pak|ibu|bu|sdr|sdri)\.?\s+", "", name.strip(), flags=re.I).strip(" .-:")
        if name:
            candidate.fields["reporter_name"] = Field(name, "certain", "")
    phone = P.PHONE.search(text)
    if phone:
        candidate.fields["reporter_phone"] = Field(phone.group(0), "certain", "")
    if kelurahan.value:
        candidate.fields["kelurahan"] = kelurahan
    status = read_status(followup) if followup else read_status(text)
    candidate.fields["status"] = status
    if status.value != "Selesai":
        candidate.fields["resolved_at"] = MISSING
    candidate.fields["complaint_id"] = Field(
        make_id("L-T", received.value, candidate.value("description")), "inferred", ""
    )
    candidate.source = scrub_personal(text)
    _scrub_snippets(candidate)
    return candidate
