//! `--help` in the users' language: the doc comments of `cmd` are the English
//! text; this table gives every command and flag its Vietnamese text, and
//! [`command`] builds the command line in the language of messages. A test
//! fails when a command or flag has no Vietnamese text.

use clap::{Command, CommandFactory};

use super::Lang;
use super::messages::Msg;
use crate::cmd::Cli;

/// The command line with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    localize(cmd, lang, "")
}

fn localize(mut cmd: Command, lang: Lang, path: &str) -> Command {
    let vi = lang == Lang::Vi;
    if vi {
        if let Some(about) = vietnamese(path, "") {
            cmd = cmd.about(about);
        }
        cmd = cmd
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                Msg::ClapUsage.text(lang)
            ))
            .subcommand_help_heading("Lệnh")
            .subcommand_value_name("LỆNH");
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |a| {
            if !vi {
                return a;
            }
            let heading = if a.is_positional() {
                "Tham số"
            } else {
                "Tùy chọn"
            };
            let a = a.help_heading(heading);
            match vietnamese(path, &id) {
                Some(text) => a.help(text),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        let sub_path = if path.is_empty() {
            s.clone()
        } else {
            format!("{path} {s}")
        };
        cmd = cmd.mut_subcommand(s.as_str(), |c| localize(c, lang, &sub_path));
    }
    cmd
}

/// A clap error in the language of messages: the common kinds said in the
/// catalogue's words, any other as clap says it (without its `error:`).
pub fn clap_message(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let suggest = || match ctx(ContextKind::SuggestedArg) {
        s if s.is_empty() => match ctx(ContextKind::SuggestedSubcommand) {
            s if s.is_empty() => String::new(),
            s => format!("; {}", crate::msg!(ClapDidYouMean, s)),
        },
        s => format!("; {}", crate::msg!(ClapDidYouMean, s)),
    };
    let arg = || ctx(ContextKind::InvalidArg);
    match e.kind() {
        ErrorKind::UnknownArgument => crate::msg!(ClapUnknownArg, arg()) + &suggest(),
        ErrorKind::InvalidSubcommand => {
            crate::msg!(ClapUnknownCommand, ctx(ContextKind::InvalidSubcommand)) + &suggest()
        }
        ErrorKind::InvalidValue => {
            let mut m = crate::msg!(ClapInvalidValue, ctx(ContextKind::InvalidValue), arg());
            let valid = ctx(ContextKind::ValidValue);
            if !valid.is_empty() {
                m = format!("{m}; {}", crate::msg!(ClapPossible, valid));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => crate::msg!(ClapMissingArg, arg()),
        ErrorKind::MissingSubcommand => Msg::ClapNoCommand.s().to_string(),
        ErrorKind::ArgumentConflict => {
            crate::msg!(ClapConflict, arg(), ctx(ContextKind::PriorArg))
        }
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e).map(|s| s.to_string());
            format!(
                "{}: {}",
                arg(),
                source.unwrap_or_else(|| ctx(ContextKind::InvalidValue))
            )
        }
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            crate::msg!(ClapMissingValue, arg())
        }
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or_default();
            crate::msg!(ClapOther, first.trim_start_matches("error: "))
        }
    }
}

/// The Vietnamese text of a command (`arg` empty) or of one of its flags:
/// `"rank --tier"` first, then a text shared by every command (`"--tier"`).
fn vietnamese(path: &str, arg: &str) -> Option<&'static str> {
    let key = match (path.is_empty(), arg.is_empty()) {
        (true, true) => String::new(),
        (false, true) => path.to_string(),
        (_, false) => format!("{path} --{arg}").trim_start().to_string(),
    };
    // `thidua help rank` shows what `thidua rank --help` says of rank.
    let key = key.strip_prefix("help ").unwrap_or(&key).to_string();
    let find = |k: &str| VI.iter().find(|(key, _)| *key == k).map(|(_, t)| *t);
    find(&key).or_else(|| {
        (!arg.is_empty())
            .then(|| find(&format!("--{arg}")))
            .flatten()
    })
}

/// Vietnamese help: `""` is the program, `"rank"` a command, `"rank --tier"`
/// a flag of one command, `"--tier"` a flag wherever it appears.
const VI: &[(&str, &str)] = &[
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
        "deadlines --lang",
        "Ngôn ngữ của nhãn và thông báo (tên trong tệp phong trào giữ nguyên)",
    ),
    (
        "--ids",
        "Thêm cột \"Mã\" (mã đơn vị) vào bản in, vốn chỉ hiện tên",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(cmd: &Command, path: &str, out: &mut Vec<String>) {
        if vietnamese(path, "").is_none() {
            out.push(format!(
                "{path:?} {:?}",
                cmd.get_about().map(|s| s.to_string())
            ));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if a.is_hide_set() {
                continue;
            }
            if vietnamese(path, id).is_none() {
                out.push(format!(
                    "{path} --{id} {:?}",
                    a.get_help().map(|s| s.to_string())
                ));
            }
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            missing(s, &p, out);
        }
    }

    #[test]
    fn every_command_and_flag_has_a_vietnamese_help() {
        let mut out = Vec::new();
        missing(&command(Lang::En), "", &mut out);
        assert!(
            out.is_empty(),
            "no Vietnamese help for:\n{}",
            out.join("\n")
        );
    }
}
