#!/usr/bin/env python3
"""Generate the liaisond HELD-OUT test set (Python 3 standard library only).

Writes, next to this file (or into --out DIR):
  NN-name.eml     an RFC 5322 message (CRLF line endings), as it would reach the intake
  NN-name.json    the expected `liaisond extract` result for it (contract fields only)
  directory.toml  the directory the expectations assume (byte-identical to shared/corpus/directory.toml)
  README.md       what the set is, how to regenerate it, the readings taken, the case table
and then validates everything it wrote (MIME defects, DOCX/PDF/RTF structure, and that every
expected value really occurs in the decoded message).  Exit status 1 on any problem.

This set is held out: it is written independently of the extractor, in the formats of the
sample corpus (shared/corpus) but with other people, wording, layouts, encodings and traps.
It does not import anything from shared/: the builders below are its own, so that a change in
the sample corpus generator cannot silently change this set.

Deterministic: fixed seed, fixed dates, fixed MIME boundaries and zip timestamps, so two runs
give byte-identical files.  All people, addresses and statements are invented; only RFC 2606
example domains are used (example.org: IETF side; example.net: other bodies' role addresses;
example.com: individuals).
"""

import argparse
import base64
import datetime
import email
import email.header
import email.policy
import email.utils
import html
import io
import json
import os
import quopri
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import textwrap
import zipfile
import zlib
import xml.dom.minidom

SEED = 20260901
CRLF = "\r\n"
HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_DIRECTORY = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus", "directory.toml"))

# --------------------------------------------------------------------------------------------
# The directory: the SAME one as the sample corpus (shared/corpus/directory.toml), no group
# added.  A group's FIRST alias is the canonical `to` string; an sdo's `name` the canonical
# `from`/`to` string.
# --------------------------------------------------------------------------------------------

INTAKE = ["statements@example.org", "liaison-coordination@example.org"]


def _wg(name, canon, aliases, list_addr=None):
    low = name.lower()
    chairs = "%s-chairs@example.org" % low
    return {"name": name, "aliases": [canon] + aliases,
            "addresses": [list_addr or "%s@example.org" % low, chairs],
            "forward_to": [chairs]}


GROUPS = [
    _wg("ACME", "IETF ACME WG", ["ACME WG", "Automated Certificate Management Environment"]),
    _wg("BMWG", "IETF BMWG", ["BMWG", "Benchmarking Methodology Working Group"]),
    _wg("CCAMP", "IETF CCAMP WG", ["CCAMP", "CCAMP WG", "Common Control and Measurement Plane"]),
    _wg("DETNET", "IETF DetNet WG", ["IETF DETNET WG", "DetNet WG", "DetNet", "Deterministic Networking"]),
    _wg("DHC", "IETF DHC WG", ["DHC WG", "Dynamic Host Configuration"], list_addr="dhcwg@example.org"),
    _wg("DNSOP", "IETF DNSOP WG", ["DNSOP WG", "Domain Name System Operations"]),
    _wg("HTTPBIS", "IETF HTTPBIS WG", ["IETF HTTP WG", "HTTP WG", "HTTP Working Group", "HTTPBIS"]),
    _wg("IPPM", "IETF IPPM WG", ["IPPM", "IPPM WG", "IP Performance Measurement"]),
    _wg("IPSECME", "IETF IPsecME WG", ["IPsecME WG", "IPSECME", "IP Security Maintenance and Extensions"]),
    _wg("LAMPS", "IETF LAMPS WG", ["LAMPS WG", "LAMPS", "Limited Additional Mechanisms for PKIX and SMIME"]),
    _wg("MADINAS", "IETF MADINAS WG", ["MADINAS WG", "MADINAS"]),
    _wg("NETMOD", "IETF NETMOD WG", ["NETMOD WG", "NETMOD", "Network Modeling"]),
    _wg("NMRG", "IRTF NMRG", ["NMRG", "Network Management Research Group"]),
    _wg("OAUTH", "IETF OAuth WG", ["OAuth WG", "Web Authorization Protocol"]),
    _wg("OPSAWG", "IETF OPSAWG", ["OPSAWG", "Operations and Management Area Working Group"]),
    _wg("SPRING", "IETF SPRING WG", ["SPRING WG", "Source Packet Routing in Networking"]),
    _wg("TEAS", "IETF TEAS WG", ["TEAS WG", "TEAS", "Traffic Engineering Architecture and Signaling"]),
    _wg("TSVWG", "IETF TSVWG", ["TSVWG", "Transport Area Working Group"]),
    {"name": "IAB", "aliases": ["IAB", "Internet Architecture Board"],
     "addresses": ["iab@example.org", "iab-chair@example.org"], "forward_to": ["iab-chair@example.org"]},
]

SDOS = [
    ("3GPP TSG SA", ["TSG SA", "3GPP TSG SA plenary"], "3gpp-liaison@example.org"),
    ("3GPP TSG SA WG2", ["SA WG2", "SA2", "S2", "TSG SA WG2"], "3gpp-liaison@example.org"),
    ("3GPP TSG SA WG3", ["SA WG3", "SA3", "S3", "TSG SA WG3"], "3gpp-liaison@example.org"),
    ("3GPP TSG CT WG1", ["CT WG1", "CT1", "C1", "TSG CT WG1"], "3gpp-liaison@example.org"),
    ("3GPP TSG CT WG4", ["CT WG4", "CT4", "C4", "TSG CT WG4"], "3gpp-liaison@example.org"),
    ("3GPP TSG RAN WG2", ["RAN WG2", "RAN2", "R2", "TSG RAN WG2"], "3gpp-liaison@example.org"),
    ("3GPP TSG RAN WG3", ["RAN WG3", "RAN3", "R3", "TSG RAN WG3"], "3gpp-liaison@example.org"),
    ("ITU-T SG2", ["ITU-T Study Group 2", "Study Group 2", "ITU-T-SG-2"], "itu-t-liaison@example.org"),
    ("ITU-T SG11", ["ITU-T Study Group 11", "Study Group 11", "ITU-T-SG-11"], "itu-t-liaison@example.org"),
    ("ITU-T SG12", ["ITU-T Study Group 12", "Study Group 12", "ITU-T-SG-12"], "itu-t-liaison@example.org"),
    ("ITU-T SG13", ["ITU-T Study Group 13", "Study Group 13", "ITU-T-SG-13"], "itu-t-liaison@example.org"),
    ("ITU-T SG15", ["ITU-T Study Group 15", "Study Group 15", "ITU-T-SG-15", "SG15"], "itu-t-liaison@example.org"),
    ("ITU-T SG17", ["ITU-T Study Group 17", "Study Group 17", "ITU-T-SG-17"], "itu-t-liaison@example.org"),
    ("IEEE 802.1 WG", ["IEEE 802.1 Working Group", "IEEE 802.1"], "ieee-802-1-liaison@example.org"),
    ("IEEE 802.11 WG", ["IEEE 802.11 Working Group", "IEEE 802.11"], "ieee-802-11-liaison@example.org"),
    ("BBF", ["Broadband Forum", "Broadband Forum Technical Committee", "BBF Technical Committee"],
     "bbf-liaison@example.org"),
    ("MEF", ["MEF Technical Committee", "MEF Forum"], "mef-liaison@example.org"),
    ("ETSI TC CYBER", ["TC CYBER", "ETSI Technical Committee Cyber Security"], "etsi-liaison@example.org"),
    ("ETSI ISG F5G", ["ISG F5G", "ETSI Industry Specification Group Fifth Generation Fixed Network"],
     "etsi-liaison@example.org"),
    ("O-RAN Alliance WG4", ["O-RAN WG4", "Open Fronthaul Interfaces Workgroup"], "oran-liaison@example.org"),
    ("ISO/IEC JTC 1/SC 27/WG 5", ["SC 27/WG 5", "JTC 1/SC 27/WG 5"], "jtc1-liaison@example.org"),
    ("W3C WebAppSec WG", ["W3C Web Application Security Working Group", "Web Application Security Working Group"],
     "w3c-liaison@example.org"),
    ("TTC", ["TTC Access Network Working Group", "Telecommunication Technology Committee",
             "\u60c5\u5831\u901a\u4fe1\u6280\u8853\u59d4\u54e1\u4f1a"], "ttc-liaison@example.org"),
    ("CCSA TC3", ["China Communications Standards Association TC3", "CCSA"], "ccsa-liaison@example.org"),
]

# Sending bodies that the directory does NOT list.  extraction-rules.md: "When the configured
# directory lists the body, use its name"; otherwise the canonical short form of the rules
# (`3GPP TSG SA WG2`, `IEEE 802.1 WG`, `ETSI ISG F5G` ...).  These appear only in `from`, never
# in `to`, and are NOT added to directory.toml.  The aliases are used by the validator only.
EXTRA_BODIES = {
    "3GPP TSG SA WG1": ["SA WG1", "SA1", "S1", "TSG SA WG1"],
    "3GPP TSG SA WG5": ["SA WG5", "SA5", "S5", "TSG SA WG5"],
    "3GPP TSG SA WG6": ["SA WG6", "SA6", "S6", "TSG SA WG6"],
    "3GPP TSG CT WG3": ["CT WG3", "CT3", "C3", "TSG CT WG3"],
    "3GPP TSG RAN WG1": ["RAN WG1", "RAN1", "R1", "TSG RAN WG1"],
    "3GPP TSG RAN WG4": ["RAN WG4", "RAN4", "R4", "TSG RAN WG4"],
    "IEEE 802.3 WG": ["IEEE 802.3 Working Group", "IEEE 802.3"],
    "ETSI ISG NFV": ["ISG NFV", "ETSI Industry Specification Group Network Functions Virtualisation"],
    "Packet Clock Interoperability Consortium": ["PCIC"],
}


def group(name):
    for g in GROUPS:
        if g["name"] == name:
            return g
    raise KeyError(name)


def TO(name):
    """Canonical `to` string of a directory group (its first alias)."""
    return group(name)["aliases"][0]


def directory_toml():
    def q(s):
        return json.dumps(s, ensure_ascii=False)   # a JSON string is a valid TOML basic string

    def ql(xs):
        return "[" + ", ".join(q(x) for x in xs) + "]"

    out = ["# Directory assumed by the expected *.json files of this corpus.",
           "# Generated by gen.py: edit gen.py (GROUPS, SDOS, INTAKE), not this file.",
           "# A [[group]]'s first alias is the canonical string used for it in `to`;",
           "# an [[sdo]]'s name is the canonical string used for it in `from` (and in `to`).",
           "", "[intake]", "addresses = " + ql(INTAKE), ""]
    for g in sorted(GROUPS, key=lambda g: g["name"]):
        out += ["[[group]]", "name = " + q(g["name"]), "aliases = " + ql(g["aliases"]),
                "addresses = " + ql(g["addresses"]), "forward_to = " + ql(g["forward_to"]), ""]
    for name, aliases, lm in sorted(SDOS):
        out += ["[[sdo]]", "name = " + q(name), "aliases = " + ql(aliases),
                "liaison_manager = " + q(lm), ""]
    return "\n".join(out)

# --------------------------------------------------------------------------------------------
# Mail building blocks.  Messages are assembled by hand (not with email.generator) so that the
# exact bytes are under control: CRLF everywhere, fixed boundaries, realistic header shapes.
# --------------------------------------------------------------------------------------------

PYCS = {"iso-2022-jp": "iso2022_jp", "windows-1252": "cp1252", "gb2312": "gb2312", "gbk": "gbk",
        "shift_jis": "shift_jis", "euc-kr": "euc_kr", "big5": "big5", "iso-8859-1": "latin-1",
        "iso-8859-15": "iso8859_15", "us-ascii": "ascii", "utf-8": "utf-8"}


def pycs(charset):
    return PYCS.get(charset.lower(), charset)


class Rng:
    """Per-case deterministic randomness (Message-IDs, queue ids, boundaries)."""

    def __init__(self, case):
        self.r = random.Random("%d:%s" % (SEED, case))

    def hex(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def msgid(self, domain, style="plain"):
        if style == "outlook":
            return "<%s%s@%s>" % (self.alnum(24), self.alnum(8), domain)
        if style == "gmail":
            return "<CA%s@mail.%s>" % (self.alnum(42, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+"), domain)
        if style == "apple":
            return "<%s-%s-%s-%s-%s@%s>" % (self.alnum(8, "0123456789ABCDEF"), self.alnum(4, "0123456789ABCDEF"),
                                            self.alnum(4, "0123456789ABCDEF"), self.alnum(4, "0123456789ABCDEF"),
                                            self.alnum(12, "0123456789ABCDEF"), domain)
        return "<%s.%s@%s>" % (self.hex(16), self.hex(8), domain)

    def boundary(self, style="plain"):
        if style == "outlook":
            return "_000_%s%s_" % (self.alnum(20), self.alnum(12))
        if style == "gmail":
            return "000000000000" + self.hex(16)
        if style == "thunderbird":
            return "------------" + self.alnum(24, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        if style == "apple":
            return "Apple-Mail=_%s-%s-%s-%s-%s" % (self.alnum(8, "0123456789ABCDEF"), self.alnum(4, "0123456789ABCDEF"),
                                                   self.alnum(4, "0123456789ABCDEF"), self.alnum(4, "0123456789ABCDEF"),
                                                   self.alnum(12, "0123456789ABCDEF"))
        if style == "foxmail":
            return "----=_NextPart_%s_%s_%s" % (self.alnum(8, "0123456789ABCDEF"), self.alnum(8, "0123456789ABCDEF"),
                                                self.alnum(8, "0123456789ABCDEF"))
        return "=_Part_%s_%s" % (self.hex(8), self.hex(12))


def mdate(y, mo, d, h, mi, s, tzh=0, tzm=0):
    """RFC 5322 date with the correct weekday."""
    tz = datetime.timezone(datetime.timedelta(hours=tzh, minutes=tzm))
    return email.utils.format_datetime(datetime.datetime(y, mo, d, h, mi, s, tzinfo=tz))


def weekday(y, mo, d):
    return datetime.date(y, mo, d).strftime("%A")


_Q_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def ew(text, charset="utf-8", enc="B", first=75):
    """RFC 2047 encoded-words (each self-contained), as a list.  Each is <= 75 chars and the
    first <= `first`, so that a header line holding encoded words stays within 76 chars."""
    cs = pycs(charset)
    words, cur = [], ""

    def enc_chunk(chunk):
        raw = chunk.encode(cs)
        if enc == "B":
            body = base64.b64encode(raw).decode("ascii")
        else:
            body = "".join(chr(c) if c in _Q_SAFE else ("_" if c == 0x20 else "=%02X" % c) for c in raw)
        return "=?%s?%s?%s?=" % (charset.upper() if charset.lower() != "utf-8" else "UTF-8", enc, body)

    for ch in text:
        if cur and len(enc_chunk(cur + ch)) > (first if not words else 75):
            words.append(enc_chunk(cur))
            cur = ""
        cur += ch
    if cur:
        words.append(enc_chunk(cur))
    return words


def subj(text, charset="utf-8", enc="B"):
    """A Subject value: plain when ASCII, else folded RFC 2047 words."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return "\r\n ".join(ew(text, charset, enc, first=66))


def addr(name, address, charset="utf-8", enc="Q"):
    if not name:
        return address
    try:
        name.encode("ascii")
    except UnicodeEncodeError:
        return " ".join(ew(name, charset, enc)) + " <%s>" % address
    if re.search(r'[()<>\[\]:;@\\,."]', name):
        return '"%s" <%s>' % (name.replace("\\", "\\\\").replace('"', '\\"'), address)
    return "%s <%s>" % (name, address)


def fold(name, value, width=76):
    """Fold an ASCII header at spaces so that lines stay <= width where possible."""
    line = name + ": " + value
    if len(line) <= width or " " not in value:
        return line
    out, cur = [], name + ":"
    toks = re.findall(r'(?:"(?:\\.|[^"\\])*"|[^" ])+', value)   # never fold inside a quoted string
    if " ".join(toks) != value:
        toks = value.split(" ")
    for tok in toks:
        if len(cur) + 1 + len(tok) > width and cur.strip() and cur != name + ":":
            out.append(cur)
            cur = " " + tok
        else:
            cur = cur + " " + tok
    out.append(cur)
    return CRLF.join(out)


def headers_bytes(hdrs):
    out = []
    for n, v in hdrs:
        if "\r\n" in v or "\n" in v:               # pre-folded by the caller
            out.append(n + ": " + v.replace("\r\n", "\n").replace("\n", CRLF))
        else:
            out.append(fold(n, v))
    s = CRLF.join(out) + CRLF
    s.encode("ascii")                               # headers must be ASCII
    return s.encode("ascii")


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", CRLF)


def b64(data):
    s = base64.b64encode(data).decode("ascii")
    return (CRLF.join(s[i:i + 76] for i in range(0, len(s), 76)) + CRLF).encode("ascii")


class Part:
    """A MIME entity: header list + already-encoded body bytes."""

    def __init__(self, hdrs, body):
        self.hdrs = list(hdrs)
        self.body = body

    def bytes(self):
        return headers_bytes(self.hdrs) + b"\r\n" + self.body


def text(content, subtype="plain", charset="us-ascii", cte="7bit", params="", extra=(), quote_cs=True):
    """A text/* leaf.  `content` uses \\n; the body ends with a line break."""
    cs = pycs(charset)
    if not content.endswith("\n"):
        content += "\n"
    if cte in ("7bit", "8bit"):
        body = crlf(content).encode(cs)
        if cte == "7bit":
            body.decode("ascii")
    elif cte == "quoted-printable":
        raw = crlf(content).encode(cs).replace(b"\r\n", b"\n")
        body = quopri.encodestring(raw, quotetabs=False).replace(b"\n", b"\r\n")
    elif cte == "base64":
        body = b64(crlf(content).encode(cs))
    else:
        raise ValueError(cte)
    ct = ('text/%s; charset="%s"%s' if quote_cs else "text/%s; charset=%s%s") % (subtype, charset, params)
    return Part([("Content-Type", ct), ("Content-Transfer-Encoding", cte)] + list(extra), body)


def rfc2231_value(filename, charset="utf-8"):
    raw = filename.encode(pycs(charset))
    return charset.upper() + "''" + "".join(
        chr(c) if (c < 128 and (chr(c).isalnum() or chr(c) in "-._")) else "%%%02X" % c for c in raw)


def attachment(data, ctype, filename, disposition="attachment", extra=(), style="plain", name_param=True):
    """style: plain (quoted ASCII name), rfc2231 (filename*=, continuations when long),
    rfc2047 (non-standard encoded word inside quotes, as some mailers do)."""
    if style == "rfc2231":
        enc = rfc2231_value(filename)
        pieces, cur = [], ""
        for tok in re.findall(r"%[0-9A-F]{2}|[^%]", enc):      # never split a %XX escape
            if len(cur) + len(tok) > 48:
                pieces.append(cur)
                cur = ""
            cur += tok
        pieces.append(cur)
        if len(pieces) == 1:
            disp = disposition + ";\n filename*=" + enc
            ctv = ctype + ";\n name*=" + enc
        else:
            disp = disposition + ";" + ";".join("\n filename*%d*=%s" % (i, p) for i, p in enumerate(pieces))
            ctv = ctype + ";" + ";".join("\n name*%d*=%s" % (i, p) for i, p in enumerate(pieces))
        hdrs = [("Content-Type", ctv), ("Content-Disposition", disp)]
    elif style == "rfc2047":
        # one encoded word for the whole name, inside quotes (not RFC 2047-conformant, but common)
        q = '"=?ISO-2022-JP?B?%s?="' % base64.b64encode(filename.encode("iso2022_jp")).decode("ascii")
        hdrs = [("Content-Type", "%s;\n name=%s" % (ctype, q)),
                ("Content-Disposition", "%s;\n filename=%s" % (disposition, q))]
    else:
        if name_param:
            hdrs = [("Content-Type", '%s; name="%s"' % (ctype, filename)),
                    ("Content-Disposition", '%s; filename="%s"' % (disposition, filename))]
        else:
            hdrs = [("Content-Type", ctype), ("Content-Disposition", '%s; filename="%s"' % (disposition, filename))]
    return Part(hdrs + [("Content-Transfer-Encoding", "base64")] + list(extra), b64(data))


def multipart(subtype, boundary, parts, params="", preamble=None, epilogue=None):
    body = b""
    if preamble:
        body += crlf(preamble).encode("ascii")
    for p in parts:
        body += b"--" + boundary.encode("ascii") + b"\r\n" + p.bytes() + b"\r\n"
    body += b"--" + boundary.encode("ascii") + b"--\r\n"
    if epilogue:
        body += crlf(epilogue).encode("ascii")
    return Part([("Content-Type", 'multipart/%s;\n boundary="%s"%s' % (subtype, boundary, params))], body)


def rfc822(msg_bytes, filename=None, disposition="attachment"):
    hdrs = [("Content-Type", "message/rfc822" + ('; name="%s"' % filename if filename else ""))]
    if filename:
        hdrs.append(("Content-Disposition", '%s; filename="%s"' % (disposition, filename)))
    return Part(hdrs, msg_bytes)


def received(rng, helo, ip, rcpt, date, by="mx.example.org"):
    sep = " " if len(helo) < 24 else "\n\t"
    return ("Received", "from %s%s(%s [%s])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s"
            % (helo, sep, helo, ip, by, rng.alnum(12, "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"),
               rcpt, date))


def received_relay(rng, helo, ip, date, by):
    return ("Received", "from %s (%s [%s])\n\tby %s with ESMTP id %s;\n\t%s"
            % (helo, helo, ip, by, rng.alnum(10, "0123456789ABCDEF"), date))


def message(top_hdrs, part):
    """Top-level headers + a Part (its Content-* headers follow MIME-Version)."""
    hdrs = list(top_hdrs) + [("MIME-Version", "1.0")] + part.hdrs
    return headers_bytes(hdrs) + b"\r\n" + part.body


def env(rng, rcpt, sender, helo, ip, date, original_to=None):
    h = [("Return-Path", "<%s>" % sender), ("Delivered-To", rcpt)]
    if original_to:
        h.append(("X-Original-To", original_to))
    return h + [received(rng, helo, ip, rcpt, date)]

# --------------------------------------------------------------------------------------------
# DOCX: a minimal valid WordprocessingML package built with zipfile.
# In cell/paragraph text, "\t" becomes <w:tab/> and "¦" marks a run boundary (Word splits
# words across runs after edits and spell checks; extractors must join runs).
# --------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RSIDS = ["0061A3F2", "00C94D17", "003E58B0", "00F2716C", "0097E0A4"]
ZIP_TIME = (2026, 3, 2, 11, 15, 0)


def _x(s):
    return html.escape(s, quote=False)


def w_runs(s, bold=False, size=None, italic=False):
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + ('<w:sz w:val="%d"/>' % size if size else "")
    rpr = "<w:rPr>%s</w:rPr>" % props if props else ""
    out = []
    for i, seg in enumerate(s.split("\u00a6")):
        rsid = RSIDS[i % len(RSIDS)]
        pieces = seg.split("\t")
        for j, piece in enumerate(pieces):
            if j:
                out.append('<w:r w:rsidR="%s">%s<w:tab/></w:r>' % (rsid, rpr))
            if piece:
                out.append('<w:r w:rsidR="%s">%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rsid, rpr, _x(piece)))
    return "".join(out)


def w_p(s="", bold=False, jc=None, size=None, tabs=None, style=None, italic=False):
    inner = ""
    if style:
        inner += '<w:pStyle w:val="%s"/>' % style
    if tabs:
        inner += "<w:tabs>%s</w:tabs>" % "".join('<w:tab w:val="left" w:pos="%d"/>' % t for t in tabs)
    inner += '<w:spacing w:after="80"/>'
    if jc:
        inner += '<w:jc w:val="%s"/>' % jc
    return "<w:p><w:pPr>%s</w:pPr>%s</w:p>" % (inner, w_runs(s, bold, size, italic))


def w_tbl(rows, widths, borders=True):
    """rows: list of rows; a cell is a str (lines separated by \\n) or a dict(t=str, span=n, b=bool,
    jc=.., vmerge='restart'|'continue', shade=hex)."""
    bd = ""
    if borders:
        bd = "<w:tblBorders>%s</w:tblBorders>" % "".join(
            '<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>' % e
            for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLayout w:type="fixed"/></w:tblPr>' % (sum(widths), bd),
           "<w:tblGrid>%s</w:tblGrid>" % "".join('<w:gridCol w:w="%d"/>' % w for w in widths)]
    for row in rows:
        out.append("<w:tr>")
        col = 0
        for cell in row:
            if isinstance(cell, str):
                cell = {"t": cell}
            span = cell.get("span", 1)
            width = sum(widths[col:col + span])
            col += span
            tcpr = '<w:tcW w:w="%d" w:type="dxa"/>' % width + ('<w:gridSpan w:val="%d"/>' % span if span > 1 else "")
            if cell.get("vmerge"):
                tcpr += ('<w:vMerge w:val="restart"/>' if cell["vmerge"] == "restart" else "<w:vMerge/>")
            if cell.get("shade"):
                tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % cell["shade"]
            paras = "".join(w_p(line, bold=cell.get("b", False), jc=cell.get("jc")) for line in cell["t"].split("\n"))
            out.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (tcpr, paras))
        assert col == len(widths), row
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def docx(blocks, creator, title=None):
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<w:body>%s'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
                '</w:sectPr></w:body></w:document>' % (W_NS, "".join(blocks)))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/>'
              '</w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
              '<w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
              '</w:styles>' % W_NS)
    files = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
         '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '</Relationships>'),
        ("docProps/core.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         '%s<dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>'
         '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T11:15:00Z</dcterms:created>'
         '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-02T11:15:00Z</dcterms:modified>'
         '</cp:coreProperties>' % ("<dc:title>%s</dc:title>" % _x(title) if title else "", _x(creator), _x(creator))),
        ("word/_rels/document.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
         '</Relationships>'),
        ("word/styles.xml", styles),
        ("word/document.xml", document),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --------------------------------------------------------------------------------------------
# PDF: hand-written, uncompressed content streams, standard 14 fonts (Helvetica,
# Helvetica-Bold, Times-Roman; WinAnsiEncoding), exact xref offsets.  Each label and each value
# is its own BT..ET text object; objects on the same baseline form one visual line.
# --------------------------------------------------------------------------------------------

def pdf_str(s):
    out = []
    for c in s.encode("cp1252"):
        if c in (0x28, 0x29, 0x5C):
            out.append("\\" + chr(c))
        elif 32 <= c < 127:
            out.append(chr(c))
        else:
            out.append("\\%03o" % c)
    return "(" + "".join(out) + ")"


class PDF:
    TOP, BOTTOM, LEFT = 790, 60, 56

    def __init__(self, serif=False):
        self.pages = [[]]
        self.y = self.TOP
        self.serif = serif

    def put(self, x, y, s, bold=False, size=10):
        """One text object.  `s` is a str, or a list of str/int for a TJ array (kerning)."""
        font = "/F2" if bold else ("/F3" if self.serif else "/F1")
        if isinstance(s, list):
            show = "[%s] TJ" % " ".join(pdf_str(p) if isinstance(p, str) else str(p) for p in s)
        else:
            show = "%s Tj" % pdf_str(s)
        self.pages[-1].append("BT %s %g Tf %g %g Td %s ET" % (font, size, x, y, show))

    def newline(self, dy=13.5):
        self.y -= dy
        if self.y < self.BOTTOM:
            self.newpage()

    def newpage(self):
        self.pages.append([])
        self.y = self.TOP

    def line(self, s, x=None, bold=False, size=10, dy=13.5):
        self.put(self.LEFT if x is None else x, self.y, s, bold, size)
        self.newline(dy)

    def para(self, s, width=92, x=None, dy=13.5):
        for ln in textwrap.wrap(s, width, break_on_hyphens=False):
            self.line(ln, x=x, dy=dy)
        self.newline(5)

    def kv(self, label, value, vx=170, width=70):
        lines = textwrap.wrap(value, width, break_on_hyphens=False) if isinstance(value, str) else [value]
        if label:
            self.put(self.LEFT, self.y, label, bold=True)
        for ln in lines or [""]:
            if ln:
                self.put(vx, self.y, ln)
            self.newline()

    def kv2(self, l1, v1, l2, v2, x2=300, vx1=150, vx2=400):
        self.put(self.LEFT, self.y, l1, bold=True)
        self.put(vx1, self.y, v1)
        self.put(x2, self.y, l2, bold=True)
        self.put(vx2, self.y, v2)
        self.newline()

    def rule(self):
        self.pages[-1].append("0.5 w %g %g m %g %g l S" % (self.LEFT, self.y + 9, 539, self.y + 9))

    def bytes(self, stamp="20260302111500"):
        objs = {}
        first_page = 7
        kids = []
        for i, ops in enumerate(self.pages):
            pnum = first_page + 2 * i
            kids.append("%d 0 R" % pnum)
            stream = ("\n".join(ops) + "\n").encode("latin-1")
            objs[pnum] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                          "/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 6 0 R >> >> /Contents %d 0 R >>" % (pnum + 1)).encode()
            objs[pnum + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), len(self.pages))).encode()
        objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        objs[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
        objs[5] = ("<< /Producer (liaisond heldout gen.py) /CreationDate (D:%sZ) >>" % stamp).encode()
        objs[6] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for num in sorted(objs):
            offsets[num] = len(out)
            out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
        size = max(objs) + 1
        xref = len(out)
        out += b"xref\n0 %d\n" % size
        out += b"0000000000 65535 f \n"
        for num in range(1, size):
            out += b"%010d 00000 n \n" % offsets[num]
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
        return bytes(out)


def itu_pdf_header(pdf, docno, extra_right=("English only", "Original: English")):
    y0 = pdf.y
    for ln in ("INTERNATIONAL TELECOMMUNICATION UNION", "TELECOMMUNICATION STANDARDIZATION SECTOR",
               "STUDY PERIOD 2025-2028"):
        pdf.line(ln, bold=True, size=9, dy=12)
    y1 = pdf.y
    pdf.y = y0
    for i, d in enumerate(docno.split("\n")):
        pdf.line(d, x=400, bold=True, size=12 if i == 0 else 10, dy=14)
    for ln in extra_right:
        pdf.line(ln, x=400, size=9, dy=12)
    pdf.y = min(pdf.y, y1)
    pdf.newline(10)


# --------------------------------------------------------------------------------------------
# RTF (Word-style tables with \trowd..\row) and a tiny PNG for inline signature images.
# --------------------------------------------------------------------------------------------

def rtf_esc(s):
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append("\\'%02x" % ch.encode("cp1252")[0])
    return "".join(out)


def rtf_doc(rows_before, table, paras, author="TSB"):
    out = [r"{\rtf1\ansi\ansicpg1252\deff0\deflang2057{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman\fcharset0 Times New Roman;}}",
           r"{\colortbl;\red0\green0\blue0;\red217\green217\blue217;}",
           r"{\info{\author %s}{\creatim\yr2026\mo3\dy9\hr14\min30}}" % rtf_esc(author),
           r"\paperw11906\paperh16838\margl1134\margr1134\margt1134\margb1134\f0\fs20"]
    for s, bold in rows_before:
        out.append(r"\pard\sa60" + (r"\b " if bold else " ") + rtf_esc(s) + (r"\b0" if bold else "") + r"\par")
    for row in table:
        xs, acc = [], 0
        for w, _ in row:
            acc += w
            xs.append(r"\cellx%d" % acc)
        out.append(r"\trowd\trgaph108\trleft0" + "".join(r"\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs" + x for x in xs))
        cells = []
        for w, cell in row:
            bold = cell.startswith("**")
            cell = cell[2:] if bold else cell
            txt = r"\line ".join(rtf_esc(x) for x in cell.split("\n"))
            cells.append(r"\pard\intbl" + (r"\b " if bold else " ") + txt + (r"\b0" if bold else "") + r"\cell")
        out.append("".join(cells) + r"\row")
    for s, bold in paras:
        out.append(r"\pard\sa120" + (r"\b " if bold else " ") + rtf_esc(s) + (r"\b0" if bold else "") + r"\par")
    out.append("}")
    return ("\r\n".join(out) + "\r\n").encode("ascii")


def png(w=32, h=10, seed=3):
    def chunk(typ, data):
        return struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(typ + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"".join(bytes(((seed * 37 + 5 * x) % 256, (0x40 + 7 * y) % 256, 0x99)) for x in range(w))
                   for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def inline_png(cid, name="image001.png", seed=3):
    data = png(seed=seed)
    return Part([("Content-Type", 'image/png; name="%s"' % name), ("Content-Description", name),
                 ("Content-Disposition", 'inline; filename="%s"; size=%d' % (name, len(data))),
                 ("Content-ID", "<%s>" % cid), ("Content-Transfer-Encoding", "base64")], b64(data))


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" \
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=%(cs)s">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
\t{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}
span.EmailStyle17
\t{mso-style-type:personal-compose;
\tfont-family:"Calibri",sans-serif;
\tcolor:windowtext;}
@page WordSection1
\t{size:612.0pt 792.0pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
\t{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
"""
OUTLOOK_TAIL = "</div>\n</body>\n</html>\n"


def mso_p(s, bold=False):
    inner = "<b>%s<o:p></o:p></b>" % s if bold else "%s<o:p></o:p>" % s
    return '<p class="MsoNormal">%s</p>\n' % inner


MSO_BLANK = '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'


def mso_table(rows, widths=(140, 460)):
    out = ['<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
           'style="border-collapse:collapse;border:none">\n']
    for row in rows:
        out.append("<tr>\n")
        for i, cell in enumerate(row):
            bold = i % 2 == 0 and len(row) > 1
            w = widths[i % len(widths)]
            out.append('<td width="%d" valign="top" style="width:%.1fpt;border:solid windowtext 1.0pt;'
                       'padding:0cm 5.4pt 0cm 5.4pt">\n' % (w, w * 0.75))
            for ln in cell.split("\n"):
                out.append('<p class="MsoNormal">%s%s%s<o:p></o:p></p>\n'
                           % ("<b>" if bold else "", ln, "</b>" if bold else ""))
            out.append("</td>\n")
        out.append("</tr>\n")
    out.append("</table>\n")
    return "".join(out)

# --------------------------------------------------------------------------------------------
# Expected results
# --------------------------------------------------------------------------------------------

FIELDS = ["is_liaison", "title", "from", "from_contacts", "send_reply_to", "to", "to_contacts", "send_to",
          "purpose", "deadline", "in_response_to", "other_identifiers", "delivered_to", "misdirected",
          "route_to", "attachments"]

CASES = []


def case(slug, family, traps):
    """Register a case builder.  Numbers follow registration order; the Rng is keyed on the slug."""
    def deco(fn):
        CASES.append((slug, family, traps, fn))
        return fn
    return deco


def expect(title, frm, from_contacts, send_reply_to, to, to_contacts, send_to, purpose, deadline,
           in_response_to, other_identifiers, delivered_to, misdirected, route_to, attachments):
    return {"is_liaison": True, "title": title, "from": frm, "from_contacts": from_contacts,
            "send_reply_to": send_reply_to, "to": to, "to_contacts": to_contacts, "send_to": send_to,
            "purpose": purpose, "deadline": deadline, "in_response_to": in_response_to,
            "other_identifiers": other_identifiers, "delivered_to": delivered_to, "misdirected": misdirected,
            "route_to": route_to,
            "attachments": [{"filename": f, "content_type": c} for f, c in attachments]}


def negative(delivered_to):
    return {"is_liaison": False, "delivered_to": delivered_to}


def lbl(label, value="", col=16):
    """3GPP/ETSI-style 'Label:<spaces>value' line; \\n in value = continuation line."""
    lines = value.split("\n")
    out = label.ljust(col) + lines[0]
    for ln in lines[1:]:
        out += "\n" + " " * col + ln
    return out.rstrip()


def rjust_pair(left, right, width=78):
    return left + " " * max(2, width - len(left) - len(right)) + right


GPP_REPLY = "3GPP Liaisons Coordinator, mailto:3gppliaison@example.net"


def result(name, eml, exp, raw_deadline, summary):
    return dict(name=name, eml=eml, expect=exp, raw_deadline=raw_deadline, summary=summary)


# ============================================================================================
# Statements: 3GPP
# ============================================================================================

@case("3gpp-sa5-ls-body-attached-tdocs", "3GPP", "non-directory WG (SA5), two addressees, ordinal deadline, attached Tdocs are not own identifiers")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 6, 10, 41, 7, 1)
    body = "\n".join([
        "Dear colleagues,",
        "",
        "On behalf of 3GPP TSG SA WG5, please find below LS S5-262087, approved at",
        "SA5#165. The two attached Tdocs mentioned in the LS can be downloaded from",
        "the 3GPP file server (folder TSG_SA/WG5_TM/TSGS5_165/Docs).",
        "",
        "Kind regards,",
        "Kerstin Albrecht",
        "MCC Support, TSG SA WG5",
        "",
        "-" * 76,
        "",
        rjust_pair("3GPP TSG SA WG5 Meeting #165", "S5-262087", 76),
        "Athens, Greece, 23 - 27 February 2026",
        "",
        lbl("Title:", "LS on alignment of the 5G network resource model with IETF YANG\nmodules for network topology", 18),
        lbl("Response to:", "", 18),
        lbl("Release:", "Rel-20", 18),
        lbl("Work Item:", "NRM_YANG", 18),
        "",
        lbl("Source:", "SA5", 18),
        lbl("To:", "IETF NETMOD WG, IETF OPSAWG", 18),
        lbl("Cc:", "SA WG2, CT WG4", 18),
        "",
        "Contact Person:",
        lbl("  Name:", "Dimitrios Katsaros", 18),
        lbl("  Tel. Number:", "+30 21 0555 0199", 18),
        lbl("  E-mail Address:", "dimitrios.katsaros@example.com", 20),
        "",
        lbl("Send any reply LS to:", GPP_REPLY, 22),
        "",
        lbl("Attachments:", "S5-262101 (draft TS 28.541 CR on topology mapping),\nS5-262102 (YANG module excerpt)", 18),
        "",
        "1. Overall Description:",
        "",
        "SA5 is specifying in Rel-20 a YANG representation of the 5G network",
        "resource model (NRM) fragments that describe transport connectivity",
        "between RAN and core network functions. The current draft reuses the",
        "network and network-topology modules of RFC 8345 and augments them with",
        "3GPP-specific node and termination point attributes.",
        "",
        "SA5 noticed that the revision of the network topology modules discussed",
        "in IETF NETMOD WG may change the way supporting nodes are referenced. SA5",
        "wants to avoid a divergence between the 3GPP augmentations and the",
        "revised IETF modules.",
        "",
        "2. Actions:",
        "",
        "To IETF NETMOD WG",
        "",
        "ACTION: SA5 kindly asks IETF NETMOD WG to review the augmentation",
        "        approach shown in S5-262102 and to provide comments by",
        "        3rd of July 2026.",
        "",
        "To IETF OPSAWG",
        "",
        "ACTION: SA5 asks IETF OPSAWG to take the above into account in its work",
        "        on network inventory models.",
        "",
        "3. Date of Next TSG-SA WG5 Meetings:",
        "",
        "SA5#166        11 - 15 May 2026          Vienna, AT",
        "SA5#167        24 - 28 August 2026       Goteborg, SE",
    ])
    eml = message(
        env(rng, "statements@example.org", "kerstin.albrecht@example.com", "mail.example.com", "192.0.2.31", date) + [
            ("From", addr("Kerstin Albrecht", "kerstin.albrecht@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "S5-262087 LS on alignment of 5G NRM with IETF YANG topology modules"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ],
        text(body))
    exp = expect(
        title="LS on alignment of the 5G network resource model with IETF YANG modules for network topology",
        frm=["3GPP TSG SA WG5"],
        from_contacts=["kerstin.albrecht@example.com", "dimitrios.katsaros@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("NETMOD"), TO("OPSAWG")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-07-03", in_response_to=None,
        other_identifiers=["S5-262087"], delivered_to="statements@example.org", misdirected=False,
        route_to=["NETMOD", "OPSAWG"], attachments=[])
    return result(name, eml, exp, "3rd of July 2026",
                  "3GPP SA5 LS (a WG the directory does not list: `from` in the rules' canonical form) in a "
                  "plain body: indented contact block with Tel. Number, wrapped title, two addressees with "
                  "separate ACTION lines, ordinal deadline wrapped in an indented ACTION paragraph, "
                  "'Attachments:' naming other Tdocs that are not this LS's identifier, next-meeting decoys")


@case("3gpp-sa2-docx-table-rfc2231-name", "3GPP", "DOCX table, RFC 2231 file name, ambiguous DD/MM/YYYY, second intake address")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 22, 8, 3, 51, 2)
    title = "LS on L4S support for PDU Set based QoS handling"
    head = w_tbl([
        [{"t": "3GPP TSG SA WG2 Meeting #173", "b": True}, {"t": "S2-2604512", "b": True, "jc": "right"}],
        ["Jeju, Korea, 13th \u2013 17th April 2026", ""],
    ], [6600, 3000], borders=False)
    fields = w_tbl([
        [{"t": "Title:", "b": True}, {"t": "LS on L4S sup\u00a6port for PDU Set based QoS hand\u00a6ling", "b": True}],
        [{"t": "Response to:", "b": True}, "-"],
        [{"t": "Release:", "b": True}, "Rel-20"],
        [{"t": "Work Item:", "b": True}, "XRM_Ph3"],
        [{"t": "Source:", "b": True}, "SA WG2"],
        [{"t": "To:", "b": True}, "IETF TS\u00a6VWG"],
        [{"t": "Cc:", "b": True}, "RAN WG2, SA WG4"],
        [{"t": "Contact Person:", "b": True}, "Name: Hyun-woo Jang\nE-mail Address: hyunwoo.jang@\u00a6example.com"],
        [{"t": "Send any reply LS to:", "b": True}, "3GPP Liaisons Coordinator, mailto:3gppliaison@example.net"],
        [{"t": "Attachments:", "b": True}, "-"],
    ], [2500, 7100])
    blocks = [head, w_p(""), fields, w_p(""),
              w_p("1. Overall Description:", bold=True),
              w_p("SA2 is studying in Rel-20 how the 5G System can apply Low Latency, Low Loss and Scalable "
                  "throughput (L4S) congestion marking to the packets of a PDU Set, so that an XR application "
                  "receives ECN feedback for all the packets that belong to the same video frame."),
              w_p("The working assumption is that the UPF marks ECN-CE on every packet of a PDU Set when the "
                  "RAN reports congestion for any one of them. Some companies were concerned that this could "
                  "interact badly with the L4S dual-queue coupled AQM in the transport network."),
              w_p("2. Actions:", bold=True),
              w_p("To IETF TSVWG", bold=True),
              w_p("ACTION:\tSA2 kindly asks IETF TSVWG to comment on whether marking all packets of a PDU Set "
                  "is compatible with the L4S framework, and to provide feedback by 05/06/2026.", tabs=[1134]),
              w_p("3. Date of Next TSG SA WG2 Meetings:", bold=True),
              w_p("SA2#174\t18th \u2013 22nd May 2026\tMontr\u00e9al, CA", tabs=[1418, 4536]),
              w_p("SA2#175\t6th \u2013 10th July 2026\tMaastricht, NL", tabs=[1418, 4536])]
    doc = docx(blocks, "Hyun-woo Jang", title)
    fname = "S2-2604512 LS on L4S \u2013 PDU Set QoS (to TSVWG).docx"
    plain = ("Dear IETF liaison coordinators,\n\nSA2 approved the attached LS to IETF TSVWG at SA2#173 (Jeju).\n"
             "Please forward it to the TSVWG chairs.\n\nThank you and best regards,\nPriyanka Deshmukh\n"
             "3GPP MCC \u2013 TSG SA WG2\n")
    htm = ('<div dir="ltr">Dear IETF liaison coordinators,<div><br></div><div>SA2 approved the attached LS to '
           'IETF TSVWG at SA2#173 (Jeju).</div><div>Please forward it to the TSVWG chairs.</div><div><br></div>'
           '<div>Thank you and best regards,</div><div>Priyanka Deshmukh</div><div>3GPP MCC \u2013 TSG SA WG2'
           '</div></div>\n')
    part = multipart("mixed", rng.boundary("gmail"), [
        multipart("alternative", rng.boundary("gmail"), [text(plain, charset="UTF-8", cte="quoted-printable"),
                                                         text(htm, "html", "UTF-8", "quoted-printable")]),
        attachment(doc, DOCX_CT, fname, style="rfc2231"),
    ])
    eml = message(
        env(rng, "liaison-coordination@example.org", "priyanka.deshmukh@example.com", "mail-wr1-f44.example.com",
            "198.51.100.44", date) + [
            ("From", addr("Priyanka Deshmukh", "priyanka.deshmukh@example.com")),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "gmail")),
            ("Subject", "LS S2-2604512 to IETF TSVWG"),
            ("To", "liaison-coordination@example.org"),
        ], part)
    exp = expect(
        title=title, frm=["3GPP TSG SA WG2"],
        from_contacts=["priyanka.deshmukh@example.com", "hyunwoo.jang@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("TSVWG")], to_contacts=[],
        send_to="liaison-coordination@example.org", purpose="action", deadline="2026-06-05", in_response_to=None,
        other_identifiers=["S2-2604512"], delivered_to="liaison-coordination@example.org", misdirected=False,
        route_to=["TSVWG"], attachments=[(fname, DOCX_CT)])
    return result(name, eml, exp, "05/06/2026",
                  "3GPP SA2 LS only in a DOCX table (contact name and e-mail in one cell, words split across "
                  "runs), 'Response to: -'; RFC 2231 "
                  "UTF-8 file name with continuations and an en dash; QP multipart/alternative cover; "
                  "ambiguous 05/06/2026 read day-first; sent to the second intake address")


@case("3gpp-ct3-reply-ls-docx-tabs", "3GPP", "Reply LS, Response to: filled with another Tdoc, tab layout DOCX")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 20, 15, 27, 2, 2)
    title = "Reply LS on HTTP/3 support for service-based interfaces"
    resp = "LS (C3-261037) on HTTP/3 considerations for the 5G service-based architecture from IETF HTTP WG"
    T = [2126]
    blocks = [
        w_p("3GPP TSG CT WG3 Meeting #145\t\t\tC3-262210", bold=True, tabs=[3402, 5670, 8222]),
        w_p("Wuhan, China, 13th - 17th April 2026", bold=True),
        w_p(""),
        w_p("Title:\tReply LS on HTTP/3 sup\u00a6port for service-based interfaces", tabs=T, bold=True),
        w_p("Response to:\tLS (C3-261037) on HTTP/3 considerations for the 5G service-based architecture from "
            "IETF HTTP WG", tabs=T),
        w_p("Release:\tRel-20", tabs=T),
        w_p("Work Item:\tSBI_H3", tabs=T),
        w_p(""),
        w_p("Source:\tCT3", tabs=T),
        w_p("To:\tIETF HTTP WG", tabs=T),
        w_p("Cc:\tCT WG4, SA WG2", tabs=T),
        w_p(""),
        w_p("Contact Person:", bold=True),
        w_p("\tName:\tMei-Ling Chou", tabs=[567, T[0]]),
        w_p("\tE-mail Address:\tmeiling.chou@example.com", tabs=[567, T[0] + 400]),
        w_p(""),
        w_p("Send any reply LS to:\t3GPP Liaisons Coordinator, mailto:3gppliaison@example.net", tabs=[3119]),
        w_p(""),
        w_p("Attachments:\tNone", tabs=T),
        w_p(""),
        w_p("1. Overall Description:", bold=True),
        w_p("CT3 thanks IETF HTTP WG for the LS on HTTP/3 considerations for the 5G service-based architecture."),
        w_p("CT3 confirms that Rel-20 will allow HTTP/3 on the N33 and N5 interfaces as an option, with HTTP/2 "
            "remaining mandatory to support. CT3 agrees with the HTTP WG that the 3GPP-specific header fields "
            "must not depend on the stream mapping of HTTP/2 and has corrected TS 29.500 accordingly."),
        w_p("2. Actions:", bold=True),
        w_p("To IETF HTTP WG", bold=True),
        w_p("ACTION:\tCT3 kindly asks IETF HTTP WG to take the above answers into account and to inform CT3 "
            "of any future update of the HTTP/3 deployment guidance.", tabs=[1134]),
        w_p("3. Date of Next TSG CT WG3 Meetings:", bold=True),
        w_p("CT3#146\t18th - 22nd May 2026\tFukuoka, JP", tabs=[1418, 4536]),
        w_p("CT3#147\t24th - 28th August 2026\tGothenburg, SE", tabs=[1418, 4536]),
    ]
    doc = docx(blocks, "MCC")
    body = ("Dear colleagues,\n\n"
            "Attached please find the reply LS C3-262210 from 3GPP CT WG3 to the IETF\n"
            "HTTP WG.\n\n"
            "Regards,\nOluwaseun Adebayo\n3GPP MCC, CT WG3\n")
    eml = message(
        env(rng, "statements@example.org", "oluwaseun.adebayo@example.com", "mail.example.com", "192.0.2.33", date) + [
            ("From", addr("Oluwaseun Adebayo", "oluwaseun.adebayo@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "C3-262210 Reply LS to IETF HTTP WG"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "outlook")),
        ],
        multipart("mixed", rng.boundary("outlook"), [text(body, charset="us-ascii"),
                                                      attachment(doc, DOCX_CT, "C3-262210.docx")]))
    exp = expect(
        title=title, frm=["3GPP TSG CT WG3"],
        from_contacts=["oluwaseun.adebayo@example.com", "meiling.chou@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("HTTPBIS")], to_contacts=[],
        send_to="statements@example.org", purpose="response", deadline=None, in_response_to=resp,
        other_identifiers=["C3-262210"], delivered_to="statements@example.org", misdirected=False,
        route_to=["HTTPBIS"], attachments=[("C3-262210.docx", DOCX_CT)])
    return result(name, eml, exp, None,
                  "3GPP CT3 Reply LS in a tab-laid DOCX (no table, indented contact block): 'Response to:' "
                  "holds the incoming LS's own 3GPP number (not an identifier of this LS); asks for something "
                  "but is a response; addressee written with a directory alias (IETF HTTP WG)")


@case("3gpp-ran1-action-none-utf8-qp", "3GPP", "ACTION: None, UTF-8 QP body, non-IETF addressee, meeting decoys")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 24, 9, 12, 33, 2)
    body = "\n".join([
        "Dear all,",
        "",
        "please find below the LS R1-2603318 approved by RAN1 at its meeting #124bis",
        "in St. Julian\u2019s.",
        "",
        "Best regards,",
        "Ma\u00eblle Fontaine",
        "ETSI MCC \u2013 3GPP TSG RAN WG1",
        "",
        "\u2500" * 40,
        "",
        "3GPP TSG RAN WG1 #124bis\t\t\t\tR1-2603318",
        "St. Julian\u2019s, Malta, 13th \u2013 17th April 2026",
        "",
        "Title:\t\tLS on time synchronisation accuracy for deterministic services over NR",
        "Response to:\t-",
        "Release:\tRel-20",
        "Work Item:\tNR_DetCom",
        "",
        "Source:\t\tRAN1",
        "To:\t\tIEEE 802.1 WG, IETF DetNet WG",
        "Cc:\t\tRAN2, SA2",
        "",
        "Contact Person:",
        "Name:\t\tTom\u00e1s Herrera",
        "E-mail Address:\ttomas.herrera@example.com",
        "",
        "Send any reply LS to:\t" + GPP_REPLY,
        "",
        "Attachments:\tNone",
        "",
        "1. Overall Description:",
        "",
        "RAN1 has completed the evaluation of the time synchronisation accuracy that the",
        "NR air interface can provide to a UE acting as a time-aware end station. With",
        "propagation delay compensation, the uncertainty at the Uu reference point is",
        "below \u00b1 95 ns for 99.9 % of the UEs in the evaluated indoor scenarios, and",
        "below \u00b1 0.5 \u00b5s in the urban macro scenarios.",
        "",
        "RAN1 believes this information may be useful for the work of IEEE 802.1 on",
        "time synchronisation profiles and of IETF DetNet WG on bounded latency.",
        "",
        "2. Actions:",
        "",
        "To IEEE 802.1 WG and IETF DetNet WG",
        "",
        "ACTION: None.",
        "",
        "3. Date of Next TSG-RAN WG1 Meetings:",
        "",
        "RAN1#125\t17th \u2013 21st August 2026\t\tG\u00f6teborg, SE",
        "RAN1#126\t12th \u2013 16th October 2026\t\tXi\u2019an, CN",
    ])
    eml = message(
        env(rng, "statements@example.org", "maelle.fontaine@example.com", "mail.example.com", "192.0.2.34", date) + [
            ("From", addr("Ma\u00eblle Fontaine", "maelle.fontaine@example.com", "utf-8", "Q")),
            ("To", "statements@example.org"),
            ("Subject", subj("[RAN1] LS on time synchronisation accuracy \u2013 R1-2603318", "utf-8", "Q")),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body, charset="utf-8", cte="quoted-printable"))
    exp = expect(
        title="LS on time synchronisation accuracy for deterministic services over NR", frm=["3GPP TSG RAN WG1"],
        from_contacts=["maelle.fontaine@example.com", "tomas.herrera@example.com"],
        send_reply_to="3gppliaison@example.net", to=["IEEE 802.1 WG", TO("DETNET")], to_contacts=[],
        send_to="statements@example.org", purpose="information", deadline=None, in_response_to=None,
        other_identifiers=["R1-2603318"], delivered_to="statements@example.org", misdirected=False,
        route_to=["DETNET"], attachments=[])
    return result(name, eml, exp, None,
                  "3GPP RAN1 LS in a UTF-8 quoted-printable body with tab-separated labels and a Q-encoded "
                  "subject carrying a list tag: 'ACTION: None.' (information), a non-IETF body first in To, "
                  "next-meeting dates with ordinals as decoys")


@case("3gpp-ct1-ct4-joint-ls-base64", "3GPP", "joint LS (two sources), two contacts, base64 body, meeting decoy next to deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 29, 18, 44, 2, 2)
    body = "\n".join([
        "Hello,",
        "",
        "Below is the joint LS from CT1 and CT4 (C1-262977). It was approved by CT1",
        "at CT1#160 and by CT4 by e-mail approval ending 27 May 2026.",
        "",
        "BR,",
        "Gabriela Nowicka",
        "MCC CT1",
        "",
        "3GPP TSG CT WG1 Meeting #160                                    C1-262977",
        "Vienna, Austria, 18 \u2013 22 May 2026",
        "",
        "Title:          LS on DNS resolver selection for UEs with multiple PDU sessions",
        "Response to:    \u2013",
        "Release:        Rel-20",
        "Work Item:      eEDNS",
        "",
        "Source:         CT1, CT4",
        "To:             IETF DNSOP WG, IETF DHC WG",
        "Cc:             SA WG2",
        "",
        "Contact Person:",
        "Name:           Arvid Sundqvist (CT1)",
        "E-mail Address: arvid.sundqvist@example.com",
        "Name:           Nkechi Obi (CT4)",
        "E-mail Address: nkechi.obi@example.com",
        "",
        "Send any reply LS to:  " + GPP_REPLY,
        "",
        "Attachments:    None",
        "",
        "1. Overall Description:",
        "",
        "CT1 and CT4 are specifying how a UE with several simultaneous PDU sessions",
        "selects the DNS resolver for a query when each session advertises its own",
        "encrypted resolver. The current text requires the UE to use the resolver of",
        "the PDU session over which the resulting traffic will be routed.",
        "",
        "2. Actions:",
        "",
        "To IETF DNSOP WG and IETF DHC WG",
        "",
        "ACTION: CT1 and CT4 kindly ask IETF DNSOP WG and IETF DHC WG whether the",
        "approach above is consistent with the IETF guidance on multiple provisioning",
        "domains, and to reply no later than 11 September 2026 so that the answer can",
        "be considered at CT1#161 (14 \u2013 18 September 2026).",
        "",
        "3. Date of Next TSG CT WG1 and CT WG4 Meetings:",
        "",
        "CT1#161   14 \u2013 18 September 2026   Dallas, US",
        "CT4#137   21 \u2013 25 September 2026   Prague, CZ",
    ])
    eml = message(
        env(rng, "statements@example.org", "gabriela.nowicka@example.com", "mail.example.com", "192.0.2.35", date) + [
            ("From", addr("Gabriela Nowicka", "gabriela.nowicka@example.com")),
            ("To", addr("IETF Liaison Statements", "statements@example.org")),
            ("Subject", "C1-262977 joint CT1/CT4 LS on DNS resolver selection"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body, charset="utf-8", cte="base64"))
    exp = expect(
        title="LS on DNS resolver selection for UEs with multiple PDU sessions",
        frm=["3GPP TSG CT WG1", "3GPP TSG CT WG4"],
        from_contacts=["gabriela.nowicka@example.com", "arvid.sundqvist@example.com", "nkechi.obi@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("DNSOP"), TO("DHC")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-09-11", in_response_to=None,
        other_identifiers=["C1-262977"], delivered_to="statements@example.org", misdirected=False,
        route_to=["DNSOP", "DHC"], attachments=[])
    return result(name, eml, exp, "11 September 2026",
                  "Joint 3GPP LS (Source: CT1, CT4, so two `from` entries) in a UTF-8 base64 body, two "
                  "name/e-mail pairs, intake address with a display name; the deadline sentence also names the "
                  "next meeting's dates; e-mail approval date as a decoy")


@case("3gpp-sa3-misdirected-to-lamps", "3GPP", "MISDIRECTED (LS for OAuth delivered at the LAMPS list), weekday deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 10, 13, 5, 44, 1)
    body = "\n".join([
        "Dear colleagues,",
        "",
        "SA3 agreed the LS below at SA3#126. I hope this list is the right place for",
        "it; please pass it on otherwise.",
        "",
        "Regards,",
        "Hannah Kowalczyk",
        "MCC, 3GPP TSG SA WG3",
        "",
        rjust_pair("3GPP TSG SA WG3 Meeting #126", "S3-262455", 74),
        "Dubrovnik, Croatia, 2 - 6 March 2026",
        "",
        lbl("Title:", "LS on sender-constrained access tokens in the service-based architecture", 14),
        lbl("Response to:", "", 14),
        lbl("Release:", "Rel-20", 14),
        lbl("Work Item:", "eSBAsec", 14),
        "",
        lbl("Source:", "SA3", 14),
        lbl("To:", "IETF OAuth WG", 14),
        lbl("Cc:", "CT WG4, SA WG6", 14),
        "",
        "Contact Person:",
        lbl("Name:", "Raul Etxeberria", 14),
        lbl("E-mail:", "raul.etxeberria@example.com", 14),
        "",
        "Send any reply LS to: " + GPP_REPLY,
        "",
        lbl("Attachments:", "None", 14),
        "",
        "1. Overall Description:",
        "",
        "SA3 is studying how an NF service consumer can prove possession of the key",
        "bound to an OAuth 2.0 access token issued by the NRF, so that a token",
        "leaked from one NF cannot be replayed by another. Both mutual-TLS",
        "certificate-bound tokens and DPoP are being considered.",
        "",
        "2. Actions:",
        "",
        "To IETF OAuth WG",
        "",
        "ACTION: SA3 kindly asks IETF OAuth WG to indicate whether DPoP is suitable",
        "for server-to-server use with very short-lived tokens, and to reply by",
        "Thursday 30 April 2026.",
        "",
        "3. Date of Next TSG-SA WG3 Meetings:",
        "",
        "SA3#127      11 - 15 May 2026        Fukuoka, JP",
        "SA3#128      17 - 21 August 2026     Goa, IN",
    ])
    assert weekday(2026, 4, 30) == "Thursday"
    eml = message(
        env(rng, "lamps@example.org", "hannah.kowalczyk@example.com", "mail.example.com", "192.0.2.36", date) + [
            ("From", addr("Hannah Kowalczyk", "hannah.kowalczyk@example.com")),
            ("To", "lamps@example.org"),
            ("Subject", "[S3-262455] LS on sender-constrained access tokens in SBA"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body))
    exp = expect(
        title="LS on sender-constrained access tokens in the service-based architecture", frm=["3GPP TSG SA WG3"],
        from_contacts=["hannah.kowalczyk@example.com", "raul.etxeberria@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("OAUTH")], to_contacts=[], send_to=None,
        purpose="action", deadline="2026-04-30", in_response_to=None, other_identifiers=["S3-262455"],
        delivered_to="lamps@example.org", misdirected=True, route_to=["OAUTH"], attachments=[])
    return result(name, eml, exp, "Thursday 30 April 2026",
                  "MISDIRECTED: 3GPP SA3 LS for IETF OAuth WG mailed to and delivered at the LAMPS list (dropped "
                  "from to_contacts, send_to null); 'E-mail:' label; weekday-prefixed deadline without comma "
                  "wrapped at the end of the ACTION sentence")


@case("3gpp-sa6-docx-table-weekday", "3GPP", "non-directory WG (SA6), DOCX table with shaded label column, weekday deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 26, 11, 20, 8, 9)
    title = "LS on OAuth 2.0 authorization for API invokers across edge data networks"
    L = {"b": True, "shade": "D9D9D9"}
    head = w_tbl([
        [{"t": "3GPP TSG-SA WG6 Meeting #72", "b": True}, {"t": "S6-262130", "b": True, "jc": "right"}],
        ["Jeju, Republic of Korea, 18 - 22 May 2026", {"t": "Agenda item: 8.3", "jc": "right"}],
    ], [6800, 2800], borders=False)
    fields = w_tbl([
        [dict(L, t="Title:"), {"t": "LS on OAuth 2.0 author\u00a6ization for API invokers across edge data networks", "b": True}],
        [dict(L, t="Response to:"), ""],
        [dict(L, t="Release:"), "Release 20"],
        [dict(L, t="Work Items:"), "eEDGEAPP_Ph3, CAPIF_Ph4"],
        [dict(L, t="Source:"), "SA WG6"],
        [dict(L, t="To:"), "IETF OAuth WG, IETF HTTP WG"],
        [dict(L, t="Cc:"), "SA WG3, CT WG3"],
        [dict(L, t="Contact Person:"), "Jae-sung Park\nSamjin Telecom\njaesung.park@example.com"],
        [dict(L, t="Send any reply LS to:"), "3GPP Liaisons Coordinator, mailto:3gppliaison@example.net"],
        [dict(L, t="Attachments:"), "None"],
    ], [2600, 7000])
    assert weekday(2026, 9, 16) == "Wednesday"
    blocks = [head, w_p(""), fields, w_p(""),
              w_p("1. Overall Description", bold=True, style="Heading1"),
              w_p("SA6 is enhancing the Common API Framework (CAPIF) so that an API invoker authorised in one "
                  "edge data network can invoke the same service API in a neighbouring edge data network "
                  "without a new authorization round trip. The current proposal transfers the OAuth 2.0 access "
                  "token together with the application context."),
              w_p("SA6 has two questions where the guidance of the IETF would be valuable: whether token "
                  "exchange is the recommended mechanism for re-scoping a token to a new resource server, and "
                  "whether HTTP message signatures are appropriate to bind the transferred token to the "
                  "application context."),
              w_p("2. Actions", bold=True, style="Heading1"),
              w_p("To IETF OAuth WG and IETF HTTP WG", bold=True),
              w_p("ACTION:\tSA6 kindly asks IETF OAuth WG and IETF HTTP WG to provide feedback on the two "
                  "questions above by Wednesday, 16 September 2026.", tabs=[1134]),
              w_p("3. Dates of Next TSG-SA WG6 Meetings", bold=True, style="Heading1"),
              w_p("SA6#73\t13 - 17 July 2026\tMaastricht, NL", tabs=[1418, 4536]),
              w_p("SA6#74\t12 - 16 October 2026\tSan Diego, US", tabs=[1418, 4536])]
    doc = docx(blocks, "Jae-sung Park", title)
    body = ("Dear IETF Liaison Team,\n\n"
            "Please find attached an LS from 3GPP SA6 addressed to the IETF OAuth and\n"
            "HTTP working groups (S6-262130).\n\n"
            "Best regards,\nJae-sung Park\nSA6 delegate, Samjin Telecom\n")
    eml = message(
        env(rng, "statements@example.org", "jaesung.park@example.com", "mail.example.com", "203.0.113.61", date) + [
            ("From", addr("Jae-sung Park", "jaesung.park@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "[SA6] LS to IETF OAuth WG and IETF HTTP WG"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("X-Mailer", "Samjin Webmail 5.1"),
        ],
        multipart("mixed", rng.boundary(), [text(body, charset="utf-8", cte="7bit"),
                                             attachment(doc, DOCX_CT, "S6-262130.docx")]))
    exp = expect(
        title=title, frm=["3GPP TSG SA WG6"], from_contacts=["jaesung.park@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("OAUTH"), TO("HTTPBIS")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-09-16", in_response_to=None,
        other_identifiers=["S6-262130"], delivered_to="statements@example.org", misdirected=False,
        route_to=["OAUTH", "HTTPBIS"], attachments=[("S6-262130.docx", DOCX_CT)])
    return result(name, eml, exp, "Wednesday, 16 September 2026",
                  "3GPP SA6 LS (WG not in the directory) in a DOCX table with a shaded label column and the "
                  "contact (name, company, address) in one cell; agenda item beside the Tdoc; "
                  "the sender is also the contact; 'Work Items:' plural; weekday-prefixed deadline")


@case("3gpp-ran4-pdf-info-contribution-decoy", "3GPP", "non-directory WG (RAN4) LS as PDF, information, contribution deadline as decoy")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 3, 16, 2, 19, 1)
    title = "LS on test methods for packet delay budget verification of IAB nodes"
    pdf = PDF(serif=True)
    pdf.put(pdf.LEFT, pdf.y, "3GPP TSG RAN WG4 Meeting #119", bold=True, size=11)
    pdf.put(430, pdf.y, "R4-2606021", bold=True, size=11)
    pdf.newline(14)
    pdf.line("Fukuoka, Japan, 18th - 22nd May 2026", bold=True, size=11, dy=26)
    pdf.kv("Title:", ["LS on test meth", 22, "ods for packet delay budget verification of IAB nodes"], vx=150)
    pdf.kv("Response to:", "", vx=150)
    pdf.kv("Release:", "Rel-20", vx=150)
    pdf.kv("Work Item:", "NR_IAB_enh3-Perf", vx=150)
    pdf.newline(6)
    pdf.kv("Source:", "RAN4", vx=150)
    pdf.kv("To:", "IETF BMWG", vx=150)
    pdf.kv("Cc:", "RAN3", vx=150)
    pdf.newline(6)
    pdf.line("Contact Person:", bold=True)
    pdf.kv("   Name:", "Lukas Brenner", vx=150)
    pdf.kv("   E-mail Address:", "lukas.brenner@example.com", vx=150)
    pdf.newline(6)
    pdf.kv("Send any reply LS to:", "3GPP Liaisons Coordinator, mailto:3gppliaison@example.net", vx=170)
    pdf.kv("Attachments:", "None", vx=150)
    pdf.newline(10)
    pdf.line("1. Overall Description:", bold=True)
    pdf.para("RAN4 has agreed conformance test methods that verify the packet delay budget of an Integrated "
             "Access and Backhaul (IAB) node under load. The test equipment injects timestamped test packets at "
             "the IAB-donor and measures one-way delay at the IAB-node access link, reusing the terminology of "
             "the IETF benchmarking methodology where possible.")
    pdf.para("RAN4 would like to inform IETF BMWG of this work, since the methods may be of interest for the "
             "benchmarking of backhaul equipment.")
    pdf.line("2. Actions:", bold=True)
    pdf.line("To IETF BMWG", bold=True)
    pdf.para("ACTION: None. The LS is provided for information.")
    pdf.line("3. Dates of next TSG RAN WG4 meetings:", bold=True)
    pdf.line("RAN4#120      24th - 28th August 2026      Toronto, CA")
    pdf.line("RAN4#121      12th - 16th October 2026     Prague, CZ")
    pdf.para("The contribution submission deadline for RAN4#120 is 14 August 2026, 23:59 UTC.")
    body = ("Dear IETF colleagues,\n\n"
            "RAN4 would like to share the attached LS (PDF version of R4-2606021) with\n"
            "the IETF Benchmarking Methodology Working Group.\n\n"
            "Kind regards,\nLukas Brenner\nRAN4 delegate\n")
    eml = message(
        env(rng, "statements@example.org", "lukas.brenner@example.com", "smtp.example.com", "198.51.100.19", date) + [
            ("From", addr("Brenner, Lukas", "lukas.brenner@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "RAN4 LS to IETF BMWG (R4-2606021)"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "outlook")),
        ],
        multipart("mixed", rng.boundary("outlook"), [text(body),
                                                      attachment(pdf.bytes(), "application/pdf", "R4-2606021.pdf")]))
    exp = expect(
        title=title, frm=["3GPP TSG RAN WG4"], from_contacts=["lukas.brenner@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("BMWG")], to_contacts=[], send_to="statements@example.org",
        purpose="information", deadline=None, in_response_to=None, other_identifiers=["R4-2606021"],
        delivered_to="statements@example.org", misdirected=False, route_to=["BMWG"],
        attachments=[("R4-2606021.pdf", "application/pdf")])
    return result(name, eml, exp, None,
                  "3GPP RAN4 LS (WG not in the directory) as a Times-Roman PDF with the 3GPP label block, title "
                  "split by TJ kerning; 'ACTION: None' (information); a contribution submission deadline and "
                  "next-meeting dates as decoys; 'Last, First' display name")


@case("3gpp-sa1-rfc822-fwd-orig-to-liaison-role", "3GPP", "message/rfc822 forward by the liaison manager; original To: a 'liaison' role address (send_to)")
def _(name):
    rng = Rng(name)
    inner_date = mdate(2026, 3, 2, 17, 30, 0, 1)
    date = mdate(2026, 3, 4, 7, 58, 14, -5)
    title = "LS on randomized MAC addresses and device identification in 5G-enabled WLAN access"
    T = [2268]
    blocks = [
        w_p("3GPP TSG-SA WG1 Meeting #113\t\t\tS1-261544", bold=True, tabs=[3402, 5670, 7938]),
        w_p("Bengaluru, India, 23 \u2013 27 February 2026", bold=True),
        w_p(""),
        w_p("Title:\tLS on randomized MAC add\u00a6resses and device identification in 5G-enabled WLAN access", tabs=T),
        w_p("Response to:\t", tabs=T),
        w_p("Release:\tRel-20", tabs=T),
        w_p("Work Item:\tFS_WLAN_Priv", tabs=T),
        w_p(""),
        w_p("Source:\tSA1", tabs=T),
        w_p("To:\tIETF MADINAS WG", tabs=T),
        w_p("Cc:\tSA2, SA3", tabs=T),
        w_p(""),
        w_p("Contact Person:", bold=True),
        w_p("Name:\tAnjali Rao", tabs=T),
        w_p("E-mail Address:\tanjali.rao@example.com", tabs=T),
        w_p(""),
        w_p("Send any reply LS to:\t3GPP Liaisons Coordinator, mailto:3gppliaison@example.net", tabs=[3402]),
        w_p("Attachments:\tNone", tabs=T),
        w_p(""),
        w_p("1. Overall Description:", bold=True),
        w_p("SA1 is studying service requirements for UEs that access the 5G core through WLAN with randomized "
            "and changing MAC addresses. Operators need to keep policy continuity for such UEs, while users "
            "expect that the MAC address randomization offered by their device is not defeated."),
        w_p("2. Actions:", bold=True),
        w_p("To IETF MADINAS WG", bold=True),
        w_p("ACTION:\tSA1 asks IETF MADINAS WG to share its view on identifiers that could be used for policy "
            "continuity without tracking, and kindly requests a reply by end of August 2026.", tabs=[1134]),
        w_p("3. Date of Next TSG-SA WG1 Meetings:", bold=True),
        w_p("SA1#114\t11 \u2013 15 May 2026\tSeville, ES", tabs=[1418, 4536]),
        w_p("SA1#115\t17 \u2013 21 August 2026\tBerlin, DE", tabs=[1418, 4536]),
    ]
    doc = docx(blocks, "MCC")
    inner_body = ("Dear IETF Liaison Manager to 3GPP,\n\n"
                  "Please find attached LS S1-261544 from 3GPP TSG SA WG1 to IETF MADINAS WG,\n"
                  "approved at SA1#113.\n\n"
                  "Best regards,\nIn\u00eas Carvalho\nMCC, 3GPP TSG SA WG1\n")
    inner = message([
        ("Return-Path", "<ines.carvalho@example.com>"),
        ("From", addr("In\u00eas Carvalho", "ines.carvalho@example.com", "iso-8859-1", "Q")),
        ("To", addr("IETF Liaison Manager to 3GPP", "3gpp-liaison@example.org")),
        ("Subject", "S1-261544 LS on randomized MAC addresses in 5G-enabled WLAN access"),
        ("Date", inner_date),
        ("Message-ID", rng.msgid("example.com")),
    ], multipart("mixed", rng.boundary(), [text(inner_body, charset="iso-8859-1", cte="quoted-printable"),
                                            attachment(doc, DOCX_CT, "S1-261544.docx")]))
    outer_body = ("Hi,\n\nThis SA1 LS came to the 3GPP liaison-manager alias only. Forwarding it\n"
                  "(original attached) so that it is recorded and goes to MADINAS.\n\n"
                  "Marek\n-- \nMarek Dvorak\nIETF Liaison Manager to 3GPP\n")
    eml = message(
        env(rng, "statements@example.org", "marek.dvorak@example.com", "mail.example.com", "192.0.2.39", date) + [
            ("From", addr("Marek Dvorak", "marek.dvorak@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "Fwd: S1-261544 LS on randomized MAC addresses in 5G-enabled WLAN access"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("User-Agent", "Mozilla Thunderbird"),
        ],
        multipart("mixed", rng.boundary("thunderbird"), [
            text(outer_body, charset="UTF-8", params="; format=flowed"),
            rfc822(inner, "S1-261544 LS on randomized MAC addresses in 5G-enabled WLAN access.eml"),
        ]))
    exp = expect(
        title=title, frm=["3GPP TSG SA WG1"],
        from_contacts=["ines.carvalho@example.com", "anjali.rao@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("MADINAS")], to_contacts=[],
        send_to="3gpp-liaison@example.org", purpose="action", deadline="2026-08-31", in_response_to=None,
        other_identifiers=["S1-261544"], delivered_to="statements@example.org", misdirected=False,
        route_to=["MADINAS"], attachments=[("S1-261544.docx", DOCX_CT)])
    return result(name, eml, exp, "end of August 2026",
                  "3GPP SA1 LS forwarded by the IETF liaison manager as message/rfc822: the original went To: "
                  "the role address 3gpp-liaison@example.org ('liaison' local part, so it is send_to and not a "
                  "to_contact); original sender in iso-8859-1 QP; the DOCX inside the forwarded message is an "
                  "attachment, the .eml wrapper is not; forwarder excluded from contacts; 'end of August'")


@case("3gpp-sa2-reply-ls-empty-response-to", "3GPP", "Reply LS with EMPTY 'Response to:' (quoted earlier title in prose), quoted original with its own deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 1, 12, 0, 9, 2)
    parent = "<liaison-out-2231.%s@example.org>" % rng.hex(8)
    earlier = "Operational considerations for L4S in mobile networks"
    title = "Reply LS on operational considerations for L4S in mobile networks"
    body = "\n".join([
        "Dear TSVWG chairs, dear IETF liaison team,",
        "",
        "Please find below the reply from SA2, S2-2605120, approved at SA2#174.",
        "",
        "Best regards,",
        "Tiago Mendon\u00e7a",
        "3GPP MCC \u2013 SA WG2",
        "",
        "-" * 60,
        "3GPP TSG SA WG2 Meeting #174                      S2-2605120",
        "Montr\u00e9al, Canada, 18 - 22 May 2026",
        "",
        "Title:          Reply LS on operational considerations for L4S in",
        "                mobile networks",
        "Response to:",
        "Release:        Rel-20",
        "Work Item:      XRM_Ph3",
        "",
        "Source:         SA WG2",
        "To:             IETF TSVWG",
        "Cc:             RAN WG2, RAN WG3",
        "",
        "Contact Person:",
        "Name:           Ewa Zielinska",
        "E-mail Address: ewa.zielinska@example.com",
        "",
        "Send any reply LS to:   " + GPP_REPLY,
        "",
        "Attachments:    None",
        "",
        "1. Overall Description:",
        "",
        "SA2 thanks IETF TSVWG for the LS \u201c%s\u201d" % earlier,
        "(received as S2-2602201). SA2 has taken the recommendations into account:",
        "the UPF will not re-mark ECT(1) packets, and ECN marking of all packets of a",
        "PDU Set is only applied when the application has requested it.",
        "",
        "2. Actions:",
        "",
        "To IETF TSVWG",
        "",
        "ACTION: None.",
        "",
        "3. Date of Next TSG-SA WG2 Meetings:",
        "",
        "SA2#175     6 - 10 July 2026          Maastricht, NL",
        "SA2#176     24 - 28 August 2026       Goa, IN",
        "",
        "",
        "On 12/02/2026 17:20, IETF TSVWG chairs wrote:",
        "> Title: %s" % earlier,
        "> From: IETF TSVWG",
        "> To: 3GPP TSG SA WG2",
        "> Purpose: For action",
        "> Deadline: 2026-05-31",
        "> Contact: tsvwg-chairs@example.org",
        ">",
        "> TSVWG recommends that 5GS nodes do not re-mark ECT(1) and asks SA2 to",
        "> describe when all packets of a PDU Set would be marked.",
    ])
    eml = message(
        env(rng, "statements@example.org", "tiago.mendonca@example.com", "mail.example.com", "192.0.2.40", date) + [
            ("From", addr("Tiago Mendon\u00e7a", "tiago.mendonca@example.com", "utf-8", "Q")),
            ("To", "statements@example.org"),
            ("Cc", "tsvwg-chairs@example.org"),
            ("Subject", "Re: Liaison to 3GPP SA2: " + earlier),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("In-Reply-To", parent),
            ("References", parent),
        ],
        text(body, charset="utf-8", cte="8bit"))
    exp = expect(
        title=title, frm=["3GPP TSG SA WG2"],
        from_contacts=["tiago.mendonca@example.com", "ewa.zielinska@example.com"],
        send_reply_to="3gppliaison@example.net", to=[TO("TSVWG")], to_contacts=[],
        send_to="statements@example.org", purpose="response", deadline=None, in_response_to=earlier,
        other_identifiers=["S2-2605120"], delivered_to="statements@example.org", misdirected=False,
        route_to=["TSVWG"], attachments=[])
    return result(name, eml, exp, None,
                  "3GPP SA2 Reply LS in a UTF-8 8bit body with an EMPTY 'Response to:' line: the reply is shown by "
                  "the 'Reply LS' title and the quoted earlier title in curly quotes; wrapped title; the quoted "
                  "original below carries its own Title:/From:/To:/Purpose:/Deadline: lines; receiving-side "
                  "chairs only in Cc:")


@case("3gpp-ran3-misdirected-to-iab", "3GPP", "MISDIRECTED (LS for TSVWG delivered at the IAB address), DD-Mon-YYYY")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 9, 4, 10, 15, 0, 1)
    body = "\n".join([
        "Dear IAB members,",
        "",
        "RAN3 approved the following LS to the IETF at RAN3#131. As we could not",
        "identify the right mailing list, we send it to the IAB.",
        "",
        "Kind regards,",
        "Chidi Okafor",
        "3GPP MCC, TSG RAN WG3",
        "",
        "*" * 70,
        "3GPP TSG-RAN WG3 Meeting #131                         R3-264418",
        "Maastricht, the Netherlands, 24th - 28th August 2026",
        "",
        lbl("Title:", "LS on SCTP multi-homing and path failover for NG-C and F1-C", 22),
        lbl("Response to:", "", 22),
        lbl("Release:", "Rel-20", 22),
        lbl("Work Item:", "NR_Mob_enh3-Core", 22),
        "",
        lbl("Source:", "RAN WG3", 22),
        lbl("To:", "IETF TSVWG", 22),
        lbl("Cc:", "RAN WG2, CT WG4", 22),
        "",
        "Contact Person:",
        lbl("Name:", "Chidi Okafor", 22),
        lbl("E-mail Address:", "chidi.okafor@example.com", 22),
        "",
        lbl("Send any reply LS to:", GPP_REPLY, 22),
        "",
        lbl("Attachments:", "None", 22),
        "",
        "1. Overall Description:",
        "",
        "NG-C and F1-C use SCTP with multi-homing. Operators reported that path",
        "failover takes several seconds with the default retransmission parameters,",
        "which is too long for the signalling of time-critical services.",
        "",
        "2. Actions:",
        "",
        "To IETF TSVWG",
        "",
        "ACTION: RAN3 kindly asks IETF TSVWG to advise on recommended values for the",
        "Path.Max.Retrans and RTO.Min parameters in this deployment and on the",
        "applicability of the SCTP potentially-failed state. RAN3 would appreciate a",
        "reply by 17-Nov-2026.",
        "",
        "3. Date of Next TSG-RAN WG3 Meetings:",
        "",
        "RAN3#132          12th - 16th October 2026         Hefei, CN",
        "RAN3#133          16th - 20th November 2026        Orlando, US",
    ])
    eml = message(
        env(rng, "iab@example.org", "chidi.okafor@example.com", "mail.example.com", "192.0.2.41", date) + [
            ("From", addr("Chidi Okafor", "chidi.okafor@example.com")),
            ("To", addr("Internet Architecture Board", "iab@example.org")),
            ("Subject", "R3-264418 LS on SCTP multi-homing and path failover"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body))
    exp = expect(
        title="LS on SCTP multi-homing and path failover for NG-C and F1-C", frm=["3GPP TSG RAN WG3"],
        from_contacts=["chidi.okafor@example.com"], send_reply_to="3gppliaison@example.net", to=[TO("TSVWG")],
        to_contacts=[], send_to=None, purpose="action", deadline="2026-11-17", in_response_to=None,
        other_identifiers=["R3-264418"], delivered_to="iab@example.org", misdirected=True, route_to=["TSVWG"],
        attachments=[])
    return result(name, eml, exp, "17-Nov-2026",
                  "MISDIRECTED: 3GPP RAN3 LS for IETF TSVWG mailed to and delivered at the IAB address (a "
                  "directory group other than the addressee; dropped from to_contacts); the sender is also "
                  "the contact person; DD-Mon-YYYY deadline; a meeting in the same month as a decoy")


# ============================================================================================
# Statements: ITU-T
# ============================================================================================

ITU_TOP = "INTERNATIONAL TELECOMMUNICATION UNION\nTELECOMMUNICATION\nSTANDARDIZATION SECTOR\nSTUDY PERIOD 2025-2028"


def itu_header_double(docno, questions, meeting, sg, wp, source, title, widths=(1800, 3000, 1800, 3000)):
    """ITU-T TD header: two label/value pairs per row."""
    return w_tbl([
        [{"t": ITU_TOP, "span": 2, "b": True}, {"t": docno, "span": 2, "b": True, "jc": "right"}],
        [{"t": "", "span": 2}, {"t": "English only\nOriginal: English", "span": 2, "jc": "right"}],
        [{"t": "Question(s):", "b": True}, questions, {"t": "Meeting, date:", "b": True}, meeting],
        [{"t": "Study Group:", "b": True}, sg, {"t": "Working Party:", "b": True}, wp],
        [{"t": "Source:", "b": True}, {"t": source, "span": 3}],
        [{"t": "Title:", "b": True}, {"t": title, "span": 3, "b": True}],
    ], list(widths))


def itu_header_single(docno, rows, widths=(2600, 7000)):
    """ITU-T TD header: one label/value pair per row."""
    return w_tbl([[{"t": ITU_TOP, "b": True}, {"t": docno, "b": True, "jc": "right"}]]
                 + [[{"t": l, "b": True}, {"t": v, "b": l == "Title:"}] for l, v in rows], list(widths))


def itu_ls_table(fa, fc, fi, approval, deadline, contacts, widths=(1900, 4100, 3600)):
    rows = [[{"t": "LIAISON STATEMENT", "span": 3, "b": True, "jc": "center"}],
            [{"t": "For action to:", "b": True}, {"t": fa, "span": 2}],
            [{"t": "For comment to:", "b": True}, {"t": fc, "span": 2}],
            [{"t": "For information to:", "b": True}, {"t": fi, "span": 2}],
            [{"t": "Approval:", "b": True}, {"t": approval, "span": 2}],
            [{"t": "Deadline:", "b": True}, {"t": deadline, "span": 2}]]
    for who, tel in contacts:
        rows.append([{"t": "Contact:", "b": True}, who, tel])
    return w_tbl(rows, list(widths))


def tsb_cover(sg, docno, extra=""):
    return ("Dear Sir/Madam,\n\n"
            "Please find attached a liaison statement from ITU-T Study Group %s (%s).\n%s\n"
            "Best regards,\n\nTSB Study Group %s Secretariat\nInternational Telecommunication Union\n"
            % (sg, docno, extra, sg))


@case("itut-sg15-docx-double-pairs-three-contacts", "ITU-T", "DOCX double pairs, action+comment+information rows, three Contact rows")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 30, 14, 22, 5, 2)
    title = "LS on synchronization performance monitoring in OTN and packet transport YANG models"
    blocks = [
        itu_header_double("SG15-LS201\nTD 2044 (PLEN/15)", "13/15, 14/15", "Geneva, 16-27 March 2026", "15",
                          "3", "ITU-T Study Group 15",
                          "LS on synchronization perfor\u00a6mance monitoring in OTN and packet transport YANG models"),
        w_p(""),
        itu_ls_table("IETF CCAMP WG", "IETF TEAS WG", "Broadband Forum, IETF OPSAWG",
                     "Agreed to at Study Group 15 meeting (Geneva, 27 March 2026)", "1 October 2026",
                     [("Aleksander Wi\u015bniewski\nVistula Photonics\nPoland",
                       "Tel: +48 22 555 0171\nE-mail: aleksander.wisniewski@example.com"),
                      ("Yuki Tanabe\nKomorebi Networks\nJapan",
                       "Tel: +81 3 5555 0148\nE-mail: yuki.tanabe@\u00a6example.com"),
                      ("Fatima Al-Mansouri\nDesert Link Telecom\nUnited Arab Emirates",
                       "Tel: +971 4 555 0190\nE-mail: fatima.almansouri@example.com")]),
        w_p(""),
        w_p("Abstract: This liaison statement informs about the synchronization performance monitoring "
            "parameters agreed in draft Recommendation G.8275.3 and asks IETF CCAMP WG for their inclusion in "
            "the YANG models.", italic=True),
        w_p("Q13/15 and Q14/15 thank IETF CCAMP WG and IETF TEAS WG for the continued collaboration on the "
            "management of transport networks."),
        w_p("At the March 2026 meeting, SG15 agreed a set of synchronization performance monitoring parameters "
            "(time error, maximum time interval error and PTP port state changes) that operators want to "
            "collect through the same YANG interfaces as other transport performance data."),
        w_p("SG15 kindly asks IETF CCAMP WG to consider adding these parameters to the OTN and packet transport "
            "performance monitoring models and to inform SG15 of its plans before the deadline. Comments from "
            "IETF TEAS WG on the generic TE aspects are welcome. The Broadband Forum and IETF OPSAWG receive "
            "this liaison statement for information."),
        w_p("The next meetings of Q13/15 and Q14/15 are planned for June 2026; the next SG15 plenary will be "
            "held in Geneva, 7-18 September 2026."),
    ]
    doc = docx(blocks, "TSB", title)
    fname = "T25-SG15-260327-TD-PLEN-2044!!MSW-E.docx"
    body = tsb_cover("15", "SG15-LS201", "\nAn electronic copy of this liaison statement is available at:\n"
                     "https://www.example.net/md/T25-SG15-260327-TD-PLEN-2044/en\n")
    eml = message(
        env(rng, "statements@example.org", "tsbsg15@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("ITU-T SG15 Secretariat", "tsbsg15@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "[ITU-T SG15] Outgoing liaison statement SG15-LS201"),
        ],
        multipart("mixed", rng.boundary(), [text(body), attachment(doc, DOCX_CT, fname)]))
    exp = expect(
        title=title, frm=["ITU-T SG15"],
        from_contacts=["tsbsg15@example.net", "aleksander.wisniewski@example.com", "yuki.tanabe@example.com",
                       "fatima.almansouri@example.com"],
        send_reply_to=None, to=[TO("CCAMP"), TO("TEAS"), "BBF", TO("OPSAWG")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-10-01", in_response_to=None,
        other_identifiers=["SG15-LS201", "TD 2044 (PLEN/15)"], delivered_to="statements@example.org",
        misdirected=False, route_to=["CCAMP", "TEAS", "OPSAWG"], attachments=[(fname, DOCX_CT)])
    return result(name, eml, exp, "1 October 2026",
                  "ITU-T SG15 LS in a DOCX: header table with two label/value pairs per row, all three of For "
                  "action / For comment / For information filled (a non-IETF body written as 'Broadband Forum' "
                  "among them), three Contact rows with Tel/E-mail cells, an e-mail split across runs, italic "
                  "abstract; plenary dates as decoys; no reply address given")


@case("itut-sg13-plain-info-na", "ITU-T", "plain-text LS, only For information filled, Deadline: N/A")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 25, 9, 48, 30, 1)
    title = "LS on new work item Y.AN-IBN on intent-based management for autonomous networks"
    body = """\
Dear colleagues,

ITU-T Study Group 13 has agreed to send the liaison statement below to
the IRTF Network Management Research Group and the IETF OPSAWG, for
information.

Best regards,
TSB SG13 Secretariat

-----------------------------------------------------------------------
INTERNATIONAL TELECOMMUNICATION UNION                       SG13-LS112
TELECOMMUNICATION STANDARDIZATION SECTOR
STUDY PERIOD 2025-2028                                  Original: English

Question(s):  5/13                 Meeting, date:  Geneva, 9-20 March 2026
Study Group:  13                   Working Party:  1
Source:       ITU-T Study Group 13
Title:        LS on new work item Y.AN-IBN on intent-based management for
              autonomous networks

                           LIAISON STATEMENT

For action to:        -
For comment to:       -
For information to:   IRTF NMRG, IETF OPSAWG
Approval:             Study Group 13 meeting (Geneva, 20 March 2026)
Deadline:             N/A

Contact:   Ngozi Eze                          Tel: +234 9 555 0133
           Rapporteur Q5/13                   E-mail: ngozi.eze@example.com
           Nigeria
-----------------------------------------------------------------------

Q5/13 has started a new work item, draft Recommendation Y.AN-IBN,
"Intent-based management for autonomous networks - framework". The draft
reuses the intent life-cycle described by the IRTF NMRG and refers to the
YANG service models developed in the IETF OPSAWG.

SG13 will keep both groups informed of the progress. The next Q5/13
rapporteur meeting is planned for 22-26 June 2026 (virtual), and the next
SG13 meeting for 12-23 October 2026.
"""
    eml = message(
        env(rng, "statements@example.org", "tsbsg13@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG13 Secretariat", "tsbsg13@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "SG13-LS112 (for information)"),
        ],
        text(body))
    exp = expect(
        title=title, frm=["ITU-T SG13"], from_contacts=["tsbsg13@example.net", "ngozi.eze@example.com"],
        send_reply_to=None, to=[TO("NMRG"), TO("OPSAWG")], to_contacts=[], send_to="statements@example.org",
        purpose="information", deadline=None, in_response_to=None, other_identifiers=["SG13-LS112"],
        delivered_to="statements@example.org", misdirected=False, route_to=["NMRG", "OPSAWG"], attachments=[])
    return result(name, eml, exp, "N/A",
                  "ITU-T SG13 LS as plain text: 'For action to: -', only 'For information to:' filled (an IRTF "
                  "group first), 'Deadline: N/A', wrapped title, two-column contact block, rapporteur and "
                  "plenary meeting dates as decoys; subject carries no title")


@case("itut-sg12-pdf-action-two-addressees", "ITU-T", "PDF, action + information, kerned and wrapped title")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 12, 15, 33, 41, 2)
    title = "LS on measurement methodology for application-layer responsiveness under working conditions"
    pdf = PDF()
    itu_pdf_header(pdf, "SG12-LS045")
    pdf.kv2("Question(s):", "17/12", "Meeting, date:", "Geneva, 28 April - 7 May 2026")
    pdf.kv2("Study Group:", "12", "Working Party:", "3")
    pdf.kv("Source:", "ITU-T Study Group 12")
    pdf.put(pdf.LEFT, pdf.y, "Title:", bold=True)
    pdf.put(170, pdf.y, ["LS on measurement method", 14, "ology for application-layer respon", 20, "siveness"])
    pdf.newline()
    pdf.put(170, pdf.y, "under working conditions")
    pdf.newline(22)
    pdf.line("LIAISON STATEMENT", x=230, bold=True, size=12, dy=20)
    pdf.kv("For action to:", "IETF IPPM WG")
    pdf.kv("For comment to:", "")
    pdf.kv("For information to:", "IETF BMWG")
    pdf.kv("Approval:", "Study Group 12 meeting (Geneva, 7 May 2026)")
    pdf.kv("Deadline:", "09 October 2026")
    for who, org, tel, mail in (("Camila Restrepo", "Andes Metrics, Colombia", "Tel: +57 1 555 0122",
                                 "E-mail: camila.restrepo@example.com"),
                                ("Hamid Farahani", "Rapporteur Q17/12", "Tel: +98 21 5555 0165",
                                 "E-mail: hamid.farahani@example.com")):
        pdf.put(pdf.LEFT, pdf.y, "Contact:", bold=True)
        pdf.put(170, pdf.y, who)
        pdf.put(360, pdf.y, tel)
        pdf.newline()
        pdf.put(170, pdf.y, org)
        pdf.put(360, pdf.y, mail)
        pdf.newline(18)
    pdf.newline(8)
    pdf.para("Q17/12 is developing draft Recommendation G.RPM, which specifies how to measure the responsiveness "
             "of an application-layer service while the access link is loaded. The draft defines the load "
             "generation, the probe flows and the aggregation of the results.")
    pdf.para("Q17/12 understands that IETF IPPM WG is specifying a responsiveness test. To avoid two "
             "incompatible methods, Q17/12 kindly asks IETF IPPM WG to review clauses 6 to 8 of the draft and to "
             "send comments by the deadline above. The draft will be considered for consent at the SG12 meeting "
             "of 10-19 November 2026.")
    pdf.para("IETF BMWG is informed because the draft references the benchmarking terminology for loaded links.")
    eml = message(
        env(rng, "statements@example.org", "tsbsg12@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG12 Secretariat", "tsbsg12@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "ITU-T SG12 - LS/o SG12-LS045"),
        ],
        multipart("mixed", rng.boundary(), [
            text(tsb_cover("12", "SG12-LS045", "The PDF is the official version.\n")),
            attachment(pdf.bytes(), "application/pdf", "SG12-LS045.pdf")]))
    exp = expect(
        title=title, frm=["ITU-T SG12"],
        from_contacts=["tsbsg12@example.net", "camila.restrepo@example.com", "hamid.farahani@example.com"],
        send_reply_to=None, to=[TO("IPPM"), TO("BMWG")], to_contacts=[], send_to="statements@example.org",
        purpose="action", deadline="2026-10-09", in_response_to=None, other_identifiers=["SG12-LS045"],
        delivered_to="statements@example.org", misdirected=False, route_to=["IPPM", "BMWG"],
        attachments=[("SG12-LS045.pdf", "application/pdf")])
    return result(name, eml, exp, "09 October 2026",
                  "ITU-T SG12 LS only in a PDF: two label/value pairs per line, title wrapped and split by TJ "
                  "kerning, two Contact blocks with Tel/E-mail in a second column, zero-padded day in the "
                  "deadline, the consent meeting in November as a decoy")


@case("itut-sg2-docx-single-pairs-comment-deadline", "ITU-T", "DOCX single pairs, legacy For comment WITH deadline (action)")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 2, 11, 5, 12, 2)
    title = "LS on numbering resources for machine-type communication identifiers in the DNS"
    blocks = [
        itu_header_single("SG2-LS027", [
            ("Question(s):", "1/2"), ("Meeting, date:", "Geneva, 17-26 March 2026"),
            ("Study Group:", "2"), ("Working Party:", "1"),
            ("Intended type of document (R-C-TD):", "TD"),
            ("Source:", "ITU-T Study Group 2"),
            ("Title:", "LS on numbering resources for machine-type com\u00a6munication identifiers in the DNS")]),
        w_p(""),
        itu_ls_table("", "IETF DNSOP WG", "IAB",
                     "Agreed to at Study Group 2 meeting (Geneva, 26 March 2026)", "15 July 2026",
                     [("Pierre-Yves Nkemba\nMinistry of Posts and Telecommunications\nCameroon",
                       "Tel: +237 2 5555 0111\nE-mail: pierreyves.nkemba@example.com")]),
        w_p(""),
        w_p("Q1/2 is studying the use of E.164-derived identifiers for machine-type communication devices and "
            "their publication in the DNS outside the e164.arpa tree."),
        w_p("SG2 invites IETF DNSOP WG to review and comment on the proposed naming structure in Annex A of "
            "draft Recommendation E.MTC-DNS, in particular its interaction with DNSSEC signing of very large "
            "zones, before the deadline indicated above. The IAB is informed because of the possible "
            "architectural impact on the use of the DNS for device identifiers."),
    ]
    doc = docx(blocks, "TSB", title)
    eml = message(
        env(rng, "statements@example.org", "tsbsg2@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG2 Secretariat", "tsbsg2@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "Liaison statement from ITU-T SG2 (SG2-LS027)"),
        ],
        multipart("mixed", rng.boundary(), [text(tsb_cover("2", "SG2-LS027")),
                                             attachment(doc, DOCX_CT, "SG2-LS027.docx")]))
    exp = expect(
        title=title, frm=["ITU-T SG2"], from_contacts=["tsbsg2@example.net", "pierreyves.nkemba@example.com"],
        send_reply_to=None, to=[TO("DNSOP"), TO("IAB")], to_contacts=[], send_to="statements@example.org",
        purpose="action", deadline="2026-07-15", in_response_to=None, other_identifiers=["SG2-LS027"],
        delivered_to="statements@example.org", misdirected=False, route_to=["DNSOP", "IAB"],
        attachments=[("SG2-LS027.docx", DOCX_CT)])
    return result(name, eml, exp, "15 July 2026",
                  "ITU-T SG2 LS in a DOCX whose header table has one label/value pair per row: empty 'For action "
                  "to:', 'For comment to:' filled WITH a deadline, so legacy For comment = action; IAB for "
                  "information")


@case("itut-sg11-reply-docx-quoted-title", "ITU-T", "ITU-T reply: 'Reply to LS from ...' title, earlier title quoted in prose, empty Deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 29, 16, 40, 0, 2)
    title = "Reply to LS from IETF BMWG on benchmarking of SRv6 service function chaining"
    earlier = "Benchmarking methodology for SRv6 service function chaining"
    blocks = [
        itu_header_double("SG11-LS048", "12/11", "Geneva, 20-29 April 2026", "11", "3", "ITU-T Study Group 11",
                          "Reply to LS from IETF BMWG on bench\u00a6marking of SRv6 service function chaining"),
        w_p(""),
        itu_ls_table("", "", "IETF BMWG", "Agreed to at Q12/11 meeting (Geneva, 28 April 2026)", "",
                     [("Olumide Bankole\nKestrel Test Labs\nNigeria",
                       "Tel: +234 1 555 0190\nE-mail: olumide.bankole@example.com")]),
        w_p(""),
        w_p("Q12/11 thanks IETF BMWG for its liaison statement \u201c%s\u201d of 10 March 2026." % earlier),
        w_p("Q12/11 agrees that the test cases of draft Recommendation Q.SRv6-SFC-IOP should reference the BMWG "
            "terminology and has aligned clauses 5 and 7 accordingly. The updated draft is available to BMWG "
            "participants on request."),
        w_p("Q12/11 looks forward to continued cooperation."),
    ]
    doc = docx(blocks, "TSB", title)
    eml = message(
        env(rng, "statements@example.org", "tsbsg11@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG11 Secretariat", "tsbsg11@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "SG11-LS048: reply to IETF BMWG"),
        ],
        multipart("mixed", rng.boundary(), [text(tsb_cover("11", "SG11-LS048")),
                                             attachment(doc, DOCX_CT, "SG11-LS048.docx")]))
    exp = expect(
        title=title, frm=["ITU-T SG11"], from_contacts=["tsbsg11@example.net", "olumide.bankole@example.com"],
        send_reply_to=None, to=[TO("BMWG")], to_contacts=[], send_to="statements@example.org", purpose="response",
        deadline=None, in_response_to=earlier, other_identifiers=["SG11-LS048"],
        delivered_to="statements@example.org", misdirected=False, route_to=["BMWG"],
        attachments=[("SG11-LS048.docx", DOCX_CT)])
    return result(name, eml, exp, None,
                  "ITU-T SG11 reply in a DOCX: 'Reply to LS from ...' title, the earlier statement's title quoted "
                  "(curly quotes) in the first sentence with its date, only 'For information to:' filled, empty "
                  "Deadline cell: a response")


@case("itut-sg17-pdf-misdirected-to-acme-chairs", "ITU-T", "MISDIRECTED (LS for LAMPS mailed To: and delivered at acme-chairs), DD/MM/YYYY")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 14, 8, 30, 55, 2)
    title = "LS on certificate profiles for post-quantum hybrid signatures in IoT devices"
    pdf = PDF()
    itu_pdf_header(pdf, "SG17-LS077")
    pdf.kv2("Question(s):", "11/17", "Meeting, date:", "Geneva, 31 March - 9 April 2026")
    pdf.kv2("Study Group:", "17", "Working Party:", "2")
    pdf.kv("Source:", "ITU-T Study Group 17")
    pdf.kv("Title:", title, width=62)
    pdf.newline(8)
    pdf.line("LIAISON STATEMENT", x=230, bold=True, size=12, dy=20)
    pdf.kv("For action to:", "IETF LAMPS WG")
    pdf.kv("For comment to:", "-")
    pdf.kv("For information to:", "-")
    pdf.kv("Approval:", "Agreed to at Study Group 17 meeting (Geneva, 9 April 2026)")
    pdf.kv("Deadline:", "31/07/2026")
    pdf.put(pdf.LEFT, pdf.y, "Contact:", bold=True)
    pdf.put(170, pdf.y, "Jonas Lindqvist-Berg")
    pdf.put(360, pdf.y, "Tel: +46 8 555 0149")
    pdf.newline()
    pdf.put(170, pdf.y, "Rapporteur Q11/17, Sweden")
    pdf.put(360, pdf.y, "E-mail: jonas.lindqvistberg@example.com")
    pdf.newline(24)
    pdf.para("Q11/17 is revising Recommendation X.509-IoT profiles to cover composite and hybrid signature "
             "algorithms for constrained devices. SG17 asks IETF LAMPS WG to confirm that the composite "
             "signature object identifiers used in the draft are stable, and to indicate the expected "
             "publication timeline, before the deadline above.")
    body = ("Dear LAMPS chairs,\n\nPlease find attached liaison statement SG17-LS077 from ITU-T Study Group 17.\n\n"
            "Best regards,\nTSB SG17 Secretariat\n")
    eml = message(
        env(rng, "acme-chairs@example.org", "tsbsg17@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG17 Secretariat", "tsbsg17@example.net")),
            ("To", "acme-chairs@example.org"),
            ("Subject", "ITU-T SG17 liaison statement SG17-LS077"),
        ],
        multipart("mixed", rng.boundary(), [text(body),
                                             attachment(pdf.bytes(), "application/pdf", "SG17-LS077.pdf")]))
    exp = expect(
        title=title, frm=["ITU-T SG17"], from_contacts=["tsbsg17@example.net", "jonas.lindqvistberg@example.com"],
        send_reply_to=None, to=[TO("LAMPS")], to_contacts=[], send_to=None, purpose="action",
        deadline="2026-07-31", in_response_to=None, other_identifiers=["SG17-LS077"],
        delivered_to="acme-chairs@example.org", misdirected=True, route_to=["LAMPS"],
        attachments=[("SG17-LS077.pdf", "application/pdf")])
    return result(name, eml, exp, "31/07/2026",
                  "MISDIRECTED: ITU-T SG17 LS for IETF LAMPS WG mailed To: and delivered at the ACME chairs' "
                  "address (a group's second address, dropped from to_contacts); cover salutation names the "
                  "right group; '-' in the comment/information rows; DD/MM/YYYY deadline in a PDF")


@case("itut-sg15-pdf-to-itu-liaison-role", "ITU-T", "mailed To: and delivered at the IETF liaison manager role address itu-t-liaison@ (send_to, not misdirected)")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 8, 17, 5, 3, 2)
    title = "LS on time synchronization requirements for DetNet over OTN"
    pdf = PDF()
    itu_pdf_header(pdf, "SG15-LS219\nTD 2101 (PLEN/15)")
    pdf.kv2("Question(s):", "11/15, 13/15", "Meeting, date:", "Geneva, 16-27 March 2026")
    pdf.kv2("Study Group:", "15", "Working Party:", "3")
    pdf.kv("Source:", "ITU-T Study Group 15")
    pdf.kv("Title:", title)
    pdf.newline(8)
    pdf.line("LIAISON STATEMENT", x=230, bold=True, size=12, dy=20)
    pdf.kv("For action to:", "IETF DetNet WG")
    pdf.kv("For comment to:", "")
    pdf.kv("For information to:", "IEEE 802.1 WG")
    pdf.kv("Approval:", "Agreed to at Study Group 15 meeting (Geneva, 27 March 2026)")
    pdf.kv("Deadline:", "30 November 2026")
    pdf.put(pdf.LEFT, pdf.y, "Contact:", bold=True)
    pdf.put(170, pdf.y, "Kwabena Asante")
    pdf.put(360, pdf.y, "Tel: +233 30 555 0120")
    pdf.newline()
    pdf.put(170, pdf.y, "Rapporteur Q13/15, Ghana")
    pdf.put(360, pdf.y, "E-mail: kwabena.asante@example.com")
    pdf.newline(24)
    pdf.para("Q13/15 has reviewed the DetNet bounded latency and time synchronization work and would like to "
             "understand whether DetNet over OTN sub-networks requires a specific time synchronization accuracy "
             "at the DetNet edge. SG15 asks IETF DetNet WG to provide its requirements before the deadline. "
             "IEEE 802.1 WG is copied for information.")
    body = ("Dear IETF Liaison Manager to ITU-T,\n\n"
            "Please find attached liaison statement SG15-LS219 (TD 2101/PLEN) from ITU-T\n"
            "Study Group 15 for the IETF DetNet WG. We would be grateful if you could\n"
            "forward it to the DetNet chairs.\n\n"
            "Best regards,\nTSB SG15 Secretariat\n")
    eml = message(
        env(rng, "itu-t-liaison@example.org", "tsbsg15@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG15 Secretariat", "tsbsg15@example.net")),
            ("To", addr("IETF Liaison Manager to ITU-T", "itu-t-liaison@example.org")),
            ("Subject", "SG15-LS219 to IETF DetNet WG"),
        ],
        multipart("mixed", rng.boundary(), [text(body),
                                             attachment(pdf.bytes(), "application/pdf", "SG15-LS219.pdf")]))
    exp = expect(
        title=title, frm=["ITU-T SG15"], from_contacts=["tsbsg15@example.net", "kwabena.asante@example.com"],
        send_reply_to=None, to=[TO("DETNET"), "IEEE 802.1 WG"], to_contacts=[], send_to="itu-t-liaison@example.org",
        purpose="action", deadline="2026-11-30", in_response_to=None,
        other_identifiers=["SG15-LS219", "TD 2101 (PLEN/15)"], delivered_to="itu-t-liaison@example.org",
        misdirected=False, route_to=["DETNET"], attachments=[("SG15-LS219.pdf", "application/pdf")])
    return result(name, eml, exp, "30 November 2026",
                  "ITU-T SG15 LS as PDF mailed To: (and delivered at) the IETF liaison manager's role address "
                  "itu-t-liaison@example.org: not an intake and not a group address, but a 'liaison' local "
                  "part, so send_to and not misdirected; TD number under the LS number; the cover mentions the "
                  "TD in another spelling")


@case("itut-sg13-rtf-double-pairs", "ITU-T", "RTF with two label/value pairs per row (4-cell rows)")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 27, 10, 1, 40, 1)
    title = "LS on SRv6-based network slicing for IMT-2030 transport networks"
    A, B, C, D = 1900, 2900, 1900, 2900
    rtf = rtf_doc(
        [("INTERNATIONAL TELECOMMUNICATION UNION", True), ("TELECOMMUNICATION STANDARDIZATION SECTOR", True),
         ("STUDY PERIOD 2025-2028", True), ("SG13-LS131", True), ("Original: English", False)],
        [[(A, "**Question(s):"), (B, "6/13, 17/13"), (C, "**Meeting, date:"), (D, "Geneva, 9-20 March 2026")],
         [(A, "**Study Group:"), (B, "13"), (C, "**Working Party:"), (D, "2")],
         [(A, "**Source:"), (B + C + D, "ITU-T Study Group 13")],
         [(A, "**Title:"), (B + C + D, "**" + title)],
         [(A + B + C + D, "**LIAISON STATEMENT")],
         [(A, "**For action to:"), (B + C + D, "IETF SPRING WG")],
         [(A, "**For comment to:"), (B + C + D, "")],
         [(A, "**For information to:"), (B + C + D, "IETF TEAS WG")],
         [(A, "**Approval:"), (B + C + D, "Study Group 13 meeting (Geneva, 20 March 2026)")],
         [(A, "**Deadline:"), (B + C + D, "31 May 2026")],
         [(A, "**Contact:"), (B, "Lin Jiaxin\nQ17/13 Rapporteur\nChina"),
          (C + D, "Tel: +86 10 5555 0177\nE-mail: jiaxin.lin@example.com")]],
        [("Q17/13 is developing draft Recommendation Y.IMT2030-TNS on transport network slicing for IMT-2030, "
          "using SRv6 as the data plane. The draft identifies a slice by a dedicated SRv6 locator block.", False),
         ("SG13 kindly asks IETF SPRING WG whether the use of a dedicated locator block per slice is in line "
          "with current SRv6 deployment guidance, and to reply before the deadline. IETF TEAS WG is informed "
          "because of the relation with the IETF network slice framework.", False)], author="TSB")
    eml = message(
        env(rng, "statements@example.org", "tsbsg13@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG13 Secretariat", "tsbsg13@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "ITU-T SG13 LS (SG13-LS131)"),
        ],
        multipart("mixed", rng.boundary(), [text(tsb_cover("13", "SG13-LS131", "(rich text format)\n")),
                                             attachment(rtf, "application/rtf", "SG13-LS131.rtf")]))
    exp = expect(
        title=title, frm=["ITU-T SG13"], from_contacts=["tsbsg13@example.net", "jiaxin.lin@example.com"],
        send_reply_to=None, to=[TO("SPRING"), TO("TEAS")], to_contacts=[], send_to="statements@example.org",
        purpose="action", deadline="2026-05-31", in_response_to=None, other_identifiers=["SG13-LS131"],
        delivered_to="statements@example.org", misdirected=False, route_to=["SPRING", "TEAS"],
        attachments=[("SG13-LS131.rtf", "application/rtf")])
    return result(name, eml, exp, "31 May 2026",
                  "ITU-T SG13 LS in an RTF attachment whose \\trowd rows carry two label/value pairs (4 cells), "
                  "bold title cell, contact split into a name cell and a Tel/E-mail cell")


@case("itut-sg12-itud-style-upper-labels", "ITU-T", "ITU-D style upper-case labels with spaces before colons, FOR: mixed roles, 'Reply by mid-June'")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 12, 13, 17, 0, 1)
    title = "Quality of experience metrics for interactive real-time media over QUIC"
    body = """\
                                                            SG12-LS051

                       LIAISON STATEMENT

QUESTIONS  : 12/12, 17/12

SOURCE     : ITU-T Study Group 12 (Rapporteur meeting of Question 12/12)

MEETING    : Geneva, 2-6 March 2026

SUBJECT    : Quality of experience metrics for interactive real-time
             media over QUIC

TO         : IETF IPPM WG, IETF BMWG

APPROVAL   : Agreed at the Q12/12 rapporteur meeting, 6 March 2026

FOR        : IETF IPPM WG for action; IETF BMWG for information

DEADLINE   : Reply by mid-June 2026

CONTACT    : Aminata Diallo, Rapporteur Q12/12
             E-mail : aminata.diallo@example.com

Q12/12 is developing draft Recommendation P.RTQ on quality of experience
estimation for interactive real-time media carried over QUIC. The draft
needs packet-level metrics (loss, delay variation, spin-bit based round
trip time) that can be observed without decrypting the traffic.

Q12/12 asks IETF IPPM WG to comment on the applicability of the QUIC
spin bit and of explicit measurement flags to the proposed metrics, and
would appreciate a reply by mid-June 2026 so that it can be considered at
the next Q12/12 meeting (29 June - 3 July 2026).
"""
    eml = message(
        env(rng, "statements@example.org", "aminata.diallo@example.com", "mail.example.com", "198.51.100.112", date) + [
            ("From", addr("Aminata Diallo", "aminata.diallo@example.com")),
            ("To", "statements@example.org"),
            ("Cc", addr("TSB SG12", "tsbsg12@example.net")),
            ("Subject", "Liaison statement SG12-LS051 from Q12/12 rapporteur meeting"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body))
    exp = expect(
        title=title, frm=["ITU-T SG12"], from_contacts=["aminata.diallo@example.com", "tsbsg12@example.net"],
        send_reply_to=None, to=[TO("IPPM"), TO("BMWG")], to_contacts=[], send_to="statements@example.org",
        purpose="action", deadline="2026-06-15", in_response_to=None, other_identifiers=["SG12-LS051"],
        delivered_to="statements@example.org", misdirected=False, route_to=["IPPM", "BMWG"], attachments=[])
    return result(name, eml, exp, "mid-June 2026",
                  "ITU-T SG12 LS in the older ITU-D style: upper-case labels with spaces before the colons, "
                  "title from a wrapped 'SUBJECT :' line, 'FOR :' mixing action and information roles, "
                  "'DEADLINE : Reply by mid-June 2026', rapporteur meeting dates as decoys; the TSB "
                  "(sending side) in the Cc: header")


@case("itut-sg17-docx-plus-annex-pdf", "ITU-T", "DOCX LS + annex PDF, non-IETF bodies (W3C, JTC 1) for information")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 4, 12, 12, 12, 2)
    title = "LS on OAuth-based authorization for constrained IoT device onboarding"
    blocks = [
        itu_header_double("SG17-LS081\nTD 1532 (PLEN/17)", "6/17, 10/17", "Geneva, 21-30 April 2026", "17",
                          "1", "ITU-T Study Group 17",
                          "LS on OAuth-based author\u00a6ization for constrained IoT device onboarding"),
        w_p(""),
        itu_ls_table("IETF OAuth WG", "",
                     "W3C Web Application Security Working Group, ISO/IEC JTC 1/SC 27/WG 5",
                     "Agreed to at Study Group 17 meeting (Geneva, 30 April 2026)", "30 September 2026",
                     [("Ruth Mwangi\nSavanna Secure Systems\nKenya",
                       "Tel: +254 20 555 0136\nE-mail: ruth.mwangi@example.com")]),
        w_p(""),
        w_p("Q6/17 has progressed draft Recommendation X.iotauth, \u201cAuthorization framework for the "
            "onboarding of constrained IoT devices\u201d, which profiles the OAuth 2.0 device authorization grant "
            "and pushed authorization requests for devices without a user interface. The current text is "
            "provided in the annex."),
        w_p("SG17 kindly asks IETF OAuth WG to review the profile in clause 8 of the annex, in particular the "
            "proposed lifetime of device codes, and to provide comments by 30 September 2026. W3C WebAppSec and "
            "ISO/IEC JTC 1/SC 27/WG 5 are informed because the draft also refers to their work on credential "
            "management."),
    ]
    doc = docx(blocks, "TSB", title)
    annex = PDF(serif=True)
    annex.line("Annex to SG17-LS081", bold=True, size=12, dy=20)
    annex.line("Draft Recommendation ITU-T X.iotauth (for information)", bold=True, dy=20)
    annex.para("1 Scope. This Recommendation specifies an authorization framework for the onboarding of "
               "constrained IoT devices based on the OAuth 2.0 device authorization grant.")
    annex.para("8 Profile. The device code lifetime shall not exceed 600 seconds. The authorization server "
               "shall support pushed authorization requests.")
    annex.para("Draft prepared by the Q6/17 editors. Comments on this draft should be sent to the Q6/17 "
               "rapporteur before the SG17 meeting of 7-16 December 2026.")
    fname = "T25-SG17-260430-TD-PLEN-1532!!MSW-E.docx"
    aname = "SG17-LS081 Annex - draft X.iotauth.pdf"
    eml = message(
        env(rng, "statements@example.org", "tsbsg17@example.net", "smtp2.example.net", "203.0.113.15", date) + [
            ("Message-ID", rng.msgid("example.net")),
            ("Date", date),
            ("From", addr("TSB SG17 Secretariat", "tsbsg17@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "SG17-LS081 with annex"),
        ],
        multipart("mixed", rng.boundary(), [
            text(tsb_cover("17", "SG17-LS081", "The draft Recommendation referred to in the LS is attached as "
                           "an annex.\n")),
            attachment(doc, DOCX_CT, fname),
            attachment(annex.bytes(), "application/pdf", aname)]))
    exp = expect(
        title=title, frm=["ITU-T SG17"], from_contacts=["tsbsg17@example.net", "ruth.mwangi@example.com"],
        send_reply_to=None, to=[TO("OAUTH"), "W3C WebAppSec WG", "ISO/IEC JTC 1/SC 27/WG 5"], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-09-30", in_response_to=None,
        other_identifiers=["SG17-LS081", "TD 1532 (PLEN/17)"], delivered_to="statements@example.org",
        misdirected=False, route_to=["OAUTH"], attachments=[(fname, DOCX_CT), (aname, "application/pdf")])
    return result(name, eml, exp, "30 September 2026",
                  "ITU-T SG17 LS in a DOCX plus an annex PDF (both attachments; the annex has its own dates and "
                  "'Annex to' number): For information to two non-IETF bodies written in long form (W3C Web "
                  "Application Security Working Group, ISO/IEC JTC 1/SC 27/WG 5), so route_to is a subset of "
                  "to; the annex's comment date is a decoy")


@case("itut-sg11-rfc822-fwd-by-chair", "ITU-T", "message/rfc822 forwarded by a WG chair: original To: the chairs (to_contacts), send_to null")
def _(name):
    rng = Rng(name)
    inner_date = mdate(2026, 5, 6, 9, 2, 11, 2)
    date = mdate(2026, 5, 7, 21, 40, 3, -4)
    title = "LS on benchmarking requirements for network digital twin platforms"
    inner_body = """\
Dear BMWG chairs,

Please find below liaison statement SG11-LS055 from ITU-T Study Group 11.

TSB SG11 Secretariat

INTERNATIONAL TELECOMMUNICATION UNION                        SG11-LS055
TELECOMMUNICATION STANDARDIZATION SECTOR                   English only
STUDY PERIOD 2025-2028

Question(s):   9/11                 Meeting, date:  Geneva, 20-29 April 2026
Study Group:   11                   Working Party:  3
Source:        ITU-T Study Group 11
Title:         LS on benchmarking requirements for network digital twin platforms

LIAISON STATEMENT

For action to:          IETF BMWG
For comment to:
For information to:     IRTF NMRG
Approval:               Agreed to at Study Group 11 meeting (Geneva, 29 April 2026)
Deadline:               12 June 2026

Contact:   Thabo Mahlangu                   Tel: +27 12 555 0104
           Rapporteur Q9/11                 E-mail: thabo.mahlangu@example.com
           South Africa

Q9/11 is developing draft Recommendation Q.NDT-BM on benchmarking of network
digital twin platforms. SG11 kindly asks IETF BMWG to indicate whether the
BMWG methodology for control-plane benchmarking can be applied to the
synchronisation of a digital twin with the physical network, and to reply
by the deadline above. IRTF NMRG is informed of this work.
"""
    inner = message([
        ("Return-Path", "<tsbsg11@example.net>"),
        ("Message-ID", rng.msgid("example.net")),
        ("Date", inner_date),
        ("From", addr("TSB SG11 Secretariat", "tsbsg11@example.net")),
        ("To", "bmwg-chairs@example.org"),
        ("Subject", "SG11-LS055: " + title),
    ], text(inner_body))
    outer = ("Hi all,\n\nThe SG11 secretariat sent this LS to us chairs only. Please record it\n"
             "(attached as received).\n\nCheers,\nGiulia\n")
    eml = message(
        env(rng, "statements@example.org", "giulia.ferraro@example.com", "mail-pf1-f170.example.com",
            "198.51.100.170", date) + [
            ("From", addr("Giulia Ferraro", "giulia.ferraro@example.com")),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "gmail")),
            ("Subject", "Fwd: SG11-LS055: " + title),
            ("To", "statements@example.org"),
        ],
        multipart("mixed", rng.boundary("gmail"), [
            multipart("alternative", rng.boundary("gmail"), [
                text(outer, charset="UTF-8"),
                text("<div dir=\"ltr\">" + outer.replace("\n\n", "</div><div><br></div><div>").replace("\n", " ")
                     + "</div>\n", "html", "UTF-8")]),
            rfc822(inner, "SG11-LS055_ LS on benchmarking requirements for network digital twin platforms.eml"),
        ]))
    assert weekday(2026, 6, 12) == "Friday"
    exp = expect(
        title=title, frm=["ITU-T SG11"], from_contacts=["tsbsg11@example.net", "thabo.mahlangu@example.com"],
        send_reply_to=None, to=[TO("BMWG"), TO("NMRG")], to_contacts=["bmwg-chairs@example.org"], send_to=None,
        purpose="action", deadline="2026-06-12", in_response_to=None, other_identifiers=["SG11-LS055"],
        delivered_to="statements@example.org", misdirected=False, route_to=["BMWG", "NMRG"], attachments=[])
    return result(name, eml, exp, "12 June 2026",
                  "ITU-T SG11 plain-text LS forwarded by the BMWG chair as a message/rfc822 part (Gmail): the "
                  "original's From:/To: count (TSB; bmwg-chairs in to_contacts), the chair is neither side, "
                  "send_to null; the .eml wrapper is not an attachment; empty 'For comment to:'")


@case("itut-sg13-euc-kr-korean-date", "ITU-T", "EUC-KR base64 body and subject, bilingual labels, Korean date")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 23, 14, 9, 51, 9)
    title = "LS on transport network slicing requirements for IMT-2030 fronthaul"
    body = """\
IETF TEAS WG 의장님께,

안녕하십니까. ITU-T SG13 Q6/13 라포처 김민준입니다.

지난 SG13 회의(제네바, 2026년 3월 9일~20일)에서 승인된 리에종 문서를
아래와 같이 송부드립니다.

==============================================================
제목(Title): LS on transport network slicing requirements for IMT-2030 fronthaul
발신(From): ITU-T Study Group 13
수신(To): IETF TEAS WG
목적(Purpose): For action
회신 기한(Deadline): 2026년 5월 29일
문서 번호(Reference): SG13-LS140
연락처(Contact): 김민준 <minjun.kim@example.com>
==============================================================

1. 배경
Q6/13은 IMT-2030 프런트홀을 위한 전송망 슬라이싱 요구사항을 작성하고
있습니다. 프런트홀 슬라이스는 매우 엄격한 지연 및 지터 한계를 가집니다.

2. 요청 사항
IETF TEAS WG에 IETF 네트워크 슬라이스 서비스 모델로 위 요구사항을 표현할 수
있는지 검토를 요청드리며, 2026년 5월 29일까지 회신을 부탁드립니다.

다음 SG13 회의는 2026년 10월 12일~23일에 개최될 예정입니다.

감사합니다.

김민준 드림
ITU-T SG13 Q6/13 라포처
minjun.kim@example.com
"""
    eml = message(
        env(rng, "statements@example.org", "minjun.kim@example.com", "mail.example.com", "203.0.113.82", date) + [
            ("Date", date),
            ("From", addr("김민준", "minjun.kim@example.com", "euc-kr", "B")),
            ("To", "statements@example.org"),
            ("Subject", subj("[ITU-T SG13] 리에종 문서 송부: IMT-2030 프런트홀 슬라이싱 (SG13-LS140)", "euc-kr", "B")),
            ("Message-ID", "<%s@mail.example.com>" % rng.hex(20)),
            ("X-Mailer", "Hanmail Desktop 3.2"),
        ],
        text(body, charset="euc-kr", cte="base64", quote_cs=False))
    exp = expect(
        title=title, frm=["ITU-T SG13"], from_contacts=["minjun.kim@example.com"], send_reply_to=None,
        to=[TO("TEAS")], to_contacts=[], send_to="statements@example.org", purpose="action",
        deadline="2026-05-29", in_response_to=None, other_identifiers=["SG13-LS140"],
        delivered_to="statements@example.org", misdirected=False, route_to=["TEAS"], attachments=[])
    return result(name, eml, exp, "2026년 5월 29일",
                  "ITU-T SG13 LS relayed by a Korean rapporteur in EUC-KR (base64 body, unquoted charset, B-encoded "
                  "subject and From name): bilingual labels, Korean date 2026년 5월 29일 as deadline, Korean "
                  "meeting date ranges as decoys")


# ============================================================================================
# Statements: IEEE 802
# ============================================================================================

def ieee_letterhead(pdf, wg, sub="of the IEEE 802 LAN/MAN Standards Committee"):
    pdf.line(wg, bold=True, size=16, dy=18)
    pdf.line(sub, size=10, dy=28)


@case("ieee-8023-letter-pdf-ddmonyyyy-compact", "IEEE 802", "non-directory WG (802.3), letter PDF, 12NOV2026 deadline, CC on page 2")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 7, 24, 19, 4, 40, -7)
    title = "IEEE 802.3 YANG modules and the NMDA revision of the interface management model"
    pdf = PDF()
    ieee_letterhead(pdf, "IEEE 802.3 Ethernet Working Group")
    pdf.line("23 July 2026", dy=24)
    pdf.kv("To:", "Kaveh Rostami <kaveh.rostami@example.com>, Co-Chair, IETF NETMOD WG", vx=130, width=90)
    pdf.kv("", "Brigitte Lefebvre <brigitte.lefebvre@example.com>, Co-Chair, IETF NETMOD WG", vx=130, width=90)
    pdf.newline(4)
    pdf.kv("From:", "Douglas Whitfield <douglas.whitfield@example.com>, Chair, IEEE 802.3 Working Group",
           vx=130, width=90)
    pdf.newline(4)
    pdf.kv("Subject:", title, vx=130, width=70)
    pdf.newline(12)
    pdf.line("Dear Kaveh and Brigitte,", dy=20)
    pdf.para("The IEEE 802.3 Working Group is revising IEEE Std 802.3.2, which contains the YANG modules for "
             "Ethernet interfaces and Power over Ethernet. The revision augments the IETF interface management "
             "model and relies on the NMDA split between configuration and operational state.")
    pdf.para("We understand that the NETMOD WG is discussing a revision of the interface management model. "
             "Several of our augmentations refer to nodes that might be renamed or deprecated. We would "
             "appreciate your comments on the list of referenced nodes in Annex C of the current draft no later "
             "than 12NOV2026, so that they can be resolved before our November 2026 plenary session "
             "(8-13 November 2026).")
    pdf.para("The draft is available to the NETMOD chairs through the IEEE 802.3 liaison password.")
    pdf.line("Best regards,", dy=30)
    pdf.line("Douglas Whitfield")
    pdf.line("Chair, IEEE 802.3 Ethernet Working Group")
    pdf.newpage()
    pdf.line("IEEE 802.3 liaison to IETF NETMOD WG - 23 July 2026 - page 2", size=8, dy=24)
    pdf.kv("CC:", "Emeka Nwosu <emeka.nwosu@example.com>, Chair, IEEE P802.3.2 Task Force", vx=130, width=90)
    pdf.kv("", "Oksana Melnyk, Editor, IEEE P802.3.2", vx=130)
    pdf.kv("", "IEEE 802 Executive Committee", vx=130)
    fname = "8023-liaison-IETF-NETMOD-2607.pdf"
    body = ("Dear IETF liaison team,\n\nPlease find attached a liaison letter from IEEE 802.3 to the IETF NETMOD\n"
            "WG, approved at our July 2026 plenary.\n\nRegards,\nDoug\n\n--\nDouglas Whitfield\n"
            "Chair, IEEE 802.3 Ethernet Working Group\n")
    eml = message(
        env(rng, "statements@example.org", "douglas.whitfield@example.com", "mail.example.com", "192.0.2.90", date) + [
            ("From", addr("Douglas Whitfield", "douglas.whitfield@example.com")),
            ("To", "statements@example.org"),
            ("Cc", "netmod-chairs@example.org"),
            ("Subject", "IEEE 802.3 liaison to IETF NETMOD 24JUL2026"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        multipart("mixed", rng.boundary("thunderbird"), [text(body, params="; format=flowed"),
                                                           attachment(pdf.bytes(), "application/pdf", fname)]))
    exp = expect(
        title=title, frm=["IEEE 802.3 WG"], from_contacts=["douglas.whitfield@example.com", "emeka.nwosu@example.com"],
        send_reply_to=None, to=[TO("NETMOD")], to_contacts=["kaveh.rostami@example.com", "brigitte.lefebvre@example.com"],
        send_to="statements@example.org", purpose="action", deadline="2026-11-12", in_response_to=None,
        other_identifiers=[], delivered_to="statements@example.org", misdirected=False, route_to=["NETMOD"],
        attachments=[(fname, "application/pdf")])
    return result(name, eml, exp, "12NOV2026",
                  "IEEE 802.3 letter (WG not in the directory) as a 2-page PDF: To/From/Subject block with "
                  "addresses, purpose and the compact 12NOV2026 deadline only in prose next to plenary dates, "
                  "CC list on page 2, compact date (24JUL2026) also in the mail subject as a decoy")


@case("ieee-8021-body-response-intake-in-cc", "IEEE 802", "prose response ('In response to your liaison statement'), intake only in Cc:")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 20, 8, 11, 26, 1)
    earlier = "Bounded latency considerations for TSN sub-networks in DetNet"
    title = "Response to IETF DetNet liaison on bounded latency in TSN sub-networks"
    body = """\
IEEE 802.1 Working Group
of the IEEE 802 LAN/MAN Standards Committee

19 March 2026

To:      Lou Hargreaves and Pilar Sanz, Co-Chairs, IETF DetNet WG
From:    Matthijs van Dijk, Chair, IEEE 802.1 Working Group
Subject: %(title)s

Dear Lou and Pilar,

In response to your liaison statement "%(earlier)s" of 6 February 2026, the
IEEE 802.1 Working Group would like to provide the following answers.

1. The latency bounds computed for an IEEE 802.1Qcr asynchronous traffic
   shaping sub-network can be used by a DetNet node as a per-hop bound,
   provided that the stream is not aggregated with other streams of a
   different traffic class.

2. IEEE 802.1 does not plan to define a YANG representation of these
   bounds in the current revision cycle.

We would welcome further discussion at the joint session planned during
the July 2026 IEEE 802 plenary in Montreal (12-17 July 2026).

Sincerely,

Matthijs van Dijk
Chair, IEEE 802.1 Working Group
matthijs.vandijk@example.com

CC: Wen Zhao <wen.zhao@example.com>, Chair, IEEE 802.1 TSN Task Group
    IEEE 802 Executive Committee
""" % {"title": title, "earlier": earlier}
    eml = message(
        env(rng, "statements@example.org", "matthijs.vandijk@example.com", "mail.example.com", "192.0.2.91", date) + [
            ("From", addr("Matthijs van Dijk", "matthijs.vandijk@example.com")),
            ("To", "detnet-chairs@example.org"),
            ("Cc", "statements@example.org, " + addr("Wen Zhao", "wen.zhao@example.com")),
            ("Subject", "IEEE 802.1 response to DetNet liaison"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body))
    exp = expect(
        title=title, frm=["IEEE 802.1 WG"], from_contacts=["matthijs.vandijk@example.com", "wen.zhao@example.com"],
        send_reply_to=None, to=[TO("DETNET")], to_contacts=["detnet-chairs@example.org"], send_to=None,
        purpose="response", deadline=None, in_response_to=earlier, other_identifiers=[],
        delivered_to="statements@example.org", misdirected=False, route_to=["DETNET"], attachments=[])
    return result(name, eml, exp, None,
                  "IEEE 802.1 letter in the body, mailed To: the DetNet chairs with the intake only in Cc: (so "
                  "send_to is null, the chairs' address is a to_contact); response framed in prose with the "
                  "earlier title quoted; plenary dates as decoys; sending-side TSN chair in Cc:")


@case("ieee-80211-pdf-info-two-wgs", "IEEE 802", "802.11 PDF letter for information to two WGs, named recipients with addresses")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 18, 23, 5, 12, -5)
    title = "Status of the IEEE 802.11bh and IEEE 802.11bi privacy amendments"
    pdf = PDF()
    ieee_letterhead(pdf, "IEEE 802.11 Working Group")
    pdf.line("May 18, 2026", dy=24)
    pdf.kv("To:", "Sanjay Mehta <sanjay.mehta@example.com>, Co-Chair, IETF MADINAS WG", vx=130, width=90)
    pdf.kv("", "Tereza Novakova <tereza.novakova@example.com>, Co-Chair, IETF DHC WG", vx=130, width=90)
    pdf.newline(4)
    pdf.kv("From:", "Rodrigo Alvarenga <rodrigo.alvarenga@example.com>, Chair, IEEE 802.11 Working Group",
           vx=130, width=90)
    pdf.newline(4)
    pdf.kv("Subject:", title, vx=130, width=80)
    pdf.newline(12)
    pdf.line("Dear Colleagues,", dy=20)
    pdf.para("This letter is sent for your information. It summarizes the status of two IEEE 802.11 amendments "
             "that relate to the work of the IETF MADINAS and DHC working groups.")
    pdf.para("IEEE 802.11bh (operation with randomized and changing MAC addresses) was approved as a standard in "
             "March 2026. IEEE P802.11bi (enhanced service privacy) is in sponsor ballot; a second recirculation "
             "is expected to close on 22 June 2026.")
    pdf.para("No action is requested. We will send a further update after our next plenary session, "
             "November 8-13, 2026.")
    pdf.line("Sincerely,", dy=30)
    pdf.line("Rodrigo Alvarenga")
    pdf.line("Chair, IEEE 802.11 Working Group")
    fname = "11-26-0871-00-0000-liaison-to-ietf-madinas-dhc.pdf"
    body = ("Hello,\n\nOn behalf of the IEEE 802.11 WG chair, please find attached a liaison letter\n"
            "(document 11-26/0871r0) to the IETF MADINAS and DHC working groups.\n\n"
            "Best,\nKeiko Hamada\nIEEE 802.11 Liaison Officer\n")
    eml = message(
        env(rng, "statements@example.org", "keiko.hamada@example.com", "mail.example.com", "192.0.2.92", date) + [
            ("From", addr("Keiko Hamada", "keiko.hamada@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "IEEE 802.11 liaison letter 11-26/0871r0 to IETF MADINAS and DHC"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "apple")),
        ],
        multipart("mixed", rng.boundary("apple"), [text(body, charset="us-ascii"),
                                                    attachment(pdf.bytes(), "application/pdf", fname)]))
    exp = expect(
        title=title, frm=["IEEE 802.11 WG"],
        from_contacts=["keiko.hamada@example.com", "rodrigo.alvarenga@example.com"], send_reply_to=None,
        to=[TO("MADINAS"), TO("DHC")], to_contacts=["sanjay.mehta@example.com", "tereza.novakova@example.com"],
        send_to="statements@example.org", purpose="information", deadline=None, in_response_to=None,
        other_identifiers=["11-26/0871r0"], delivered_to="statements@example.org", misdirected=False,
        route_to=["MADINAS", "DHC"], attachments=[(fname, "application/pdf")])
    return result(name, eml, exp, None,
                  "IEEE 802.11 letter as PDF for information to two WGs (named co-chairs with addresses are "
                  "to_contacts), sent by the liaison officer (sending side) on the chair's behalf; the IEEE "
                  "document number 11-26/0871r0 is its identifier; ballot and plenary dates as decoys")


@case("ieee-8021-outlook-original-message-forward", "IEEE 802", "inline '-----Original Message-----' forward by the liaison manager, ';'-separated original To:")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 17, 9, 44, 2, 0)
    title = "Request for review of IEEE P802.1Qcw YANG modules for scheduled traffic"
    letter = """\
IEEE 802.1 Working Group
of the IEEE 802 LAN/MAN Standards Committee

16 March 2026

To:       Chairs, IETF NETMOD WG and IETF OPSAWG
From:     Astrid Nilsson, Chair, IEEE 802.1 Working Group
Subject:  %s

Dear Colleagues,

IEEE P802.1Qcw specifies YANG modules for scheduled traffic, frame
preemption and per-stream filtering and policing. The draft has reached
working group ballot and we request your review, in particular of the use
of the interface management and hardware management models.

We would appreciate receiving your comments by October 30, 2026. Our
interim session in September 2026 (14-17 September) will consider any
comments received by then.

Sincerely,

Astrid Nilsson
Chair, IEEE 802.1 Working Group
astrid.nilsson@example.com
""" % title
    plain = ("Forwarding for the record; this went to the chairs only.\n\n"
             "Paul Okoro\nIETF Liaison Manager to IEEE 802.1\n\n"
             "-----Original Message-----\n"
             "From: Astrid Nilsson <astrid.nilsson@example.com>\n"
             "Sent: Monday, March 16, 2026 4:12 PM\n"
             "To: netmod-chairs@example.org; opsawg-chairs@example.org\n"
             "Cc: Paul Okoro <paul.okoro@example.com>\n"
             "Subject: Liaison from IEEE 802.1 to IETF NETMOD and OPSAWG\n\n" + letter)
    htm = OUTLOOK_HEAD % {"cs": "us-ascii"}
    htm += mso_p("Forwarding for the record; this went to the chairs only.") + MSO_BLANK
    htm += mso_p("Paul Okoro<br>IETF Liaison Manager to IEEE 802.1") + MSO_BLANK
    htm += ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
            '<p class="MsoNormal"><b>From:</b> Astrid Nilsson &lt;astrid.nilsson@example.com&gt; <br>\n'
            '<b>Sent:</b> Monday, March 16, 2026 4:12 PM<br>\n'
            '<b>To:</b> netmod-chairs@example.org; opsawg-chairs@example.org<br>\n'
            '<b>Cc:</b> Paul Okoro &lt;paul.okoro@example.com&gt;<br>\n'
            '<b>Subject:</b> Liaison from IEEE 802.1 to IETF NETMOD and OPSAWG<o:p></o:p></p>\n</div>\n')
    htm += "".join(mso_p(html.escape(ln) if ln else "&nbsp;") for ln in letter.split("\n"))
    htm += OUTLOOK_TAIL
    eml = message(
        env(rng, "statements@example.org", "paul.okoro@example.com", "AM9PR02MB7711.eurprd02.prod.example.com",
            "198.51.100.140", date) + [
            ("From", addr("Paul Okoro", "paul.okoro@example.com")),
            ("To", '"statements@example.org" <statements@example.org>'),
            ("Subject", "FW: Liaison from IEEE 802.1 to IETF NETMOD and OPSAWG"),
            ("Thread-Topic", "Liaison from IEEE 802.1 to IETF NETMOD and OPSAWG"),
            ("Thread-Index", "AdzUq1xPl0w3cJ4aR7qz2Kx8bV0yLg=="),
            ("Date", date),
            ("Message-ID", rng.msgid("AM9PR02MB7711.eurprd02.prod.example.com", "outlook")),
            ("Accept-Language", "en-US"),
            ("Content-Language", "en-US"),
        ],
        multipart("alternative", rng.boundary("outlook"), [text(plain, charset="us-ascii", cte="quoted-printable"),
                                                            text(htm, "html", "us-ascii", "quoted-printable")]))
    exp = expect(
        title=title, frm=["IEEE 802.1 WG"], from_contacts=["astrid.nilsson@example.com"], send_reply_to=None,
        to=[TO("NETMOD"), TO("OPSAWG")], to_contacts=["netmod-chairs@example.org", "opsawg-chairs@example.org"],
        send_to=None, purpose="action", deadline="2026-10-30", in_response_to=None, other_identifiers=[],
        delivered_to="statements@example.org", misdirected=False, route_to=["NETMOD", "OPSAWG"], attachments=[])
    return result(name, eml, exp, "October 30, 2026",
                  "IEEE 802.1 letter forwarded inline by the IETF liaison manager from Outlook ('FW:', "
                  "'-----Original Message-----', multipart/alternative): the original From:/To: lines count, "
                  "the To: list is ';'-separated, the original's Cc: (the liaison manager) is not a contact; "
                  "US-style deadline in prose, interim dates as decoys; no addresses in the letter's To: line")


# ============================================================================================
# Statements: BBF, MEF
# ============================================================================================

BBF_MEETINGS = """\
Date of Upcoming Broadband Forum Meetings:
%s
The full list is at https://www.example.net/bbf/meetings"""


@case("bbf-docx-end-of-september", "BBF", "BBF letter in DOCX, 'end of September', earlier LIAISE number as decoy, reply address labelled")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 10, 15, 45, 0, -4)
    title = "Service quality monitoring for broadband access networks"
    blocks = [
        w_p("Broadband Forum", bold=True, size=36),
        w_p("LIAISON STATEMENT", bold=True, size=24),
        w_p("LIAISE-621", bold=True, jc="right"),
        w_tbl([
            [{"t": "Date:", "b": True}, "9 June 2026"],
            [{"t": "From:", "b": True}, "Broadband Forum Technical Committee"],
            [{"t": "To:", "b": True}, "IETF OPSAWG"],
            [{"t": "Subject:", "b": True}, "Service quality moni\u00a6toring for broadband access networks"],
        ], [1800, 7800], borders=False),
        w_p(""),
        w_p("Dear OPSAWG co-chairs,"),
        w_p("The Broadband Forum Technical Committee thanks OPSAWG for its reply to our earlier liaison "
            "LIAISE-588 on service assurance data models."),
        w_p("BBF has now started Issue 2 of TR-452, which defines service quality monitoring for broadband "
            "access. The issue will reuse the IETF service assurance for intent-based networking architecture "
            "and its YANG modules, extended with access-specific symptoms."),
        w_p("BBF asks OPSAWG to review the list of access-specific symptoms in Appendix II of the attached "
            "working text and to indicate whether they could be registered in the IETF symptom registry. We "
            "would appreciate a response by the end of September 2026."),
        w_p("Please send any response to bbf-liaisons@example.net."),
        w_p("Sincerely,"),
        w_p("Fiona Gallagher-Reyes"),
        w_p("Broadband Forum Technical Committee Chair"),
        w_p(""),
        w_p("Contacts:", bold=True),
        w_p("Fiona Gallagher-Reyes, Broadband Forum Technical Committee Chair, fiona.gallagherreyes@example.com"),
        w_p("Ludovic Fenwick, Liaisons at Broadband Forum, bbf-liaisons@example.net"),
        w_p("Karina Wojcik, IETF Liaison Manager to BBF, bbf-liaison@example.org"),
        w_p(""),
        w_p("Date of Upcoming Broadband Forum Meetings:", bold=True),
        w_p("24 - 28 August 2026\tQ3 Meeting, virtual", tabs=[3000]),
        w_p("16 - 20 November 2026\tQ4 Meeting, Lisbon, Portugal", tabs=[3000]),
        w_p(""),
        w_p("Broadband Forum Reference: LIAISE-621", size=18),
    ]
    doc = docx(blocks, "Broadband Forum", title)
    fname = "LIAISE-621-OPSAWGonServiceQuality.docx"
    body = ("Dear IETF liaison coordinators,\n\nPlease find attached liaison LIAISE-621 from the Broadband "
            "Forum to the\nIETF OPSAWG.\n\nKind regards,\nLudovic Fenwick\nLiaisons at Broadband Forum\n")
    eml = message(
        env(rng, "liaison-coordination@example.org", "bbf-liaisons@example.net", "out.example.net", "198.51.100.73",
            date) + [
            ("Date", date),
            ("From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")),
            ("To", "liaison-coordination@example.org"),
            ("Subject", "Broadband Forum liaison LIAISE-621 to IETF OPSAWG"),
            ("Message-ID", rng.msgid("example.net")),
        ],
        multipart("mixed", rng.boundary(), [text(body), attachment(doc, DOCX_CT, fname)]))
    exp = expect(
        title=title, frm=["BBF"], from_contacts=["bbf-liaisons@example.net", "fiona.gallagherreyes@example.com"],
        send_reply_to="bbf-liaisons@example.net", to=[TO("OPSAWG")], to_contacts=["bbf-liaison@example.org"],
        send_to="liaison-coordination@example.org", purpose="action", deadline="2026-09-30", in_response_to=None,
        other_identifiers=["LIAISE-621"], delivered_to="liaison-coordination@example.org", misdirected=False,
        route_to=["OPSAWG"], attachments=[(fname, DOCX_CT)])
    return result(name, eml, exp, "end of September 2026",
                  "BBF letter in a DOCX (borderless label table, Subject: line as title split across runs): "
                  "an earlier letter LIAISE-588 and TR-452 as non-identifiers, 'by the end of September 2026', "
                  "contact list mixing sending side and the IETF liaison manager (receiving side), meeting "
                  "list as decoys")


@case("bbf-response-body-prose", "BBF", "BBF response in prose, earlier IETF title quoted, meeting decoys")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 5, 11, 31, 9, -4)
    earlier = "Responsiveness metrics for home networks"
    title = "Response to IETF IPPM liaison on responsiveness metrics for home networks"
    body = """\
LIAISE-634

Date:     4 May 2026
From:     Broadband Forum Technical Committee
To:       IETF IPPM WG
Subject:  %(title)s

Dear IPPM co-chairs,

In response to your liaison statement "%(earlier)s" dated 12 March 2026,
the Broadband Forum Technical Committee would like to share the following.

BBF agrees that the responsiveness metric defined by IPPM is suitable for
home network testing. TR-398 Issue 4 will reference it for the Wi-Fi
performance test cases, and the BBF test harness will report the metric in
round trips per minute.

BBF does not plan to define a separate responsiveness metric.

Sincerely,

Ruth Adeyemi
Broadband Forum Technical Committee Chair
ruth.adeyemi@example.com

%(meetings)s

Broadband Forum Reference: LIAISE-634
""" % {"title": title, "earlier": earlier, "meetings": BBF_MEETINGS % (
        "27 April - 1 May 2026     Q2 Meeting, Edinburgh, Scotland\n"
        "24 - 28 August 2026       Q3 Meeting, virtual")}
    eml = message(
        env(rng, "statements@example.org", "bbf-liaisons@example.net", "out.example.net", "198.51.100.73", date) + [
            ("Date", date),
            ("From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "LIAISE-634: BBF response to IETF IPPM"),
            ("Message-ID", rng.msgid("example.net")),
        ],
        text(body))
    exp = expect(
        title=title, frm=["BBF"], from_contacts=["bbf-liaisons@example.net", "ruth.adeyemi@example.com"],
        send_reply_to=None, to=[TO("IPPM")], to_contacts=[], send_to="statements@example.org", purpose="response",
        deadline=None, in_response_to=earlier, other_identifiers=["LIAISE-634"],
        delivered_to="statements@example.org", misdirected=False, route_to=["IPPM"], attachments=[])
    return result(name, eml, exp, None,
                  "BBF response in the body: 'In response to your liaison statement \"...\"' with the IETF "
                  "title quoted, TR-398 as a non-identifier, upcoming-meeting list (a date range spanning two "
                  "months) as decoys")


@case("bbf-outlook-html-only-cp1252", "BBF", "HTML-only Outlook windows-1252 with label table, 'Response requested by: mid-October'")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 7, 2, 14, 58, 37, -4)
    cid = "image001.png@01DD0A1C.6B2F4E90"
    title = "Metrics for upstream latency under load in PON access networks"
    htm = OUTLOOK_HEAD % {"cs": "Windows-1252"}
    htm += mso_p("Dear IPPM chairs,") + MSO_BLANK
    htm += mso_p("On behalf of the Broadband Forum Technical Committee, I\u2019m sending you the liaison below. "
                 "We\u2019d be grateful for your feedback.") + MSO_BLANK
    htm += mso_table([
        ["Reference:", "LIAISE-640"],
        ["Date:", "1 July 2026"],
        ["From:", "Broadband Forum Technical Committee"],
        ["To:", "IETF IPPM WG"],
        ["Subject:", title],
        ["Response requested by:", "mid-October 2026"],
        ["Contact:", 'Ludmila Hor\u00e1kov\u00e1, BBF PON Work Area Director, '
                     '<a href="mailto:ludmila.horakova@example.com">ludmila.horakova@example.com</a>'],
    ])
    htm += MSO_BLANK
    htm += mso_p("The BBF PON work area is specifying test cases for upstream latency in XGS-PON and 50G-PON "
                 "networks when the dynamic bandwidth allocation is under load. The test cases use the IPPM "
                 "one-way delay metrics, with the \u201cunder load\u201d condition defined by BBF.")
    htm += mso_p("BBF asks the IETF IPPM WG whether a registry entry for an \u201cupstream latency under "
                 "load\u201d metric would be appropriate, and whether IPPM would prefer to define it.") + MSO_BLANK
    htm += mso_p("Next BBF meeting: Q3 Meeting, 24\u201328 August 2026, virtual.") + MSO_BLANK
    htm += mso_p("Best regards,<br>Ludmila Hor\u00e1kov\u00e1<br>BBF PON Work Area Director")
    htm += '<p class="MsoNormal"><img width="120" height="40" id="Picture_x0020_1" src="cid:%s" alt="Broadband Forum"><o:p></o:p></p>\n' % cid
    htm += OUTLOOK_TAIL
    related = multipart("related", rng.boundary("outlook").replace("_000_", "_004_"), [
        text(htm, "html", "Windows-1252", "quoted-printable"), inline_png(cid, seed=7)], params=';\n type="text/html"')
    eml = message(
        env(rng, "statements@example.org", "ludmila.horakova@example.com", "NAM12-BN8-obe.outbound.example.com",
            "198.51.100.150", date) + [
            ("From", addr("Ludmila Hor\u00e1kov\u00e1", "ludmila.horakova@example.com", "windows-1252", "Q")),
            ("To", '"statements@example.org" <statements@example.org>'),
            ("Subject", "BBF liaison LIAISE-640 to IETF IPPM"),
            ("Thread-Topic", "BBF liaison LIAISE-640 to IETF IPPM"),
            ("Thread-Index", "AdzqHv1n8Q3kZm5xTSK2oWb0c9P1wQ=="),
            ("Date", date),
            ("Message-ID", rng.msgid("BN8PR12MB3342.namprd12.prod.example.com", "outlook")),
            ("Accept-Language", "en-US"),
            ("Content-Language", "en-US"),
        ], related)
    exp = expect(
        title=title, frm=["BBF"], from_contacts=["ludmila.horakova@example.com"], send_reply_to=None,
        to=[TO("IPPM")], to_contacts=[], send_to="statements@example.org", purpose="action",
        deadline="2026-10-15", in_response_to=None, other_identifiers=["LIAISE-640"],
        delivered_to="statements@example.org", misdirected=False, route_to=["IPPM"], attachments=[])
    return result(name, eml, exp, "mid-October 2026",
                  "BBF liaison in HTML-only Outlook mail (multipart/related, windows-1252 quoted-printable, "
                  "curly apostrophes, label table, mailto link, inline logo that is not an attachment): "
                  "'Response requested by: mid-October 2026'; quoted display name equal to the address")


@case("bbf-pdf-misdirected-to-ippm", "BBF", "MISDIRECTED (LS for OPSAWG delivered at the IPPM list), 'Month Dth, YYYY'")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 8, 12, 10, 2, 0, -4)
    title = "Access network inventory YANG modules and the IETF network inventory model"
    pdf = PDF()
    pdf.line("Broadband Forum", bold=True, size=18, dy=20)
    pdf.line("Liaison Statement", size=11, dy=16)
    pdf.line("LIAISE-645", x=440, bold=True, size=11, dy=28)
    pdf.kv("Date:", "11 August 2026", vx=130)
    pdf.kv("To:", "IETF OPSAWG", vx=130)
    pdf.kv("From:", "Broadband Forum Technical Committee", vx=130)
    pdf.kv("Subject:", title, vx=130, width=60)
    pdf.newline(12)
    pdf.line("Dear OPSAWG co-chairs,", dy=20)
    pdf.para("BBF is aligning the inventory part of its access network YANG modules (WT-383 Amendment 7) with "
             "the IETF network inventory model. BBF would like to know whether OPSAWG intends to add "
             "access-specific component classes, or whether BBF should define them in an augmentation.")
    pdf.para("We kindly request your feedback by October 16th, 2026.")
    pdf.line("Sincerely,", dy=28)
    pdf.line("Ruth Adeyemi")
    pdf.line("Broadband Forum Technical Committee Chair", dy=24)
    pdf.line("Contacts:", bold=True)
    pdf.line("Ruth Adeyemi, Broadband Forum Technical Committee Chair, ruth.adeyemi@example.com")
    pdf.line("Ludovic Fenwick, Liaisons at Broadband Forum, bbf-liaisons@example.net", dy=24)
    pdf.line("Broadband Forum Reference: LIAISE-645", size=9)
    fname = "LIAISE-645-OPSAWGonInventory.pdf"
    body = ("Dear IPPM chairs,\n\nPlease find attached Broadband Forum liaison LIAISE-645.\n\n"
            "Kind regards,\nLudovic Fenwick\nLiaisons at Broadband Forum\n")
    eml = message(
        env(rng, "ippm@example.org", "bbf-liaisons@example.net", "out.example.net", "198.51.100.73", date) + [
            ("Date", date),
            ("From", addr("Broadband Forum Liaisons", "bbf-liaisons@example.net")),
            ("To", "ippm@example.org"),
            ("Subject", "LIAISE-645"),
            ("Message-ID", rng.msgid("example.net")),
        ],
        multipart("mixed", rng.boundary(), [text(body), attachment(pdf.bytes(), "application/pdf", fname)]))
    exp = expect(
        title=title, frm=["BBF"], from_contacts=["bbf-liaisons@example.net", "ruth.adeyemi@example.com"],
        send_reply_to=None, to=[TO("OPSAWG")], to_contacts=[], send_to=None, purpose="action",
        deadline="2026-10-16", in_response_to=None, other_identifiers=["LIAISE-645"],
        delivered_to="ippm@example.org", misdirected=True, route_to=["OPSAWG"],
        attachments=[(fname, "application/pdf")])
    return result(name, eml, exp, "October 16th, 2026",
                  "MISDIRECTED: BBF letter as PDF addressed to IETF OPSAWG but mailed to and delivered at the "
                  "IPPM list (the cover even greets the IPPM chairs); subject is only the LIAISE number; "
                  "'October 16th, 2026'")


@case("mef-pdf-letter-earlier-l-numbers", "MEF", "MEF letter PDF, earlier L-numbers as decoys, 'June 5, 2026'")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 17, 13, 20, 44, -4)
    title = "Request for review of the MEF LSO Sonata SD-WAN service YANG module"
    pdf = PDF()
    pdf.line("MEF", bold=True, size=20, dy=22)
    pdf.line("MEF Reference: L00412", x=380, size=10, dy=14)
    pdf.line("Date: April 16, 2026", x=380, size=10, dy=28)
    pdf.kv("To:", "IETF OPSAWG", vx=120)
    pdf.kv("From:", "MEF Technical Committee", vx=120)
    pdf.kv("Subject:", title, vx=120, width=70)
    pdf.newline(12)
    pdf.line("Dear Yolanda Brightwater, Stefan Oduya, and Henrik Solberg:", dy=20)
    pdf.para("MEF thanks OPSAWG for the productive exchange that followed our letters L00377 and L00391 on "
             "SD-WAN service attributes. As announced in L00391, MEF has now completed the draft YANG module "
             "for the LSO Sonata SD-WAN service order (MEF W137.1).")
    pdf.para("MEF requests that OPSAWG review the draft, in particular the alignment of its attachment circuit "
             "attributes with the IETF attachment circuit model, and send any comments by June 5, 2026. The "
             "draft is available at https://www.example.net/mef/drafts/W137.1.")
    pdf.para("The MEF Technical Committee meets next on May 18-21, 2026 in Dublin, Ireland.")
    pdf.line("Sincerely,", dy=28)
    pdf.line("Harold Mbeki")
    pdf.line("Chair, MEF Technical Committee")
    pdf.line("harold.mbeki@example.com")
    fname = "MEF_L00412_to_IETF_OPSAWG.pdf"
    body = ("Dear IETF liaison coordinators,\n\nAttached is MEF liaison letter L00412 to the IETF OPSAWG.\n\n"
            "Regards,\nHarold Mbeki\nChair, MEF Technical Committee\n")
    eml = message(
        env(rng, "statements@example.org", "harold.mbeki@example.com", "mail.example.com", "192.0.2.93", date) + [
            ("From", addr("Harold Mbeki", "harold.mbeki@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "MEF liaison L00412 to IETF OPSAWG"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        multipart("mixed", rng.boundary(), [text(body), attachment(pdf.bytes(), "application/pdf", fname)]))
    exp = expect(
        title=title, frm=["MEF"], from_contacts=["harold.mbeki@example.com"], send_reply_to=None,
        to=[TO("OPSAWG")], to_contacts=[], send_to="statements@example.org", purpose="action",
        deadline="2026-06-05", in_response_to=None, other_identifiers=["L00412"],
        delivered_to="statements@example.org", misdirected=False, route_to=["OPSAWG"],
        attachments=[(fname, "application/pdf")])
    return result(name, eml, exp, "June 5, 2026",
                  "MEF letter as PDF: own reference L00412 with the earlier letters L00377/L00391 and MEF W137.1 "
                  "as decoys, salutation naming three people, 'June 5, 2026' (US order) and a next-meeting "
                  "date range as decoy; the letter date also in US order")


@case("mef-response-apple-mail", "MEF", "MEF prose response, multipart/alternative (Apple Mail), subject line in the letter")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 22, 18, 2, 30, -7)
    earlier = "SRv6 compressed SID considerations for SD-WAN overlays"
    title = "Response to IETF SPRING WG liaison on SRv6 SID usage in MEF SD-WAN services"
    plain = """\
MEF Reference: L00418
Date: June 22, 2026

To:      IETF SPRING WG
From:    MEF Technical Committee
Subject: %(title)s

Dear SPRING WG chairs:

Thank you for your liaison statement "%(earlier)s" of April 30,
2026. In response, MEF would like to clarify that MEF SD-WAN services
(MEF 70.2) do not constrain the underlay technology, and that an SRv6
underlay using compressed SIDs is compatible with the MEF service
attributes.

MEF will add an informative appendix on SRv6 underlays to MEF 70.3 and
will send it to SPRING for information when it is published.

The MEF Technical Committee meets next on October 19-22, 2026 in
Singapore.

Best regards,

Carmen Villanueva
Co-Chair, MEF Technical Committee
carmen.villanueva@example.com
""" % {"title": title, "earlier": earlier}
    htm = ("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head>"
           "<body style=\"overflow-wrap: break-word;\"><div>" + "<br>".join(html.escape(ln) for ln in plain.split("\n"))
           + "</div></body></html>\n")
    eml = message(
        env(rng, "statements@example.org", "carmen.villanueva@example.com", "mail.example.com", "192.0.2.94", date) + [
            ("From", addr("Carmen Villanueva", "carmen.villanueva@example.com")),
            ("Subject", "MEF L00418 - response to SPRING"),
            ("Date", date),
            ("Message-Id", rng.msgid("example.com", "apple")),
            ("To", "statements@example.org"),
            ("X-Mailer", "Apple Mail (2.3826.400.131)"),
        ],
        multipart("alternative", rng.boundary("apple"), [text(plain, charset="us-ascii", quote_cs=False),
                                                           text(htm, "html", "utf-8", "quoted-printable", quote_cs=False)]))
    exp = expect(
        title=title, frm=["MEF"], from_contacts=["carmen.villanueva@example.com"], send_reply_to=None,
        to=[TO("SPRING")], to_contacts=[], send_to="statements@example.org", purpose="response", deadline=None,
        in_response_to=earlier, other_identifiers=["L00418"], delivered_to="statements@example.org",
        misdirected=False, route_to=["SPRING"], attachments=[])
    return result(name, eml, exp, None,
                  "MEF response letter in Apple Mail multipart/alternative: the earlier IETF title is quoted in "
                  "'Thank you for your liaison statement \"...\"' followed by 'In response', MEF 70.2/70.3 as "
                  "non-identifiers, next-meeting date as decoy")


# ============================================================================================
# Statements: ETSI, O-RAN
# ============================================================================================

@case("etsi-cyber-docx-3gpp-labels-ddmmyyyy", "ETSI", "ETSI TC CYBER DOCX with 3GPP-like labels, ambiguous 05.06.2026")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 3, 9, 15, 27, 2)
    title = "LS on certificate transparency for relying parties of European digital identity wallets"
    T = [2552]
    blocks = [
        w_p("ETSI TC CYBER#42\t\t\tCYBER(26)014021", bold=True, tabs=[3402, 5670, 7371]),
        w_p("Sophia Antipolis, 24 - 26 March 2026", bold=True),
        w_p(""),
        w_p("Title:\tLS on certificate transparency for relying parties of Euro\u00a6pean digital identity wallets",
            tabs=T, bold=True),
        w_p("From:\tETSI TC CYBER", tabs=T),
        w_p("To:\tIETF LAMPS WG, IETF ACME WG", tabs=T),
        w_p("Cc:\tETSI TC ESI", tabs=T),
        w_p("Response to:\t-", tabs=T),
        w_p("Contact:\tRadu Ionescu (TC CYBER WG QSC), radu.ionescu@example.com", tabs=T),
        w_p("Send any reply to:\tcyber-support@example.net", tabs=T),
        w_p("Attachments:\tNone", tabs=T),
        w_p(""),
        w_p("1\tOverall description", bold=True, tabs=[567]),
        w_p("TC CYBER is preparing a Technical Specification on the registration certificates issued to relying "
            "parties of European digital identity wallets. Wallet providers want to check such certificates "
            "against public logs before disclosing any attribute."),
        w_p("2\tActions", bold=True, tabs=[567]),
        w_p("TC CYBER kindly asks IETF LAMPS WG and IETF ACME WG to indicate whether the certificate "
            "transparency mechanisms defined in the IETF can be applied to such certificates, and whether ACME "
            "issuance of relying party certificates is foreseen. TC CYBER would appreciate a reply by "
            "05.06.2026."),
        w_p("3\tDate of next TC CYBER meetings", bold=True, tabs=[567]),
        w_p("CYBER#43\t23 - 25 June 2026\tSophia Antipolis", tabs=[1418, 4536]),
        w_p("CYBER#44\t6 - 8 October 2026\tonline", tabs=[1418, 4536]),
    ]
    doc = docx(blocks, "ETSI Secretariat", title)
    fname = "CYBER(26)014021_LS_to_IETF_LAMPS_ACME.docx"
    body = ("Dear Colleagues,\n\nPlease find attached a liaison statement from ETSI TC CYBER to the IETF\n"
            "LAMPS and ACME working groups, approved at CYBER#42.\n\n"
            "Best regards,\nAnneke Visser\nETSI Secretariat, Technical Officer TC CYBER\n")
    eml = message(
        env(rng, "statements@example.org", "anneke.visser@example.com", "mx1.example.net", "203.0.113.40", date) + [
            ("From", addr("Anneke Visser", "anneke.visser@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "ETSI TC CYBER LS to IETF LAMPS and ACME - CYBER(26)014021"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "outlook")),
        ],
        multipart("mixed", rng.boundary("outlook"), [text(body, charset="us-ascii"),
                                                      attachment(doc, DOCX_CT, fname)]))
    exp = expect(
        title=title, frm=["ETSI TC CYBER"], from_contacts=["anneke.visser@example.com", "radu.ionescu@example.com"],
        send_reply_to="cyber-support@example.net", to=[TO("LAMPS"), TO("ACME")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-06-05", in_response_to=None,
        other_identifiers=["CYBER(26)014021"], delivered_to="statements@example.org", misdirected=False,
        route_to=["LAMPS", "ACME"], attachments=[(fname, DOCX_CT)])
    return result(name, eml, exp, "05.06.2026",
                  "ETSI TC CYBER LS in a DOCX laid out with tabs and 3GPP-like labels (Title/From/To/Cc/Response "
                  "to/Contact/Send any reply to), ETSI document number with parentheses, an ETSI body in Cc "
                  "only; ambiguous 05.06.2026 read day-first; next-meeting decoys")


@case("etsi-f5g-outlook-html-two-addressees", "ETSI", "HTML-only Outlook windows-1252 with tables, two addressees, DD/MM/YYYY")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 26, 16, 21, 9, 2)
    cid = "image002.png@01DD0547.31C2A6F0"
    title = "LS on fgOTN slice telemetry and path computation for fixed access aggregation"
    htm = OUTLOOK_HEAD % {"cs": "Windows-1252"}
    htm += mso_p("Dear CCAMP and TEAS chairs,") + MSO_BLANK
    htm += mso_p("Please find below a liaison statement from ETSI ISG F5G, approved at F5G#34 "
                 "(Berlin, 22\u201324 June 2026).") + MSO_BLANK
    htm += mso_table([
        ["Document:", "F5G(26)034022"],
        ["Title:", title],
        ["From:", "ETSI ISG F5G"],
        ["To:", "IETF CCAMP WG, IETF TEAS WG"],
        ["Cc:", "ITU-T SG15"],
        ["Purpose:", "For action"],
        ["Deadline:", "30/09/2026"],
        ["Contact:", "J\u00fcrgen Pfeifer (ISG F5G Vice-Chair), juergen.pfeifer@example.com"],
        ["Send any reply to:", "isgf5g-support@example.net"],
    ])
    htm += MSO_BLANK
    htm += mso_p("1.&nbsp;Overall description", bold=True)
    htm += mso_p("ISG F5G has specified fine-grain OTN (fgOTN) slices for the aggregation segment of fixed access "
                 "networks. Operators need path computation that is aware of 10&nbsp;Mbit/s slice granularity "
                 "and telemetry per slice.")
    htm += mso_p("2.&nbsp;Actions", bold=True)
    htm += mso_p("ISG F5G asks IETF CCAMP WG to consider fgOTN in the OTN topology and tunnel models, and IETF "
                 "TEAS WG to advise on the use of the network slice service model for fgOTN slices.")
    htm += mso_p("3.&nbsp;Next meetings", bold=True)
    htm += mso_p("F5G#35: 14\u201316 October 2026, Sophia Antipolis") + MSO_BLANK
    htm += mso_p("Mit freundlichen Gr\u00fc\u00dfen / Kind regards<br>J\u00fcrgen Pfeifer")
    htm += '<p class="MsoNormal"><img width="96" height="32" id="Picture_x0020_2" src="cid:%s" alt="ETSI"><o:p></o:p></p>\n' % cid
    htm += OUTLOOK_TAIL
    related = multipart("related", rng.boundary("outlook").replace("_000_", "_004_"), [
        text(htm, "html", "Windows-1252", "quoted-printable"), inline_png(cid, "image002.png", seed=11)],
        params=';\n type="text/html"')
    eml = message(
        env(rng, "statements@example.org", "juergen.pfeifer@example.com", "EUR03-VI1-obe.outbound.example.com",
            "198.51.100.133", date) + [
            ("From", addr("Pfeifer, J\u00fcrgen", "juergen.pfeifer@example.com", "windows-1252", "Q")),
            ("To", "statements@example.org"),
            ("Subject", subj("ETSI ISG F5G LS \u2013 fgOTN slice telemetry (F5G(26)034022)", "windows-1252", "Q")),
            ("Thread-Topic", "ETSI ISG F5G LS - fgOTN slice telemetry (F5G(26)034022)"),
            ("Date", date),
            ("Message-ID", rng.msgid("VI1PR04MB5521.eurprd04.prod.example.com", "outlook")),
            ("Accept-Language", "de-DE, en-US"),
            ("Content-Language", "en-US"),
        ], related)
    exp = expect(
        title=title, frm=["ETSI ISG F5G"], from_contacts=["juergen.pfeifer@example.com"],
        send_reply_to="isgf5g-support@example.net", to=[TO("CCAMP"), TO("TEAS")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-09-30", in_response_to=None,
        other_identifiers=["F5G(26)034022"], delivered_to="statements@example.org", misdirected=False,
        route_to=["CCAMP", "TEAS"], attachments=[])
    return result(name, eml, exp, "30/09/2026",
                  "ETSI ISG F5G LS in HTML-only Outlook mail (windows-1252 QP, label table, inline logo, "
                  "'Last, First' Q-encoded display name, German closing with sharp s): two addressees in one "
                  "cell, DD/MM/YYYY deadline, meeting date ranges with en dashes as decoys")


@case("etsi-isg-nfv-gmail-inline-forward", "ETSI", "non-directory ISG (NFV), Gmail inline forward by an RG chair, information")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 14, 10, 3, 7, 2)
    title = "LS on NFV management and orchestration intent interfaces"
    body = """\
Forwarding an ETSI NFV liaison that reached the NMRG chairs; for the
record.

Ioana

---------- Forwarded message ---------
From: Bruno Teixeira <bruno.teixeira@example.com>
Date: Wed, 13 May 2026 at 18:20
Subject: ETSI ISG NFV liaison to IRTF NMRG - NFV(26)000311
To: <nmrg-chairs@example.org>
Cc: ETSI NFV Support <nfvsupport@example.net>


Dear NMRG chairs,

ETSI ISG NFV approved the following liaison statement by e-mail on
12 May 2026.

Title:        LS on NFV management and orchestration intent interfaces
From:         ETSI ISG NFV
To:           IRTF NMRG
Cc:           ETSI ZSM
Purpose:      For information
Document:     NFV(26)000311
Contact:      Bruno Teixeira, NFV-IFA rapporteur, bruno.teixeira@example.com

ISG NFV has published Release 6 of its management and orchestration
specifications, which add an intent-based interface between the NFV
orchestrator and the operations support systems. The intent model reuses
the concepts of the NMRG intent classification.

No action is requested. ISG NFV will present the work at the next NMRG
interim meeting if invited.

Next ISG NFV plenary: NFV#55, 7-10 September 2026, Sophia Antipolis.

Best regards,
Bruno Teixeira
"""
    eml = message(
        env(rng, "statements@example.org", "ioana.popescu@example.com", "mail-lj1-f171.example.com",
            "198.51.100.171", date) + [
            ("From", addr("Ioana Popescu", "ioana.popescu@example.com")),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "gmail")),
            ("Subject", "Fwd: ETSI ISG NFV liaison to IRTF NMRG - NFV(26)000311"),
            ("To", "statements@example.org"),
        ],
        multipart("alternative", rng.boundary("gmail"), [
            text(body, charset="UTF-8"),
            text('<div dir="ltr">' + html.escape(body).replace("\n", "<br>\n") + "</div>\n", "html", "UTF-8",
                 "quoted-printable")]))
    exp = expect(
        title=title, frm=["ETSI ISG NFV"], from_contacts=["bruno.teixeira@example.com", "nfvsupport@example.net"],
        send_reply_to=None,
        to=[TO("NMRG")], to_contacts=["nmrg-chairs@example.org"], send_to=None, purpose="information",
        deadline=None, in_response_to=None, other_identifiers=["NFV(26)000311"],
        delivered_to="statements@example.org", misdirected=False, route_to=["NMRG"], attachments=[])
    return result(name, eml, exp, None,
                  "ETSI ISG NFV LS (ISG not in the directory) forwarded inline by the NMRG chair from Gmail "
                  "('---------- Forwarded message ---------', multipart/alternative): the original From:/To: "
                  "count (the original Cc:, an ETSI support address, is a sending-side Cc entry), send_to null; "
                  "e-mail approval and plenary dates as decoys")


@case("oran-wg4-docx-end-of-march", "O-RAN", "O-RAN WG4 DOCX, two addressees, 'End of March 2027' across a year boundary")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 11, 20, 9, 0, 41, 1)
    title = "Packet transport requirements for shared O-RU deployments"
    blocks = [
        w_p("O-RAN ALLIANCE", bold=True, size=32),
        w_p("Liaison Statement", bold=True, size=24),
        w_tbl([
            [{"t": "Reference:", "b": True}, "O-RAN.WG4.LS-2026-011"],
            [{"t": "Title:", "b": True}, {"t": "Packet transport require\u00a6ments for shared O-RU deployments", "b": True}],
            [{"t": "From:", "b": True}, "O-RAN Alliance WG4 (Open Fronthaul Interfaces Workgroup)"],
            [{"t": "To:", "b": True}, "IETF TEAS WG\nIETF DetNet WG"],
            [{"t": "Cc:", "b": True}, "O-RAN Alliance WG9"],
            [{"t": "Purpose:", "b": True}, "For action"],
            [{"t": "Deadline:", "b": True}, "End of March 2027"],
            [{"t": "Approval:", "b": True}, "Endorsed by the O-RAN SDFG on 17 November 2026"],
            [{"t": "Contact:", "b": True}, "Thandiwe Mokoena, WG4 co-chair, thandiwe.mokoena@example.com\n"
                                          "Henrique Batista, WG4 editor, henrique.batista@example.com"],
            [{"t": "Send any reply LS to:", "b": True}, "oran-wg4-chairs@example.net"],
        ], [2400, 7200]),
        w_p(""),
        w_p("1. Overall description", bold=True),
        w_p("WG4 is specifying shared O-RU operation, where one radio unit is shared by up to four operators, "
            "each with its own O-DU. The fronthaul of each operator is carried over a common packet transport "
            "network with per-operator isolation and deterministic latency."),
        w_p("2. Actions", bold=True),
        w_p("WG4 kindly asks IETF TEAS WG whether the network slice service model can express per-operator "
            "isolation on a shared fronthaul link, and IETF DetNet WG whether DetNet bounded-latency flows can "
            "be used for the time-critical part of the fronthaul."),
        w_p("3. Next meetings", bold=True),
        w_p("O-RAN F2F: 1-5 February 2027, Osaka, Japan."),
    ]
    doc = docx(blocks, "O-RAN WG4", title)
    fname = "O-RAN.WG4.LS-2026-011.docx"
    body = ("Dear IETF Liaison Coordination,\n\nPlease find attached O-RAN WG4 liaison statement\n"
            "O-RAN.WG4.LS-2026-011 to the IETF TEAS and DetNet working groups.\n\n"
            "Regards,\nThandiwe Mokoena\nO-RAN WG4 co-chair\n")
    eml = message(
        env(rng, "statements@example.org", "thandiwe.mokoena@example.com", "mail.example.com", "192.0.2.95", date) + [
            ("From", addr("Thandiwe Mokoena", "thandiwe.mokoena@example.com")),
            ("To", "statements@example.org"),
            ("Cc", "oran-wg4-chairs@example.net"),
            ("Subject", "O-RAN WG4 LS to IETF TEAS and DetNet"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        multipart("mixed", rng.boundary(), [text(body), attachment(doc, DOCX_CT, fname)]))
    exp = expect(
        title=title, frm=["O-RAN Alliance WG4"],
        from_contacts=["thandiwe.mokoena@example.com", "henrique.batista@example.com", "oran-wg4-chairs@example.net"],
        send_reply_to="oran-wg4-chairs@example.net", to=[TO("TEAS"), TO("DETNET")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2027-03-31", in_response_to=None,
        other_identifiers=["O-RAN.WG4.LS-2026-011"], delivered_to="statements@example.org", misdirected=False,
        route_to=["TEAS", "DETNET"], attachments=[(fname, DOCX_CT)])
    return result(name, eml, exp, "End of March 2027",
                  "O-RAN WG4 LS in a DOCX label table: two addressees on two lines of one cell, two contacts in "
                  "one cell, 'End of March 2027' (the next year), SDFG endorsement and F2F dates as decoys; the "
                  "reply role address is also in the mail's Cc: (sending side, so also a from_contact)")


@case("oran-wg4-big5-cover-pdf", "O-RAN", "Big5 Chinese cover (base64, B-encoded subject), English PDF LS, CJK date")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 15, 17, 48, 2, 8)
    title = "Fronthaul timing error budget for DetNet-enabled transport"
    body = """\
IETF DetNet 工作組主席您好：

我是 O-RAN 聯盟 WG4 的陳怡君。附件為 WG4 致 IETF DetNet 工作組的聯絡函
（O-RAN.WG4.LS-2026-007），已於 2026年6月11日經 SDFG 核可。

本聯絡函請求 DetNet 工作組提供意見，回覆期限為 2026年8月31日。
詳細內容請參閱附件 PDF。

敬祝 順利

陳怡君
O-RAN 聯盟 WG4 副主席
yijun.chen@example.com
"""
    pdf = PDF()
    pdf.line("O-RAN ALLIANCE", bold=True, size=16, dy=18)
    pdf.line("Liaison Statement O-RAN.WG4.LS-2026-007", size=10, dy=26)
    pdf.kv("Title:", title)
    pdf.kv("From:", "O-RAN WG4")
    pdf.kv("To:", "IETF DetNet WG")
    pdf.kv("Purpose:", "For action")
    pdf.kv("Deadline:", "31 August 2026")
    pdf.kv("Contact:", "Yi-Chun Chen, WG4 vice-chair, yijun.chen@example.com")
    pdf.newline(10)
    pdf.para("WG4 has allocated a timing error budget to each segment of a fronthaul network. When the transport "
             "segment is DetNet-enabled, WG4 needs to know whether DetNet can provide a bound on packet delay "
             "variation that is compatible with a 65 ns time error budget for the transport segment.")
    pdf.para("WG4 kindly asks IETF DetNet WG to comment before the deadline. The next WG4 plenary is planned "
             "for 28 September - 2 October 2026.")
    fname = "O-RAN.WG4.LS-2026-007.pdf"
    eml = message(
        env(rng, "statements@example.org", "yijun.chen@example.com", "mail.example.com", "203.0.113.91", date) + [
            ("Date", date),
            ("From", addr("陳怡君", "yijun.chen@example.com", "big5", "B")),
            ("To", "statements@example.org"),
            ("Subject", subj("O-RAN WG4 聯絡函：DetNet 傳輸之前傳時間誤差預算", "big5", "B")),
            ("Message-ID", "<%s.%s@mail.example.com>" % (rng.hex(14), rng.hex(6))),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ],
        multipart("mixed", rng.boundary(), [text(body, charset="big5", cte="base64"),
                                             attachment(pdf.bytes(), "application/pdf", fname)]))
    exp = expect(
        title=title, frm=["O-RAN Alliance WG4"], from_contacts=["yijun.chen@example.com"], send_reply_to=None,
        to=[TO("DETNET")], to_contacts=[], send_to="statements@example.org", purpose="action",
        deadline="2026-08-31", in_response_to=None, other_identifiers=["O-RAN.WG4.LS-2026-007"],
        delivered_to="statements@example.org", misdirected=False, route_to=["DETNET"],
        attachments=[(fname, "application/pdf")])
    return result(name, eml, exp, "2026年8月31日",
                  "O-RAN WG4 LS with a Traditional Chinese cover in Big5 (base64 body, B-encoded subject and From "
                  "name) and the English LS as PDF ('31 August 2026' there); the cover also has the SDFG "
                  "approval date in CJK form as a decoy; 'O-RAN WG4' short form")


# ============================================================================================
# Statements: ISO/IEC JTC 1, W3C, Datatracker
# ============================================================================================

@case("jtc1-sc27-act-due-date", "ISO/IEC JTC 1", "cover sheet, Expected action ACT, Action due date ISO, document date decoy")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 19, 8, 40, 0, 1)
    title = "Liaison statement on post-quantum certificate profiles in ISO/IEC 9594-8 amendment work"
    body = """\
ISO/IEC JTC 1/SC 27 N24188
ISO/IEC JTC 1/SC 27
Information security, cybersecurity and privacy protection
Secretariat: DIN

Document type:        Liaison Organization Contribution
Title:                Liaison statement on post-quantum certificate profiles
                      in ISO/IEC 9594-8 amendment work
Source:               ISO/IEC JTC 1/SC 27/WG 5 (via SC 27 Secretariat)
To:                   IETF LAMPS WG
Project:              ISO/IEC 9594-8/Amd 3
Status:               For action
Date of document:     2026-03-18
Expected action:      ACT
Action due date:      2026-10-01
No. of pages:         2
Email of secretary:   sc27-secretariat@example.net
Committee URL:        https://www.example.net/jtc1/sc27

----------------------------------------------------------------------

Dear LAMPS co-chairs,

SC 27/WG 5 thanks the IETF LAMPS WG for its cooperation on certificate
profiles. The draft amendment to ISO/IEC 9594-8 adds composite signature
algorithms and a profile for hybrid certificates.

WG 5 asks LAMPS to review the object identifier assignments in clause 4 of
the amendment and to confirm that they will not collide with IETF
assignments. The SC 27 plenary in Stockholm (5-9 October 2026) will take
the comments into account if received by the action due date.

Project editor: Sigrun Haraldsdottir, sigrun.haraldsdottir@example.com
"""
    eml = message(
        env(rng, "statements@example.org", "sc27-secretariat@example.net", "smtp.example.net", "203.0.113.27", date) + [
            ("From", addr("ISO/IEC JTC 1/SC 27 Secretariat", "sc27-secretariat@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "N24188"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.net")),
        ],
        text(body))
    exp = expect(
        title=title, frm=["ISO/IEC JTC 1/SC 27/WG 5"],
        from_contacts=["sc27-secretariat@example.net", "sigrun.haraldsdottir@example.com"], send_reply_to=None,
        to=[TO("LAMPS")], to_contacts=[], send_to="statements@example.org", purpose="action",
        deadline="2026-10-01", in_response_to=None, other_identifiers=["N24188"],
        delivered_to="statements@example.org", misdirected=False, route_to=["LAMPS"], attachments=[])
    return result(name, eml, exp, "2026-10-01",
                  "ISO/IEC JTC 1/SC 27 cover sheet in the body: 'Expected action: ACT' with 'Action due date', "
                  "wrapped title, the document date and plenary dates as decoys, the subject is only the "
                  "N-number, 'Source:' names the WG with a parenthetical")


@case("jtc1-sc27-info-pdf-due-date-na", "ISO/IEC JTC 1", "cover sheet as PDF, INFO, Action due date: N/A")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 27, 15, 3, 58, 2)
    title = "Progress of ISO/IEC 27566-2 on age assurance protocols"
    pdf = PDF()
    pdf.line("ISO/IEC JTC 1/SC 27 N24210", bold=True, size=12, x=330, dy=22)
    pdf.line("ISO/IEC JTC 1/SC 27", bold=True, size=14, dy=16)
    pdf.line("Information security, cybersecurity and privacy protection", size=10, dy=26)
    for l, v in (("Document type:", "Liaison statement"), ("Title:", title), ("Source:", "ISO/IEC JTC 1/SC 27/WG 5"),
                 ("To:", "IETF OAuth WG"), ("Status:", "For information"), ("Date of document:", "2026-04-24"),
                 ("Expected action:", "INFO"), ("Action due date:", "N/A"),
                 ("Email of secretary:", "sc27-secretariat@example.net")):
        pdf.kv(l, v, vx=190)
    pdf.newline(12)
    pdf.para("SC 27/WG 5 informs the IETF OAuth WG that ISO/IEC 27566-2, Age assurance systems - Part 2: "
             "Protocols, has reached the DIS stage. The protocol part profiles selective disclosure credentials "
             "and OAuth-based presentation flows. The DIS ballot closes on 2026-07-20.")
    pdf.para("No action is requested from the OAuth WG at this stage.")
    pdf.para("Convenor, SC 27/WG 5: Dong-hyun Seo, donghyun.seo@example.com")
    fname = "SC27_N24210_Liaison_to_IETF_OAuth.pdf"
    body = ("Dear IETF Liaison Statements team,\n\n"
            "Please find attached document ISO/IEC JTC 1/SC 27 N24210, a liaison statement\n"
            "from SC 27/WG 5 to the IETF OAuth WG, for information.\n\n"
            "With kind regards,\nKatharina Vogel\nCommittee Manager, ISO/IEC JTC 1/SC 27\n")
    eml = message(
        env(rng, "statements@example.org", "sc27-secretariat@example.net", "smtp.example.net", "203.0.113.27", date) + [
            ("From", addr("Katharina Vogel (SC 27 Committee Manager)", "sc27-secretariat@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "ISO/IEC JTC 1/SC 27 N24210 (for information)"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.net")),
        ],
        multipart("mixed", rng.boundary(), [text(body), attachment(pdf.bytes(), "application/pdf", fname)]))
    exp = expect(
        title=title, frm=["ISO/IEC JTC 1/SC 27/WG 5"],
        from_contacts=["sc27-secretariat@example.net", "donghyun.seo@example.com"], send_reply_to=None,
        to=[TO("OAUTH")], to_contacts=[], send_to="statements@example.org", purpose="information", deadline=None,
        in_response_to=None, other_identifiers=["N24210"], delivered_to="statements@example.org",
        misdirected=False, route_to=["OAUTH"], attachments=[(fname, "application/pdf")])
    return result(name, eml, exp, "N/A",
                  "ISO/IEC JTC 1/SC 27 cover sheet as PDF (label and value as separate text objects): 'Expected "
                  "action: INFO', 'Action due date: N/A'; the DIS ballot closing date and the document date as "
                  "decoys; ISO/IEC 27566-2 as a non-identifier")


@case("jtc1-sc27-comm-no-due-date", "ISO/IEC JTC 1", "legacy COMM without any due date: information")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 21, 7, 30, 0, 2)
    title = "Request for comments on the working draft of ISO/IEC 27033-8 on VPN security"
    body = """\
ISO/IEC JTC 1/SC 27 N24255

Document type:     Liaison statement
Title:             Request for comments on the working draft of
                   ISO/IEC 27033-8 on VPN security
Source:            ISO/IEC JTC 1/SC 27/WG 5
To:                IETF IPsecME WG
Status:            For review and comment
Date of document:  2026-05-20
Expected action:   COMM
Action due date:
Email of secretary: sc27-secretariat@example.net

SC 27/WG 5 invites the IETF IPsecME WG to review the working draft of
ISO/IEC 27033-8, which gives guidance on securing site-to-site and
remote-access VPNs and refers to IKEv2 and ESP. Comments are welcome at
any time; they will be considered at the next WG 5 meeting.

Project editor: Farhan Qureshi, farhan.qureshi@example.com
"""
    eml = message(
        env(rng, "statements@example.org", "sc27-secretariat@example.net", "smtp.example.net", "203.0.113.27", date) + [
            ("From", addr("ISO/IEC JTC 1/SC 27 Secretariat", "sc27-secretariat@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "SC 27 N24255 - request for comments to IETF IPsecME"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.net")),
        ],
        text(body))
    exp = expect(
        title=title, frm=["ISO/IEC JTC 1/SC 27/WG 5"],
        from_contacts=["sc27-secretariat@example.net", "farhan.qureshi@example.com"], send_reply_to=None,
        to=[TO("IPSECME")], to_contacts=[], send_to="statements@example.org", purpose="information",
        deadline=None, in_response_to=None, other_identifiers=["N24255"], delivered_to="statements@example.org",
        misdirected=False, route_to=["IPSECME"], attachments=[])
    return result(name, eml, exp, None,
                  "ISO/IEC JTC 1/SC 27 cover sheet: legacy 'Expected action: COMM' / 'For review and comment' "
                  "with an EMPTY 'Action due date:' (so information), wrapped title, document date as decoy, "
                  "ISO/IEC 27033-8 as a non-identifier")


@case("w3c-prose-review-request", "W3C", "W3C prose, title from subject minus 'Liaison:', review requested by a date")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 8, 16, 45, 12, 0)
    body = """\
Dear HTTP WG chairs,

I am writing on behalf of the W3C Web Application Security Working Group.

The Working Group has published a new Working Draft of Storage Access
Headers, which lets a server signal through HTTP response header fields
that it wants unpartitioned cookie access in a cross-site context. Since
the proposal defines new header fields and interacts with the cookie
specification maintained by the HTTP WG, we would like to formally request
the HTTP WG's review.

We would appreciate receiving your comments by 26 June 2026, so that we can
address them before requesting transition to Candidate Recommendation.
Comments can be sent to me directly or filed on our public issue tracker.

The Working Group's next teleconference is on 14 May 2026; a face-to-face
meeting is planned for TPAC, 9-13 November 2026.

Thank you,

Kwame Boateng
W3C Team Contact, Web Application Security Working Group
kwame.boateng@example.com
"""
    eml = message(
        env(rng, "statements@example.org", "kwame.boateng@example.com", "mail.example.com", "192.0.2.96", date) + [
            ("Date", date),
            ("From", addr("Kwame Boateng", "kwame.boateng@example.com")),
            ("To", "statements@example.org"),
            ("Cc", "httpbis-chairs@example.org"),
            ("Subject", "Liaison: Review request for the Storage Access Headers specification"),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body, charset="us-ascii"))
    exp = expect(
        title="Review request for the Storage Access Headers specification", frm=["W3C WebAppSec WG"],
        from_contacts=["kwame.boateng@example.com"], send_reply_to=None, to=[TO("HTTPBIS")], to_contacts=[],
        send_to="statements@example.org", purpose="action", deadline="2026-06-26", in_response_to=None,
        other_identifiers=[], delivered_to="statements@example.org", misdirected=False, route_to=["HTTPBIS"],
        attachments=[])
    return result(name, eml, exp, "26 June 2026",
                  "W3C free-prose mail with no label block: title from the subject minus 'Liaison:', purpose "
                  "from 'formally request ... review' with a date, addressee named in prose ('HTTP WG'), "
                  "receiving-side chairs only in Cc:, teleconference and TPAC dates "
                  "as decoys")


@case("w3c-outlook-fw-original-message", "W3C", "Outlook 'FW:' with '-----Original Message-----', title from the original subject")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 7, 6, 8, 12, 40, 1)
    inner = """\
Dear HTTP WG chairs,

For your information: the W3C Web Application Security Working Group has
agreed to move the cookie partitioning work (CHIPS) to the Recommendation
track. The specification now relies on the "Partitioned" attribute being
defined in the revision of the HTTP state management specification.

No action is requested at this time. We will send a formal review request
when the document is ready for wide review.

Best regards,
Oren Avraham
Co-Chair, W3C Web Application Security Working Group
oren.avraham@example.com
"""
    plain = ("FYI - for the liaison record.\n\nMargit\n\n"
             "-----Original Message-----\n"
             "From: Oren Avraham <oren.avraham@example.com> \n"
             "Sent: Friday, July 3, 2026 11:02 PM\n"
             "To: httpbis-chairs@example.org\n"
             "Subject: Liaison: Cookie partitioning and the HTTP state management revision\n\n" + inner)
    eml = message(
        env(rng, "statements@example.org", "margit.szabo@example.com", "EUR02-AM0-obe.outbound.example.com",
            "198.51.100.134", date) + [
            ("From", addr("Szab\u00f3 Margit", "margit.szabo@example.com", "iso-8859-1", "Q")),
            ("To", "statements@example.org"),
            ("Subject", "FW: Liaison: Cookie partitioning and the HTTP state management revision"),
            ("Thread-Topic", "Liaison: Cookie partitioning and the HTTP state management revision"),
            ("Date", date),
            ("Message-ID", rng.msgid("AM0PR10MB3110.eurprd10.prod.example.com", "outlook")),
        ],
        text(plain, charset="iso-8859-1", cte="quoted-printable"))
    exp = expect(
        title="Cookie partitioning and the HTTP state management revision", frm=["W3C WebAppSec WG"],
        from_contacts=["oren.avraham@example.com"], send_reply_to=None, to=[TO("HTTPBIS")],
        to_contacts=["httpbis-chairs@example.org"], send_to=None, purpose="information", deadline=None,
        in_response_to=None, other_identifiers=[], delivered_to="statements@example.org", misdirected=False,
        route_to=["HTTPBIS"], attachments=[])
    return result(name, eml, exp, None,
                  "W3C prose letter forwarded by an HTTP WG chair with Outlook's 'FW:' and an inline "
                  "'-----Original Message-----' block (iso-8859-1 QP, Hungarian name order in the From name): "
                  "title from the original subject minus 'FW:' and 'Liaison:', original To: (chairs) is a "
                  "to_contact, send_to null, 'For your information'")


@case("datatracker-referenced-liaison-response", "Datatracker", "Datatracker notification, Purpose In response, 'Referenced liaison:' with URL")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 9, 7, 41, 2, -7)
    title = "Reply to LS from IETF OPSAWG on intent-based management YANG modules"
    earlier = "Intent-based management YANG modules"
    body = """\
Title: %(title)s
Submission Date: 2026-06-09
URL of the IETF Web page: https://datatracker.example.org/liaison/2290/

From: ITU-T-SG-13 (TSB Study Group 13 Secretariat <tsbsg13@example.net>)
To: OPSAWG (opsawg-chairs@example.org)
Cc: ngozi.eze@example.com
Response Contact: tsbsg13@example.net
Technical Contact: Ngozi Eze <ngozi.eze@example.com>
Purpose: In response
Referenced liaison: %(earlier)s (https://datatracker.example.org/liaison/2231/)
Body: Q5/13 thanks OPSAWG for its liaison and confirms that draft
Recommendation Y.AN-IBN will reference the IETF YANG modules for intent
expression instead of defining its own. The updated draft is attached.

Attachments:

    Reply to LS from IETF OPSAWG on intent-based management YANG modules
    https://datatracker.example.org/documents/LIAISON/liaison-2026-06-09-itu-t-sg-13-opsawg-attachment-1.docx
""" % {"title": title, "earlier": earlier}
    eml = message(
        [("Return-Path", "<wwwrun@example.org>"), ("Delivered-To", "opsawg@example.org"),
         received(rng, "datatracker.example.org", "192.0.2.200", "opsawg@example.org", date)] + [
            ("From", addr("Liaison Statement Management Tool", "statements@example.org")),
            ("To", "opsawg-chairs@example.org"),
            ("Cc", "opsawg@example.org, tsbsg13@example.net, ngozi.eze@example.com"),
            ("Subject", 'New Liaison Statement, "%s"' % title),
            ("Date", date),
            ("Message-ID", "<%s@datatracker.example.org>" % rng.hex(32)),
            ("X-IETF-IDTracker", "12.34.0"),
            ("Auto-Submitted", "auto-generated"),
            ("Precedence", "bulk"),
        ],
        text(body))
    exp = expect(
        title=title, frm=["ITU-T SG13"], from_contacts=["tsbsg13@example.net", "ngozi.eze@example.com"],
        send_reply_to="tsbsg13@example.net", to=[TO("OPSAWG")], to_contacts=["opsawg-chairs@example.org"],
        send_to=None, purpose="response", deadline=None, in_response_to=earlier, other_identifiers=[],
        delivered_to="opsawg@example.org", misdirected=False, route_to=["OPSAWG"], attachments=[])
    return result(name, eml, exp, None,
                  "Datatracker 'New Liaison Statement' notification that IS a statement although it carries "
                  "Auto-Submitted: auto-generated and Precedence: bulk: 'Purpose: In response', 'Referenced "
                  "liaison: <title> (<url>)' (in_response_to is the title), group slug ITU-T-SG-13, delivered "
                  "at the addressed group's list (not misdirected), Submission Date as decoy")


@case("datatracker-lsmt-reponse-contact", "Datatracker", "older Datatracker template: lsmt@ sender, 'Reponse Contact:' typo, Please reply by")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 9, 1, 11, 6, 55, -7)
    title = "Benchmarking methodology for SD-WAN edge devices"
    body = """\
Title: %(title)s
Submission Date: 2026-09-01
URL of the IETF Web page: https://datatracker.example.org/liaison/2311/
Please reply by 2026-12-15
From: MEF (Carmen Villanueva <carmen.villanueva@example.com>)
To: BMWG (bmwg-chairs@example.org)
Cc:
Reponse Contact: mef-liaisons@example.net
Technical Contact: Rajesh Kulkarni <rajesh.kulkarni@example.com>
Purpose: For action
Body: MEF is developing MEF 143, a test methodology for SD-WAN edge devices,
and asks BMWG to review whether the throughput and failover test cases in
clauses 9 and 10 are consistent with BMWG methodology. MEF would
appreciate a response by the date given above. MEF reference: L00431.
Attachments:

    MEF L00431 - Benchmarking methodology for SD-WAN edge devices
    https://datatracker.example.org/documents/LIAISON/file3187.pdf
""" % {"title": title}
    eml = message(
        [("Return-Path", "<wwwrun@example.org>"), ("Delivered-To", "bmwg@example.org"),
         received(rng, "datatracker.example.org", "192.0.2.200", "bmwg@example.org", date)] + [
            ("From", addr("Liaison Statement Management Tool", "lsmt@example.org")),
            ("To", "bmwg-chairs@example.org"),
            ("Cc", "bmwg@example.org"),
            ("Subject", 'New Liaison Statement, "%s"' % title),
            ("Date", date),
            ("Message-ID", "<%s@datatracker.example.org>" % rng.hex(32)),
        ],
        text(body))
    exp = expect(
        title=title, frm=["MEF"],
        from_contacts=["carmen.villanueva@example.com", "rajesh.kulkarni@example.com"],
        send_reply_to="mef-liaisons@example.net", to=[TO("BMWG")], to_contacts=["bmwg-chairs@example.org"],
        send_to=None, purpose="action", deadline="2026-12-15", in_response_to=None, other_identifiers=["L00431"],
        delivered_to="bmwg@example.org", misdirected=False, route_to=["BMWG"], attachments=[])
    return result(name, eml, exp, "2026-12-15",
                  "Datatracker notification in the older template (lsmt@ tool address, 'Reponse Contact:' "
                  "misspelt, empty Cc:, no blank lines): the misspelt label is the reply address (and only that); the MEF "
                  "letter number "
                  "appears in the body and the attachment title; delivered at the BMWG list via Cc:; "
                  "Submission Date as decoy")


# ============================================================================================
# Statements: a family not in the catalogue, and CJK encodings
# ============================================================================================

@case("consortium-generic-labels-send-to-label", "other (invented consortium)", "unknown body, generic 'Label: value' block with explicit 'Send To:' and 'Send Reply To:'")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 15, 12, 30, 0, 3)
    title = "Holdover performance reporting for DetNet time-aware relay nodes"
    body = """\
Dear DetNet chairs,

The Packet Clock Interoperability Consortium (PCIC) would like to send
you the liaison below, agreed at our Interop Plenary #9.

Document No.:    PCIC-LIA-2026-02
Date:            14 April 2026
Title:           %(title)s
From:            Packet Clock Interoperability Consortium
To:              IETF DetNet WG
Send To:         statements@example.org
Send Reply To:   pcic-liaison@example.net
Purpose:         For Action
Deadline:        17 Sep 2026
Contact:         Elif Yilmaz (PCIC Technical Steering Committee),
                 elif.yilmaz@example.com

Background
PCIC runs interoperability events for time-aware relay nodes that carry
DetNet flows. Vendors currently report holdover performance (the time
error accumulated after loss of the time reference) in incompatible ways,
which makes it hard to verify DetNet latency bounds during holdover.

Request
PCIC asks the DetNet WG whether holdover performance could be exposed in
the DetNet YANG data models, and offers to contribute measurement data
from the next interop event (Interop #10, 2-6 November 2026).

Kind regards,
Elif Yilmaz
PCIC Technical Steering Committee
""" % {"title": title}
    eml = message(
        env(rng, "detnet-chairs@example.org", "elif.yilmaz@example.com", "mail.example.com", "192.0.2.97", date) + [
            ("From", addr("Elif Yilmaz", "elif.yilmaz@example.com")),
            ("To", "detnet-chairs@example.org"),
            ("Subject", "PCIC liaison to IETF DetNet WG"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body))
    exp = expect(
        title=title, frm=["Packet Clock Interoperability Consortium"], from_contacts=["elif.yilmaz@example.com"],
        send_reply_to="pcic-liaison@example.net", to=[TO("DETNET")], to_contacts=["detnet-chairs@example.org"],
        send_to="statements@example.org", purpose="action", deadline="2026-09-17", in_response_to=None,
        other_identifiers=["PCIC-LIA-2026-02"], delivered_to="detnet-chairs@example.org", misdirected=False,
        route_to=["DETNET"], attachments=[])
    return result(name, eml, exp, "17 Sep 2026",
                  "A body that is in neither the catalogue nor the directory (an invented consortium; `from` is "
                  "its name as written) using a generic 'Label: value' block with an explicitly labelled "
                  "'Send To:' (so send_to comes from the label although the mail went to the DetNet chairs, who "
                  "are a to_contact) and 'Send Reply To:'; abbreviated month; interop dates as decoys")


@case("ttc-shift-jis-rfc2047-filename", "TTC", "Shift_JIS base64 body and subject, PDF name as RFC 2047 word in quotes, CJK deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 7, 8, 10, 22, 45, 9)
    title = "YANG data model for remote management of home gateways"
    body = """\
IETF NETMOD WG 議長 各位

TTC ネットワーク管理専門委員会の山口です。
当委員会で承認されたリエゾン文書を添付にて送付いたします。

■ 件名（Title）：YANG data model for remote management of home gateways
■ 発信元（From）：TTC（一般社団法人 情報通信技術委員会）ネットワーク管理専門委員会
■ 宛先（To）：IETF NETMOD WG
■ 目的（Purpose）：For action
■ 回答期限（Deadline）：2026年9月30日
■ 文書番号（Reference）：TTC-LS-2026-011
■ 連絡先（Contact）：山口 健太 <kenta.yamaguchi@example.com>

なお、次回の専門委員会は 2026年10月14日 に開催予定です。

以上、よろしくお願いいたします。

山口 健太
TTC ネットワーク管理専門委員会 委員長
kenta.yamaguchi@example.com
"""
    pdf = PDF()
    pdf.line("TTC", bold=True, size=16, dy=18)
    pdf.line("Telecommunication Technology Committee", size=9, dy=26)
    pdf.line("LIAISON STATEMENT", x=220, bold=True, size=12, dy=22)
    pdf.kv("Reference:", "TTC-LS-2026-011")
    pdf.kv("Title:", title)
    pdf.kv("From:", "TTC Network Management Working Group")
    pdf.kv("To:", "IETF NETMOD WG")
    pdf.kv("Purpose:", "For action")
    pdf.kv("Deadline:", "30 September 2026")
    pdf.kv("Contact:", "Kenta Yamaguchi <kenta.yamaguchi@example.com>")
    pdf.newline(12)
    pdf.para("TTC is developing a YANG data model for the remote management of home gateways and asks IETF "
             "NETMOD WG whether the model should import the IETF system management module or define its own "
             "nodes for the same functions.")
    fname = "TTC-LS-2026-011_リエゾン文書.pdf"
    eml = message(
        env(rng, "statements@example.org", "kenta.yamaguchi@example.com", "smtp.example.com", "203.0.113.89", date) + [
            ("Date", date),
            ("From", addr("山口 健太", "kenta.yamaguchi@example.com", "shift_jis", "B")),
            ("To", "statements@example.org"),
            ("Subject", subj("【TTC】リエゾン文書送付（TTC-LS-2026-011）", "shift_jis", "B")),
            ("Message-Id", "<20260708102245.%s@example.com>" % rng.hex(10).upper()),
            ("X-Mailer", "Becky! ver. 2.81.05"),
        ],
        multipart("mixed", "----_NextPart_%s" % rng.hex(12).upper(), [
            text(body, charset="Shift_JIS", cte="base64"),
            attachment(pdf.bytes(), "application/pdf", fname, style="rfc2047"),
        ]))
    exp = expect(
        title=title, frm=["TTC"], from_contacts=["kenta.yamaguchi@example.com"], send_reply_to=None,
        to=[TO("NETMOD")], to_contacts=[], send_to="statements@example.org", purpose="action",
        deadline="2026-09-30", in_response_to=None, other_identifiers=["TTC-LS-2026-011"],
        delivered_to="statements@example.org", misdirected=False, route_to=["NETMOD"],
        attachments=[(fname, "application/pdf")])
    r = result(name, eml, exp, "2026年9月30日",
                  "Japanese mail in Shift_JIS (base64 body, B-encoded subject and From name), bullet-marked "
                  "bilingual labels with full-width colons, deadline 2026年9月30日 ('30 September 2026' in the "
                  "PDF), next committee date 2026年10月14日 as decoy; the PDF's file name is an RFC 2047 word "
                  "inside quotes (non-standard, Becky!-style), to be decoded")
    r["allow_defects"] = ("encoded word inside quoted string", "missing trailing whitespace after encoded-word")
    return r


@case("ttc-iso-2022-jp-information", "TTC", "ISO-2022-JP 7bit, for information, 'なし' as deadline, IRTF group")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 8, 19, 16, 5, 30, 9)
    title = "Operational experience with intent-based network management trials"
    body = """\
IRTF NMRG 議長各位

TTC（一般社団法人 情報通信技術委員会）の中村です。
下記のリエゾン文書を情報提供としてお送りいたします。

------------------------------------------------------------
Title: Operational experience with intent-based network management trials
From: TTC ネットワークマネジメント専門委員会
To: IRTF NMRG
Purpose: For information
回答期限（Deadline）：なし
文書番号（Reference）：TTC-LS-2026-013
連絡先（Contact）：中村 彩 <aya.nakamura@example.com>
------------------------------------------------------------

国内の通信事業者３社が２０２６年前半に実施したインテントベース管理の
試験運用の結果をまとめました。インテントの競合検出に関する知見は
NMRG の研究に参考になると考えております。

なお、本件について回答は不要です。

中村 彩
aya.nakamura@example.com
"""
    eml = message(
        env(rng, "statements@example.org", "aya.nakamura@example.com", "smtp.example.com", "203.0.113.88", date) + [
            ("Date", date),
            ("From", addr("中村 彩", "aya.nakamura@example.com", "iso-2022-jp", "B")),
            ("To", "statements@example.org"),
            ("Subject", subj("TTC リエゾン文書（情報提供）：インテントベース管理の試験運用", "iso-2022-jp", "B")),
            ("Message-Id", "<20260819160530.%s@example.com>" % rng.hex(10).upper()),
            ("X-Mailer", "Kumo Mail 4.3.0"),
        ],
        text(body, charset="ISO-2022-JP", cte="7bit"))
    exp = expect(
        title=title, frm=["TTC"], from_contacts=["aya.nakamura@example.com"], send_reply_to=None,
        to=[TO("NMRG")], to_contacts=[], send_to="statements@example.org", purpose="information", deadline=None,
        in_response_to=None, other_identifiers=["TTC-LS-2026-013"], delivered_to="statements@example.org",
        misdirected=False, route_to=["NMRG"], attachments=[])
    return result(name, eml, exp, "なし",
                  "Japanese mail in ISO-2022-JP (7bit): information statement to an IRTF group, 'Deadline: なし' "
                  "(none) means null, full-width digits in a date-like phrase, no attachment")


@case("ccsa-gbk-slash-date", "CCSA", "GBK base64 body and subject (GBK-only character), YYYY/MM/DD deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 9, 15, 40, 16, 8)
    title = "Requirements for YANG-based energy efficiency telemetry of network devices"
    body = """\
尊敬的 IETF OPSAWG 工作组主席：

您好！

中国通信标准化协会（CCSA）TC3 第 19 次全会审议通过了以下联络函，现发送给贵工作组。

标题（Title）：Requirements for YANG-based energy efficiency telemetry of network devices
来源（From）：CCSA TC3
致（To）：IETF OPSAWG
目的（Purpose）：For action
回复期限（Deadline）：2026/06/05
文号（Reference）：TC3-LS-2026-12
联系人（Contact）：王喆 <zhe.wang@example.com>

一、背景
CCSA TC3 正在制定网络设备能效遥测的技术要求，计划采用 YANG 模型上报设备、
板卡和端口级别的能耗数据。

二、请求
请 IETF OPSAWG 说明其能效管理相关工作的计划，并于 2026/06/05 前回复。
TC3 下次全会定于 2026/07/20 至 2026/07/24 召开。

此致
敬礼！

王喆
CCSA TC3 WG2 副组长
zhe.wang@example.com
"""
    eml = message(
        env(rng, "statements@example.org", "zhe.wang@example.com", "smtp.example.com", "203.0.113.67", date) + [
            ("Date", date),
            ("From", addr("王喆", "zhe.wang@example.com", "gbk", "B")),
            ("To", "statements@example.org"),
            ("Subject", subj("CCSA TC3 联络函：网络设备能效遥测需求（TC3-LS-2026-12）", "gbk", "B")),
            ("Message-ID", "<%s.%s@example.com>" % (rng.hex(12), rng.hex(4))),
            ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
        ],
        multipart("alternative", rng.boundary("foxmail"), [
            text(body, charset="GBK", cte="base64"),
            text("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\"></head><body>"
                 + "".join("<div>%s</div>" % (html.escape(ln) or "<br>") for ln in body.split("\n"))
                 + "</body></html>\n", "html", "GBK", "base64")]))
    exp = expect(
        title=title, frm=["CCSA TC3"], from_contacts=["zhe.wang@example.com"], send_reply_to=None,
        to=[TO("OPSAWG")], to_contacts=[], send_to="statements@example.org", purpose="action",
        deadline="2026-06-05", in_response_to=None, other_identifiers=["TC3-LS-2026-12"],
        delivered_to="statements@example.org", misdirected=False, route_to=["OPSAWG"], attachments=[])
    return result(name, eml, exp, "2026/06/05",
                  "Chinese mail in GBK (Foxmail multipart/alternative, both parts base64; the sender's name has a "
                  "character outside GB2312): bilingual labels with full-width colons, YYYY/MM/DD deadline, the "
                  "next plenary's YYYY/MM/DD dates as decoys")


# ============================================================================================
# Not statements
# ============================================================================================

def listhdrs(wg, desc):
    return [("List-Id", '"%s" <%s.example.org>' % (desc, wg)),
            ("List-Archive", "<https://mailarchive.example.org/arch/browse/%s/>" % wg),
            ("List-Post", "<mailto:%s@example.org>" % wg),
            ("List-Help", "<mailto:%s-request@example.org?subject=help>" % wg),
            ("List-Unsubscribe", "<mailto:%s-leave@example.org>" % wg),
            ("Precedence", "list")]


def list_footer(wg):
    return ("\n_______________________________________________\n%s mailing list -- %s@example.org\n"
            "To unsubscribe send an email to %s-leave@example.org\n" % (wg.upper(), wg, wg))


@case("neg-list-reply-quoting-3gpp-ls", "not a statement", "TSVWG list reply quoting a complete 3GPP LS")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 28, 17, 3, 11, -4)
    parent = "<%s@example.com>" % rng.hex(24)
    body = """\
I read the SA2 question differently: marking every packet of a PDU Set
CE when only one of them saw congestion will over-react, and the sender
will collapse its rate for a single queue spike. We should say so in the
reply, and point them at the L4S operational guidance.

Who wants to hold the pen? The deadline is in early June.

Ruairi

On 27/04/2026 10:14, Priyanka Deshmukh wrote:
> 3GPP TSG SA WG2 Meeting #173                                  S2-2604512
> Jeju, Korea, 13th - 17th April 2026
>
> Title:          LS on L4S support for PDU Set based QoS handling
> Response to:    -
> Release:        Rel-20
> Source:         SA WG2
> To:             IETF TSVWG
> Cc:             RAN WG2, SA WG4
>
> Contact Person:
> Name:           Hyun-woo Jang
> E-mail Address: hyunwoo.jang@example.com
>
> Send any reply LS to: 3GPP Liaisons Coordinator, mailto:3gppliaison@example.net
>
> 2. Actions:
> To IETF TSVWG
> ACTION: SA2 kindly asks IETF TSVWG to comment on whether marking all
> packets of a PDU Set is compatible with the L4S framework, and to
> provide feedback by 05/06/2026.
""" + list_footer("tsvwg")
    eml = message(
        env(rng, "tsvwg@example.org", "tsvwg-bounces@example.org", "mailman.example.org", "192.0.2.201", date) + [
            ("From", addr("Ruairi O'Dwyer", "ruairi.odwyer@example.com")),
            ("To", "tsvwg@example.org"),
            ("Subject", "Re: [tsvwg] LS on L4S support for PDU Set based QoS handling (S2-2604512)"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("In-Reply-To", parent),
            ("References", parent),
            ("Sender", "tsvwg-bounces@example.org"),
        ] + listhdrs("tsvwg", "Transport Area Working Group"),
        text(body, charset="UTF-8"))
    return result(name, eml, negative("tsvwg@example.org"), None,
                  "NOT a statement: TSVWG list reply (List-Id, [tsvwg] tag, Re:) whose quoted part is a complete "
                  "3GPP LS header block with Title:, To:, contacts and a deadline; delivered at the list")


@case("neg-list-draft-reply-discussion", "not a statement", "TEAS list thread proposing draft reply text with its own Title:/To:/Purpose: block")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 12, 3, 9, 27, 40, 0)
    parent = "<%s@example.com>" % rng.hex(24)
    body = """\
Hi TEAS,

As discussed at the interim, here is a first draft of our reply to the
O-RAN WG4 liaison on shared O-RU transport. Please send comments to the
list by 18 December; the chairs will then ask the liaison manager to send
it.

----- draft -----
Title:    Reply to O-RAN WG4 LS on packet transport for shared O-RU
From:     IETF TEAS WG
To:       O-RAN Alliance WG4
Purpose:  In response
Response to: O-RAN.WG4.LS-2026-011

TEAS thanks O-RAN WG4 for its liaison statement. The IETF network slice
service model can express per-operator isolation on a shared link through
separate slice service instances with their own SLOs ...
----- end of draft -----

Thanks,
Dae-jung Yoon (TEAS secretary)
""" + list_footer("teas")
    eml = message(
        env(rng, "teas@example.org", "teas-bounces@example.org", "mailman.example.org", "192.0.2.201", date) + [
            ("From", addr("Dae-jung Yoon", "daejung.yoon@example.com")),
            ("To", "teas@example.org"),
            ("Subject", "[Teas] Draft reply to O-RAN WG4 LS - comments by 18 December please"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("References", parent),
            ("Sender", "teas-bounces@example.org"),
        ] + listhdrs("teas", "Traffic Engineering Architecture and Signaling"),
        text(body))
    return result(name, eml, negative("teas@example.org"), None,
                  "NOT a statement: a WG secretary circulates a draft reply on the TEAS list; the draft has its "
                  "own Title:/From:/To:/Purpose:/Response to: block and a comment date, but it is list "
                  "discussion of an outgoing reply, not an incoming statement")


@case("neg-receipt-acknowledgement-itu", "not a statement", "'Receipt of <title>' from the IETF liaison manager, intake in Cc:")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 31, 8, 2, 19, 2)
    body = """\
Dear TSB SG15 Secretariat,

This is to acknowledge receipt of liaison statement SG15-LS201 (TD 2044
(PLEN/15)), "LS on synchronization performance monitoring in OTN and
packet transport YANG models". It has been posted on the IETF liaison
pages and forwarded to the CCAMP and TEAS working group chairs.

The deadline of 1 October 2026 has been recorded; the CCAMP WG will
coordinate the response.

With best regards,
Henrik Holmberg
IETF Liaison Manager to ITU-T SG15
"""
    eml = message(
        env(rng, "statements@example.org", "henrik.holmberg@example.com", "mail.example.com", "192.0.2.98", date) + [
            ("From", addr("Henrik Holmberg", "henrik.holmberg@example.com")),
            ("To", addr("TSB SG15 Secretariat", "tsbsg15@example.net")),
            ("Cc", "statements@example.org, ccamp-chairs@example.org, teas-chairs@example.org"),
            ("Subject", "Receipt of LS on synchronization performance monitoring in OTN and packet transport YANG models"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("In-Reply-To", "<sg15-ls201.%s@example.net>" % rng.hex(6)),
        ],
        text(body))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: 'Receipt of <title>' acknowledgement from the IETF liaison manager to the "
                  "TSB, naming the LS and TD numbers, the title in quotes and the recorded deadline")


@case("neg-auto-acknowledgement-3gpp", "not a statement", "automatic acknowledgement from an SDO liaison desk (Auto-Submitted), with title, Tdoc and meeting")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 12, 3, 0, 7, 2)
    body = """\
*** This is an automatically generated message. Please do not reply. ***

Your liaison statement has been received by the 3GPP Liaisons Coordinator.

  Title:            LS on QoS monitoring for L4S flows in the 5G System
  From:             IETF TSVWG
  To:               3GPP TSG SA WG2
  Received:         2026-06-12 00:59 UTC
  Allocated Tdoc:   S2-2606877
  Planned handling: SA2#175, 6 - 10 July 2026, Maastricht, NL

The liaison will be made available on the 3GPP file server before the
meeting. Replies, if any, will be sent by the responsible working group
to the address given under "Send any reply LS to".

3GPP Liaisons Coordinator
"""
    eml = message(
        env(rng, "statements@example.org", "3gppliaison@example.net", "relay.example.net", "203.0.113.120", date) + [
            ("From", addr("3GPP Liaisons Coordinator", "3gppliaison@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "[Acknowledgement] LS on QoS monitoring for L4S flows in the 5G System"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.net")),
            ("Auto-Submitted", "auto-replied"),
            ("X-Auto-Response-Suppress", "All"),
        ],
        text(body))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: automatic acknowledgement from the 3GPP liaison desk (Auto-Submitted: "
                  "auto-replied) repeating Title:/From:/To: of an IETF statement, an allocated Tdoc and the "
                  "meeting that will handle it")


@case("neg-read-receipt-mdn", "not a statement", "MDN read receipt (multipart/report disposition-notification) for a statement")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 11, 7, 12, 54, 1)
    orig_id = "<%s.%s@example.com>" % (rng.hex(16), rng.hex(8))
    human = """\
Your message

  To: oauth-chairs@example.org
  Subject: FW: [S3-262455] LS on sender-constrained access tokens in SBA
  Sent: Tuesday, March 10, 2026 2:41:09 PM (UTC+01:00)

was read on Wednesday, March 11, 2026 7:12:54 AM (UTC+01:00).
"""
    notif = Part([("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")],
                 crlf(human).encode("ascii"))
    mdn = Part([("Content-Type", "message/disposition-notification")], crlf("""\
Reporting-UA: mail.example.com; Microsoft Outlook 16.0
Final-Recipient: rfc822;oauth-chairs@example.org
Original-Message-ID: %s
Disposition: manual-action/MDN-sent-manually; displayed
""" % orig_id).encode("ascii"))
    eml = message(
        env(rng, "statements@example.org", "beatrix.kovacs@example.com", "mail.example.com", "192.0.2.99", date) + [
            ("From", addr("Beatrix Kovacs", "beatrix.kovacs@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "Read: FW: [S3-262455] LS on sender-constrained access tokens in SBA"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "outlook")),
            ("In-Reply-To", orig_id),
            ("References", orig_id),
        ],
        multipart("report", rng.boundary("outlook"), [notif, mdn], params="; report-type=disposition-notification"))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: Outlook read receipt (multipart/report; report-type=disposition-notification) "
                  "whose subject repeats a statement subject with its Tdoc")


@case("neg-datatracker-deadline-tomorrow-full-template", "not a statement", "Datatracker deadline reminder whose body is the full statement template")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 10, 8, 6, 0, 2, -7)
    title = "LS on measurement methodology for application-layer responsiveness under working conditions"
    body = """\
The following liaison is due tomorrow. Plase take actions.

Title: %(title)s
Submission Date: 2026-05-12
URL of the IETF Web page: https://datatracker.example.org/liaison/2262/
Please reply by 2026-10-09
From: ITU-T-SG-12 (TSB Study Group 12 Secretariat <tsbsg12@example.net>)
To: IPPM (ippm-chairs@example.org)
Cc: bmwg-chairs@example.org
Reponse Contact: tsbsg12@example.net
Technical Contact: Camila Restrepo <camila.restrepo@example.com>
Purpose: For action

Body: Please find attached a liaison statement from ITU-T Study Group 12.
Attachment(s):

    LS on measurement methodology for application-layer responsiveness https://datatracker.example.org/documents/LIAISON/file3121.pdf
""" % {"title": title}
    eml = message(
        [("Return-Path", "<wwwrun@example.org>"), ("Delivered-To", "statements@example.org"),
         received(rng, "datatracker.example.org", "192.0.2.200", "statements@example.org", date)] + [
            ("From", addr("Liaison Statement Management Tool", "statements@example.org")),
            ("To", "ippm-chairs@example.org"),
            ("Cc", "statements@example.org, tsbsg12@example.net"),
            ("Subject", "[Liaison deadline tomorrow] " + title),
            ("Date", date),
            ("Message-ID", "<%s@datatracker.example.org>" % rng.hex(32)),
            ("Auto-Submitted", "auto-generated"),
        ],
        text(body))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: Datatracker '[Liaison deadline tomorrow]' reminder whose body is the complete "
                  "statement template (Title:, Please reply by, From:, To:, Purpose:, attachments); only the "
                  "subject tag and the first line ('is due tomorrow. Plase take actions.') tell it apart")


@case("neg-datatracker-out-of-date", "not a statement", "'[Liaison OUT OF DATE]' delivered at a group chairs' address")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 11, 24, 6, 0, 4, -8)
    title = "LS on SCTP multi-homing and path failover for NG-C and F1-C"
    body = """\
The deadline of the following liaison statement has passed without a
recorded response.

Title: %(title)s
Submission Date: 2026-09-07
URL of the IETF Web page: https://datatracker.example.org/liaison/2318/
Deadline: 2026-11-17
From: 3GPP-TSG-RAN-WG3 (Chidi Okafor <chidi.okafor@example.com>)
To: TSVWG (tsvwg-chairs@example.org)
Response Contact: 3gppliaison@example.net
Purpose: For action

Please record a response or mark the action as taken.
""" % {"title": title}
    eml = message(
        [("Return-Path", "<wwwrun@example.org>"), ("Delivered-To", "tsvwg-chairs@example.org"),
         received(rng, "datatracker.example.org", "192.0.2.200", "tsvwg-chairs@example.org", date)] + [
            ("From", addr("Liaison Statement Management Tool", "statements@example.org")),
            ("To", "tsvwg-chairs@example.org"),
            ("Subject", "[Liaison OUT OF DATE] " + title),
            ("Date", date),
            ("Message-ID", "<%s@datatracker.example.org>" % rng.hex(32)),
        ],
        text(body))
    return result(name, eml, negative("tsvwg-chairs@example.org"), None,
                  "NOT a statement: Datatracker '[Liaison OUT OF DATE]' notice with Title:/Deadline:/From:/To:/"
                  "Purpose: lines, delivered at the TSVWG chairs' address")


@case("neg-question-about-missing-liaison", "not a statement", "a person asks whether an LS was received, naming its number, title and deadline")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 2, 20, 14, 33, -4)
    body = """\
Hello liaison coordination team,

The MEF TC chair tells me they sent liaison L00412 ("Request for review of
the MEF LSO Sonata SD-WAN service YANG module") to OPSAWG in mid-April,
with a requested response date of June 5, 2026. I cannot find it on the
liaison pages and the OPSAWG chairs have not seen it either.

Could you check whether it reached you? If not, I will ask MEF to resend
it to statements@example.org.

Thanks,
Yolanda Brightwater
OPSAWG co-chair
"""
    eml = message(
        env(rng, "liaison-coordination@example.org", "yolanda.brightwater@example.com", "mail.example.com",
            "192.0.2.100", date) + [
            ("From", addr("Yolanda Brightwater", "yolanda.brightwater@example.com")),
            ("To", "liaison-coordination@example.org"),
            ("Cc", "opsawg-chairs@example.org"),
            ("Subject", "Missing MEF liaison L00412 to OPSAWG?"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body))
    return result(name, eml, negative("liaison-coordination@example.org"), None,
                  "NOT a statement: a WG chair asks the intake whether a liaison arrived, naming its number, "
                  "quoted title, addressee and requested response date")


@case("neg-out-of-office-german-auto-submitted", "not a statement", "German out-of-office (Auto-Submitted), iso-8859-1 QP")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 3, 30, 14, 23, 1, 2)
    body = """\
Sehr geehrte Damen und Herren,

ich bin bis einschließlich 10. April 2026 nicht im Büro und habe nur
eingeschränkten Zugriff auf meine E-Mails. Ihre Nachricht wird nicht
weitergeleitet. In dringenden Fällen wenden Sie sich bitte an
ccamp-chairs@example.org.

Thank you for your message. I am out of the office until 10 April 2026.

Mit freundlichen Grüßen
Wolfgang Bräuer
"""
    eml = message(
        env(rng, "statements@example.org", "wolfgang.braeuer@example.com", "mail.example.com", "192.0.2.101", date) + [
            ("From", addr("Wolfgang Br\u00e4uer", "wolfgang.braeuer@example.com", "iso-8859-1", "Q")),
            ("To", "statements@example.org"),
            ("Subject", subj("Abwesenheitsnotiz: [ITU-T SG15] Outgoing liaison statement SG15-LS201", "iso-8859-1", "Q")),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("Auto-Submitted", "auto-replied"),
            ("X-Auto-Response-Suppress", "All"),
        ],
        text(body, charset="iso-8859-1", cte="quoted-printable"))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: German/English out-of-office auto-reply (Auto-Submitted: auto-replied, "
                  "iso-8859-1 QP) whose subject repeats an ITU-T statement subject and LS number")


@case("neg-out-of-office-no-auto-headers", "not a statement", "out-of-office without Auto-Submitted or any auto header")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 3, 9, 16, 44, 2)
    body = """\
Hello,

I'm travelling until 15 April with very limited e-mail access. For LAMPS
WG matters, including the ETSI TC CYBER liaison, please contact my
co-chair Wen-Hsuan Liao (wenhsuan.liao@example.com). Replies to liaison
statements will be coordinated after my return; nothing is due before
5 June.

Regards,
Rafael Quintero
"""
    eml = message(
        env(rng, "statements@example.org", "rafael.quintero@example.com", "mail.example.com", "192.0.2.102", date) + [
            ("From", addr("Rafael Quintero", "rafael.quintero@example.com")),
            ("To", "statements@example.org"),
            ("Subject", "Out of Office: ETSI TC CYBER LS to IETF LAMPS and ACME - CYBER(26)014021"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        text(body))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: out-of-office reply WITHOUT Auto-Submitted or other auto headers; the "
                  "subject repeats a statement subject with its ETSI number and the body mentions a due date")


@case("neg-bounce-exchange-ndr-with-docx", "not a statement", "Exchange NDR (multipart/report) embedding a forwarded LS with its DOCX")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 20, 13, 31, 5, 0)
    fwd_date = mdate(2026, 4, 20, 13, 30, 58, 0)
    doc = docx([
        w_p("3GPP TSG CT WG3 Meeting #145\t\t\tC3-262210", bold=True, tabs=[3402, 5670, 8222]),
        w_p("Title:\tReply LS on HTTP/3 support for service-based interfaces", tabs=[2126]),
        w_p("Source:\tCT3", tabs=[2126]),
        w_p("To:\tIETF HTTP WG", tabs=[2126]),
    ], "MCC")
    inner = message([
        ("From", addr("IETF Liaison Statements", "statements@example.org")),
        ("To", "former-httpbis-chair@example.com"),
        ("Subject", "Liaison statement: Reply LS on HTTP/3 support for service-based interfaces"),
        ("Date", fwd_date),
        ("Message-ID", "<%s.%s@example.org>" % (rng.hex(16), rng.hex(8))),
    ], multipart("mixed", rng.boundary(), [
        text("A liaison statement from 3GPP TSG CT WG3 to the IETF HTTP WG was received\n"
             "and is forwarded to you as a contact of the addressed group.\n"),
        attachment(doc, DOCX_CT, "C3-262210.docx")]))
    human = """\
Delivery has failed to these recipients or groups:

former-httpbis-chair@example.com
The e-mail address you entered couldn't be found. Please check the
recipient's e-mail address and try to resend the message.

Diagnostic information for administrators:

Generating server: AM6PR07MB5443.eurprd07.prod.example.com

former-httpbis-chair@example.com
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound;
Recipient not found by SMTP address lookup'
"""
    status = Part([("Content-Type", "message/delivery-status")], crlf("""\
Reporting-MTA: dns;AM6PR07MB5443.eurprd07.prod.example.com
Received-From-MTA: dns;mx.example.org
Arrival-Date: %s

Final-Recipient: rfc822;former-httpbis-chair@example.com
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
""" % fwd_date).encode("ascii"))
    b = rng.boundary("outlook")
    eml = message(
        [("Return-Path", "<>"), ("Delivered-To", "statements@example.org"),
         received(rng, "EUR05-AM6-obe.outbound.example.com", "198.51.100.135", "statements@example.org", date)] + [
            ("From", addr("Microsoft Outlook", "postmaster@example.com")),
            ("To", "statements@example.org"),
            ("Date", date),
            ("Subject", "Undeliverable: Liaison statement: Reply LS on HTTP/3 support for service-based interfaces"),
            ("Message-ID", rng.msgid("AM6PR07MB5443.eurprd07.prod.example.com", "outlook")),
            ("Auto-Submitted", "auto-replied"),
            ("X-MS-Exchange-Message-Is-Ndr", ""),
        ],
        multipart("report", b, [
            multipart("alternative", rng.boundary("outlook"), [
                text(human, charset="us-ascii"),
                text("<html><body><p>" + html.escape(human).replace("\n\n", "</p><p>").replace("\n", "<br>")
                     + "</p></body></html>\n", "html", "us-ascii")]),
            status,
            Part([("Content-Type", "message/rfc822")], inner),
        ], params=";\n report-type=delivery-status"))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: Exchange non-delivery report (multipart/report with an HTML+text "
                  "explanation) embedding a forwarded 3GPP reply LS that carries its own DOCX attachment")


@case("neg-delay-dsn-headers-only", "not a statement", "Postfix delay warning with text/rfc822-headers of a statement mail")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 13, 19, 33, 0, 0)
    sent = mdate(2026, 5, 12, 15, 33, 41, 2)
    human = """\
This is the mail system at host mx.example.org.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

<ippm-archive@example.com>: connect to mx.example.com[198.51.100.9]:25:
    Connection timed out
"""
    status = Part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], crlf("""\
Reporting-MTA: dns; mx.example.org
X-Postfix-Queue-ID: 4ZyQ7m1Jb2z8sV
X-Postfix-Sender: rfc822; statements@example.org
Arrival-Date: %s

Final-Recipient: rfc822; ippm-archive@example.com
Action: delayed
Status: 4.4.1
Diagnostic-Code: X-Postfix; connect to mx.example.com[198.51.100.9]:25: Connection
    timed out
Will-Retry-Until: Sun, 17 May 2026 15:33:41 +0000
""" % sent).encode("ascii"))
    headers = Part([("Content-Description", "Undelivered Message Headers"),
                    ("Content-Type", "text/rfc822-headers")], crlf("""\
From: IETF Liaison Statements <statements@example.org>
To: ippm-archive@example.com
Subject: Liaison statement: LS on measurement methodology for
 application-layer responsiveness under working conditions
Date: %s
Message-ID: <4ZyQ7m1Jb2z8sV.sg12-ls045@example.org>
X-Liaison-Deadline: 2026-10-09
""" % sent).encode("ascii"))
    notification = Part([("Content-Description", "Notification"), ("Content-Type", 'text/plain; charset="us-ascii"')],
                        crlf(human).encode("ascii"))
    eml = message(
        [("Return-Path", "<>"), ("Delivered-To", "statements@example.org"),
         ("Received", "by mx.example.org (Postfix)\n\tid 4ZyR2k5QhTz8sW; %s" % date),
         ("X-Original-To", "statements@example.org")] + [
            ("Date", date),
            ("From", addr("Mail Delivery System", "MAILER-DAEMON@mx.example.org")),
            ("Subject", "Delayed Mail (still being retried)"),
            ("To", "statements@example.org"),
            ("Auto-Submitted", "auto-replied"),
            ("Message-Id", "<20260513193300.4ZyR2k5QhTz8sW@mx.example.org>"),
        ],
        multipart("report", "4ZyR2k5QhTz8sW.1778700780/mx.example.org", [notification, status, headers],
                  params="; report-type=delivery-status", preamble="This is a MIME-encapsulated message.\n"))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: Postfix delay warning (multipart/report, Action: delayed) with only the "
                  "text/rfc822-headers of a forwarded statement, whose Subject: is folded and a deadline header "
                  "is present")


@case("neg-cfp-workshop-spam", "not a statement", "workshop CFP full of SDO names, liaison wording and deadlines")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 30, 2, 41, 9, 0)
    body = """\
CALL FOR PAPERS - 2nd International Workshop on Standards Interplay (WSI 2026)
Co-located with NetStandards Week, Lisbon, 9-11 November 2026

Standards bodies exchange hundreds of liaison statements every year. WSI
invites papers on how 3GPP, ITU-T Study Groups 13/15/17, IEEE 802.1,
ETSI, O-RAN, the Broadband Forum and the IETF coordinate their work.

Topics:
 * liaison statement analytics and tracking of action deadlines
 * "For action" vs "For information": measuring responsiveness
 * deterministic networking across SDOs (TSN, DetNet, 5G)

Important dates (Anywhere on Earth):
 Abstract registration:   Friday, 10 July 2026
 Full paper deadline:     17 July 2026 (firm)
 Notification:            4 September 2026
 Camera-ready deadline:   25 September 2026

To: standards researchers, liaison officers and WG chairs
Purpose: please circulate widely

Submission: https://www.example.com/wsi2026/cfp
Unsubscribe: reply with REMOVE in the subject.
"""
    htm = ("<html><body><h1>WSI 2026 &ndash; Call for Papers</h1><p>Standards bodies exchange hundreds of "
           "<b>liaison statements</b> every year (3GPP, ITU-T, IEEE 802.1, ETSI, O-RAN, BBF, IETF).</p>"
           "<table><tr><td>Full paper deadline</td><td><b>17 July 2026</b></td></tr>"
           "<tr><td>Notification</td><td>4 September 2026</td></tr></table>"
           "<p><a href=\"https://www.example.com/wsi2026/cfp\">Submit</a></p></body></html>\n")
    eml = message(
        env(rng, "statements@example.org", "bounce+wsi2026.7731@example.com", "mta12.example.com", "203.0.113.251",
            date) + [
            ("From", addr("WSI 2026 Organizers", "wsi2026@example.com")),
            ("Reply-To", "wsi2026-chairs@example.com"),
            ("To", addr("Liaison Statements", "statements@example.org")),
            ("Subject", "[CFP] WSI 2026 - liaison statements & SDO coordination - deadline 17 July 2026"),
            ("Date", date),
            ("Message-ID", rng.msgid("mta12.example.com")),
            ("List-Unsubscribe", "<mailto:unsubscribe-7731@example.com>"),
            ("Precedence", "bulk"),
            ("X-Mailer", "MassMailer Pro 9"),
        ],
        multipart("alternative", rng.boundary(), [text(body), text(htm, "html", "utf-8", "quoted-printable")]))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: workshop call for papers whose text is full of SDO names, 'liaison "
                  "statements', 'For action', 'To:'/'Purpose:' lines and several deadlines (one weekday-prefixed)")


@case("neg-spam-webinar-html-only", "not a statement", "HTML-only marketing about liaison deadline tracking, base64")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 16, 13, 0, 0, -5)
    htm = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Webinar</title></head>
<body style="font-family:Arial,sans-serif">
<table width="600" align="center"><tr><td>
<h2 style="color:#0b5394">Never miss a liaison deadline again</h2>
<p>Dear Standards Professional,</p>
<p>3GPP Release 20 freezes are approaching and your team receives liaison
statements from ITU-T SG15, IEEE 802.1, ETSI and the IETF every week.
<b>StdTrack&trade;</b> extracts titles, sources, <i>For action</i> recipients and
deadlines automatically.</p>
<p><b>Free webinar:</b> Thursday, June 25, 2026, 11:00 EDT<br>
Registration deadline: June 24, 2026</p>
<p><a href="https://www.example.com/stdtrack/webinar?utm_source=mail">Register now &rarr;</a></p>
<p style="font-size:10px;color:#888">You receive this e-mail because your address is listed
on a public standards page. <a href="https://www.example.com/unsub">Unsubscribe</a>.</p>
</td></tr></table></body></html>
"""
    eml = message(
        env(rng, "liaison-coordination@example.org", "bounces@example.com", "em1234.example.com", "203.0.113.252",
            date) + [
            ("From", addr("StdTrack Team", "hello@example.com")),
            ("To", "liaison-coordination@example.org"),
            ("Subject", "Webinar: never miss a 3GPP / ITU-T liaison deadline again"),
            ("Date", date),
            ("Message-ID", rng.msgid("em1234.example.com")),
            ("List-Unsubscribe", "<https://www.example.com/unsub>, <mailto:unsub@example.com>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Precedence", "bulk"),
        ],
        text(htm, "html", "utf-8", "base64"))
    return result(name, eml, negative("liaison-coordination@example.org"), None,
                  "NOT a statement: HTML-only (base64) marketing mail about liaison deadline tracking, naming "
                  "SDOs, 'For action' and weekday-prefixed dates")


@case("neg-meeting-invitation-ics", "not a statement", "calendar invitation (text/calendar + .ics) for a liaison coordination call")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 5, 27, 10, 5, 0, 2)
    uid = "%s-%s@example.com" % (rng.hex(8), rng.hex(12))
    ics = """\
BEGIN:VCALENDAR
PRODID:-//Example Corp//Calendar 16.0//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:%(uid)s
DTSTAMP:20260527T080500Z
DTSTART:20260611T130000Z
DTEND:20260611T140000Z
SUMMARY:IETF / ITU-T SG15 liaison coordination call
DESCRIPTION:Agenda: (1) SG15-LS201 response plan (deadline 1 October 2026)\\, (2) SG15-LS219 to DetNet\\, (3) AOB
ORGANIZER;CN=Henrik Holmberg:mailto:henrik.holmberg@example.com
ATTENDEE;CN=CCAMP chairs;RSVP=TRUE:mailto:ccamp-chairs@example.org
ATTENDEE;CN=Liaison Statements;RSVP=FALSE:mailto:statements@example.org
LOCATION:https://meet.example.com/j/5550101
END:VEVENT
END:VCALENDAR
""" % {"uid": uid}
    plain = ("Henrik Holmberg has invited you to: IETF / ITU-T SG15 liaison coordination call\n"
             "When: Thursday, 11 June 2026 15:00-16:00 (CEST)\n"
             "Where: https://meet.example.com/j/5550101\n\n"
             "Agenda: (1) SG15-LS201 response plan (deadline 1 October 2026), (2) SG15-LS219 to DetNet, (3) AOB\n")
    eml = message(
        env(rng, "statements@example.org", "henrik.holmberg@example.com", "mail.example.com", "192.0.2.98", date) + [
            ("From", addr("Henrik Holmberg", "henrik.holmberg@example.com")),
            ("To", "ccamp-chairs@example.org, statements@example.org"),
            ("Subject", "Invitation: IETF / ITU-T SG15 liaison coordination call @ Thu 11 Jun 2026 15:00 - 16:00 (CEST)"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
        ],
        multipart("mixed", rng.boundary("gmail"), [
            multipart("alternative", rng.boundary("gmail"), [
                text(plain, charset="UTF-8"),
                text(ics, "calendar", "UTF-8", "7bit", params="; method=REQUEST")]),
            attachment(crlf(ics).encode("ascii"), "application/ics", "invite.ics"),
        ]))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: calendar invitation (text/calendar METHOD:REQUEST plus invite.ics) for a "
                  "coordination call whose agenda names LS numbers and a deadline")


@case("neg-sdo-newsletter", "not a statement", "SDO newsletter mentioning liaison statements, dates and deadlines")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 7, 1, 14, 0, 0, -4)
    body = """\
BROADBAND FORUM INSIDER - July 2026
====================================

IN THIS ISSUE
 - Q3 Meeting goes virtual (24-28 August 2026)
 - New liaison statements sent to the IETF, ITU-T SG15 and ETSI ISG F5G
 - TR-398 Issue 4 published
 - Call for contributions: deadline 31 July 2026

LIAISON CORNER
This quarter the Technical Committee sent LIAISE-634 (response to IETF
IPPM on responsiveness metrics) and LIAISE-640 (to IETF IPPM, response
requested by mid-October 2026). Members can read all incoming and
outgoing liaisons in the member portal.

EVENTS
 - Q3 Meeting, virtual, 24-28 August 2026
 - Q4 Meeting, Lisbon, 16-20 November 2026

You are receiving this newsletter because you subscribed at
https://www.example.net/bbf/newsletter. Unsubscribe:
https://www.example.net/bbf/newsletter/unsubscribe
"""
    eml = message(
        env(rng, "statements@example.org", "newsletter-bounces@example.net", "out.example.net", "198.51.100.74",
            date) + [
            ("From", addr("Broadband Forum", "newsletter@example.net")),
            ("To", "statements@example.org"),
            ("Subject", "Broadband Forum Insider - July 2026: new liaisons, TR-398 Issue 4, Q3 Meeting"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.net")),
            ("List-Id", "BBF Insider <insider.example.net>"),
            ("List-Unsubscribe", "<https://www.example.net/bbf/newsletter/unsubscribe>"),
            ("Precedence", "bulk"),
        ],
        text(body))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: SDO newsletter that reports liaison statements by number, with meeting dates "
                  "and a contribution deadline")


@case("neg-3gpp-meeting-invitation", "not a statement", "3GPP meeting invitation with submission and registration deadlines")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 6, 5, 9, 30, 0, 2)
    body = """\
Dear 3GPP TSG SA WG2 delegates,

On behalf of the host, I am pleased to invite you to

    3GPP TSG SA WG2 Meeting #176
    Goa, India, 24 - 28 August 2026

Agenda:                  S2-2606000 (draft), to be issued 3 August 2026
Document submission:     Tdoc requests open 27 July 2026
Deadline for documents:  Monday, 17 August 2026, 23:59 UTC
Registration deadline:   7 August 2026
Incoming LSs:            will be allocated under agenda item 4.1

Liaison statements received from other organizations (ITU-T, IETF, IEEE,
BBF) will be handled under agenda item 4.1; please do not submit replies
before the LS is allocated a Tdoc number.

Best regards,
Tiago Mendonca
3GPP MCC - SA WG2
"""
    eml = message(
        env(rng, "statements@example.org", "3gpp_tsg_sa_wg2-owner@list.example.net", "list.example.net",
            "203.0.113.121", date) + [
            ("From", addr("Tiago Mendonca", "tiago.mendonca@example.com")),
            ("Sender", addr("3GPP SA2 list", "3gpp_tsg_sa_wg2@list.example.net")),
            ("To", "3gpp_tsg_sa_wg2@list.example.net"),
            ("Subject", "Invitation to 3GPP TSG SA WG2 Meeting #176 (Goa, 24 - 28 August 2026)"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com")),
            ("List-Id", "<3gpp_tsg_sa_wg2.list.example.net>"),
            ("Precedence", "list"),
        ],
        text(body))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: 3GPP meeting invitation sent to the SA2 exploder (to which the intake is "
                  "subscribed) with a Tdoc number, a weekday-prefixed document deadline and a registration "
                  "deadline; mentions incoming LSs")


@case("neg-chair-informal-thanks-cc-intake", "not a statement", "informal thank-you from a WG chair to the SDO with the intake in Cc:")
def _(name):
    rng = Rng(name)
    date = mdate(2026, 4, 16, 21, 8, 14, -7)
    parent = "<%s@example.com>" % rng.hex(20)
    body = """\
Hi Elif,

Thanks a lot for the PCIC liaison on holdover performance reporting
(PCIC-LIA-2026-02). We will discuss it at our next interim and aim to send
a formal reply well before your 17 Sep 2026 deadline. In the meantime,
feel free to post measurement data to the DetNet list.

Best,
Lou

On Wed, Apr 15, 2026 at 3:30 AM Elif Yilmaz <elif.yilmaz@example.com> wrote:
> Dear DetNet chairs,
>
> The Packet Clock Interoperability Consortium (PCIC) would like to send
> you the liaison below, agreed at our Interop Plenary #9.
> [...]
"""
    eml = message(
        env(rng, "statements@example.org", "lou.hargreaves@example.com", "mail.example.com", "192.0.2.103", date) + [
            ("From", addr("Lou Hargreaves", "lou.hargreaves@example.com")),
            ("To", addr("Elif Yilmaz", "elif.yilmaz@example.com")),
            ("Cc", "detnet-chairs@example.org, statements@example.org"),
            ("Subject", "Re: PCIC liaison to IETF DetNet WG"),
            ("Date", date),
            ("Message-ID", rng.msgid("example.com", "gmail")),
            ("In-Reply-To", parent),
            ("References", parent),
        ],
        text(body, charset="UTF-8"))
    return result(name, eml, negative("statements@example.org"), None,
                  "NOT a statement: informal 'Re:' thank-you from a DetNet chair to the sender of a liaison, "
                  "with the intake in Cc:, naming the liaison number and deadline and quoting its first lines")


# ============================================================================================
# Readings of the rules this set commits to (written to README.md with the case numbers)
# ============================================================================================

READINGS = [
    ("A sending body that the directory does not list gets the canonical short form of "
     "extraction-rules.md in `from` (`3GPP TSG SA WG5`, `3GPP TSG CT WG3`, `3GPP TSG RAN WG1`, "
     "`IEEE 802.3 WG`, `ETSI ISG NFV`, following `3GPP TSG SA WG2`, `IEEE 802.1 WG`, `ETSI ISG F5G`); "
     "a body that fits no pattern of the rules gets the name written in its own `From:` label, not "
     "its abbreviation. Such bodies occur only in `from`, never in `to`, and none was added to "
     "directory.toml",
     ["3gpp-sa5-ls-body-attached-tdocs", "3gpp-ct3-reply-ls-docx-tabs", "3gpp-ran1-action-none-utf8-qp",
      "3gpp-sa6-docx-table-weekday", "3gpp-ran4-pdf-info-contribution-decoy",
      "3gpp-sa1-rfc822-fwd-orig-to-liaison-role", "ieee-8023-letter-pdf-ddmonyyyy-compact",
      "etsi-isg-nfv-gmail-inline-forward", "consortium-generic-labels-send-to-label"]),
    ("A Datatracker `Referenced liaison: <title> (<url>)` line gives `in_response_to` = the title "
     "without the URL",
     ["datatracker-referenced-liaison-response"]),
    ("An empty `Response to:` does not stop a statement from being a response: a `Reply LS ...` / "
     "`Reply to LS ...` title together with the earlier title quoted in the text makes it one, with "
     "that quoted title as `in_response_to`",
     ["3gpp-sa2-reply-ls-empty-response-to", "itut-sg11-reply-docx-quoted-title"]),
    ("A filled `Response to:` is taken verbatim even when it contains the incoming LS's own 3GPP "
     "number; that number, like any number of the statement being answered, is not in "
     "`other_identifiers`",
     ["3gpp-ct3-reply-ls-docx-tabs", "3gpp-sa2-reply-ls-empty-response-to"]),
    ("The letter's own `Subject:` line is the title verbatim even when it begins with "
     "`Response to ...`",
     ["ieee-8021-body-response-intake-in-cc", "bbf-response-body-prose", "mef-response-apple-mail"]),
    ("The Datatracker's misspelt `Reponse Contact:` counts as `Response Contact:` (so "
     "`send_reply_to`), and, per the corpus's reading 3, that address is not added to "
     "`from_contacts` unless it is also named elsewhere as a contact or sender",
     ["datatracker-lsmt-reponse-contact"]),
    ("An explicitly labelled `Send To:` address is `send_to` even when the mail's To: header is "
     "another address; that To: address then is a `to_contact`",
     ["consortium-generic-labels-send-to-label"]),
    ("A sending-side address in the original message's `Cc:` header is a `from_contact` (corpus "
     "reading 4) even when it is also the labelled reply address (so corpus reading 3 does not "
     "remove it); a receiving-side address in the original's `Cc:` (the IETF liaison manager) is "
     "neither a `from_contact` nor a `to_contact`",
     ["itut-sg12-itud-style-upper-labels", "oran-wg4-docx-end-of-march", "etsi-isg-nfv-gmail-inline-forward",
      "ieee-8021-outlook-original-message-forward"]),
    ("`send_to` from a forwarded original: the ORIGINAL's To: decides (corpus reading 2), so an "
     "original sent To: the role address `3gpp-liaison@example.org` gives that address even though "
     "the forward itself went to the intake",
     ["3gpp-sa1-rfc822-fwd-orig-to-liaison-role"]),
    ("The person who mailed a statement on a chair's behalf (a liaison officer, MCC staff, the TSB) "
     "is sending side and so a `from_contact`; the forwarder of someone else's statement (a WG chair, "
     "an IETF liaison manager) is neither side",
     ["ieee-80211-pdf-info-two-wgs", "itut-sg11-rfc822-fwd-by-chair", "ieee-8021-outlook-original-message-forward",
      "w3c-outlook-fw-original-message"]),
    ("Fuzzy and empty deadlines: `by the end of <Month> <Year>` = last day of that month, "
     "`mid-<Month>` = the 15th, `End of March 2027` keeps its own year; `N/A`, an empty field "
     "and `なし` (none) give null; dates of meetings, ballots, e-mail approvals, contribution "
     "and registration deadlines are never the deadline",
     ["3gpp-sa1-rfc822-fwd-orig-to-liaison-role", "bbf-docx-end-of-september", "bbf-outlook-html-only-cp1252",
      "itut-sg12-itud-style-upper-labels", "oran-wg4-docx-end-of-march", "itut-sg13-plain-info-na",
      "jtc1-sc27-info-pdf-due-date-na", "jtc1-sc27-comm-no-due-date", "ttc-iso-2022-jp-information"]),
    ("Ambiguous numeric dates are day-first (`05/06/2026` and `05.06.2026` = 5 June); the compact "
     "IEEE form `12NOV2026` and `17 Sep 2026` are ordinary dates",
     ["3gpp-sa2-docx-table-rfc2231-name", "etsi-cyber-docx-3gpp-labels-ddmmyyyy",
      "ieee-8023-letter-pdf-ddmonyyyy-compact", "consortium-generic-labels-send-to-label"]),
    ("Identifiers: an IEEE 802 document number given by the sender for its own letter "
     "(`11-26/0871r0`) and a MEF letter number quoted inside a Datatracker body (`L00431`) are "
     "identifiers; attached Tdocs, earlier letters (`LIAISE-588`, `L00391`), "
     "specification numbers (TR-452, MEF 70.2, ISO/IEC 27033-8) and an annex's `Annex to` line are "
     "not; an ITU-T TD number is, as in the corpus",
     ["ieee-80211-pdf-info-two-wgs", "datatracker-lsmt-reponse-contact", "3gpp-sa5-ls-body-attached-tdocs",
      "bbf-docx-end-of-september", "mef-pdf-letter-earlier-l-numbers", "itut-sg17-docx-plus-annex-pdf",
      "itut-sg15-docx-double-pairs-three-contacts"]),
    ("`Auto-Submitted: auto-generated` / `Precedence: bulk` do not make a Datatracker 'New Liaison "
     "Statement' notification a non-statement",
     ["datatracker-referenced-liaison-response"]),
    ("Delivery at a liaison role address (`itu-t-liaison@`) or at the addressed group's chairs "
     "address or list is not misdirection; "
     "delivery at the IAB's address for a statement to a WG is (the IAB is a directory group)",
     ["itut-sg15-pdf-to-itu-liaison-role", "consortium-generic-labels-send-to-label",
      "datatracker-referenced-liaison-response", "datatracker-lsmt-reponse-contact", "3gpp-ran3-misdirected-to-iab"]),
    ("Not statements: a draft reply circulated on a WG list, an informal thank-you from a chair to "
     "the sender (intake in Cc:), a question about a missing liaison, an SDO's automatic "
     "acknowledgement, a read receipt and a delay warning carrying only the headers of a statement",
     ["neg-list-draft-reply-discussion", "neg-chair-informal-thanks-cc-intake",
      "neg-question-about-missing-liaison", "neg-auto-acknowledgement-3gpp", "neg-read-receipt-mdn",
      "neg-delay-dsn-headers-only"]),
    ("An RFC 2047 encoded word inside a quoted `name=`/`filename=` (non-standard) is decoded for "
     "`attachments`",
     ["ttc-shift-jis-rfc2047-filename"]),
]


# ============================================================================================
# Validation helpers: decoding of what we generated (independent of the building code)
# ============================================================================================

def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip().casefold()


def html_text(s):
    s = re.sub(r"(?is)<(style|head|script)\b.*?</\1>", " ", s)
    s = re.sub(r"(?is)<!--.*?-->", " ", s)
    s = re.sub(r"(?i)<(br|p|div|tr|li|h\d)\b[^>]*>", "\n", s)
    s = re.sub(r"(?i)</t[dh]>", "\t", s)
    s = re.sub(r"(?s)<[^>]+>", "", s)
    return html.unescape(s)


def docx_text(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    dom = xml.dom.minidom.parseString(z.read("word/document.xml"))
    out = []
    for p in dom.getElementsByTagNameNS(W_NS, "p"):
        buf = []
        for node in p.getElementsByTagName("*"):
            if node.namespaceURI == W_NS and node.localName == "t":
                buf.append("".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE))
            elif node.namespaceURI == W_NS and node.localName == "tab" and node.parentNode.localName == "r":
                buf.append("\t")
        out.append("".join(buf))
    return "\n".join(out)


def _pdf_literal(s):
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            n = s[i + 1]
            if n in "()\\":
                out.append(ord(n))
                i += 2
            elif n.isdigit():
                m = re.match(r"[0-7]{1,3}", s[i + 1:])
                out.append(int(m.group(0), 8))
                i += 1 + len(m.group(0))
            else:
                out.append({"n": 10, "r": 13, "t": 9}.get(n, ord(n)))
                i += 2
        else:
            out.append(ord(c))
            i += 1
    return out.decode("cp1252")


def pdf_streams(data):
    for m in re.finditer(rb"<< /Length (\d+) >>\nstream\n", data):
        n = int(m.group(1))
        start = m.end()
        yield data[start:start + n], data[start + n:start + n + 10]


def pdf_text(data):
    """Text of our PDFs: text objects grouped into lines by baseline, left to right."""
    pages = []
    for stream, _ in pdf_streams(data):
        objs = []
        for m in re.finditer(r"BT /F\d ([\d.]+) Tf ([\d.\-]+) ([\d.\-]+) Td (.*?) (Tj|TJ) ET", stream.decode("latin-1")):
            x, y, show = float(m.group(2)), float(m.group(3)), m.group(4)
            parts = re.findall(r"\((?:\\.|[^\\)])*\)", show)
            txt = "".join(_pdf_literal(p[1:-1]) for p in parts)
            objs.append((-y, x, txt))
        lines = {}
        for ny, x, txt in objs:
            lines.setdefault(ny, []).append((x, txt))
        pages.append("\n".join(" ".join(t for _, t in sorted(v)) for _, v in sorted(lines.items())))
    return "\n".join(pages)


def pdf_check(data):
    """Structural check: header, every xref offset points at 'N 0 obj', stream lengths exact."""
    errs = []
    if not data.startswith(b"%PDF-1."):
        errs.append("no %PDF header")
    m = re.search(rb"startxref\n(\d+)\n%%EOF\n$", data)
    if not m:
        return errs + ["no startxref/%%EOF trailer"]
    off = int(m.group(1))
    if data[off:off + 5] != b"xref\n":
        return errs + ["startxref does not point at xref"]
    hm = re.match(rb"xref\n0 (\d+)\n", data[off:])
    count = int(hm.group(1))
    pos = off + hm.end()
    for num in range(count):
        entry = data[pos:pos + 20]
        pos += 20
        if len(entry) != 20 or not re.match(rb"\d{10} \d{5} [nf] \n", entry):
            errs.append("bad xref entry %d: %r" % (num, entry))
            continue
        o, kind = int(entry[:10]), entry[17:18]
        if kind == b"n" and not data[o:].startswith(b"%d 0 obj" % num):
            errs.append("xref offset of object %d is wrong" % num)
    if not re.match(rb"trailer\n<< /Size %d " % count, data[pos:]):
        errs.append("trailer /Size mismatch")
    for stream, after in pdf_streams(data):
        if not after.startswith(b"\nendstream"):
            errs.append("stream /Length mismatch")
    return errs


def rtf_text(data):
    s = data.decode("ascii")
    s = re.sub(r"\{\\(fonttbl|colortbl|info)(?:[^{}]|\{[^{}]*\})*\}", "", s)
    s = re.sub(r"\\'([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]).decode("cp1252"), s)
    s = re.sub(r"\\(par|line|row)\b ?", "\n", s)
    s = re.sub(r"\\(cell|tab)\b ?", "\t", s)
    s = re.sub(r"\\([{}\\])", r"\1", s)
    s = re.sub(r"\\[a-z]+-?\d* ?", "", s)
    return s.replace("{", "").replace("}", "")


def rtf_check(data):
    s = data.decode("ascii")
    depth = 0
    i = 0
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(s[i], 0)
        if depth < 0:
            return ["unbalanced braces"]
        i += 1
    errs = [] if depth == 0 else ["unbalanced braces"]
    if not s.startswith("{\\rtf1"):
        errs.append("no {\\rtf1 header")
    return errs


def docx_check(data):
    errs = []
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        return ["not a zip: %s" % e]
    if z.testzip() is not None:
        errs.append("zip CRC error")
    names = z.namelist()
    for need in ("[Content_Types].xml", "_rels/.rels", "word/document.xml"):
        if need not in names:
            errs.append("missing " + need)
    for n in names:
        if n.endswith(".xml") or n.endswith(".rels"):
            try:
                xml.dom.minidom.parseString(z.read(n))
            except Exception as e:                      # noqa: BLE001 - report any parse error
                errs.append("%s not well-formed: %s" % (n, e))
    if b'PartName="/word/document.xml"' not in z.read("[Content_Types].xml"):
        errs.append("no content type override for word/document.xml")
    return errs


def part_text(part, pdftotext):
    """Decoded text of one leaf part, plus structural problems found on the way."""
    ct = part.get_content_type()
    errs = []
    if part.get_content_maintype() == "text":
        t = part.get_content()
        return (html_text(t) if ct == "text/html" else t), errs
    data = part.get_payload(decode=True) or b""
    if ct == "application/pdf":
        errs += pdf_check(data)
        t = pdf_text(data)
        if pdftotext:
            with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
                f.write(data)
                f.flush()
                r = subprocess.run([pdftotext, "-q", f.name, "-"], capture_output=True)
            if r.returncode != 0 or not r.stdout.strip():
                errs.append("pdftotext failed on %s" % part.get_filename())
            else:
                pt = norm(r.stdout.decode("utf-8", "replace"))
                for a in set(re.findall(r"[\w.+-]+@[\w.-]+\.[a-z]+", t)):
                    if a.lower() not in pt:
                        errs.append("pdftotext does not show %s in %s" % (a, part.get_filename()))
                t += "\n" + r.stdout.decode("utf-8", "replace")
        return t, errs
    if ct == DOCX_CT:
        errs += docx_check(data)
        return docx_text(data) if not errs else "", errs
    if ct in ("application/rtf", "text/rtf"):
        errs += rtf_check(data)
        return rtf_text(data), errs
    return "", errs


def decoded_filename(part):
    fn = part.get_filename()
    if fn and "=?" in fn:                 # RFC 2047 inside a quoted parameter (non-standard, common)
        fn = str(email.header.make_header(email.header.decode_header(fn)))
    return fn


def attachments_by_rule(msg):
    out = []
    for part in msg.walk():
        if part.is_multipart():
            continue          # containers, including the message/rfc822 wrapper
        ct = part.get_content_type()
        disp = part.get_content_disposition()
        fn = decoded_filename(part)
        if ct.startswith("image/") and disp != "attachment" and (disp == "inline" or part.get("Content-ID")):
            continue          # inline image
        if disp == "attachment" or (fn and part.get_content_maintype() != "text"):
            out.append({"filename": fn, "content_type": ct})
    return out


def raw_checks(eml):
    errs = []
    if re.search(rb"(?<!\r)\n", eml) or re.search(rb"\r(?!\n)", eml):
        errs.append("line endings are not all CRLF")
    for ln in eml.split(b"\r\n"):
        if len(ln) > 998:
            errs.append("line longer than 998 octets")
            break
    head = eml.split(b"\r\n\r\n", 1)[0]
    try:
        head.decode("ascii")
    except UnicodeDecodeError:
        errs.append("non-ASCII octets in the header section")
    if not re.search(rb"(?im)^Delivered-To: ", head) or not re.search(rb"(?im)^Received: ", head):
        errs.append("no Delivered-To or Received header")
    return errs


MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"], 1)}


def raw_deadline_date(raw):
    """Independent reading of the raw deadline texts used in this set (a cross-check of the
    expected `deadline`): returns a date, None for a 'no deadline' text, or raises."""
    s = raw.strip()
    if s in ("N/A", "-", "なし", ""):
        return None
    m = re.match(r"^(?:(mid|end of)[- ])(\w+) (\d{4})$", s, re.I)
    if m:
        y, mo = int(m.group(3)), MONTHS[m.group(2)[:3].lower()]
        if m.group(1).lower() == "mid":
            return datetime.date(y, mo, 15)
        return (datetime.date(y + mo // 12, mo % 12 + 1, 1) - datetime.timedelta(days=1))
    m = re.match(r"^(\d{4})(?:-|/|年 ?)(\d{1,2})(?:-|/|월 |月)(\d{1,2})(?:日|일)?$", s.replace("년 ", "年"))
    if m:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r"^(\d{2})[./](\d{2})[./](\d{4})$", s)                    # day first
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.match(r"^(\d{1,2})([A-Z]{3})(\d{4})$", s)                         # 12NOV2026
    if m:
        return datetime.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    wd = None
    m = re.match(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (.*)$", s)
    if m:
        wd, s = m.group(1), m.group(2)
    m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]([A-Za-z]+)\.?[ -](\d{4})$", s)
    if m:
        d = datetime.date(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    else:
        m = re.match(r"^([A-Za-z]+) (\d{1,2})(?:st|nd|rd|th)?, (\d{4})$", s)
        if not m:
            raise ValueError("unrecognised raw deadline %r" % raw)
        d = datetime.date(int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    if wd and d.strftime("%A") != wd:
        raise ValueError("weekday of %r is wrong" % raw)
    return d


def all_sdo_names():
    names = {s[0]: [s[0]] + s[1] for s in SDOS}
    names.update({k: [k] + v for k, v in EXTRA_BODIES.items()})
    return names


def validate_case(c, pdftotext):
    errs = []
    eml, exp = c["eml"], c["expect"]
    errs += raw_checks(eml)
    for part in email.message_from_bytes(eml, policy=email.policy.compat32).walk():
        for d in part.defects:
            errs.append("MIME defect (compat32 policy) in %s: %r" % (part.get_content_type(), d))
    msg = email.message_from_bytes(eml, policy=email.policy.default)
    texts = []
    for part in msg.walk():
        for d in part.defects:
            errs.append("MIME defect in %s: %r" % (part.get_content_type(), d))
        for k, v in part.items():
            for d in getattr(v, "defects", ()):
                if str(d) in c.get("allow_defects", ()):
                    continue              # deliberate, documented non-conformance of this case
                errs.append("header defect in %s: %r" % (k, d))
            texts.append("%s: %s" % (k, v))
        cte = (part.get("Content-Transfer-Encoding") or "7bit").lower()
        if not part.is_multipart() and cte == "7bit":
            try:
                part.get_payload(decode=False).encode("ascii")
            except UnicodeEncodeError:
                errs.append("non-ASCII data in a 7bit part")
        if not part.is_multipart():
            t, e = part_text(part, pdftotext)
            texts.append(t)
            errs += e
            if part.get_content_maintype() == "text" and "\ufffd" in t:
                errs.append("undecodable characters in a %s part" % part.get_content_type())
    for dom in re.findall(r"[\w.+-]@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b", "\n".join(texts)):
        d = dom.lower().rstrip(".")
        if not re.search(r"(^|\.)example\.(org|net|com)$", d):
            errs.append("non-RFC 2606 domain in an address: %s" % d)
            break
    full = norm("\n".join(texts))

    def present(s, what):
        if s is not None and norm(s) not in full:
            errs.append("%s %r does not occur in the decoded message" % (what, s))

    if (msg.get("Delivered-To") or "").lower() != exp["delivered_to"]:
        errs.append("Delivered-To header differs from delivered_to")
    if not exp["is_liaison"]:
        if set(exp) != {"is_liaison", "delivered_to"} or list(exp) != ["is_liaison", "delivered_to"]:
            errs.append("negative case with unexpected fields")
        return errs
    if list(exp) != FIELDS:
        errs.append("expected JSON keys differ from the contract field list")
    present(exp["title"], "title")
    if "\n" in exp["title"] or "  " in exp["title"] or exp["title"] != exp["title"].strip():
        errs.append("title is not one line with collapsed whitespace")
    addrs = exp["from_contacts"] + exp["to_contacts"] + [exp["send_reply_to"], exp["send_to"]]
    for a in addrs:
        if a is not None:
            if a != a.lower():
                errs.append("address not lower case: %s" % a)
            if not re.match(r"^[a-z0-9._+-]+@example\.(org|net|com)$", a):
                errs.append("address not an RFC 2606 address: %s" % a)
            present(a, "address")
    for lst in ("from_contacts", "to_contacts", "from", "to", "route_to", "other_identifiers"):
        if len(set(exp[lst])) != len(exp[lst]):
            errs.append("duplicate entries in %s" % lst)
    if set(exp["from_contacts"]) & set(exp["to_contacts"]):
        errs.append("an address is on both sides")
    present(c["raw_deadline"], "raw deadline")
    present(exp["in_response_to"], "in_response_to")
    for ident in exp["other_identifiers"]:
        present(ident, "identifier")
    sdo_names = all_sdo_names()
    directory_sdos = {s[0]: [s[0]] + s[1] for s in SDOS}
    grp_canon = {g["aliases"][0]: g for g in GROUPS}
    for body in exp["from"]:
        if body not in sdo_names:
            errs.append("from %r is neither an [[sdo]] name nor a listed canonical form" % body)
        elif not any(norm(a) in full for a in sdo_names[body]):
            errs.append("no name or alias of %r occurs in the message" % body)
    for body in exp["to"]:
        names = [g["name"]] + g["aliases"] if (g := grp_canon.get(body)) else directory_sdos.get(body)
        if names is None and body in ("IESG",):
            names = [body]
        if names is None:
            errs.append("to %r is neither a group's first alias nor an [[sdo]] name" % body)
        elif not any(norm(a) in full for a in names):
            errs.append("no name or alias of %r occurs in the message" % body)
    if exp["purpose"] not in ("information", "action", "response"):
        errs.append("bad purpose")
    if exp["purpose"] == "response" and exp["in_response_to"] is None:
        errs.append("a response without in_response_to")
    if exp["purpose"] != "response" and exp["in_response_to"] is not None:
        errs.append("in_response_to set on a non-response")
    if exp["deadline"] is not None:
        datetime.date.fromisoformat(exp["deadline"])
        if c["raw_deadline"] is None:
            errs.append("deadline without raw text")
    if c["raw_deadline"] is not None:
        try:
            d = raw_deadline_date(c["raw_deadline"])
            if (d.isoformat() if d else None) != exp["deadline"]:
                errs.append("raw deadline %r reads as %s, expected %s" % (c["raw_deadline"], d, exp["deadline"]))
        except (ValueError, KeyError) as e:
            errs.append("raw deadline: %s" % e)
    # routing, recomputed from the directory
    route = [grp_canon[t]["name"] for t in exp["to"] if t in grp_canon]
    owner = {a: g["name"] for g in GROUPS for a in g["addresses"]}
    d = exp["delivered_to"]
    mis = d not in INTAKE and d in owner and owner[d] not in route
    if route != exp["route_to"]:
        errs.append("route_to %r, directory says %r" % (exp["route_to"], route))
    if mis != exp["misdirected"]:
        errs.append("misdirected %r, directory says %r" % (exp["misdirected"], mis))
    if exp["send_to"] in exp["to_contacts"] or (exp["misdirected"] and d in exp["to_contacts"]):
        errs.append("to_contacts must exclude send_to and the misdelivery address")
    if exp["send_to"] is not None:
        lp = exp["send_to"].split("@")[0]
        if exp["send_to"] not in INTAKE and "statements" not in lp and "liaison" not in lp \
                and "labelled" not in c["summary"]:
            errs.append("send_to is neither an intake nor a statements/liaison role address")
    if attachments_by_rule(msg) != exp["attachments"]:
        errs.append("attachments %r, MIME tree says %r" % (exp["attachments"], attachments_by_rule(msg)))
    return errs


# ============================================================================================
# README
# ============================================================================================

README_HEAD = """\
# liaisond held-out test set

Held-out inbound mail for the liaison-statement extractor, with the expected extraction for
each message. It measures the extractor on messages it was not tuned on: it was written
independently of the extractor (its author never read the extractor's code), in the formats of the sample
corpus (`shared/corpus`) but by someone else, with other people, wording, layouts, encodings and
traps. **Do not tune the extractor on these cases**; when one fails, fix the general rule, not
the case.

Everything here is produced by `gen.py` (Python 3 standard library only, fixed seed, no import
from `shared/`): change `gen.py` and regenerate rather than editing files by hand. All people,
addresses, documents and statements are invented; only RFC 2606 example domains occur
(`example.org` for the IETF side, `example.net` for other bodies' role addresses, `example.com`
for individuals).

## Layout

| file | what it is |
|---|---|
| `NN-name.eml` | one message as received: RFC 5322, CRLF line endings, `Delivered-To` and `Received` headers, ASCII header section. Keep the bytes exact (no line-ending conversion; `.gitattributes` or `-text` if needed). |
| `NN-name.json` | the expected `liaisond extract NN-name.eml` result, contract fields only |
| `directory.toml` | the directory the expectations assume; byte-identical to `shared/corpus/directory.toml` (no group added) |
| `gen.py` | generator and validator |
| `.gitattributes` | `*.eml -text`, so that git never converts the CRLF line endings |

Run each case as `liaisond extract --config CONF NN-name.eml` with **no** `--rcpt`, where CONF
holds `directory.toml`: `delivered_to` then comes from the `Delivered-To` header, and
`misdirected`/`route_to` from the directory.

Decoding the set needs: RFC 2047 words in `utf-8`, `iso-2022-jp`, `shift_jis`, `gbk`, `euc-kr`,
`big5`, `windows-1252` (Q and B, split over folded lines); bodies in those charsets in 7bit,
8bit, quoted-printable and base64; RFC 2231 parameters with continuations; a file name given as an
RFC 2047 word inside quotes; `message/rfc822`, `multipart/report` (delivery-status and
disposition-notification), `multipart/related` and `text/calendar` parts; DOCX (tables, tab
layouts, runs split inside words), PDF (one text object per label/value, TJ kerning, several
pages) and RTF (`\\trowd` tables, cp1252 escapes).

## Conventions of the expected JSON (the same as the sample corpus)

- Field meanings are those of `shared/DESIGN.md` and `shared/docs/extraction-rules.md`. Only the
  contract fields are given; `confidence`, `evidence`, `warnings` and the attachment `size`,
  `sha256`, `text_chars`, `derived` are not part of these expectations.
- A statement's file has all 16 fields in contract order: `null` for an absent scalar, `[]` for
  an empty list. A non-statement's file has only `is_liaison: false` and `delivered_to`; its
  other fields are unspecified.
- Address lists and body lists compare as **sets** (the files list them in document order).
  Addresses are lower case.
- `from` uses the `[[sdo]]` name. `to` uses, for a directory group, the group's **first alias**
  and for any other body its `[[sdo]]` name. `route_to` uses `[[group]]` names.
- `title` is the statement's own `Title:`/`Subject:`/`SUBJECT :` line verbatim, wrapped lines
  joined, whitespace collapsed; the email subject (minus list tags, `Re:`/`Fwd:`/`FW:`,
  `Liaison:`) only when the statement has no such line.
- `in_response_to` is the text after `Response to:` verbatim, or the quoted earlier title.
- `other_identifiers` holds only the statement's own number(s).
- `attachments`: `filename` decoded, `content_type` as declared, in MIME-tree order.

## Readings of the rules this set commits to

The sample corpus's seven readings (shared/corpus/README.md) are kept. Where
`extraction-rules.md` still leaves room, these cases also take the following readings; the case
numbers show where each one matters, so a project decision the other way is easy to apply.

"""

README_TAIL = """
## Regenerate and check

    cd classify/testdata/heldout
    python3 gen.py                    # rewrites all cases, directory.toml and README.md, then validates
    a=$(mktemp -d) b=$(mktemp -d); python3 gen.py --out "$a" && python3 gen.py --out "$b" && diff -r "$a" "$b"   # determinism

Validation (exit status 1 on any problem): every `.eml` parses with Python's `email` package
(`policy.default` and `compat32`) without message or header defects (except the two that case 47's
deliberate RFC 2047 word inside a quoted file name raises), has CRLF line endings, lines
of at most 998 octets, an ASCII header section with `Delivered-To` and `Received`, ASCII 7bit
parts, only RFC 2606 domains in addresses, and text parts that decode without replacement
characters; every DOCX is a valid zip whose XML parts are well-formed; every PDF has exact xref
offsets and stream lengths (and `pdftotext` shows its addresses, when poppler-utils is
installed); every RTF has balanced groups; every expected title, address, identifier,
`in_response_to` and raw deadline text occurs in the decoded message (headers, bodies,
DOCX/PDF/RTF text), and each raw deadline text, re-read by a small independent date parser
(weekday checked), gives the expected `deadline`; `from`/`to` bodies occur by name or alias; `attachments`, `route_to` and
`misdirected` agree with the MIME tree and `directory.toml`; `directory.toml` is byte-identical
to `shared/corpus/directory.toml` when that file is present; the set has 60-80 cases, at least
15 of them non-statements.
"""


def readme(cases):
    out = [README_HEAD]
    num = {c["name"].split("-", 1)[1]: c["name"].split("-", 1)[0] for c in cases}
    for i, (text_, slugs) in enumerate(READINGS, 1):
        for s in slugs:
            assert s in num, "reading refers to an unknown case: %s" % s
        out.append("%d. %s (%s).\n" % (i, text_, ", ".join(num[s] for s in slugs)))
    fam = {}
    for c in cases:
        fam.setdefault(c["family"], []).append(c)
    out.append("\n## Counts\n\n%d cases: %d statements, %d non-statements.\n\n| family | cases |\n|---|---|\n"
               % (len(cases), sum(1 for c in cases if c["expect"]["is_liaison"]),
                  sum(1 for c in cases if not c["expect"]["is_liaison"])))
    for f, cs in fam.items():
        out.append("| %s | %d |\n" % (f, len(cs)))
    traps = [("misdirected", sum(1 for c in cases if c["expect"].get("misdirected"))),
             ("response", sum(1 for c in cases if c["expect"].get("purpose") == "response")),
             ("action", sum(1 for c in cases if c["expect"].get("purpose") == "action")),
             ("information", sum(1 for c in cases if c["expect"].get("purpose") == "information")),
             ("deadline set", sum(1 for c in cases if c["expect"].get("deadline"))),
             ("send_to null (statement)", sum(1 for c in cases if c["expect"]["is_liaison"] and c["expect"]["send_to"] is None)),
             ("with attachments (statement)", sum(1 for c in cases if c["expect"]["is_liaison"] and c["expect"]["attachments"]))]
    out.append("\n| statements by field | cases |\n|---|---|\n")
    for t, n in traps:
        out.append("| %s | %d |\n" % (t, n))
    out.append("\n## Cases\n\n| case | family | what it exercises | deadline as written |\n|---|---|---|---|\n")
    for c in cases:
        dl = c["raw_deadline"]
        if dl is None:
            dl = "none"
        elif c["expect"].get("deadline"):
            dl = "`%s` → %s" % (dl, c["expect"]["deadline"])
        else:
            dl = "`%s` → null" % dl
        out.append("| `%s` | %s | %s | %s |\n" % (c["name"], c["family"], c["summary"].replace("|", "\\|"), dl))
    return "".join(out) + README_TAIL


# ============================================================================================

def build():
    cases = []
    for i, (slug, family, traps, fn) in enumerate(CASES, 1):
        name = "%02d-%s" % (i, slug)
        c = fn(name)
        c["family"] = family
        c["traps"] = traps
        cases.append(c)
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names), "duplicate case names"
    return cases


def write(out, cases):
    os.makedirs(out, exist_ok=True)
    keep = set()
    for c in cases:
        for ext, data in ((".eml", c["eml"]),
                          (".json", (json.dumps(c["expect"], ensure_ascii=False, indent=2) + "\n").encode("utf-8"))):
            fn = c["name"] + ext
            keep.add(fn)
            with open(os.path.join(out, fn), "wb") as f:
                f.write(data)
    for fn in os.listdir(out):            # drop cases that no longer exist
        if re.match(r"\d\d-.*\.(eml|json)$", fn) and fn not in keep:
            os.remove(os.path.join(out, fn))
    with open(os.path.join(out, "directory.toml"), "wb") as f:
        f.write(directory_toml().encode("utf-8"))
    with open(os.path.join(out, ".gitattributes"), "wb") as f:   # keep the CRLF bytes of the messages exact
        f.write(b"*.eml -text\n")
    with open(os.path.join(out, "README.md"), "wb") as f:
        f.write(readme(cases).encode("utf-8"))


def validate(out, cases):
    problems = []
    pdftotext = shutil.which("pdftotext")
    for c in cases:
        with open(os.path.join(out, c["name"] + ".eml"), "rb") as f:
            on_disk = f.read()
        with open(os.path.join(out, c["name"] + ".json"), "rb") as f:
            exp_disk = json.loads(f.read().decode("utf-8"))
        if on_disk != c["eml"] or exp_disk != c["expect"]:
            problems.append("%s: file on disk differs from the generated one" % c["name"])
        problems += ["%s: %s" % (c["name"], e) for e in validate_case(c, pdftotext)]
    n_neg = sum(1 for c in cases if not c["expect"]["is_liaison"])
    if not 60 <= len(cases) <= 80:
        problems.append("the set must have 60-80 cases, it has %d" % len(cases))
    if n_neg < 15:
        problems.append("the set must have at least 15 non-statements, it has %d" % n_neg)
    with open(os.path.join(out, "directory.toml"), "rb") as f:
        mine = f.read()
    if os.path.exists(SHARED_DIRECTORY):
        with open(SHARED_DIRECTORY, "rb") as f:
            if f.read() != mine:
                problems.append("directory.toml differs from shared/corpus/directory.toml")
    try:
        import tomllib
    except ImportError:                   # Python < 3.11: skip the TOML parse
        tomllib = None
    if tomllib:
        d = tomllib.loads(mine.decode("utf-8"))
        if d["intake"]["addresses"] != INTAKE or len(d["group"]) != len(GROUPS) or len(d["sdo"]) != len(SDOS):
            problems.append("directory.toml does not round-trip")
        if set(EXTRA_BODIES) & {s["name"] for s in d["sdo"]}:
            problems.append("an EXTRA_BODIES entry is in the directory")
    return problems, bool(pdftotext)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=HERE, help="output directory (default: the directory of gen.py)")
    ap.add_argument("--no-check", action="store_true", help="write only, skip validation")
    args = ap.parse_args()
    cases = build()
    write(args.out, cases)
    n_pos = sum(1 for c in cases if c["expect"]["is_liaison"])
    print("wrote %d cases (%d statements, %d non-statements) to %s" % (len(cases), n_pos, len(cases) - n_pos, args.out))
    if args.no_check:
        return 0
    problems, had_pdftotext = validate(args.out, cases)
    for p in problems:
        print("PROBLEM: " + p, file=sys.stderr)
    print("validation: %s%s" % ("OK" if not problems else "%d problem(s)" % len(problems),
                                "" if had_pdftotext else " (pdftotext not found: PDF text not cross-checked)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
