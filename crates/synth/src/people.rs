//! The community: who exists, when they are around, how often they come,
//! host and write recaps, and what they work on.
//!
//! The roster is made up (apart from the two people the real notes are
//! about most). Names are chosen so that the parser can tell everyone
//! apart the way it does in real notes: first names are unique (a recap
//! heading `### Priya` resolves by first name), no handle equals anyone's
//! first name, and people without a GitHub handle have ASCII names (their
//! slug is derived from the name, and `slug` below must agree with the
//! parser's).

use crate::prose::Cat;

/// One member of the community.
#[derive(Debug)]
pub(crate) struct Member {
    pub name: &'static str,
    /// The GitHub handle in the first half of the archive.
    pub handle: Option<&'static str>,
    /// The handle after a rename on GitHub (same person, same name).
    pub renamed: Option<&'static str>,
    /// When they are around: fractions of the archive's meetings.
    pub span: (f64, f64),
    /// Chance to attend a meeting while around.
    pub attend: f64,
    /// Weight when a host is chosen among the participants.
    pub host: u32,
    /// Chance to write a recap when attending.
    pub recap: f64,
    /// What their recap bullets are about, weighted.
    pub interests: &'static [(u32, Cat)],
    /// Their Mastodon profile, for links to posts.
    pub toot: Option<&'static str>,
}

impl Member {
    pub fn first_name(&self) -> &'static str {
        self.name.split(' ').next().unwrap_or(self.name)
    }

    /// The handle in use at meeting `slot` (renames happen at `rename_at`).
    pub fn handle_at(&self, slot: usize, rename_at: usize) -> Option<&'static str> {
        match self.renamed {
            Some(new) if slot >= rename_at => Some(new),
            _ => self.handle,
        }
    }
}

use Cat::*;

pub(crate) const ROSTER: &[Member] = &[
    Member {
        name: "Dennis Marttinen",
        handle: Some("twelho"),
        renamed: None,
        span: (0.0, 1.0),
        attend: 0.8,
        host: 8,
        recap: 0.95,
        interests: &[(5, K8s), (2, Hw), (1, Life), (1, Event)],
        toot: Some("https://fosstodon.org/@twelho"),
    },
    Member {
        name: "Daniel Maslowski",
        handle: Some("orangecms"),
        renamed: None,
        span: (0.0, 1.0),
        attend: 0.75,
        host: 4,
        recap: 0.95,
        interests: &[(5, Fw), (2, Kernel), (1, Sec), (1, Mcu), (1, Event)],
        toot: Some("https://mastodon.social/@CyReVolt"),
    },
    // Renamed on GitHub halfway through; the full name stays the same.
    Member {
        name: "Tobias Brandt",
        handle: Some("tbrandt"),
        renamed: Some("brandt-labs"),
        span: (0.0, 1.0),
        attend: 0.45,
        host: 2,
        recap: 0.85,
        interests: &[(5, Mcu), (2, Hw), (1, Fw), (1, Event)],
        toot: Some("https://chaos.social/@tbrandt"),
    },
    Member {
        name: "Marta Nowak",
        handle: Some("mnowak"),
        renamed: None,
        span: (0.0, 0.45),
        attend: 0.35,
        host: 2,
        recap: 0.85,
        interests: &[(3, K8s), (1, Hw), (2, Event)],
        toot: Some("https://fosstodon.org/@mnowak"),
    },
    Member {
        name: "Mikko Laine",
        handle: None,
        renamed: None,
        span: (0.0, 0.65),
        attend: 0.3,
        host: 1,
        recap: 0.8,
        interests: &[(4, K8s), (1, Life), (1, Event)],
        toot: None,
    },
    Member {
        name: "Sofia Lindqvist",
        handle: Some("slindqvist"),
        renamed: None,
        span: (0.05, 0.35),
        attend: 0.3,
        host: 1,
        recap: 0.8,
        interests: &[(4, Fpga), (2, Hw), (1, Life)],
        toot: Some("https://mastodon.social/@slindqvist"),
    },
    Member {
        name: "Elena Petrova",
        handle: Some("epetrova"),
        renamed: None,
        span: (0.1, 0.7),
        attend: 0.3,
        host: 1,
        recap: 0.85,
        interests: &[(4, Sec), (2, Fw), (1, Bmc), (1, Event)],
        toot: Some("https://infosec.exchange/@epetrova"),
    },
    Member {
        name: "Aino Virtanen",
        handle: None,
        renamed: None,
        span: (0.15, 0.5),
        attend: 0.25,
        host: 1,
        recap: 0.8,
        interests: &[(3, Hw), (2, Bmc), (1, Life)],
        toot: None,
    },
    Member {
        name: "Verneri Hirvonen",
        handle: Some("chiplet"),
        renamed: None,
        span: (0.25, 1.0),
        attend: 0.35,
        host: 1,
        recap: 0.85,
        interests: &[(5, Hw), (2, Mcu), (1, Life)],
        toot: Some("https://fosstodon.org/@chiplet"),
    },
    Member {
        name: "Jonas Köhler",
        handle: Some("jkoehler"),
        renamed: None,
        span: (0.3, 1.0),
        attend: 0.25,
        host: 1,
        recap: 0.8,
        interests: &[(3, Hw), (2, Mcu), (1, Fpga), (1, Life)],
        toot: None,
    },
    Member {
        name: "Priya Raman",
        handle: Some("praman-dev"),
        renamed: None,
        span: (0.4, 1.0),
        attend: 0.35,
        host: 1,
        recap: 0.85,
        interests: &[(5, Kernel), (2, Fw), (1, Event)],
        toot: Some("https://fosstodon.org/@praman"),
    },
    Member {
        name: "Ruben Okafor",
        handle: Some("rokafor"),
        renamed: None,
        span: (0.55, 1.0),
        attend: 0.3,
        host: 1,
        recap: 0.85,
        interests: &[(4, Mcu), (1, Kernel), (1, Life)],
        toot: Some("https://hachyderm.io/@rokafor"),
    },
    Member {
        name: "Henrik Sundberg",
        handle: Some("HSundberg"),
        renamed: None,
        span: (0.6, 1.0),
        attend: 0.25,
        host: 1,
        recap: 0.8,
        interests: &[(4, Bmc), (2, Fpga), (1, Event)],
        toot: Some("https://mastodon.online/@hsundberg"),
    },
    Member {
        name: "Lucía Fernández",
        handle: Some("luciafdz"),
        renamed: None,
        span: (0.75, 1.0),
        attend: 0.3,
        host: 1,
        recap: 0.85,
        interests: &[(3, Kernel), (2, Hw), (1, Event)],
        toot: Some("https://fosstodon.org/@luciafdz"),
    },
    Member {
        name: "Kenji Watanabe",
        handle: Some("kwatanabe"),
        renamed: None,
        span: (0.85, 1.0),
        attend: 0.3,
        host: 1,
        recap: 0.8,
        interests: &[(3, Fpga), (2, Mcu), (1, Life)],
        toot: None,
    },
];

/// The parser's slug for a name without a handle: lowercase ASCII words
/// joined by `-`. Names without handles are ASCII (checked by a test), so
/// the parser's accent folding never comes into it.
pub(crate) fn name_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roster_keeps_people_apart() {
        let mut firsts: Vec<String> = ROSTER.iter().map(|m| m.first_name().to_lowercase()).collect();
        firsts.sort();
        firsts.dedup();
        assert_eq!(firsts.len(), ROSTER.len(), "first names are unique");
        for m in ROSTER {
            for h in m.handle.iter().chain(m.renamed.iter()) {
                assert!(!firsts.contains(&h.to_lowercase()), "{h} is also a first name");
            }
            if m.handle.is_none() {
                assert!(
                    m.name.is_ascii(),
                    "{} has no handle, so its slug comes from the name",
                    m.name
                );
            }
        }
        assert!(ROSTER.iter().any(|m| m.renamed.is_some() && m.span == (0.0, 1.0)));
        assert_eq!(name_slug("Mikko Laine"), "mikko-laine");
    }
}
