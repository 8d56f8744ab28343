#!/usr/bin/env python3
"""Makes a "template from another state" out of a shared SIPOT template, for tests.

usage: derive_template.py IN.xlsx OUT.xlsx
Changes the format id (A1), every field id (row 5, and the sub-table's row 2 plus its sheet
name), and rewords every header in row 7 the way other states' templates differ: capitals,
accents dropped or added, "(Redactados con perspectiva de género)" appended to some, the
"Tabla_<id>" reference rewritten. Hidden rows, catalogue, names and validation are kept by
openpyxl. Prints the new main-sheet headers, one a line.
"""
import sys
import unicodedata
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def reword(i, text):
    text = text.replace("Tabla_", "Tabla_9")
    if i % 3 == 0:
        return strip_accents(text).upper()
    if i % 3 == 1:
        return text + " (Redactados con perspectiva de género)"
    return "  " + text.lower().replace("\n", " ") + "  "


def main():
    src, dst = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(src)
    ws = wb["Reporte de Formatos"]
    ws["A1"] = "90" + str(ws["A1"].value)
    for c in ws[5]:
        if c.value:
            old = str(c.value)
            c.value = "9" + old
            if "Tabla_" + old in wb.sheetnames:
                sub = wb["Tabla_" + old]
                sub.title = "Tabla_9" + old
                for s in sub[2]:
                    if s.value:
                        s.value = "7" + str(s.value)
                sub["B3"] = "INDICADOR(ES) ASOCIADO(S)"
                sub["C3"] = "Meta del Indicador"
                sub["D3"] = "Unidad de Medida"
    for i, c in enumerate(ws[7]):
        if c.value:
            c.value = reword(i, str(c.value))
            print(c.value.replace("\n", " "))
    wb.save(dst)


if __name__ == "__main__":
    main()
