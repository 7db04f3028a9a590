//! Small documents for property tests ([`crate::document`]): a few
//! meetings in one or two years' conventions, with the odd things real
//! notes contain mixed in (tables, code blocks, task lists, emoji, bare
//! URLs, unknown info fields, empty sections, CRLF line endings, trailing
//! spaces, HackMD's front matter, boxes, spoilers, highlights and embeds,
//! people written as unseen years write them). Unlike an archive, such a
//! document comes with no facts: a property test only learns that parsing
//! it does not go wrong.
//!
//! The noise never hides a meeting heading: code fences are closed, HTML
//! blocks end on their own line and are followed by a blank line, and the
//! first meeting heading is always written plainly.

use crate::plan;
use crate::render::Writer;
use crate::rng::Rng;

/// One block of odd but valid Markdown, as lines.
pub(crate) fn block(rng: &mut Rng) -> Vec<String> {
    let lines: &[&str] = match rng.below(26) {
        0 => &[
            "| Board | Status |",
            "| --- | :-: |",
            "| VisionFive 2 | boots |",
            "| RK3588 | no network yet |",
        ],
        1 => &[
            "```sh",
            "# not a heading",
            ":::info",
            "cargo xtask flash --board ulx3s",
            "```",
        ],
        2 => &["- [ ] Order the CM4 carrier boards", "- [x] Flash the RP2040 test jig"],
        3 => &[":tada: :rocket: shipped it"],
        4 => &["See https://github.com/racklet/racklet/issues/42 and https://fosstodon.org/@twelho/112233445566778899"],
        5 => &[
            "> Quote from the chat: the ODROID-C4 runs fine",
            "> on a 5 V / 3 A supply",
        ],
        6 => &["![board photo](https://example.com/board.jpg)"],
        7 => &["<!-- todo: move this to the wiki -->"],
        8 => &["---"],
        9 => &["line one<br>line two"],
        10 => &["1. first", "2. second", "    - with a bullet"],
        11 => &["~~~", "dtc -I dtb -O dts board.dtb", "~~~"],
        // Drift seen in how people write their own notes: a recap as a
        // bold name over a list, or "Name: text"; a bare label over a list
        // of people; a meeting called off in a line; people as profile links.
        12 => &["**Dennis:**", "- Flashed the BMC", "- Wrote the docs"],
        13 => &["Daniel: ported LinuxBoot to the board"],
        14 => &["**Participants**", "- Dennis Marttinen (@twelho)", "- Guest Person"],
        15 => &["No meeting today: most of us are travelling"],
        16 => &["[@twelho](https://github.com/twelho), [Daniel](https://github.com/orangecms), Lucas"],
        // A person's part under a deeper heading, and hardware known only
        // by its context.
        17 => &[
            "#### Daniel",
            "- Four RK1 modules and the Ky X1 SoC on a Milk-V Oasis",
            "#### Demo links",
            "- the slides",
        ],
        // HackMD's own syntax: boxes, a folded spoiler, a highlight and an embed.
        18 => &[":::warning", "The recording of this meeting is **lost**", ":::"],
        19 => &[
            ":::spoiler Boot log of the D1",
            "```",
            "U-Boot SPL 2022.01 (Mar 30 2022)",
            "```",
            "- and a bullet after it",
            ":::",
        ],
        20 => &["- ==Flashed the BMC== again for the demo: {%youtube dQw4w9WgXcQ %} :tada:"],
        // People as unseen years write them: a bold name over lines of
        // text, headings that say whose update it is, initials, people
        // left unnamed and joint recaps.
        21 => &[
            "**Lucas**",
            "Wrote the blog post about the rack.",
            "Reviewed the BMC PR.",
        ],
        22 => &[
            "### Dennis's update",
            "- Soldered the backplane",
            "### Updates from Daniel",
            "- oreboot on the JH7110",
        ],
        23 => &[
            "Present: Dennis M., Daniel K, plus a guest, 2 students",
            "- [x] Dennis",
            "- [ ] Lucas",
        ],
        // Joint recaps: a heading, a bullet, and a comma that is a remark.
        24 => &[
            "### Dennis & Lucas",
            "- Racked the JH7110 board",
            "- Daniel, Dennis: ported oreboot",
            "- Daniel, sorry: sent notes by mail",
        ],
        _ => &["Bare link: <https://hackmd.io/@racklet/notes>"],
    };
    lines.iter().map(|l| l.to_string()).collect()
}

pub(crate) fn document(seed: u64) -> String {
    let plan = plan::small(seed);
    let mut rng = Rng::new(seed, "noise");
    let mut writer = Writer::new(&plan, 0.6);
    let first = plan.meetings[0].date;

    let mut lines: Vec<String> = Vec::new();
    // HackMD's front matter, from a stream of its own (see "levels").
    if Rng::new(seed, "front").chance(0.15) {
        lines.extend(["---", "title: Racklet meetings", "tags: racklet, community", "---", ""].map(String::from));
    }
    if rng.chance(0.85) {
        lines.push(format!("# Racklet Community Meeting Notes {}", first.year));
        lines.push(String::new());
    }
    if rng.chance(0.7) {
        lines.push(
            "This document contains **synthetic** notes of the [Racklet](https://github.com/racklet/) community \
             meeting. The meeting occurs every other Tuesday."
                .to_string(),
        );
        lines.push(String::new());
    }
    if rng.chance(0.5) {
        lines.push("[TOC]".to_string());
        lines.push(String::new());
    }
    let mut meetings: Vec<Vec<String>> = plan.meetings.iter().map(|m| writer.meeting(m).lines).collect();
    if rng.chance(0.6) {
        meetings.reverse();
    }
    for m in meetings {
        lines.extend(m);
    }
    if rng.chance(0.1) {
        lines.push("# Misc".to_string());
        lines.push(String::new());
        lines.push("- Links collected over the year: https://racklet.github.io/".to_string());
        lines.push(String::new());
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    // Some years put their meetings under the "# " title as "## " headings
    // (and their sections one level down). A stream of its own, so that the
    // rest of every seed's document stays as it was.
    if Rng::new(seed, "levels").chance(0.15) {
        one_level_down(&mut lines);
    }

    // Odd spacing: trailing blanks, doubled blank lines, headings with no
    // blank line after them.
    let trailing = rng.chance(0.3);
    let doubled = rng.chance(0.2);
    let tight = rng.chance(0.2);
    let mut spaced: Vec<String> = Vec::with_capacity(lines.len() + 8);
    let mut previous_heading = false;
    for mut line in lines {
        if tight && previous_heading && line.is_empty() {
            previous_heading = false;
            continue;
        }
        previous_heading = line.starts_with('#') && line.contains("# ");
        if trailing && !line.is_empty() && rng.chance(0.1) {
            // A tab after a closing code fence keeps the block open in HackMD
            // (markdown-it) and in pulldown-cmark alike: that changes what the
            // document says, not how it is spaced, so fences get spaces only.
            let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
            line.push_str(if fence {
                rng.pick(&["  ", " "])
            } else {
                rng.pick(&["  ", " ", "\t"])
            });
        }
        let blank = line.is_empty();
        spaced.push(line);
        if doubled && blank && rng.chance(0.2) {
            spaced.push(String::new());
        }
    }

    let newline = if rng.chance(0.2) { "\r\n" } else { "\n" };
    let mut text = spaced.join(newline);
    text.push_str(newline);
    if rng.chance(0.05) {
        text.insert(0, '\u{feff}');
    }
    text
}

/// Every heading but the document's title one level down, outside code.
fn one_level_down(lines: &mut [String]) {
    let mut fence: Option<&'static str> = None;
    for line in lines.iter_mut() {
        let t = line.trim_start();
        if let Some(f) = ["```", "~~~"].into_iter().find(|f| t.starts_with(f)) {
            fence = match fence {
                None => Some(f),
                Some(open) if open == f => None,
                open => open,
            };
            continue;
        }
        let hashes = line.bytes().take_while(|b| *b == b'#').count();
        let title = line.starts_with("# Racklet Community Meeting Notes");
        if fence.is_none() && !title && (1..=5).contains(&hashes) && line.as_bytes().get(hashes) == Some(&b' ') {
            line.insert(0, '#');
        }
    }
}
