#!/usr/bin/env node
// Generates a synthetic, deterministic archive of Racklet community meeting
// notes in the conventions of data/notes/racklet-2024.md (HackMD Markdown):
// one document, meetings newest first, every other Tuesday.
//
//   node scripts/gen-archive.mjs [--years 10] [--end-year 2024] [--seed 1]
//                                [--out FILE] [--manifest FILE]
//
// The same arguments always give byte-identical output (seeded mulberry32,
// UTC-only date arithmetic, no locale-dependent formatting). `--manifest`
// also writes what was generated (status, participants, hosts, recaps per
// meeting, and the people pool) as JSON, for tests that check the parser.
//
// Node 20, ES module, node: builtins only.

import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

// ---------------------------------------------------------------------------
// Arguments

const USAGE = `usage: node scripts/gen-archive.mjs [--years N] [--end-year YYYY] [--seed N] [--out FILE] [--manifest FILE]

  --years N         number of calendar years to cover (default 10)
  --end-year YYYY   last year covered (default 2024)
  --seed N          PRNG seed, an unsigned 32-bit integer (default 1)
  --out FILE        write the Markdown here (default: stdout)
  --manifest FILE   also write a JSON manifest of what was generated
`;

function fail(message) {
  process.stderr.write(`gen-archive: ${message}\n${USAGE}`);
  process.exit(2);
}

function intArg(value, name, min, max) {
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) fail(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      years: { type: "string", default: "10" },
      "end-year": { type: "string", default: "2024" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
      manifest: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  }).values;
} catch (e) {
  fail(e.message);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const YEARS = intArg(args.years, "years", 1, 100);
const END_YEAR = intArg(args["end-year"], "end-year", 1971, 2999);
const SEED = intArg(args.seed, "seed", 0, 0xffffffff);
const START_YEAR = END_YEAR - YEARS + 1;
if (START_YEAR < 1970) fail("--years reaches before 1970");

// ---------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string, for deriving independent streams from the seed. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

class Rng {
  constructor(label) {
    this.next = mulberry32(hash(`${SEED}:${label}`));
  }
  float() {
    return this.next();
  }
  chance(p) {
    return this.next() < p;
  }
  /** Integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Picks from [[weight, value], …]. */
  weighted(pairs) {
    const total = pairs.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
  shuffle(list) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  alnum(n) {
    const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let s = "";
    for (let i = 0; i < n; i++) s += chars[Math.floor(this.next() * chars.length)];
    return s;
  }
  digits(n) {
    let s = String(this.int(1, 9));
    for (let i = 1; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  hex(n) {
    let s = "";
    for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(this.next() * 16)];
    return s;
  }
}

// ---------------------------------------------------------------------------
// Dates (UTC only)

const DAY = 86400000;
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
// The real notes meet on even weeks: January 9, 2024 is one of the Tuesdays.
const REFERENCE_TUESDAY = Date.UTC(2024, 0, 9);

const ymd = (t) => {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
};
const iso = (t) => new Date(t).toISOString().slice(0, 10);
function ordinal(n) {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  return `${n}${{ 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th"}`;
}
function dateText(t, useOrdinal) {
  const { y, m, d } = ymd(t);
  return `${MONTHS[m]} ${useOrdinal ? ordinal(d) : d}, ${y}`;
}

function meetingDates() {
  const start = Date.UTC(START_YEAR, 0, 1);
  const end = Date.UTC(END_YEAR, 11, 31);
  const offset = ((((start - REFERENCE_TUESDAY) / DAY) % 14) + 14) % 14;
  const out = [];
  for (let t = start + ((14 - offset) % 14) * DAY; t <= end; t += 14 * DAY) out.push(t);
  return out;
}

// ---------------------------------------------------------------------------
// People

// span: [from, to] as fractions of the covered period; attend: chance per
// meeting while active; host: weight when chosen among participants.
const PEOPLE = [
  { key: "dennis", name: "Dennis Marttinen", handle: "twelho", span: [0, 1], attend: 0.8, host: 8, recap: 0.95,
    interests: [["k8s", 5], ["hw", 2], ["life", 1], ["event", 1]], toot: "https://fosstodon.org/@twelho" },
  { key: "daniel", name: "Daniel Maslowski", handle: "orangecms", span: [0, 1], attend: 0.75, host: 4, recap: 0.95,
    interests: [["fw", 5], ["kernel", 2], ["sec", 1], ["mcu", 1], ["event", 1]], toot: "https://mastodon.social/@CyReVolt" },
  { key: "verneri", name: "Verneri Hirvonen", handle: "chiplet", span: [0.25, 1], attend: 0.35, host: 1, recap: 0.85,
    interests: [["hw", 5], ["mcu", 2], ["life", 1]], toot: "https://fosstodon.org/@chiplet" },
  // Renamed on GitHub halfway through; the full name stays the same.
  { key: "tobias", name: "Tobias Brandt", handle: "tbrandt", renamed: "brandt-labs", span: [0, 1], attend: 0.4, host: 2,
    recap: 0.85, interests: [["mcu", 5], ["hw", 2], ["fw", 1], ["event", 1]], toot: "https://chaos.social/@tbrandt" },
  { key: "mikko", name: "Mikko Laine", handle: null, span: [0, 0.65], attend: 0.3, host: 1, recap: 0.8,
    interests: [["k8s", 4], ["life", 1], ["event", 1]], toot: null },
  { key: "jonas", name: "Jonas Köhler", handle: null, span: [0.3, 1], attend: 0.25, host: 1, recap: 0.8,
    interests: [["hw", 3], ["mcu", 2], ["life", 1]], toot: null },
  { key: "priya", name: "Priya Raman", handle: "praman-dev", span: [0.4, 1], attend: 0.35, host: 1, recap: 0.85,
    interests: [["kernel", 5], ["fw", 2], ["event", 1]], toot: "https://fosstodon.org/@praman" },
  { key: "elena", name: "Elena Petrova", handle: "epetrova", span: [0.1, 0.7], attend: 0.3, host: 1, recap: 0.85,
    interests: [["sec", 4], ["fw", 2], ["event", 1]], toot: "https://infosec.exchange/@epetrova" },
  { key: "ruben", name: "Ruben Okafor", handle: "rokafor", span: [0.55, 1], attend: 0.3, host: 1, recap: 0.85,
    interests: [["mcu", 4], ["kernel", 1], ["life", 1]], toot: "https://hachyderm.io/@rokafor" },
  { key: "marta", name: "Marta Nowak", handle: "mnowak", span: [0, 0.45], attend: 0.3, host: 2, recap: 0.85,
    interests: [["k8s", 3], ["hw", 1], ["event", 2]], toot: "https://fosstodon.org/@mnowak" },
];
const firstName = (p) => p.name.split(" ")[0];

// ---------------------------------------------------------------------------
// Vocabulary. Hardware names are aliases from data/hardware.toml.

const SOCS = [
  "JH7110", "JH7110", "JH7100", "SpacemiT K1", "K1x", "SG2000", "SG2002", "CV1800B", "TH1520", "RK3588",
  "RK3566", "RK3568", "Allwinner D1", "H616", "AM6442", "BL808",
];
const BOARDS = [
  ["VisionFive 2", "JH7110"], ["Milk-V Mars", "JH7110"], ["Mars CM", "JH7110"], ["BPI-F3", "K1"],
  ["MuseBook", "K1x"], ["Milk-V Duo", "CV1800B"], ["Duo S", "SG2000"], ["Duo 256M", "SG2002"],
  ["LicheeRV Nano", "SG2002"], ["Lichee Pi 4A", "TH1520"], ["Lichee Console 4A", "TH1520"],
  ["Rock Pi 5B", "RK3588"], ["ROCK 5B", "RK3588"], ["Nezha", "D1"], ["Framework RISC-V mainboard", "JH7110"],
];
const MCU_BOARDS = ["Raspberry Pi Pico", "Pi Pico", "Pico 2", "Raspberry Pi Pico 2"];
const MCUS = ["RP2040", "RP2040", "RP2350", "RP2350", "ESP32", "ESP32-C3", "ESP32-C6", "ESP32-S3", "CH32V003", "CH32V307"];
const PROJ_FW = ["oreboot", "oreboot", "oreboot", "u-root", "LinuxBoot", "coreboot", "U-Boot", "OpenSBI", "Zephyr"];
const PROJ_K8S = ["Talos Linux", "Talos", "Rook Ceph", "Flux", "Cilium", "JuiceFS", "MinIO", "TiKV", "Kubernetes"];
const PROJ = [...PROJ_FW, ...PROJ_K8S, "u-root", "Zephyr", "KiCad", "Embassy", "Tock"];
// [name, month]: month 0 for events without a year in their name.
const EVENTS = [
  ["FOSDEM {y}", 2], ["KubeCon + CloudNativeCon EU {y}", 4], ["RISC-V Summit Europe {y}", 6], ["OSFC {y}", 9],
  ["the RISC-V Munich meetup", 0], ["Embedded World {y}", 3], ["RustNL {y}", 5], ["Hackaday Supercon {y}", 11],
  ["the Chaos Communication Congress", 0], ["Open Source Summit Europe {y}", 9],
];
// Linux releases in order; a meeting mentions one from around its year.
const KERNELS = [
  ...Array.from({ length: 21 }, (_, k) => `4.${k}`),
  ...Array.from({ length: 20 }, (_, k) => `5.${k}`),
  ...Array.from({ length: 13 }, (_, k) => `6.${k}`),
];
const LIFE = ["thesis work", "exams", "moving flats", "a new job", "a family visit", "a conference trip", "day job deadlines"];
const TALKS = ["open firmware for RISC-V SBCs", "Racklet", "mask ROM reversing", "Kubernetes on tiny clusters",
  "Rust on bare metal", "the state of open hardware BMCs"];
const CODE = ["kexec", "cpu", "probe-rs", "embedded-hal", "talosctl upgrade", "ceph osd tree", "cargo xtask build",
  "dtc -I dtb -O dts", "make menuconfig", "flux reconcile", "kubectl get nodes", "defmt", "xtask flash", "picotool"];
const CFG = ["CONFIG_MTD_SPI_NOR", "CONFIG_KEXEC_FILE", "CONFIG_SERIAL_8250_DW", "CONFIG_RISCV_SBI_V01", "CONFIG_CMA"];
const REPOS_ORG = [
  ["racklet", "racklet"], ["racklet", "meeting-notes"], ["racklet", "libgitops"], ["oreboot", "oreboot"],
  ["u-root", "u-root"], ["u-root", "cpu"], ["siderolabs", "talos"], ["rook", "rook"],
  ["zephyrproject-rtos", "zephyr"], ["platform-system-interface", "dtvis"], ["embassy-rs", "embassy"],
  ["probe-rs", "probe-rs"], ["linuxboot", "linuxboot"], ["littlekernel", "lk"],
];
const REPO_NAMES = ["racklet-bmc", "mini-rack", "backplane", "dram-tools", "maskrom-notes", "sd-emulator", "k8s-lab",
  "hat-test-fixture", "boot-header-rs", "power-monitor", "talos-bootstrap", "sg_boot", "rack-cad"];
const BRANCHES = ["all-the-things-wip", "dram-init", "k1x-bringup", "pac-hal", "smp-wip", "th1520-bt0"];
const BLOG_HOSTS = ["https://blog.example.com", "https://www.example.org/posts", "https://notes.example.net",
  "https://hardware.example.com/articles"];
const BLOG_SLUGS = ["racklet-software-stack", "tiny-clusters-big-plans", "risc-v-boot-flows", "mask-rom-adventures",
  "rook-ceph-on-arm", "sd-card-emulation", "bmc-design-notes", "power-budget", "why-open-firmware",
  "kubernetes-at-home", "dram-training-explained", "device-trees-for-humans"];
const LORE_LISTS = ["linux-riscv", "devicetree", "linux-arm-kernel", "u-boot", "linux-clk", "opensbi"];
const STATES = ["boots to a shell", "mostly working", "still flaky", "blocked on docs", "almost there",
  "works on one of two boards"];
const EMOJI = [" :)", " :sweat_smile:", " :tada:", " :thinking_face:", " :rocket:", " :see_no_evil:"];

// ---------------------------------------------------------------------------
// Phrase pools. A top-level entry is a template, or { t, kids } where kids
// are follow-ups that fit that bullet (preferred over the category's
// generic NESTED pool; `kids: []` means the bullet stands alone).
// Placeholders are filled by `fill` below; the same board/SoC/MCU tends to
// be reused in the nested bullets of one top-level bullet.

const TOP = {
  fw: [
    "Got {fw} running on the {board} ({socOf}) up to the first UART output",
    { t: "Continued reversing the {soc} mask ROM and the boot header",
      kids: ["Figured out some fields where key material is put in the header", "Found the USB download mode entry point",
        "That is a mask ROM function to just call into", "Notes so far: {gist}"] },
    { t: "Ported most of the DRAM init for the {board} ({socOf})",
      kids: ["Working fine, some parts of BIST (built-in self-test) remain", "Reference code is very long (> {n}k LoC), but well documented",
        "Tested on the {board2} as well - works"] },
    { t: "Wrote [a simple Rust tool]({repoUrl}) to load code into SRAM on the {soc} over USB",
      kids: ["The vendor tool is tightly coupled with their build tool", "[Helps others]({issueUrl}) :)",
        "Got basic hello on all boards I have"] },
    "Looked into the {soc} boot flow: the BootROM loads a header-prefixed image from SPI NOR",
    { t: "Rebased the `{branch}` branch of oreboot onto main", kids: ["WIP: {repo}", "CI is green again"] },
    "Dumped the {soc} mask ROM and started annotating it in Ghidra",
    { t: "Found an erratum in the {soc} manual: SRAM really starts at `{hex}`", kids: [] },
    { t: "Moved the {soc} support in oreboot to the new PAC and HAL crates",
      kids: ["Upgraded `embedded-hal` to the recently released version 1.0", "Upstream PR: {pr}"] },
    { t: "Got `kexec` to work on the {soc} including purgatory",
      kids: ["Got a patch for alignment in purgatory upstream", "Got kexec file to work (other syscall) based on extra patches (pending in LKML)",
        "QSPI was actually misbehaving due to MTD drivers missing, but adding them made it work fine"] },
    "Played with {fw} + LinuxBoot on the {board}",
    { t: "Brought up [Little Kernel](https://github.com/littlekernel/lk) (almost working!) on a secondary hart of the {soc}",
      kids: ["{toot}", "Will see about running Zephyr on the other hart", "Many SoCs are now AMP (asymmetric multi-processing) systems",
        "Want to gear oreboot toward that use case"] },
    { t: "Minor success with Zephyr on the {soc}, getting spurious interrupts",
      kids: ["Source apparently the video out subsystem, though it should be off", "WIP: {repo}"] },
    "Vendor U-Boot for the {board} ignores the DT passed in by the previous stage{emoji}",
    { t: "Reviewed {pr} adding clock support for the {soc}", kids: [] },
    "Full-stack demo of {fw} + sbitest on the {board}",
    { t: "Been reversing the {soc} DRAM training binary blob (open source... not)",
      kids: ["Some things are a bit confusing due to register reuse and stack allocation", "So far the code runs without crashing",
        "Vendor code seems sorta buggy, putting data in stack memory that appears unused", "{repo}", "{gist}"] },
  ],
  k8s: [
    "Migrated the x86 test cluster to Talos Linux {ver}",
    { t: "Attempting to migrate Rook Ceph into [PVC cluster mode](https://rook.io/docs/rook/latest/CRDs/Cluster/pvc-cluster/)",
      kids: ["Should allow for much more flexibility, especially with dedicated DB+WAL devices", "`ceph osd tree` output looks healthy again"] },
    { t: "Experimenting with [Gateway API](https://gateway-api.sigs.k8s.io/), will be important for Racklet too", kids: [] },
    { t: "Test driving distributed storage based on JuiceFS + MinIO + TiKV",
      kids: ["JuiceFS metadata performance is rather slow with the default database", "FUSE overhead is enormous on the small boards",
        "The MinIO operator is [quite]({issueUrl}) [unusable]({prUrl})", "TiKV is rather CPU-heavy though"] },
    "Tried running Talos on the {board}, the kernel boots but there is no network yet",
    { t: "More work on {repo} for improving Talos ease-of-use", kids: [] },
    { t: "Benchmarked Rook Ceph on {n} {board} nodes", kids: ["Latency went from {n}0 ms to {n2} ms", "Performance impact surprisingly small -> advantageous for Racklet"] },
    { t: "Set up Flux OCI sources as the single source of truth for the cluster config", kids: ["`flux reconcile` takes a while on the small boards"] },
    { t: "Wrote down a first draft of the Racklet software stack: {blog}",
      kids: ["[CNI](https://www.cni.dev/)", "[Gateway API](https://gateway-api.sigs.k8s.io/)", "[CSI](https://kubernetes-csi.github.io/docs/)",
        "[CSI Secrets Store](https://secrets-store-csi-driver.sigs.k8s.io/)"] },
    "Compared [Cilium](https://cilium.io/) and Flannel for the in-rack network",
    { t: "Cluster upgrade via `talosctl upgrade` went smoothly this time", kids: [] },
    "Built multi-arch container images for {k8s} (amd64, arm64 and riscv64)",
    "Evaluated [KubeVirt](https://kubevirt.io/) for running legacy workloads on Racklet",
    { t: "Working on defining a clear infrastructure/workload separation API",
      kids: ["Targeting the home cluster ({n} x86_64 machines) for now, but should be cross-architecture", "Draft: {blog}"] },
    { t: "Storage system is consuming basically all of the CPU capacity on the {board} nodes",
      kids: ["FUSE overhead is enormous", "Testing Ceph BlueStore next..."] },
  ],
  hw: [
    { t: "Routed the first revision of the Racklet backplane in KiCad",
      kids: ["Schematic and layout: {repo}", "The slot connector footprint was mirrored, **bodge wires** for now", "Next revision will move the {mcu} closer to the slot connectors"] },
    { t: "Ordered PCBs for the {mcu}-based management HAT", kids: ["Should arrive in about {n} weeks", "Schematic and layout: {repo}"] },
    { t: "3D printed new mounting brackets for the 19\" mini-rack",
      kids: ["Fits into the mini-rack with about {n} mm to spare", "Need to double-check the clearances for the 2.5\" disks"] },
    { t: "Measured the power consumption of the {board} under load", kids: ["{n} W idle, {n2}0 W under `stress-ng`", "Passive cooling is enough at idle"] },
    "Designed an adapter board so that the {board} fits into a Racklet slot",
    "Soldered the first prototype of the {mcu} power sequencer board",
    "Tested {n} different USB-C PD trigger boards for powering the rack",
    { t: "Experimented with a [Shelly Plus Plug S](https://www.shelly.com/en-fi/products/product-overview/shelly-plus-plug-s) for monitoring rack power consumption", kids: [] },
    { t: "Set up the HW development tooling as a container: {repo}", kids: ["FPGA blinky works already!"] },
    "Measured the thermals of the {soc} with and without a heatsink",
    { t: "Got an INA219 breakout to measure per-slot current", kids: ["{n} W idle, {n2}0 W under `stress-ng`", "Logging to the BMC over I2C works"] },
    { t: "Finally acquired some ChipQuik flux!", kids: [] },
  ],
  mcu: [
    "Ported the Racklet BMC firmware to the {mcu}",
    "Tried [Embassy](https://embassy.dev/) on the {mcu}, async UART and I2C work",
    { t: "PIO-based SD card emulation on the {mcu}: {state}",
      kids: ["Still no clock input, so no advantage in synchronizing with SD host signaling",
        "Disabling the input synchronizers saves 2 cycles of latency -> needs further testing"] },
    "Got `probe-rs` to flash the {mcu} over SWD",
    { t: "Flashed a {mcuboard} as a debug probe for the {board}", kids: ["Works with `probe-rs` out of the box", "Cheaper than any commercial probe"] },
    "Zephyr on the {mcu}: blinky, shell and USB CDC work",
    "Compared the {mcu} and the {mcu2} for the per-slot management controller",
    { t: "Wrote a small protocol for the BMC <-> SBC link: {repo}", kids: ["Would let us drop the separate USB-UART bridge"] },
    "The {board} now reports temperature and power to the BMC over I2C",
    "Prototyped the slot controller on a {mcuboard} before spinning a board",
    { t: "Tested an old STM32F103 board as a stopgap BMC, not worth it", kids: [] },
    { t: "Got a Raspberry Pi Pico 2 with the RP2350",
      kids: ["2x Cortex-M33 + 2x Hazard3 (RISC-V)", "Beefier and (officially) faster PIO", "`probe-rs` needs some work"] },
  ],
  kernel: [
    "Sent v{n} of the {soc} pinctrl driver series: {lore}",
    "Reviewed the DeviceTree bindings for the {board}: {lore}",
    { t: "Got Linux {kver} up and running with oreboot on the {soc} + hacks",
      kids: ["Need native platform timer patches (pending for upstream)", "Defer probing ethernet, temperature sensor and QSPI to the end",
        "`cpu` works, but not `kexec`"] },
    "Bisected a boot regression on the {board} to a clock driver change",
    { t: "Got back to [dtvis](https://github.com/platform-system-interface/dtvis/) to visualize the {board} device tree",
      kids: ["Got permission to use the DeviceTree logo", "Needs better handling of overlays"] },
    "Mainline status for the {soc}: {state}",
    "Got kexec file load to work on the {soc} based on extra patches (pending in LKML)",
  ],
  sec: [
    "Looked into measured boot on the {soc} with a discrete TPM",
    { t: "Found that the {soc} secure boot header only checks a CRC", kids: ["Reported it to the vendor, no answer yet", "Vendor says a fix is coming _soon_"] },
    { t: "Started [UEFI exploitation live sessions]({ytUrl})", kids: ["Drafted an [EFI memory scanner tool]({repoUrl})", "Next session in two weeks"] },
    { t: "Wrote a parser for the {soc} boot image header: {repo}", kids: ["Key material is put at offset `{hex}` in the header"] },
    "Explored signing oreboot images with `minisign`",
  ],
  life: [
    { t: "Busy with {life}, not much time to work on Racklet currently", kids: [] },
    { t: "Back again after some traveling", kids: ["Setting up the development workflow again", "Catching up with the chat backlog"] },
    { t: "Need to do a bit of maintenance on the Racklet repos", kids: [] },
    { t: "Did not have a lot of time to work on projects, things should calm down in a few weeks", kids: [] },
    { t: "Got a {board} and a {board2} to play with",
      kids: ["Figured out how to run code on each", "Will try some u-root/DT experiments on the platform", "Got basic hello on both"] },
    { t: "Finally acquired a {board}{emoji}", kids: ["Will try some u-root/DT experiments on the platform"] },
    { t: "Applied some fixes and improvements to my 3D printer", kids: [] },
  ],
  event: [
    { t: "Visited {event}",
      kids: ["Multiple Racklet-style portable mini-clusters were on show", "No major RISC-V adoption in the cloud native space yet",
        "Met {other} there, good discussions about {proj}", "Talos Linux (also Racklet's base OS) is picking up steam"] },
    { t: "Will present Racklet at {eventNext}", kids: ["Slides will be at {blog}"] },
    { t: "Gave a talk about {talk} at {event}: {yt}", kids: ["Slides: {blog}", "Lots of questions about the BMC design"] },
    { t: "Posted an update on the {board} progress: {toot}", kids: [] },
    { t: "We'll have a hackathon at {eventNext}",
      kids: ["Featuring [TH1520 boards](https://sipeed.com/licheepi4a) (Lichee Pi 4A, Lichee Console 4A)", "{other} has the first setup parts drafted"] },
    { t: "Joining {eventNext}, so won't be able to host the next meeting", kids: [] },
  ],
};

// Generic follow-ups per category, for bullets without their own.
const NESTED = {
  fw: [
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
  ],
  k8s: [
    "Will be important for Racklet too",
    "Filed {issue}",
    "riscv64 images are still missing for some components",
    "Lots of segfaults, a bunch of tweaking needed to get it running somewhat reliably",
    "Docs: {blog}",
    "Needs a bit more automation before it is usable for others",
  ],
  hw: [
    "Schematic and layout: {repo}",
    "Next revision will move the {mcu} closer to the slot connectors",
    "Photos: {toot}",
    "Should be cheap enough to put into every slot",
  ],
  mcu: [
    "`probe-rs` needs some work for this chip",
    "RAM is tight: {n}0 KiB left after the USB stack",
    "An ESP32-C3 could handle the radio side",
    "Code: {repo}",
    "Would let us drop the separate USB-UART bridge",
  ],
  kernel: [
    "Thread: {lore}",
    "Needs `{cfg}` in the defconfig",
    "Acked by the maintainer, should land in {kver}",
    "`dtc -I dtb -O dts` on the vendor blob helped a lot",
  ],
  sec: [
    "Recording: {yt}",
    "Reported it to the vendor, no answer yet",
    "Write-up: {blog}",
  ],
  life: ["Will see how much extra time I still have"],
  event: ["Slides: {blog}", "Recording should be up soon"],
};
const DEEP = [
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

const DISCUSSION = [
  { t: "{board} with {socOf} released", kids: ["Pricing around {n}0 EUR", "Datasheet is finally public", "Needs upstream support before we can really use it"] },
  { t: "Raspberry Pi Pico 2 with RP2350 released",
    kids: ["2x Cortex-M33 + 2x Hazard3 (RISC-V)", "Beefier and (officially) faster PIO", "`probe-rs` needs some work"] },
  "How should Racklet handle firmware updates for the management controllers?",
  { t: "Where to keep the meeting notes long-term (HackMD vs. a GitHub repo)", kids: ["Let's revisit this next time"] },
  "Should we standardize on the {mcu} for all management controllers?",
  { t: "C910 vector extension broken -> [GhostWrite](https://ghostwriteattack.com/)", kids: [] },
  { t: "Supply of {board} boards seems to be drying up", kids: ["{other} has a few spare ones"] },
  { t: "{proj} {ver} released: {blog}", kids: [] },
  { t: "Keep the current meeting time or move it an hour later?", kids: ["Let's revisit this next time", "Consensus: keep it for now"] },
  "Next steps for the backplane revision",
  { t: "Interesting read: {blog}", kids: [] },
  { t: "[WHY2025 badge](https://badge.team/docs/badges/why2025/) will have an ESP32-P4 (main SoC) + ESP32-C3 (for radios) + WCH CH32Vxxx (keyboard)", kids: [] },
  "Framework RISC-V mainboard (JH7110)",
  { t: "Snapdragon X (Elite) UEFI and ACPI + DT?", kids: [] },
  { t: "The Signaloid C0-microSD module finally saw its first code drop: {repo}",
    kids: ["Seems to be binary-only atm., no sources yet (but hopefully soon)", "They've managed to implement block reads and writes from the SD protocol"] },
  "New {soc} boards announced, pricing still unclear",
  { t: "Talk recordings from {event} are online: {yt}", kids: [] },
];
const DISCUSSION_NESTED = [
  "Consensus: try it on one slot first",
  "Would simplify the power sequencing a lot",
  "`{code}` needs some work",
  "Let's revisit this next time",
  "{other} volunteered to look into it",
];

// ---------------------------------------------------------------------------
// Filling templates

function makeFiller(rng, author, handle, year, month, everyone) {
  const board = (withSoc) => rng.pick(withSoc ? BOARDS.filter((b) => b[1]) : BOARDS);
  const repoPair = () =>
    handle && rng.chance(0.45) ? [handle, rng.pick(REPO_NAMES)] : rng.pick(REPOS_ORG);
  const repoUrl = () => {
    const [o, r] = repoPair();
    return `https://github.com/${o}/${r}`;
  };
  const numbered = (kind) => {
    const [o, r] = repoPair();
    return [`https://github.com/${o}/${r}/${kind}/${rng.int(3, 2400)}`, o, r];
  };
  const link = (url, labels) => (rng.chance(0.5) ? url : `[${rng.pick(labels)}](${url})`);
  const ver = () => rng.weighted([[3, `${rng.int(0, 1)}.${rng.int(0, 12)}`], [2, `${rng.int(1, 3)}.${rng.int(0, 9)}.${rng.int(0, 5)}`]]);
  const kver = () => {
    const k = Math.max(0, (year - 2015) * 5 + rng.int(0, 4));
    return k < KERNELS.length ? KERNELS[k] : `6.${k - KERNELS.length + 13}`;
  };
  // A past event already happened this year (else last year); a coming one
  // is later this year (else next year).
  const event = (ahead) => {
    const [name, m] = rng.pick(EVENTS);
    const y = ahead ? (m >= month ? year : year + 1) : m <= month ? year : year - 1;
    return name.replace("{y}", String(y));
  };
  const others = everyone.filter((p) => p !== author);
  const tootBase = (author && author.toot) || rng.pick(PEOPLE.filter((p) => p.toot)).toot;

  return function fill(template, ctx) {
    let t = template;
    if (t.includes("{socOf}") && !(ctx.board && ctx.board[1])) ctx.board = board(true);
    return t.replace(/\{(\w+)\}/g, (_, key) => {
      switch (key) {
        case "board":
          if (!ctx.board || rng.chance(0.3)) ctx.board = board(false);
          return ctx.board[0];
        case "board2": {
          let b;
          do b = board(false);
          while (ctx.board && b[0] === ctx.board[0]);
          return b[0];
        }
        case "socOf":
          return ctx.board[1];
        case "soc":
          if (!ctx.soc || rng.chance(0.3)) ctx.soc = rng.pick(SOCS);
          return ctx.soc;
        case "mcu":
          if (!ctx.mcu || rng.chance(0.3)) ctx.mcu = rng.pick(MCUS);
          return ctx.mcu;
        case "mcuboard":
          return rng.pick(MCU_BOARDS);
        case "mcu2": {
          let m;
          do m = rng.pick(MCUS);
          while (m === ctx.mcu);
          return m;
        }
        case "fw":
          return rng.pick(PROJ_FW);
        case "k8s":
          return rng.pick(PROJ_K8S);
        case "proj":
          return rng.pick(PROJ);
        case "repoUrl":
          return repoUrl();
        case "repo":
          return link(repoUrl(), ["the repo", "repo", "here", "source"]);
        case "prUrl":
          return numbered("pull")[0];
        case "issueUrl":
          return numbered("issues")[0];
        case "pr": {
          const [url] = numbered("pull");
          return rng.chance(0.5) ? url : `[PR #${url.split("/").pop()}](${url})`;
        }
        case "issue": {
          const [url] = numbered("issues");
          return rng.chance(0.4) ? url : `[an issue](${url})`;
        }
        case "gist":
          return `https://gist.github.com/${handle || "racklet"}/${rng.hex(32)}`;
        case "toot":
          return `${tootBase}/${rng.digits(18)}`;
        case "ytUrl":
          return `https://www.youtube.com/watch?v=${rng.alnum(11)}`;
        case "yt":
          return link(`https://www.youtube.com/watch?v=${rng.alnum(11)}`, ["recording", "video", "talk recording"]);
        case "lore": {
          const m = String(rng.int(1, 12)).padStart(2, "0");
          const d = String(rng.int(1, 28)).padStart(2, "0");
          const who = (handle || "racklet").replace(/-/g, "");
          const hms = [rng.int(0, 23), rng.int(0, 59), rng.int(0, 59)].map((x) => String(x).padStart(2, "0")).join("");
          const url = `https://lore.kernel.org/${rng.pick(LORE_LISTS)}/${year}${m}${d}${hms}.${rng.digits(5)}-${rng.int(1, 9)}-${who}@example.org/`;
          return link(url, ["series", "patches", "thread"]);
        }
        case "blog": {
          const host = rng.pick(BLOG_HOSTS);
          const slug = rng.pick(BLOG_SLUGS);
          const url = host.startsWith("https://blog.")
            ? `${host}/${year}/${String(rng.int(1, 12)).padStart(2, "0")}/${slug}/`
            : `${host}/${slug}`;
          return link(url, ["write-up", "blog post", "notes", "article"]);
        }
        case "code":
          ctx.code = rng.pick(CODE);
          return ctx.code;
        case "code2": {
          let c;
          do c = rng.pick(CODE);
          while (c === ctx.code);
          return c;
        }
        case "cfg":
          return rng.pick(CFG);
        case "hex":
          return `0x${rng.hex(4)}_${rng.hex(2)}00`;
        case "n":
          return String(rng.int(2, 9));
        case "n2":
          return String(rng.int(2, 9));
        case "ver":
          return ver();
        case "kver":
          return kver();
        case "branch":
          return rng.pick(BRANCHES);
        case "event":
          return event(false);
        case "eventNext":
          return event(true);
        case "life":
          return rng.pick(LIFE);
        case "talk":
          return rng.pick(TALKS);
        case "state":
          return rng.pick(STATES);
        case "other":
          return others.length ? firstName(rng.pick(others)) : "someone";
        case "emoji":
          return rng.pick(EMOJI);
        default:
          throw new Error(`unknown placeholder {${key}}`);
      }
    });
  };
}

// ---------------------------------------------------------------------------
// Planning: which meetings are listed, skipped, held; who came.

const dates = meetingDates();
const total = dates.length;
const planRng = new Rng("plan");

// Meeting times: a few eras, switching on a meeting date.
const TIMES = ["6:00 PM CET/CEST", "5:00 PM CET/CEST", "3:00 PM UTC", "4:00 PM UTC", "5:00 PM UTC"];
const timeOf = new Array(total);
{
  // Roughly evenly spaced switches (with jitter), starting in the evening CET era.
  const switches = new Set();
  const nSwitch = Math.round(YEARS * 0.4);
  for (let k = 1; k <= nSwitch; k++) {
    const at = Math.round((k * total) / (nSwitch + 1)) + planRng.int(-8, 8);
    if (at > 0 && at < total) switches.add(at);
  }
  let current = TIMES[0];
  for (let i = 0; i < total; i++) {
    if (switches.has(i)) {
      let next;
      do next = planRng.pick(TIMES);
      while (next === current);
      current = next;
    }
    timeOf[i] = { text: current };
  }
  // How many meetings since the last switch: for "(**note the updated time!**)".
  let since = Infinity;
  for (let i = 0; i < total; i++) {
    since = switches.has(i) ? 0 : since + 1;
    timeOf[i].sinceChange = since;
  }
}
// Summer breaks ("No meeting until August") in about one year of five.
const summerBreaks = new Set(
  planRng
    .shuffle(Array.from({ length: YEARS }, (_, k) => START_YEAR + k))
    .slice(0, Math.round(YEARS * 0.2)),
);
// Per-year habits: ordinal dates, a trailing space after the date field,
// 2-space list indentation.
const yearHabit = new Map();
for (let y = START_YEAR; y <= END_YEAR; y++) {
  const r = new Rng(`year:${y}`);
  yearHabit.set(y, {
    ordinal: r.chance(0.3) ? 0.35 : 0.03,
    trailingSpace: r.chance(0.25),
    indent2: r.chance(0.2) ? 0.4 : 0.05,
    summerBreak: summerBreaks.has(y),
  });
}
const fraction = (i) => (total <= 1 ? 1 : i / (total - 1));
const renameAt = Math.floor(total / 2);

// Listed meetings, oldest first.
const meetings = [];
{
  let omitUntil = -1;
  for (let i = 0; i < total; i++) {
    const t = dates[i];
    if (t < omitUntil) continue;
    const { y, m, d } = ymd(t);
    const rng = new Rng(`plan:${iso(t)}`);
    const newest = i === total - 1;
    const mt = { i, t, year: y, status: "held", note: null };
    if (newest) {
      mt.status = "planned";
    } else if (yearHabit.get(y).summerBreak && m === 5 && d >= 8 && d <= 21) {
      // "No meeting until August" (or September): the dates between are not listed.
      const target = rng.chance(0.85) ? 7 : 8;
      const until = Date.UTC(y, target, 1);
      if (dates[total - 1] > until) {
        mt.status = "skipped";
        mt.note = `No meeting until ${MONTHS[target]}`;
        omitUntil = until;
      }
    } else if (m === 11 && d >= 20 && rng.chance(0.55)) {
      mt.status = "skipped";
      if (rng.chance(0.4) && d <= 24 && dates[i + 1] !== undefined && i + 1 < total - 1) {
        mt.note = "No meeting until January";
        omitUntil = Date.UTC(y + 1, 0, 1);
      } else {
        mt.note = "No meeting";
      }
    } else if (rng.chance(0.06)) {
      mt.status = "skipped";
      mt.note = "No meeting";
    }
    meetings.push(mt);
  }
}
// Never let an omitted range swallow the planned meeting.
if (meetings[meetings.length - 1].i !== total - 1) throw new Error("internal: newest meeting omitted");

function handleAt(p, i) {
  if (!p.handle) return null;
  return p.renamed && i >= renameAt ? p.renamed : p.handle;
}

for (const mt of meetings) {
  const rng = new Rng(`people:${iso(mt.t)}`);
  const f = fraction(mt.i);
  const active = PEOPLE.filter((p) => f >= p.span[0] && f <= p.span[1]);
  mt.active = active;
  mt.hostRng = rng;
  if (mt.status !== "held") {
    // Skipped meetings name nobody; the planned one gets a host below.
    mt.participants = [];
    mt.hosts = [];
    continue;
  }
  let parts = active.filter((p) => rng.chance(p.attend));
  if (parts.length === 0) parts = [rng.weighted(active.map((p) => [p.host, p]))];
  while (parts.length > 6) {
    // Drop the least regular attendee.
    parts.sort((a, b) => b.attend - a.attend);
    parts.pop();
  }
  parts = PEOPLE.filter((p) => parts.includes(p)); // pool order, like the real notes
  mt.participants = parts;
  mt.hosts = [rng.weighted(parts.map((p) => [p.host, p]))];
}
const attendedEver = new Set(meetings.flatMap((m) => m.participants));
for (const mt of meetings.filter((m) => m.status === "planned")) {
  // Someone who came before, so that the host is a known person.
  const known = mt.active.filter((p) => attendedEver.has(p));
  mt.hosts = [mt.hostRng.weighted((known.length ? known : mt.active).map((p) => [p.host, p]))];
}

// ---------------------------------------------------------------------------
// Writing

const REMARKS_ABSENT = ["couldn't join, sorry", "couldn't really join, sorry", "async update", "not attending, notes only",
  "sent in via chat"];
const LOCATIONS = ["https://meet.jit.si/racklet-community", "https://jitsi.hamburg.ccc.de/racklet-community"];
const FALLBACK_LOCATION = "https://meet.ffmuc.net/racklet-community";

function personLine(p, i) {
  const h = handleAt(p, i);
  return h ? `${p.name}, @${h}` : p.name;
}
function hostText(p, i) {
  const h = handleAt(p, i);
  return h ? `@${h}` : p.name;
}

function bullets(rng, fill, pools, count, indentUnit) {
  const lines = [];
  const used = new Set();
  for (let k = 0; k < count; k++) {
    const pool = pools.top();
    let entry;
    for (let tries = 0; tries < 6; tries++) {
      entry = rng.pick(pool.top);
      if (!used.has(entry)) break;
    }
    used.add(entry);
    const { t: tpl, kids: own } = typeof entry === "string" ? { t: entry, kids: null } : entry;
    const ctx = {};
    let text = fill(tpl, ctx);
    if (rng.chance(0.03) && !text.includes(":")) text += rng.pick(EMOJI);
    lines.push(`- ${text}`);
    if (own && own.length === 0) continue;
    const kids = own ? rng.weighted([[25, 0], [35, 1], [25, 2], [15, 3]]) : rng.weighted([[45, 0], [30, 1], [17, 2], [8, 3]]);
    const usedKids = new Set();
    for (let c = 0; c < kids; c++) {
      const source = own && rng.chance(0.85) ? own : pool.nested;
      let ktpl;
      for (let tries = 0; tries < 6; tries++) {
        ktpl = rng.pick(source);
        if (!usedKids.has(ktpl)) break;
      }
      if (usedKids.has(ktpl)) continue;
      usedKids.add(ktpl);
      lines.push(`${indentUnit}- ${fill(ktpl, ctx)}`);
      const grand = rng.weighted([[85, 0], [12, 1], [3, 2]]);
      for (let g = 0; g < grand; g++) {
        lines.push(`${indentUnit.repeat(2)}- ${fill(rng.pick(DEEP), ctx)}`);
        if (rng.chance(0.08)) lines.push(`${indentUnit.repeat(3)}- ${fill(rng.pick(DEEP), ctx)}`);
      }
    }
  }
  return lines;
}

function renderMeeting(mt) {
  const rng = new Rng(`text:${iso(mt.t)}`);
  const habit = yearHabit.get(mt.year);
  const time = timeOf[mt.i];
  const date = dateText(mt.t, rng.chance(habit.ordinal));
  const out = [`# ${date} ${time.text}`, ""];
  const manifest = {
    date: iso(mt.t),
    heading: `${date} ${time.text}`,
    status: mt.status,
    note: mt.note,
    participants: mt.participants.map((p) => ({ key: p.key, name: p.name, handle: handleAt(p, mt.i) })),
    hosts: mt.hosts.map((p) => p.key),
    recaps: [],
    discussion: false,
  };
  if (mt.status === "skipped") {
    out.push(":::info", mt.note, ":::", "");
    return { text: out.join("\n"), manifest };
  }
  const location = LOCATIONS[fraction(mt.i) < 0.4 ? 0 : 1];
  out.push(":::info", `- **Location:** ${location}`);
  if (mt.status === "held" && rng.chance(0.03)) {
    out.push(`    - Temporarily switched to ${FALLBACK_LOCATION} because the usual one misbehaved`);
  }
  const updated = time.sinceChange <= 2 ? " (**note the updated time!**)" : habit.trailingSpace ? " " : "";
  out.push(`- **Date:** ${date} ${time.text}${updated}`);
  out.push(`- **Host:** ${mt.hosts.map((h) => hostText(h, mt.i)).join(", ")}`);
  out.push("- **Participants:**");
  for (const p of mt.participants) out.push(`    - ${personLine(p, mt.i)}`);
  out.push(":::", "");
  if (mt.status === "planned") return { text: out.join("\n"), manifest };

  // Recaps: most participants, host first; now and then one from someone
  // who could not join.
  let recappers = mt.participants.filter((p) => rng.chance(p.recap));
  if (recappers.length === 0) recappers = [mt.hosts[0]];
  const host = mt.hosts[0];
  if (recappers.includes(host)) recappers = [host, ...recappers.filter((p) => p !== host)];
  recappers = recappers.slice(0, 5);
  const recaps = recappers.map((p) => ({ person: p, remark: null }));
  const absentees = mt.active.filter((p) => !mt.participants.includes(p) && attendedEver.has(p));
  if (recaps.length < 5 && absentees.length && rng.chance(0.1)) {
    const p = rng.pick(absentees);
    const at = rng.int(0, recaps.length);
    recaps.splice(at, 0, { person: p, remark: rng.pick(REMARKS_ABSENT) });
  }

  out.push("## Biweekly Recap", "");
  const everyone = mt.active;
  for (const { person, remark } of recaps) {
    const fill = makeFiller(rng, person, handleAt(person, mt.i), mt.year, ymd(mt.t).m + 1, everyone);
    out.push(`### ${firstName(person)}${remark ? ` (${remark})` : ""}`, "");
    const pools = {
      top() {
        const cat = rng.weighted(person.interests.map(([c, w]) => [w, c]));
        return { top: TOP[cat], nested: NESTED[cat] };
      },
    };
    const count = rng.weighted([[16, 2], [24, 3], [22, 4], [16, 5], [11, 6], [7, 7], [4, 8]]);
    const indent = rng.chance(habit.indent2) ? "  " : "    ";
    out.push(...bullets(rng, fill, pools, count, indent), "");
    manifest.recaps.push({ key: person.key, remark });
  }

  if (rng.chance(0.5)) {
    manifest.discussion = true;
    out.push("## Discussion Topics", "");
    const fill = makeFiller(rng, null, null, mt.year, ymd(mt.t).m + 1, everyone);
    const pools = { top: () => ({ top: DISCUSSION, nested: DISCUSSION_NESTED }) };
    out.push(...bullets(rng, fill, pools, rng.int(1, 5), "    "), "");
  }
  return { text: out.join("\n"), manifest };
}

function title() {
  const span = START_YEAR === END_YEAR ? `${END_YEAR}` : `${START_YEAR}–${END_YEAR}`;
  return `# Racklet Community Meeting Notes ${span} (synthetic)`;
}

function intro() {
  const latest = timeOf[total - 1].text; // e.g. "4:00 PM UTC"
  const [hm, ampm, zone] = latest.split(" ");
  const hour = hm.split(":")[0];
  const zoneSlug = zone.split("/")[0].toLowerCase();
  return (
    `This document contains **synthetic** notes of the [Racklet](https://github.com/racklet/) community meeting, ` +
    `generated by \`scripts/gen-archive.mjs --years ${YEARS} --end-year ${END_YEAR} --seed ${SEED}\` for benchmarks and tests; ` +
    `people, links and events in it are made up. The meeting occurs every other Tuesday at ` +
    `[${hour} ${ampm} ${zone}](https://dateful.com/convert/${zoneSlug}?t=${hour}${ampm.toLowerCase()}) (on **even** weeks). ` +
    `Check the [#racklet](https://osfw.slack.com/messages/racklet/) channel on the OSFW Slack for more info.`
  );
}

const parts = [title(), "", intro(), "", "[TOC]", ""];
const manifestMeetings = [];
for (const mt of meetings.slice().reverse()) {
  const { text, manifest } = renderMeeting(mt);
  parts.push(text);
  manifestMeetings.push(manifest);
}
const markdown = parts.join("\n").replace(/\n+$/, "\n");

if (args.out) writeFileSync(args.out, markdown);
else process.stdout.write(markdown);

if (args.manifest) {
  const count = (s) => manifestMeetings.filter((m) => m.status === s).length;
  const manifest = {
    args: { years: YEARS, endYear: END_YEAR, seed: SEED },
    counts: { meetings: manifestMeetings.length, held: count("held"), skipped: count("skipped"), planned: count("planned") },
    people: PEOPLE.map((p) => ({
      key: p.key,
      name: p.name,
      handles: p.handle ? (p.renamed ? [p.handle, p.renamed] : [p.handle]) : [],
    })),
    meetings: manifestMeetings,
  };
  writeFileSync(args.manifest, JSON.stringify(manifest, null, 2) + "\n");
}
