#!/usr/bin/env python3
"""Writes a deterministic dossier-level export (one row per dossier) the way the
provincial one-stop system exports it: UTF-8 with BOM, comma-separated,
Vietnamese headers, dd/mm/yyyy dates with times, channels as text.

usage: gen_dossiers.py ROWS OUT.csv
The same ROWS always gives the same bytes (a fixed linear congruential
generator, not Python's random, so the file never changes between versions)."""

import sys
from datetime import date, timedelta

UNITS = [("PB%02d" % i, "Phòng ban số %d" % i) for i in range(1, 13)] + [
    ("XA%02d" % i, "UBND xã số %d" % i) for i in range(1, 10)
]
CHANNELS = ["Trực tiếp", "Trực tuyến", "BCCI", "Trực tuyến", "Trực tiếp"]
RATINGS = ["", "", "Hài lòng", "Không hài lòng", "Hài lòng"]
HEADER = ("Mã đơn vị,Tên đơn vị,Số hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,"
          "Kênh,Trả KQ qua BCCI,Số hóa,Số hóa kết quả,Phí,Thanh toán trực tuyến,Đánh giá\n")
START = date(2022, 11, 1)


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.s >> 33) % n


def dmy(d):
    return "%02d/%02d/%04d" % (d.day, d.month, d.year)


def row(i, g):
    uid, name = UNITS[g.next(len(UNITS))]
    received = START + timedelta(days=g.next(420))
    due = received + timedelta(days=1 + g.next(15))
    pending = g.next(20) == 0
    finished = "" if pending else dmy(received + timedelta(days=g.next(18))) + " %02d:%02d" % (
        7 + g.next(10), g.next(60))
    fee = g.next(3) == 0
    return "%s,%s,%s-%08d,%s %02d:%02d:%02d,%s,%s,%s,%d,%d,%d,%d,%d,%s\n" % (
        uid, name, uid, i, dmy(received), 7 + g.next(10), g.next(60), g.next(60), dmy(due),
        finished, CHANNELS[g.next(5)], g.next(4) == 0, g.next(3) > 0,
        (not pending) and g.next(2) == 0, fee, fee and g.next(2) == 0,
        "" if pending else RATINGS[g.next(5)])


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    g = Lcg(20231231)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + HEADER)
        buf = []
        for i in range(rows):
            buf.append(row(i, g))
            if len(buf) == 10000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))


if __name__ == "__main__":
    main()
