//! What the reader has chosen (a vessel, a date range, an "as of" date), kept
//! in the URL query so that reload, sharing, back and forward all work:
//! `?vessel=lady-r&from=2024-01&to=2024-03&asof=2024-03-01`.
//!
//! This is the one place that reads and writes the URL.

use leptos::prelude::*;
use sealift_format::Date;

use crate::embed::in_embed;

/// The reader's choices. Parameters this module does not know are kept as they
/// came, so that other features' flags survive a change of selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReaderState {
    /// The selected vessel's id: highlighted everywhere, claims filtered to it.
    pub vessel: Option<String>,
    /// Start of the brushed date range.
    pub from: Option<Date>,
    /// End of the brushed date range.
    pub to: Option<Date>,
    /// Show only what had been stated or observed by this date.
    pub as_of: Option<Date>,
    /// Claims filtered to one actor.
    pub actor: Option<String>,
    /// Claims filtered to one place.
    pub place: Option<String>,
    /// Every other parameter, in order.
    pub other: Vec<(String, String)>,
}

impl ReaderState {
    /// Chooses `vessel`, or shows every vessel again when it is the one
    /// chosen: what clicking a vessel's name, card or key entry does.
    pub fn toggle_vessel(&mut self, vessel: &str) {
        self.vessel = if self.vessel.as_deref() == Some(vessel) {
            None
        } else {
            Some(vessel.to_owned())
        };
    }

    /// Reads a query string (with or without its leading `?`). Values that do
    /// not parse (a bad date) are dropped rather than trusted.
    pub fn from_query(query: &str) -> Self {
        let mut state = Self::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key), decode(value));
            let id = || Some(value.clone()).filter(|v| !v.is_empty());
            let date = || Date::parse(&value).ok();
            match key.as_str() {
                "vessel" => state.vessel = id(),
                "from" => state.from = date(),
                "to" => state.to = date(),
                "asof" => state.as_of = date(),
                "actor" => state.actor = id(),
                "place" => state.place = id(),
                _ => state.other.push((key, value)),
            }
        }
        state
    }

    /// The query string for this state: `?vessel=lady-r&asof=2024-03-01`, or
    /// an empty string when nothing is chosen.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut add = |key: &str, value: Option<String>| {
            if let Some(value) = value {
                pairs.push((key.to_owned(), value));
            }
        };
        add("vessel", self.vessel.clone());
        add("from", self.from.as_ref().map(|d| d.to_string()));
        add("to", self.to.as_ref().map(|d| d.to_string()));
        add("asof", self.as_of.as_ref().map(|d| d.to_string()));
        add("actor", self.actor.clone());
        add("place", self.place.clone());
        pairs.extend(self.other.iter().cloned());
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs
            .iter()
            .map(|(k, v)| {
                if v.is_empty() {
                    encode(k)
                } else {
                    format!("{}={}", encode(k), encode(v))
                }
            })
            .collect();
        format!("?{}", body.join("&"))
    }

    /// The value of a parameter this module does not interpret itself.
    pub fn flag(&self, key: &str) -> Option<&str> {
        self.other
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets a parameter this module does not interpret itself, in its place
    /// when it is already there, otherwise at the end.
    pub fn set_flag(&mut self, key: &str, value: &str) {
        match self.other.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => value.clone_into(v),
            None => self.other.push((key.to_owned(), value.to_owned())),
        }
    }
}

/// Percent-encodes everything but the characters ids and dates use.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Undoes `encode` (and `+` for space, as forms write it). Broken escapes stay as they are.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (byte, hex) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The reader's state as the views read it (see [`use_reader_state`]).
///
/// Every change goes to the one state the URL follows. A view reads either
/// that state or, if it is a chart that may be out of sight, its own copy of
/// it (see [`ReaderStateSignal::seen_while`]).
#[derive(Clone, Copy)]
pub struct ReaderStateSignal {
    /// What the reader has chosen.
    chosen: RwSignal<ReaderState>,
    /// What this view shows: `chosen` itself, or a copy that catches up.
    shown: RwSignal<ReaderState>,
}

/// How long what the reader does not watch change (a chart out of sight,
/// the address, spoken labels) waits for the reader to pause before it
/// catches up: dragging the "as of" slider sends a change every frame.
const PAUSE_MS: u64 = 250;

impl ReaderStateSignal {
    /// A state of its own, not kept in the URL (a view mounted alone, a test).
    pub fn new(state: ReaderState) -> Self {
        let chosen = RwSignal::new(state);
        Self {
            chosen,
            shown: chosen,
        }
    }

    /// Reads the state this view shows (tracked).
    pub fn with<T>(&self, f: impl FnOnce(&ReaderState) -> T) -> T {
        self.shown.with(f)
    }

    /// Reads the state this view shows (not tracked).
    pub fn with_untracked<T>(&self, f: impl FnOnce(&ReaderState) -> T) -> T {
        self.shown.with_untracked(f)
    }

    /// The state this view shows (tracked).
    pub fn get(&self) -> ReaderState {
        self.shown.get()
    }

    /// The state this view shows (not tracked).
    pub fn get_untracked(&self) -> ReaderState {
        self.shown.get_untracked()
    }

    /// Changes what the reader has chosen.
    pub fn update(&self, f: impl FnOnce(&mut ReaderState)) {
        self.chosen.update(f);
    }

    /// Replaces what the reader has chosen.
    pub fn set(&self, state: ReaderState) {
        self.chosen.set(state);
    }

    /// A copy for a view that is not always in sight. It follows the
    /// reader's choices while `in_sight`, and otherwise once the reader has
    /// paused, or when the view comes into sight, or before the page is
    /// printed. (Moving the "as of" slider on a 10,000-trip report redrew
    /// every chart on the page for each step, most of them out of sight.)
    pub fn seen_while(self, in_sight: RwSignal<bool>) -> Self {
        let chosen = self.chosen;
        let shown = RwSignal::new(chosen.get_untracked());
        let pause = Pause::new();
        let catch_up = move || {
            pause.stop();
            if let Some(now) = chosen.try_get_untracked()
                && shown.try_with_untracked(|seen| *seen != now) == Some(true)
            {
                shown.try_set(now);
            }
        };
        Effect::new(move |_| {
            chosen.track();
            if in_sight.get() {
                catch_up();
            } else {
                pause.restart(catch_up);
            }
        });
        let on_print = window_event_listener(leptos::ev::beforeprint, move |_| catch_up());
        on_cleanup(move || on_print.remove());
        Self { chosen, shown }
    }
}

/// Counts the reader's pauses after changes to what `changes` reads (and
/// the page's printings): for what follows the reader's choices without
/// being seen to, such as the spoken labels of a map's thousand places,
/// which cost a tenth of each step of the "as of" slider when rewritten
/// every step.
pub fn pauses_after(changes: impl Fn() + 'static) -> Memo<u32> {
    let pauses = RwSignal::new(0u32);
    let pause = Pause::new();
    let count = move || {
        pause.stop();
        pauses.try_update(|n| *n += 1);
    };
    Effect::new(move |before: Option<()>| {
        changes();
        if before.is_some() {
            pause.restart(count);
        }
    });
    let on_print = window_event_listener(leptos::ev::beforeprint, move |_| count());
    on_cleanup(move || on_print.remove());
    Memo::new(move |_| pauses.get())
}

/// A timer that waits for the reader to pause: each restart puts it off.
#[derive(Clone, Copy)]
struct Pause {
    waiting: StoredValue<Option<TimeoutHandle>>,
}

impl Pause {
    fn new() -> Self {
        Self {
            waiting: StoredValue::new(None),
        }
    }

    /// Calls `then` once [`PAUSE_MS`] pass without another restart.
    fn restart(&self, then: impl FnOnce() + 'static) {
        self.stop();
        let timer = set_timeout_with_handle(then, std::time::Duration::from_millis(PAUSE_MS));
        self.waiting.try_set_value(timer.ok());
    }

    fn stop(&self) {
        if let Some(timer) = self.waiting.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}

/// Reads the state from the URL, keeps the URL in step with it and follows
/// the back and forward buttons. A new choice adds a history entry; dragging
/// an already chosen date (as of, range) only replaces the current one, so
/// that "back" does not replay every step of a slider.
///
/// An embed only reads its address: an iframe's history entries are its host
/// article's, and "back" there should leave the article, not undo a filter.
pub fn provide_reader_state() -> ReaderStateSignal {
    let state = ReaderStateSignal::new(ReaderState::from_query(&current_query()));
    provide_context(state);
    if in_embed() {
        return state;
    }
    let pause = Pause::new();
    Effect::new(move |previous: Option<ReaderState>| {
        let now = state.get();
        let query = now.to_query();
        if query != address_query() {
            let adjusting = previous
                .as_ref()
                .is_some_and(|before| is_adjustment(before, &now));
            write_query_soon(query, !adjusting, pause);
        }
        now
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        UNWRITTEN.with(|unwritten| unwritten.take());
        state.set(ReaderState::from_query(&current_query()));
    });
    on_cleanup(move || handle.remove());
    state
}

/// Whether `after` only moves dates that `before` had already set.
fn is_adjustment(before: &ReaderState, after: &ReaderState) -> bool {
    let same_choices = before.vessel == after.vessel
        && before.actor == after.actor
        && before.place == after.place
        && before.other == after.other;
    let moved = |b: &Option<Date>, a: &Option<Date>| b == a || (b.is_some() && a.is_some());
    same_choices
        && moved(&before.as_of, &after.as_of)
        && moved(&before.from, &after.from)
        && moved(&before.to, &after.to)
}

/// The shared state, or a fresh one when a component is mounted on its own (tests, embeds).
pub fn use_reader_state() -> ReaderStateSignal {
    use_context::<ReaderStateSignal>()
        .unwrap_or_else(|| ReaderStateSignal::new(ReaderState::default()))
}

/// The chosen vessel, as thousands of marks ask about it. Each mark follows
/// only its own answer (a [`Selector`] per question), so choosing another
/// vessel redraws the marks whose answer changed, each through its own small
/// list of readers. (When every mark read the whole state, each one redrew on
/// any change and left and rejoined the state's list of readers, which is
/// linear: one click on a 10,000-trip report took 19 s.)
///
/// The marks of the other vessels step back through one class on their
/// group (`is-choosing`), not a class on each.
#[derive(Clone, Copy)]
pub struct VesselChoice {
    chosen: StoredValue<Selector<Option<String>>>,
}

impl VesselChoice {
    pub fn new(state: ReaderStateSignal) -> Self {
        let vessel = move || state.with(|s| s.vessel.clone());
        Self {
            chosen: StoredValue::new(Selector::new(vessel)),
        }
    }

    /// Whether `vessel` is the chosen one (never for `None`: rail and port
    /// activity, which belongs to no vessel).
    pub fn is_chosen(&self, vessel: Option<&str>) -> bool {
        vessel.is_some()
            && self
                .chosen
                .with_value(|chosen| chosen.selected(&vessel.map(str::to_owned)))
    }
}

/// The page's query string as it is now (`?vessel=lady-r`), or "".
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

thread_local! {
    /// The query the address will have once [`write_query_soon`] writes it,
    /// and whether it makes a history entry.
    static UNWRITTEN: std::cell::RefCell<Option<(String, bool)>> =
        const { std::cell::RefCell::new(None) };
}

/// The query the address has, or is about to have.
fn address_query() -> String {
    UNWRITTEN
        .with(|unwritten| unwritten.borrow().as_ref().map(|(query, _)| query.clone()))
        .unwrap_or_else(current_query)
}

/// Writes the query into the address: a new history entry once the page
/// has painted the change and is idle (on a large report the browser takes
/// milliseconds over each address change, which the reader would otherwise
/// wait for: a timer after the frame still came before the next one), and
/// a date being dragged once the reader pauses (each step of a slider wrote
/// the address again, and browsers stop listening to pages that write it
/// that often). Changes made in the meantime are written once, as one
/// history entry if any of them asked for one.
fn write_query_soon(query: String, new_entry: bool, pause: Pause) {
    UNWRITTEN.with(|unwritten| {
        let mut unwritten = unwritten.borrow_mut();
        let new_entry = new_entry || unwritten.as_ref().is_some_and(|(_, entry)| *entry);
        *unwritten = Some((query, new_entry));
    });
    let write = || {
        if let Some((query, new_entry)) = UNWRITTEN.with(|u| u.take()) {
            write_query(&query, new_entry);
        }
    };
    if new_entry {
        pause.stop();
        // Once the change is painted and the page is idle.
        request_idle_callback(write);
    } else {
        pause.restart(write);
    }
}

fn write_query(query: &str, new_entry: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = window.history() {
        let _ = if new_entry {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_query_round_trips() {
        let query = "?vessel=lady-r&from=2024-01&to=2024-03&asof=2024-03-01";
        let state = ReaderState::from_query(query);
        assert_eq!(state.vessel.as_deref(), Some("lady-r"));
        assert_eq!(
            state.from.as_ref().map(|d| d.to_string()).as_deref(),
            Some("2024-01")
        );
        assert_eq!(
            state.as_of.as_ref().map(|d| d.to_string()).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(state.to_query(), query);
    }

    #[test]
    fn unknown_parameters_survive_and_bad_dates_are_dropped() {
        let state = ReaderState::from_query("embed=map&asof=2024-13&lang=uk&plain");
        assert_eq!(state.as_of, None);
        assert_eq!(state.flag("embed"), Some("map"));
        assert_eq!(state.flag("plain"), Some(""));
        assert_eq!(state.to_query(), "?embed=map&lang=uk&plain");
    }

    #[test]
    fn a_flag_is_set_in_its_place() {
        let mut state = ReaderState::from_query("lang=en&embed=map");
        state.set_flag("lang", "uk");
        assert_eq!(state.to_query(), "?lang=uk&embed=map");
        state.set_flag("dark", "true");
        assert_eq!(state.to_query(), "?lang=uk&embed=map&dark=true");
    }

    #[test]
    fn uncertain_dates_are_escaped() {
        let state = ReaderState {
            as_of: Date::parse("2024-03?").ok(),
            ..ReaderState::default()
        };
        assert_eq!(state.to_query(), "?asof=2024-03%3F");
        assert_eq!(ReaderState::from_query(&state.to_query()), state);
        assert_eq!(ReaderState::default().to_query(), "");
    }
}
