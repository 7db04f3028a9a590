//! The ribbon: every meeting of every year as one mark in a thin strip
//! (held, skipped and planned look different), the filter's matches
//! highlighted, the first meeting of each year carrying the year. A mark
//! links to its meeting; its tooltip and accessible name give the date and
//! host. The strip is one stop in the tab order: the arrow keys, Home and
//! End move along it and Enter opens the active meeting (marks are too
//! narrow to be separate targets). Sticky at the top on wide screens; on
//! phones it folds into a button.
//!
//! The marks are rendered once per set of notes; a filter change only
//! repaints one layer above them.

use std::rc::Rc;

use chrono::Datelike;
use notes::model::{MeetingStatus, Notes};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::context::use_app;
use crate::platform::locale;

#[derive(Properties, PartialEq)]
pub struct RibbonProps {
    /// Per meeting, whether it is highlighted; `None`: nothing is singled out.
    pub hits: Option<Rc<[bool]>>,
    /// The page runs: dates in the reader's language.
    pub localized: bool,
}

#[component]
pub fn Ribbon(props: &RibbonProps) -> Html {
    let app = use_app();
    let marks = use_node_ref();
    let layer = use_node_ref();
    let open = use_state(|| false);
    {
        // The highlight is one layer over the strip, painted with one
        // gradient over all marks: restyling or even reclassing the marks
        // of a decade cost a click a few hundred DOM writes.
        let layer = layer.clone();
        use_effect_with(props.hits.clone(), move |hits| {
            let Some(layer) = layer.cast::<HtmlElement>() else {
                return;
            };
            layer.set_hidden(hits.is_none());
            if let Some(hits) = hits {
                let _ = layer.style().set_property("background-image", &hits_gradient(hits));
            }
        });
    }
    // One callback for the component's life: a new one would render every
    // mark again (props compare callbacks by identity).
    let onkeydown = use_callback((), |e: KeyboardEvent, _| {
        let Some(strip) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
            return;
        };
        let children = strip.children();
        let n = children.length() as i64;
        if n == 0 {
            return;
        }
        let active = strip.query_selector(".mark.active").ok().flatten();
        let at = active
            .as_ref()
            .and_then(|a| (0..n).find(|i| children.item(*i as u32).as_ref() == Some(a)))
            .unwrap_or(n - 1);
        let to = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1).min(n - 1),
            "ArrowLeft" | "ArrowUp" => (at - 1).max(0),
            "Home" => 0,
            "End" => n - 1,
            "Enter" | " " => {
                // Follow the active mark's link, as a click on it would.
                e.prevent_default();
                if let Some(mark) = children.item(at as u32).and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
                    mark.click();
                }
                return;
            }
            _ => return,
        };
        e.prevent_default();
        activate(&strip, active.as_ref(), children.item(to as u32).as_ref());
    });
    // Tabbing into the strip makes the newest meeting active.
    let onfocus = use_callback((), |e: FocusEvent, _| {
        let Some(strip) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
            return;
        };
        if strip.query_selector(".mark.active").ok().flatten().is_none() {
            activate(&strip, None, strip.last_element_child().as_ref());
        }
    });
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let notes = &app.notes;
    let span = match (notes.meetings.first(), notes.meetings.last()) {
        (Some(a), Some(b)) if a.date.year() != b.date.year() => format!("{}–{}", a.date.year(), b.date.year()),
        (Some(a), _) => a.date.year().to_string(),
        _ => String::new(),
    };
    html! {
        <nav class={classes!("ribbon", open.then_some("open"))} data-ribbon="" aria-label="Every meeting, oldest first">
            <button type="button" class="ribbon-toggle" aria-expanded={open.to_string()} aria-controls="ribbon-marks" onclick={toggle}>
                { format!("All {} meetings, {span}", notes.meetings.len()) }
            </button>
            <div class="strip">
                <Marks marks={marks} localized={props.localized} {onkeydown} {onfocus} />
                <div class="hits" ref={layer} aria-hidden="true" hidden=true></div>
            </div>
        </nav>
    }
}

/// Makes `next` the strip's active mark: the strip keeps the keyboard focus
/// (one stop in the tab order, not one per meeting) and points assistive
/// technology at the mark with `aria-activedescendant`.
fn activate(strip: &HtmlElement, old: Option<&web_sys::Element>, next: Option<&web_sys::Element>) {
    let Some(next) = next else { return };
    if let Some(old) = old {
        let _ = old.class_list().remove_1("active");
        old.remove_attribute("id").ok();
    }
    let _ = next.class_list().add_1("active");
    let _ = next.set_attribute("id", "ribbon-active");
    let _ = strip.set_attribute("aria-activedescendant", "ribbon-active");
}

/// A gradient that is the highlight colour over the marks that are hits
/// (the marks share the strip's width equally) and clear elsewhere.
fn hits_gradient(hits: &[bool]) -> String {
    let n = hits.len().max(1);
    // Thousandths of a percent, written with integers (no float formatting
    // in the wasm).
    let at = |i: usize| {
        let milli = i * 100_000 / n;
        format!("{}.{:03}%", milli / 1000, milli % 1000)
    };
    let mut stops = String::from("linear-gradient(to right");
    let mut i = 0;
    while i < hits.len() {
        if !hits[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < hits.len() && hits[i] {
            i += 1;
        }
        let (a, b) = (at(start), at(i));
        stops.push_str(&format!(", transparent {a}, var(--hit) {a} {b}, transparent {b}"));
    }
    stops.push_str(", transparent 100%)");
    stops
}

#[derive(Properties, PartialEq)]
struct MarksProps {
    marks: NodeRef,
    localized: bool,
    onkeydown: Callback<KeyboardEvent>,
    onfocus: Callback<FocusEvent>,
}

/// The marks themselves: rendered again only for new notes or language.
#[component]
fn Marks(props: &MarksProps) -> Html {
    let app = use_app();
    let notes: &Notes = &app.notes;
    html! {
        // The strip is the one tab stop; the arrow keys move along the marks.
        <div class="marks" id="ribbon-marks" ref={props.marks.clone()} tabindex="0" role="group"
             aria-label="Meetings: arrow keys to move, Enter to open"
             onkeydown={props.onkeydown.clone()} onfocus={props.onfocus.clone()}>
            { for notes.meetings.iter().enumerate().map(|(i, m)| {
                let first_of_year = i == 0 || notes.meetings[i - 1].date.year() != m.date.year();
                // A year of a few meetings among many has too narrow a span
                // for its label, which the next year's would overlap
                // ("20232024"): named only if the mark a 25th of the strip
                // on (or the last) is of the same year; else its mark keeps
                // the tick alone.
                let len = notes.meetings.len();
                let named = first_of_year && notes.meetings[(i + len / 25).min(len - 1)].date.year() == m.date.year();
                let mut label = locale::long_date(m.date, props.localized);
                match m.status {
                    MeetingStatus::Skipped => label.push_str(", no meeting"),
                    MeetingStatus::Planned => label.push_str(", planned"),
                    MeetingStatus::Held => {}
                }
                if !m.hosts.is_empty() {
                    let hosts: Vec<&str> = m.hosts.iter().map(|h| notes.person(*h).display_name()).collect();
                    label.push_str(", host ");
                    label.push_str(&hosts.join(", "));
                }
                html! {
                    <a class={classes!("mark", m.status.as_str(), first_of_year.then_some("y"))}
                       href={format!("#{}", m.anchor)} data-meeting-date={m.date.to_string()}
                       data-year={named.then(|| m.date.year().to_string())}
                       aria-label={label} tabindex="-1"></a>
                }
            }) }
        </div>
    }
}
