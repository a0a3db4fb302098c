#!/usr/bin/env python3
"""DuckDB's side of bench/scale.sh: runs a query of bench/scale.sql (the
built-in campaign's scoring as SQL) on a metrics CSV and writes its result
as CSV, the way `thidua score|rank --tier huyen FILE --format csv` does.

usage: duckdb_scale.py score|rank FILE OUT.csv [THREADS=2]"""

import pathlib
import sys

import duckdb

SQL = pathlib.Path(__file__).with_name("scale.sql")


def split(text):
    """The setup script and the named queries of scale.sql."""
    parts = text.split("\n-- query: ")
    queries = {}
    for part in parts[1:]:
        name, _, body = part.partition("\n")
        queries[name.strip()] = body.strip().rstrip(";")
    return parts[0], queries


def main():
    which, path, out = sys.argv[1:4]
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    setup, queries = split(SQL.read_text(encoding="utf-8"))
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    con.execute("SET VARIABLE file = $file", {"file": path})
    con.execute(setup)
    con.execute(f"COPY ({queries[which]}) TO $out (HEADER, DELIMITER ',')", {"out": out})


if __name__ == "__main__":
    main()
