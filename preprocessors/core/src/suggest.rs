//! "Did you mean" suggestions, for Latin and Chinese names alike.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = input.chars().count();
    let limit = match len {
        0..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    candidates
        .into_iter()
        .map(|c| {
            let mut d = strsim::levenshtein(input, c);
            // A name that contains the input (or the reverse) is a strong hint in Chinese,
            // where writers shorten names: 出口 for 出口额.
            if d > limit && (c.contains(input) || input.contains(c)) && !input.is_empty() {
                d = limit;
            }
            (d, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_latin_and_chinese_names() {
        assert_eq!(did_you_mean("trde", ["trade", "tech"]), Some("trade"));
        assert_eq!(did_you_mean("出口", ["出口额", "进口额"]), Some("出口额"));
        assert_eq!(
            did_you_mean("进口金额", ["出口额", "进口额"]),
            Some("进口额")
        );
        assert_eq!(did_you_mean("zzzzzz", ["trade"]), None);
    }
}
