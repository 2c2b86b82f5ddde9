//! A small JSON parser that keeps byte spans, so every error can point into the file.
//!
//! Unlike a general-purpose parser it rejects what a report must not contain
//! (duplicate keys, `NaN`, lone surrogates, deep nesting) with messages meant
//! for people, and never recurses deeper than [`MAX_DEPTH`].

use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 128;

/// A byte range in the input: `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// One JSON value and where it is in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: Kind,
    pub span: Span,
}

/// What a JSON value holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// A number; `integer` is true when it was written without a fraction or exponent.
    Number {
        value: f64,
        integer: bool,
    },
    String(String),
    Array(Vec<Value>),
    /// Members in file order; keys are unique (duplicates are reported and dropped).
    Object(Vec<Member>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The field name: shared, not copied, when it is one of the names the
    /// parse was given (see [`parse_for_decoding`]).
    pub key: Cow<'static, str>,
    pub key_span: Span,
    pub value: Value,
}

/// A syntax error: a message and the bytes it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
    /// For a duplicate key: the key (the parse goes on, keeping its first use).
    pub duplicate: Option<String>,
}

/// What [`parse`] found: the tree (absent after a fatal error) and every error.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub value: Option<Value>,
    pub errors: Vec<SyntaxError>,
}

impl Kind {
    /// How the kind is named in "expected a string, found a number".
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "a true/false value",
            Kind::Number { .. } => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "a list",
            Kind::Object(_) => "an object",
        }
    }
}

impl Value {
    /// The member `key` of an object, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match &self.kind {
            Kind::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    /// The deepest value along a path like `trips[3].vessel`, and whether it went all the way.
    pub fn find(&self, path: &str) -> (&Value, bool) {
        let mut here = self;
        for step in steps(path) {
            let next = match (step, &here.kind) {
                (Step::Key(key), Kind::Object(_)) => here.get(key),
                (Step::Index(i), Kind::Array(items)) => items.get(i),
                _ => None,
            };
            match next {
                Some(v) => here = v,
                None => return (here, false),
            }
        }
        (here, true)
    }

    /// The path (`trips[0].sources`) of the innermost value containing byte `offset`.
    pub fn path_at(&self, offset: usize) -> String {
        let mut path = String::new();
        let mut here = self;
        loop {
            let inside = |s: Span| s.start <= offset && offset < s.end;
            match &here.kind {
                Kind::Object(members) => {
                    let i = members.partition_point(|m| m.value.span.end <= offset);
                    match members.get(i).filter(|m| inside(m.value.span)) {
                        Some(m) if path.is_empty() => path.push_str(&m.key),
                        Some(m) => path = format!("{path}.{}", m.key),
                        None => return path,
                    }
                    here = match members.get(i) {
                        Some(m) => &m.value,
                        None => return path,
                    };
                }
                Kind::Array(items) => {
                    let i = items.partition_point(|v| v.span.end <= offset);
                    here = match items.get(i).filter(|v| inside(v.span)) {
                        Some(v) => v,
                        None => return path,
                    };
                    path = format!("{path}[{i}]");
                }
                _ => return path,
            }
        }
    }
}

/// Whether two field names are equal: the parser and the decoder ask this
/// of every member they read, so the quick answers come first (the same
/// shared name, or a different length), and the bytes of names this short
/// are compared in line: a call to `memcmp` for each made checking a large
/// report a tenth slower.
#[inline(always)]
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || (a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y))
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `a.b[2].c` into `a`, `b`, `2`, `c`.
fn steps(path: &str) -> impl Iterator<Item = Step<'_>> {
    path.split('.').filter(|s| !s.is_empty()).flat_map(|part| {
        let (name, rest) = match part.find('[') {
            Some(i) => (part.get(..i).unwrap_or(""), part.get(i..).unwrap_or("")),
            None => (part, ""),
        };
        let key = (!name.is_empty()).then_some(Step::Key(name));
        let indexes = rest
            .split(['[', ']'])
            .filter(|s| !s.is_empty())
            .map(|s| Step::Index(s.parse().unwrap_or(usize::MAX)));
        key.into_iter().chain(indexes)
    })
}

/// Parses `text` as one JSON document, starting at byte `start` (to skip a byte order mark).
pub fn parse(text: &str, start: usize) -> Parsed {
    parse_with(text, start, &[], true)
}

/// Like [`parse`], for the decoder, which copies out only the strings it
/// keeps: an object key equal to one of `names` shares that string rather
/// than getting a copy of its own (a report repeats a few dozen field names
/// hundreds of thousands of times), and a string value without escapes is
/// left empty, to be read from the input by its span ([`string_of`]). Every
/// string is still checked; only the copies are saved, an allocation each.
pub(crate) fn parse_for_decoding(text: &str, start: usize, names: &[&'static str]) -> Parsed {
    parse_with(text, start, names, false)
}

/// Whether `text` is one JSON number and nothing else ("42", not "42 t").
pub(crate) fn is_number(text: &str) -> bool {
    let parsed = parse(text, 0);
    parsed.errors.is_empty()
        && matches!(
            parsed.value,
            Some(Value {
                kind: Kind::Number { .. },
                ..
            })
        )
}

/// The text of the string value `v` of a tree from [`parse_for_decoding`]:
/// borrowed from the input, unless it has escapes, which the parse read.
pub(crate) fn string_of<'t>(text: &'t str, v: &Value) -> Cow<'t, str> {
    match &v.kind {
        // only a string with escapes was kept (an escape always adds a character)
        Kind::String(unescaped) if !unescaped.is_empty() => Cow::Owned(unescaped.clone()),
        _ => Cow::Borrowed(
            text.get(v.span.start + 1..v.span.end.saturating_sub(1))
                .unwrap_or(""),
        ),
    }
}

fn parse_with(text: &str, start: usize, names: &[&'static str], strings: bool) -> Parsed {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        names: Names::new(names),
        strings,
        pos: start,
        depth: 0,
        dups: Vec::new(),
        members: Vec::new(),
        items: Vec::new(),
    };
    let result = p.document();
    let mut errors = std::mem::take(&mut p.dups);
    match result {
        Ok(value) => Parsed {
            value: Some(value),
            errors,
        },
        Err(e) => {
            errors.push(e);
            let starts: Vec<usize> = errors.iter().map(|e| e.span.start).collect();
            let mut slots: Vec<Option<SyntaxError>> = errors.into_iter().map(Some).collect();
            let errors = in_file_order(&starts)
                .into_iter()
                .filter_map(|i| slots.get_mut(i).and_then(Option::take))
                .collect();
            Parsed {
                value: None,
                errors,
            }
        }
    }
}

/// The positions of `starts` (byte offsets) in file order, equal offsets in
/// the order given.
pub(crate) fn in_file_order(starts: &[usize]) -> Vec<usize> {
    crate::order::stable_order(starts.len(), &|a, b| starts[a].cmp(&starts[b]))
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    /// Keys to share rather than copy.
    names: Names,
    /// Whether every string value is copied into the tree (else only those with escapes).
    strings: bool,
    pos: usize,
    depth: usize,
    dups: Vec<SyntaxError>,
    /// The members of the objects being read, innermost last; each object
    /// takes its own off the top when it closes, into a list of exactly its
    /// size (growing one list per object cost a reallocation every few
    /// members), in one copy (`split_off`: taking them one by one copied
    /// each member twice, a third of the parse).
    members: Vec<Member>,
    /// The same for the items of arrays.
    items: Vec<Value>,
}

type Result<T> = std::result::Result<T, SyntaxError>;

/// The keys to share: a small open-addressing table on a cheap hash of a
/// name's length, first and last bytes. The parser asks it about every key,
/// so it must cost less than the allocation it saves (a general hash set did not).
struct Names(Vec<Option<&'static str>>);

impl Names {
    fn new(names: &[&'static str]) -> Names {
        // at most a quarter full, so that a lookup rarely looks past its first slot
        let size = match names.len() {
            0 => 0,
            n => (n * 4).next_power_of_two(),
        };
        let mut slots = vec![None; size];
        for &name in names {
            let mut i = Names::slot(name, size);
            while let Some(Some(other)) = slots.get(i) {
                if *other == name {
                    break;
                }
                i = (i + 1) & size.saturating_sub(1);
            }
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(name);
            }
        }
        Names(slots)
    }

    fn slot(key: &str, size: usize) -> usize {
        let b = key.as_bytes();
        let (first, last) = (b.first().copied(), b.last().copied());
        let mixed = b.len() * 31 + usize::from(first.unwrap_or(0)) * 7;
        // `size` is a power of two: the mask is the remainder without a division
        (mixed + usize::from(last.unwrap_or(0))) & size.saturating_sub(1)
    }

    /// The shared copy of `key`, if it is one of the names.
    fn get(&self, key: &str) -> Option<&'static str> {
        let size = self.0.len();
        let mut i = Names::slot(key, size);
        // every lookup ends at an empty slot (a quarter of them at most are full)
        loop {
            match self.0.get(i)? {
                Some(name) if same_name(name, key) => return Some(name),
                Some(_) => i = (i + 1) & size.saturating_sub(1),
                None => return None,
            }
        }
    }
}

impl<'a> Parser<'a> {
    fn document(&mut self) -> Result<Value> {
        self.skip_ws();
        if self.peek().is_none() {
            return Err(self.err_at(
                self.pos,
                0,
                "the file is empty: a report is one JSON object",
            ));
        }
        let value = self.value()?;
        self.skip_ws();
        if self.peek().is_some() {
            return Err(self.err_char("unexpected content after the end of the document"));
        }
        Ok(value)
    }

    // `peek` and `skip_ws` run for nearly every byte: always in line, where
    // the size-optimised build made each a call
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        self.skip_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
    }

    /// Moves past the bytes that match: one tight loop over the input, rather
    /// than a call per byte (nor one to the iterator's `position`, which the
    /// size-optimised build left out of line).
    #[inline(always)]
    fn skip_while(&mut self, matches: impl Fn(u8) -> bool) {
        let rest = self.s.get(self.pos..).unwrap_or_default();
        let mut taken = 0;
        for &b in rest {
            if !matches(b) {
                break;
            }
            taken += 1;
        }
        self.pos += taken;
    }

    fn err_at(&self, start: usize, len: usize, message: &str) -> SyntaxError {
        SyntaxError {
            message: message!("{message}"),
            span: Span::new(start, start + len),
            duplicate: None,
        }
    }

    /// An error about the character at the current position (or the end of the file).
    fn err_char(&self, message: &str) -> SyntaxError {
        match self.text.get(self.pos..).and_then(|t| t.chars().next()) {
            Some(c) => self.err_at(self.pos, c.len_utf8(), message),
            None => self.eof(),
        }
    }

    fn eof(&self) -> SyntaxError {
        self.err_at(self.s.len(), 0, "the file ends too early: something is missing at the end (a closing bracket, brace or quote?)")
    }

    fn unexpected(&self, wanted: &str) -> SyntaxError {
        let found = match self.text.get(self.pos..).and_then(|t| t.chars().next()) {
            None => return self.eof(),
            Some(c) => c,
        };
        let hint = match found {
            '\'' => " (JSON strings use double quotes)",
            '/' => " (JSON has no comments)",
            ']' | '}' => " (is there a comma too many before it?)",
            '"' | '{' | '[' | '0'..='9' | '-' if wanted.starts_with("`,`") => {
                " (is a comma missing before it?)"
            }
            _ => "",
        };
        self.err_char(&message!("expected {wanted}, found `{found}`{hint}"))
    }

    fn value(&mut self) -> Result<Value> {
        let start = self.pos;
        let kind = match self.peek() {
            None => return Err(self.eof()),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => {
                // for the decoder, only a string with escapes (see `string_of`)
                Kind::String(match self.string()? {
                    Cow::Borrowed(raw) if self.strings => raw.to_string(),
                    Cow::Borrowed(_) => String::new(),
                    Cow::Owned(unescaped) => unescaped,
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.word("true", Kind::Bool(true))?,
            Some(b'f') => self.word("false", Kind::Bool(false))?,
            Some(b'n') => self.word("null", Kind::Null)?,
            Some(b'N') if self.s.get(start..).is_some_and(|r| r.starts_with(b"NaN")) => {
                return Err(self.err_at(start, 3, "`NaN` is not a number JSON allows"));
            }
            Some(b'I')
                if self
                    .s
                    .get(start..)
                    .is_some_and(|r| r.starts_with(b"Infinity")) =>
            {
                return Err(self.err_at(start, 8, "`Infinity` is not a number JSON allows"));
            }
            Some(_) => return Err(self.unexpected("a value")),
        };
        Ok(Value {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn word(&mut self, word: &str, kind: Kind) -> Result<Kind> {
        if self
            .s
            .get(self.pos..)
            .is_some_and(|r| r.starts_with(word.as_bytes()))
        {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err_at(
                self.pos,
                1,
                &message!("nesting is deeper than {MAX_DEPTH} levels"),
            ));
        }
        self.pos += 1;
        Ok(())
    }

    fn array(&mut self) -> Result<Kind> {
        self.enter()?;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Kind::Array(Vec::new()));
        }
        let first = self.items.len();
        loop {
            self.skip_ws();
            let item = self.value()?;
            self.items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => return Err(self.unexpected("`,` or `]`")),
            }
        }
        self.pos += 1;
        self.depth -= 1;
        let items = self.items.split_off(first);
        Ok(Kind::Array(items))
    }

    fn object(&mut self) -> Result<Kind> {
        self.enter()?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Kind::Object(Vec::new()));
        }
        let first = self.members.len();
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("a field name in double quotes"));
            }
            let key_start = self.pos;
            let key = self.key()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.unexpected("`:`"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            self.members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => break,
                _ => return Err(self.unexpected("`,` or `}`")),
            }
        }
        self.pos += 1;
        self.depth -= 1;
        let mut members = self.members.split_off(first);
        self.drop_duplicates(&mut members);
        Ok(Kind::Object(members))
    }

    /// Reports every key seen before in the same object, and keeps only its first use.
    fn drop_duplicates(&mut self, members: &mut Vec<Member>) {
        let mut dup = Vec::new();
        if members.len() <= 16 {
            for (i, m) in members.iter().enumerate() {
                if members
                    .get(..i)
                    .is_some_and(|before| before.iter().any(|b| b.key == m.key))
                {
                    dup.push(i);
                }
            }
        } else {
            // Each key's first member (a map, like the crate's lookups by id).
            let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
            for (i, m) in members.iter().enumerate() {
                if seen.insert(&*m.key, i).is_some() {
                    dup.push(i);
                }
            }
        }
        for &i in dup.iter().rev() {
            if i < members.len() {
                let m = members.remove(i);
                let message = message!("the field `{}` appears twice in the same object", m.key);
                self.dups.push(SyntaxError {
                    message,
                    span: m.key_span,
                    duplicate: Some(m.key.into_owned()),
                });
            }
        }
    }

    fn number(&mut self) -> Result<Kind> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
            if self
                .s
                .get(self.pos..)
                .is_some_and(|r| r.starts_with(b"Infinity"))
            {
                return Err(self.err_at(start, 9, "`-Infinity` is not a number JSON allows"));
            }
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.err_at(
                        start,
                        self.pos + 1 - start,
                        "numbers must not start with a 0",
                    ));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected("a digit")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            self.require_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.require_digits()?;
        }
        let text = self.text.get(start..self.pos).unwrap_or("");
        match crate::decimal::parse(text) {
            Some(value) => Ok(Kind::Number { value, integer }),
            None => Err(self.err_at(start, self.pos - start, "this number is too large")),
        }
    }

    fn digits(&mut self) {
        self.skip_while(|b| b.is_ascii_digit());
    }

    fn require_digits(&mut self) -> Result<()> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.unexpected("a digit"));
        }
        self.digits();
        Ok(())
    }

    /// An object key: one of the shared names when it is one.
    fn key(&mut self) -> Result<Cow<'static, str>> {
        Ok(match self.string()? {
            Cow::Borrowed(raw) => match self.names.get(raw) {
                Some(name) => Cow::Borrowed(name),
                None => Cow::Owned(raw.to_string()),
            },
            Cow::Owned(own) => Cow::Owned(own),
        })
    }

    /// Reads a string starting at its opening quote; borrowed from the input when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        // the bytes taken as they are: all but quotes, backslashes and control characters
        self.skip_while(|b| b != b'"' && b != b'\\' && b >= 0x20);
        match self.peek() {
            Some(b'"') => {
                let raw = self.text.get(start..self.pos).unwrap_or("");
                self.pos += 1;
                Ok(Cow::Borrowed(raw))
            }
            // the rare string with escapes, in a function of its own, so that
            // the common one has no buffer to make or free
            Some(b'\\') => self.unescaped(open, start).map(Cow::Owned),
            _ => Err(self.string_cut_short(open)),
        }
    }

    /// The rest of a string from its first escape on, with the text before it
    /// (from `start`) and its escapes read.
    fn unescaped(&mut self, open: usize, start: usize) -> Result<String> {
        let mut out = String::new();
        let mut chunk = start;
        loop {
            self.skip_while(|b| b != b'"' && b != b'\\' && b >= 0x20);
            match self.peek() {
                Some(b'"') => {
                    out.push_str(self.text.get(chunk..self.pos).unwrap_or(""));
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(chunk..self.pos).unwrap_or(""));
                    self.escape(&mut out)?;
                    chunk = self.pos;
                }
                _ => return Err(self.string_cut_short(open)),
            }
        }
    }

    /// Why a string stopped before its closing quote: the end of the file, or
    /// a control character (the only other byte the string's loop stops at).
    fn string_cut_short(&self, open: usize) -> SyntaxError {
        match self.peek() {
            None => self.err_at(open, 1, "this string is never closed: a `\"` is missing"),
            Some(b) => {
                let what = if b == b'\n' {
                    "a line break"
                } else {
                    "a control character"
                };
                let msg =
                    message!("{what} inside a string must be written as an escape such as \\n");
                self.err_at(self.pos, 1, &msg)
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let start = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            None => return Err(self.eof()),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                return self.unicode(start, out);
            }
            Some(_) => {
                // the backslash and the whole character after it
                let bad = self
                    .text
                    .get(self.pos..)
                    .and_then(|t| t.chars().next())
                    .map_or(1, char::len_utf8);
                return Err(self.err_at(
                    start,
                    1 + bad,
                    "unknown escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
                ));
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    /// Reads the 4 hex digits after `\u` (and a second escape for a surrogate pair).
    fn unicode(&mut self, start: usize, out: &mut String) -> Result<()> {
        let lone = "a lone surrogate escape (\\uD800 to \\uDFFF) is not a character";
        let first = self.hex4(start)?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self
                    .s
                    .get(self.pos..)
                    .is_some_and(|r| r.starts_with(b"\\u"))
                {
                    return Err(self.err_at(start, self.pos - start, lone));
                }
                self.pos += 2;
                let second = self.hex4(start)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.err_at(start, self.pos - start, lone));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.err_at(start, self.pos - start, lone)),
            c => c,
        };
        match char::from_u32(code) {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => Err(self.err_at(start, self.pos - start, lone)),
        }
    }

    fn hex4(&mut self, start: usize) -> Result<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            match digit {
                Some(d) => code = code * 16 + d,
                None => {
                    // up to and including the offending character: none at the end of the file
                    let bad = self
                        .text
                        .get(self.pos..)
                        .and_then(|t| t.chars().next())
                        .map_or(0, char::len_utf8);
                    return Err(self.err_at(
                        start,
                        self.pos + bad - start,
                        "\\u must be followed by 4 hex digits",
                    ));
                }
            }
            self.pos += 1;
        }
        Ok(code)
    }
}
