#!/usr/bin/env python3
"""Convert UN/EDIFACT directory files (UNTDID) into afterflow EDI message definitions.

Reads one UN/EDIFACT directory archive exactly as the UN publishes it (for example d96a.zip or
d01b.zip: an outer zip holding nested zips) and writes, for the message types asked for:

  OUT/dictionary.xml   the data elements, composites and segments those messages use, nothing else
  OUT/<TYPE>.xml       one file per message type: its segment table (segments and segment groups)

in the format of schemas/xsd/edi-spec.xsd (namespace urn:afterflow:edi-spec:1).

Sources inside the archive (nested zips, found by name; nothing is extracted to disk):
  D.96A style:  TRMD.ZIP (messages) TRSD.ZIP (segments) TRCD.ZIP (composites)
                TRED.ZIP (data elements) UNCL.ZIP (code lists, one or more UNCL* files)
  D.01B style:  EDMD.ZIP EDSD.ZIP EDCD.ZIP EDED.ZIP UNCL.ZIP

Usage (run from the repository root; Python 3.8+, standard library only):

  python3 schemas/edi/edifact/tools/untdid_to_spec.py \\
      /work/shared/reference/untdid/d96a.zip schemas/edi/edifact/D96A \\
      IFTMIN IFTSTA IFTMAN DESADV RECADV SLSRPT INVRPT APERAK

  python3 schemas/edi/edifact/tools/untdid_to_spec.py \\
      /work/shared/reference/untdid/d01b.zip schemas/edi/edifact/D01B \\
      RETANN RETINS DESADV RECADV IFTSTA SLSRPT INVRPT IFTMIN

Options:
  --codes LIST   comma-separated data element tags whose UNCL code list is written as <code>
                 children (default: DEFAULT_CODE_LISTS below). Only small, closed lists belong
                 here: a list given is the complete set of valid values, so a partial or open
                 list would reject valid files.
  --check        parse and report, write nothing.

Rules applied:
  * UNH, UNT and other service segments (UNS ...) are listed in the message files but not defined
    in the dictionary: they are ISO 9735 segments, defined in schemas/edi/edifact/syntax3 and
    syntax4, which the loader merges according to the interchange's syntax version.
  * A segment group becomes <loop id="SGn">; its first child is the group's trigger segment.
  * Representation an..35 -> type="an" min="1" max="35"; n3 -> type="n" min="3" max="3".
  * Repeat counts of stand-alone elements and composites in a segment are written when the
    directory gives them (D.00A and later); D.96A gives none, so they default to 1.
  * Dependency notes (D1..D7) are written only when the directory states them; D.96A and D.01B
    state none for segments or composites.
  * Code values marked '-' (deleted) are left out; values marked 'X' (marked for deletion) are
    still valid in that directory and are kept.
  * The nesting of segment groups is read from the box drawing of the segment table and checked
    line by line; any inconsistency stops the conversion.

The output is deterministic: running it again on the same archive gives the same bytes.
"""

import argparse
import io
import os
import re
import sys
import zipfile
from xml.sax.saxutils import quoteattr

NAMESPACE = "urn:afterflow:edi-spec:1"

# Small, closed UNCL code lists worth enforcing. 3035, 1153, 2005, 7143, 6063 ... are large or
# extended by user groups (EANCOM) and stay out; so does 1229 (24 values in D.96A, 110 in D.01B).
DEFAULT_CODE_LISTS = (
    "1225",  # Message function code (BGM)
    "4343",  # Response type code (BGM)
    "4347",  # Product identifier code qualifier (PIA)
    "7077",  # Description format code (IMD)
    "5463",  # Allowance or charge code qualifier (ALC)
    "5283",  # Duty or tax or fee function code qualifier (TAX)
)

SERVICE_SEGMENT = re.compile(r"^U[A-Z]{2}$")  # UNH, UNT, UNS, UCI, ... (ISO 9735)
CHANGE = r"[-+*#|X]{1,3}"
REPR = re.compile(r"^(an|a|n)(\.\.)?(\d+)$")
BOX_CLOSE = "\u2518\u2534"  # ┘ ┴ : each closes one segment group
BOX_BAR = "\u2502"  # │
BOX_OPEN = "\u2510"  # ┐
RULE = re.compile("^\u2500{20,}\\s*$")  # ─────── between entries


class DirectoryError(Exception):
    pass


# --------------------------------------------------------------------------- archive access


class Directory:
    """The files of one UN/EDIFACT directory, read from the (nested) zip archive."""

    def __init__(self, path):
        self.outer = zipfile.ZipFile(path)
        names = {os.path.basename(n).upper(): n for n in reversed(self.outer.namelist())}
        if "EDMD.ZIP" in names:
            prefix = "ED"
        elif "TRMD.ZIP" in names:
            prefix = "TR"
        else:
            raise DirectoryError("%s: no EDMD.ZIP or TRMD.ZIP inside" % path)
        self.inner = {}
        for part in ("MD", "SD", "CD", "ED"):
            self.inner[part] = self._open_inner(names, prefix + part + ".ZIP")
        self.inner["CL"] = self._open_inner(names, "UNCL.ZIP")
        # Directory id from a message file name such as DESADV_D.96A.
        suffix = None
        for n in self.inner["MD"].namelist():
            m = re.match(r"^[A-Z]{6}_([A-Z])\.(\d\d[A-Z])$", os.path.basename(n).upper())
            if m:
                suffix = (m.group(1), m.group(2))
                break
        if not suffix:
            raise DirectoryError("%s: no message files found" % path)
        self.version_letter, self.release = suffix  # ('D', '96A')
        self.version = self.version_letter + self.release  # 'D96A'
        self.display = "%s.%s" % suffix  # 'D.96A'

    def _open_inner(self, names, name):
        if name not in names:
            raise DirectoryError("no %s in the archive" % name)
        return zipfile.ZipFile(io.BytesIO(self.outer.read(names[name])))

    @staticmethod
    def _text(data):
        text = data.decode("cp437").replace("\r\n", "\n").replace("\r", "\n")
        return text.replace("\x1a", "")  # DOS end-of-file mark in some files

    def read(self, part, basename):
        z = self.inner[part]
        for n in z.namelist():
            if os.path.basename(n).upper() == basename.upper():
                return self._text(z.read(n))
        raise DirectoryError("%s not found" % basename)

    def message(self, mtype):
        return self.read("MD", "%s_%s.%s" % (mtype, self.version_letter, self.release))

    def main_file(self, part):
        """TRSD.96A / EDSD.01B etc., not the index files (..I1, ..I2)."""
        z = self.inner[part]
        want = re.compile(r"^[A-Z]{2}%s\.%s$" % (part, self.release))
        for n in z.namelist():
            if want.match(os.path.basename(n).upper()):
                return self._text(z.read(n))
        raise DirectoryError("no %s directory file for %s" % (part, self.release))

    def code_lists(self):
        z = self.inner["CL"]
        parts = sorted(n for n in z.namelist() if os.path.basename(n).upper().startswith("UNCL"))
        return "\n".join(self._text(z.read(n)) for n in parts)


# --------------------------------------------------------------------------- helpers


def parse_repr(text, where):
    m = REPR.match(text)
    if not m:
        raise DirectoryError("%s: unknown representation %r" % (where, text))
    kind, dots, length = m.group(1), m.group(2), int(m.group(3))
    return kind, (1 if dots else length), length


def sentence_case(name):
    """'DOCUMENT/MESSAGE NAME' -> 'Document/message name' (names in the directories are capitals)."""
    name = " ".join(name.split())
    if name.upper() != name:
        return name
    lower = name.lower()
    return lower[:1].upper() + lower[1:]


def blocks(text):
    """Split a directory file into the entries between the ──── rules (the preamble is dropped)."""
    out, cur, seen_rule = [], [], False
    for line in text.split("\n"):
        if RULE.match(line):
            if seen_rule and cur:
                out.append(cur)
            cur, seen_rule = [], True
            continue
        cur.append(line.rstrip())
    if seen_rule and cur:
        out.append(cur)
    return [b for b in out if any(l.strip() for l in b)]


def skip_paragraphs(lines, keywords, by_indent=False):
    """Drop 'Desc:', 'Function:' and 'Note:' paragraphs.

    A paragraph ends at a blank line, or with by_indent at the first line that is not indented
    deeper than its keyword (notes in the segment directories have blank lines inside them).
    """
    out, skipping = [], None
    for line in lines:
        s = re.sub(r"^%s\s+" % CHANGE, "", line.strip())
        if any(s.startswith(k) for k in keywords):
            skipping = line.index(s[:1]) if s else 0
            continue
        if skipping is not None:
            if not s:
                if not by_indent:
                    skipping = None
                continue
            if not by_indent or len(line) - len(line.lstrip()) > skipping:
                continue
            skipping = None
        out.append(line)
    return out


# Entry in a segment or composite specification, after wrapped names are joined:
#   "010    C817 ADDRESS USAGE          C    1"        (segment level, D.00A+: with repeat)
#   "030   3164  CITY NAME              C  an..35"    (segment level, D.96A: no repeat)
#   "       3299  Address purpose code  C      an..3"  (component within a composite)
ENTRY = re.compile(
    r"^\s*(?:(?P<pos>\d{3})\s+)?(?:(?P<chg>%s)\s+)?(?P<tag>[A-Z]\d{3}|\d{4})\s+(?P<name>.*?)\s+"
    r"(?P<req>[MC])(?:\s+(?P<rep>\d+))?(?:\s+(?P<repr>(?:an|a|n)(?:\.\.)?\d+))?\s*$" % CHANGE
)
ENTRY_START = re.compile(r"^(?:\d{3}\s+|\s+)(?:%s\s+)?(?:[A-Z]\d{3}|\d{4})\s+\S" % CHANGE)


def entries(lines, where):
    """Return [(indented, dict)] for the entry lines; joins names wrapped onto following lines.

    A name may wrap before the status column (the status and representation then stand on the
    next line) or after it (the rest of the name stands alone on the next line).
    """
    out, pending = [], None
    for line in lines:
        if not line.strip():
            if pending is not None:
                raise DirectoryError("%s: cannot read entry %r" % (where, pending))
            continue
        if pending is not None:
            candidate = pending + " " + line.strip()
            m = ENTRY.match(candidate)
            if m:
                out.append((pending[:1].isspace(), m.groupdict()))
                pending = None
            else:
                pending = candidate
            continue
        m = ENTRY.match(line)
        if m:
            out.append((line[:1].isspace(), m.groupdict()))
        elif ENTRY_START.match(line):
            pending = line.rstrip()
        elif out and re.match(r"^\s{6,}[A-Za-z(]", line):
            out[-1][1]["name"] += " " + line.strip()  # rest of a name wrapped after the status
        else:
            raise DirectoryError("%s: unexpected line %r" % (where, line))
    if pending is not None:
        raise DirectoryError("%s: cannot read entry %r" % (where, pending))
    return out


HEADER = re.compile(r"^\s*(?:(?P<chg>%s)\s+)?(?P<tag>[A-Z0-9]{3,4})\s+(?P<name>\S.*?)\s*$" % CHANGE)


def header(block, where):
    for line in block:
        if line.strip():
            m = HEADER.match(line)
            if not m:
                raise DirectoryError("%s: cannot read heading %r" % (where, line))
            return m.group("chg"), m.group("tag"), m.group("name"), block[block.index(line) + 1:]
    raise DirectoryError("%s: empty entry" % where)


# --------------------------------------------------------------------------- directory parsers


def parse_elements(text):
    """Element directory: tag -> (name, type, min, max)."""
    out = {}
    for block in blocks(text):
        _, tag, name, rest = header(block, "elements")
        if not re.match(r"^\d{4}$", tag):
            continue
        name = re.sub(r"\s*\[[BIC]\]$", "", name)
        repr_ = None
        for line in rest:
            m = re.match(r"^\s*Repr:\s*(\S+)", line)
            if m:
                repr_ = m.group(1)
                break
        if repr_ is None:
            raise DirectoryError("element %s: no Repr" % tag)
        out[tag] = (name,) + parse_repr(repr_, "element %s" % tag)
    return out


def parse_composites(text):
    """Composite directory: tag -> (name, [(element tag, req, representation or None)])."""
    out = {}
    for block in blocks(text):
        _, tag, name, rest = header(block, "composites")
        if not re.match(r"^[A-Z]\d{3}$", tag):
            continue
        rest = skip_paragraphs(rest, ("Desc:", "Note:"), by_indent=True)
        comps = []
        for _, e in entries(rest, "composite %s" % tag):
            comps.append((e["tag"], e["req"], e["repr"]))
        if not comps:
            raise DirectoryError("composite %s: no components" % tag)
        out[tag] = (sentence_case(name), comps)
    return out


def parse_segments(text):
    """Segment directory: tag -> (name, [[kind, tag, req, repeat, representation, components]])."""
    out = {}
    for block in blocks(text):
        _, tag, name, rest = header(block, "segments")
        if not re.match(r"^[A-Z]{3}$", tag):
            continue
        rest = skip_paragraphs(rest, ("Function:", "Note:"), by_indent=True)
        items = []
        for indented, e in entries(rest, "segment %s" % tag):
            if not indented:  # a stand-alone element or a composite at a segment position
                kind = "composite" if e["tag"][0].isalpha() else "element"
                items.append([kind, e["tag"], e["req"], int(e["rep"] or 1), e["repr"], []])
            else:  # component of the composite above
                if not items or items[-1][0] != "composite":
                    raise DirectoryError("segment %s: component outside a composite" % tag)
                items[-1][5].append((e["tag"], e["req"], e["repr"]))
        if not items:
            raise DirectoryError("segment %s: no data elements" % tag)
        out[tag] = (sentence_case(name), items)
    return out


CODE_LINE = re.compile(r"^(?P<pad>\s*)(?P<code>\S+)\s+(?P<name>\S.*)$")


def parse_code_lists(text, wanted):
    """UNCL: tag -> [(value, name)] for the wanted tags.

    A code line has the value left of the name column; lines at the name column continue a
    wrapped name; lines right of it are descriptions. A change indicator may stand in column 0.
    """
    out = {}
    for block in blocks(text):
        _, tag, _, rest = header(block, "code lists")
        if tag not in wanted:
            continue
        # Codes start after the Repr line and any Note paragraph that follows it.
        i = 0
        while i < len(rest) and not rest[i].strip().startswith("Repr:"):
            i += 1
        body = skip_paragraphs(rest[i + 1:], ("Note:",))
        codes, name_col = [], None
        for line in body:
            if not line.strip():
                continue
            mark = re.match(r"^%s(?= )" % CHANGE, line)
            if mark:
                mark, line = mark.group(0), " " * len(mark.group(0)) + line[len(mark.group(0)):]
            indent = len(line) - len(line.lstrip())
            if line.strip().startswith("Note:"):
                continue  # a note on one value; its text is indented like a description
            m = CODE_LINE.match(line)
            if name_col is None:
                if not m:
                    raise DirectoryError("code list %s: cannot read %r" % (tag, line))
                name_col = m.start("name")
            if indent < name_col:
                if not m or m.start("name") != name_col:
                    raise DirectoryError("code list %s: cannot read %r" % (tag, line))
                if mark and "-" in mark:
                    codes.append(None)  # deleted value; keeps its wrapped name off the previous one
                else:
                    codes.append([m.group("code"), m.group("name").strip()])
            elif indent == name_col:
                if not codes:
                    raise DirectoryError("code list %s: cannot read %r" % (tag, line))
                if codes[-1] is not None:
                    codes[-1][1] += " " + line.strip()  # wrapped code name
            # else: description text
        out[tag] = [tuple(c) for c in codes if c is not None]
        if not out[tag]:
            raise DirectoryError("code list %s: no codes" % tag)
    return out


# --------------------------------------------------------------------------- message parser

GROUP_LINE = re.compile(
    r"^(?P<pos>\d{4})\s+(?:%s\s+)?\u2500+\s*Segment group\s+(?P<num>\d+)\s*\u2500+\s+"
    r"(?P<req>[MC])\s+(?P<rep>\d+)(?P<box>.*)$" % CHANGE
)
SEGMENT_LINE = re.compile(
    r"^(?P<pos>\d{4})\s+(?:%s\s+)?(?P<tag>[A-Z]{3})\s+(?P<name>\S.*?)\s+(?P<req>[MC])\s+"
    r"(?P<rep>\d+)(?P<box>.*)$" % CHANGE
)


class Message:
    def __init__(self, mtype, text, where):
        self.id = mtype
        flat = " ".join(text.split())
        m = re.search(r"message type code for the (.+?) is ([A-Z]{6})\b", flat)
        if not m or m.group(2) != mtype:
            raise DirectoryError("%s: cannot find the message name" % where)
        self.name = m.group(1)
        m = re.search(
            r"Data element 0065 %s 0052 (\S+) 0054 (\S+) 0051 (\S+)" % mtype, flat
        )
        if not m:
            raise DirectoryError("%s: cannot find the UNH S009 values" % where)
        self.unh_version, self.unh_release, self.agency = m.groups()
        m = re.search(r"^1\.1\s+Functional [Dd]efinition[ \t]*\n(.*?)\n1\.2\s", text, re.S | re.M)
        self.definition = " ".join(m.group(1).split()) if m else ""
        self.body = self._segment_table(text, where)

    @staticmethod
    def _segment_table(text, where):
        lines = text.split("\n")
        starts = [i for i, l in enumerate(lines) if re.match(r"^\s*4\.3\.1\s+Segment table\s*$", l)]
        if not starts:
            raise DirectoryError("%s: no segment table" % where)
        root = []
        stack = [root]  # the open groups' child lists; root is the message level
        seen_unt = False
        for line in lines[starts[-1] + 1:]:
            if seen_unt:
                break
            g = GROUP_LINE.match(line)
            s = SEGMENT_LINE.match(line) if not g else None
            if g:
                depth = len(stack) - 1
                box = g.group("box")
                if BOX_OPEN not in box or box.count(BOX_BAR) != depth:
                    raise DirectoryError("%s %s: group nesting does not match" % (where, g.group("pos")))
                loop = {
                    "kind": "loop",
                    "id": "SG" + g.group("num"),
                    "req": g.group("req"),
                    "max": int(g.group("rep")),
                    "children": [],
                }
                stack[-1].append(loop)
                stack.append(loop["children"])
            elif s:
                depth = len(stack) - 1
                box = s.group("box")
                closes = sum(box.count(c) for c in BOX_CLOSE)
                if box.count(BOX_BAR) + closes != depth or closes > depth:
                    raise DirectoryError("%s %s: segment nesting does not match" % (where, s.group("pos")))
                stack[-1].append(
                    {
                        "kind": "segment",
                        "tag": s.group("tag"),
                        "name": s.group("name"),
                        "req": s.group("req"),
                        "max": int(s.group("rep")),
                    }
                )
                for _ in range(closes):
                    stack.pop()
                if s.group("tag") == "UNT" and len(stack) == 1:
                    seen_unt = True
            elif re.match(r"^\d{4}\s", line):
                raise DirectoryError("%s: cannot read segment table line %r" % (where, line))
        if len(stack) != 1 or not seen_unt:
            raise DirectoryError("%s: segment table does not end with UNT at message level" % where)
        if root[0].get("tag") != "UNH":
            raise DirectoryError("%s: segment table does not start with UNH" % where)
        for node in walk(root):
            if node["kind"] == "loop" and node["children"][0]["kind"] != "segment":
                raise DirectoryError("%s %s: group without trigger segment" % (where, node["id"]))
        return root


def walk(nodes):
    for n in nodes:
        yield n
        if n["kind"] == "loop":
            for c in walk(n["children"]):
                yield c


# --------------------------------------------------------------------------- XML output


def attr(name, value):
    return " %s=%s" % (name, quoteattr(str(value)))


def write_message(msg, d, path):
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    purpose = first_sentences(msg.definition) or msg.name
    comment = "UN/EDIFACT %s %s, %s: %s" % (d.display, msg.id, msg.name, purpose)
    out.append("<!-- %s" % wrap_comment(comment, 5))
    out.append(
        "     Generated by schemas/edi/edifact/tools/untdid_to_spec.py from the UN directory; the service\n"
        "     segments (UNH, UNT, UNS) are defined in the syntax3/syntax4 dictionaries. -->"
    )
    out.append(
        "<message xmlns=%s%s%s%s%s%s%s>"
        % (
            quoteattr(NAMESPACE),
            attr("standard", "edifact"),
            attr("version", d.version),
            attr("id", msg.id),
            attr("name", msg.name),
            attr("agency", msg.agency),
            attr("release", msg.unh_release),
        )
    )

    def emit(nodes, indent):
        pad = "  " * indent
        for n in nodes:
            mx = "" if n["max"] == 1 else attr("max", n["max"])
            if n["kind"] == "segment":
                out.append("%s<segment%s%s%s/>" % (pad, attr("ref", n["tag"]), attr("req", n["req"]), mx))
            else:
                out.append("%s<loop%s%s%s>" % (pad, attr("id", n["id"]), attr("req", n["req"]), mx))
                emit(n["children"], indent + 1)
                out.append("%s</loop>" % pad)

    emit(msg.body, 1)
    out.append("</message>")
    write(path, "\n".join(out) + "\n")


def first_sentences(text, limit=260):
    """The opening sentence(s) of the functional definition, as many as fit in limit characters."""
    sentences = re.split(r"(?<=\.)\s+(?=[A-Z])", text)
    out = sentences[0]
    for s in sentences[1:]:
        if len(out) + 1 + len(s) > limit:
            break
        out += " " + s
    return out


def wrap_comment(text, indent, width=100):
    text = text.replace("--", "-")
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width - indent:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    lines.append(cur)
    return ("\n" + " " * indent).join(lines)


def write_dictionary(d, messages, segs, comps, elems, codes, path):
    used_segments = []
    for msg in messages:
        for n in walk(msg.body):
            if n["kind"] == "segment" and n["tag"] not in used_segments:
                used_segments.append(n["tag"])
    seg_names = {}
    for msg in messages:
        for n in walk(msg.body):
            if n["kind"] == "segment":
                seg_names.setdefault(n["tag"], n["name"])
    defined = []
    for tag in sorted(used_segments):
        if tag in segs:
            defined.append(tag)
        elif not SERVICE_SEGMENT.match(tag):
            raise DirectoryError("segment %s is used but not in the segment directory" % tag)
    used_comps, used_elems = set(), set()
    for tag in defined:
        for kind, etag, req, rep, repr_, components in segs[tag][1]:
            if kind == "composite":
                used_comps.add(etag)
                if etag not in comps:
                    raise DirectoryError("composite %s (in %s) not in the composite directory" % (etag, tag))
                dir_components = [(c[0], c[1]) for c in comps[etag][1]]
                seg_components = [(c[0], c[1]) for c in components]
                if dir_components != seg_components:
                    raise DirectoryError(
                        "composite %s differs between segment %s and the composite directory" % (etag, tag)
                    )
            else:
                used_elems.add(etag)
                check_repr(elems, etag, repr_, tag)
    for ctag in used_comps:
        for etag, req, repr_ in comps[ctag][1]:
            used_elems.add(etag)
            check_repr(elems, etag, repr_, ctag)

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    text = (
        "UN/EDIFACT %s data elements, composites and segments used by %s. Generated by "
        "schemas/edi/edifact/tools/untdid_to_spec.py from the %s segment, composite, data element "
        "and code list (UNCL) directories. Code lists are given only for %s. The service segments "
        "(UNH, UNT, UNS) come from the syntax3/syntax4 dictionaries."
        % (
            d.display,
            ", ".join(m.id for m in messages),
            d.display,
            ", ".join(sorted(c for c in codes if c in used_elems)) or "none",
        )
    )
    out.append("<!-- %s -->" % wrap_comment(text, 5))
    out.append(
        "<dictionary xmlns=%s%s%s>"
        % (quoteattr(NAMESPACE), attr("standard", "edifact"), attr("version", d.version))
    )
    for etag in sorted(used_elems):
        if etag not in elems:
            raise DirectoryError("element %s not in the element directory" % etag)
        name, kind, mn, mx = elems[etag]
        head = "  <element%s%s%s%s%s" % (
            attr("id", etag), attr("name", name), attr("type", kind), attr("min", mn), attr("max", mx)
        )
        if etag in codes:
            out.append(head + ">")
            for value, cname in codes[etag]:
                out.append("    <code%s%s/>" % (attr("value", value), attr("name", cname)))
            out.append("  </element>")
        else:
            out.append(head + "/>")
    for ctag in sorted(used_comps):
        name, components = comps[ctag]
        out.append("  <composite%s%s>" % (attr("id", ctag), attr("name", name)))
        for etag, req, repr_ in components:
            out.append("    <component%s%s/>" % (attr("ref", etag), attr("req", req)))
        out.append("  </composite>")
    for tag in defined:
        name, items = segs[tag]
        name = seg_names.get(tag) or name
        out.append("  <segment%s%s>" % (attr("id", tag), attr("name", name)))
        for kind, etag, req, rep, repr_, components in items:
            r = "" if rep == 1 else attr("repeat", rep)
            out.append("    <%s%s%s%s/>" % (kind, attr("ref", etag), attr("req", req), r))
        out.append("  </segment>")
    out.append("</dictionary>")
    write(path, "\n".join(out) + "\n")
    return len(used_elems), len(used_comps), len(defined)


def check_repr(elems, etag, repr_, where):
    if etag not in elems:
        raise DirectoryError("element %s (in %s) not in the element directory" % (etag, where))
    if repr_:
        if parse_repr(repr_, where) != elems[etag][1:4]:
            raise DirectoryError(
                "element %s: %s in %s, %s in the element directory" % (etag, repr_, where, elems[etag][1:])
            )


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --------------------------------------------------------------------------- main


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("archive", help="UN/EDIFACT directory archive, e.g. d96a.zip")
    p.add_argument("out", help="output directory, e.g. schemas/edi/edifact/D96A")
    p.add_argument("messages", nargs="+", help="message types, e.g. DESADV RECADV")
    p.add_argument("--codes", default=",".join(DEFAULT_CODE_LISTS), help="element tags with code lists")
    p.add_argument("--check", action="store_true", help="parse and report only")
    args = p.parse_args(argv)

    try:
        d = Directory(args.archive)
        wanted_codes = [c for c in args.codes.split(",") if c]
        elems = parse_elements(d.main_file("ED"))
        comps = parse_composites(d.main_file("CD"))
        segs = parse_segments(d.main_file("SD"))
        codes = parse_code_lists(d.code_lists(), set(wanted_codes))
        missing = [c for c in wanted_codes if c not in codes]
        if missing:
            raise DirectoryError("no code list for %s in UNCL" % ", ".join(missing))
        messages = []
        for mtype in args.messages:
            mtype = mtype.upper()
            msg = Message(mtype, d.message(mtype), "%s %s" % (d.display, mtype))
            if msg.unh_version != d.version_letter or msg.unh_release != d.release:
                raise DirectoryError("%s: UNH says %s:%s" % (mtype, msg.unh_version, msg.unh_release))
            messages.append(msg)
        if args.check:
            for msg in messages:
                uses = sum(1 for n in walk(msg.body) if n["kind"] == "segment")
                print("%s %s: %d segment uses" % (msg.id, msg.name, uses))
            return 0
        os.makedirs(args.out, exist_ok=True)
        for msg in messages:
            write_message(msg, d, os.path.join(args.out, msg.id + ".xml"))
        path = os.path.join(args.out, "dictionary.xml")
        ne, nc, ns = write_dictionary(d, messages, segs, comps, elems, codes, path)
        print(
            "%s: %d messages, %d elements, %d composites, %d segments -> %s"
            % (d.display, len(messages), ne, nc, ns, args.out)
        )
        return 0
    except DirectoryError as e:
        print("untdid_to_spec: %s" % e, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
