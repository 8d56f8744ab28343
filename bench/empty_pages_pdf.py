#!/usr/bin/env python3
"""Writes a PDF of N empty letter pages (one flat page tree), for bench/empty_pages.sh.

usage: empty_pages_pdf.py N OUT.pdf
"""
import sys
n=int(sys.argv[1]); out=sys.argv[2]
objs=[]
objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
kids=" ".join("%d 0 R"%(3+i) for i in range(n))
objs.append(("<< /Type /Pages /Count %d /Kids [%s] >>"%(n,kids)).encode())
for i in range(n):
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
buf=bytearray(b"%PDF-1.4\n")
offs=[]
for i,o in enumerate(objs):
    offs.append(len(buf))
    buf+=b"%d 0 obj\n"%(i+1)+o+b"\nendobj\n"
x=len(buf)
buf+=b"xref\n0 %d\n0000000000 65535 f \n"%(len(objs)+1)
for o in offs: buf+=b"%010d 00000 n \n"%o
buf+=b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"%(len(objs)+1,x)
open(out,"wb").write(buf)
