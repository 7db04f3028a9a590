//! What people write in their bullets: phrase templates per topic, filled
//! with hardware, projects, events and links, nested the way recaps nest.
//!
//! A template is text with `{placeholders}` (see [`Filler::fill`]). A
//! top-level template may bring its own follow-ups (`kids`), which fit that
//! bullet better than the category's generic ones; `Some(&[])` means the
//! bullet stands alone. The same board, SoC or MCU tends to come back in
//! the nested bullets of one top-level bullet, as it does in real notes.
//!
//! Nothing here starts a top-level bullet with `Word:` where the word could
//! be a person, and no template names a person outside `{other}` (which is
//! only used in nested bullets and prose, never where the parser reads
//! people), so the text never makes the parser find people who are not in
//! the facts.

use crate::rng::Rng;
use crate::vocab::*;

/// What a bullet is about; people have weighted interests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cat {
    Fw,
    K8s,
    Hw,
    Mcu,
    Kernel,
    Sec,
    Life,
    Event,
    Fpga,
    Bmc,
}

/// A top-level bullet template and its own follow-ups.
pub(crate) struct Tpl {
    pub text: &'static str,
    pub kids: Option<&'static [&'static str]>,
}

const fn t(text: &'static str) -> Tpl {
    Tpl { text, kids: None }
}

const fn k(text: &'static str, kids: &'static [&'static str]) -> Tpl {
    Tpl { text, kids: Some(kids) }
}

const FW: &[Tpl] = &[
    t("Got {fw} running on the {board} ({socOf}) up to the first UART output"),
    k(
        "Continued reversing the {soc} mask ROM and the boot header",
        &[
            "Figured out some fields where key material is put in the header",
            "Found the USB download mode entry point",
            "That is a mask ROM function to just call into",
            "Notes so far: {gist}",
        ],
    ),
    k(
        "Ported most of the DRAM init for the {board} ({socOf})",
        &[
            "Working fine, some parts of BIST (built-in self-test) remain",
            "Reference code is very long (> {n}k LoC), but well documented",
            "Tested on the {board2} as well - works",
        ],
    ),
    k(
        "Wrote [a simple Rust tool]({repoUrl}) to load code into SRAM on the {soc} over USB",
        &[
            "The vendor tool is tightly coupled with their build tool",
            "[Helps others]({issueUrl}) :)",
            "Got basic hello on all boards I have",
        ],
    ),
    t("Looked into the {soc} boot flow: the BootROM loads a header-prefixed image from SPI NOR"),
    k("Rebased the `{branch}` branch of oreboot onto main", &["WIP: {repo}", "CI is green again"]),
    t("Dumped the {soc} mask ROM and started annotating it in Ghidra"),
    k("Found an erratum in the {soc} manual: SRAM really starts at `{hex}`", &[]),
    k(
        "Moved the {soc} support in oreboot to the new PAC and HAL crates",
        &["Upgraded `embedded-hal` to the recently released version 1.0", "Upstream PR: {pr}"],
    ),
    k(
        "Got `kexec` to work on the {soc} including purgatory",
        &[
            "Got a patch for alignment in purgatory upstream",
            "Got kexec file to work (other syscall) based on extra patches (pending in LKML)",
            "QSPI was actually misbehaving due to MTD drivers missing, but adding them made it work fine",
        ],
    ),
    t("Played with {fw} + LinuxBoot on the {board}"),
    k(
        "Brought up [Little Kernel](https://github.com/littlekernel/lk) (almost working!) on a secondary hart of the {soc}",
        &[
            "{toot}",
            "Will see about running Zephyr on the other hart",
            "Many SoCs are now AMP (asymmetric multi-processing) systems",
            "Want to gear oreboot toward that use case",
        ],
    ),
    k(
        "Minor success with Zephyr on the {soc}, getting spurious interrupts",
        &["Source apparently the video out subsystem, though it should be off", "WIP: {repo}"],
    ),
    t("Vendor U-Boot for the {board} ignores the DT passed in by the previous stage{emoji}"),
    k("Reviewed {pr} adding clock support for the {soc}", &[]),
    t("Full-stack demo of {fw} + sbitest on the {board}"),
    k(
        "Been reversing the {soc} DRAM training binary blob (open source... not)",
        &[
            "Some things are a bit confusing due to register reuse and stack allocation",
            "So far the code runs without crashing",
            "Vendor code seems sorta buggy, putting data in stack memory that appears unused",
            "{file}",
            "{gist}",
        ],
    ),
    k(
        "Chain-loaded {fw} from the vendor SPL on the {board}",
        &["Only works with the older vendor image", "Commit: {commit}"],
    ),
];

const K8S: &[Tpl] = &[
    t("Migrated the x86 test cluster to Talos Linux {ver}"),
    k(
        "Attempting to migrate Rook Ceph into [PVC cluster mode](https://rook.io/docs/rook/latest/CRDs/Cluster/pvc-cluster/)",
        &[
            "Should allow for much more flexibility, especially with dedicated DB+WAL devices",
            "`ceph osd tree` output looks healthy again",
        ],
    ),
    k(
        "Experimenting with [Gateway API](https://gateway-api.sigs.k8s.io/), will be important for Racklet too",
        &[],
    ),
    k(
        "Test driving distributed storage based on JuiceFS + MinIO + TiKV",
        &[
            "JuiceFS metadata performance is rather slow with the default database",
            "FUSE overhead is enormous on the small boards",
            "The MinIO operator is [quite]({issueUrl}) [unusable]({prUrl})",
            "TiKV is rather CPU-heavy though",
        ],
    ),
    t("Tried running Talos on the {board}, the kernel boots but there is no network yet"),
    k("More work on {repo} for improving Talos ease-of-use", &[]),
    k(
        "Benchmarked Rook Ceph on {n} {board} nodes",
        &["Latency went from {n}0 ms to {n2} ms", "Performance impact surprisingly small -> advantageous for Racklet"],
    ),
    k(
        "Set up Flux OCI sources as the single source of truth for the cluster config",
        &["`flux reconcile` takes a while on the small boards"],
    ),
    k(
        "Wrote down a first draft of the Racklet software stack: {blog}",
        &[
            "[CNI](https://www.cni.dev/)",
            "[Gateway API](https://gateway-api.sigs.k8s.io/)",
            "[CSI](https://kubernetes-csi.github.io/docs/)",
            "[CSI Secrets Store](https://secrets-store-csi-driver.sigs.k8s.io/)",
        ],
    ),
    t("Compared [Cilium](https://cilium.io/) and Flannel for the in-rack network"),
    k("Cluster upgrade via `talosctl upgrade` went smoothly this time", &[]),
    t("Built multi-arch container images for {k8s} (amd64, arm64 and riscv64)"),
    t("Evaluated [KubeVirt](https://kubevirt.io/) for running legacy workloads on Racklet"),
    k(
        "Working on defining a clear infrastructure/workload separation API",
        &[
            "Targeting the home cluster ({n} x86_64 machines) for now, but should be cross-architecture",
            "Draft: {hackmd}",
        ],
    ),
    k(
        "Storage system is consuming basically all of the CPU capacity on the {board} nodes",
        &["FUSE overhead is enormous", "Testing Ceph BlueStore next..."],
    ),
    k(
        "Set up a {n}-node cluster of {board}s on the desk",
        &["Power over a single USB-C PD supply works", "Photos: {toot}"],
    ),
];

const HW: &[Tpl] = &[
    k(
        "Routed the first revision of the Racklet backplane in KiCad",
        &[
            "Schematic and layout: {repo}",
            "The slot connector footprint was mirrored, **bodge wires** for now",
            "Next revision will move the {mcu} closer to the slot connectors",
        ],
    ),
    k(
        "Ordered PCBs for the {mcu}-based management HAT",
        &["Should arrive in about {n} weeks", "Schematic and layout: {repo}"],
    ),
    k(
        "3D printed new mounting brackets for the 19\" mini-rack",
        &[
            "Fits into the mini-rack with about {n} mm to spare",
            "Need to double-check the clearances for the 2.5\" disks",
        ],
    ),
    k(
        "Measured the power consumption of the {board} under load",
        &["{n} W idle, {n2}0 W under `stress-ng`", "Passive cooling is enough at idle"],
    ),
    t("Designed an adapter board so that the {board} fits into a Racklet slot"),
    t("Soldered the first prototype of the {mcu} power sequencer board"),
    t("Tested {n} different USB-C PD trigger boards for powering the rack"),
    k(
        "Experimented with a [Shelly Plus Plug S](https://www.shelly.com/en-fi/products/product-overview/shelly-plus-plug-s) for monitoring rack power consumption",
        &[],
    ),
    k(
        "Set up the HW development tooling as a container: {repo}",
        &["FPGA blinky works already!"],
    ),
    t("Measured the thermals of the {soc} with and without a heatsink"),
    k(
        "Got an INA219 breakout to measure per-slot current",
        &["{n} W idle, {n2}0 W under `stress-ng`", "Logging to the BMC over I2C works"],
    ),
    k("Finally acquired some ChipQuik flux!", &[]),
    k(
        "Compared carrier boards for the {board}",
        &["Most of them route only one PCIe lane", "Product page: {site}"],
    ),
    t("Replaced the fans in the mini-rack with quieter ones, {n}0 % less noise"),
];

const MCU: &[Tpl] = &[
    t("Ported the Racklet BMC firmware to the {mcu}"),
    t("Tried [Embassy](https://embassy.dev/) on the {mcu}, async UART and I2C work"),
    k(
        "PIO-based SD card emulation on the {mcu}: {state}",
        &[
            "Still no clock input, so no advantage in synchronizing with SD host signaling",
            "Disabling the input synchronizers saves 2 cycles of latency -> needs further testing",
        ],
    ),
    t("Got `probe-rs` to flash the {mcu} over SWD"),
    k(
        "Flashed a {mcuboard} as a debug probe for the {board}",
        &[
            "Works with `probe-rs` out of the box",
            "Cheaper than any commercial probe",
        ],
    ),
    t("Zephyr on the {mcu}: blinky, shell and USB CDC work"),
    t("Compared the {mcu} and the {mcu2} for the per-slot management controller"),
    k(
        "Wrote a small protocol for the BMC <-> SBC link: {repo}",
        &["Would let us drop the separate USB-UART bridge"],
    ),
    t("The {board} now reports temperature and power to the BMC over I2C"),
    t("Prototyped the slot controller on a {mcuboard} before spinning a board"),
    k("Tested an old STM32F103 board as a stopgap BMC, not worth it", &[]),
    k(
        "Got a Raspberry Pi Pico 2 with the RP2350",
        &[
            "2x Cortex-M33 + 2x Hazard3 (RISC-V)",
            "Beefier and (officially) faster PIO",
            "`probe-rs` needs some work",
        ],
    ),
    k(
        "Ordered a bag of {mcus} for the slot controllers",
        &["About a dollar each", "Datasheet is only in Chinese for now"],
    ),
];

const KERNEL: &[Tpl] = &[
    t("Sent v{n} of the {soc} pinctrl driver series: {lore}"),
    t("Reviewed the DeviceTree bindings for the {board}: {lore}"),
    k(
        "Got Linux {kver} up and running with oreboot on the {soc} + hacks",
        &[
            "Need native platform timer patches (pending for upstream)",
            "Defer probing ethernet, temperature sensor and QSPI to the end",
            "`cpu` works, but not `kexec`",
        ],
    ),
    t("Bisected a boot regression on the {board} to a clock driver change"),
    k(
        "Got back to [dtvis](https://github.com/platform-system-interface/dtvis/) to visualize the {board} device tree",
        &[
            "Got permission to use the DeviceTree logo",
            "Needs better handling of overlays",
        ],
    ),
    t("Mainline status for the {soc}: {state}"),
    t("Got kexec file load to work on the {soc} based on extra patches (pending in LKML)"),
    k(
        "Answered questions about the {soc} clock tree on the list: {pipermail}",
        &["Thread: {lore}"],
    ),
];

const SEC: &[Tpl] = &[
    t("Looked into measured boot on the {soc} with a discrete TPM"),
    k(
        "Found that the {soc} secure boot header only checks a CRC",
        &[
            "Reported it to the vendor, no answer yet",
            "Vendor says a fix is coming _soon_",
        ],
    ),
    k(
        "Started [UEFI exploitation live sessions]({ytUrl})",
        &[
            "Drafted an [EFI memory scanner tool]({repoUrl})",
            "Next session in two weeks",
        ],
    ),
    k(
        "Wrote a parser for the {soc} boot image header: {repo}",
        &["Key material is put at offset `{hex}` in the header"],
    ),
    t("Explored signing oreboot images with `minisign`"),
];

const LIFE_TPL: &[Tpl] = &[
    k("Busy with {life}, not much time to work on Racklet currently", &[]),
    k(
        "Back again after some traveling",
        &[
            "Setting up the development workflow again",
            "Catching up with the chat backlog",
        ],
    ),
    k("Need to do a bit of maintenance on the Racklet repos", &[]),
    k(
        "Did not have a lot of time to work on projects, things should calm down in a few weeks",
        &[],
    ),
    k(
        "Got a {board} and a {board2} to play with",
        &[
            "Figured out how to run code on each",
            "Will try some u-root/DT experiments on the platform",
            "Got basic hello on both",
        ],
    ),
    k(
        "Finally acquired a {board}{emoji}",
        &["Will try some u-root/DT experiments on the platform"],
    ),
    k("Applied some fixes and improvements to my 3D printer", &[]),
];

const EVENT: &[Tpl] = &[
    k(
        "Visited {event}",
        &[
            "Multiple Racklet-style portable mini-clusters were on show",
            "No major RISC-V adoption in the cloud native space yet",
            "Met {other} there, good discussions about {proj}",
            "Talos Linux (also Racklet's base OS) is picking up steam",
        ],
    ),
    k("Will present Racklet at {eventNext}", &["Slides will be at {blog}"]),
    k(
        "Gave a talk about {talk} at {event}: {yt}",
        &["Slides: {blog}", "Lots of questions about the BMC design"],
    ),
    k("Posted an update on the {board} progress: {toot}", &[]),
    k(
        "We'll have a hackathon at {eventNext}",
        &[
            "Featuring [TH1520 boards](https://sipeed.com/licheepi4a) (Lichee Pi 4A, Lichee Console 4A)",
            "{other} has the first setup parts drafted",
        ],
    ),
    k("Joining {eventNext}, so won't be able to host the next meeting", &[]),
];

const FPGA: &[Tpl] = &[
    k(
        "Got a LiteX SoC with a VexRiscv core running on the {fpgaboard}",
        &[
            "Boots Linux in about {n} minutes :sweat_smile:",
            "Bitstream and notes: {repo}",
        ],
    ),
    t("Synthesized the SD card emulator for the {fpga} with Yosys and nextpnr"),
    k(
        "Compared the {fpga} and the {fpga2} for the backplane glue logic",
        &[
            "The open toolchain support decides it",
            "{fpga} is cheaper, but has fewer LUTs",
        ],
    ),
    t("Flashed the {fpgaboard} with `openFPGALoader`, works from the Racklet BMC too"),
    k(
        "Wrote a tiny SPI flash emulator in Amaranth for the {fpgaboard}",
        &["Can now boot the {board} from the FPGA", "Timing is tight at {n}0 MHz"],
    ),
];

const BMC: &[Tpl] = &[
    k(
        "Looked at how server boards use the {bmc} as BMC",
        &["OpenBMC is a lot of moving parts for our use case", "Docs: {site}"],
    ),
    t("Drafted BMC requirements for Racklet: serial console, power control, {mcu} per slot"),
    k(
        "Got OpenBMC to build for the {bmc}",
        &["The build takes about {n} hours on my laptop", "Upstream: {pipermail}"],
    ),
    k(
        "Redfish or a simple custom protocol for the Racklet BMC?",
        &["Redfish clients exist already", "A custom protocol fits on the {mcu}"],
    ),
];

/// Generic follow-ups per category, for bullets without their own.
fn nested(cat: Cat) -> &'static [&'static str] {
    match cat {
        Cat::Fw => &[
            "Works on the {board}, not yet on the {board2}",
            "Some register fields are still unknown -> need to poke at them with a debugger",
            "`{code}` works, but not `{code2}`",
            "WIP: {repo}",
            "Upstream PR: {pr}",
            "Notes so far: {gist}",
            "Boots in about {n}0 ms from reset to the kernel",
            "Thanks to {other} for the hint about the **boot mode pins**",
            "Could use the {mcu} as a _debug probe_ for this",
            "See {toot}",
            "Relevant code: {file}",
        ],
        Cat::K8s => &[
            "Will be important for Racklet too",
            "Filed {issue}",
            "riscv64 images are still missing for some components",
            "Lots of segfaults, a bunch of tweaking needed to get it running somewhat reliably",
            "Docs: {blog}",
            "Needs a bit more automation before it is usable for others",
        ],
        Cat::Hw => &[
            "Schematic and layout: {repo}",
            "Next revision will move the {mcu} closer to the slot connectors",
            "Photos: {toot}",
            "Should be cheap enough to put into every slot",
            "Datasheet: {site}",
        ],
        Cat::Mcu => &[
            "`probe-rs` needs some work for this chip",
            "RAM is tight: {n}0 KiB left after the USB stack",
            "An ESP32-C3 could handle the radio side",
            "Code: {repo}",
            "Would let us drop the separate USB-UART bridge",
            "A few {mcus} would do the same job",
        ],
        Cat::Kernel => &[
            "Thread: {lore}",
            "Needs `{cfg}` in the defconfig",
            "Acked by the maintainer, should land in {kver}",
            "`dtc -I dtb -O dts` on the vendor blob helped a lot",
            "Older thread: {pipermail}",
        ],
        Cat::Sec => &[
            "Recording: {yt}",
            "Reported it to the vendor, no answer yet",
            "Write-up: {blog}",
        ],
        Cat::Life => &["Will see how much extra time I still have"],
        Cat::Event => &["Slides: {blog}", "Recording should be up soon", "Notes: {hackmd}"],
        Cat::Fpga => &[
            "Resource usage: about {n}0 % of the LUTs",
            "Bitstream: {repo}",
            "Yosys needed a newer version for this",
        ],
        Cat::Bmc => &[
            "Might be overkill for a rack of {n} boards",
            "Notes: {hackmd}",
            "Thread: {pipermail}",
        ],
    }
}

fn top(cat: Cat) -> &'static [Tpl] {
    match cat {
        Cat::Fw => FW,
        Cat::K8s => K8S,
        Cat::Hw => HW,
        Cat::Mcu => MCU,
        Cat::Kernel => KERNEL,
        Cat::Sec => SEC,
        Cat::Life => LIFE_TPL,
        Cat::Event => EVENT,
        Cat::Fpga => FPGA,
        Cat::Bmc => BMC,
    }
}

const DEEP: &[&str] = &[
    "{n} out of {n2}0 runs fail, probably a timing issue",
    "Tested on the {board} - works",
    "Might be interesting for Racklet as well",
    "See {blog}",
    "Upstream: {pr}",
    "_Maybe_ good enough for a first prototype",
    "Needs further testing",
    "{toot}",
    "Pending review",
];

/// Discussion topics: news, questions and decisions, not anyone's recap.
pub(crate) const DISCUSSION: &[Tpl] = &[
    k(
        "{board} with {socOf} released",
        &[
            "Pricing around {n}0 EUR",
            "Datasheet is finally public",
            "Needs upstream support before we can really use it",
        ],
    ),
    k(
        "Raspberry Pi Pico 2 with RP2350 released",
        &[
            "2x Cortex-M33 + 2x Hazard3 (RISC-V)",
            "Beefier and (officially) faster PIO",
            "`probe-rs` needs some work",
        ],
    ),
    t("How should Racklet handle firmware updates for the management controllers?"),
    k(
        "Where to keep the meeting notes long-term (HackMD vs. a GitHub repo)",
        &["Let's revisit this next time"],
    ),
    t("Should we standardize on the {mcu} for all management controllers?"),
    k("C910 vector extension broken -> [GhostWrite](https://ghostwriteattack.com/)", &[]),
    k("Supply of {board} boards seems to be drying up", &["{other} has a few spare ones"]),
    k("{proj} {ver} released: {blog}", &[]),
    k(
        "Keep the current meeting time or move it an hour later?",
        &["Let's revisit this next time", "Consensus: keep it for now"],
    ),
    t("Next steps for the backplane revision"),
    k("Interesting read: {blog}", &[]),
    k(
        "[WHY2025 badge](https://badge.team/docs/badges/why2025/) will have an ESP32-P4 (main SoC) + ESP32-C3 (for radios) + WCH CH32Vxxx (keyboard)",
        &[],
    ),
    t("Framework RISC-V mainboard (JH7110)"),
    k("Snapdragon X (Elite) UEFI and ACPI + DT?", &[]),
    k(
        "The Signaloid C0-microSD module finally saw its first code drop: {repo}",
        &[
            "Seems to be binary-only atm., no sources yet (but hopefully soon)",
            "They've managed to implement block reads and writes from the SD protocol",
        ],
    ),
    t("New {soc} boards announced, pricing still unclear"),
    k("Talk recordings from {event} are online: {yt}", &[]),
    k(
        "Cheap {mcus} as per-slot controllers?",
        &["Would need a second source", "{other} volunteered to look into it"],
    ),
    k("Open FPGA toolchains now support the {fpga} well enough", &["Good fit for the backplane"]),
    k("Mailing list discussion about {soc} upstreaming: {pipermail}", &[]),
    k("Shared notes for the hackathon are on HackMD: {hackmd}", &[]),
];

pub(crate) const DISCUSSION_NESTED: &[&str] = &[
    "Consensus: try it on one slot first",
    "Would simplify the power sequencing a lot",
    "`{code}` needs some work",
    "Let's revisit this next time",
    "{other} volunteered to look into it",
    "Product page: {site}",
];

/// Bullets with items below that are a topic, not a person, as older notes
/// mix them into recap lists ("- Website" with notes under it).
pub(crate) const TOPIC_BULLETS: &[(&str, &[&str])] = &[
    ("Website", &["Moved to Hugo", "Needs a CI job", "Dark mode added"]),
    (
        "Backplane",
        &["Second revision is at the fab", "Connector choice still open"],
    ),
    (
        "Enclosure",
        &["CAD model is on GitHub now", "Needs cut-outs for the fans"],
    ),
    ("Hackathon", &["Date still open", "Bring your own boards"]),
];

/// Top-level remarks in older notes that are not anyone's recap.
pub(crate) const LOOSE_REMARKS: &[&str] = &[
    "CI is green again :tada:",
    "Next hackathon at the end of the month, location still open",
    "We should write a blog post about the BMC",
    "Note: the recording of the last talk is online at {ytUrl}",
    "Reminder: the shared notes are at {hackmd}",
    "Parts order goes out next week",
];

/// `### Topic` groups in older notes sections.
pub(crate) const TOPIC_GROUPS: &[&str] = &[
    "Nezha News",
    "Website",
    "Website update",
    "BMC firmware",
    "Backplane",
    "Enclosure",
    "Hackathon planning",
];

/// Agenda items of older info blocks.
pub(crate) const AGENDA: &[&str] = &[
    "Introductions",
    "Round of updates",
    "BMC requirements",
    "Ordering parts",
    "Backplane revision",
    "Hackathon planning",
    "Any other business",
];

/// Action items, with the owner in parentheses (never `Name:`, which the
/// parser would read as that person's recap).
pub(crate) const ACTIONS: &[&str] = &[
    "Order the next batch of PCBs",
    "Write up the BMC requirements",
    "Ask the vendor about the {soc} datasheet",
    "Update the website with the new photos",
    "Book a room for the hackathon",
];

/// Per-bullet state: the hardware a bullet is about, so that its nested
/// bullets keep talking about the same thing.
#[derive(Default)]
pub(crate) struct Scope {
    board: Option<&'static Board>,
    soc: Option<&'static str>,
    mcu: Option<(&'static str, &'static str)>,
    fpga: Option<&'static str>,
    code: Option<&'static str>,
}

/// Fills templates for one author (or none, for discussion topics).
pub(crate) struct Filler<'a> {
    pub year: i32,
    pub month: u32,
    /// The author's GitHub handle at the time, for their repositories.
    pub handle: Option<&'a str>,
    /// The author's Mastodon profile, or a friend's.
    pub toot: &'a str,
    /// First names of the other people around.
    pub others: Vec<&'a str>,
}

impl Filler<'_> {
    fn link(&self, rng: &mut Rng, url: String, labels: &[&str]) -> String {
        if rng.chance(0.5) {
            url
        } else {
            format!("[{}]({url})", rng.pick(labels))
        }
    }

    fn repo_pair(&self, rng: &mut Rng) -> (String, String) {
        match self.handle {
            Some(h) if rng.chance(0.45) => (h.to_string(), rng.pick(REPO_NAMES).to_string()),
            _ => {
                let (o, r) = rng.pick(REPOS_ORG);
                (o.to_string(), r.to_string())
            }
        }
    }

    fn repo_url(&self, rng: &mut Rng) -> String {
        let (o, r) = self.repo_pair(rng);
        format!("https://github.com/{o}/{r}")
    }

    fn numbered(&self, rng: &mut Rng, kind: &str) -> (String, i64) {
        let (o, r) = self.repo_pair(rng);
        let n = rng.int(3, 2400);
        (format!("https://github.com/{o}/{r}/{kind}/{n}"), n)
    }

    fn kernel_version(&self, rng: &mut Rng) -> String {
        let k = ((self.year - 2015) * 5).max(0) as usize + rng.below(5);
        kernel(k)
    }

    fn version(&self, rng: &mut Rng) -> String {
        if rng.chance(0.6) {
            format!("{}.{}", rng.int(0, 1), rng.int(0, 12))
        } else {
            format!("{}.{}.{}", rng.int(1, 3), rng.int(0, 9), rng.int(0, 5))
        }
    }

    /// A past event this year (else last year), or a coming one later this
    /// year (else next year).
    fn event(&self, rng: &mut Rng, ahead: bool) -> String {
        let (name, m) = rng.pick(EVENTS);
        let y = match (ahead, m) {
            (true, m) if m >= self.month => self.year,
            (true, _) => self.year + 1,
            (false, m) if m <= self.month => self.year,
            (false, _) => self.year - 1,
        };
        name.replace("{y}", &y.to_string())
    }

    fn board(&self, rng: &mut Rng, scope: &mut Scope) -> &'static Board {
        if scope.board.is_none() || rng.chance(0.3) {
            scope.board = Some(rng.pick_ref(BOARDS));
        }
        scope.board.expect("just set")
    }

    /// Replaces every `{placeholder}` in `template`.
    pub fn fill(&self, rng: &mut Rng, template: &str, scope: &mut Scope) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').expect("templates close their braces") + open;
            let key = &rest[open + 1..close];
            let value = self.value(rng, key, scope);
            out.push_str(&value);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn value(&self, rng: &mut Rng, key: &str, scope: &mut Scope) -> String {
        match key {
            "board" => {
                let b = self.board(rng, scope);
                rng.pick(b.forms).to_string()
            }
            "board2" => loop {
                let b = rng.pick_ref(BOARDS);
                if scope.board.is_none_or(|s| !std::ptr::eq(s, b)) {
                    break rng.pick(b.forms).to_string();
                }
            },
            "socOf" => {
                let b = match scope.board {
                    Some(b) => b,
                    None => self.board(rng, scope),
                };
                rng.pick(b.soc).to_string()
            }
            "soc" => {
                if scope.soc.is_none() || rng.chance(0.3) {
                    scope.soc = Some(rng.pick(SOCS));
                }
                scope.soc.expect("just set").to_string()
            }
            "mcu" | "mcus" => {
                if scope.mcu.is_none() || rng.chance(0.3) {
                    scope.mcu = Some(rng.pick(MCUS));
                }
                let (one, many) = scope.mcu.expect("just set");
                if key == "mcu" { one } else { many }.to_string()
            }
            "mcu2" => loop {
                let (m, _) = rng.pick(MCUS);
                if scope.mcu.is_none_or(|(s, _)| s != m) {
                    break m.to_string();
                }
            },
            "mcuboard" => rng.pick(MCU_BOARDS).to_string(),
            "fpga" => {
                if scope.fpga.is_none() || rng.chance(0.3) {
                    scope.fpga = Some(rng.pick(FPGAS));
                }
                scope.fpga.expect("just set").to_string()
            }
            "fpga2" => loop {
                let f = rng.pick(FPGAS);
                // "iCE40" and "Lattice iCE40" are one chip: compare the last word.
                let last = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_ascii_lowercase();
                if scope.fpga.is_none_or(|s| last(s)[..3] != last(f)[..3]) {
                    break f.to_string();
                }
            },
            "fpgaboard" => rng.pick(FPGA_BOARDS).to_string(),
            "bmc" => rng.pick(BMCS).to_string(),
            "fw" => rng.pick(PROJ_FW).to_string(),
            "k8s" => rng.pick(PROJ_K8S).to_string(),
            "proj" => rng.pick(PROJ).to_string(),
            "repoUrl" => self.repo_url(rng),
            "repo" => {
                let url = self.repo_url(rng);
                self.link(rng, url, &["the repo", "repo", "here", "source"])
            }
            "prUrl" => self.numbered(rng, "pull").0,
            "issueUrl" => self.numbered(rng, "issues").0,
            "pr" => {
                let (url, n) = self.numbered(rng, "pull");
                if rng.chance(0.5) {
                    url
                } else {
                    format!("[PR #{n}]({url})")
                }
            }
            "issue" => {
                let (url, _) = self.numbered(rng, "issues");
                if rng.chance(0.4) {
                    url
                } else {
                    format!("[an issue]({url})")
                }
            }
            "file" => {
                let (o, r) = self.repo_pair(rng);
                let branch = if rng.chance(0.5) { "main" } else { rng.pick(BRANCHES) };
                let line = rng.int(10, 400);
                let url = format!(
                    "https://github.com/{o}/{r}/blob/{branch}/{}#L{line}-L{}",
                    rng.pick(REPO_FILES),
                    line + rng.int(3, 40)
                );
                self.link(rng, url, &["this part", "the code", "here"])
            }
            "commit" => {
                let (o, r) = self.repo_pair(rng);
                format!("https://github.com/{o}/{r}/commit/{}", rng.hex(40))
            }
            "gist" => format!(
                "https://gist.github.com/{}/{}",
                self.handle.unwrap_or("racklet"),
                rng.hex(32)
            ),
            "toot" => format!("{}/{}", self.toot, rng.digits(18)),
            "ytUrl" => format!("https://www.youtube.com/watch?v={}", rng.alnum(11)),
            "yt" => {
                let url = if rng.chance(0.7) {
                    format!("https://www.youtube.com/watch?v={}", rng.alnum(11))
                } else {
                    format!("https://youtu.be/{}", rng.alnum(11))
                };
                self.link(rng, url, &["recording", "video", "talk recording"])
            }
            "lore" => {
                let who = self.handle.unwrap_or("racklet").replace('-', "").to_ascii_lowercase();
                let url = format!(
                    "https://lore.kernel.org/{}/{}{:02}{:02}{:02}{:02}{:02}.{}-{}-{who}@example.org/",
                    rng.pick(LORE_LISTS),
                    self.year,
                    rng.int(1, 12),
                    rng.int(1, 28),
                    rng.int(0, 23),
                    rng.int(0, 59),
                    rng.int(0, 59),
                    rng.digits(5),
                    rng.int(1, 9)
                );
                self.link(rng, url, &["series", "patches", "thread"])
            }
            "pipermail" => {
                let url = format!(
                    "{}/{}-{}/{:06}.html",
                    rng.pick(PIPERMAIL),
                    self.year,
                    crate::date::MONTHS[rng.below(12)],
                    rng.int(1000, 40000)
                );
                self.link(rng, url, &["thread", "mailing list thread", "discussion"])
            }
            "blog" => {
                let host = rng.pick(BLOG_HOSTS);
                let slug = rng.pick(BLOG_SLUGS);
                let url = if host.starts_with("https://blog.") {
                    format!("{host}/{}/{:02}/{slug}/", self.year, rng.int(1, 12))
                } else {
                    format!("{host}/{slug}")
                };
                self.link(rng, url, &["write-up", "blog post", "notes", "article"])
            }
            "hackmd" => {
                let url = if rng.chance(0.5) {
                    format!("https://hackmd.io/@racklet/{}", rng.pick(BLOG_SLUGS))
                } else {
                    format!("https://hackmd.io/{}", rng.alnum(22))
                };
                self.link(rng, url, &["HackMD", "shared notes", "draft"])
            }
            "site" => {
                let url = rng.pick(SITES).to_string();
                self.link(rng, url, &["product page", "docs", "website"])
            }
            "code" => {
                let c = rng.pick(CODE);
                scope.code = Some(c);
                c.to_string()
            }
            "code2" => loop {
                let c = rng.pick(CODE);
                if scope.code != Some(c) {
                    break c.to_string();
                }
            },
            "cfg" => rng.pick(CFG).to_string(),
            "hex" => format!("0x{}_{}00", rng.hex(4), rng.hex(2)),
            "n" | "n2" => rng.int(2, 9).to_string(),
            "ver" => self.version(rng),
            "kver" => self.kernel_version(rng),
            "branch" => rng.pick(BRANCHES).to_string(),
            "event" => self.event(rng, false),
            "eventNext" => self.event(rng, true),
            "life" => rng.pick(LIFE).to_string(),
            "talk" => rng.pick(TALKS).to_string(),
            "state" => rng.pick(STATES).to_string(),
            "other" => match self.others.as_slice() {
                [] => "someone".to_string(),
                others => rng.pick(others).to_string(),
            },
            "emoji" => rng.pick(EMOJI).to_string(),
            other => panic!("unknown placeholder {{{other}}}"),
        }
    }
}

/// Where bullets come from: a person's weighted interests, or the
/// discussion pool.
pub(crate) enum Source<'a> {
    Interests(&'a [(u32, Cat)]),
    Discussion,
}

impl Source<'_> {
    fn pools(&self, rng: &mut Rng) -> (&'static [Tpl], &'static [&'static str]) {
        match self {
            Source::Interests(interests) => {
                let cat = rng.weighted(interests);
                (top(cat), nested(cat))
            }
            Source::Discussion => (DISCUSSION, DISCUSSION_NESTED),
        }
    }
}

/// `count` top-level bullets (with nested follow-ups) as lines, indented by
/// `indent` per level under `base`.
pub(crate) fn bullets(
    rng: &mut Rng,
    filler: &Filler<'_>,
    source: &Source<'_>,
    count: usize,
    base: &str,
    indent: &str,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut used: Vec<&'static Tpl> = Vec::new();
    for _ in 0..count {
        let (pool, generic) = source.pools(rng);
        let mut entry = rng.pick_ref(pool);
        for _ in 0..6 {
            if !used.iter().any(|u| std::ptr::eq(*u, entry)) {
                break;
            }
            entry = rng.pick_ref(pool);
        }
        used.push(entry);
        let mut scope = Scope::default();
        let mut text = filler.fill(rng, entry.text, &mut scope);
        if rng.chance(0.03) && !text.contains(':') {
            text.push_str(rng.pick(EMOJI));
        }
        lines.push(format!("{base}- {text}"));
        if entry.kids.is_some_and(|kids| kids.is_empty()) {
            continue;
        }
        let kids = match entry.kids {
            Some(_) => rng.weighted(&[(28, 0), (36, 1), (23, 2), (13, 3)]),
            None => rng.weighted(&[(48, 0), (30, 1), (15, 2), (7, 3)]),
        };
        let mut used_kids: Vec<&str> = Vec::new();
        for _ in 0..kids {
            let from = match entry.kids {
                Some(own) if rng.chance(0.85) => own,
                _ => generic,
            };
            let mut kid = rng.pick(from);
            for _ in 0..6 {
                if !used_kids.contains(&kid) {
                    break;
                }
                kid = rng.pick(from);
            }
            if used_kids.contains(&kid) {
                continue;
            }
            used_kids.push(kid);
            lines.push(format!("{base}{indent}- {}", filler.fill(rng, kid, &mut scope)));
            let grand = rng.weighted(&[(85, 0), (12, 1), (3, 2)]);
            for _ in 0..grand {
                let deep = rng.pick(DEEP);
                lines.push(format!(
                    "{base}{indent}{indent}- {}",
                    filler.fill(rng, deep, &mut scope)
                ));
                if rng.chance(0.08) {
                    let deep = rng.pick(DEEP);
                    lines.push(format!(
                        "{base}{indent}{indent}{indent}- {}",
                        filler.fill(rng, deep, &mut scope)
                    ));
                }
            }
        }
    }
    lines
}
