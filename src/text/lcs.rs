//! The length of a longest common subsequence of two word lists, a
//! machine word at a time.

/// The length of the longest common subsequence of one word list (set with
/// [`Lcs::set_old`]) and others, by the bit-parallel algorithm of Allison
/// and Dix (Hyyrö's formulation): a row of the dynamic programme in
/// ⌈len/64⌉ machine words, one pass over the other list.
pub(crate) struct Lcs {
    /// Word → 1 + its slot in `masks`, 0 when not in the old list.
    slot: Vec<u32>,
    /// For each distinct word of the old list, the bit set of its positions.
    masks: Vec<u64>,
    blocks: usize,
    len: usize,
    used: Vec<u32>,
    row: Vec<u64>,
}

impl Lcs {
    /// Scratch space for words numbered below `vocabulary`.
    pub(crate) fn new(vocabulary: usize) -> Lcs {
        Lcs {
            slot: vec![0; vocabulary],
            masks: Vec::new(),
            blocks: 0,
            len: 0,
            used: Vec::new(),
            row: Vec::new(),
        }
    }

    /// Sets the list the others are compared with.
    pub(crate) fn set_old(&mut self, a: &[u32]) {
        for &w in &self.used {
            self.slot[w as usize] = 0;
        }
        self.used.clear();
        self.masks.clear();
        self.len = a.len();
        self.blocks = a.len().div_ceil(64);
        for (position, &w) in a.iter().enumerate() {
            if self.slot[w as usize] == 0 {
                self.used.push(w);
                self.masks.resize(self.masks.len() + self.blocks, 0);
                self.slot[w as usize] = (self.masks.len() / self.blocks) as u32;
            }
            let base = (self.slot[w as usize] as usize - 1) * self.blocks;
            self.masks[base + position / 64] |= 1 << (position % 64);
        }
    }

    /// The length of the longest common subsequence with `b`.
    pub(crate) fn length(&mut self, b: &[u32]) -> usize {
        let blocks = self.blocks;
        self.row.clear();
        self.row.resize(blocks, u64::MAX);
        for &w in b {
            let slot = self.slot.get(w as usize).copied().unwrap_or(0) as usize;
            if slot == 0 {
                continue;
            }
            let mask = &self.masks[(slot - 1) * blocks..slot * blocks];
            let mut carry = false;
            for (v, &m) in self.row.iter_mut().zip(mask) {
                let u = *v & m;
                let (sum, c1) = v.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *v = sum | (*v - u);
            }
        }
        let mut zeros = 0;
        for (block, &v) in self.row.iter().enumerate() {
            let bits = (self.len - block * 64).min(64);
            let valid = if bits == 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            };
            zeros += (!v & valid).count_ones() as usize;
        }
        zeros
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_parallel_lcs_matches_the_dynamic_programme() {
        fn dp(a: &[u32], b: &[u32]) -> usize {
            let mut row = vec![0usize; b.len() + 1];
            for &x in a {
                let mut diagonal = 0;
                for (k, &y) in b.iter().enumerate() {
                    let up = row[k + 1];
                    row[k + 1] = if x == y { diagonal + 1 } else { up.max(row[k]) };
                    diagonal = up;
                }
            }
            row[b.len()]
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as u32
        };
        let mut lcs = Lcs::new(12);
        for round in 0..300 {
            let (la, lb) = (next(150) as usize, next(150) as usize);
            let alphabet = 2 + round % 10;
            let a: Vec<u32> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..lb).map(|_| next(alphabet + 1)).collect();
            lcs.set_old(&a);
            assert_eq!(lcs.length(&b), dp(&a, &b), "{a:?} {b:?}");
        }
    }
}
