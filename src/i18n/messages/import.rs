//! The catalogue's entries about reading what people export (`thidua import`,
//! and every command that reads what import reads): encodings, headers,
//! Vietnamese numbers and dates, dossier lists, workbooks, merging tables.
//! File names, column labels and cell values are quoted as written.

/// Adds these entries to the ones given (the rest of the catalogue) and makes
/// the one `Msg` of them all.
macro_rules! import_entries {
    ($($before:tt)*) => { catalogue! { $($before)*
        // Text and encodings.
        NotUtf8Byte => "{0}:{1}: không phải văn bản UTF-8 (byte {2}): hãy lưu trang tính dạng \"CSV UTF-8\"", "{0}:{1}: not UTF-8 text (byte {2}): save the sheet as \"CSV UTF-8\"";
        Utf16NoBom => "{0}: có vẻ là văn bản UTF-16 không có dấu thứ tự byte: hãy lưu dạng \"CSV UTF-8\" hoặc \"Unicode text\"", "{0}: looks like UTF-16 without a byte-order mark: save it as \"CSV UTF-8\" or \"Unicode text\"";
        Utf16Odd => "văn bản UTF-16 có số byte lẻ: tệp bị cắt cụt", "UTF-16 text with an odd number of bytes: the file is cut short";
        Utf16Broken => "{0}:{1}: văn bản UTF-16 bị hỏng (đơn vị mã thứ {2})", "{0}:{1}: broken UTF-16 text (code unit {2})";
        Utf16BrokenNear => "văn bản UTF-16 bị hỏng gần đơn vị mã thứ {0}", "broken UTF-16 text near code unit {0}";
        CannotOpen => "{0}: không mở được", "{0}: cannot open";
        CannotSeek => "{0}: không đọc được từ vị trí cần đọc", "{0}: cannot seek";
        CannotReadFile => "{0}: không đọc được tệp", "{0}: cannot read the file";
        NoTempDossiers => "không tạo được tệp tạm cho số hồ sơ", "cannot create a temporary file for dossier numbers";
        WritingRejects => "ghi các dòng bị loại", "writing rejected rows";

        // Headers and rows of a unit table.
        ImportEmpty => "{0}: tệp rỗng: cần một dòng tiêu đề và mỗi đơn vị một dòng", "{0}: empty file: expected a header row and one row per unit";
        NoHeaderFound => "{0}: không tìm thấy dòng tiêu đề trong {1} dòng đầu: cần các tên cột như \"Mã đơn vị\", \"Tên đơn vị\", \"Tiếp nhận\" phân cách bằng `,` `;` hoặc tab", "{0}: no header row found in the first {1} rows: expected column names such as \"Mã đơn vị\", \"Tên đơn vị\", \"Tiếp nhận\" separated by `,` `;` or tab";
        NoUnitColumn => "{0}:{1}: không có cột đơn vị: cần \"Mã đơn vị\" hoặc \"Tên đơn vị\"", "{0}:{1}: no unit column: expected \"Mã đơn vị\" or \"Tên đơn vị\"";
        ColumnKeptAs => "{0}:{1}:{2}: cột \"{3}\" không phải chỉ số đã biết; giữ lại với tên `{4}`", "{0}:{1}:{2}: column \"{3}\" is not a known metric; kept as `{4}`";
        ColumnSameMeaning => "{0}:{1}:{2}: cột \"{3}\" có nghĩa `{4}`, giống cột {5}: hãy giữ một cột, hoặc đổi tên bằng --mapping", "{0}:{1}:{2}: column \"{3}\" means `{4}`, like column {5}: keep one of them or rename it with --mapping";
        NotColumnId => "{0}:{1}: `{2}` không phải mã cột: cần chữ ASCII dạng snake_case như `tiep_nhan`", "{0}:{1}: `{2}` is not a column id: expected snake_case ASCII such as `tiep_nhan`";
        CellsPastHeader => "dòng có {0} ô, nhưng dòng tiêu đề có {1}: `{2}` nằm sau cột cuối (thừa dấu phân cách, hay một cột không có tiêu đề?)", "{0} cells, but the header has {1}: `{2}` is past the last column (a stray separator, or a column without a header?)";
        BlankRowDropped => "bỏ qua dòng trống", "blank row dropped";
        TotalRowDropped => "bỏ qua dòng tổng \"{0}\"", "total row \"{0}\" dropped";
        RowNoUnit => "dòng không có cả mã đơn vị lẫn tên đơn vị", "the row has neither a unit id nor a unit name";
        NoUnitRows => "{0}: không có dòng đơn vị nào dưới dòng tiêu đề", "{0}: no unit rows found under the header";
        NotANumber => "`{0}` không phải một số", "`{0}` is not a number";
        NotANumberLocale => "`{0}` không phải một số: với --locale {1}, `{2}` phân cách hàng nghìn và `{3}` là dấu thập phân (ví dụ {4} hoặc {5}); dùng --locale {6} cho cách viết còn lại", "`{0}` is not a number: with --locale {1} `{2}` groups thousands and `{3}` is the decimal mark (e.g. {4} or {5}); use --locale {6} for the other way";
        NegativeCount => "số đếm âm `{0}`: cần số nguyên ≥ 0", "negative count `{0}`: expected a whole number ≥ 0";
        NotWholeCount => "`{0}` không phải số đếm nguyên: cần số nguyên ≥ 0", "`{0}` is not a whole count: expected a whole number ≥ 0";
        ImportNothingWritten => "{0}; chưa ghi gì (--keep-going ghi các dòng hợp lệ và một tệp .rejects.csv)", "{0}; nothing was written (--keep-going writes the valid rows and a .rejects.csv)";

        // Groups and merging tables.
        UnitGroupFromName => "{0}:{1}: đơn vị `{2}` được xếp vào khối `{3}` theo tên (\"{4}\")", "{0}:{1}: unit `{2}` put in group `{3}` from its name (\"{4}\")";
        GroupFromNameUnits => "không xác định được khối của đơn vị `{0}` (\"{1}\") từ tên: hãy cho --units TỆP có cột khối, hoặc thêm bí danh vào các khối của phong trào ({2})", "cannot tell the group of unit `{0}` (\"{1}\") from its name: give --units FILE with a group column, or add an alias to the campaign's groups ({2})";
        GroupFromNameTable => "không xác định được khối của đơn vị `{0}` (\"{1}\") từ tên: hãy thêm cột khối (\"Khối\"), hoặc thêm bí danh vào các khối của phong trào ({2})", "cannot tell the group of unit `{0}` (\"{1}\") from its name: add a group column (\"Khối\") or an alias to the campaign's groups ({2})";
        UnknownGroupCell => "khối không có \"{0}\": cần một khối của phong trào ({1}) hoặc một bí danh của khối", "unknown group \"{0}\": expected one of the campaign's groups ({1}) or one of their aliases";
        DuplicateUnitAt => "đơn vị `{0}` bị lặp (cũng có ở dòng {1})", "duplicate unit `{0}` (also at line {1})";
        UnitGroupDiffers => "đơn vị `{0}` ở đây thuộc khối `{1}` nhưng ở {3} thuộc `{2}`", "unit `{0}` is in group `{1}` here but `{2}` at {3}";
        MetricTwice => "chỉ số `{0}` của đơn vị `{1}` được ghi hai lần: ở đây và ở {2} (dùng --sum để cộng lại)", "metric `{0}` of unit `{1}` is given twice: here and at {2} (use --sum to add them up)";
        PartOverWhole => "đơn vị `{0}`: {1} = {2} lớn hơn {3} = {4}: một phần không thể lớn hơn tổng của nó", "unit `{0}`: {1} = {2} is more than {3} = {4}: a part cannot be larger than its whole";
        PeriodColumnOnlyIn => "{0} có cột period nhưng {1} không có: không ghép được các dòng theo kỳ", "{0} has a period column but {1} has none: rows cannot be matched by period";

        // Dossier lists.
        ImportPeriodEmpty => "khoảng thời gian rỗng: --from {0} sau --to {1}", "the period is empty: --from {0} is after --to {1}";
        UnitsMetricIgnored => "bỏ qua `{0}` của --units: chỉ số này được đếm từ hồ sơ trong {1}", "`{0}` of --units ignored: it is counted from the dossiers of {1}";
        UnitIdNotUtf8 => "{0}:{1}: mã đơn vị không phải văn bản UTF-8", "{0}:{1}: the unit id is not UTF-8 text";
        UnitNameNotUtf8 => "{0}:{1}: tên đơn vị không phải văn bản UTF-8", "{0}:{1}: the unit name is not UTF-8 text";
        DossierColumnIgnored => "{0}:{1}:{2}: cột \"{3}\" không phải cột của danh sách hồ sơ; bỏ qua", "{0}:{1}:{2}: column \"{3}\" is not a dossier column; ignored";
        DossierNoColumn => "{0}:{1}: thiếu cột `{2}`: cần một tiêu đề như \"{3}\"", "{0}:{1}: no `{2}` column: expected a header such as \"{3}\"";
        FinishedBeforeReceived => "hồ sơ hoàn thành trước ngày tiếp nhận", "the dossier is finished before it was received";
        DueDateNeeded => "cần một ngày: phải có hạn xử lý mới đánh giá được hồ sơ này", "expected a date: the due date is needed to judge this dossier";
        DateEmpty => "cần một ngày, nhưng ô trống", "expected a date, found an empty cell";
        NotADateDossier => "`{0}` không phải một ngày: cần dd/mm/yyyy, dd/mm/yyyy HH:MM[:SS], yyyy-mm-dd hoặc yyyy-mm-ddTHH:MM:SS", "`{0}` is not a date: expected dd/mm/yyyy, dd/mm/yyyy HH:MM[:SS], yyyy-mm-dd or yyyy-mm-ddTHH:MM:SS";
        DossierNumberEmpty => "cần số hồ sơ, nhưng ô trống", "expected a dossier number, found an empty cell";
        DossierNumberTwice => "số hồ sơ `{0}` bị lặp (lần đầu ở dòng {1})", "duplicate dossier number `{0}` (first at line {1})";
        UnitIdCellEmpty => "cần mã đơn vị, nhưng ô trống", "expected a unit id, found an empty cell";
        UnitNotInUnits => "đơn vị không có `{0}`: không có trong tệp --units", "unknown unit `{0}`: not in the --units file";
        ExpectedChannel => "cần một hình thức nộp: Trực tiếp, Trực tuyến, BCCI / Bưu chính công ích, hoặc 1, 2, 3", "expected a channel: Trực tiếp, Trực tuyến, BCCI / Bưu chính công ích, or 1, 2, 3";
        ExpectedFlag => "cần 0/1, có/không hoặc true/false", "expected 0/1, có/không or true/false";
        ExpectedRating => "cần một mức đánh giá: hài lòng, không hài lòng (hoặc để trống)", "expected a rating: hài lòng, không hài lòng (or empty)";

        // Workbooks.
        CannotReadSheet => "{0}: không đọc được trang tính `{1}`: {2}", "{0}: cannot read sheet `{1}`: {2}";
        CannotReadXls => "{0}: không đọc được tệp Excel 97-2003 này ({1}); nếu tệp có mật khẩu, hãy lưu một bản không có mật khẩu", "{0}: cannot read this Excel 97-2003 file ({1}); if it has a password, save a copy without one";
        NotAWorkbook => "{0}: không phải một sổ tính đọc được ({1})", "{0}: not a readable workbook ({1})";
        NoSheetNamed => "--sheet: không có trang tính `{0}` trong {1}", "--sheet: no sheet `{0}` in {1}";
        NoWorksheet => "{0}: sổ tính không có trang tính nào", "{0}: the workbook has no worksheet";
        SheetsAre => "{0} (các trang tính: {1})", "{0} (sheets: {1})";
        NumberBeyondExact => "`{0}` quá lớn: từ 2^53 (9.007.199.254.740.992) trở lên, máy tính không giữ đúng từng chữ số của một số; một số đếm hay chỉ số thật không lớn đến thế", "`{0}` is too large: from 2^53 (9,007,199,254,740,992) on, a computer does not hold a number digit for digit; no real count or metric is that large";

        // Reading spreadsheets within limits (the grid readers).
        GridTooManyCells => "quá {0} ô có dữ liệu: tệp quá lớn để đọc", "more than {0} non-empty cells: the file is too large to read";
        GridTooMuchText => "quá {0} MiB chữ trong các ô: tệp quá lớn để đọc", "more than {0} MiB of text in cells: the file is too large to read";
        GridHintSplit => "chỉ giữ trang tính cần nộp (xóa các dòng, cột thừa), hoặc chia tệp thành nhiều tệp nhỏ hơn", "keep only the sheet to be read (delete stray rows and columns) or split the file into smaller ones";
        GridHintResave => "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx; nếu vẫn lỗi, hãy xuất trang tính ra \"CSV UTF-8\"", "open the file in Excel or LibreOffice and save it again as .xlsx; if that fails, export the sheet as \"CSV UTF-8\"";
        GridRowPastEnd => "dòng {0} nằm ngoài dòng cuối cùng một trang tính có thể có ({1})", "row {0} is past the last row a sheet can have ({1})";
        GridColumnPastEnd => "cột {0} nằm ngoài cột cuối cùng một trang tính có thể có (XFD, cột {1})", "column {0} is past the last column a sheet can have (XFD, column {1})";
        GridBadRef => "`{0}` không phải địa chỉ ô", "`{0}` is not a cell reference";
        GridBadNumber => "ô số chứa `{0}`, không phải một số hữu hạn", "a number cell holds `{0}`, which is not a finite number";
        GridBadDate => "ô ngày chứa `{0}`, không phải một ngày", "a date cell holds `{0}`, which is not a date";
        GridNoSharedString => "chuỗi dùng chung số {0} không tồn tại (sổ tính có {1})", "shared string {0} does not exist (the workbook has {1})";
        GridNotZip => "không phải tệp zip đọc được ({0}): tệp .xlsx hoặc .ods bị hỏng hoặc bị cắt cụt", "not a readable zip ({0}): a damaged or cut-short .xlsx or .ods";
        GridPartMissing => "thiếu phần `{0}` của sổ tính", "the workbook has no part `{0}`";
        GridPartTooBig => "phần `{0}` khi giải nén lớn {1} byte, vượt giới hạn {2} byte: không đọc", "part `{0}` unpacks to {1} bytes, more than the limit of {2}: not read";
        GridPartRatio => "phần `{0}` giải nén gấp hơn {1} lần kích thước nén ({2} byte từ {3}): tệp hỏng hoặc cố ý gây hại, không đọc", "part `{0}` unpacks to more than {1} times its packed size ({2} bytes from {3}): a damaged or hostile file, not read";
        GridPartBroken => "không giải nén được phần `{0}` ({1})", "cannot unpack part `{0}` ({1})";
        GridBadXml => "phần `{0}` không phải XML hợp lệ ({1})", "part `{0}` is not well-formed XML ({1})";
        GridXmlTooDeep => "phần `{0}` lồng các phần tử sâu hơn {1} mức", "part `{0}` nests elements more than {1} deep";
        GridDecoderFailed => "tệp bị hỏng: bộ đọc {0} gặp lỗi khi đọc", "the file is damaged: the {0} reader failed on it";
        GridAreaTooBig => "các trang tính trải trên {0} ô (trang lớn nhất đến ô {1}), vượt {2} ô đọc được từ định dạng này", "the sheets span {0} cells (the largest to {1}), more than the {2} that can be read from this format";
        GridBadContainer => "tệp Excel 97-2003 bị hỏng ({0})", "a damaged Excel 97-2003 file ({0})";
        GridXlsUnreadable => "không đọc được tệp Excel 97-2003 này ({0}); nếu tệp có mật khẩu, hãy lưu một bản không có mật khẩu", "cannot read this Excel 97-2003 file ({0}); if it has a password, save a copy without one";
        GridSheetUnreadable => "không đọc được trang tính `{0}`: {1}", "cannot read sheet `{0}`: {1}";
        GridNotAWorkbook => "không phải một sổ tính đọc được ({0})", "not a readable workbook ({0})";
    } };
}
