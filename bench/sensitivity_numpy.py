#!/usr/bin/env python3
"""The peer for bench/sensitivity.sh: the same Monte Carlo as `thidua rank
--sensitivity` written the way an analyst would in numpy, vectorised over
batches of draws, on the same data and the same ten criteria
(bench/ten-criteria.yaml): points rounded half away from zero at 2 decimals
per criterion, totals and tie-breaks compared as integers, shared ranks,
quota line with ties counting half, nearest-rank percentiles.

Usage: sensitivity_numpy.py METRICS.csv DRAWS SPREAD SEED [THIDUA_RANK.csv]
Prints the seconds the draws took (reading the file not included). With
thidua's `rank --format csv` output of the same file, checks at SPREAD 0 that
both give the same rank to every unit.
"""
import csv
import sys
import time

import numpy as np

POINTS = np.array([15, 10, 10, 15, 5, 5, 10, 15, 10, 5], dtype=np.float64)
TIEBREAK = [0, 7]  # tien_do, hai_long
QUOTAS = {"phong_ban": 30, "xa": 60}
SCALE = 100.0


def rate(num, den):
    """num / den, NaN where den is 0 (thidua's "undefined")."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def share(value, undefined):
    """Clamped share of the points, `undefined` where the value is."""
    return np.clip(np.where(np.isnan(value), undefined, value), 0.0, 1.0)


def round_int(y):
    """thidua's rounding: half away from zero, with a tolerance for binary noise."""
    whole = np.trunc(y)
    frac = np.abs(y - whole)
    tol = np.maximum(8 * np.finfo(np.float64).eps * np.abs(y), 1e-9)
    return (whole + np.sign(y) * ((0.5 - frac) < tol)).astype(np.int64)


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    col = lambda k: np.array([float(r[k]) for r in rows])
    shares = np.stack([
        share(rate(col("truoc_han") + col("dung_han"), col("da_giai_quyet")), 0.0),
        share(rate(col("so_hoa_ho_so"), col("tiep_nhan")), 0.0),
        share(rate(col("so_hoa_ket_qua"), col("da_giai_quyet")), 0.0),
        share(rate(col("tiep_nhan_truc_tuyen"), col("tiep_nhan")), 0.0),
        share(rate(col("tiep_nhan_bcci"), col("tiep_nhan")), 0.0),
        share(rate(col("tra_kq_bcci"), col("da_giai_quyet")), 0.0),
        share(rate(col("thanh_toan_truc_tuyen"), col("phai_thanh_toan")), 0.0),
        share((rate(col("hai_long"), col("danh_gia")) - 0.0) / (0.9 - 0.0), 0.0),
        share(1 - rate(col("dang_qua_han"), col("dang_giai_quyet")), 1.0),
        share(rate(col("xin_loi"), col("tre_han")), 1.0),
    ], axis=1)
    penalty = round_int(np.minimum(np.maximum(col("tre_han") - col("xin_loi"), 0) * 0.01, 5) * SCALE)
    groups = np.array([r["group"] for r in rows])
    return [r["unit_id"] for r in rows], shares, penalty, groups


def draw_batch(shares, penalty, factors):
    w = POINTS * factors
    w *= (POINTS.sum() / w.sum(axis=1))[:, None]
    pts = round_int(shares[None, :, :] * w[:, None, :] * SCALE)  # (B, n, k)
    total = np.maximum(pts.sum(axis=2) - penalty[None, :], 0)
    key = total << 24
    for shift, c in zip((12, 0), TIEBREAK):
        key += pts[:, :, c] << shift
    return key


def rank_rows(key, places):
    """Shared ranks (1 + units strictly ahead) and quota credit in halves, row by row."""
    b, m = key.shape
    offset = (np.arange(b, dtype=np.int64) << 40)[:, None]
    flat = np.sort(key + offset, axis=1).ravel()
    x = (key + offset).ravel()
    base = (np.arange(b) * m).repeat(m)
    left = np.searchsorted(flat, x, "left") - base
    right = np.searchsorted(flat, x, "right") - base
    ahead = (m - right).reshape(b, m)
    tied = (right - left).reshape(b, m)
    inside = ahead + tied <= places
    at_line = (ahead < places) & ~inside
    return ahead + 1, 2 * inside + at_line


def main():
    path, n_draws, spread, seed = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    ids, shares, penalty, groups = load(path)
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    factors = rng.uniform(1 - spread, 1 + spread, (n_draws, len(POINTS)))
    ranks = np.empty((n_draws, len(ids)), dtype=np.int32)
    halves = np.zeros(len(ids), dtype=np.int64)
    for lo in range(0, n_draws, 250):
        key = draw_batch(shares, penalty, factors[lo:lo + 250])
        for g, places in QUOTAS.items():
            idx = np.flatnonzero(groups == g)
            r, h = rank_rows(key[:, idx], places)
            ranks[lo:lo + 250, idx] = r
            halves[idx] += h.sum(axis=0)
    at = [max(-(-p * n_draws // 100), 1) - 1 for p in (5, 50, 95)]
    p5, median, p95 = np.partition(ranks, at, axis=0)[at]
    p_in = halves / (2 * n_draws)
    seconds = time.perf_counter() - start
    print(f"{seconds:.3f}")
    if len(sys.argv) > 5:
        with open(sys.argv[5], newline="", encoding="utf-8") as f:
            want = {r["unit_id"]: int(r["rank"]) for r in csv.DictReader(f)}
        got = dict(zip(ids, median.tolist()))
        bad = [u for u in ids if want[u] != got[u]]
        assert spread == 0, "the check compares nominal ranks: use SPREAD 0"
        assert not bad, f"{len(bad)} ranks differ from thidua's, e.g. {bad[:5]}"
        assert ((p5 == median) & (median == p95)).all() and set(np.unique(p_in)) <= {0, 0.5, 1}
        print("same ranks as thidua", file=sys.stderr)


if __name__ == "__main__":
    main()
