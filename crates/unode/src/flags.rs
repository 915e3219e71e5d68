//! The runtime options of the command line and of `NODE_OPTIONS`, read as Node reads them:
//! `--name=value` or `--name value`, `-r` for `--require`, `NODE_OPTIONS` first.

/// Options that take no value and only set something the JS side reads.
const PLAIN_FLAGS: &[&str] = &[
    "--no-warnings",
    "--no-deprecation",
    "--throw-deprecation",
    "--trace-warnings",
    "--trace-uncaught",
    "--pending-deprecation",
    "--expose-gc",
    "--expose_gc",
    "--enable-source-maps",
    "--preserve-symlinks",
    "--insecure-http-parser",
    "--trace-deprecation",
    // Accepted for compatibility: unode's crypto is not OpenSSL, and vm's module API is
    // not behind a flag.
    "--openssl-legacy-provider",
    "--experimental-vm-modules",
];

/// Options that take a value (read by lib, or accepted and ignored).
const VALUE_FLAGS: &[&str] = &[
    "--require",
    "--import",
    "--env-file",
    "--input-type",
    "--max-http-header-size",
    "--dns-result-order",
    "--stack-trace-limit",
    "--icu-data-dir",
    "--max-old-space-size",
    "--stack-size",
    "--unhandled-rejections",
];

/// Options only the command line may give (Node refuses them in `NODE_OPTIONS`).
const COMMAND_LINE_ONLY: &[&str] = &[
    "-e",
    "--eval",
    "-p",
    "--print",
    "-pe",
    "-h",
    "--help",
    "-v",
    "--version",
    "-",
    "--",
];

/// Values the options arrive at, wherever they were given.
#[derive(Default)]
pub struct Flags {
    /// The command line's options as typed (`process.execArgv`).
    pub exec_argv: Vec<String>,
    /// Every option, `NODE_OPTIONS`' first, each as `--name` or `--name=value`: what lib
    /// reads (internal/options).
    pub options: Vec<String>,
    /// `--require` modules, to load before the entry point, in order.
    pub require: Vec<String>,
    /// `--import` modules, to import after the `--require` ones.
    pub import: Vec<String>,
    /// `--input-type=module`.
    pub input_module: bool,
}

impl Flags {
    /// Takes the runtime option at `args[i]`: how many arguments it used, `Ok(0)` when
    /// `args[i]` is not one (an entry point, or an option of the command line's own), or
    /// the message for a bad one. `typed`: from the command line, so kept in execArgv.
    pub fn take(&mut self, args: &[String], i: usize, typed: bool) -> Result<usize, String> {
        let arg = args[i].as_str();
        if PLAIN_FLAGS.contains(&arg) {
            if typed {
                self.exec_argv.push(arg.to_owned());
            }
            self.options.push(arg.to_owned());
            return Ok(1);
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (arg, None),
        };
        let name = if name == "-r" { "--require" } else { name };
        if !VALUE_FLAGS.contains(&name) {
            return Ok(0);
        }
        let (value, used) = match inline {
            Some(value) => (value, 1),
            None => match args.get(i + 1) {
                Some(value) => (value.as_str(), 2),
                None => return Err(format!("{arg} requires an argument")),
            },
        };
        match name {
            "--require" => self.require.push(value.to_owned()),
            "--import" => self.import.push(value.to_owned()),
            "--input-type" => match value {
                "module" => self.input_module = true,
                "commonjs" => self.input_module = false,
                _ => return Err(format!("invalid value for --input-type: {value}")),
            },
            "--max-http-header-size" if value.parse::<u32>().is_err() => {
                return Err(format!("{name} requires a positive integer: {value}"));
            }
            "--dns-result-order" if !matches!(value, "ipv4first" | "verbatim") => {
                return Err(format!("invalid value for {name}: {value}"));
            }
            _ => {}
        }
        if typed {
            self.exec_argv.extend(args[i..i + used].iter().cloned());
        }
        self.options.push(format!("{name}={value}"));
        Ok(used)
    }

    /// Takes the options of `NODE_OPTIONS`: those of the command line's own (an entry point,
    /// `-e`, `-p`) are refused, as Node refuses them; other options unode does not know are
    /// passed over, as are words that are not options. (An environment set up for node may
    /// name any of node's many options; refusing the ones unode lacks would stop programs
    /// that run without them.)
    pub fn take_node_options(&mut self, text: &str) -> Result<(), String> {
        let words = split_words(text)?;
        let mut i = 0;
        while i < words.len() {
            let used = self.take(&words, i, false)?;
            if used > 0 {
                i += used;
            } else if COMMAND_LINE_ONLY.contains(&words[i].split('=').next().unwrap_or_default()) {
                return Err(format!("{} is not allowed in NODE_OPTIONS", words[i]));
            } else {
                i += 1;
            }
        }
        Ok(())
    }
}

/// `NODE_OPTIONS` split at white space, with double quotes around words that hold some
/// and backslash escapes inside them, as Node splits it.
fn split_words(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quoted = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            '\\' if quoted => match chars.next() {
                Some(next) => word.push(next),
                None => return Err("invalid value for NODE_OPTIONS (invalid escape)".into()),
            },
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if quoted {
        return Err("invalid value for NODE_OPTIONS (unterminated string)".into());
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn values_inline_or_next() {
        let mut f = Flags::default();
        let args = strings(&["-r", "a", "--require=b", "--import", "c", "app.js"]);
        assert_eq!(f.take(&args, 0, true), Ok(2));
        assert_eq!(f.take(&args, 2, true), Ok(1));
        assert_eq!(f.take(&args, 3, true), Ok(2));
        assert_eq!(f.take(&args, 5, true), Ok(0));
        assert_eq!(f.require, ["a", "b"]);
        assert_eq!(f.import, ["c"]);
        assert_eq!(f.exec_argv, args[..5]);
        assert_eq!(f.options, ["--require=a", "--require=b", "--import=c"]);
    }

    #[test]
    fn missing_or_bad_values() {
        let mut f = Flags::default();
        assert_eq!(
            f.take(&strings(&["--import"]), 0, true),
            Err("--import requires an argument".into())
        );
        assert!(f
            .take(&strings(&["--max-http-header-size=x"]), 0, true)
            .is_err());
        assert!(f.take(&strings(&["--input-type=cjs"]), 0, true).is_err());
    }

    #[test]
    fn node_options() {
        let mut f = Flags::default();
        f.take_node_options(r#" --no-warnings  -r "./a b.js" --require="c\"d" app.js"#)
            .unwrap();
        assert_eq!(f.require, ["./a b.js", "c\"d"]);
        assert!(f.exec_argv.is_empty());
        assert_eq!(
            f.take_node_options("-e 1"),
            Err("-e is not allowed in NODE_OPTIONS".into())
        );
        assert!(f.take_node_options("\"open").is_err());
        // An option of node's that unode lacks is passed over.
        let mut f = Flags::default();
        f.take_node_options("--experimental-wasm-modules --no-warnings")
            .unwrap();
        assert_eq!(f.options, ["--no-warnings"]);
    }
}
