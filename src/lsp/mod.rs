//! `factlint lsp`: a Language Server over standard input and output, so that an editor
//! shows factlint's findings as the copy is typed, with quick fixes and the facts behind
//! each finding on hover.
//!
//! The protocol handling lives in `server` (synchronous, on `lsp-server` + `lsp-types`);
//! offsets and positions in `convert`. The transport is our own rather than
//! `Connection::stdio()`, whose reader thread stops for good on the first malformed message:
//! ours answers a message that is not JSON with a JSON-RPC parse error, skips a frame it
//! cannot read, and goes on reading.

pub mod convert;
pub mod server;
mod transport;

pub use server::serve;

/// Run the language server over `input` and `output` (the binary gives it standard input
/// and output) until the client sends `exit` or closes its end.
pub fn run(
    mut input: impl std::io::BufRead + Send + 'static,
    output: impl std::io::Write + Send + 'static,
) -> anyhow::Result<()> {
    let output: transport::Output = std::sync::Arc::new(std::sync::Mutex::new(output));
    let reply_to = output.clone();
    let (server_side, transport_side) = lsp_server::Connection::memory();
    let lsp_server::Connection {
        sender: to_server,
        receiver: from_server,
    } = transport_side;
    let writer = std::thread::Builder::new()
        .name("factlint-lsp-writer".into())
        .spawn(move || transport::write_loop(from_server, &output))?;
    // The reader is not joined: it may be blocked on its input after `exit`, and the
    // process ends when this function returns.
    std::thread::Builder::new()
        .name("factlint-lsp-reader".into())
        .spawn(move || transport::read_loop(&mut input, |m| to_server.send(m).is_ok(), &reply_to))?;
    serve(server_side)?;
    match writer.join() {
        Ok(result) => Ok(result?),
        Err(_) => Err(anyhow::anyhow!("the LSP writer thread panicked")),
    }
}
