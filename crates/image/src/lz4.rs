//! The LZ4 legacy frame: magic 0x184C2102, then blocks of at most 8 MiB of input, each
//! a little-endian u32 compressed size and the raw LZ4 block. (What `lz4 -l` writes and
//! the kernel's initramfs unpacker reads.)

const MAGIC: u32 = 0x184C_2102;
const BLOCK: usize = 8 << 20;

pub fn lz4_legacy(data: &[u8]) -> Vec<u8> {
    let mut out = MAGIC.to_le_bytes().to_vec();
    for chunk in data.chunks(BLOCK) {
        let block = lz4_flex::block::compress(chunk);
        out.extend_from_slice(&(block.len() as u32).to_le_bytes());
        out.extend_from_slice(&block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_decompress_to_the_input() {
        let data: Vec<u8> = (0..100_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let frame = lz4_legacy(&data);
        assert_eq!(&frame[..4], &MAGIC.to_le_bytes());
        let len = u32::from_le_bytes(frame[4..8].try_into().unwrap()) as usize;
        assert_eq!(frame.len(), 8 + len);
        let back = lz4_flex::block::decompress(&frame[8..], data.len()).unwrap();
        assert_eq!(back, data);
    }
}
