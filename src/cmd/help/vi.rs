//! The Vietnamese text of every command and flag, kept apart from the code
//! that applies it so the table can grow without crowding it.

/// Vietnamese help: `""` is the program, `"rank"` a command, `"rank --tier"`
/// a flag of one command, `"--tier"` a flag wherever it appears.
pub(super) const VI: &[(&str, &str)] = &[
    (
        "",
        "Chấm điểm, xếp hạng và đề nghị khen thưởng các đơn vị trong phong trào thi đua",
    ),
    (
        "score",
        "Chấm điểm mọi đơn vị của tệp số liệu theo các tiêu chí của phong trào",
    ),
    (
        "rank",
        "Xếp hạng đơn vị trong từng khối và vạch đường chỉ tiêu của một hình thức khen",
    ),
    (
        "gap",
        "Một đơn vị cần thêm gì để vào chỉ tiêu của một hình thức khen, từng đòn bẩy một",
    ),
    (
        "nominate",
        "Danh sách đề nghị theo từng hình thức khen: tập thể và cá nhân trong chỉ tiêu",
    ),
    (
        "verify",
        "Kiểm tra \"Mã kiểm tra\" của một danh sách: tính lại từ chính lệnh đã lập ra nó",
    ),
    (
        "verify --code",
        "Mã in trên danh sách (\"Mã kiểm tra: XXXX-XXXX-XXXX\"), hoặc chuỗi 64 ký tự đầy đủ",
    ),
    (
        "verify --command",
        "Lệnh đã lập danh sách, viết sau `--`: ví dụ `-- nominate data.csv --individuals people.csv`",
    ),
    (
        "deadlines",
        "Lịch các bước của từng hình thức khen, tính theo ngày làm việc, xuất ra lịch",
    ),
    (
        "check",
        "Cảnh báo những gì phong trào cho phép nhưng có lẽ không định thế (và kiểm tra số liệu)",
    ),
    (
        "import",
        "Chuyển tệp xuất từ bảng tính hoặc danh sách hồ sơ thành tệp số liệu CSV",
    ),
    (
        "completions",
        "In đoạn mã tự hoàn thành lệnh cho shell (bash, zsh, fish, powershell, elvish)",
    ),
    (
        "man",
        "In trang hướng dẫn (roff), hoặc ghi mỗi lệnh một trang với --dir",
    ),
    ("help", "In trợ giúp này hoặc trợ giúp của lệnh đã nêu"),
    ("--help", "In trợ giúp"),
    ("--help more", "In trợ giúp (xem thêm với '--help')"),
    ("--help summary", "In trợ giúp (xem bản tóm tắt với '-h')"),
    (
        "--locale=vi",
        "`.` ngăn hàng nghìn, `,` là dấu thập phân: \"1.234,5\"",
    ),
    (
        "--locale=en",
        "`,` ngăn hàng nghìn, `.` là dấu thập phân: \"1,234.5\"",
    ),
    ("import --help", "In trợ giúp (xem thêm với '--help')"),
    ("--version", "In phiên bản"),
    (
        "--data",
        "Tệp số liệu CSV (unit_id, unit_name, group, các cột chỉ số…)",
    ),
    (
        "--criteria",
        "Tệp YAML của phong trào (tiêu chí, hình thức khen, chỉ tiêu, thời hạn). Mặc định: Kế hoạch 236/KH-UBND có sẵn",
    ),
    (
        "deadlines --criteria",
        "Tệp YAML của phong trào (`deadlines` và thời hạn của từng hình thức khen). Mặc định: Kế hoạch 236/KH-UBND có sẵn",
    ),
    (
        "--weights",
        "Tệp thử thay điểm `{mã_tiêu_chí: điểm}` áp lên phong trào",
    ),
    (
        "--period",
        "Kỳ số liệu khi tệp có cột `period`: P hoặc TỪ..ĐẾN (các số đếm được cộng dồn)",
    ),
    (
        "check --period",
        "Kỳ số liệu khi tệp có cột `period`: P hoặc TỪ..ĐẾN",
    ),
    (
        "--baseline",
        "Tệp số liệu kỳ gốc: hiện mức thay đổi so với nó, và cho tiêu chí đọc `prev.<chỉ_số>`",
    ),
    (
        "--baseline_period",
        "Kỳ gốc (trong --baseline, nếu không thì trong tệp số liệu): P hoặc TỪ..ĐẾN",
    ),
    (
        "--decisions",
        "Quyết định của hội đồng (YAML: `ties` đã phân định, `adjustments` điểm), áp sau khi chấm và trước khi xếp hạng, hiện bên cạnh mỗi số bị thay đổi",
    ),
    (
        "--merge",
        "Bảng ghép đơn vị CSV (old_unit_id,new_unit_id[,new_unit_name,group]): số đếm của đơn vị cũ được cộng vào đơn vị mới, trong số liệu và trong --baseline, trước khi tính tỷ lệ",
    ),
    (
        "import --merge",
        "Bảng ghép đơn vị CSV (old_unit_id,new_unit_id[,new_unit_name,group]): hồ sơ của đơn vị cũ được tính cho đơn vị mới (hồ sơ)",
    ),
    (
        "--explain",
        "Hiện cách tính từng con số trong điểm của đơn vị này",
    ),
    (
        "--format",
        "Định dạng đầu ra: table, csv, csv-excel, json, md, html, xlsx. Mặc định: theo đuôi tệp của -o (.txt là bảng; đuôi khác là lỗi), nếu không thì bảng trên màn hình và CSV khi chuyển tiếp (pipe)",
    ),
    (
        "deadlines --format",
        "Định dạng đầu ra: table, csv, json, md, ics. Mặc định: theo đuôi tệp của -o (.txt là bảng; đuôi khác là lỗi), nếu không thì bảng trên màn hình và CSV khi chuyển tiếp (pipe)",
    ),
    (
        "--excel",
        "CSV để mở bằng Excel (Windows tiếng Việt): UTF-8 có BOM, dấu `;`, dấu phẩy thập phân. Như --format csv-excel",
    ),
    (
        "--output",
        "Ghi ra TỆP (trọn vẹn, không ghi dở) thay vì ra màn hình",
    ),
    (
        "import --output",
        "Ghi tệp số liệu CSV ra TỆP (trọn vẹn, không ghi dở) thay vì ra màn hình",
    ),
    (
        "--lang",
        "Ngôn ngữ của nhãn và thông báo (vi: tiếng Việt, en: tiếng Anh)",
    ),
    (
        "import --lang",
        "Ngôn ngữ của thông báo và của lý do trong tệp dòng bị loại (vi, en). Mặc định: THIDUA_LANG, không có thì vi",
    ),
    (
        "deadlines --lang",
        "Ngôn ngữ của nhãn và thông báo (tên trong tệp phong trào giữ nguyên)",
    ),
    (
        "--ids",
        "Thêm cột \"Mã\" (mã đơn vị) vào bản in, vốn chỉ hiện tên",
    ),
    (
        "--strict",
        "Cảnh báo hoặc lưu ý nào cũng là lỗi (mã thoát 1) và không ghi kết quả: cho việc chạy theo lịch",
    ),
    (
        "--label",
        "Tên của số liệu in trên báo cáo (mặc định: tên tệp số liệu, không kèm thư mục)",
    ),
    (
        "--doc",
        "Thông tin văn bản cho --format docx: cơ quan ban hành, số, nơi, ngày, người ký, Tờ trình, nơi nhận (YAML, xem examples/van-ban.yaml); thiếu thì in \"…\"",
    ),
    (
        "rank --tier",
        "Hình thức khen (ví dụ `tinh`, `huyen`): xếp hạng các khối mà chỉ tiêu của nó nêu và vạch đường chỉ tiêu",
    ),
    (
        "--compare",
        "Xếp hạng thêm theo tệp phong trào này (B) và hiện chỗ khác nhau",
    ),
    (
        "--compare_weights",
        "Xếp hạng thêm với điểm `{mã_tiêu_chí: điểm}` này áp lên phong trào (B)",
    ),
    (
        "--sensitivity",
        "Rút thăm điểm ngẫu nhiên N lần và hiện thứ hạng, suất trong chỉ tiêu của mỗi đơn vị vững đến đâu (cần --tier)",
    ),
    (
        "--spread",
        "Điểm của mỗi tiêu chí được dao động bao nhiêu trong một lần rút: ±S, 0 ≤ S < 1 [mặc định: 0.25] (cần --sensitivity)",
    ),
    (
        "--seed",
        "Hạt giống rút thăm: cùng hạt giống cho cùng kết quả ở mọi máy [mặc định: 1] (cần --sensitivity)",
    ),
    (
        "--levers",
        "Cùng --tier: với mỗi đơn vị dưới đường chỉ tiêu (hoặc bằng điểm, hoặc không đủ điều kiện), số bước ít nhất của mỗi đòn bẩy đưa nó vào chỉ tiêu",
    ),
    ("--unit", "Mã đơn vị (unit_id trong tệp số liệu)"),
    (
        "gap --tier",
        "Hình thức khen mà đơn vị muốn vào chỉ tiêu (ví dụ `huyen`)",
    ),
    (
        "nominate --tier",
        "Hình thức khen cần lập danh sách (ví dụ `tinh`, `huyen`) hoặc `all`. Hình thức cao hơn luôn được tính trước, nên phong trào loại trừ không bao giờ đề nghị một đơn vị hai lần",
    ),
    (
        "--individuals",
        "Tệp danh sách cá nhân CSV (unit_id, person_id, full_name, position[, direct, eligible, score, note])",
    ),
    (
        "--holidays",
        "Thêm ngày nghỉ hoặc ngày làm bù, danh sách YAML {date, name, working}; ưu tiên hơn bảng 2022–2027 có sẵn và `holidays` của phong trào",
    ),
    (
        "deadlines --tier",
        "Chỉ các bước của hình thức khen này (các bước chung của phong trào luôn được hiện)",
    ),
    (
        "--today",
        "Ngày bắt đầu đếm, dd/mm/yyyy hoặc yyyy-mm-dd. Mặc định: ngày hôm nay trên máy này",
    ),
    (
        "--done",
        "Các bước đã xong (mã như danh sách hiện, ví dụ tinh-1): chỉ các bước này được đánh dấu",
    ),
    (
        "--state",
        "Tệp YAML `done: [MÃ_BƯỚC, …]` các bước đã xong (cộng thêm vào --done)",
    ),
    ("--within", "Chỉ các bước đến hạn từ hôm nay đến N ngày tới"),
    (
        "--remind_days",
        "Nhắc lịch trước mỗi bước bấy nhiêu ngày (ics; 0 = đúng ngày)",
    ),
    (
        "check --files",
        "Tệp phong trào (.yaml, .yml) và tệp số liệu CSV (.csv), theo thứ tự bất kỳ. Không có phong trào: dùng phong trào có sẵn. Mỗi tệp số liệu được kiểm tra với mỗi phong trào",
    ),
    (
        "import --files",
        "Tệp CSV xuất ra hoặc bảng tính (.xlsx, .xls, .ods): bảng theo đơn vị; với --dossiers là một danh sách hồ sơ",
    ),
    (
        "--sheet",
        "Trang cần đọc trong bảng tính. Mặc định: trang hiện đầu tiên",
    ),
    (
        "--mapping",
        "Thêm nhãn tiêu đề cột, YAML `{mã_cột: [nhãn, ...]}`",
    ),
    (
        "--dossiers",
        "Tệp liệt kê hồ sơ (mỗi dòng một hồ sơ), được đếm theo đơn vị",
    ),
    (
        "--from",
        "Ngày đầu kỳ (hồ sơ; mặc định: ngày bắt đầu phong trào). yyyy-mm-dd hoặc dd/mm/yyyy",
    ),
    (
        "--to",
        "Ngày cuối kỳ, tính cả ngày đó (hồ sơ; mặc định: ngày kết thúc phong trào)",
    ),
    (
        "--units",
        "Danh sách đơn vị với tên và khối (hồ sơ): mọi đơn vị trong danh sách đều có mặt, kể cả khi không có hồ sơ",
    ),
    (
        "--locale",
        "Cách viết số: vi = \"1.234,5\" (`.` ngăn hàng nghìn), en = \"1,234.5\"",
    ),
    (
        "--delimiter",
        "Ký tự ngăn ô; tự nhận biết giữa `,` `;` tab nếu không nêu",
    ),
    (
        "--sum",
        "Cộng dồn một chỉ số mà nhiều tệp cùng có cho một đơn vị",
    ),
    (
        "--keep_going",
        "Ghi các dòng hợp lệ và đưa các dòng khác vào OUTPUT.rejects.csv kèm lý do (cần -o)",
    ),
    ("--shell", "Shell cần tự hoàn thành"),
    (
        "--dir",
        "Ghi thidua.1 và mỗi lệnh một trang (thidua-rank.1, …) vào THƯ_MỤC thay vì in thidua.1",
    ),
];
