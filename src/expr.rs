//! A tiny, total expression language for criteria: campaign files must be able
//! to say how a rate is built without a spreadsheet, and every value it yields is
//! either a finite number or "undefined" (division by zero, a missing cell).

mod lex;

use std::fmt;

use lex::{Tok, Token, lex};

use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::msg;

/// Deeper nesting than this is refused: real criteria never come close, and a
/// hostile file must not overflow the stack.
const MAX_DEPTH: usize = 64;
/// Long operator chains build deep trees too; no real rule needs this many.
const MAX_TOKENS: usize = 1000;

/// Said to users after the criterion it is in.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub struct ParseError {
    /// 1-based character position in the expression.
    pub column: usize,
    pub message: Text,
    pub source_text: String,
}

impl ParseError {
    /// What is wrong, where, in which expression.
    pub fn text(&self) -> Text {
        msg!(ExprAt, self.message, self.column, self.source_text)
    }
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
            return Err(p.error_at(t.col, Msg::ExprTrailing));
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
    /// `Ok(None)` means undefined: a missing cell or a division by zero. A
    /// step whose result is beyond what a double holds (`1e308 * 10`) is
    /// [`Overflow`]: never a silent infinity, nor a silent "undefined".
    pub fn eval(&self, row: &[Option<f64>], slots: &[usize]) -> Result<Option<f64>, Overflow> {
        eval(&self.root, row, slots)
    }
}

/// An expression's arithmetic went beyond the largest double.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

fn truth(x: f64) -> bool {
    x != 0.0
}

fn bool_num(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

fn finite(x: f64) -> Result<Option<f64>, Overflow> {
    if x.is_finite() {
        Ok(Some(x))
    } else {
        Err(Overflow)
    }
}

fn eval(node: &Node, row: &[Option<f64>], slots: &[usize]) -> Result<Option<f64>, Overflow> {
    // `Ok(None)` (undefined) ends the evaluation as `?` would on an Option.
    macro_rules! val {
        ($e:expr) => {
            match eval($e, row, slots)? {
                Some(x) => x,
                None => return Ok(None),
            }
        };
    }
    Ok(match node {
        Node::Num(x) => Some(*x),
        Node::Var(i) => slots.get(*i).and_then(|&s| row.get(s)).copied().flatten(),
        Node::Neg(a) => Some(-val!(a)),
        Node::Not(a) => Some(bool_num(!truth(val!(a)))),
        Node::Bin(BinOp::And, a, b) => {
            // A false side decides the result even when the other is undefined.
            match (eval(a, row, slots)?, eval(b, row, slots)?) {
                (Some(x), _) if !truth(x) => Some(0.0),
                (_, Some(y)) if !truth(y) => Some(0.0),
                (Some(_), Some(_)) => Some(1.0),
                _ => None,
            }
        }
        Node::Bin(BinOp::Or, a, b) => match (eval(a, row, slots)?, eval(b, row, slots)?) {
            (Some(x), _) if truth(x) => Some(1.0),
            (_, Some(y)) if truth(y) => Some(1.0),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        },
        Node::Bin(op, a, b) => {
            let x = val!(a);
            let y = val!(b);
            match op {
                BinOp::Add => return finite(x + y),
                BinOp::Sub => return finite(x - y),
                BinOp::Mul => return finite(x * y),
                BinOp::Div if y == 0.0 => None,
                BinOp::Div => return finite(x / y),
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
            let c = val!(&args[0]);
            return eval(&args[if truth(c) { 1 } else { 2 }], row, slots);
        }
        Node::Call(Func::Abs, args) => Some(val!(&args[0]).abs()),
        Node::Call(f, args) => {
            let mut acc: Option<f64> = None;
            for a in args {
                let v = val!(a);
                acc = Some(match (acc, f) {
                    (None, _) => v,
                    (Some(m), Func::Min) => m.min(v),
                    (Some(m), _) => m.max(v),
                });
            }
            acc
        }
    })
}

struct Parser<'a> {
    source: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    names: Vec<String>,
    depth: usize,
}

impl Parser<'_> {
    fn error_at(&self, column: usize, message: impl Into<Text>) -> ParseError {
        ParseError {
            column,
            message: message.into(),
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

    fn expect(&mut self, want: Tok, what: Msg) -> Result<(), ParseError> {
        if self.peek() == Some(&want) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error_at(self.col(), what))
        }
    }

    fn expr(&mut self) -> Result<Node, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(self.col(), msg!(ExprTooDeep, MAX_DEPTH)));
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
            return Err(self.error_at(self.col(), msg!(ExprTooDeep, MAX_DEPTH)));
        }
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn atom(&mut self) -> Result<Node, ParseError> {
        let col = self.col();
        let Some(tok) = self.tokens.get(self.pos).map(|t| t.tok.clone()) else {
            return Err(self.error_at(col, Msg::ExprNeedsOperandEnd));
        };
        self.pos += 1;
        match tok {
            Tok::Num(n) => Ok(Node::Num(n)),
            Tok::LParen => {
                let inner = self.expr()?;
                self.expect(Tok::RParen, Msg::ExprNeedsParen)?;
                Ok(inner)
            }
            Tok::Ident(name) => self.name_or_call(name, col),
            _ => Err(self.error_at(col, Msg::ExprNeedsOperand)),
        }
    }

    fn name_or_call(&mut self, name: String, col: usize) -> Result<Node, ParseError> {
        if matches!(name.as_str(), "and" | "or" | "not") {
            return Err(self.error_at(col, msg!(ExprWordNeedsValue, name)));
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
                return Err(self.error_at(col, msg!(ExprUnknownFunction, name)));
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
        self.expect(Tok::RParen, Msg::ExprNeedsCommaOrParen)?;
        let ok = if arity.is_empty() {
            !args.is_empty()
        } else {
            arity.contains(&args.len())
        };
        if !ok {
            let want = if arity.is_empty() {
                Text::from(Msg::ExprAtLeastOne)
            } else {
                Text::raw(arity[0].to_string())
            };
            let m = msg!(ExprArity, name, want, args.len());
            return Err(self.error_at(col, m));
        }
        Ok(Node::Call(func, args))
    }
}

#[cfg(test)]
mod tests;
