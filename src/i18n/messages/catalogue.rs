//! The catalogue's entries, Vietnamese then English, grouped by where they
//! are said; kept apart from the machinery in `messages.rs` so either stays
//! readable as it grows. Campaign files' entries are in `campaign.rs`, those
//! of reading exports (import) in `import.rs`.

use crate::i18n::Lang;

campaign_entries! {
    // What main prints before a message.
    Error => "thidua: lỗi:", "thidua: error:";
    Warning => "thidua: cảnh báo:", "thidua: warning:";
    Notice => "thidua: lưu ý:", "thidua: notice:";
    Hint => "gợi ý:", "hint:";
    AndMore => "… và {0} lỗi khác", "… and {0} more";
    NoticeAndMore => "… và {0} lưu ý khác", "… and {0} more";
    ProblemsFound1 => "có 1 lỗi", "1 problem found";
    ProblemsFoundN => "có {0} lỗi", "{0} problems found";

    // clap's own errors, rendered in the chosen language.
    ClapUnknownArg => "tùy chọn không hợp lệ `{0}`", "unexpected argument `{0}`";
    ClapDidYouMean => "ý bạn là `{0}`?", "did you mean `{0}`?";
    ClapInvalidValue => "giá trị `{0}` không hợp lệ cho `{1}`", "invalid value `{0}` for `{1}`";
    ClapPossible => "các giá trị hợp lệ: {0}", "possible values: {0}";
    ClapMissingArg => "thiếu tham số bắt buộc: {0}", "missing required argument: {0}";
    ClapMissingValue => "`{0}` cần một giá trị", "`{0}` needs a value";
    ClapConflict => "`{0}` không dùng cùng `{1}`", "`{0}` cannot be used with `{1}`";
    ClapUnknownCommand => "lệnh không hợp lệ `{0}`", "unrecognised command `{0}`";
    ClapNoCommand => "thiếu lệnh (score, rank, gap, nominate, deadlines, check, import, …)", "missing command (score, rank, gap, nominate, deadlines, check, import, …)";
    ClapOther => "dòng lệnh không hợp lệ: {0}", "invalid command line: {0}";
    ClapMoreInfo => "Xem thêm: thidua {0}--help", "For more information, try: thidua {0}--help";
    ClapUsage => "Cách dùng:", "Usage:";

    // Files.
    IsFolder => "{0}: là một thư mục, cần một tệp", "{0}: is a folder, expected a file";
    IsFolderMetrics => "{0}: là một thư mục, cần một tệp số liệu CSV", "{0}: is a folder, expected a metrics CSV file";
    IsFolderMerge => "{0}: là một thư mục, cần một tệp CSV ghép đơn vị", "{0}: is a folder, expected a merge map CSV file";
    CannotRead => "{0}: không đọc được", "{0}: cannot read";
    NotFound => "không có tệp hoặc thư mục này", "no such file or directory";
    NotUtf8 => "{0}: không phải văn bản UTF-8 (byte lỗi ở vị trí {1}); hãy lưu tệp dạng UTF-8, hoặc dùng `thidua import`", "{0}: not UTF-8 text (bad byte at offset {1}); save it as UTF-8, or use `thidua import`";

    // What-if.
    BaselineAbsent => "{0} đơn vị không có trong kỳ gốc {1}: {2}{3}; không hiện mức thay đổi của chúng{4}", "{0} unit(s) not in the baseline {1}: {2}{3}; no change is shown for them{4}";
    BaselineAbsentMore => " và {0} đơn vị khác", " and {0} more";
    BaselineAbsentPrev => " và giá trị prev. của chúng không xác định", " and their prev. values are undefined";

    // Periods.
    PeriodFlag => "{0}: {1}; cần P hoặc TỪ..ĐẾN", "{0}: {1}; expected P or FROM..TO";
    PeriodRange => "{0} (khoảng kỳ viết TỪ..ĐẾN)", "{0} (a range is FROM..TO)";

    // YAML files, in the domain's words.
    YamlUnknownKey => "khóa không hợp lệ `{0}` (các khóa hợp lệ: {1})", "unknown key `{0}` (valid keys: {1})";
    YamlUnknownKeyBare => "khóa không hợp lệ `{0}`", "unknown key `{0}`";
    YamlMissingKey => "thiếu khóa `{0}`", "missing key `{0}`";
    YamlWrongType => "`{0}` phải là {1}, không phải {2}", "`{0}` must be {1}, not {2}";
    YamlWrongTypeHere => "ở đây phải là {0}, không phải {1}", "here must be {0}, not {1}";
    YamlDuplicateKey => "khóa `{0}` bị lặp (lần đầu ở dòng {1})", "key `{0}` is repeated (first on line {1})";
    YamlSyntax => "không đọc được YAML: {0}", "not readable as YAML: {0}";
    YamlNotDecisions => "không phải tệp quyết định của hội đồng", "not a decisions file";
    YamlNotDocFields => "không phải tệp thông tin văn bản", "not a document fields file";
    YamlNotState => "không phải tệp trạng thái; cần `done: [MÃ_BƯỚC, …]`", "not a state file; expected `done: [STEP_ID, …]`";
    YamlNotWeights => "cần một bảng `mã_tiêu_chí: điểm`", "expected a map `criterion_id: points`";
    YamlWeightsIsCampaign => "đây là tệp phong trào: hãy dùng --criteria, hoặc --compare", "this is a campaign file: give it with --criteria, or --compare";
    YamlNotAliases => "cần một bảng `mã: [nhãn, ...]`", "expected a map `id: [label, ...]`";
    YamlAnchor => "tệp này không được dùng neo (&) và bí danh (*) của YAML: hãy viết thẳng giá trị ra", "YAML anchors (&) and aliases (*) are not allowed in this file: write the value out";
    YamlTooDeep => "lồng nhau quá {0} tầng", "nested more than {0} levels deep";
    YamlTooBig => "tệp quá lớn để đọc (quá nhiều giá trị hoặc chữ)", "the file is too large to read (too many values or too much text)";
    YamlUnknownValue => "`{0}` không phải một trong: {1}", "`{0}` is not one of: {1}";
    HintDecisions => "cần các danh sách `ties:` và `adjustments:` (xem examples/quyet-dinh-hoi-dong.yaml)", "expected `ties:` and `adjustments:` lists (see examples/quyet-dinh-hoi-dong.yaml)";
    CriterionCtx => "tiêu chí `{0}`", "criterion `{0}`";
    TierCtx => "hình thức khen `{0}`", "tier `{0}`";
    GroupCtx => "khối `{0}`", "group `{0}`";

    // Kinds of values, as people say them.
    KindNumber => "một số, ví dụ {0}: 20", "a number, e.g. {0}: 20";
    KindNumberBare => "một số", "a number";
    KindInteger => "một số nguyên", "a whole number";
    KindText => "một chuỗi chữ", "a text";
    KindBool => "true hoặc false", "true or false";
    KindList => "một danh sách (- …)", "a list (- …)";
    KindMap => "một bảng `khóa: giá trị`", "a map `key: value`";
    KindChar => "một ký tự", "a single character";
    KindScalar => "một giá trị đơn (chữ hoặc số)", "a single value (text or number)";
    KindNothing => "giá trị rỗng", "nothing";
    KindValue => "một giá trị hợp lệ", "a valid value";

    // Campaign values.
    MaxTotal => "max_total phải là một số lớn hơn 0, nhưng là {0}", "max_total must be a number greater than 0, got {0}";
    UnknownCriterion => "tiêu chí không có trong phong trào `{0}`{1}", "unknown criterion `{0}`{1}";
    PointsPositive => "tiêu chí `{0}`: points phải là một số lớn hơn 0, nhưng là {1}", "criterion `{0}`: points must be a number greater than 0, got {1}";
    DidYouMean => "; ý bạn là `{0}`?", "; did you mean `{0}`?";
    Known => " (có: {0})", " (known: {0})";

    // Metrics data.
    UnknownGroup => "khối không có trong phong trào `{0}`", "unknown group `{0}`";
    UnknownUnitIn => "đơn vị không có `{0}`: không có trong {1}", "unknown unit `{0}`: not in {1}";

    // Metrics data: columns and cells.
    BaselineMissing => "{0}: `{1}` đọc số liệu kỳ gốc, nhưng chưa có kỳ gốc; hãy thêm --baseline TỆP hoặc --baseline-period P", "{0}: `{1}` reads the baseline, but none was given; add --baseline FILE or --baseline-period P";
    AsPrev => "{0} (dạng `{1}`)", "{0} (as `{1}`)";
    UsedAt => "{0} ở {1}:{2}", "{0} at {1}:{2}";
    ClosestHeader => "; cột gần giống nhất: `{0}`", "; closest header: `{0}`";
    ColumnMissingFor => "thiếu cột `{0}` (cần cho {1}){2}", "column `{0}` is missing (needed by {1}){2}";
    HintRenameColumn => "đổi tên cột trong số liệu cho khớp tên phong trào đọc, hoặc sửa tên trong phong trào", "rename the data's column to the name the campaign reads, or fix the name in the campaign";
    HintImportNumbers => "`thidua import` đọc cách viết số kiểu Việt Nam (1.608 = 1608, 95,5 = 95.5) và ghi ra số thuần", "`thidua import` reads Vietnamese number formats (1.608 = 1608, 95,5 = 95.5) and writes plain numbers";
    NotFinite => "`{0}` không phải một số hữu hạn", "`{0}` is not a finite number";
    Negative => "giá trị âm {0}", "negative value {0}";
    NotNumberComma => "`{0}` không phải một số: dùng `.` cho phần thập phân và không có dấu phân cách hàng nghìn", "`{0}` is not a number: use `.` for decimals and no thousands separator";
    NotNumberCell => "`{0}` không phải một số (cần một số thuần hoặc ô trống)", "`{0}` is not a number (expected a plain number or an empty cell)";
    CountTooLarge => "`{0}` quá lớn đối với một số đếm (hơn {1} chữ số)", "`{0}` is too large for a count (more than {1} digits)";
    CountThousands => "`{0}` có vẻ dùng dấu phân cách hàng nghìn trong số đếm; hãy viết {1}, hoặc chuyển tệp bằng `thidua import`", "`{0}` looks like a thousands separator in a count; write {1}, or convert the file with `thidua import`";
    CountNotWhole => "`{0}` không phải số nguyên: số đếm chỉ viết bằng chữ số (số nguyên ≥ 0)", "`{0}` is not a whole number: counts are written with digits only (whole numbers ≥ 0)";
    CountSeparators => "`{0}` không phải số nguyên: số đếm chỉ viết bằng chữ số, không có dấu phân cách", "`{0}` is not a whole number: counts are written with digits only, no separators";
    CountNotNumber => "`{0}` không phải một số (cần số nguyên ≥ 0 hoặc ô trống)", "`{0}` is not a number (expected a whole number ≥ 0 or an empty cell)";
    EmptyFileHeader => "{0}: tệp rỗng: cần một dòng tiêu đề có {1}", "{0}: empty file: expected a header row with {1}";
    LineNotUtf8 => "không phải văn bản UTF-8", "not UTF-8 text";
    UnitIdEmpty => "unit_id bị trống", "unit_id is empty";
    NoUnits => "{0}: không có đơn vị: tệp có dòng tiêu đề nhưng không có dòng số liệu", "{0}: no units: the file has a header but no data rows";
    SemicolonHeader => "{0}:1: dòng tiêu đề chỉ là một cột chứa {1}: tệp này phân cách bằng {1}, không phải dấu phẩy; hãy chuyển bằng `thidua import`", "{0}:1: the header is one column holding {1}: this file is separated by {1}, not commas; convert it with `thidua import`";
    Tabs => "dấu tab", "tabs";
    HeaderNotUtf8 => "{0}:1:{1}: tiêu đề không phải văn bản UTF-8", "{0}:1:{1}: header is not UTF-8 text";
    ColumnTwice => "cột `{0}` bị lặp", "column `{0}` appears twice";
    NotMetricName => "{0}:1:{1}: cột `{2}` không phải tên chỉ số (cần chữ ASCII dạng snake_case như `tiep_nhan`); `thidua import` chuyển được tiêu đề tiếng Việt", "{0}:1:{1}: column `{2}` is not a metric name (expected snake_case ASCII like `tiep_nhan`); `thidua import` converts Vietnamese headers";
    MissingRequired => "{0}:1: thiếu cột bắt buộc {1}; dòng tiêu đề phải có unit_id, unit_name, group", "{0}:1: missing required column(s) {1}; the header must have unit_id, unit_name, group";
    PartsExceedWhole => "{0} = {1} lớn hơn {2} = {3}", "{0} = {1} is larger than {2} = {3}";
    PeriodsSeveral => "{0}: tệp có {1} kỳ ({2}); hãy chọn bằng {3} P hoặc {3} TỪ..ĐẾN", "{0}: the file holds {1} periods ({2}); choose with {3} P or {3} FROM..TO";
    PeriodsSeveralBare => "{0}: tệp có {1} kỳ ({2}); hãy chọn một kỳ hoặc một khoảng kỳ", "{0}: the file holds {1} periods ({2}); choose one period or a range of them";
    PeriodNoColumnBare => "{0}: đã chọn kỳ nhưng tệp không có cột `period`", "{0}: a period was chosen but the file has no `period` column";
    PeriodNoColumn => "{0}: đã cho {1} nhưng tệp không có cột `period`", "{0}: {1} was given but the file has no `period` column";
    UnitTwice => "{0}:{1}: đơn vị `{2}` xuất hiện hai lần (lần đầu ở dòng {3})", "{0}:{1}: unit `{2}` appears twice (first on line {3})";
    UnitTwicePeriod => "{0}:{1}: đơn vị `{2}` xuất hiện hai lần trong kỳ {3} (xem dòng {4})", "{0}:{1}: unit `{2}` appears twice for period {3} (see line {4})";
    UnitOverlap => "{0}:{1}: đơn vị `{2}` có các kỳ chồng lên nhau ở {3} (xem dòng {4})", "{0}:{1}: unit `{2}` has overlapping periods at {3} (see line {4})";
    UnitTwoGroups => "{0}:{1}: đơn vị `{2}` ở đây thuộc khối `{3}` nhưng ở dòng {5} thuộc `{4}`", "{0}:{1}: unit `{2}` is in group `{3}` here but `{4}` on line {5}";
    NoRowsForPeriod => "{0}: không có dòng nào cho kỳ {1} (tệp có: {2})", "{0}: no rows for period {1} (the file has: {2})";
    BlankNotice => "đơn vị `{0}`: `{1}` bị trống ở {2} nhưng có ở {3}: tổng của nó để trống, không tính là 0", "unit `{0}`: `{1}` is blank for {2} but given for {3}: its sum is left missing, not counted as 0";
    HintBlankNotice => "các tiêu chí của nó theo `when_undefined`; hãy điền ô (0 nếu không có gì) để cộng", "its criteria follow `when_undefined`; fill the cell (0 if nothing happened) to sum it";
    UndefinedError => "tiêu chí `{0}`: `{1}` không xác định (ô thiếu hoặc chia cho 0) và when_undefined của nó là `error`", "criterion `{0}`: `{1}` is undefined (a missing cell or a division by zero) and its when_undefined is `error`";
    UnitUnknownGroup => "{0}:{1}: đơn vị `{2}`: khối không có trong phong trào `{3}` (không có trong {4}){5}", "{0}:{1}: unit `{2}`: unknown group `{3}` (not in {4}){5}";
    UnknownTierIn => "không có hình thức khen `{0}` trong {1}", "unknown tier `{0}` in {1}";
    DecisionNeedsDocument => "quyết định cần có `document` (văn bản căn cứ)", "a decision needs its `document`";
    HintDecisionDocument => "ví dụ document: \"Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023\"", "e.g. document: \"Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023\"";
    PersonNotOfUnit => "cá nhân `{0}` không có trong danh sách cá nhân là người của `{1}`", "person `{0}` is not in the individuals file as a person of `{1}`";
    TieNamesWhich => "quyết định đồng hạng ghi `group` và `chosen` (đơn vị), hoặc `unit_id` và `chosen_people` (cá nhân của một đơn vị), hoặc `group` và `chosen_people` (cá nhân toàn khối)", "a tie decision names `group` and `chosen` (units), or `unit_id` and `chosen_people` (people of a unit), or `group` and `chosen_people` (people across the group)";
    TieOverCap => "quyết định chọn {0} người của `{1}`, nhưng đơn vị này chỉ còn {2} suất theo giới hạn mỗi đơn vị (per_unit)", "the decision chooses {0} people of `{1}`, but the unit has only {2} place(s) left under its per_unit cap";
    ChosenTwice => "`{0}` được chọn hai lần: mỗi suất là một đơn vị hoặc một người khác nhau", "`{0}` is chosen twice: each place goes to a different unit or person";
    PersonUnknown => "cá nhân `{0}` không có trong danh sách cá nhân", "person `{0}` is not in the individuals file";
    SecondTieDecision => "quyết định thứ hai cho cùng một trường hợp đồng hạng: mỗi trường hợp một quyết định", "a second decision for the same tie: one decision per tie";
    AdjustPointsZero => "points phải là một số khác 0, nhưng là {0}", "points must be a number other than 0, got {0}";
    AdjustNeedsDocument => "điều chỉnh điểm cần có `document` (văn bản căn cứ)", "an adjustment needs its `document`";
    NotAPeriod => "`{0}` không phải một kỳ: cần YYYY, YYYY-Qn hoặc YYYY-MM", "`{0}` is not a period: expected YYYY, YYYY-Qn or YYYY-MM";
    LeverUnknownMetric => "đòn bẩy `{0}`: không có chỉ số `{1}` (không phải cột của {2}){3}", "lever `{0}`: unknown metric `{1}` (not a column of {2}){3}";
    DocFieldNotDate => "{0}: `{1}` không phải một ngày: cần YYYY-MM-DD hoặc dd/mm/yyyy", "{0}: `{1}` is not a date: expected YYYY-MM-DD or dd/mm/yyyy";
    HintDocFields => "các khóa: parent, issuer, number, place, date, signer_title, signer_name, submission {number, date, by}, recipients (xem examples/van-ban.yaml)", "keys: parent, issuer, number, place, date, signer_title, signer_name, submission {number, date, by}, recipients (see examples/van-ban.yaml)";
    RangeBackwards => "`{0}`: khoảng kỳ kết thúc trước khi bắt đầu", "`{0}`: the range ends before it starts";
    UnitCtx => "đơn vị `{0}`", "unit `{0}`";
    RowShort => "dòng có {0} cột, nhưng dòng tiêu đề có {1} (thừa dấu phẩy hay thiếu ô?)", "{0} fields, but the header has {1} (a stray comma or a missing cell?)";
    RowLong => "dòng có {0} cột, nhưng dòng tiêu đề có {1}: `{2}` nằm sau cột cuối (thừa dấu phẩy, hay một cột không có tiêu đề?)", "{0} fields, but the header has {1}: `{2}` is past the last column (a stray comma, or a column without a header?)";
    HolidaysExpected => "cần một danh sách {date: YYYY-MM-DD, name: \"...\", working: true|false}", "expected a list of {date: YYYY-MM-DD, name: \"...\", working: true|false}";

    // Ties the council decides (decisions files).
    TieNoneAtLine => "không có đồng hạng ở đường chỉ tiêu của hình thức khen `{0}`, khối `{1}`: không có gì để quyết định", "no tie at the line of tier `{0}`, group `{1}`: nothing to decide";
    TieNotTied => "{0} không đồng hạng ở đường chỉ tiêu này (các đơn vị đồng hạng: {1})", "{0} not tied at this line (tied: {1})";
    TieChooseUnits => "đã chọn {0} đơn vị cho {1} suất còn lại: hãy chọn đúng {1} trong số {2}", "{0} unit(s) chosen for {1} open place(s): choose exactly {1} of {2}";
    TieNoQuota => "hình thức khen `{0}` không có chỉ tiêu cho khối `{1}`: không có gì để quyết định", "tier `{0}` has no quota for group `{1}`: nothing to decide";
    TieNoPeople => "không có cá nhân đồng hạng nào của `{0}` ở hình thức khen `{1}`: không có gì để quyết định", "no tie among the people of `{0}` at tier `{1}`: nothing to decide";
    TieChoosePeople => "hãy chọn đúng {0} trong số các cá nhân đồng hạng của `{1}` ({2}); đã chọn: {3}", "choose exactly {0} of the tied people of `{1}` ({2}); got {3}";

    // The individuals list.
    PeopleMissingRequired => "{0}:1: thiếu cột bắt buộc {1}", "{0}:1: missing required column(s) {1}";
    PeopleUnknownColumn => "{0}:1:{1}: cột không hợp lệ `{2}` (có: {3})", "{0}:1:{1}: unknown column `{2}` (known: {3})";
    GenderNotNamNu => "gender: `{0}` không phải nam hoặc nữ", "gender: `{0}` is not nam or nữ";
    HintGender => "hãy viết nam hoặc nữ (hoặc để trống)", "write nam or nữ (or leave it empty)";
    ScoreNotNumber => "score: `{0}` không phải một số", "score: `{0}` is not a number";
    PersonEmpty => "unit_id, person_id và full_name không được để trống", "unit_id, person_id and full_name must not be empty";
    FirstOnLine => " (lần đầu ở dòng {0})", " (first on line {0})";
    PersonTwice => "cá nhân `{0}` xuất hiện hai lần{1}", "person `{0}` appears twice{1}";
    NotYesNo => "`{0}` không phải giá trị có/không (1/0, true/false, có/không, x)", "`{0}` is not a yes/no value (1/0, true/false, có/không, x)";
    PersonUnitNotInData => "cá nhân `{0}`: đơn vị `{1}` không có trong tệp số liệu", "person `{0}`: unit `{1}` is not in the metrics file";
    PeopleNoHeader => "{0}: không tìm thấy dòng tiêu đề: cần các tên cột như \"Họ và tên\", \"Chức vụ\", \"Đơn vị\" (hoặc unit_id, person_id, full_name, position)", "{0}: no header row found: expected column names such as \"Họ và tên\", \"Chức vụ\", \"Đơn vị\" (or unit_id, person_id, full_name, position)";
    PeopleNotColumn => "{0}: cột \"{1}\" không phải cột của danh sách cá nhân: cần Mã đơn vị, Đơn vị, Họ và tên, Chức vụ, Trực tiếp, Đủ điều kiện, Điểm, Giới tính, Lãnh đạo, Thành tích (hoặc STT)", "{0}: column \"{1}\" is not a column of the individuals list: expected Mã đơn vị, Đơn vị, Họ và tên, Chức vụ, Trực tiếp, Đủ điều kiện, Điểm, Giới tính, Lãnh đạo, Thành tích (or STT)";
    PeopleSameMeaning => "{0}: cột \"{1}\" có nghĩa `{2}`, giống cột {3}: hãy giữ một cột", "{0}: column \"{1}\" means `{2}`, like column {3}: keep one of them";
    UnitIdOrName => "\"Mã đơn vị\" hoặc \"Đơn vị\"", "\"Mã đơn vị\" or \"Đơn vị\"";
    MissingColumnsAt => "{0}:{1}: thiếu cột {2}", "{0}:{1}: missing column(s) {2}";
    UnitNameAmbiguous => "đơn vị \"{0}\" khớp với nhiều đơn vị trong số liệu: {1}; hãy ghi mã đơn vị trong một cột \"Mã đơn vị\"", "unit \"{0}\" fits several units of the data: {1}; give the unit id in a \"Mã đơn vị\" column";
    NoCloseName => "không có tên đơn vị nào gần giống", "no unit name is close";
    Closest => "gần nhất: {0}", "closest: {0}";
    UnitNameUnknown => "đơn vị \"{0}\" không phải đơn vị của tệp số liệu ({1})", "unit \"{0}\" is not a unit of the metrics file ({1})";

    // Merge maps (--merge).
    NotInMergeMap => "đơn vị `{0}` không có trong bảng ghép {1}", "unit `{0}` is not in the merge map {1}";
    HintNotInMergeMap => "hãy thêm dòng `{0},MÃ_ĐƠN_VỊ_MỚI` vào {1} (hoặc `{0},{0}` nếu đơn vị không bị ghép)", "add the line `{0},NEW_UNIT_ID` to {1} (or `{0},{0}` if it was not merged)";
    NewUnitOtherGroup => "đơn vị mới `{0}` ở đây thuộc khối `{1}` nhưng thuộc `{2}` trong {3}:{4}", "new unit `{0}` is in group `{1}` here but in `{2}` in {3}:{4}";
    NewUnitLacks => "đơn vị mới `{0}` (ghép từ {1}) thiếu {2}: {3} không có dòng nào cho đơn vị này", "new unit `{0}` (merging {1}) has no {2}: {3} has no row for it";
    AndNo => " và ", " and no ";
    HintFillColumns => "hãy điền cột {0} của dòng này", "fill the column(s) {0} of this line";
    PortalScoreKind => "điểm nhóm do cổng dịch vụ công tính sẵn", "a portal group score (points computed by the portal)";
    NotCountKind => "không phải số đếm của bộ từ vựng (một tỷ lệ, một điểm hay một cờ)", "not a count of the vocabulary (a rate, a score or a flag)";
    CannotAddUp => "`{0}` là {1}: không cộng được giá trị của {2} vào đơn vị sau ghép `{3}`", "`{0}` is {1}: the values of {2} cannot be added up into the merged unit `{3}`";
    HintCannotAddUp => "hãy để trống `{0}` ở các đơn vị được ghép (hoặc ghi giá trị riêng của đơn vị sau ghép trên dòng của nó); chỉ số đếm mới được cộng", "leave `{0}` blank for units that merge (or give the merged unit's own value on its own row); only counts are summed";
    HintMergeHeader => "dòng tiêu đề là old_unit_id,new_unit_id và có thể thêm new_unit_name,group", "the header is old_unit_id,new_unit_id and optionally new_unit_name,group";
    EmptyFileNoHeader => "tệp rỗng: cần một dòng tiêu đề", "empty file: expected a header row";
    CannotReadWhy => "không đọc được: {0}", "cannot read: {0}";
    NotMergeColumn => "cột `{0}` không phải cột của bảng ghép", "column `{0}` is not a merge map column";
    MissingColumns => "thiếu cột {0}", "missing column(s) {0}";
    CellEmpty => "{0} bị trống", "{0} is empty";
    OldMappedTwice => "đơn vị cũ `{0}` được ghép hai lần: vào `{1}` ở dòng {2} và vào `{3}` ở đây", "old unit `{0}` is mapped twice: to `{1}` on line {2} and to `{3}` here";
    HintOneLine => "mỗi đơn vị cũ ghép vào đúng một đơn vị mới: hãy giữ một dòng", "each old unit merges into exactly one new unit: keep one line";
    NewUnitDiffers => "đơn vị mới `{0}` có {1} `{2}` ở đây nhưng `{3}` ở dòng {4}", "new unit `{0}` has {1} `{2}` here but `{3}` on line {4}";
    NameWord => "tên", "name";
    GroupWord => "khối", "group";
    MergeChain => "`{0}` là đơn vị mới của dòng {1} nhưng ở đây lại được ghép vào `{2}`", "`{0}` is the new unit of line {1} but is merged here into `{2}`";
    HintMergeStraight => "hãy ghép thẳng mọi đơn vị cũ vào `{0}`", "map every old unit straight to `{0}`";

    // Usage errors of the commands (src/cmd).
    CheckWhichFile => "`{0}`: cần một tệp phong trào (.yaml, .yml) hoặc một tệp số liệu (.csv, .xlsx, .ods)", "`{0}`: expected a campaign file (.yaml, .yml) or a metrics file (.csv, .xlsx, .ods)";
    DoneUnknown => "--done: không có bước nào có mã {0}; các bước là: {1}", "--done: no step with id {0}; the steps are: {1}";
    NoDecisions => "--decisions: {0} tìm từ điểm đã tính và chưa xét các quyết định của hội đồng; hãy chạy không có --decisions", "--decisions: {0} searches from the computed scores and does not take the council's decisions into account yet; run it without --decisions";
    NoLevers => "{0}: {1} không khai báo đòn bẩy nào; hãy thêm danh sách `levers:` (ví dụ `{2}`)", "{0}: {1} declares no levers; add a `levers:` list (e.g. `{2}`)";
    NoUnitIn => "{0}: không có đơn vị `{1}` trong {2}{3}", "{0}: no unit `{1}` in {2}{3}";
    TierNoQuotaFor => "--tier {0}: hình thức khen `{0}` không có chỉ tiêu cho khối `{1}` của đơn vị `{2}`", "--tier {0}: tier `{0}` has no quota for group `{1}` of unit `{2}`";
    CompareNoTier => "--compare: {0} không có hình thức khen `{1}`, nên không so sánh được số suất", "--compare: {0} has no tier `{1}`, so its quota places cannot be compared";
    SourceDateEpoch => "SOURCE_DATE_EPOCH: `{0}` không phải số giây kể từ năm 1970", "SOURCE_DATE_EPOCH: `{0}` is not a number of seconds since 1970";
    DocNeedsDocx => "--doc dùng để điền văn bản Word: hãy thêm --format docx hoặc -o TỆP.docx (đầu ra hiện là {0})", "--doc fills a Word document: add --format docx or -o FILE.docx (the output is {0})";
    CannotWriteVia => "{0}: lệnh này không ghi được {1}; {2} ghi {3}", "{0}: this command cannot write {1}; {2} writes {3}";
    CannotWrite => "lệnh này không ghi được {0}", "this command cannot write {0}";
    BinaryToTerminal => "--format {0} ghi {1}: hãy cho -o TỆP.{0} (hoặc chuyển hướng đầu ra)", "--format {0} writes {1}: give -o FILE.{0} (or redirect the output)";
    BinaryWorkbook => "một sổ tính nhị phân", "a binary workbook";
    BinaryDocx => "một văn bản Word nhị phân", "a binary Word document";
    NotOutputExt => "`.{0}` không phải định dạng đầu ra", "`.{0}` is not an output format";
    NoOutputExt => "không có phần mở rộng để biết định dạng", "no extension to tell the format";
    OutputExt => "-o {0}: {1}; {2} ghi {3} (hoặc chọn bằng --format)", "-o {0}: {1}; {2} writes {3} (or choose with --format)";
    TierUnknownIn => "--tier: không có hình thức khen `{0}` trong {1} ({2}){3}", "--tier: unknown tier `{0}` in {1} ({2}){3}";
    NoTiers => "phong trào này không có hình thức khen nào", "this campaign has no tiers";
    KnownList => "có: {0}", "known: {0}";
    ExplainDocx => "--explain: không ghi văn bản Word cho một đơn vị; hãy dùng md, html hoặc table", "--explain: a Word document is not written for one unit; use md, html or table";
    WhatIfDocx => "--format docx: các cột giả định (--baseline, --compare, --sensitivity) không in trong văn bản Word; hãy dùng html, xlsx hoặc md", "--format docx: the what-if columns (--baseline, --compare, --sensitivity) are not printed in the Word document; use html, xlsx or md for them";
    VerifyNotCommand => "verify: lệnh sau `--` không phải lệnh thidua: {0}", "verify: the command after `--` is not a thidua command: {0}";
    VerifyOnlyStamped => "verify: chỉ score, rank và nominate in mã kiểm tra", "verify: only score, rank and nominate print a stamp";
    VerifyMalformed => "verify: `{0}` không phải mã kiểm tra (dạng XXXX-XXXX-XXXX)", "verify: `{0}` is not a stamp (XXXX-XXXX-XXXX)";
    BaselineNoPeriod => "--baseline-period: {0} không có cột `period`; hãy cho tệp kỳ gốc bằng --baseline TỆP", "--baseline-period: {0} has no `period` column; give the baseline file with --baseline FILE";
    TooManyDraws => "--sensitivity {0}: quá nhiều lần rút cho {1} đơn vị (tối đa {2})", "--sensitivity {0}: too many draws for {1} units (at most {2})";
    NothingToNominate => "{0} không có hình thức khen nào: không có gì để đề nghị", "{0} has no award tiers: nothing to nominate";
    DossiersOneFile => "--dossiers đọc mỗi lần một tệp", "--dossiers reads one file at a time";
    SheetNeedsWorkbook => "--sheet đi cùng một sổ tính (.xlsx, .xls, .ods)", "--sheet goes with a workbook (.xlsx, .xls, .ods)";
    PeriodNeeded => "cần {0}: phong trào {1} không có thời gian thực hiện", "{0} is needed: the campaign {1} has no period";
    IsFolderPeople => "{0}: là một thư mục, cần một tệp danh sách cá nhân", "{0}: is a folder, expected an individuals file";
    IsFolderCsv => "{0}: là một thư mục, cần một tệp CSV", "{0}: is a folder, expected a CSV file";
    ImportRejected => "đã ghi {0} đơn vị, {1} lỗi được để riêng trong tệp loại", "{0} unit(s) written, {1} problem(s) set aside in the rejects file";
    NotADateIso => "`{0}` không phải một ngày: cần dạng YYYY-MM-DD", "`{0}` is not a date: expected YYYY-MM-DD";
    NotADateDay => "`{0}` không phải một ngày: cần dd/mm/yyyy hoặc yyyy-mm-dd, ví dụ 27/11/2023", "`{0}` is not a date: expected dd/mm/yyyy or yyyy-mm-dd, e.g. 27/11/2023";
    NotADateImport => "`{0}` không phải một ngày: cần yyyy-mm-dd hoặc dd/mm/yyyy", "`{0}` is not a date: expected yyyy-mm-dd or dd/mm/yyyy";
    WritingStdout => "ghi ra đầu ra chuẩn", "writing to standard output";
    WriteFailed => "{0}: ghi không được", "{0}: write failed";
    NoSuchFolder => "{0}: không ghi được: không có thư mục {1}", "{0}: cannot write: folder {1} does not exist";
    WriteIsFolder => "{0}: không ghi được: đây là một thư mục", "{0}: cannot write: it is a folder";
    NoTempFile => "{0}: không tạo được tệp tạm", "{0}: cannot create a temporary file";
    FileLocked => "{0}: không thay được tệp: tệp đang mở trong chương trình khác hoặc chỉ đọc; hãy đóng tệp trong Excel rồi chạy lại", "{0}: cannot replace the file: it is open in another program or read-only; close the file in Excel and run again (đóng tệp trong Excel rồi chạy lại)";
    CannotReplace => "{0}: không thay được tệp", "{0}: cannot replace the file";
    OverInput => "{0}: không ghi đè lên tệp đầu vào {1}", "{0}: refusing to write over the input file {1}";
    NoStepId => "không có bước nào có mã `{0}`", "no step with id `{0}`";
    TheSteps => "các bước là: {0}", "the steps are: {0}";
    FromAfterTo => "--from {0} sau --to {1}", "--from {0} is after --to {1}";
    NotASpread => "`{0}` không phải mức dao động: cần một số từ 0 đến dưới 1 (0.25 nghĩa là ±25%)", "`{0}` is not a spread: expected a number at least 0 and below 1 (0.25 means ±25%)";
    NotOneAscii => "`{0}` không phải một ký tự ASCII (ví dụ `;` hoặc `tab`)", "`{0}` is not one ASCII character (e.g. `;` or `tab`)";
    ReadingBaseline => "đọc số liệu kỳ gốc", "reading the baseline";
    MergingBaseline => "ghép đơn vị trong số liệu kỳ gốc (--merge)", "merging the baseline (--merge)";
    GapNotHolding => "đòn bẩy `{0}`: kết quả tìm được cho `{1}` không đúng trên đường chỉ tiêu thực; xin hãy báo lỗi này", "lever `{0}`: the search's answer for `{1}` does not hold on the real quota line; please report this";
    ReadingBack => "đọc lại các đơn vị vừa chuyển", "reading the units back";
    SheetCopy => "bản sao tạm của trang tính", "a temporary copy of the sheet";
    ManPage => "tạo trang hướng dẫn (man)", "rendering the manual page";
    ExcelTooManyRows => "quá nhiều dòng cho một trang tính Excel", "too many rows for Excel";
    ExcelTooManyColumns => "quá nhiều cột cho một trang tính Excel", "too many columns for Excel";
    ExcelSheetName => "tên trang tính `{0}`", "sheet name `{0}`";
    ExcelWritingSheet => "ghi trang tính `{0}`", "writing sheet `{0}`";
    ExcelBuilding => "tạo sổ tính", "building the workbook";
    StrictRefused => "--strict: có {0} cảnh báo hoặc lưu ý (in ở trên); không ghi kết quả", "--strict: {0} warning(s) or notice(s) above; nothing written";
    FormulaOverflow => "{0}: `{1}` vượt quá số lớn nhất máy tính giữ được (khoảng 1,8 × 10^308) với {2}: hãy kiểm tra các ô này và biểu thức", "{0}: `{1}` goes beyond the largest number a computer holds (about 1.8 × 10^308) with {2}: check these cells and the expression";
    PenaltyOverflow => "{0}: `count` cho {1} lần: từ 2^53 (9.007.199.254.740.992) trở lên thì không còn là một số đếm thật; hãy kiểm tra biểu thức `count` và các ô nó đọc", "{0}: `count` gives {1}: from 2^53 (9,007,199,254,740,992) on it is no real count; check the `count` expression and the cells it reads";
}
