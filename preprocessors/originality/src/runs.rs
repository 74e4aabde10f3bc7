//! Shared runs between a chapter and the sources: every window of `k` tokens of the sources
//! is indexed by a rolling hash (Rabin–Karp), so a chapter is checked in one pass, each
//! window looked up once (a binary search) and each candidate verified token by token. A run is reported from
//! its first window and grown to its full length, so each maximal run is found once per
//! place in the sources.

/// Multiplier of the rolling hash: odd, large, with no small period modulo 2⁶⁴.
const BASE: u64 = 0x0000_0100_0000_01B3;

/// A run of tokens shared by a chapter and a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    /// Where it starts in the chapter's stream.
    pub at: usize,
    pub len: usize,
    /// The source (an index into the streams the index was built from) and where the run
    /// starts in its stream.
    pub source: usize,
    pub from: usize,
}

/// Windows of `k` tokens of every source stream: `(hash, source, start)`, sorted, so that
/// building is one allocation and one sort, and a lookup a binary search.
#[derive(Debug)]
pub(crate) struct Index {
    k: usize,
    windows: Vec<(u64, u32, u32)>,
}

impl Index {
    pub fn new(k: usize, streams: &[&[u32]]) -> Index {
        let mut windows = Vec::with_capacity(streams.iter().map(|s| s.len()).sum());
        for (s, stream) in streams.iter().enumerate() {
            windows.extend(rolling(stream, k).map(|(at, hash)| (hash, s as u32, at as u32)));
        }
        windows.sort_unstable();
        Index { k, windows }
    }

    /// The windows whose hash is `hash`, in source order.
    fn candidates(&self, hash: u64) -> &[(u64, u32, u32)] {
        let start = self.windows.partition_point(|w| w.0 < hash);
        let end = start + self.windows[start..].partition_point(|w| w.0 == hash);
        &self.windows[start..end]
    }

    /// Every maximal run of at least `k` tokens that `chapter` shares with `streams` (the
    /// streams the index was built from), by chapter position.
    pub fn runs(&self, streams: &[&[u32]], chapter: &[u32]) -> Vec<Run> {
        let k = self.k;
        let mut out = Vec::new();
        for (at, hash) in rolling(chapter, k) {
            for &(_, source, from) in self.candidates(hash) {
                let (source, from) = (source as usize, from as usize);
                let stream = streams[source];
                if stream[from..from + k] != chapter[at..at + k] {
                    continue; // a hash collision
                }
                // Not the first window of its run: the run was found one token earlier.
                if at > 0 && from > 0 && stream[from - 1] == chapter[at - 1] {
                    continue;
                }
                let len = k + stream[from + k..]
                    .iter()
                    .zip(&chapter[at + k..])
                    .take_while(|(a, b)| a == b)
                    .count();
                out.push(Run {
                    at,
                    len,
                    source,
                    from,
                });
            }
        }
        out
    }
}

/// `(start, hash)` of every window of `k` tokens.
fn rolling(stream: &[u32], k: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
    let top = (1..k).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut hash = 0u64;
    stream.iter().enumerate().filter_map(move |(i, &id)| {
        if i >= k {
            hash = hash.wrapping_sub(u64::from(stream[i - k]).wrapping_mul(top));
        }
        hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(id));
        (i + 1 >= k).then(|| (i + 1 - k, hash))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<u32> {
        text.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn the_rolling_hash_equals_the_hash_of_each_window() {
        let s = ids("甲乙丙丁甲乙丙戊");
        let hashes: Vec<(usize, u64)> = rolling(&s, 3).collect();
        assert_eq!(hashes.len(), 6);
        for (at, hash) in &hashes {
            let direct = rolling(&s[*at..at + 3], 3).next().unwrap().1;
            assert_eq!(*hash, direct);
        }
        // 甲乙丙 comes twice: the same hash.
        assert_eq!(hashes[0].1, hashes[4].1);
        assert_eq!(hashes[0].1, rolling(&ids("甲乙丙"), 3).next().unwrap().1);
    }

    #[test]
    fn finds_each_maximal_run_once_with_its_place() {
        let source = ids("一二三四五六七八九十");
        let other = ids("子丑寅卯辰巳午未申酉戌亥");
        let streams: Vec<&[u32]> = vec![&source, &other];
        let index = Index::new(3, &streams);
        let chapter = ids("甲三四五六乙卯辰巳午未申丙七八");
        assert_eq!(
            index.runs(&streams, &chapter),
            [
                Run {
                    at: 1,
                    len: 4,
                    source: 0,
                    from: 2
                },
                Run {
                    at: 6,
                    len: 6,
                    source: 1,
                    from: 3
                },
            ]
        );
    }

    #[test]
    fn a_run_repeated_in_the_source_is_found_at_each_place() {
        let source = ids("天地玄黄宇宙洪荒天地玄黄");
        let streams: Vec<&[u32]> = vec![&source];
        let runs = Index::new(4, &streams).runs(&streams, &ids("说天地玄黄"));
        assert_eq!(
            runs.iter()
                .map(|r| (r.at, r.from, r.len))
                .collect::<Vec<_>>(),
            [(1, 0, 4), (1, 8, 4)]
        );
    }

    #[test]
    fn shorter_than_k_is_no_run() {
        let source = ids("一二三四");
        let streams: Vec<&[u32]> = vec![&source];
        assert!(
            Index::new(5, &streams)
                .runs(&streams, &ids("一二三四"))
                .is_empty()
        );
        assert!(Index::new(2, &streams).runs(&streams, &ids("")).is_empty());
    }
}
