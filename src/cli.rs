//! The editor's command-line tool, `coalition` (native only; `src/bin/coalition.rs` calls it).
//! Validates, summarises and exports dataset files.
//!
//! Exit codes: 0 success, 1 the data has errors (or cannot be read), 2 the command is misused.
//! It never panics on any input: every failure is a message.

use std::process::ExitCode;

use crate::date::Date;
use crate::load::{self, Format};
use crate::model::Role;
use crate::money::{format_amount, format_eur, format_eur_short, Decimal};
use crate::summary::{summarise, ContributionRow, Summary};
use crate::validate::{validate, Loaded, Problem};

const USAGE: &str = "\
usage:
  coalition validate FILE
  coalition summary FILE [--as-of YYYY-MM-DD] [--json]
  coalition export FILE --json [--out PATH]
  coalition render FILE --out DIR [--as-of YYYY-MM-DD] [--inject HTML]...
  coalition pack FILE --out PATH [--texts LANG]
  coalition words LANG --out PATH

FILE is a dataset in TOML (data/*.toml) or in the JSON that `export` writes.
`render` writes the static version (static.html and one SVG per view) into DIR, and puts it in
each HTML file given with --inject, in place of the line <!--coalition-static-->.
`pack` writes the validated dataset in the packed form the widget reads: `make build` puts one
for each data/*.toml in dist/data/, which the widget fetches for a `coalition` other than the
default. With --texts LANG it writes only the texts that the widget module in LANG (en, uk)
embeds the default dataset without (notes, descriptions and the like, which only a reader's
interaction shows): `make build` puts them in that module's split-off part.
`words` writes the words in LANG (en, uk) that only the widget's details panel and table write,
which the widget module leaves out: `make build` puts them in the module's split-off part.";

/// What went wrong, and the exit code it deserves.
enum Failure {
    Usage(String),
    Data(Vec<Problem>),
    Io(String),
}

/// Runs the tool on its arguments (without the program name) and returns its exit code.
pub fn main(args: &[String]) -> ExitCode {
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("coalition: {message}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Data(problems)) => {
            for p in &problems {
                eprintln!("error: {p}");
            }
            eprintln!("{} error{}", problems.len(), if problems.len() == 1 { "" } else { "s" });
            ExitCode::from(1)
        }
        Err(Failure::Io(message)) => {
            eprintln!("coalition: {message}");
            ExitCode::from(1)
        }
    }
}

/// Options after the command word.
struct Options {
    file: String,
    as_of: Option<String>,
    json: bool,
    out: Option<String>,
    inject: Vec<String>,
    texts: Option<String>,
}

fn parse_options(args: &[String]) -> Result<Options, Failure> {
    let mut options =
        Options { file: String::new(), as_of: None, json: false, out: None, inject: Vec::new(), texts: None };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value =
            |name: &str| rest.next().cloned().ok_or_else(|| Failure::Usage(format!("{name} needs a value")));
        match arg.as_str() {
            "--json" => options.json = true,
            "--texts" => options.texts = Some(value("--texts")?),
            "--as-of" => options.as_of = Some(value("--as-of")?),
            "--out" => options.out = Some(value("--out")?),
            "--inject" => options.inject.push(value("--inject")?),
            flag if flag.starts_with("--") => return Err(Failure::Usage(format!("unknown option {flag}"))),
            file if options.file.is_empty() => options.file = file.to_string(),
            extra => return Err(Failure::Usage(format!("unexpected argument {extra}"))),
        }
    }
    if options.file.is_empty() {
        return Err(Failure::Usage("FILE is missing".to_string()));
    }
    Ok(options)
}

fn read(file: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(file).map_err(|e| Failure::Io(format!("cannot read {file}: {e}")))
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".to_string()));
    };
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        println!("{USAGE}");
        return Ok(());
    }
    let options = parse_options(rest)?;
    if command == "words" {
        return write_words(&options);
    }
    let bytes = read(&options.file)?;
    load::check_size(&options.file, bytes.len()).map_err(Failure::Data)?;
    let format = Format::of(&options.file);
    match command.as_str() {
        "validate" => {
            let loaded = load::load(&options.file, &bytes, format).map_err(Failure::Data)?;
            print_warnings(&loaded);
            println!("{}", one_line(&loaded));
            Ok(())
        }
        "summary" => {
            let loaded = load::load(&options.file, &bytes, format).map_err(Failure::Data)?;
            let ds = &loaded.dataset;
            let summary = summarise(ds, as_of_option(&options, ds)?);
            if options.json {
                println!("{}", to_json(&summary)?);
            } else {
                print_warnings(&loaded);
                print!("{}", text_summary(&summary));
            }
            Ok(())
        }
        "export" => {
            if !options.json {
                return Err(Failure::Usage("export writes JSON: add --json".to_string()));
            }
            // Export only what validates: a browser must never receive data the CLI rejects.
            let raw = load::parse(&options.file, &bytes, format).map_err(Failure::Data)?;
            let loaded = validate(&options.file, &raw).map_err(Failure::Data)?;
            print_warnings(&loaded);
            let json = to_json(&raw)?;
            match &options.out {
                Some(path) => {
                    std::fs::write(path, json + "\n").map_err(|e| Failure::Io(format!("cannot write {path}: {e}")))
                }
                None => {
                    println!("{json}");
                    Ok(())
                }
            }
        }
        "render" => {
            let loaded = load::load(&options.file, &bytes, format).map_err(Failure::Data)?;
            print_warnings(&loaded);
            let ds = &loaded.dataset;
            let dir = options.out.as_deref().ok_or_else(|| Failure::Usage("render needs --out DIR".into()))?;
            render_static(ds, as_of_option(&options, ds)?, dir, &options.inject)
        }
        "pack" => {
            let loaded = load::load(&options.file, &bytes, format).map_err(Failure::Data)?;
            print_warnings(&loaded);
            let path = options.out.as_deref().ok_or_else(|| Failure::Usage("pack needs --out PATH".into()))?;
            let packed = match options.texts.as_deref() {
                Some(code) => {
                    let lang = crate::i18n::Lang::parse(code)
                        .ok_or_else(|| Failure::Usage(format!("--texts {code}: the languages are en and uk")))?;
                    crate::codec::split_texts(&loaded.dataset, lang.code()).1
                }
                None => crate::codec::pack(&loaded.dataset),
            };
            std::fs::write(path, &packed).map_err(|e| Failure::Io(format!("cannot write {path}: {e}")))?;
            println!("wrote {path} ({} bytes)", packed.len());
            Ok(())
        }
        other => Err(Failure::Usage(format!("unknown command {other}"))),
    }
}

/// `coalition words LANG --out PATH`: the details panel's words in LANG (the argument in the
/// place of FILE), as the widget module's split-off part carries them (see [`PanelWords`]).
///
/// [`PanelWords`]: crate::i18n::PanelWords
fn write_words(options: &Options) -> Result<(), Failure> {
    let code = &options.file;
    let lang = crate::i18n::Lang::parse(code).ok_or_else(|| Failure::Usage(format!("no language {code}: en or uk")))?;
    let path = options.out.as_deref().ok_or_else(|| Failure::Usage("words needs --out PATH".into()))?;
    let text = lang.panel().text();
    std::fs::write(path, &text).map_err(|e| Failure::Io(format!("cannot write {path}: {e}")))?;
    println!("wrote {path} ({} bytes)", text.len());
    Ok(())
}

/// The `--as-of` date, or the dataset's own last date.
fn as_of_option(options: &Options, ds: &crate::model::Dataset) -> Result<Date, Failure> {
    match &options.as_of {
        Some(text) => Date::parse(text).map_err(|e| Failure::Usage(format!("--as-of: {e}"))),
        None => Ok(ds.coalition.as_of),
    }
}

/// The marker an HTML file carries where the static version goes.
const STATIC_MARKER: &str = "<!--coalition-static-->";

/// Writes static.html and the SVGs into `dir` and fills the marker of each `inject` file.
fn render_static(ds: &crate::model::Dataset, as_of: Date, dir: &str, inject: &[String]) -> Result<(), Failure> {
    let io = |path: &str, e: std::io::Error| Failure::Io(format!("cannot write {path}: {e}"));
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let rendered = crate::render::static_version(ds, as_of).map_err(Failure::Io)?;
    for (name, svg) in &rendered.svgs {
        let path = format!("{dir}/{name}.svg");
        std::fs::write(&path, svg).map_err(|e| io(&path, e))?;
    }
    let html = rendered.html;
    let path = format!("{dir}/static.html");
    std::fs::write(&path, &html).map_err(|e| io(&path, e))?;
    for file in inject {
        let page = std::fs::read_to_string(file).map_err(|e| Failure::Io(format!("cannot read {file}: {e}")))?;
        if !page.contains(STATIC_MARKER) {
            return Err(Failure::Io(format!("{file} has no {STATIC_MARKER} line to replace")));
        }
        std::fs::write(file, page.replace(STATIC_MARKER, &html)).map_err(|e| io(file, e))?;
    }
    println!(
        "wrote {path} and {dir}/{{map,bars,timeline}}.svg{}",
        if inject.is_empty() { String::new() } else { format!("; filled {}", inject.join(", ")) }
    );
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure::Io(format!("cannot write JSON: {e}")))
}

fn print_warnings(loaded: &Loaded) {
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The one-line report of a valid file.
fn one_line(loaded: &Loaded) -> String {
    let ds = &loaded.dataset;
    format!(
        "ok: {} is valid: {} ({}), as of {}; {}, {}, {}, {}, {}, {}{}",
        ds.file,
        ds.coalition.name,
        ds.coalition.id,
        ds.coalition.as_of,
        plural(ds.sources.len(), "source"),
        plural(ds.parties.len(), "party").replace("partys", "parties"),
        plural(ds.contributions.len(), "contribution"),
        plural(ds.reported_totals.len(), "reported total"),
        plural(ds.events.len(), "event"),
        plural(ds.conflicts.len(), "conflict"),
        match loaded.warnings.len() {
            0 => String::new(),
            n => format!("; {}", plural(n, "warning")),
        }
    )
}

/// How a date reads with its basis: "since 23 January 2024" or "by 23 January 2024 (date first reported)".
fn dated(date: &str, basis: &str) -> String {
    let long = Date::parse(date).map(Date::long).unwrap_or_else(|_| date.to_string());
    match basis {
        "by" => format!("by {long} (first reported; start not in the sources)"),
        _ => format!("since {long}"),
    }
}

fn contribution_line(x: &ContributionRow) -> String {
    let value = match (&x.amount, &x.currency, x.eur) {
        (Some(a), Some(c), Some(eur)) => {
            let original = Decimal::parse(a).map(|d| format_amount(d, c)).unwrap_or_else(|_| format!("{c} {a}"));
            match &x.rate {
                Some(r) => format!("{original} ≈ {} at {} {c}/EUR ({})", format_eur(eur), r.per_eur, r.basis),
                None => original,
            }
        }
        _ => format!(
            "in kind, value not stated{}",
            x.description.as_deref().map(|d| format!(": {d}")).unwrap_or_default()
        ),
    };
    let purpose = x.purpose.as_deref().map(|p| format!("; purpose: {p}")).unwrap_or_default();
    format!("{value}; {} {}{purpose} [{}]", x.status, x.date, x.sources.join(", "))
}

/// The human-readable summary.
fn text_summary(s: &Summary) -> String {
    let mut out = format!("{} as of {}: {} members\n", s.name, s.as_of, s.member_count);
    for role in Role::ALL {
        let rows: Vec<_> = s.parties.iter().filter(|p| p.role == role.key()).collect();
        if rows.is_empty() {
            continue;
        }
        out += &format!("\n{} ({}):\n", role.label(), rows.len());
        for p in rows {
            out += &format!(
                "  {:<5} {:<16} {} [{}]\n",
                p.code,
                p.name,
                dated(&p.since, p.since_basis),
                p.sources.join(", ")
            );
        }
    }
    out += "\nDonors (own contributions; pooled pledges listed separately):\n";
    for d in &s.donors {
        let pooled = match d.pooled.as_slice() {
            [] => String::new(),
            ids => format!(" (plus a share, not reported, of pooled {})", ids.join(", ")),
        };
        out += &format!("  {:<5} {:<16} {}{pooled}\n", d.code, d.name, format_eur(d.eur));
        for x in &d.contributions {
            out += &format!("        - {}\n", contribution_line(x));
        }
    }
    if !s.pooled.is_empty() {
        out += "\nPooled pledges (split not reported, never divided):\n";
        for x in &s.pooled {
            out += &format!("  {} {}: {}\n", x.id, x.parties.join(" + "), contribution_line(x));
        }
    }
    out += &format!("\nItemised: {}\n", format_eur(s.itemised_eur));
    match (&s.reported_total, s.reported_total_eur) {
        (Some(t), Some(eur)) => {
            let bound = if s.reported_is_lower_bound { "more than " } else { "" };
            out +=
                &format!("Reported total: {bound}{} on {} [{}]\n", format_eur_short(eur), t.date, t.sources.join(", "));
            out += &format!("Not itemised: {}\n", format_eur(s.not_itemised_eur));
        }
        _ => out += "Reported total: none reported by this date\n",
    }
    if !s.conflicts.is_empty() {
        out += &format!("\nConflicts between sources ({}):\n", s.conflicts.len());
        for c in &s.conflicts {
            out += &format!("  {}: {}\n", c.id, c.topic);
            for claim in &c.claims {
                out += &format!("    - {} [{}]\n", claim.says, claim.sources.join(", "));
            }
            if let Some(r) = &c.resolution {
                out += &format!("    dataset: {r}\n");
            }
        }
    }
    out
}
