//! The native half of Intl (lib/internal/intl/): text segmentation by Unicode's rules
//! (UAX #29, through unicode-segmentation) and time zones from the system's tz database
//! (TZif files, through tz-rs; read with the runtime's own system calls). Formatting
//! itself, with the English locale data the runtime carries, is JS.

use super::def;
use crate::engine::{with_string_wtf8, wtf8_to_utf8};
use rquickjs::{Ctx, Object, Result, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::CString;
use std::rc::Rc;
use tz::TimeZone;
use unicode_segmentation::UnicodeSegmentation;
use unode_sys::fs;

/// Where the tz database is: $TZDIR, as glibc and ICU look, or the usual place.
fn zoneinfo_dir() -> String {
    match std::env::var("TZDIR") {
        Ok(dir) if !dir.is_empty() => dir,
        _ => "/usr/share/zoneinfo".to_owned(),
    }
}

/// Whether `name` can be a zone's path under the database: letters, digits and `/_+-`,
/// no empty, `.` or `..` component.
fn is_zone_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() < 256
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b))
        && name.split('/').all(|part| !part.is_empty())
}

fn cpath(path: &str) -> Option<CString> {
    CString::new(path).ok()
}

/// The entry of `dir` named `name` but for case, if there is one.
fn entry_ignoring_case(dir: &str, name: &str) -> Option<String> {
    let entries = fs::read_dir(&cpath(dir)?).ok()?;
    entries.into_iter().find_map(|e| {
        let found = String::from_utf8(e.name).ok()?;
        found.eq_ignore_ascii_case(name).then_some(found)
    })
}

/// `name` as the database spells it (zone names are matched without regard to case, as
/// ICU matches them), following links to the zone they name: None when there is no such
/// zone file.
fn canonical_zone(name: &str) -> Option<String> {
    if !is_zone_name(name) {
        return None;
    }
    let root = zoneinfo_dir();
    let mut parts: Vec<String> = Vec::new();
    for part in name.split('/') {
        let dir = format!("{root}/{}", parts.join("/"));
        let exact = format!("{dir}/{part}");
        if fs::lstat(&cpath(&exact)?).is_ok() {
            parts.push(part.to_owned());
        } else {
            parts.push(entry_ignoring_case(&dir, part)?);
        }
    }
    // A link is a symbolic link to the zone it names, relative to its own folder.
    for _ in 0..8 {
        let path = format!("{root}/{}", parts.join("/"));
        let mut buf = [0u8; 512];
        let Ok(n) = fs::readlink(&cpath(&path)?, &mut buf) else {
            break;
        };
        let target = std::str::from_utf8(&buf[..n]).ok()?;
        if target.starts_with('/') {
            let rest = target.strip_prefix(&root)?.trim_start_matches('/');
            parts = rest.split('/').map(str::to_owned).collect();
        } else {
            parts.pop();
            for step in target.split('/') {
                match step {
                    ".." => {
                        parts.pop()?;
                    }
                    "." | "" => {}
                    s => parts.push(s.to_owned()),
                }
            }
        }
    }
    let canonical = parts.join("/");
    is_zone_name(&canonical).then_some(canonical)
}

thread_local! {
    /// Zones read so far, by canonical name (None: not a zone).
    static ZONES: RefCell<HashMap<String, Option<Rc<TimeZone>>>> = RefCell::new(HashMap::new());
}

fn load_zone(canonical: &str) -> Option<Rc<TimeZone>> {
    if let Some(zone) = ZONES.with(|z| z.borrow().get(canonical).cloned()) {
        return zone;
    }
    let path = format!("{}/{canonical}", zoneinfo_dir());
    let zone = cpath(&path)
        .and_then(|p| fs::read_file(&p).ok())
        .and_then(|bytes| TimeZone::from_tz_data(&bytes).ok())
        .map(Rc::new);
    ZONES.with(|z| z.borrow_mut().insert(canonical.to_owned(), zone.clone()));
    zone
}

/// The zone /etc/localtime names (a link into the database), if it does.
fn system_zone() -> Option<String> {
    let mut buf = [0u8; 512];
    let n = fs::readlink(c"/etc/localtime", &mut buf).ok()?;
    let target = std::str::from_utf8(&buf[..n]).ok()?;
    let (_, name) = target.split_once("zoneinfo/")?;
    canonical_zone(name)
}

/// UTF-16 offsets of the segments of `text` (each segment ends where the next begins),
/// with whether each is word-like for the word granularity: [start, wordLike, ...].
fn segments(text: &str, granularity: &str) -> Vec<i32> {
    let mut out = Vec::new();
    let mut units = 0i32;
    let mut push = |segment: &str, word_like: bool, out: &mut Vec<i32>| {
        out.push(units);
        out.push(i32::from(word_like));
        units += segment.encode_utf16().count() as i32;
    };
    match granularity {
        "word" => {
            for w in text.split_word_bounds() {
                // ICU calls a segment word-like when it holds letters, digits or ideographs.
                push(w, w.chars().any(char::is_alphanumeric), &mut out);
            }
        }
        "sentence" => {
            for s in text.split_sentence_bounds() {
                push(s, false, &mut out);
            }
        }
        _ => {
            for g in text.graphemes(true) {
                push(g, false, &mut out);
            }
        }
    }
    out
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(
        obj,
        "segment",
        |ctx: Ctx<'js>, text: Value<'js>, granularity: String| -> Result<Vec<i32>> {
            // A lone surrogate becomes U+FFFD, one UTF-16 unit as it was.
            with_string_wtf8(&ctx, &text, |bytes| {
                let utf8 = wtf8_to_utf8(bytes);
                segments(&String::from_utf8_lossy(&utf8), &granularity)
            })
        },
    )?;
    // The database's name for a zone, or undefined.
    def(obj, "canonicalZone", |name: String| canonical_zone(&name))?;
    def(obj, "systemZone", system_zone)?;
    // zoneAt(canonicalName, epochSeconds): [offset in seconds, whether daylight saving
    // time, abbreviation], or undefined for a zone the database cannot give.
    def(
        obj,
        "zoneAt",
        |ctx: Ctx<'js>, name: String, seconds: f64| -> Result<Value<'js>> {
            let Some(zone) = load_zone(&name) else {
                return Ok(Value::new_undefined(ctx));
            };
            let Ok(t) = zone.find_local_time_type(seconds.floor() as i64) else {
                return Ok(Value::new_undefined(ctx));
            };
            let a = rquickjs::Array::new(ctx.clone())?;
            a.set(0, t.ut_offset())?;
            a.set(1, t.is_dst())?;
            a.set(2, t.time_zone_designation())?;
            Ok(a.into_value())
        },
    )?;
    Ok(())
}
