//! cpio "newc" (SVR4, no CRC): 110-byte ASCII-hex headers, names and data padded to 4.

use std::collections::HashSet;

pub struct Cpio {
    out: Vec<u8>,
    ino: u32,
    dirs: HashSet<String>,
}

const S_IFDIR: u32 = 0o040000;
const S_IFREG: u32 = 0o100000;

impl Default for Cpio {
    fn default() -> Self {
        Self::new()
    }
}

impl Cpio {
    pub fn new() -> Cpio {
        Cpio {
            out: Vec::new(),
            ino: 1,
            dirs: HashSet::new(),
        }
    }

    fn entry(&mut self, name: &str, mode: u32, data: &[u8]) {
        let fields = [
            self.ino,
            mode,
            0, // uid
            0, // gid
            1, // nlink
            0, // mtime
            data.len() as u32,
            0, // devmajor
            0, // devminor
            0, // rdevmajor
            0, // rdevminor
            name.len() as u32 + 1,
            0, // check
        ];
        self.ino += 1;
        self.out.extend_from_slice(b"070701");
        for f in fields {
            self.out.extend_from_slice(format!("{f:08X}").as_bytes());
        }
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(0);
        self.pad();
        self.out.extend_from_slice(data);
        self.pad();
    }

    fn pad(&mut self) {
        while !self.out.len().is_multiple_of(4) {
            self.out.push(0);
        }
    }

    /// A directory (once, however often it is asked for).
    pub fn dir(&mut self, name: &str, perm: u32) {
        if self.dirs.insert(name.to_owned()) {
            self.entry(name, S_IFDIR | perm, &[]);
        }
    }

    pub fn file(&mut self, name: &str, data: &[u8], perm: u32) {
        self.entry(name, S_IFREG | perm, data);
    }

    /// The archive, with its trailer.
    pub fn finish(mut self) -> Vec<u8> {
        self.entry("TRAILER!!!", 0, &[]);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newc_layout() {
        let mut c = Cpio::new();
        c.dir("d", 0o755);
        c.dir("d", 0o755);
        c.file("d/f", b"hello", 0o644);
        let out = c.finish();
        assert!(out.starts_with(b"070701"));
        assert_eq!(out.len() % 4, 0);
        let text = String::from_utf8_lossy(&out);
        assert_eq!(text.matches("070701").count(), 3, "dir once, file, trailer");
        assert!(text.contains("d/f\0"));
        assert!(text.contains("hello"));
        assert!(text.contains("TRAILER!!!"));
        // The file's mode field (second) is S_IFREG|0644 in hex.
        assert!(text.contains(&format!("{:08X}", 0o100644)));
    }
}
