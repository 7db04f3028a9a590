//! What a filter shows, applied to the mounted timeline. Every meeting and
//! every bullet is rendered once, unfiltered; a filter change then only
//! flips `hidden` on the cards, sections and bullets whose state changed
//! (and the `context` class on bullets shown as the context of a match;
//! one `filtered` class on the timeline hides what only the whole notes
//! show), and highlights matches with the CSS Custom Highlight API, which
//! paints ranges without touching the DOM. So a click costs in proportion to what
//! it changes, not to the size of the archive, and nothing a filter matches
//! ever leaves the DOM.
//!
//! What can be switched is read from a card's DOM, ahead in idle time or
//! when first switched, and marked nowhere: a card's units (a bullet,
//! paragraph, code block or table: `li`, `p.p`, `pre`, `.table-wrap` in its
//! sections) come in the order of their ids, so the n-th is unit n. A
//! unit's element holds its sub-bullets too, so it covers a range of units,
//! as does a container (section, recap, group, list, quote, box) of the units
//! inside it.
//!
//! A topic's page highlights its mentions the same way ([`highlight_cited`]).

use std::collections::BTreeSet;

use notes::model::{Notes, PersonId, TopicId};
use notes::query::{FoldedText, UnitState, View};
use notes::story::{Cited, UnitNode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// One switchable element of a card.
struct Slot {
    el: HtmlElement,
    first: u32,
    last: u32,
    /// A unit's own element (else a container of units).
    unit: bool,
    hidden: bool,
    context: bool,
    /// A folded spoiler (`:::spoiler`): a filter that matches inside opens it.
    spoiler: Option<web_sys::HtmlDetailsElement>,
}

/// A card's elements and the state last applied to them.
struct Card {
    article: HtmlElement,
    took_part: Option<HtmlElement>,
    slots: Vec<Slot>,
    shown: bool,
    took_part_text: Option<String>,
    /// The words in the line, shown or not.
    took_part_written: String,
    /// The unit states last applied while shown: the same again is no work.
    applied: Option<Option<std::rc::Rc<[UnitState]>>>,
    /// Per unit slot, its own topic mentions, each with a range over it
    /// (made when first needed: the mentions do not change while mounted).
    mentions: Vec<Option<Vec<(TopicId, web_sys::StaticRange)>>>,
    /// Per unit slot, its own text nodes folded for search (found when
    /// first searched: the next keystroke reuses them).
    texts: Vec<Option<Vec<(web_sys::Node, FoldedText)>>>,
    /// Switched at least once (else only read ahead, as rendered).
    touched: bool,
}

/// A month's or year's section, as last applied: the number of its meetings
/// shown (none: hidden) and whether under a filter.
type Group = Option<(HtmlElement, (u32, bool))>;

/// The state applied to the mounted cards, kept between filter changes so
/// that only differences are written.
#[derive(Default)]
pub struct Applier {
    cards: Vec<Option<Card>>,
    /// Cards (by anchor) ever switched: the others are as rendered, shown
    /// and unfiltered, and need not even be read for an unfiltered view.
    touched: std::collections::HashSet<String>,
    /// Month sections by (year, month), year sections by (year, 0). A list:
    /// a decade has some 130, and a map's code costs more wasm.
    groups: Vec<((i32, u32), Group)>,
    /// The timeline and whether it is marked `filtered` (what only an
    /// unfiltered view shows is hidden by one class, not one per card).
    timeline: Option<(Element, bool)>,
    /// The next meeting [`Applier::read_ahead`] looks at.
    ahead: usize,
}

/// A unit's element (see the module's docs).
const UNIT: &str = "li, p.p, pre, .table-wrap";
/// A card's units and the containers that may hold them, in document order.
const SLOTS: &str = "section.section, section.section :is(li, p.p, pre, .table-wrap, div.recap, div.group, ul, ol, blockquote, .callout)";

fn range(value: &str) -> Option<(u32, u32)> {
    let (a, b) = value.split_once(':').unwrap_or((value, value));
    Some((a.parse().ok()?, b.parse().ok()?))
}

impl Card {
    /// Reads the card of meeting `m`.
    fn read(article: HtmlElement, m: &notes::model::Meeting) -> Card {
        let units = m.units.len();
        let mut slots: Vec<Slot> = Vec::new();
        // Most cards have no spoiler: then no slot need be asked if it is one.
        let spoilers = article.query_selector("details.spoiler").ok().flatten().is_some();
        if let Ok(list) = article.query_selector_all(SLOTS) {
            // The slots the current element is in, in document order: each
            // unit widens all of them.
            let mut open: Vec<usize> = Vec::new();
            let mut next = 0u32;
            for i in 0..list.length() {
                let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
                    continue;
                };
                while let Some(&c) = open.last() {
                    if slots[c].el.contains(Some(&el)) {
                        break;
                    }
                    open.pop();
                }
                let unit = el.matches(UNIT).unwrap_or(false);
                // Widened by the units inside (a container none left empty).
                let (first, last) = if unit { (next, next) } else { (u32::MAX, 0) };
                if unit {
                    for &c in &open {
                        let s = &mut slots[c];
                        s.first = s.first.min(next);
                        s.last = s.last.max(next);
                    }
                    next += 1;
                }
                open.push(slots.len());
                slots.push(Slot {
                    hidden: el.hidden(),
                    // Only units are ever marked as context.
                    context: unit && el.class_list().contains("context"),
                    spoiler: if spoilers && !unit { el.dyn_ref().cloned() } else { None },
                    el,
                    first,
                    last,
                    unit,
                });
            }
            if next as usize != units {
                // Not the render this reading expects: switch nothing, so
                // the card shows whole rather than the wrong bullets.
                gloo::console::warn!(format!(
                    "racklet: card {} holds {next} units, its meeting {units}; shown whole",
                    article.id()
                ));
                slots.clear();
            }
        }
        // Containers with no unit (participants, an agenda) switch nothing.
        slots.retain(|s| s.first <= s.last);
        Card {
            touched: false,
            applied: None,
            mentions: Vec::new(),
            texts: Vec::new(),
            shown: !article.hidden(),
            took_part: article
                .query_selector(".took-part")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into().ok()),
            took_part_text: None,
            took_part_written: String::new(),
            article,
            slots,
        }
    }
}

/// The line saying who took part in a meeting shown for attendance alone,
/// at the end of the card's body.
fn took_part_line(article: &HtmlElement) -> Option<HtmlElement> {
    let p: HtmlElement = gloo::utils::document().create_element("p").ok()?.dyn_into().ok()?;
    p.set_class_name("took-part");
    article.first_element_child()?.append_child(&p).ok()?;
    Some(p)
}

/// `hidden` through its property: no attribute name crosses into the
/// browser, which matters at a few thousand switches per click.
fn toggle(el: &HtmlElement, hidden: bool) {
    el.set_hidden(hidden);
}

impl Applier {
    /// Forgets what it knows of the elements (the cards were rendered again):
    /// the next [`Applier::apply`] reads them afresh.
    pub fn reset(&mut self) {
        self.cards.clear();
        self.groups.clear();
        self.timeline = None;
        self.ahead = 0;
    }

    /// Reads the cards on the page not read yet, while `more()` says there
    /// is time: the first filter then only switches them. True once every
    /// card has been read.
    pub fn read_ahead(&mut self, notes: &Notes, more: &dyn Fn() -> bool) -> bool {
        let doc = gloo::utils::document();
        self.cards.resize_with(notes.meetings.len(), || None);
        while let Some(m) = notes.meetings.get(self.ahead) {
            if !more() {
                return false;
            }
            let i = self.ahead;
            self.ahead += 1;
            if self.cards[i].is_none() {
                if let Some(article) = doc.get_element_by_id(&m.anchor).and_then(|a| a.dyn_into().ok()) {
                    self.cards[i] = Some(Card::read(article, m));
                }
            }
        }
        true
    }

    /// Shows what `view` shows: cards, then bullets inside the shown ones.
    /// `took_part` words the note on a meeting shown for attendance alone.
    pub fn apply(&mut self, notes: &Notes, view: &View, took_part: &dyn Fn(&[PersonId]) -> String) {
        let doc = gloo::utils::document();
        if self.timeline.is_none() {
            self.timeline = doc
                .query_selector(".timeline")
                .ok()
                .flatten()
                .map(|t| (t.clone(), t.class_list().contains("filtered")));
        }
        if let Some((timeline, was)) = &mut self.timeline {
            // Every meeting a filter shows is filtered alike.
            let filtered = view.meetings.iter().any(|mv| mv.units.is_some());
            if *was != filtered {
                let _ = timeline.class_list().toggle_with_force("filtered", filtered);
                *was = filtered;
            }
        }
        self.cards.resize_with(notes.meetings.len(), || None);
        let mut views: Vec<Option<&notes::query::MeetingView>> = vec![None; notes.meetings.len()];
        for mv in &view.meetings {
            views[mv.meeting.0 as usize] = Some(mv);
        }
        for (i, m) in notes.meetings.iter().enumerate() {
            let mv = views[i];
            if self.cards[i].is_none() {
                if mv.is_some_and(|mv| mv.units.is_none()) && !self.touched.contains(&m.anchor) {
                    // As rendered, and to be shown as rendered.
                    continue;
                }
                // Not on the page (yet): nothing to switch.
                let Some(article) = doc.get_element_by_id(&m.anchor).and_then(|a| a.dyn_into().ok()) else {
                    continue;
                };
                self.cards[i] = Some(Card::read(article, m));
            }
            let card = self.cards[i].as_mut().expect("just read");
            let shown = mv.is_some();
            if !card.touched && (!shown || mv.is_some_and(|mv| mv.units.is_some())) {
                // Switched from its render (however it was read): read
                // again after the next render, which keeps what was switched.
                card.touched = true;
                self.touched.insert(m.anchor.clone());
            }
            if card.shown != shown {
                toggle(&card.article, !shown);
                // `data-meeting-date` marks the meetings on the page: the ones shown.
                let _ = if shown {
                    card.article.set_attribute("data-meeting-date", &m.date.to_string())
                } else {
                    card.article.remove_attribute("data-meeting-date")
                };
                card.shown = shown;
            }
            let Some(mv) = mv else { continue };
            let note = (!mv.took_part.is_empty()).then(|| took_part(&mv.took_part));
            if card.applied.as_ref() == Some(&mv.units) && card.took_part_text == note {
                continue;
            }
            card.applied = Some(mv.units.clone());
            let states = mv.units.as_deref();
            if card.took_part_text != note {
                if card.took_part.is_none() && note.is_some() {
                    // Made when first needed: most cards never show one.
                    card.took_part = took_part_line(&card.article);
                }
                if let Some(p) = &card.took_part {
                    // Hidden, the line keeps its words: shown again, they
                    // are mostly the same, and are not written again.
                    if let Some(text) = note.as_deref().filter(|t| *t != card.took_part_written) {
                        p.set_text_content(Some(text));
                        card.took_part_written = text.to_string();
                    }
                    toggle(p, note.is_none());
                }
                card.took_part_text = note;
            }
            // How many units before each index are shown: "is anything in
            // this container shown" becomes one subtraction.
            let mut before = Vec::with_capacity(states.map_or(0, <[_]>::len) + 1);
            before.push(0u32);
            for s in states.unwrap_or(&[]) {
                before.push(before.last().copied().unwrap_or(0) + u32::from(s.is_shown()));
            }
            let any_shown = |first: u32, last: u32| {
                let (a, b) = (first as usize, (last as usize + 1).min(before.len() - 1));
                a < b && before[b] > before[a]
            };
            let mut skip_to: Option<u32> = None;
            for slot in &mut card.slots {
                if skip_to.is_some_and(|last| slot.first <= last) {
                    // Inside something hidden: left as it is until shown again.
                    continue;
                }
                skip_to = None;
                let state = states.and_then(|s| s.get(slot.first as usize).copied());
                let visible = match states {
                    None => true,
                    Some(_) if slot.unit => state.is_some_and(UnitState::is_shown),
                    Some(_) => any_shown(slot.first, slot.last),
                };
                let context = slot.unit && state == Some(UnitState::Context);
                if slot.hidden == visible {
                    toggle(&slot.el, !visible);
                    slot.hidden = !visible;
                }
                if let (true, Some(_), Some(d)) = (visible, states, &slot.spoiler) {
                    d.set_open(true);
                }
                if slot.context != context {
                    let _ = slot.el.class_list().toggle_with_force("context", context);
                    slot.context = context;
                }
                if !visible {
                    skip_to = Some(slot.last);
                }
            }
        }
    }

    /// Hides the month and year sections with no meeting shown in them, and
    /// sizes each year shown, which the browser skips while off screen, by
    /// how many meetings it shows. Call after [`Applier::apply`].
    pub fn groups(&mut self, notes: &Notes, view: &View) {
        use chrono::Datelike;
        // Each group and how many of its meetings are shown. Meetings of a
        // group mostly come together: the last one is looked at first.
        let mut shown: Vec<((i32, u32), u32)> = Vec::new();
        let mut mark = |d: chrono::NaiveDate, on: u32| {
            for key in [(d.year(), d.month()), (d.year(), 0)] {
                let at = shown.iter().rposition(|(k, _)| *k == key);
                match at {
                    Some(i) => shown[i].1 += on,
                    None => shown.push((key, on)),
                }
            }
        };
        for m in &notes.meetings {
            mark(m.date, 0);
        }
        for mv in &view.meetings {
            mark(notes.meeting(mv.meeting).date, 1);
        }
        let filtered = self.timeline.as_ref().is_some_and(|(_, f)| *f);
        let doc = gloo::utils::document();
        for (key, n) in shown {
            let at = match self.groups.iter().position(|(k, _)| *k == key) {
                Some(i) => i,
                None => {
                    let el = match key {
                        // The year's heading has the id; the section is its parent.
                        (y, 0) => doc.get_element_by_id(&format!("y{y}")).and_then(|h| h.parent_element()),
                        (y, m) => doc.get_element_by_id(&format!("m-{y}-{m:02}")),
                    };
                    // Nothing written yet (it may be hidden by the last view).
                    let group = el
                        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
                        .map(|el| (el, (u32::MAX, false)));
                    self.groups.push((key, group));
                    self.groups.len() - 1
                }
            };
            if let Some((el, was)) = &mut self.groups[at].1 {
                let now = (n, filtered);
                if *was != now {
                    if was.0 == u32::MAX || (was.0 == 0) != (n == 0) {
                        toggle(el, n == 0);
                    }
                    // The stylesheet's estimate of a card, times the cards. A
                    // year's count varies most with a filter; a month shows
                    // one to three, which the stylesheet's estimate covers,
                    // so a click writes a decade's ten sizes, not some 140. A
                    // size remembered ("auto") from before a filter would be
                    // stale under it.
                    if n > 0 && key.1 == 0 {
                        let (auto, kind) = if filtered { ("", "filtered-") } else { ("auto", "") };
                        let size = format!("{auto} calc(3rem + {n} * var(--per-{kind}card))");
                        let _ = el.style().set_property("contain-intrinsic-size", &size);
                    }
                    *was = now;
                }
            }
        }
    }

    /// Paints the view's highlights: the selected topics' mentions and the
    /// search words, inside matching units only. Nothing in the DOM changes.
    pub fn highlight(&mut self, notes: &Notes, view: &View) {
        let terms: &[String] = &view.terms;
        let topics: &BTreeSet<TopicId> = &view.highlight_topics;
        let (words, mentions) = (js_sys::Array::new(), js_sys::Array::new());
        if !terms.is_empty() || !topics.is_empty() {
            for mv in &view.meetings {
                let (Some(states), Some(Some(card))) = (&mv.units, self.cards.get_mut(mv.meeting.0 as usize)) else {
                    continue;
                };
                let meeting = notes.meeting(mv.meeting);
                card.mentions.resize_with(card.slots.len(), || None);
                card.texts.resize_with(card.slots.len(), || None);
                for (i, slot) in card.slots.iter().enumerate() {
                    if !slot.unit || slot.hidden || states.get(slot.first as usize) != Some(&UnitState::Match) {
                        continue;
                    }
                    let unit = &meeting.units[slot.first as usize];
                    if !topics.is_empty() && unit.topics.iter().any(|t| topics.contains(t)) {
                        let own = card.mentions[i].get_or_insert_with(|| {
                            let node = notes::story::unit_node(meeting, notes::model::UnitId(slot.first));
                            own_mentions(&slot.el, node)
                        });
                        for (topic, range) in own.iter() {
                            if topics.contains(topic) {
                                mentions.push(range);
                            }
                        }
                    }
                    if !terms.is_empty() && terms.iter().all(|t| meeting.unit_text(unit).contains(t.as_str())) {
                        let texts = card.texts[i].get_or_insert_with(|| own_texts(&slot.el));
                        word_ranges(texts, terms, &words);
                    }
                }
            }
        }
        set_highlight(SEARCH, &words);
        set_highlight(TOPIC, &mentions);
    }
}

/// The highlights' names (`::highlight(...)` in the stylesheet).
const SEARCH: &str = "racklet-search";
const TOPIC: &str = "racklet-topic";

/// On a topic's page: highlights the mentions of the topic, and of what is
/// built on it, in its cited meetings. `root` holds one `.cited-meeting`
/// per entry of `cited`, in order. Cleared by [`clear_cited`].
pub fn highlight_cited(root: &Element, notes: &Notes, cited: &[Cited], topic: TopicId) {
    // The topic and what is built on it, as a filter by it would select.
    let filter = notes::query::Filter {
        topics: BTreeSet::from([topic]),
        ..Default::default()
    };
    let shown = filter.topic_closure(notes);
    let ranges = js_sys::Array::new();
    let Ok(items) = root.query_selector_all(".cited-meeting") else {
        return;
    };
    for (i, c) in cited.iter().enumerate() {
        let Some(item) = items.item(i as u32).and_then(|n| n.dyn_into::<Element>().ok()) else {
            break;
        };
        let meeting = notes.meeting(c.meeting);
        let Ok(units) = item.query_selector_all("[data-u]") else {
            continue;
        };
        for k in 0..units.length() {
            let Some(el) = units.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let Some((first, _)) = el.get_attribute("data-u").as_deref().and_then(range) else {
                continue;
            };
            let node = notes::story::unit_node(meeting, notes::model::UnitId(first));
            for (t, r) in own_mentions(&el, node) {
                if shown.contains(&t) {
                    ranges.push(&r);
                }
            }
        }
    }
    set_highlight(TOPIC, &ranges);
}

/// Clears what [`highlight_cited`] painted.
pub fn clear_cited() {
    set_highlight(TOPIC, &js_sys::Array::new());
}

/// Whether `node` belongs to `unit` itself, not to a sub-bullet of it.
fn own(node: &web_sys::Node, unit: &Element) -> bool {
    node.parent_element()
        .and_then(|p| p.closest(UNIT).ok().flatten())
        .is_some_and(|owner| &owner == unit)
}

/// The unit's own topic mentions (not its sub-bullets'), each with a range
/// over its words. A mention is text among text on the page: the model says
/// which text nodes name hardware and where (`UnitNode::mention_runs`), and
/// each is the next own text node of the unit that holds exactly that text.
fn own_mentions(unit: &Element, node: Option<UnitNode<'_>>) -> Vec<(TopicId, web_sys::StaticRange)> {
    let mut out = Vec::new();
    let runs = node.map(|n| n.mention_runs()).unwrap_or_default();
    if runs.is_empty() {
        return out;
    }
    let nodes = own_text_nodes(unit);
    let mut next = nodes.iter();
    for run in &runs {
        let Some(node) = next.find(|n| n.text_content().as_deref() == Some(run.text.as_str())) else {
            break;
        };
        // DOM offsets count UTF-16 units.
        let utf16 = |byte: usize| run.text[..byte].encode_utf16().count() as u32;
        for (topic, at) in &run.mentions {
            if let Some(range) = static_range(node, utf16(at.start), node, utf16(at.end)) {
                out.push((*topic, range));
            }
        }
    }
    out
}

/// The unit's own text nodes (not its sub-bullets'), in document order.
fn own_text_nodes(unit: &Element) -> Vec<web_sys::Node> {
    let mut out = Vec::new();
    // SHOW_TEXT
    let Ok(walker) = gloo::utils::document().create_tree_walker_with_what_to_show(unit, 0x4) else {
        return out;
    };
    while let Ok(Some(node)) = walker.next_node() {
        if own(&node, unit) {
            out.push(node);
        }
    }
    out
}

/// The unit's own text nodes, folded for search.
fn own_texts(unit: &Element) -> Vec<(web_sys::Node, FoldedText)> {
    own_text_nodes(unit)
        .into_iter()
        .map(|node| {
            let folded = FoldedText::new(&node.text_content().unwrap_or_default());
            (node, folded)
        })
        .collect()
}

fn word_ranges(texts: &[(web_sys::Node, FoldedText)], terms: &[String], out: &js_sys::Array) {
    for (node, folded) in texts {
        let text = folded.text();
        for (start, end) in folded.ranges(terms) {
            // DOM offsets count UTF-16 units.
            let utf16 = |byte: usize| text[..byte].encode_utf16().count() as u32;
            if let Some(range) = static_range(node, utf16(start), node, utf16(end)) {
                out.push(&range);
            }
        }
    }
}

/// A range for a highlight. Static, not a live `Range`: the browser updates
/// every live range on every DOM change, which made each node a render
/// added or removed cost in proportion to the highlighted mentions.
/// Highlights are computed afresh after every change of the cards.
fn static_range(start: &web_sys::Node, from: u32, end: &web_sys::Node, to: u32) -> Option<web_sys::StaticRange> {
    web_sys::StaticRange::new(&web_sys::StaticRangeInit::new(end, to, start, from)).ok()
}

/// `CSS.highlights.set(name, new Highlight(...ranges))`, or `delete` when
/// there are none; a browser without the API shows no highlight.
fn set_highlight(name: &str, ranges: &js_sys::Array) {
    let window = gloo::utils::window();
    let get = |obj: &JsValue, key: &str| js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok();
    let Some(registry) = get(&window, "CSS")
        .and_then(|css| get(&css, "highlights"))
        .filter(|r| !r.is_undefined())
    else {
        return;
    };
    let call = |method: &str, args: &js_sys::Array| {
        if let Some(f) = get(&registry, method).and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
            let _ = f.apply(&registry, args);
        }
    };
    if ranges.length() == 0 {
        call("delete", &js_sys::Array::of1(&JsValue::from_str(name)));
        return;
    }
    let Some(ctor) = get(&window, "Highlight").and_then(|c| c.dyn_into::<js_sys::Function>().ok()) else {
        return;
    };
    if let Ok(highlight) = js_sys::Reflect::construct(&ctor, ranges) {
        call("set", &js_sys::Array::of2(&JsValue::from_str(name), &highlight));
    }
}
