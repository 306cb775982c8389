#!/usr/bin/env python3
"""Writes ls-long.fodt: a 30-page invented liaison statement bundle (header tables, justified
paragraphs, lists) used by the PDF benchmarks and fidelity checks. Deterministic."""
import random

random.seed(2606)
WORDS = ("liaison statement network slice controller orchestrator interface model yang data "
         "transport optical access service deadline action information response working group "
         "study question recommendation draft latency bandwidth protection restoration path "
         "computation constraint topology tunnel management telemetry operator equipment vendor "
         "interoperability specification requirement clause annex revision meeting plenary").split()

def sentence():
    n = random.randint(8, 22)
    w = [random.choice(WORDS) for _ in range(n)]
    return w[0].capitalize() + " " + " ".join(w[1:]) + "."

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;")

cells = []
for i in range(1, 41):
    rows = [("Question(s):", f"{i}/99", "Meeting, date:", f"Geneva, {i % 27 + 1} March 2026"),
            ("Source:", f"ITU-T Study Group {i}", "Title:", f"LS number {i} on {random.choice(WORDS)} {random.choice(WORDS)}"),
            ("Deadline:", f"{i % 28 + 1} May 2026", "Contact:", f"person{i}@example.com")]
    t = ['<table:table table:name="T%d" table:style-name="Tbl">' % i,
         '<table:table-column table:number-columns-repeated="4"/>']
    for r in rows:
        t.append("<table:table-row>" + "".join(
            f'<table:table-cell table:style-name="Cell"><text:p>{esc(c)}</text:p></table:table-cell>' for c in r) + "</table:table-row>")
    t.append("</table:table>")
    cells.append("\n".join(t))
    for _ in range(4):
        cells.append('<text:p text:style-name="Body">' + esc(" ".join(sentence() for _ in range(5))) + "</text:p>")

with open("ls-long.fodt", "w") as f:
    f.write('''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="11pt"/></style:style>
  <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="left"/></style:style>
  <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
''' + "\n".join(cells) + '''
 </office:text></office:body>
</office:document>
''')
