//! A small seeded PRNG (SplitMix64) and the few ways the generator draws
//! from it.
//!
//! Every part of an archive draws from its own stream, derived from the seed
//! and a label such as `"text:2024-08-20"`. That keeps the output stable
//! where it can be: changing how one meeting is written does not reshuffle
//! every meeting after it, so a change to the generator shows up in a diff
//! as a local change. No floating-point maths beyond comparing a uniform
//! draw with a probability, so the same options give the same bytes on
//! every platform.

/// SplitMix64: tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// The stream for `label` under `seed`.
    pub fn new(seed: u64, label: &str) -> Rng {
        // FNV-1a over the label, then mixed with the seed, so nearby seeds
        // and similar labels still start far apart.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in label.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ h);
        rng.next();
        rng
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift: the bias is far below
    /// anything a test could notice.
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi);
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    pub fn pick<T: Copy>(&mut self, list: &[T]) -> T {
        list[self.below(list.len())]
    }

    pub fn pick_ref<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }

    /// Picks from `(weight, value)` pairs; weights need not sum to anything.
    pub fn weighted<T: Copy>(&mut self, pairs: &[(u32, T)]) -> T {
        let total: u32 = pairs.iter().map(|(w, _)| w).sum();
        if total == 0 {
            return pairs[0].1;
        }
        let mut r = self.below(total as usize) as u32;
        for (w, v) in pairs {
            if r < *w {
                return *v;
            }
            r -= w;
        }
        pairs[pairs.len() - 1].1
    }

    pub fn shuffle<T>(&mut self, list: &mut [T]) {
        for i in (1..list.len()).rev() {
            let j = self.below(i + 1);
            list.swap(i, j);
        }
    }

    /// `n` characters from `alphabet` (ASCII).
    pub fn chars(&mut self, n: usize, alphabet: &str) -> String {
        let bytes = alphabet.as_bytes();
        (0..n).map(|_| char::from(self.pick(bytes))).collect()
    }

    pub fn alnum(&mut self, n: usize) -> String {
        self.chars(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    }

    pub fn hex(&mut self, n: usize) -> String {
        self.chars(n, "0123456789abcdef")
    }

    /// `n` digits without a leading zero.
    pub fn digits(&mut self, n: usize) -> String {
        let mut s = self.chars(1, "123456789");
        s.push_str(&self.chars(n.saturating_sub(1), "0123456789"));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::new(1, "x").next()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::new(1, "x").next(), Rng::new(2, "x").next());
        assert_ne!(Rng::new(1, "x").next(), Rng::new(1, "y").next());
    }

    #[test]
    fn draws_stay_in_range() {
        let mut r = Rng::new(7, "range");
        for _ in 0..1000 {
            let v = r.int(-3, 5);
            assert!((-3..=5).contains(&v));
            assert!(r.below(3) < 3);
        }
        assert_eq!(r.weighted(&[(0, 'a'), (5, 'b')]), 'b');
    }
}
