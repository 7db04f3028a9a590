//! What the prerendered page shows, as HTML.

use std::rc::Rc;

use racklet_timeline::sources::{Doc, DocKind};
use racklet_timeline::ssr::{render_app, render_meeting};
use racklet_timeline::NotesRef;

fn archive(docs: &[(&str, &str)]) -> (Rc<[Doc]>, NotesRef) {
    let docs: Rc<[Doc]> = docs
        .iter()
        .map(|(name, text)| Doc {
            name: name.to_string(),
            kind: DocKind::Archive,
            text: Rc::from(*text),
            url: Some(format!(
                "https://raw.githubusercontent.com/racklet/meeting-notes/main/community/{name}"
            )),
            label: None,
        })
        .collect();
    let notes = NotesRef::parse(&docs);
    (docs, notes)
}

#[test]
fn a_meeting_renders_to_html_with_its_hooks() {
    let (_, notes) = archive(&[("2024.md", super::SEED)]);
    let i = notes
        .meetings
        .iter()
        .position(|m| m.date.to_string() == "2024-08-20")
        .unwrap() as u32;
    let html = render_meeting(notes, i);
    assert!(html.contains(r#"data-meeting-date="2024-08-20""#), "{html}");
    assert!(html.contains(r#"data-person="orangecms""#));
    assert!(html.contains("Finished reversing and translating the"));
}

#[test]
fn the_prerendered_page_names_the_archive_span_and_shows_the_newest_meetings() {
    let older = "# Racklet Community Meeting Notes 2022\n\n# March 8, 2022 5:00 PM CET\n\n## Notes\n\n- Dennis: set up the rack\n";
    let (docs, notes) = archive(&[("2022.md", older), ("2024.md", super::SEED)]);
    let html = render_app(docs, notes, Some(3));
    assert!(
        html.contains("Racklet Community Meeting Notes · 2022–2024"),
        "the header names the span, from the newest document's title"
    );
    // Cards are articles; the ribbon marks every meeting, prerendered or not.
    let cards: Vec<&str> = html.split("<article ").skip(1).collect();
    assert_eq!(cards.len(), 3, "only the newest meetings are prerendered");
    assert!(cards[0].contains(r#"data-meeting-date="2024-09-03""#));
    assert!(!cards.iter().any(|c| c.contains(r#"data-meeting-date="2022-03-08""#)));
    let ribbon = html.split("data-ribbon").nth(1).expect("a ribbon");
    let ribbon = &ribbon[..ribbon.find("</nav>").expect("the ribbon ends")];
    assert_eq!(
        ribbon.matches("data-meeting-date=").count(),
        16,
        "the ribbon marks every meeting"
    );
    assert!(ribbon.contains(r#"data-meeting-date="2022-03-08""#));
    assert!(html.contains("16 meetings"), "the count is the whole archive's");
}
