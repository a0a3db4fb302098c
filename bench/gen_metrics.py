#!/usr/bin/env python3
"""Deterministic metrics CSV of N units (default 10,000) in the SPEC 3.1 vocabulary."""
import csv, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
rng = random.Random(236)
cols = ["unit_id", "unit_name", "group", "tiep_nhan", "tiep_nhan_truc_tuyen", "tiep_nhan_bcci", "tra_kq_bcci",
        "da_giai_quyet", "truoc_han", "dung_han", "tre_han", "dang_giai_quyet", "dang_qua_han", "so_hoa_ho_so",
        "so_hoa_ket_qua", "phai_thanh_toan", "thanh_toan_truc_tuyen", "danh_gia", "hai_long", "xin_loi"]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(cols)
for i in range(n):
    rec = rng.randint(0, 3000)
    pend = rng.randint(0, rec // 20) if rec else 0
    res = rec - pend
    late = rng.randint(0, res // 15) if res else 0
    early = rng.randint(0, res - late)
    fee = rng.randint(0, rec // 3) if rec else 0
    rated = rng.randint(0, res)
    w.writerow([f"u{i:05d}", f"Đơn vị số {i}", "xa" if i % 3 else "phong_ban", rec, rng.randint(0, rec),
                rng.randint(0, rec // 10), rng.randint(0, res // 10), res, early, res - late - early, late, pend,
                rng.randint(0, pend), rng.randint(0, rec), rng.randint(0, res), fee, rng.randint(0, fee), rated,
                rng.randint(0, rated), rng.randint(0, late)])
