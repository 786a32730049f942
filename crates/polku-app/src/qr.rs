//! QR codes as inline SVG, for join links and printable invitation pages.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Why a QR code could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the text does not fit in a QR code: {0}")]
pub struct QrError(#[from] qrcode::types::QrError);

/// `text` (a URL) as a standalone `<svg>` element that scales to its box:
/// dark modules on white with the standard quiet zone, medium error
/// correction (a printed code still reads when slightly damaged), and
/// `role="img"` with `label` as its accessible name. `label` is escaped.
pub fn svg(text: &str, label: &str) -> Result<String, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build();
    // The renderer writes an XML declaration and fixed width/height; inline
    // SVG needs neither, and a viewBox lets CSS size it.
    let body = image
        .find("<svg")
        .map_or(image.as_str(), |start| &image[start..]);
    let (width, height) = dimensions(body).unwrap_or((200, 200));
    let open_end = body.find('>').unwrap_or(0);
    let rest = &body[open_end + 1..];
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-label=\"{}\" class=\"qr\" shape-rendering=\"crispEdges\">{rest}",
        escape_attribute(label)
    ))
}

/// The `width` and `height` attributes of the renderer's `<svg>` tag.
fn dimensions(svg: &str) -> Option<(u32, u32)> {
    let tag = &svg[..svg.find('>')?];
    let number = |name: &str| -> Option<u32> {
        let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
        let end = start + tag[start..].find('"')?;
        tag[start..end].parse().ok()
    };
    Some((number("width")?, number("height")?))
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_becomes_a_labelled_scalable_svg() {
        let svg = svg(
            "https://polku.example/join?code=K7M2QP",
            "QR <koodi> & linkki",
        )
        .expect("fits");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
        assert!(svg.contains("role=\"img\" aria-label=\"QR &lt;koodi&gt; &amp; linkki\""));
        assert!(!svg.contains("<?xml"), "inline, no declaration");
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("#000000"), "dark modules drawn");
    }

    #[test]
    fn longer_text_gives_a_bigger_code() {
        let short = svg("https://a.fi/j", "q").expect("fits");
        let long = svg(&format!("https://a.fi/{}", "x".repeat(300)), "q").expect("fits");
        assert!(long.len() > short.len());
    }

    #[test]
    fn text_too_long_for_any_code_is_an_error() {
        assert!(svg(&"x".repeat(8000), "q").is_err());
    }
}
