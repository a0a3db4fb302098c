#!/usr/bin/env python3
"""The same work as `thidua import --dossiers` done by DuckDB: read the dossier
CSV, count per unit for the period [FROM, TO] with the rules of issue 5 B, and
check that dossier numbers are unique. Prints the counts as CSV (metric
columns in thidua's order) so the bench can compare the two results.

usage: duckdb_dossiers.py FILE FROM TO [--no-dup-check]"""

import sys

import duckdb

NAMES = ["unit_id", "unit_name", "so_ho_so", "ngay_tiep_nhan", "han_xu_ly", "ngay_hoan_thanh",
         "kenh", "tra_kq_bcci", "so_hoa", "so_hoa_kq", "phi", "tt_truc_tuyen", "danh_gia"]

COUNTS = """
SELECT unit_id,
  count(*) FILTER (WHERE r BETWEEN $from AND $to) AS tiep_nhan,
  count(*) FILTER (WHERE r BETWEEN $from AND $to AND kenh = 'Trực tuyến') AS tiep_nhan_truc_tuyen,
  count(*) FILTER (WHERE r BETWEEN $from AND $to AND kenh = 'BCCI') AS tiep_nhan_bcci,
  count(*) FILTER (WHERE f BETWEEN $from AND $to AND tra_kq_bcci = '1') AS tra_kq_bcci,
  count(*) FILTER (WHERE f BETWEEN $from AND $to) AS da_giai_quyet,
  count(*) FILTER (WHERE f BETWEEN $from AND $to AND f < due) AS truoc_han,
  count(*) FILTER (WHERE f BETWEEN $from AND $to AND f = due) AS dung_han,
  count(*) FILTER (WHERE f BETWEEN $from AND $to AND f > due) AS tre_han,
  count(*) FILTER (WHERE r <= $to AND (f IS NULL OR f > $to)) AS dang_giai_quyet,
  count(*) FILTER (WHERE r <= $to AND (f IS NULL OR f > $to) AND due < $to) AS dang_qua_han,
  count(*) FILTER (WHERE r BETWEEN $from AND $to AND so_hoa = '1') AS so_hoa_ho_so,
  count(*) FILTER (WHERE f BETWEEN $from AND $to AND so_hoa_kq = '1') AS so_hoa_ket_qua,
  count(*) FILTER (WHERE r BETWEEN $from AND $to AND phi = '1') AS phai_thanh_toan,
  count(*) FILTER (WHERE r BETWEEN $from AND $to AND phi = '1' AND tt_truc_tuyen = '1') AS thanh_toan_truc_tuyen,
  count(*) FILTER (WHERE f BETWEEN $from AND $to AND coalesce(danh_gia, '') <> '') AS danh_gia,
  count(*) FILTER (WHERE f BETWEEN $from AND $to AND danh_gia = 'Hài lòng') AS hai_long
FROM d GROUP BY unit_id ORDER BY unit_id
"""

DOSSIERS = """
SELECT unit_id, so_ho_so, kenh, tra_kq_bcci, so_hoa, so_hoa_kq, phi, tt_truc_tuyen, danh_gia,
  strptime(left(ngay_tiep_nhan, 10), '%d/%m/%Y')::DATE AS r,
  strptime(han_xu_ly, '%d/%m/%Y')::DATE AS due,
  CASE WHEN coalesce(ngay_hoan_thanh, '') = '' THEN NULL
       ELSE strptime(left(ngay_hoan_thanh, 10), '%d/%m/%Y')::DATE END AS f
FROM read_csv($file, header = true, all_varchar = true, delim = ',', names = $names)
"""


def main():
    path, start, end = sys.argv[1:4]
    dup_check = "--no-dup-check" not in sys.argv
    con = duckdb.connect()
    params = {"file": path, "names": NAMES}
    if dup_check:
        # One read of the file, then both questions on the table.
        con.execute("CREATE TEMP TABLE d AS " + DOSSIERS, params)
        dups = con.execute("SELECT count(*) - count(DISTINCT so_ho_so) FROM d").fetchone()[0]
        if dups:
            sys.exit(f"{dups} duplicate dossier numbers")
        rows = con.execute(COUNTS, {"from": start, "to": end}).fetchall()
    else:
        rows = con.execute("WITH d AS (" + DOSSIERS + ")" + COUNTS,
                           dict(params, **{"from": start, "to": end})).fetchall()
    for row in rows:
        print(",".join(str(x) for x in row))


if __name__ == "__main__":
    main()
