//! `synth::document` gives small documents with drift and noise that the
//! parser reads without panicking, each with at least one meeting.

use notes::parse::{has_meetings, parse_one};

#[test]
fn small_documents_parse_with_meetings() {
    let mut crlf = 0;
    let mut shapes = [0usize; 4];
    for seed in 0..400u64 {
        let text = synth::document(seed);
        let notes = parse_one("generated.md", &text);
        assert!(!notes.meetings.is_empty(), "seed {seed}: no meeting in\n{text}");
        assert!(notes.meetings.len() <= 8, "seed {seed}: too many meetings");
        assert!(has_meetings(&text, "generated.md"), "seed {seed}");
        crlf += usize::from(text.contains("\r\n"));
        shapes[0] += usize::from(text.contains("```") || text.contains("~~~"));
        shapes[1] += usize::from(text.contains("| --- |"));
        shapes[2] += usize::from(text.contains("- [ ] "));
        shapes[3] += usize::from(text.contains(":::info"));
    }
    assert!(crlf > 20, "CRLF documents: {crlf}");
    assert!(shapes.iter().all(|&n| n > 10), "noise shapes: {shapes:?}");
}
