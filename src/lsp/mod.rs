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

/// Run the language server on standard input and output until the client sends `exit` or
/// closes its end.
pub fn run_stdio() -> anyhow::Result<()> {
    let (server_side, transport_side) = lsp_server::Connection::memory();
    let lsp_server::Connection {
        sender: to_server,
        receiver: from_server,
    } = transport_side;
    let writer = std::thread::Builder::new()
        .name("factlint-lsp-writer".into())
        .spawn(move || transport::write_loop(from_server))?;
    // The reader is not joined: it may be blocked on standard input after `exit`, and the
    // process ends when this function returns.
    std::thread::Builder::new()
        .name("factlint-lsp-reader".into())
        .spawn(move || transport::read_loop(&mut std::io::stdin().lock(), |m| to_server.send(m).is_ok()))?;
    serve(server_side)?;
    match writer.join() {
        Ok(result) => Ok(result?),
        Err(_) => Err(anyhow::anyhow!("the LSP writer thread panicked")),
    }
}
