//! A log file's bytes on their way to a reader: counted for a progress bar,
//! decompressed when they start with the gzip magic bytes, and buffered so
//! that the format can be told from the first bytes without consuming them.

use std::io::{self, BufRead, Read};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;

use crate::error::MineError;
use crate::progress::ReadProgress;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// Buffer size of both the raw and the decompressed stream, and the most
/// that can be peeked at.
pub(crate) const BUFFER_BYTES: usize = 1 << 16;

/// An I/O error as the system's fault.
pub(crate) fn io_error(error: &io::Error) -> MineError {
    MineError::Io {
        path: "input".into(),
        reason: error.to_string(),
    }
}

/// Adds the bytes read through it to a [`ReadProgress`].
pub(crate) struct CountingReader<R> {
    inner: R,
    progress: Option<Arc<ReadProgress>>,
}

impl<R: Read> CountingReader<R> {
    pub(crate) fn new(inner: R, progress: Option<Arc<ReadProgress>>) -> Self {
        Self { inner, progress }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        if let Some(progress) = &self.progress {
            progress.add_bytes(n as u64);
        }
        Ok(n)
    }
}

/// A buffered reader, like `std::io::BufReader`, that can also be asked to
/// hold at least a given number of bytes ([`PeekReader::peek`]) without
/// consuming them.
pub(crate) struct PeekReader<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
}

impl<R: Read> PeekReader<R> {
    pub(crate) fn with_capacity(capacity: usize, inner: R) -> Self {
        Self {
            inner,
            buf: vec![0; capacity.max(1)].into_boxed_slice(),
            pos: 0,
            filled: 0,
        }
    }

    /// The bytes read ahead and not yet consumed.
    #[inline]
    pub(crate) fn buffer(&self) -> &[u8] {
        &self.buf[self.pos..self.filled]
    }

    /// At least `wanted` unconsumed bytes (at most the capacity), fewer only
    /// when the input ends first.
    pub(crate) fn peek(&mut self, wanted: usize) -> io::Result<&[u8]> {
        let wanted = wanted.min(self.buf.len());
        if self.filled - self.pos < wanted {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.pos = 0;
            while self.filled < wanted {
                match self.inner.read(&mut self.buf[self.filled..]) {
                    Ok(0) => break,
                    Ok(n) => self.filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(self.buffer())
    }
}

impl<R: Read> Read for PeekReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        // Large reads into an empty buffer go straight to the source, as
        // `BufReader` does: the CSV reader's own buffer needs no second copy.
        if self.pos == self.filled && out.len() >= self.buf.len() {
            return self.inner.read(out);
        }
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for PeekReader<R> {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            self.pos = 0;
            self.filled = 0;
            self.filled = self.inner.read(&mut self.buf)?;
        }
        Ok(self.buffer())
    }

    #[inline]
    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.filled);
    }
}

/// A log file's bytes, decompressed if they start with the gzip magic
/// bytes, counting the lines the XML parser has consumed so that errors can
/// name a line. Shared by every reader.
pub(crate) struct LogInput<R: Read> {
    source: Source<R>,
    /// 1 + newlines consumed so far.
    line: u64,
    /// Whether `line` is kept; the CSV reader has its own line numbers.
    count_lines: bool,
}

enum Source<R: Read> {
    Plain(PeekReader<R>),
    Gzip(Box<PeekReader<MultiGzDecoder<PeekReader<R>>>>),
}

impl<R: Read> LogInput<R> {
    /// Wraps `input`, detecting gzip from its first bytes;
    /// [`MineError::Empty`] if it holds nothing. The decompressed stream is
    /// not touched yet: see [`LogInput::peek`].
    pub(crate) fn open(input: R) -> Result<Self, MineError> {
        let mut plain = PeekReader::with_capacity(BUFFER_BYTES, input);
        let head = plain.peek(GZIP_MAGIC.len()).map_err(|e| io_error(&e))?;
        if head.is_empty() {
            return Err(MineError::Empty);
        }
        let source = if head.starts_with(&GZIP_MAGIC) {
            let decoder = MultiGzDecoder::new(plain);
            Source::Gzip(Box::new(PeekReader::with_capacity(BUFFER_BYTES, decoder)))
        } else {
            Source::Plain(plain)
        };
        Ok(Self {
            source,
            line: 1,
            count_lines: true,
        })
    }

    /// [`LogInput::open`], then checks that the (decompressed) stream holds
    /// something, as the XES and OCEL readers do on their own: a gzip stream
    /// that cannot be decompressed is reported as an XML error at byte 0.
    pub(crate) fn open_for_xml_or_json(input: R) -> Result<Self, MineError> {
        let mut this = Self::open(input)?;
        let decompressed = this.fill_buf().map_err(|e| MineError::Xml {
            position: 0,
            reason: format!("cannot decompress the gzip data: {e}"),
        })?;
        if decompressed.is_empty() {
            return Err(MineError::Empty);
        }
        Ok(this)
    }

    /// Stops counting lines (a small saving for the CSV reader, which
    /// numbers its lines itself).
    pub(crate) fn without_line_count(mut self) -> Self {
        self.count_lines = false;
        self
    }

    /// At least `wanted` bytes of the (decompressed) stream, fewer only at
    /// its end, not consumed.
    pub(crate) fn peek(&mut self, wanted: usize) -> io::Result<&[u8]> {
        match &mut self.source {
            Source::Plain(r) => r.peek(wanted),
            Source::Gzip(r) => r.peek(wanted),
        }
    }

    /// Whether the input is gzip-compressed.
    pub(crate) fn is_gzip(&self) -> bool {
        matches!(self.source, Source::Gzip(_))
    }

    /// The line the parser has reached (1-based).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }
}

fn count_lines(bytes: &[u8]) -> u64 {
    // Byte-wide counters over chunks of at most 255 bytes cannot overflow
    // and let the compiler count 32 bytes at a time.
    bytes
        .chunks(255)
        .map(|chunk| u64::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum()
}

impl<R: Read> Read for LogInput<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = match &mut self.source {
            Source::Plain(r) => r.read(out)?,
            Source::Gzip(r) => r.read(out)?,
        };
        if self.count_lines {
            self.line += count_lines(&out[..n]);
        }
        Ok(n)
    }
}

impl<R: Read> BufRead for LogInput<R> {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.source {
            Source::Plain(r) => r.fill_buf(),
            Source::Gzip(r) => r.fill_buf(),
        }
    }

    #[inline]
    fn consume(&mut self, amount: usize) {
        let line = self.count_lines.then_some(&mut self.line);
        match &mut self.source {
            Source::Plain(r) => consume_counting(r, amount, line),
            Source::Gzip(r) => consume_counting(r, amount, line),
        }
    }
}

/// Consumes `amount` buffered bytes, adding their newlines to `line`. The
/// parser consumes exactly what it has parsed, so counting here keeps
/// `line` at the parser's place, not the read-ahead's.
#[inline]
fn consume_counting<B: Read>(reader: &mut PeekReader<B>, amount: usize, line: Option<&mut u64>) {
    if let Some(line) = line {
        let buffered = reader.buffer();
        *line += count_lines(&buffered[..amount.min(buffered.len())]);
    }
    reader.consume(amount);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out at most three bytes per read, as a pipe may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(out.len()).min(3);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn peek_gathers_short_reads_and_consumes_nothing() {
        let mut reader = PeekReader::with_capacity(8, Trickle(b"abcdefghijkl"));
        assert_eq!(reader.peek(5).expect("peeks"), b"abcdef");
        assert_eq!(reader.peek(20).expect("peeks"), b"abcdefgh", "capacity");
        let mut all = String::new();
        reader.read_to_string(&mut all).expect("reads");
        assert_eq!(all, "abcdefghijkl");
        assert_eq!(reader.peek(4).expect("peeks"), b"", "the end");
    }

    #[test]
    fn bytes_are_counted_before_decompression() {
        let progress = Arc::new(ReadProgress::default());
        let mut counted = CountingReader::new(&b"12345"[..], Some(Arc::clone(&progress)));
        let mut out = Vec::new();
        counted.read_to_end(&mut out).expect("reads");
        assert_eq!(progress.bytes(), 5);
    }
}
