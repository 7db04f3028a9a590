//! Markdown text to a flat list of top-level blocks, by walking
//! pulldown-cmark's offset events. HackMD's `:::name … :::` containers are
//! not CommonMark: a first event pass finds code blocks so that a `:::` line
//! inside one is left alone, the fence lines outside are blanked (offsets
//! and line numbers stay the same), and each top-level block remembers the
//! container it sits in.

use std::ops::Range;
use std::rc::Rc;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::text;
use crate::model::{Block, DiagnosticKind, Inline, Item, LinkTarget, UnitId};

/// Nesting deeper than this is flattened so hostile input cannot exhaust
/// the stack of the builder or of the renderer.
const MAX_DEPTH: usize = 24;

/// Placeholder until units are numbered once the structure is final.
pub const NO_UNIT: UnitId = UnitId(u32::MAX);

#[derive(Debug, Clone, PartialEq)]
pub struct TopBlock {
    pub line: u32,
    /// Whether a HackMD container (`:::info`) is around the block: only
    /// whether, as the info block is told apart by it, not which.
    pub in_container: bool,
    pub block: Block,
}

pub struct Markdown {
    pub blocks: Vec<TopBlock>,
    /// The `title:` of the document's front matter, if it has one.
    pub title: Option<String>,
    /// Problems found at this level: `(line, kind)`.
    pub problems: Vec<(u32, DiagnosticKind)>,
}

/// Maps byte offsets to 1-based line numbers.
pub struct Lines {
    starts: Vec<usize>,
    /// The line last asked for, less one: offsets come mostly in order,
    /// so the next answer is most often on it or just after.
    near: std::cell::Cell<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        // Notes average some 40 bytes a line: one allocation, mostly.
        let mut starts = Vec::with_capacity(text.len() / 32 + 2);
        starts.push(0);
        let bytes = text.as_bytes();
        if !bytes.contains(&b'\r') {
            // The common case: eight bytes at a time, each newline marked by
            // the high bit of its byte (exactly: no carry between bytes).
            const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
            let newlines = u64::from_ne_bytes([b'\n'; 8]);
            let (words, rest) = bytes.as_chunks::<8>();
            let mut base = 0;
            for word in words {
                let v = u64::from_le_bytes(*word) ^ newlines;
                let mut zero = !(((v & LOW7) + LOW7) | v | LOW7);
                while zero != 0 {
                    starts.push(base + (zero.trailing_zeros() / 8) as usize + 1);
                    zero &= zero - 1;
                }
                base += 8;
            }
            for (i, b) in rest.iter().enumerate() {
                if *b == b'\n' {
                    starts.push(base + i + 1);
                }
            }
        } else {
            // `\n`, `\r\n`, or a lone `\r`, as CommonMark (and so
            // pulldown-cmark) reads them.
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push(i + 1);
                }
            }
        }
        Lines {
            starts,
            near: std::cell::Cell::new(0),
        }
    }

    pub fn line_of(&self, offset: usize) -> u32 {
        // The number of line starts at or before `offset`: a few steps on
        // from the last answer, else a binary search.
        let near = self.near.get();
        let line = if self.starts[near] <= offset {
            let ahead = &self.starts[near + 1..];
            match ahead.iter().take(8).position(|&s| s > offset) {
                Some(steps) => near + 1 + steps,
                None => near + 1 + ahead.partition_point(|&s| s <= offset),
            }
        } else {
            self.starts.partition_point(|&s| s <= offset)
        };
        self.near.set(line - 1);
        line as u32
    }

    /// Each line of `text` (the text these lines were made from), with its
    /// line ending.
    fn iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'t str> + 't {
        let ends = self.starts[1..].iter().copied().chain([text.len()]);
        self.starts.iter().zip(ends).map(|(&start, end)| &text[start..end])
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Finds `:::` fence lines outside code blocks, blanks them, and returns
/// the blanked text with the byte ranges and names of the containers.
///
/// Code is found by its fence lines (```` ``` ```` or `~~~`, closed by
/// the same character at least as many times), not by a second Markdown
/// parse: a `:::` line inside an indented code block is indented past
/// what a container line may be anyway.
fn strip_containers(text: &str, problems: &mut Vec<(u32, DiagnosticKind)>, lines: &Lines) -> (String, Vec<Container>) {
    if !text.contains(":::") {
        return (text.to_string(), Vec::new());
    }
    let mut fence: Option<(u8, usize)> = None;
    let mut in_code = |line: &str| {
        let rest = line.trim_start();
        let run = |c: u8| rest.bytes().take_while(|b| *b == c).count();
        let (ticks, tildes) = (run(b'`'), run(b'~'));
        let here = if ticks >= 3 {
            Some((b'`', ticks))
        } else if tildes >= 3 {
            Some((b'~', tildes))
        } else {
            None
        };
        match (fence, here) {
            // The closing fence: same character, at least as long, nothing after.
            (Some((c, n)), Some((h, m))) if c == h && m >= n && rest[m..].trim().is_empty() => {
                fence = None;
                true
            }
            (Some(_), _) => true,
            // A backtick fence's info string holds no backtick (else it is inline code).
            (None, Some((c, n))) if c == b'~' || !rest[n..].contains('`') => {
                fence = Some((c, n));
                true
            }
            (None, _) => false,
        }
    };

    // Built from the text's own slices and spaces, so it needs no UTF-8
    // check after.
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    // In the order they open, which the sweep over blocks wants; each is
    // open (to the end of the text) until its `:::` closes it.
    let mut containers: Vec<Container> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut offset = 0;
    for raw_line in lines.iter(text).filter(|l| !l.is_empty()) {
        // Only a line starting with `:`, a backtick or `~` is a container
        // or fence line: the rest neither change nor need the state below.
        if !matches!(raw_line.trim_start().as_bytes().first(), Some(b':' | b'`' | b'~')) {
            offset += raw_line.len();
            continue;
        }
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = line.trim();
        let code = in_code(line);
        if indent <= 3 && rest.starts_with(":::") && !code {
            let name = rest.trim_start_matches(':').trim();
            if name.is_empty() {
                match open.pop() {
                    Some(c) => containers[c].range.end = offset + raw_line.len(),
                    None => problems.push((lines.line_of(offset), DiagnosticKind::StrayContainerEnd)),
                }
            } else {
                let (word, title) = name.split_once(char::is_whitespace).unwrap_or((name, ""));
                open.push(containers.len());
                containers.push(Container {
                    range: offset..text.len(),
                    name: word.to_ascii_lowercase(),
                    title: title.trim().to_string(),
                });
            }
            out.push_str(&text[copied..offset]);
            out.extend(std::iter::repeat_n(' ', line.len()));
            copied = offset + line.len();
        }
        offset += raw_line.len();
    }
    for c in open {
        let c = &containers[c];
        problems.push((
            lines.line_of(c.range.start),
            DiagnosticKind::UnclosedContainer { name: c.name.clone() },
        ));
    }
    out.push_str(&text[copied..]);
    (out, containers)
}

/// A HackMD container: `:::name title` … `:::`.
struct Container {
    range: Range<usize>,
    /// Its first word, lowercased (`info`, `warning`, `spoiler`).
    name: String,
    /// The rest of its opening line (a spoiler's summary).
    title: String,
}

impl Container {
    /// `:::info` holds a meeting's info block; the others are callouts.
    fn is_callout(&self) -> bool {
        self.name != "info"
    }
}

/// Makes the blocks of each callout container one [`Block::Callout`].
/// `inner` is the innermost container of each block. A container with a
/// heading inside stays flat: its headings are the meeting's structure (a
/// recap, a section), which a box would hide. A box inside a box is shown
/// beside the parts of the outer one (rare, and kept simple: every byte
/// of this runs in the wasm).
fn fold_callouts(
    blocks: Vec<TopBlock>,
    inner: &[Option<usize>],
    containers: &[Container],
    lines: &Lines,
) -> Vec<TopBlock> {
    let mut out: Vec<TopBlock> = Vec::with_capacity(blocks.len());
    let mut i = 0;
    let mut blocks = blocks.into_iter().map(Some).collect::<Vec<_>>();
    while i < blocks.len() {
        let c = inner[i].filter(|c| containers[*c].is_callout());
        let end = i + inner[i..].iter().take_while(|x| **x == inner[i]).count();
        let has_heading = blocks[i..end].iter().any(|b| {
            matches!(
                b,
                Some(TopBlock {
                    block: Block::Heading { .. },
                    ..
                })
            )
        });
        match c {
            Some(c) if !has_heading => {
                let container = &containers[c];
                out.push(TopBlock {
                    line: lines.line_of(container.range.start),
                    // A box is never part of an info block: it is shown as it is.
                    in_container: false,
                    block: Block::Callout {
                        kind: container.name.clone(),
                        title: container.title.clone(),
                        blocks: blocks[i..end]
                            .iter_mut()
                            .filter_map(|b| b.take())
                            .map(|tb| tb.block)
                            .collect(),
                    },
                });
            }
            _ => out.extend(blocks[i..end].iter_mut().filter_map(Option::take)),
        }
        i = end;
    }
    out
}

/// HackMD's front matter: YAML between a `---` first line and a `---` (or
/// `...`) line, holding the note's title, tags and settings, which HackMD
/// does not show. Returns the block's length through its closing line and
/// its `title`.
///
/// pulldown-cmark's own metadata option is not used: it takes a `---` line
/// anywhere as the start of a block, and notes use `---` between meetings.
/// Here only the first line may open one, and only lines that read as YAML
/// (`key: value`, indented or `- ` lines, comments) may follow.
fn front_matter(text: &str) -> Option<(usize, Option<String>)> {
    const MAX_LINES: usize = 60;
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut end = first.len();
    let mut title = None;
    for (i, line) in lines.enumerate().take(MAX_LINES) {
        end += line.len();
        let t = line.trim_end();
        if i > 0 && (t == "---" || t == "...") {
            return Some((end, title));
        }
        let key = t
            .split_once(':')
            .map(|(k, _)| k)
            .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'));
        let yaml = match key {
            Some(_) => true,
            None => i > 0 && (t.is_empty() || t.starts_with([' ', '\t', '-', '#'])),
        };
        if !yaml {
            return None;
        }
        if let (Some("title"), Some((_, value))) = (key, t.split_once(':')) {
            let value = value.trim();
            let unquoted = ['"', '\'']
                .iter()
                .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))
                .unwrap_or(value);
            title = Some(unquoted.trim().to_string()).filter(|t| !t.is_empty());
        }
    }
    None
}

pub fn parse(text: &str) -> Markdown {
    let lines = Lines::new(text);
    let mut problems = Vec::new();
    // Front matter is blanked like container lines: offsets and line
    // numbers stay those of the text.
    let front = front_matter(text);
    let text: std::borrow::Cow<'_, str> = match &front {
        Some((len, _)) => {
            let mut t = String::with_capacity(text.len());
            for c in text[..*len].chars() {
                match c {
                    '\n' | '\r' => t.push(c),
                    _ => t.extend(std::iter::repeat_n(' ', c.len_utf8())),
                }
            }
            t.push_str(&text[*len..]);
            t.into()
        }
        None => text.into(),
    };
    let (blanked, containers) = strip_containers(&text, &mut problems, &lines);
    let mut builder = Builder {
        events: Parser::new_ext(&blanked, options()).into_offset_iter(),
        lines: &lines,
        stack: Vec::with_capacity(64),
        items: Vec::with_capacity(32),
        blocks: Vec::with_capacity(16),
    };
    // Some four lines a block: one allocation, mostly, for a whole document.
    let mut blocks = Vec::with_capacity(lines.starts.len() / 4);
    // Only a document with callouts needs each block's containers.
    let callouts = containers.iter().any(Container::is_callout);
    let mut inner = Vec::new();
    // Blocks come in order and containers are sorted by start: sweep,
    // keeping the open ones; the innermost is the last opened.
    let mut next_container = 0;
    let mut open: Vec<usize> = Vec::new();
    while let Some((event, range)) = builder.events.next() {
        let line = lines.line_of(range.start);
        while next_container < containers.len() && containers[next_container].range.start <= range.start {
            open.push(next_container);
            next_container += 1;
        }
        open.retain(|&c| containers[c].range.end > range.start);
        if let Some(block) = builder.block(event, range.clone(), 0) {
            blocks.push(TopBlock {
                line,
                in_container: !open.is_empty(),
                block,
            });
            if callouts {
                inner.push(open.last().copied());
            }
        }
    }
    if callouts {
        blocks = fold_callouts(blocks, &inner, &containers, &lines);
    }
    Markdown {
        blocks,
        title: front.and_then(|(_, title)| title),
        problems,
    }
}

type Events<'a> = pulldown_cmark::OffsetIter<'a, pulldown_cmark::DefaultBrokenLinkCallback>;

struct Builder<'a, 'b> {
    events: Events<'a>,
    lines: &'b Lines,
    /// Inlines being read, innermost list last: each list moves out with
    /// `split_off` when it ends, rather than growing a `Vec` of its own. A
    /// nested list leaves in one exactly sized allocation; a list from the
    /// bottom of the stack takes the stack's buffer, and the stack starts
    /// a new one.
    stack: Vec<Inline>,
    /// The same for the items of lists and the blocks of containers.
    items: Vec<Item>,
    blocks: Vec<Block>,
}

impl Builder<'_, '_> {
    /// Builds one block from its start event, consuming events up to its end.
    fn block(&mut self, event: Event<'_>, range: Range<usize>, depth: usize) -> Option<Block> {
        let line = self.lines.line_of(range.start);
        match event {
            Event::Start(Tag::Paragraph) => {
                let mut inlines = self.inlines_until_end(0);
                text::tidy(&mut inlines);
                (!inlines.is_empty()).then_some(Block::Paragraph {
                    unit: NO_UNIT,
                    line,
                    inlines,
                })
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let mut inlines = self.inlines_until_end(0);
                text::tidy(&mut inlines);
                Some(Block::Heading {
                    level: heading_level(level),
                    line,
                    inlines,
                })
            }
            Event::Start(Tag::BlockQuote(_)) => Some(Block::Quote(self.blocks_until_end(depth + 1))),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or_default().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut text = String::new();
                for (event, _) in self.events.by_ref() {
                    match event {
                        Event::Text(t) => text.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                Some(Block::Code {
                    unit: NO_UNIT,
                    line,
                    lang,
                    text,
                })
            }
            Event::Start(Tag::HtmlBlock) => {
                let mut text = String::new();
                for (event, _) in self.events.by_ref() {
                    match event {
                        Event::Html(t) | Event::Text(t) => text.push_str(&t),
                        Event::End(TagEnd::HtmlBlock) => break,
                        _ => {}
                    }
                }
                let text = text.trim_end().to_string();
                (!text.trim().is_empty()).then_some(Block::Html {
                    unit: NO_UNIT,
                    line,
                    text,
                })
            }
            Event::Start(Tag::List(start)) => Some(Block::List {
                start,
                items: self.items(depth + 1),
            }),
            Event::Start(Tag::Table(_)) => Some(self.table(line)),
            Event::Start(Tag::FootnoteDefinition(_)) => Some(Block::Quote(self.blocks_until_end(depth + 1))),
            Event::Start(Tag::MetadataBlock(_)) => {
                self.skip_to_end();
                None
            }
            Event::Start(_) => {
                // Inline content at block level (cannot happen with the
                // options we enable); keep its text rather than lose it.
                let mut inlines = self.inlines_until_end(0);
                text::tidy(&mut inlines);
                Some(Block::Paragraph {
                    unit: NO_UNIT,
                    line,
                    inlines,
                })
            }
            Event::Rule => Some(Block::Rule),
            Event::Html(t) | Event::Text(t) | Event::Code(t) => Some(Block::Paragraph {
                unit: NO_UNIT,
                line,
                inlines: vec![Inline::Text(t.into_string())],
            }),
            _ => None,
        }
    }

    fn skip_to_end(&mut self) {
        let mut depth = 0usize;
        for (event, _) in self.events.by_ref() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return,
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
    }

    /// Blocks up to the end of the current container. Past `MAX_DEPTH`
    /// nested containers are made transparent: their content is kept, flat.
    fn blocks_until_end(&mut self, depth: usize) -> Vec<Block> {
        let base = self.blocks.len();
        let mut transparent = 0usize;
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::End(_) if transparent == 0 => break,
                Event::End(_) => transparent -= 1,
                Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_))
                    if depth >= MAX_DEPTH =>
                {
                    transparent += 1
                }
                Event::TaskListMarker(_) => {}
                other => {
                    if let Some(block) = self.block(other, range, depth) {
                        self.blocks.push(block);
                    }
                }
            }
        }
        self.blocks.split_off(base)
    }

    fn items(&mut self, depth: usize) -> Vec<Item> {
        let base = self.items.len();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let item = self.item(range, depth);
                    self.items.push(item);
                }
                _ => break, // End(List)
            }
        }
        self.items.split_off(base)
    }

    fn item(&mut self, range: Range<usize>, depth: usize) -> Item {
        let mut item = Item {
            unit: NO_UNIT,
            line: self.lines.line_of(range.start),
            task: None,
            inlines: Vec::new(),
            blocks: Vec::new(),
        };
        // Inline events of a tight item (on the stack above `pending`),
        // flushed when a block or the end comes.
        let pending = self.stack.len();
        let mut pending_line = item.line;
        let mut transparent = 0usize;
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::End(TagEnd::Item) if transparent == 0 => break,
                Event::End(_) if transparent > 0 => transparent -= 1,
                Event::TaskListMarker(done) => item.task = Some(done),
                Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_))
                    if depth >= MAX_DEPTH =>
                {
                    transparent += 1
                }
                // Loose items carry their first paragraph as the item's text.
                Event::Start(Tag::Paragraph)
                    if item.inlines.is_empty() && item.blocks.is_empty() && self.stack.len() == pending =>
                {
                    item.inlines = self.inlines_until_end(0);
                    text::tidy(&mut item.inlines);
                }
                event @ (Event::Start(
                    Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::List(_)
                    | Tag::Table(_)
                    | Tag::FootnoteDefinition(_)
                    | Tag::MetadataBlock(_),
                )
                | Event::Rule) => {
                    self.flush(&mut item, pending, pending_line);
                    item.blocks.extend(self.block(event, range, depth));
                }
                Event::End(_) => break,
                inline => {
                    if self.stack.len() == pending {
                        pending_line = self.lines.line_of(range.start);
                    }
                    self.inline(inline, pending, 0)
                }
            }
        }
        self.flush(&mut item, pending, pending_line);
        item
    }

    /// Puts a tight item's pending text in place: its own text when nothing
    /// came before, otherwise a paragraph after the nested blocks.
    fn flush(&mut self, item: &mut Item, pending: usize, line: u32) {
        if self.stack.len() == pending {
            return;
        }
        let mut inlines = self.take(pending);
        text::tidy(&mut inlines);
        if item.inlines.is_empty() && item.blocks.is_empty() {
            item.inlines = inlines;
        } else {
            item.blocks.push(Block::Paragraph {
                unit: NO_UNIT,
                line,
                inlines,
            });
        }
    }

    fn table(&mut self, line: u32) -> Block {
        let mut head = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut in_head = false;
        while let Some((event, _)) = self.events.next() {
            match event {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    let mut cell = self.inlines_until_end(0);
                    text::tidy(&mut cell);
                    if in_head {
                        head.push(cell);
                    } else if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table {
            unit: NO_UNIT,
            line,
            head,
            rows,
        }
    }

    /// Inlines up to the end of the current tag.
    fn inlines_until_end(&mut self, depth: usize) -> Vec<Inline> {
        let base = self.stack.len();
        self.push_until_end(base, depth);
        self.take(base)
    }

    /// Reads inlines up to the end of the current tag onto the stack, as
    /// part of the list that starts at `base`.
    fn push_until_end(&mut self, base: usize, depth: usize) {
        let mut transparent = 0usize;
        while let Some((event, _)) = self.events.next() {
            match event {
                Event::End(_) if transparent == 0 => break,
                Event::End(_) => transparent -= 1,
                Event::Start(_) if depth >= MAX_DEPTH => transparent += 1,
                other => self.inline(other, base, depth),
            }
        }
    }

    /// The list of inlines from `base` to the top of the stack.
    fn take(&mut self, base: usize) -> Vec<Inline> {
        self.stack.split_off(base)
    }

    /// Pushes one inline event's content onto the list that starts at `base`.
    fn inline(&mut self, event: Event<'_>, base: usize, depth: usize) {
        let out = &mut self.stack;
        let joinable = out.len() > base;
        match event {
            // pulldown-cmark cuts text at every character that might have
            // been markup: join the pieces here rather than allocate each
            // (every run is tidied after, which would join them anyway).
            Event::Text(t) => match out.last_mut().filter(|_| joinable) {
                Some(Inline::Text(before)) => before.push_str(&t),
                _ => out.push(Inline::Text(t.into_string())),
            },
            Event::Code(t) => out.push(Inline::Code(t.into_string())),
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push(Inline::Code(t.into_string())),
            Event::Html(t) | Event::InlineHtml(t) => {
                let tag = t.trim().to_ascii_lowercase();
                if matches!(tag.as_str(), "<br>" | "<br/>" | "<br />") {
                    out.push(Inline::HardBreak)
                } else {
                    out.push(Inline::Html(t.into_string()))
                }
            }
            Event::FootnoteReference(t) => out.push(Inline::Text(format!("[^{t}]"))),
            Event::SoftBreak => out.push(Inline::SoftBreak),
            Event::HardBreak => out.push(Inline::HardBreak),
            Event::TaskListMarker(done) => out.push(Inline::Text(if done { "[x] " } else { "[ ] " }.into())),
            Event::Rule => {}
            Event::Start(tag @ (Tag::Emphasis | Tag::Strong | Tag::Strikethrough)) => {
                let children = self.inlines_until_end(depth + 1);
                self.stack.push(match tag {
                    Tag::Emphasis => Inline::Emphasis(children),
                    Tag::Strong => Inline::Strong(children),
                    _ => Inline::Strike(children),
                })
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let children = self.inlines_until_end(depth + 1);
                self.stack.push(Inline::Link {
                    target: Rc::new(LinkTarget::from_url(&dest_url)),
                    children,
                })
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let alt = Inline::plain_text(&self.inlines_until_end(depth + 1));
                self.stack.push(Inline::Image {
                    target: Rc::new(LinkTarget::from_url(&dest_url)),
                    alt,
                })
            }
            // Other tags are transparent: their content joins this list.
            Event::Start(_) => self.push_until_end(base, depth + 1),
            Event::End(_) => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
