//! The content of notes as a small tree built from pulldown-cmark events:
//! blocks, list items and inlines. The UI walks this tree into Yew nodes;
//! nothing in it is HTML, so note text can never become markup.

use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use super::{TopicId, UnitId};
pub use crate::links::SafeUrl;

/// Where a link points, sorted by what the UI may do with it. Built once,
/// while parsing, by [`LinkTarget::from_url`]; everything that shows or
/// follows a link matches on it instead of looking at the URL again.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// `http` or `https`: clickable.
    Web(SafeUrl),
    /// `mailto:`: clickable.
    Mail(SafeUrl),
    /// Anything else (`javascript:`, `data:`, relative paths): shown as text.
    Inert(String),
}

impl LinkTarget {
    /// Sorts a link as a browser would read it (see [`crate::links`]).
    pub fn from_url(url: &str) -> LinkTarget {
        match SafeUrl::parse(url) {
            Some(safe) if safe.is_mail() => LinkTarget::Mail(safe),
            Some(safe) => LinkTarget::Web(safe),
            None => LinkTarget::Inert(url.trim().to_string()),
        }
    }

    pub fn url(&self) -> &str {
        match self {
            LinkTarget::Web(u) | LinkTarget::Mail(u) => u.as_str(),
            LinkTarget::Inert(u) => u,
        }
    }

    pub fn is_clickable(&self) -> bool {
        !matches!(self, LinkTarget::Inert(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    /// HackMD's `==highlighted==` text.
    Mark(Vec<Inline>),
    /// The target is behind a pointer, so that a list of inlines (most of
    /// a parse's allocations) is 40 bytes an inline instead of 72; a
    /// counted one, so that the unit's list of links shares it.
    Link {
        target: Rc<LinkTarget>,
        children: Vec<Inline>,
    },
    Image {
        target: Rc<LinkTarget>,
        alt: String,
    },
    /// Text that names hardware: the text as written, and where in it
    /// each mention is. One inline, not a text cut in pieces: the page
    /// shows it as one text node and highlights the mentions, and making
    /// it copies no text. Boxed, so that an inline stays 40 bytes.
    Mentions {
        text: String,
        mentions: Box<[Mention]>,
    },
    /// Raw inline HTML, shown literally.
    Html(String),
    HardBreak,
    SoftBreak,
}

impl Inline {
    /// Appends the visible text of `inlines` to `out`.
    pub fn plain_text_into(inlines: &[Inline], out: &mut String) {
        Inline::plain_pieces(inlines, &mut |piece| out.push_str(piece));
    }

    pub fn plain_text(inlines: &[Inline]) -> String {
        // Sized first: grown piece by piece, the string was reallocated
        // thousands of times a parse.
        let mut len = 0;
        Inline::plain_pieces(inlines, &mut |piece| len += piece.len());
        let mut out = String::with_capacity(len);
        Inline::plain_text_into(inlines, &mut out);
        out
    }

    /// The visible text of `inlines`, piece by piece: one walk serves
    /// both measuring and writing it.
    pub(crate) fn plain_pieces(inlines: &[Inline], f: &mut dyn FnMut(&str)) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) | Inline::Html(t) => f(t),
                Inline::Mentions { text, .. } => f(text),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Mark(c) => {
                    Inline::plain_pieces(c, f)
                }
                Inline::Link { children, .. } => Inline::plain_pieces(children, f),
                Inline::Image { alt, .. } => f(alt),
                Inline::HardBreak | Inline::SoftBreak => f(" "),
            }
        }
    }

    /// Whether it shows as text among text: a mention is marked in the
    /// model, not on the page (the highlighter finds it by [`MentionRun`]).
    /// A soft break is not: HackMD, where the notes are written, shows a
    /// new line in a paragraph as a line break.
    fn is_text(&self) -> bool {
        matches!(self, Inline::Text(_) | Inline::Mentions { .. })
    }

    /// The pieces `inlines` show as, in order: each run of text and
    /// mentions is one text node, anything else its own node.
    pub fn pieces(inlines: &[Inline]) -> Pieces<'_> {
        Pieces { rest: inlines }
    }

    /// A run's text (see [`Piece::Text`]): borrowed when the run is one text.
    pub fn run_text(run: &[Inline]) -> Cow<'_, str> {
        match run {
            [Inline::Text(t)] | [Inline::Mentions { text: t, .. }] => Cow::Borrowed(t),
            _ => {
                let mut out = String::new();
                for i in run {
                    match i {
                        Inline::Text(t) | Inline::Mentions { text: t, .. } => out.push_str(t),
                        _ => out.push(' '),
                    }
                }
                Cow::Owned(out)
            }
        }
    }

    /// Appends the runs of `inlines` that name hardware, in document order
    /// (into emphasis and link text too), to `out`.
    pub fn mention_runs_into(inlines: &[Inline], out: &mut Vec<MentionRun>) {
        for piece in Inline::pieces(inlines) {
            match piece {
                Piece::Text(run) => {
                    let mut mentions = Vec::new();
                    let mut at = 0;
                    for i in run {
                        let len = match i {
                            Inline::Text(t) => t.len(),
                            Inline::Mentions { text, mentions: found } => {
                                for m in found.iter() {
                                    mentions.push((m.topic, at + m.start as usize..at + m.end as usize));
                                }
                                text.len()
                            }
                            _ => 1,
                        };
                        at += len;
                    }
                    if !mentions.is_empty() {
                        let text = Inline::run_text(run).into_owned();
                        out.push(MentionRun { text, mentions });
                    }
                }
                Piece::Other(Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Mark(c)) => {
                    Inline::mention_runs_into(c, out)
                }
                Piece::Other(Inline::Link { children, .. }) => Inline::mention_runs_into(children, out),
                Piece::Other(_) => {}
            }
        }
    }
}

/// A piece of an inline list as it shows (see [`Inline::pieces`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Piece<'a> {
    /// Consecutive text and mentions: one text node, whose
    /// text is [`Inline::run_text`].
    Text(&'a [Inline]),
    Other(&'a Inline),
}

/// Iterator of [`Inline::pieces`].
pub struct Pieces<'a> {
    rest: &'a [Inline],
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let first = self.rest.first()?;
        if !first.is_text() {
            self.rest = &self.rest[1..];
            return Some(Piece::Other(first));
        }
        let n = self.rest.iter().take_while(|i| i.is_text()).count();
        let (run, rest) = self.rest.split_at(n);
        self.rest = rest;
        Some(Piece::Text(run))
    }
}

/// A mention of hardware in an [`Inline::Mentions`] text: its topic and
/// where it is in the text (bytes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    pub topic: TopicId,
    pub start: u32,
    pub end: u32,
}

/// A text node that names hardware: its text and each mention's topic and
/// byte range in that text.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRun {
    pub text: String,
    pub mentions: Vec<(TopicId, Range<usize>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub unit: UnitId,
    pub line: u32,
    /// `Some(done)` for task list items.
    pub task: Option<bool>,
    /// The item's own text (its first paragraph).
    pub inlines: Vec<Inline>,
    /// Nested lists and further paragraphs.
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph {
        unit: UnitId,
        line: u32,
        inlines: Vec<Inline>,
    },
    List {
        start: Option<u64>,
        items: Vec<Item>,
    },
    Code {
        unit: UnitId,
        line: u32,
        lang: String,
        text: String,
    },
    Quote(Vec<Block>),
    /// A HackMD container other than `:::info`: `:::warning`, `:::success`,
    /// `:::danger` boxes, or `:::spoiler Summary`, folded away.
    Callout {
        /// The container's name, lowercased (`warning`, `spoiler`).
        kind: String,
        /// The rest of its opening line: a spoiler's summary.
        title: String,
        blocks: Vec<Block>,
    },
    Table {
        unit: UnitId,
        line: u32,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A heading deeper than the structure we recognise (`####`).
    Heading {
        level: u8,
        line: u32,
        inlines: Vec<Inline>,
    },
    /// A person's recap: a `### Name` subsection or a `- Name:` bullet.
    Recap {
        /// Index into [`super::Meeting::recaps`], which names the person.
        recap: u32,
        /// The name as written in the notes.
        title: String,
        remark: Option<String>,
        line: u32,
        blocks: Vec<Block>,
    },
    /// A subsection that is not a person (`### Nezha News`).
    Group {
        title: Vec<Inline>,
        line: u32,
        blocks: Vec<Block>,
    },
    /// A raw HTML block, shown literally.
    Html {
        unit: UnitId,
        line: u32,
        text: String,
    },
    Rule,
}
