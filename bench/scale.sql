-- The built-in campaign (criteria/ninh-phuoc-236.yaml, plan 236/KH-UBND) as
-- SQL, for bench/scale.sh: DuckDB's side of the race does the same work as
-- `thidua score FILE --format csv` and `thidua rank --tier huyen FILE --format
-- csv` on a metrics file of bench/gen_metrics.py, down to the bytes written
-- (the script diffs both outputs at 10,000 units before timing).
--
-- Run by bench/duckdb_scale.py: it sets the variable `file`, runs everything
-- before the first `-- query:` line once, then wraps the named query in
-- COPY (...) TO OUT (HEADER). Rules of thidua reproduced here:
--   * a rate whose denominator is 0 (or a blank cell) is undefined, and an
--     undefined criterion earns 0 (`when_undefined: zero` everywhere);
--   * a share is clamped to 0..1, points are share × points rounded to 2
--     decimals half away from zero, with thidua's tolerance for binary noise
--     (src/i18n/round.rs); totals, penalties and percents are rounded alike;
--   * total = earned − penalty, never below 0; the percent's class is the
--     first whose minimum the rounded percent reaches; a unit with no dossier
--     received, resolved or in progress gets no class but the notice;
--   * ranks are shared within a group on (total, tien_do, hai_long), all
--     descending (`tiebreak: [tien_do, hai_long]`); equal ranks keep file order;
--   * the campaign is exclusive: the tier `tinh` (1 place per group, gate
--     khong_tre_han) takes its winners first, and they take no place of `huyen`
--     (4 places for phong_ban, 7 for xa); a block of equal rank that does not
--     fit whole into the places left is tied, and the line closes there.

-- thidua's round_to(x, 2): half away from zero; a hair under .5 counts as .5.
CREATE MACRO rnd2(x) AS (
    trunc(x * 100)
    + CASE WHEN abs(x * 100 - trunc(x * 100)) >= 0.5
             OR abs(abs(x * 100 - trunc(x * 100)) - 0.5)
                < greatest(8 * 2.220446049250313e-16 * abs(x * 100), 1e-9)
           THEN sign(x * 100) ELSE 0 END
) / 100;

-- A share of a criterion's points: clamped, 0 when undefined.
CREATE MACRO share(f) AS coalesce(least(greatest(f, 0.0::DOUBLE), 1.0::DOUBLE), 0.0::DOUBLE);

CREATE VIEW metrics AS
SELECT * FROM read_csv(getvariable('file'), header = true, delim = ',', quote = '"',
    columns = {
        'unit_id': 'VARCHAR', 'unit_name': 'VARCHAR', 'group': 'VARCHAR',
        'tiep_nhan': 'DOUBLE', 'tiep_nhan_truc_tuyen': 'DOUBLE', 'tiep_nhan_bcci': 'DOUBLE',
        'tra_kq_bcci': 'DOUBLE', 'da_giai_quyet': 'DOUBLE', 'truoc_han': 'DOUBLE',
        'dung_han': 'DOUBLE', 'tre_han': 'DOUBLE', 'dang_giai_quyet': 'DOUBLE',
        'dang_qua_han': 'DOUBLE', 'so_hoa_ho_so': 'DOUBLE', 'so_hoa_ket_qua': 'DOUBLE',
        'phai_thanh_toan': 'DOUBLE', 'thanh_toan_truc_tuyen': 'DOUBLE', 'danh_gia': 'DOUBLE',
        'hai_long': 'DOUBLE', 'xin_loi': 'DOUBLE'});

-- Each criterion's share, the penalty, the gate of `tinh`, "no dossiers".
CREATE VIEW shares AS
SELECT unit_id, unit_name, "group",
    share((truoc_han + dung_han) / nullif(da_giai_quyet, 0)) AS s_tien_do,
    share(so_hoa_ho_so / nullif(tiep_nhan, 0)) AS s_so_hoa_ho_so,
    share(so_hoa_ket_qua / nullif(da_giai_quyet, 0)) AS s_so_hoa_ket_qua,
    share(tiep_nhan_truc_tuyen / nullif(tiep_nhan, 0)) AS s_truc_tuyen,
    share((tiep_nhan_bcci + tra_kq_bcci) / nullif(tiep_nhan + da_giai_quyet, 0)) AS s_bcci,
    share(thanh_toan_truc_tuyen / nullif(phai_thanh_toan, 0)) AS s_thanh_toan,
    -- linear: zero at 0, full at 0.9
    share((hai_long / nullif(danh_gia, 0) - 0.0::DOUBLE) / (0.9::DOUBLE - 0.0::DOUBLE)) AS s_hai_long,
    -- 0.5 a dossier late without an apology, at most 5
    rnd2(least(greatest(coalesce(greatest(tre_han - xin_loi, 0.0::DOUBLE), 0.0::DOUBLE), 0.0::DOUBLE)
               * 0.5::DOUBLE, 5.0::DOUBLE)) AS tre_han_khong_xin_loi,
    coalesce(tre_han = 0 AND dang_qua_han = 0, false) AS khong_tre_han,
    coalesce(tiep_nhan, 0) = 0 AND coalesce(da_giai_quyet, 0) = 0
        AND coalesce(dang_giai_quyet, 0) = 0 AS no_data
FROM metrics;

CREATE VIEW points AS
SELECT unit_id, unit_name, "group",
    rnd2(s_tien_do * 20) AS tien_do,
    rnd2(s_so_hoa_ho_so * 10) AS so_hoa_ho_so,
    rnd2(s_so_hoa_ket_qua * 10) AS so_hoa_ket_qua,
    rnd2(s_truc_tuyen * 20) AS truc_tuyen,
    rnd2(s_bcci * 10) AS bcci,
    rnd2(s_thanh_toan * 10) AS thanh_toan,
    rnd2(s_hai_long * 20) AS hai_long,
    tre_han_khong_xin_loi, khong_tre_han, no_data
FROM shares;

CREATE VIEW totals AS
SELECT *, rnd2(greatest(tien_do + so_hoa_ho_so + so_hoa_ket_qua + truc_tuyen + bcci + thanh_toan
                        + hai_long - tre_han_khong_xin_loi, 0.0::DOUBLE)) AS total,
    100.0::DOUBLE AS max_points -- every criterion counts for every unit
FROM points;

CREATE VIEW scored AS
SELECT *, 100 * total / max_points AS percent,
    CASE WHEN no_data THEN 'không có hồ sơ trong kỳ'
         WHEN rnd2(100 * total / max_points) >= 90 THEN 'Xuất sắc'
         WHEN rnd2(100 * total / max_points) >= 80 THEN 'Tốt'
         WHEN rnd2(100 * total / max_points) >= 65 THEN 'Khá'
         WHEN rnd2(100 * total / max_points) >= 50 THEN 'Trung bình'
         WHEN rnd2(100 * total / max_points) >= 0 THEN 'Yếu' END AS class
FROM totals;

-- query: score
SELECT unit_id, unit_name, "group",
    tien_do::DECIMAL(18, 2) AS tien_do, so_hoa_ho_so::DECIMAL(18, 2) AS so_hoa_ho_so,
    so_hoa_ket_qua::DECIMAL(18, 2) AS so_hoa_ket_qua, truc_tuyen::DECIMAL(18, 2) AS truc_tuyen,
    bcci::DECIMAL(18, 2) AS bcci, thanh_toan::DECIMAL(18, 2) AS thanh_toan,
    hai_long::DECIMAL(18, 2) AS hai_long,
    tre_han_khong_xin_loi::DECIMAL(18, 2) AS tre_han_khong_xin_loi,
    total::DECIMAL(18, 2) AS total, max_points::DECIMAL(18, 2) AS max,
    percent::DECIMAL(18, 2) AS percent, class
FROM scored

-- query: rank
WITH ranked AS MATERIALIZED (
    SELECT *, row_number() OVER () AS line_no,
        rank() OVER w AS rk,
        -- `tinh`: 1 place a group for the units that pass its gate; a block of
        -- equal rank takes places only if it fits whole (sum over the window
        -- counts the candidates up to and including the unit's block).
        khong_tre_han AND sum(khong_tre_han::INT) OVER w <= 1 AS won_tinh,
        CASE "group" WHEN 'phong_ban' THEN 4 WHEN 'xa' THEN 7 END AS places
    FROM scored
    WINDOW w AS (PARTITION BY "group" ORDER BY total DESC, tien_do DESC, hai_long DESC)
), lined AS (
    -- `huyen`, with the winners of `tinh` taking no place. A unit of rank r has
    -- at least r − 1 − 1 candidates ahead (1 winner of `tinh` a group at most),
    -- so only ranks up to places + 1 can be inside or tied: the line is drawn
    -- over those alone, counting the candidates ranked up to the unit's block
    -- (inclusive) and strictly ahead of it.
    SELECT *,
        sum((NOT won_tinh)::INT) OVER (PARTITION BY "group" ORDER BY rk) AS through,
        coalesce(sum((NOT won_tinh)::INT) OVER (PARTITION BY "group" ORDER BY rk
            RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead
    FROM ranked WHERE rk <= places + 1
    UNION ALL
    SELECT *, NULL, NULL FROM ranked WHERE rk > places + 1
)
SELECT "group", rk AS rank, unit_id, unit_name,
    tien_do::DECIMAL(18, 2) AS tien_do, so_hoa_ho_so::DECIMAL(18, 2) AS so_hoa_ho_so,
    so_hoa_ket_qua::DECIMAL(18, 2) AS so_hoa_ket_qua, truc_tuyen::DECIMAL(18, 2) AS truc_tuyen,
    bcci::DECIMAL(18, 2) AS bcci, thanh_toan::DECIMAL(18, 2) AS thanh_toan,
    hai_long::DECIMAL(18, 2) AS hai_long,
    tre_han_khong_xin_loi::DECIMAL(18, 2) AS tre_han_khong_xin_loi,
    total::DECIMAL(18, 2) AS total, max_points::DECIMAL(18, 2) AS max,
    percent::DECIMAL(18, 2) AS percent, class,
    true AS eligible,            -- `huyen` has no gate and no floor
    NULL::VARCHAR AS failed_gates,
    CASE WHEN won_tinh THEN 'won_higher_tier'
         WHEN through <= places THEN 'in'
         WHEN ahead < places THEN 'tie'
         ELSE 'below_line' END AS line
FROM lined
ORDER BY CASE "group" WHEN 'phong_ban' THEN 0 ELSE 1 END, rk, line_no
