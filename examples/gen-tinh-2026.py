#!/usr/bin/env python3
"""Generates the synthetic 2026 example of a province after the 1/7/2025 reform.

    python3 examples/gen-tinh-2026.py        # rewrites the four files below

A province shaped like today's Khánh Hòa (Khánh Hòa + Ninh Thuận, NQ 1667/
NQ-UBTVQH15): 48 xã and the đặc khu Trường Sa (khối xã), 16 phường (khối
phường), 14 provincial departments (khối sở ngành). Writes, beside this script:

  tinh-2026.csv                 metrics of the new units, period 2026
  tinh-2026-canhan.csv          2-4 people per unit (with `gender`, `leader`)
  tinh-2024-truoc-sap-xep.csv   2024 baseline of the PRE-merger units
  sap-xep-2025.csv              the merge map old_unit_id -> new_unit_id

SYNTHETIC DATA. Every figure and every person is invented (seeded random, the
same on every run). The names of the new xã/phường are those of the 2025
resolution as far as the author knew them; which old communes formed each of
them is invented, except xã Ninh Phước (thị trấn Phước Dân + xã Phước Thuận +
xã Phước Hải) and đặc khu Trường Sa (thị trấn Trường Sa + xã Song Tử Tây + xã
Sinh Tồn). Old departments of both former provinces merge into the new ones.
Python 3 standard library only.
"""

import csv
import random
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2026

XA = """Nam Cam Ranh, Bắc Ninh Hòa, Tân Định, Nam Ninh Hòa, Tây Ninh Hòa, Hòa Trí,
Đại Lãnh, Tu Bông, Vạn Thắng, Vạn Ninh, Vạn Hưng, Diên Khánh, Diên Lạc, Diên Điền,
Diên Lâm, Diên Thọ, Suối Hiệp, Cam Lâm, Suối Dầu, Cam Hiệp, Cam An, Bắc Khánh Vĩnh,
Trung Khánh Vĩnh, Tây Khánh Vĩnh, Nam Khánh Vĩnh, Khánh Vĩnh, Khánh Sơn, Tây Khánh Sơn,
Đông Khánh Sơn, Ninh Phước, Phước Hữu, Phước Hậu, Thuận Nam, Cà Ná, Phước Hà,
Phước Dinh, Ninh Hải, Xuân Hải, Vĩnh Hải, Thuận Bắc, Công Hải, Ninh Sơn, Lâm Sơn,
Anh Dũng, Mỹ Sơn, Bác Ái Đông, Bác Ái, Bác Ái Tây"""
PHUONG = """Nha Trang, Bắc Nha Trang, Tây Nha Trang, Nam Nha Trang, Bắc Cam Ranh, Cam Ranh,
Cam Linh, Ba Ngòi, Ninh Hòa, Đông Ninh Hòa, Hòa Thắng, Phan Rang, Đông Hải, Ninh Chử,
Bảo An, Đô Vinh"""

# New department -> the old departments (of both former provinces) merged into it.
SO = [
    ("so_noi_vu", "Sở Nội vụ", ["so_noi_vu", "so_lao_dong_tbxh"]),
    ("so_tai_chinh", "Sở Tài chính", ["so_tai_chinh", "so_ke_hoach_dau_tu"]),
    ("so_tu_phap", "Sở Tư pháp", ["so_tu_phap"]),
    ("so_cong_thuong", "Sở Công Thương", ["so_cong_thuong"]),
    ("so_nn_mt", "Sở Nông nghiệp và Môi trường", ["so_nn_ptnt", "so_tn_mt"]),
    ("so_xay_dung", "Sở Xây dựng", ["so_xay_dung", "so_giao_thong_van_tai"]),
    ("so_kh_cn", "Sở Khoa học và Công nghệ", ["so_kh_cn", "so_thong_tin_truyen_thong"]),
    ("so_gd_dt", "Sở Giáo dục và Đào tạo", ["so_gd_dt"]),
    ("so_y_te", "Sở Y tế", ["so_y_te"]),
    ("so_vh_tt_dl", "Sở Văn hóa, Thể thao và Du lịch", ["so_vh_tt", "so_du_lich"]),
    ("so_dan_toc_ton_giao", "Sở Dân tộc và Tôn giáo", ["ban_dan_toc"]),
    ("thanh_tra_tinh", "Thanh tra tỉnh", ["thanh_tra_tinh"]),
    ("vp_ubnd_tinh", "Văn phòng UBND tỉnh", ["vp_ubnd_tinh"]),
    ("bql_kkt_van_phong", "Ban Quản lý Khu kinh tế Vân Phong", ["bql_kkt_van_phong"]),
]

OLD_SO = {
    "so_noi_vu": "Sở Nội vụ", "so_lao_dong_tbxh": "Sở Lao động - Thương binh và Xã hội",
    "so_tai_chinh": "Sở Tài chính", "so_ke_hoach_dau_tu": "Sở Kế hoạch và Đầu tư",
    "so_tu_phap": "Sở Tư pháp", "so_cong_thuong": "Sở Công Thương",
    "so_nn_ptnt": "Sở Nông nghiệp và Phát triển nông thôn", "so_tn_mt": "Sở Tài nguyên và Môi trường",
    "so_xay_dung": "Sở Xây dựng", "so_giao_thong_van_tai": "Sở Giao thông vận tải",
    "so_kh_cn": "Sở Khoa học và Công nghệ", "so_thong_tin_truyen_thong": "Sở Thông tin và Truyền thông",
    "so_gd_dt": "Sở Giáo dục và Đào tạo", "so_y_te": "Sở Y tế",
    "so_vh_tt": "Sở Văn hóa và Thể thao", "so_du_lich": "Sở Du lịch", "ban_dan_toc": "Ban Dân tộc",
    "thanh_tra_tinh": "Thanh tra tỉnh", "vp_ubnd_tinh": "Văn phòng UBND tỉnh",
    "bql_kkt_van_phong": "Ban Quản lý Khu kinh tế Vân Phong",
}

KNOWN_OLD = {  # verified compositions (research file); the rest is invented
    "Ninh Phước": [("Thị trấn Phước Dân", "tt_phuoc_dan"), ("Xã Phước Thuận", "phuoc_thuan"),
                   ("Xã Phước Hải", "phuoc_hai")],
    "Trường Sa": [("Thị trấn Trường Sa", "tt_truong_sa"), ("Xã Song Tử Tây", "song_tu_tay"),
                  ("Xã Sinh Tồn", "sinh_ton")],
}
ZERO_OLD = "xa_cu_song_tu_tay"      # an old unit with no dossier at all in 2024
BLANK_OLD = "xa_cu_phuoc_hai"       # an old unit whose ratings were not reported

COUNTS = ["tiep_nhan", "tiep_nhan_truc_tuyen", "da_giai_quyet", "truoc_han", "dung_han",
          "tre_han", "dang_giai_quyet", "dang_qua_han", "so_hoa_ho_so", "so_hoa_ket_qua",
          "phai_thanh_toan", "thanh_toan_truc_tuyen", "danh_gia", "hai_long", "xin_loi",
          "pakn", "pakn_dung_han"]
OTHER = ["ty_le_nu", "ky_luat", "bdhvs"]
HEADER = ["unit_id", "unit_name", "group", "period"] + COUNTS + OTHER


def slug(name):
    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "_".join("".join(c if c.isalnum() else " " for c in s).split())


def names(text):
    return [n.strip() for n in text.replace("\n", " ").split(",") if n.strip()]


def counts(rng, size, quality):
    """A consistent row of counts: parts never exceed wholes; `quality` 0..1."""
    n = max(0, int(size))
    pending = int(n * rng.uniform(0.01, 0.06))
    done = n - pending
    late = int(done * max(0.0, rng.uniform(0.0, 0.08) * (1.2 - quality)))
    early = int((done - late) * rng.uniform(0.4, 0.8))
    fee = int(n * rng.uniform(0.2, 0.5))
    rated = int(done * rng.uniform(0.3, 0.7))
    pakn = rng.randint(0, max(1, n // 150))
    return {
        "tiep_nhan": n,
        "tiep_nhan_truc_tuyen": int(n * min(1.0, rng.uniform(0.35, 0.7) + 0.3 * quality)),
        "da_giai_quyet": done,
        "truoc_han": early,
        "dung_han": done - late - early,
        "tre_han": late,
        "dang_giai_quyet": pending,
        "dang_qua_han": int(pending * rng.uniform(0.0, 0.3) * (1.2 - quality)),
        "so_hoa_ho_so": int(n * min(1.0, rng.uniform(0.5, 0.75) + 0.25 * quality)),
        "so_hoa_ket_qua": int(done * min(1.0, rng.uniform(0.45, 0.7) + 0.3 * quality)),
        "phai_thanh_toan": fee,
        "thanh_toan_truc_tuyen": int(fee * min(1.0, rng.uniform(0.3, 0.6) + 0.4 * quality)),
        "danh_gia": rated,
        "hai_long": int(rated * min(1.0, rng.uniform(0.9, 0.97) + 0.03 * quality)),
        "xin_loi": int(late * rng.uniform(0.3, 1.0)),
        "pakn": pakn,
        "pakn_dung_han": int(pakn * rng.uniform(0.6, 1.0)),
    }


def new_units():
    """(id, name, group, [(old id, old name, old group)]) of every new unit."""
    rng = random.Random(SEED + 1)
    out = []
    for kind, group, text in (("xa", "khoi_xa", XA), ("phuong", "khoi_phuong", PHUONG)):
        for name in names(text):
            label = ("Xã " if kind == "xa" else "Phường ") + name
            olds = [(f"xa_cu_{s}", n, "thi_tran" if s.startswith("tt_") else "xa")
                    for n, s in KNOWN_OLD.get(name, [])]
            if not olds:
                k = rng.randint(2, 4)
                olds = [(f"xa_cu_{slug(name)}_{i}", f"{'Xã' if kind == 'xa' else 'Phường'} cũ số {i} ({label})",
                         "xa" if kind == "xa" else "phuong") for i in range(1, k + 1)]
            out.append((f"{kind}_{slug(name)}", label, group, olds))
    olds = [(f"xa_cu_{s}", n, "thi_tran" if s.startswith("tt_") else "xa") for n, s in KNOWN_OLD["Trường Sa"]]
    out.insert(48, ("dac_khu_truong_sa", "Đặc khu Trường Sa", "khoi_xa", olds))
    for sid, name, old in SO:
        olds = [(f"{p}_{o}", f"{OLD_SO[o]} tỉnh {'Khánh Hòa' if p == 'kh' else 'Ninh Thuận'} (cũ)", "so")
                for o in old for p in ("kh", "nt")]
        out.append((sid, name, "khoi_so", olds))
    return out


def size_of(rng, group):
    return {"khoi_xa": rng.randint(400, 3000), "khoi_phuong": rng.randint(2500, 9000),
            "khoi_so": rng.randint(800, 15000)}[group]


def write(name, header, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    units = new_units()
    rng = random.Random(SEED)
    # The portal publishes "Công khai, minh bạch" as points (0..18) that no
    # count reproduces: a column of its own, drawn apart so the rest stays put.
    portal = random.Random(SEED + 7)
    data, base, merge, people = [], [], [], []
    for uid, name, group, olds in units:
        quality = rng.random()
        size = 60 if uid == "dac_khu_truong_sa" else size_of(rng, group)
        c = counts(rng, size, quality)
        data.append([uid, name, group, "2026"] + [c[k] for k in COUNTS]
                    + [f"{rng.uniform(0.3, 0.8):.2f}", int(rng.random() < 0.05), f"{rng.uniform(0.8, 1.0):.3f}"]
                    + [f"{portal.uniform(13.0, 18.0):.2f}"])
        for oid, oname, ogroup in olds:
            merge.append([oid, uid, name if oid == olds[0][0] else "", group if oid == olds[0][0] else ""])
            share = 0 if oid == ZERO_OLD else size * rng.uniform(0.6, 1.1) / len(olds)
            oc = counts(rng, share, quality * 0.6)
            row = [oc[k] for k in COUNTS]
            if oid == BLANK_OLD:
                for k in ("danh_gia", "hai_long"):
                    row[COUNTS.index(k)] = ""
            base.append([oid, oname, ogroup, "2024"] + row + ["", "", ""])
        for p in range(rng.randint(2, 4)):
            people.append(person(rng, uid, group, p))
    write("tinh-2026.csv", HEADER + ["ckmb"], data)
    write("tinh-2024-truoc-sap-xep.csv", HEADER, base)
    write("sap-xep-2025.csv", ["old_unit_id", "new_unit_id", "new_unit_name", "group"], merge)
    write("tinh-2026-canhan.csv", ["unit_id", "person_id", "full_name", "position", "direct",
                                   "eligible", "score", "note", "gender", "leader"], people)


HO = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Châu Đàng Thông".split()
DEM_NAM = "Văn Hữu Đức Minh Quốc Thanh Công".split()
TEN_NAM = "An Bình Cường Dũng Hải Hùng Khoa Long Nam Phong Quân Sơn Tài Trung Vinh".split()
TEN_NU = "Anh Chi Dung Hà Hạnh Hoa Lan Linh Mai Ngọc Nhung Phương Thảo Trang Vân".split()


def person(rng, uid, group, i):
    female = rng.random() < 0.5
    first = rng.choice(TEN_NU if female else TEN_NAM)
    middle = "Thị" if female and rng.random() < 0.6 else rng.choice(["Ngọc", "Thanh", "Minh"] if female else DEM_NAM)
    leader = i == 0
    if group == "khoi_so":
        position = "Phó Giám đốc" if leader else rng.choice(
            ["Trưởng phòng", "Chuyên viên", "Chuyên viên Bộ phận một cửa"])
    else:
        position = "Phó Chủ tịch UBND" if leader else rng.choice(
            ["Viên chức Trung tâm Phục vụ hành chính công", "Công chức Văn phòng - Thống kê",
             "Công chức Tư pháp - Hộ tịch"])
    direct = not leader and position != "Trưởng phòng"
    eligible = rng.random() > 0.08
    return [uid, f"{uid}_{i + 1:02d}", f"{rng.choice(HO)} {middle} {first}", position,
            "có" if direct else "không", "có" if eligible else "không", f"{rng.uniform(7.0, 10.0):.1f}",
            "" if eligible else "Đang xem xét kỷ luật", "nữ" if female else "nam", int(leader)]


if __name__ == "__main__":
    main()
