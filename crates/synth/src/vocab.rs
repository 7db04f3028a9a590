//! Words of the field: hardware as people write it, software projects,
//! events, and the places links point to.
//!
//! Hardware comes with its spellings (`VisionFive 2`, `VisionFive2`,
//! `StarFive VisionFive 2`), so the text exercises alias matching the way
//! real notes do. Every token shaped like a part number (`INA219`,
//! `STM32F103`) is real hardware; prose elsewhere avoids such tokens, so a
//! hardware chart of a synthetic archive shows only hardware.

/// A board and the SoC on it, each with the spellings people use.
pub(crate) struct Board {
    pub forms: &'static [&'static str],
    pub soc: &'static [&'static str],
}

const fn board(forms: &'static [&'static str], soc: &'static [&'static str]) -> Board {
    Board { forms, soc }
}

const JH7110: &[&str] = &["JH7110", "JH7110", "JH-7110", "StarFive JH7110"];
const K1: &[&str] = &["K1", "SpacemiT K1", "K1x"];
const TH1520: &[&str] = &["TH1520", "T-Head TH1520"];
const RK3588: &[&str] = &["RK3588", "Rockchip RK3588"];
const SG2002: &[&str] = &["SG2002", "Sophgo SG2002"];
const BCM2711: &[&str] = &["BCM2711"];
const D1: &[&str] = &["Allwinner D1", "D1"];

pub(crate) const BOARDS: &[Board] = &[
    board(
        &["VisionFive 2", "VisionFive2", "StarFive VisionFive 2", "VisionFive 2"],
        JH7110,
    ),
    board(&["Milk-V Mars", "MilkV Mars"], JH7110),
    board(&["Mars CM", "Milk-V Mars CM"], JH7110),
    board(&["Star64", "Pine64 Star64"], JH7110),
    board(&["Framework RISC-V mainboard"], JH7110),
    board(&["BPI-F3", "Banana Pi BPI-F3", "Banana Pi F3"], K1),
    board(&["MuseBook"], &["K1x"]),
    board(&["Milk-V Jupiter"], K1),
    board(&["Milk-V Duo", "Duo", "MilkV Duo"], &["CV1800B"]),
    board(&["Duo S", "Milk-V Duo S"], &["SG2000"]),
    board(&["Duo 256M", "Milk-V Duo 256M"], SG2002),
    board(&["LicheeRV Nano", "Sipeed LicheeRV Nano"], SG2002),
    board(&["Lichee Pi 4A", "LicheePi 4A", "LPi4A", "Lichee Pi 4A"], TH1520),
    board(&["Lichee Console 4A"], TH1520),
    board(&["BeagleV-Ahead"], TH1520),
    board(&["ROCK 5B", "Rock 5B", "Rock Pi 5B", "Radxa ROCK 5B"], RK3588),
    board(
        &["Orange Pi 5", "OrangePi 5", "Orange Pi 5 Plus"],
        &["RK3588S", "Rockchip RK3588S"],
    ),
    board(&["Quartz64", "Pine64 Quartz64"], &["RK3566"]),
    board(&["ODROID-M1"], &["RK3568", "Rockchip RK3568"]),
    board(&["ODROID-C4", "Odroid C4", "ODROID C4"], &["S905X3", "Amlogic S905X3"]),
    board(&["Raspberry Pi 4", "Pi 4", "RPi 4", "Raspberry Pi 4B"], BCM2711),
    board(&["Raspberry Pi 5", "Pi 5", "RPi 5"], &["BCM2712"]),
    board(&["CM4", "Compute Module 4", "Raspberry Pi CM4"], BCM2711),
    board(&["Nezha", "D1 Nezha", "Allwinner Nezha"], D1),
    board(&["Orange Pi Zero 2", "OrangePi Zero2"], &["H616", "Allwinner H616"]),
    board(&["Ox64", "Pine64 Ox64"], &["BL808", "Bouffalo BL808"]),
    board(&["HiFive Unmatched"], &["FU740"]),
    board(&["AM64x EVM", "TI AM64x EVM"], &["AM6442"]),
    board(
        &["i.MX8M Plus EVK", "i.MX 8M Plus EVK"],
        &["i.MX8M Plus", "i.MX 8M Plus"],
    ),
];

/// SoCs on their own, as in "the JH7110 mask ROM".
pub(crate) const SOCS: &[&str] = &[
    "JH7110",
    "JH7110",
    "JH-7110",
    "JH7100",
    "SpacemiT K1",
    "K1",
    "K1x",
    "SG2000",
    "SG2002",
    "CV1800B",
    "TH1520",
    "T-Head TH1520",
    "RK3588",
    "RK3566",
    "RK3568",
    "Allwinner D1",
    "D1",
    "H616",
    "Allwinner H616",
    "AM6442",
    "BL808",
    "i.MX8M",
    "i.MX 8M Mini",
    "BCM2711",
    "S905X3",
];

/// Microcontrollers: (singular, plural as people write it).
pub(crate) const MCUS: &[(&str, &str)] = &[
    ("RP2040", "RP2040s"),
    ("RP2040", "RP2040 boards"),
    ("RP2350", "RP2350s"),
    ("ESP32", "ESP32s"),
    ("ESP32-C3", "ESP32-C3s"),
    ("ESP32-C3", "ESP32-C3 modules"),
    ("ESP32-C6", "ESP32-C6 boards"),
    ("ESP32-S3", "ESP32-S3s"),
    ("STM32F103", "STM32s"),
    ("STM32G0", "STM32s"),
    ("CH32V003", "CH32V003s"),
    ("WCH CH32V003", "CH32V003 chips"),
    ("CH32V307", "CH32V307 boards"),
    ("GD32VF103", "GD32VF103 boards"),
    ("nRF52840", "nRF52840 dongles"),
];

pub(crate) const MCU_BOARDS: &[&str] = &[
    "Raspberry Pi Pico",
    "Pi Pico",
    "Pico 2",
    "Raspberry Pi Pico 2",
    "Blue Pill",
    "ESP32-C3 DevKitM",
    "Seeed XIAO ESP32C3",
];

/// FPGAs and FPGA boards.
pub(crate) const FPGAS: &[&str] = &[
    "iCE40",
    "Lattice iCE40",
    "iCE40UP5K",
    "ECP5",
    "Lattice ECP5",
    "ECP5-85F",
];
pub(crate) const FPGA_BOARDS: &[&str] = &["ULX3S", "ULX3S", "iCEBreaker", "OrangeCrab", "Tang Nano 9K", "Arty A7"];

/// Baseboard management controllers and what they sit on.
pub(crate) const BMCS: &[&str] = &["AST2600", "Aspeed AST2600", "AST2500", "i.MX8M", "RP2040", "STM32F103"];

pub(crate) const PROJ_FW: &[&str] = &[
    "oreboot",
    "oreboot",
    "oreboot",
    "u-root",
    "LinuxBoot",
    "coreboot",
    "U-Boot",
    "OpenSBI",
    "Zephyr",
];
pub(crate) const PROJ_K8S: &[&str] = &[
    "Talos Linux",
    "Talos",
    "Rook Ceph",
    "Flux",
    "Cilium",
    "JuiceFS",
    "MinIO",
    "TiKV",
    "Kubernetes",
];
pub(crate) const PROJ: &[&str] = &[
    "oreboot",
    "u-root",
    "coreboot",
    "OpenSBI",
    "Zephyr",
    "Talos Linux",
    "Rook Ceph",
    "Cilium",
    "KiCad",
    "Embassy",
    "Tock",
    "OpenBMC",
    "probe-rs",
    "LiteX",
    "Yosys",
    "nextpnr",
];

/// Events: a name with `{y}` for its year, and its month (0: no year in
/// the name, so any month will do).
pub(crate) const EVENTS: &[(&str, u32)] = &[
    ("FOSDEM {y}", 2),
    ("KubeCon + CloudNativeCon EU {y}", 4),
    ("RISC-V Summit Europe {y}", 6),
    ("OSFC {y}", 9),
    ("the RISC-V Munich meetup", 0),
    ("Embedded World {y}", 3),
    ("RustNL {y}", 5),
    ("Hackaday Supercon {y}", 11),
    ("the Chaos Communication Congress", 0),
    ("Open Source Summit Europe {y}", 9),
    ("Linux Plumbers {y}", 9),
    ("FPGA Ignite {y}", 7),
];

/// Linux releases from 4.0 on, five a year from 2015.
pub(crate) fn kernel(index: usize) -> String {
    match index {
        0..=20 => format!("4.{index}"),
        21..=40 => format!("5.{}", index - 21),
        n => format!("6.{}", n - 41),
    }
}

pub(crate) const LIFE: &[&str] = &[
    "thesis work",
    "exams",
    "moving flats",
    "a new job",
    "a family visit",
    "a conference trip",
    "day job deadlines",
    "renovating the workshop",
];
pub(crate) const TALKS: &[&str] = &[
    "open firmware for RISC-V SBCs",
    "Racklet",
    "mask ROM reversing",
    "Kubernetes on tiny clusters",
    "Rust on bare metal",
    "the state of open hardware BMCs",
    "open FPGA toolchains",
];
pub(crate) const CODE: &[&str] = &[
    "kexec",
    "cpu",
    "probe-rs",
    "embedded-hal",
    "talosctl upgrade",
    "ceph osd tree",
    "cargo xtask build",
    "dtc -I dtb -O dts",
    "make menuconfig",
    "flux reconcile",
    "kubectl get nodes",
    "defmt",
    "xtask flash",
    "picotool",
    "openFPGALoader",
];
pub(crate) const CFG: &[&str] = &[
    "CONFIG_MTD_SPI_NOR",
    "CONFIG_KEXEC_FILE",
    "CONFIG_SERIAL_8250_DW",
    "CONFIG_RISCV_SBI_V01",
    "CONFIG_CMA",
];
pub(crate) const STATES: &[&str] = &[
    "boots to a shell",
    "mostly working",
    "still flaky",
    "blocked on docs",
    "almost there",
    "works on one of two boards",
];
pub(crate) const EMOJI: &[&str] = &[
    " :)",
    " :sweat_smile:",
    " :tada:",
    " :thinking_face:",
    " :rocket:",
    " :see_no_evil:",
];

// ---------------------------------------------------------------- links

pub(crate) const REPOS_ORG: &[(&str, &str)] = &[
    ("racklet", "racklet"),
    ("racklet", "meeting-notes"),
    ("racklet", "libgitops"),
    ("oreboot", "oreboot"),
    ("u-root", "u-root"),
    ("u-root", "cpu"),
    ("siderolabs", "talos"),
    ("rook", "rook"),
    ("zephyrproject-rtos", "zephyr"),
    ("platform-system-interface", "dtvis"),
    ("embassy-rs", "embassy"),
    ("probe-rs", "probe-rs"),
    ("linuxboot", "linuxboot"),
    ("littlekernel", "lk"),
    ("openbmc", "openbmc"),
    ("enjoy-digital", "litex"),
    ("YosysHQ", "yosys"),
];
pub(crate) const REPO_NAMES: &[&str] = &[
    "racklet-bmc",
    "mini-rack",
    "backplane",
    "dram-tools",
    "maskrom-notes",
    "sd-emulator",
    "k8s-lab",
    "hat-test-fixture",
    "boot-header-rs",
    "power-monitor",
    "talos-bootstrap",
    "sg_boot",
    "rack-cad",
    "fpga-sandbox",
];
pub(crate) const REPO_FILES: &[&str] = &[
    "src/main.rs",
    "README.md",
    "docs/boot-flow.md",
    "src/mainboard/dram.rs",
    "hardware/backplane.kicad_sch",
    "Makefile",
    "src/lib.rs",
];
pub(crate) const BRANCHES: &[&str] = &[
    "all-the-things-wip",
    "dram-init",
    "k1x-bringup",
    "pac-hal",
    "smp-wip",
    "th1520-bt0",
];
pub(crate) const BLOG_HOSTS: &[&str] = &[
    "https://blog.example.com",
    "https://www.example.org/posts",
    "https://notes.example.net",
    "https://hardware.example.com/articles",
];
pub(crate) const BLOG_SLUGS: &[&str] = &[
    "racklet-software-stack",
    "tiny-clusters-big-plans",
    "risc-v-boot-flows",
    "mask-rom-adventures",
    "rook-ceph-on-arm",
    "sd-card-emulation",
    "bmc-design-notes",
    "power-budget",
    "why-open-firmware",
    "kubernetes-at-home",
    "dram-training-explained",
    "device-trees-for-humans",
    "fpga-blinky-to-soc",
];
pub(crate) const LORE_LISTS: &[&str] = &[
    "linux-riscv",
    "devicetree",
    "linux-arm-kernel",
    "u-boot",
    "linux-clk",
    "opensbi",
];
/// Mailing-list archives in pipermail, by list.
pub(crate) const PIPERMAIL: &[&str] = &[
    "https://lists.infradead.org/pipermail/linux-riscv",
    "https://lists.infradead.org/pipermail/opensbi",
    "https://lists.denx.de/pipermail/u-boot",
    "https://lists.ozlabs.org/pipermail/openbmc",
];
/// Plain product and project pages.
pub(crate) const SITES: &[&str] = &[
    "https://www.raspberrypi.com/products/raspberry-pi-5/",
    "https://milkv.io/duo",
    "https://wiki.sipeed.com/hardware/en/lichee/th1520/lpi4a/1_intro.html",
    "https://www.hardkernel.com/shop/odroid-c4/",
    "https://radxa.com/products/rock5/5b/",
    "https://radiona.org/ulx3s/",
    "https://docs.embassy.dev/embassy-rp/",
    "https://www.kernel.org/",
    "https://rook.io/",
    "https://oreboot.org/",
    "https://www.openbmc.org/",
];
pub(crate) const MEETING_ROOMS: &[&str] = &[
    "https://meet.jit.si/racklet-community",
    "https://jitsi.hamburg.ccc.de/racklet-community",
];
pub(crate) const FALLBACK_ROOM: &str = "https://meet.ffmuc.net/racklet-community";
