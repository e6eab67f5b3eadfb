"""Make the Word test documents with python-docx (a real writer of the format):

    python3 -m pip install python-docx==1.2.0
    python3 tests/data/docx/make.py

The .docx files are committed, so `cargo test` needs no Python. Each paragraph of the
sample draft becomes one Word paragraph (its blank lines are left out, as Word users do).
"""
import pathlib

import docx

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def save(doc, name):
    # Fixed core properties, so re-running makes the same documents.
    doc.core_properties.author = "factlint tests"
    doc.save(HERE / name)


sample = (ROOT / "fixtures/sample/samarkand-2023-04-14.txt").read_text(encoding="utf-8")
doc = docx.Document()
for para in sample.split("\n"):
    if para.strip():
        doc.add_paragraph(para)
save(doc, "samarkand-2023-04-14.docx")

# Runs split mid-word, a table, a heading and a tab: the reader joins runs and reads cells.
doc = docx.Document()
doc.add_heading("Ministers meet", level=1)
p = doc.add_paragraph("On Monday, 14 ")
p.add_run("April").bold = True
p.add_run(" 2023 the ministers met.")
table = doc.add_table(rows=1, cols=2)
table.cell(0, 0).text = "Date"
table.cell(0, 1).text = "31 April 2023"
doc.add_paragraph("Closing\tline.")
save(doc, "runs-and-tables.docx")
