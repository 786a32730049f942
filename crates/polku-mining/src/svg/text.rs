//! Text for the map: XML escaping and word wrapping inside boxes.

/// Escapes text for XML content and attribute values; characters XML 1.0
/// does not allow (most control characters) become U+FFFD.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Splits `text` into lines of at most `width` characters at spaces and
/// after hyphens (a longer piece is cut), keeping at most `max_lines` and
/// ending with "…" when something was left out.
pub(super) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    // Pieces to place, each with whether a space goes before it.
    let mut pieces: Vec<(bool, Vec<char>)> = Vec::new();
    for word in text.split_whitespace() {
        let mut spaced = true;
        for part in word.split_inclusive('-') {
            pieces.push((spaced, part.chars().collect()));
            spaced = false;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line: Vec<char> = Vec::new();
    for (spaced, mut piece) in pieces {
        loop {
            let gap = usize::from(spaced && !line.is_empty());
            if line.len() + gap + piece.len() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.append(&mut piece);
                break;
            }
            if !line.is_empty() {
                lines.push(line.drain(..).collect());
                continue;
            }
            // A piece longer than a line: cut it.
            let rest = piece.split_off(width);
            lines.push(piece.into_iter().collect());
            piece = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.into_iter().collect());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width - 1).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    lines
}
