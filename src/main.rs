//! The factlint binary: parse the command line, run it, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = factlint::cli::Cli::parse();
    match factlint::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A broken pipe (`factlint check … | head`) is not an error worth reporting.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::from(factlint::cli::EXIT_CLEAN);
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {e:#}");
            }
            ExitCode::from(factlint::cli::EXIT_ERROR)
        }
    }
}
