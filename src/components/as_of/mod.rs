//! The "as of" control: a reader picks a date and every view shows only what
//! had been stated or observed by then, to replay how the picture changed.

use leptos::prelude::*;

use crate::components::scale::{date_of_day, day_number};
use crate::coordinates::Decimals;
use crate::data::SharedReport;
use crate::i18n::{fill, tr, ui_lang};
use crate::math;
use crate::state::use_reader_state;
use crate::text::date_text;
use crate::visible::{day_date, report_days};

/// A slider over the report's dates, with the chosen date in words and a reset.
#[component]
pub fn AsOfControl(report: SharedReport) -> impl IntoView {
    let state = use_reader_state();
    let Some(days) = report_days(&report) else {
        return ().into_any();
    };
    let (first, last) = (day_number(days.start), day_number(days.end));
    let value = move || {
        let day = state
            .with(|s| s.as_of.as_ref().map(|d| day_number(d.last_day())))
            .unwrap_or(last);
        math::clamp(day, first, last)
    };
    let label = move || {
        state.with(|s| match &s.as_of {
            Some(date) => fill(
                tr("Showing what was known by {date}"),
                &[("date", &date_text(date))],
            ),
            None => tr("Showing everything in the report").to_owned(),
        })
    };
    let set_day = move |ev: leptos::ev::Event| {
        // The slider steps by whole days (and a whole number parses without float tables).
        if let Ok(day) = event_target_value(&ev).parse::<i32>().map(f64::from) {
            let date = (day < last).then(|| day_date(date_of_day(day)));
            state.update(|s| s.as_of = date);
        }
    };
    let first_text = date_text(&day_date(days.start));
    let last_text = date_text(&day_date(days.end));
    view! {
        <section class="as-of" lang=ui_lang() aria-label=tr("Replay the story by date")>
            <label class="as-of__label" for="as-of-slider">
                <span class="as-of__title">{tr("As of")}</span>
                <span class="as-of__value" aria-live="polite">{label}</span>
            </label>
            <div class="as-of__track">
                <span class="as-of__end" aria-hidden="true">{first_text}</span>
                <input
                    id="as-of-slider"
                    class="as-of__slider"
                    type="range"
                    min=Decimals(first, 0).to_string()
                    max=Decimals(last, 0).to_string()
                    step="1"
                    prop:value=move || Decimals(value(), 0).to_string()
                    aria-valuetext=label
                    on:input=set_day
                />
                <span class="as-of__end" aria-hidden="true">{last_text}</span>
            </div>
            <button
                type="button"
                class="as-of__reset"
                prop:disabled=move || state.with(|s| s.as_of.is_none())
                on:click=move |_| state.update(|s| s.as_of = None)
            >
                {tr("Show everything")}
            </button>
        </section>
    }
    .into_any()
}
