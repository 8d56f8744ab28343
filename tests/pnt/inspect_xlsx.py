#!/usr/bin/env python3
"""Reads a filled SIPOT workbook with openpyxl (an independent reader) and prints a JSON report.

usage: inspect_xlsx.py OUT.xlsx [TEMPLATE.xlsx]
With TEMPLATE, also reports whether every cell above the data rows (and every other sheet)
is identical to the template's, and whether merges and defined names were kept.
"""
import datetime
import json
import sys
import warnings

warnings.simplefilter("ignore")  # SIPOT's own templates lack a default style
import openpyxl  # noqa: E402


def cell_json(c):
    v = c.value
    if v is None:
        return None
    if isinstance(v, datetime.datetime):
        return {"t": "d", "v": v.strftime("%Y-%m-%d"), "fmt": c.number_format}
    if isinstance(v, (int, float)):
        return {"t": "n", "v": v}
    return {"t": "s", "v": str(v), "quote": bool(c.quotePrefix) if hasattr(c, "quotePrefix") else False}


def block(ws, first_row, last_row):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first_row, max_row=last_row)]


def sheet_report(ws, header_row):
    width = ws.max_column
    data = []
    for row in ws.iter_rows(min_row=header_row + 1, max_row=ws.max_row, max_col=width):
        cells = [cell_json(c) for c in row]
        if any(x is not None for x in cells):
            data.append(cells)
    return {
        "hidden_rows": sorted(r for r, d in ws.row_dimensions.items() if d.hidden),
        "header": [c.value for c in ws[header_row]],
        "types": [c.value for c in ws[header_row - 3]] if header_row > 3 else [c.value for c in ws[1]],
        "ids": [c.value for c in ws[header_row - 2]] if header_row > 3 else [c.value for c in ws[2]],
        "merged": sorted(str(m) for m in ws.merged_cells.ranges),
        "validations": [{"sqref": str(dv.sqref), "formula1": dv.formula1, "type": dv.type}
                        for dv in ws.data_validations.dataValidation],
        "dimension": ws.calculate_dimension(),
        "data": data,
    }


def main():
    out = openpyxl.load_workbook(sys.argv[1])
    report = {
        "sheets": out.sheetnames,
        "defined_names": {d.name: d.attr_text for d in out.defined_names.definedName},
        "main": sheet_report(out["Reporte de Formatos"], 7),
        "subtables": {},
        "catalogues": {},
    }
    for name in out.sheetnames:
        if name.startswith("Tabla_"):
            report["subtables"][name] = sheet_report(out[name], 3)
        if name.startswith("Hidden_"):
            report["catalogues"][name] = [r[0] for r in block(out[name], 1, out[name].max_row)]
    if len(sys.argv) > 2:
        tpl = openpyxl.load_workbook(sys.argv[2])
        same = tpl.sheetnames == out.sheetnames
        for name in tpl.sheetnames:
            a, b = tpl[name], out[name]
            limit = 7 if name == "Reporte de Formatos" else (3 if name.startswith("Tabla_") else a.max_row)
            same = same and block(a, 1, limit) == block(b, 1, limit)
            same = same and sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
            same = same and sorted(r for r, d in a.row_dimensions.items() if d.hidden) == \
                sorted(r for r, d in b.row_dimensions.items() if d.hidden)
        names_a = {d.name: d.attr_text for d in tpl.defined_names.definedName}
        report["same_as_template"] = same
        report["same_defined_names"] = names_a == report["defined_names"]
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
