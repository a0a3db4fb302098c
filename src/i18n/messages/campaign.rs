//! The catalogue's entries about campaign files: what the checker refuses,
//! what is wrong in an expression, and the warnings of `thidua check` with
//! their hints. Vietnamese says a campaign's words (tiêu chí, khối, hạng
//! khen, chỉ tiêu, điểm tối đa, tập thể, hạn chót, kỳ phong trào); ids, keys
//! and values stay in backticks as written in the file.

/// Adds these entries to the ones given and hands them all on to the next
/// part (`import_entries!`).
macro_rules! campaign_entries {
    ($($before:tt)*) => { import_entries! { $($before)*
        // Campaign files: what the checker refuses.
        PenaltyCtx => "điểm trừ `{0}`", "penalty `{0}`";
        GateCtx => "điều kiện `{0}`", "gate `{0}`";
        LeverCtx => "đòn bẩy `{0}`", "lever `{0}`";
        TiebreakRuleNamed => "quy tắc xét đồng hạng `{0}`", "tiebreak rule `{0}`";
        TiebreakRuleCtx => "quy tắc xét đồng hạng", "tiebreak rule";
        SchemaMust => "schema phải là `{0}`, nhưng là `{1}`", "schema must be `{0}`, got `{1}`";
        PrecisionRange => "precision phải trong khoảng 0..={0}, nhưng là {1}", "precision must be 0..={0}, got {1}";
        DuplicateCriterion => "mã tiêu chí `{0}` bị lặp (lần đầu ở dòng {1})", "duplicate criterion id `{0}` (first on line {1})";
        NeedsCriterion => "phong trào cần ít nhất một tiêu chí", "a campaign needs at least one criterion";
        BaseSalaryPositive => "base_salary phải là số tiền (đồng) lớn hơn 0", "base_salary must be an amount in VND above 0";
        ClassMinNumber => "xếp loại `{0}`: min phải là một số", "class `{0}`: min must be a number";
        PeriodBackwards => "thời gian thực hiện (period) kết thúc trước khi bắt đầu", "period ends before it starts";
        NeedsGroup => "phong trào cần ít nhất một khối", "a campaign needs at least one group";
        UnknownGroupHint => "{0}: khối không có trong phong trào `{1}`{2}", "{0}: unknown group `{1}`{2}";
        UnknownTierHint => "{0}: hình thức khen không có trong phong trào `{1}`{2}", "{0}: unknown tier `{1}`{2}";
        PointsAboveZero => "{0}: points phải lớn hơn 0, nhưng là {1}", "{0}: points must be greater than 0, got {1}";
        LinearGoalposts => "{0}: linear cần hai mốc khác nhau, nhưng zero_at là {1} và full_at là {2}", "{0}: linear needs two different goalposts, got zero_at {1} and full_at {2}";
        NeedsValue => "{0}: cần `value` (chỉ cách chấm `formula` mới không cần)", "{0}: needs `value` (only `formula` scoring can do without)";
        StepsNone => "cần ít nhất một bậc", "need at least one step";
        StepsMinOrMax => "mỗi bậc cần đúng một trong hai `min` hoặc `max`", "each step needs exactly one of `min` or `max`";
        StepsSameKind => "mọi bậc phải cùng dùng `min` hoặc cùng dùng `max`", "all steps must use the same one of `min` or `max`";
        StepPointsRange => "điểm của bậc phải trong khoảng 0..={0}, nhưng là {1}", "step points must be within 0..={0}, got {1}";
        ThresholdTwice => "ngưỡng {0} bị lặp", "threshold {0} appears twice";
        HarderFewer => "ngưỡng khó hơn ({0}) lại được ít điểm hơn ngưỡng dễ hơn ({1})", "a harder threshold ({0}) gives fewer points than an easier one ({1})";
        PointsEachPositive => "{0}: points_each phải lớn hơn 0", "{0}: points_each must be greater than 0";
        MaxPositive => "{0}: max phải lớn hơn 0", "{0}: max must be greater than 0";
        DuplicateIdIn => "mã `{0}` bị lặp trong {1} (lần đầu ở dòng {2})", "duplicate id `{0}` in {1} (first on line {2})";
        TiebreakUnknownCriterion => "tiebreak ghi tiêu chí không có trong phong trào `{0}`{1}", "tiebreak names unknown criterion `{0}`{1}";
        TiebreakRuleKeys => "quy tắc xét đồng hạng chỉ có các khóa `rule` và `name`", "a tiebreak rule has keys `rule` and `name` only";
        TiebreakRuleNeeds => "quy tắc xét đồng hạng cần `rule` (ví dụ \"ty_le_nu >= 0.7\") và `name`", "a tiebreak rule needs `rule` (e.g. \"ty_le_nu >= 0.7\") and `name`";
        TiebreakExpected => "tiebreak: cần một mã tiêu chí hoặc { rule: \"…\", name: \"…\" }", "tiebreak: expected a criterion id or { rule: \"…\", name: \"…\" }";
        OrderUnknownKey => "individuals.order: khóa không hợp lệ `{0}` (có: direct, score, non_leader, female){1}", "individuals.order: unknown key `{0}` (known: direct, score, non_leader, female){1}";
        OrderTwice => "individuals.order: `{0}` bị lặp", "individuals.order: `{0}` twice";
        QuotaExpected => "{0}, khối `{1}`: {2}: cần {3}", "{0}, group `{1}`: {2}: expected {3}";
        QuotaEachNeedsCollectives => "{0}, khối `{1}`: `individuals_each` đi cùng `collectives` (cá nhân của mỗi tập thể được đề nghị); với cá nhân trong cả khối hãy viết `individuals`", "{0}, group `{1}`: `individuals_each` goes with `collectives` (people of each nominated collective); for people across the group write `individuals`";
        QuotaNeedsSome => "{0}, khối `{1}`: chỉ tiêu cần `collectives`, `individuals` hoặc `per_unit`", "{0}, group `{1}`: a quota needs `collectives`, `individuals` or `per_unit`";
        RewardNonNegative => "{0}: hệ số tiền thưởng phải từ 0 trở lên, nhưng là {1}", "{0}: reward multiples must be 0 or more, got {1}";
        RewardNeedsBase => "{0}: tiền thưởng là bội số của `base_salary`: hãy khai báo nó (ví dụ base_salary: 2340000)", "{0}: a reward is a multiple of `base_salary`: declare it (e.g. base_salary: 2340000)";
        LeverDuplicate => "mã `{0}` bị lặp trong levers", "duplicate id `{0}` in levers";
        LeverEmptyName => "{0}: id và name không được để trống", "{0}: id and name must not be empty";
        LeverEmptyChange => "{0}: `change` bị trống: cần {chỉ_số: mức thay đổi nguyên}, ví dụ { tre_han: -1, dung_han: +1 }", "{0}: `change` is empty: expected {metric: whole change}, e.g. { tre_han: -1, dung_han: +1 }";
        LeverBadDelta => "{0}: mức thay đổi của `{1}` phải là số nguyên khác 0 (tối đa {2} mỗi chiều), nhưng là {3}", "{0}: change of `{1}` must be a whole number other than 0 (at most {2} either way), got {3}";

        StepsCtx => "các bậc (steps)", "steps";
        DuplicateTier => "mã hình thức khen `{0}` bị lặp (lần đầu ở dòng {1})", "duplicate tier id `{0}` (first on line {1})";
        MinPercentRange => "{0}: min_percent phải trong khoảng 0..=100", "{0}: min_percent must be within 0..=100";
        DeadlineOneKind => "bước `{0}`: cần đúng một trong các khóa `before` (trước ngày), `by` (chậm nhất ngày) hoặc `on` (đúng ngày)", "deadline `{0}`: needs exactly one of `before`, `by` or `on`";
        DeadlineIdAscii => "bước `{0}`: mã `{1}` chỉ được gồm chữ cái không dấu, chữ số, `-`, `_` hoặc `.` (mã được gõ sau --done)", "deadline `{0}`: id `{1}` must be ASCII letters, digits, `-`, `_` or `.` (it is typed after --done)";
        DuplicateStepId => "bước `{0}`: mã bước `{1}` bị lặp (cũng là mã của bước `{2}`); hãy đặt `id:` khác cho một trong hai bước", "deadline `{0}`: duplicate step id `{1}` (also the id of `{2}`); give one of them another `id:`";
        PlacesKind => "một số suất nguyên (ví dụ 4) hoặc một tỷ lệ phần trăm (ví dụ \"10%\")", "a whole number of places (e.g. 4) or a percent (e.g. \"10%\")";
        PlacesGot => "{0}, nhưng là {1}", "{0}, got {1}";
        PlacesPercent => "một tỷ lệ phần trăm lớn hơn 0 và không quá 100, nhưng là \"{0}\"", "a percent above 0 and at most 100, got \"{0}\"";

        // What is wrong in an expression (`value`, `count`, `rule`, `formula`).
        ExprAt => "ký tự thứ {1} của `{2}`: {0}", "{0} at character {1} of `{2}`";
        ExprTrailing => "thừa nội dung sau khi biểu thức đã hết", "unexpected text after the end of the expression";
        ExprNeedsParen => "thiếu dấu `)`", "expected `)`";
        ExprNeedsCommaOrParen => "cần dấu `,` hoặc `)`", "expected `,` or `)`";
        ExprTooDeep => "biểu thức lồng nhau quá {0} tầng", "expression nested deeper than {0} levels";
        ExprNeedsOperandEnd => "cần một số, một tên chỉ số hoặc dấu `(`, nhưng biểu thức đã hết", "expected a number, a metric name or `(`, found the end";
        ExprNeedsOperand => "cần một số, một tên chỉ số hoặc dấu `(`", "expected a number, a metric name or `(`";
        ExprWordNeedsValue => "trước `{0}` cần có một giá trị", "`{0}` needs a value before it";
        ExprUnknownFunction => "không có hàm `{0}` (chỉ có: min, max, abs, if)", "unknown function `{0}` (known: min, max, abs, if)";
        ExprArity => "hàm `{0}` cần {1} giá trị trong ngoặc, nhưng có {2}", "`{0}` takes {1} argument(s), got {2}";
        ExprAtLeastOne => "ít nhất 1", "at least 1";
        ExprSingleEquals => "`=` không phải phép toán: để so sánh bằng hãy viết `==`", "`=` is not an operator: compare with `==`";
        ExprBadChar => "ký tự không hợp lệ `{0}`", "unexpected character `{0}`";
        ExprTooLong => "biểu thức quá dài (hơn {0} số, tên và dấu)", "expression longer than {0} parts (numbers, names and signs)";

        // Warnings about a campaign that loads but is probably wrong
        // (`thidua check`; once on stderr by score, rank and nominate).
        LintPointsSum => "tổng điểm tối đa của các tiêu chí là {0}, không phải {1}", "the criteria's points sum to {0}, not {1}";
        LintPointsSumGroup => "tổng điểm tối đa của các tiêu chí áp dụng cho khối `{0}` là {1}, không phải {2}", "the points of the criteria for group `{0}` sum to {1}, not {2}";
        HintPointsSum => "hãy sửa điểm tối đa của các tiêu chí cho tổng bằng 100, hoặc khai báo `max_total: {0}` nếu kế hoạch chấm theo thang {0} điểm", "make the points sum to 100, or declare `max_total: {0}` if the plan counts to {0}";
        HintPointsMaxTotal => "hãy sửa điểm tối đa của các tiêu chí cho tổng bằng {0}, hoặc sửa max_total", "make the points sum to {0}, or correct max_total";
        LintRatioThreshold => "tiêu chí `{0}`: {1} {2} lớn hơn 1, nhưng giá trị `{3}` là một tỷ lệ (0..1): {4}", "criterion `{0}`: {1} {2} is above 1, but the value `{3}` is a ratio (0..1): {4}";
        RatioNoneReach => "không đơn vị nào đạt được", "no unit can reach it";
        RatioAllUnder => "mọi đơn vị đều ở dưới ngưỡng này", "every unit is under it";
        RatioAllFar => "mọi đơn vị đều bị chấm như còn rất xa mốc này", "every unit is scored as if it were far from it";
        HintWritePercent => "viết {0}: {1} cho {2}%", "write {0}: {1} for {2}%";
        LintMinPercentFraction => "hình thức khen `{0}`: min_percent {1} là phần trăm của điểm tối đa, nên mức sàn này là {2}%, không phải {3}%", "tier `{0}`: min_percent {1} is a percent of the maximum, so this floor is {2}%, not {3}%";
        LintClassFraction => "xếp loại `{0}`: min {1} là phần trăm của điểm tối đa, nên xếp loại này bắt đầu từ {2}%, không phải {3}%", "class `{0}`: min {1} is a percent of the maximum, so this class starts at {2}%, not {3}%";
        LintQuotaZero => "hình thức khen `{0}`: chỉ tiêu của khối `{1}` là 0 tập thể: không đơn vị nào trong khối được đề nghị", "tier `{0}`: the quota for group `{1}` is 0 collectives: no unit of it can be proposed";
        HintQuotaZero => "hãy ghi số suất (collectives: từ 1 trở lên), hoặc bỏ chỉ tiêu này", "write the number of places (collectives: 1 or more), or remove the quota";
        LintDeadlineOrder => "hạn chót {0} (\"{1}\") sớm hơn hạn của bước phía trên ({2})", "deadline {0} (\"{1}\") comes before the step above it ({2})";
        HintDeadlineOrder => "hãy xếp các bước theo thứ tự ngày, hoặc sửa lại ngày (nhầm năm?)", "list the steps in date order, or correct the date (the year?)";
        LintDeadlineOutside => "hạn chót {0} (\"{1}\") nằm ngoài kỳ phong trào {2}..{3}", "deadline {0} (\"{1}\") is outside the campaign period {2}..{3}";
        HintDeadlineOutside => "hãy sửa lại ngày (nhầm năm?), hoặc sửa `period` của phong trào", "correct the date (the year?), or the campaign's `period`";
        LintDistrictRunsTo => "hình thức khen `{0}`: \"{1}\" là hình thức khen cấp huyện, nhưng từ {2} không còn cấp huyện (chính quyền địa phương hai cấp) mà phong trào này kéo dài đến {3}", "tier `{0}`: \"{1}\" is a district (huyện) award, but there are no districts from {2} and this campaign runs to {3}";
        LintDistrictIssued => "hình thức khen `{0}`: \"{1}\" là hình thức khen cấp huyện, nhưng từ {2} không còn cấp huyện (chính quyền địa phương hai cấp) mà phong trào này ban hành ngày {3}", "tier `{0}`: \"{1}\" is a district (huyện) award, but there are no districts from {2} and this campaign was issued on {3}";
        HintDistrict => "hãy khen ở cấp xã hoặc cấp tỉnh, ví dụ \"Giấy khen của Chủ tịch UBND xã\"", "award at commune or province level, e.g. \"Giấy khen của Chủ tịch UBND xã\"";
        LintLeverPartition => "đòn bẩy `{0}` tăng {1} mà không tăng {2}: ngay lần áp dụng đầu tiên {3} sẽ vượt {2}, nên không đơn vị nào dùng được", "lever `{0}` adds to {1} without adding to {2}: {3} would exceed {2} at the first step, so no unit can use it";
        HintLeverPartition => "hãy chuyển hồ sơ giữa các phần với nhau, ví dụ change: { tre_han: -1, {0}: +1 }", "move dossiers between the parts instead, e.g. change: { tre_han: -1, {0}: +1 }";
        LintAllZero => "tiêu chí `{0}`: cả {2} đơn vị trong {1} đều được 0 điểm", "criterion `{0}`: every unit of {1} ({2}) scores 0";
        HintAllZero => "hãy kiểm tra biểu thức `value`, các ngưỡng (ghi phần trăm trong khi giá trị là tỷ lệ?) và các cột của số liệu", "check the value expression, the thresholds (a percent where the value is a fraction?) and the data's columns";
        LintAllFull => "tiêu chí `{0}`: cả {2} đơn vị trong {1} đều đạt điểm tối đa ({3})", "criterion `{0}`: every unit of {1} ({2}) scores full points ({3})";
        HintAllFull => "hãy kiểm tra các ngưỡng (ghi tỷ lệ trong khi giá trị là phần trăm?); tiêu chí mà mọi đơn vị đều đạt thì không phân loại được ai", "check the thresholds (a fraction where the value is a percent?); a criterion everyone passes decides nothing";
        PointsTooLarge => "{0}: {1} điểm là quá lớn: điểm trong một kế hoạch thi đua không quá 1.000.000", "{0}: {1} points is too large: points in an emulation plan are at most 1,000,000";
        PointsSumTooLarge => "{0}: tổng điểm tối đa của các tiêu chí đến đây là {1}, quá 1.000.000: tổng điểm của đơn vị sẽ không còn đúng", "{0}: the criteria's points up to here sum to {1}, beyond 1,000,000: a unit's total would no longer be right";
    } };
}
