//! Guest images. [`Cpio`] builds a newc archive (the initramfs format); [`lz4_legacy`]
//! compresses it the way the kernel's RD_LZ4 decompressor wants (the legacy LZ4 frame).

mod cpio;
mod lz4;

pub use cpio::Cpio;
pub use lz4::lz4_legacy;

/// Builds an initramfs: `/init` is `init_binary`, and `files` are (path in the image,
/// contents, mode) — directories on the way are created.
pub fn initramfs(init_binary: &[u8], files: &[(String, Vec<u8>, u32)]) -> Vec<u8> {
    let mut cpio = Cpio::new();
    for dir in ["dev", "proc", "sys", "tmp", "app"] {
        cpio.dir(dir, 0o755);
    }
    cpio.file("init", init_binary, 0o755);
    for (path, data, mode) in files {
        let path = path.trim_start_matches('/');
        let mut parent = String::new();
        for part in path
            .split('/')
            .collect::<Vec<_>>()
            .split_last()
            .map(|(_, d)| d.to_vec())
            .unwrap_or_default()
        {
            if !parent.is_empty() {
                parent.push('/');
            }
            parent.push_str(part);
            cpio.dir(&parent, 0o755);
        }
        cpio.file(path, data, *mode);
    }
    lz4_legacy(&cpio.finish())
}
