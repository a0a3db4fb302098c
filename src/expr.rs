//! A tiny, total expression language for criteria: campaign files must be able
//! to say how a rate is built without a spreadsheet, and every value it yields is
//! either a finite number or "undefined" (division by zero, a missing cell).

use std::fmt;

/// Deeper nesting than this is refused: real criteria never come close, and a
/// hostile file must not overflow the stack.
const MAX_DEPTH: usize = 64;
/// Long operator chains build deep trees too; no real rule needs this many.
const MAX_TOKENS: usize = 1000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} at character {column} of `{source_text}`")]
pub struct ParseError {
    /// 1-based character position in the expression.
    pub column: usize,
    pub message: String,
    pub source_text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Func {
    Min,
    Max,
    Abs,
    If,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Num(f64),
    /// Index into [`Expr::names`].
    Var(usize),
    Neg(Box<Node>),
    Not(Box<Node>),
    Bin(BinOp, Box<Node>, Box<Node>),
    Call(Func, Vec<Node>),
}

/// A parsed expression. Names are kept symbolic so a campaign can be checked
/// against any data file; [`Expr::eval`] takes a slot table mapping each name to
/// a column of the row.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    source: String,
    root: Node,
    names: Vec<String>,
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl Expr {
    pub fn parse(source: &str) -> Result<Expr, ParseError> {
        let tokens = lex(source)?;
        let mut p = Parser {
            source,
            tokens,
            pos: 0,
            names: Vec::new(),
            depth: 0,
        };
        let root = p.expr()?;
        if let Some(t) = p.tokens.get(p.pos) {
            return Err(p.error_at(t.col, "unexpected text after the end of the expression"));
        }
        Ok(Expr {
            source: source.to_string(),
            root,
            names: p.names,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The distinct names the expression reads, in order of first use.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Evaluates against one row. `slots[i]` is the column of `names()[i]`.
    /// `None` means undefined: a missing cell, a division by zero, or a
    /// non-finite intermediate.
    pub fn eval(&self, row: &[Option<f64>], slots: &[usize]) -> Option<f64> {
        eval(&self.root, row, slots)
    }
}

fn truth(x: f64) -> bool {
    x != 0.0
}

fn bool_num(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

fn eval(node: &Node, row: &[Option<f64>], slots: &[usize]) -> Option<f64> {
    match node {
        Node::Num(x) => Some(*x),
        Node::Var(i) => row.get(*slots.get(*i)?).copied().flatten(),
        Node::Neg(a) => Some(-eval(a, row, slots)?),
        Node::Not(a) => Some(bool_num(!truth(eval(a, row, slots)?))),
        Node::Bin(BinOp::And, a, b) => {
            // A false side decides the result even when the other is undefined.
            match (eval(a, row, slots), eval(b, row, slots)) {
                (Some(x), _) if !truth(x) => Some(0.0),
                (_, Some(y)) if !truth(y) => Some(0.0),
                (Some(_), Some(_)) => Some(1.0),
                _ => None,
            }
        }
        Node::Bin(BinOp::Or, a, b) => match (eval(a, row, slots), eval(b, row, slots)) {
            (Some(x), _) if truth(x) => Some(1.0),
            (_, Some(y)) if truth(y) => Some(1.0),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        },
        Node::Bin(op, a, b) => {
            let x = eval(a, row, slots)?;
            let y = eval(b, row, slots)?;
            match op {
                BinOp::Add => finite(x + y),
                BinOp::Sub => finite(x - y),
                BinOp::Mul => finite(x * y),
                BinOp::Div if y == 0.0 => None,
                BinOp::Div => finite(x / y),
                BinOp::Eq => Some(bool_num(x == y)),
                BinOp::Ne => Some(bool_num(x != y)),
                BinOp::Lt => Some(bool_num(x < y)),
                BinOp::Le => Some(bool_num(x <= y)),
                BinOp::Gt => Some(bool_num(x > y)),
                BinOp::Ge => Some(bool_num(x >= y)),
                BinOp::And | BinOp::Or => unreachable!("handled above"),
            }
        }
        Node::Call(Func::If, args) => {
            let c = eval(&args[0], row, slots)?;
            eval(&args[if truth(c) { 1 } else { 2 }], row, slots)
        }
        Node::Call(Func::Abs, args) => Some(eval(&args[0], row, slots)?.abs()),
        Node::Call(f, args) => {
            let mut acc: Option<f64> = None;
            for a in args {
                let v = eval(a, row, slots)?;
                acc = Some(match (acc, f) {
                    (None, _) => v,
                    (Some(m), Func::Min) => m.min(v),
                    (Some(m), _) => m.max(v),
                });
            }
            acc
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Ident(String),
    Op(&'static str),
    LParen,
    RParen,
    Comma,
}

#[derive(Debug)]
struct Token {
    tok: Tok,
    /// 1-based character column.
    col: usize,
}

fn lex(src: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let err = |col: usize, msg: String| ParseError {
        column: col,
        message: msg,
        source_text: src.to_string(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            let n = text
                .parse::<f64>()
                .map_err(|_| err(col, format!("`{text}` is not a number")))?;
            out.push(Token {
                tok: Tok::Num(n),
                col,
            });
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Token {
                tok: Tok::Ident(text),
                col,
            });
            continue;
        }
        let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        let (tok, len) = match (c, two.as_str()) {
            (_, "==") => (Tok::Op("=="), 2),
            (_, "!=") => (Tok::Op("!="), 2),
            (_, "<=") => (Tok::Op("<="), 2),
            (_, ">=") => (Tok::Op(">="), 2),
            ('<', _) => (Tok::Op("<"), 1),
            ('>', _) => (Tok::Op(">"), 1),
            ('+', _) => (Tok::Op("+"), 1),
            ('-', _) => (Tok::Op("-"), 1),
            ('*', _) => (Tok::Op("*"), 1),
            ('/', _) => (Tok::Op("/"), 1),
            ('(', _) => (Tok::LParen, 1),
            (')', _) => (Tok::RParen, 1),
            (',', _) => (Tok::Comma, 1),
            ('=', _) => return Err(err(col, "`=` is not an operator: compare with `==`".into())),
            _ => return Err(err(col, format!("unexpected character `{c}`"))),
        };
        out.push(Token { tok, col });
        i += len;
        if out.len() > MAX_TOKENS {
            return Err(err(
                col,
                format!("expression longer than {MAX_TOKENS} tokens"),
            ));
        }
    }
    Ok(out)
}

struct Parser<'a> {
    source: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    names: Vec<String>,
    depth: usize,
}

impl Parser<'_> {
    fn error_at(&self, column: usize, message: &str) -> ParseError {
        ParseError {
            column,
            message: message.to_string(),
            source_text: self.source.to_string(),
        }
    }

    fn end_col(&self) -> usize {
        self.source.chars().count() + 1
    }

    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn col(&self) -> usize {
        self.tokens.get(self.pos).map_or(self.end_col(), |t| t.col)
    }

    fn eat_op(&mut self, ops: &[&'static str]) -> Option<&'static str> {
        match self.peek() {
            Some(Tok::Op(o)) if ops.contains(o) => {
                let o = *o;
                self.pos += 1;
                Some(o)
            }
            _ => None,
        }
    }

    fn eat_word(&mut self, word: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Ident(w)) if w == word) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, want: Tok, what: &str) -> Result<(), ParseError> {
        if self.peek() == Some(&want) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error_at(self.col(), &format!("expected {what}")))
        }
    }

    fn expr(&mut self) -> Result<Node, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(
                self.col(),
                &format!("expression nested deeper than {MAX_DEPTH} levels"),
            ));
        }
        let r = self.or();
        self.depth -= 1;
        r
    }

    fn or(&mut self) -> Result<Node, ParseError> {
        let mut lhs = self.and()?;
        while self.eat_word("or") {
            lhs = Node::Bin(BinOp::Or, Box::new(lhs), Box::new(self.and()?));
        }
        Ok(lhs)
    }

    fn and(&mut self) -> Result<Node, ParseError> {
        let mut lhs = self.not()?;
        while self.eat_word("and") {
            lhs = Node::Bin(BinOp::And, Box::new(lhs), Box::new(self.not()?));
        }
        Ok(lhs)
    }

    fn not(&mut self) -> Result<Node, ParseError> {
        if self.eat_word("not") {
            return Ok(Node::Not(Box::new(self.nested(Self::not)?)));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Node, ParseError> {
        let lhs = self.sum()?;
        let Some(op) = self.eat_op(&["==", "!=", "<", "<=", ">", ">="]) else {
            return Ok(lhs);
        };
        let op = match op {
            "==" => BinOp::Eq,
            "!=" => BinOp::Ne,
            "<" => BinOp::Lt,
            "<=" => BinOp::Le,
            ">" => BinOp::Gt,
            _ => BinOp::Ge,
        };
        Ok(Node::Bin(op, Box::new(lhs), Box::new(self.sum()?)))
    }

    fn sum(&mut self) -> Result<Node, ParseError> {
        let mut lhs = self.product()?;
        while let Some(op) = self.eat_op(&["+", "-"]) {
            let op = if op == "+" { BinOp::Add } else { BinOp::Sub };
            lhs = Node::Bin(op, Box::new(lhs), Box::new(self.product()?));
        }
        Ok(lhs)
    }

    fn product(&mut self) -> Result<Node, ParseError> {
        let mut lhs = self.unary()?;
        while let Some(op) = self.eat_op(&["*", "/"]) {
            let op = if op == "*" { BinOp::Mul } else { BinOp::Div };
            lhs = Node::Bin(op, Box::new(lhs), Box::new(self.unary()?));
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Node, ParseError> {
        if self.eat_op(&["-"]).is_some() {
            return Ok(Node::Neg(Box::new(self.nested(Self::unary)?)));
        }
        if self.eat_op(&["+"]).is_some() {
            return self.nested(Self::unary);
        }
        self.atom()
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Node, ParseError>) -> Result<Node, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(
                self.col(),
                &format!("expression nested deeper than {MAX_DEPTH} levels"),
            ));
        }
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn atom(&mut self) -> Result<Node, ParseError> {
        let col = self.col();
        let Some(tok) = self.tokens.get(self.pos).map(|t| t.tok.clone()) else {
            return Err(self.error_at(
                col,
                "expected a number, a metric name or `(`, found the end",
            ));
        };
        self.pos += 1;
        match tok {
            Tok::Num(n) => Ok(Node::Num(n)),
            Tok::LParen => {
                let inner = self.expr()?;
                self.expect(Tok::RParen, "`)`")?;
                Ok(inner)
            }
            Tok::Ident(name) => self.name_or_call(name, col),
            _ => Err(self.error_at(col, "expected a number, a metric name or `(`")),
        }
    }

    fn name_or_call(&mut self, name: String, col: usize) -> Result<Node, ParseError> {
        if matches!(name.as_str(), "and" | "or" | "not") {
            return Err(self.error_at(col, &format!("`{name}` needs a value before it")));
        }
        if self.peek() != Some(&Tok::LParen) {
            let idx = match self.names.iter().position(|n| *n == name) {
                Some(i) => i,
                None => {
                    self.names.push(name);
                    self.names.len() - 1
                }
            };
            return Ok(Node::Var(idx));
        }
        let (func, arity): (Func, &[usize]) = match name.as_str() {
            "min" => (Func::Min, &[]),
            "max" => (Func::Max, &[]),
            "abs" => (Func::Abs, &[1]),
            "if" => (Func::If, &[3]),
            _ => {
                return Err(self.error_at(
                    col,
                    &format!("unknown function `{name}` (known: min, max, abs, if)"),
                ));
            }
        };
        self.pos += 1;
        let mut args = Vec::new();
        if self.peek() != Some(&Tok::RParen) {
            args.push(self.expr()?);
            while self.peek() == Some(&Tok::Comma) {
                self.pos += 1;
                args.push(self.expr()?);
            }
        }
        self.expect(Tok::RParen, "`,` or `)`")?;
        let ok = if arity.is_empty() {
            !args.is_empty()
        } else {
            arity.contains(&args.len())
        };
        if !ok {
            let want = if arity.is_empty() {
                "at least 1".to_string()
            } else {
                arity[0].to_string()
            };
            return Err(self.error_at(
                col,
                &format!("`{name}` takes {want} argument(s), got {}", args.len()),
            ));
        }
        Ok(Node::Call(func, args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(src: &str, vals: &[(&str, Option<f64>)]) -> Option<f64> {
        let e = Expr::parse(src).unwrap();
        let row: Vec<Option<f64>> = vals.iter().map(|v| v.1).collect();
        let slots: Vec<usize> = e
            .names()
            .iter()
            .map(|n| {
                vals.iter()
                    .position(|v| v.0 == n)
                    .expect("name in test row")
            })
            .collect();
        e.eval(&row, &slots)
    }

    #[test]
    fn arithmetic_and_precedence() {
        assert_eq!(ev("1 + 2 * 3", &[]), Some(7.0));
        assert_eq!(ev("(1 + 2) * 3", &[]), Some(9.0));
        assert_eq!(ev("-2 * -3", &[]), Some(6.0));
        assert_eq!(ev("10 / 4 - 1", &[]), Some(1.5));
        assert_eq!(
            ev(
                "(a + b) / c",
                &[("a", Some(3.0)), ("b", Some(1.0)), ("c", Some(8.0))]
            ),
            Some(0.5)
        );
    }

    #[test]
    fn division_by_zero_and_missing_are_undefined() {
        assert_eq!(ev("a / b", &[("a", Some(0.0)), ("b", Some(0.0))]), None);
        assert_eq!(ev("a + 1", &[("a", None)]), None);
        assert_eq!(
            ev("if(b > 0, a / b, 1)", &[("b", Some(0.0)), ("a", Some(3.0))]),
            Some(1.0)
        );
    }

    #[test]
    fn logic_comparisons_and_functions() {
        assert_eq!(
            ev("a == 0 and b == 0", &[("a", Some(0.0)), ("b", Some(1.0))]),
            Some(0.0)
        );
        assert_eq!(
            ev("a == 0 or b == 0", &[("a", Some(0.0)), ("b", None)]),
            Some(1.0)
        );
        assert_eq!(
            ev("a > 0 and b > 0", &[("a", Some(0.0)), ("b", None)]),
            Some(0.0)
        );
        assert_eq!(ev("not a >= 2", &[("a", Some(1.0))]), Some(1.0));
        assert_eq!(ev("min(1, a / 0.8)", &[("a", Some(0.4))]), Some(0.5));
        assert_eq!(
            ev("max(a - b, 0)", &[("a", Some(1.0)), ("b", Some(3.0))]),
            Some(0.0)
        );
        assert_eq!(ev("abs(0 - 2.5)", &[]), Some(2.5));
        assert_eq!(ev("a != a", &[("a", Some(1.0))]), Some(0.0));
    }

    #[test]
    fn names_are_collected_once() {
        let e = Expr::parse("a / b + a * prev.c").unwrap();
        assert_eq!(e.names(), ["a", "b", "prev.c"]);
    }

    #[test]
    fn errors_point_at_the_character() {
        let e = Expr::parse("a + * b").unwrap_err();
        assert_eq!(e.column, 5);
        assert!(e.to_string().contains("at character 5 of `a + * b`"), "{e}");
        assert_eq!(Expr::parse("(a + b").unwrap_err().column, 7);
        let e = Expr::parse("a = 0").unwrap_err();
        assert!(e.message.contains("=="), "{e}");
        let e = Expr::parse("sqrt(a)").unwrap_err();
        assert!(e.message.contains("unknown function `sqrt`"), "{e}");
        assert_eq!(e.column, 1);
        assert!(
            Expr::parse("if(a, b)")
                .unwrap_err()
                .message
                .contains("takes 3")
        );
        assert_eq!(Expr::parse("a b").unwrap_err().column, 3);
        assert_eq!(Expr::parse("a # b").unwrap_err().column, 3);
        assert!(Expr::parse("").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
        assert!(
            Expr::parse(&deep)
                .unwrap_err()
                .message
                .contains("nested deeper")
        );
        let negs = format!("{}1", "-".repeat(100));
        assert!(
            Expr::parse(&negs)
                .unwrap_err()
                .message
                .contains("nested deeper")
        );
        let nots = format!("{}1", "not ".repeat(100));
        assert!(Expr::parse(&nots).is_err());
        let chain = format!("1{}", "+1".repeat(100_000));
        assert!(
            Expr::parse(&chain)
                .unwrap_err()
                .message
                .contains("longer than")
        );
    }
}
