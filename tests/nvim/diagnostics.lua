-- Headless Neovim (0.7 or later) as a real LSP client of `factlint lsp`: open a draft,
-- wait for factlint's diagnostics, ask for the quick fix and the hover of the first one,
-- and write it all to a JSON file for check.lua. Uses `vim.lsp.start_client` and
-- `vim.lsp.buf_attach_client` (`vim.lsp.start` only arrived in 0.8).
--
-- Environment: FACTLINT_BIN (the binary), FACTLINT_DRAFT (the draft), FACTLINT_OUT (the
-- JSON to write). Exits 0 when the JSON was written, 3 on any error.

local bin = assert(os.getenv("FACTLINT_BIN"), "FACTLINT_BIN is not set")
local draft = assert(os.getenv("FACTLINT_DRAFT"), "FACTLINT_DRAFT is not set")
local out = assert(os.getenv("FACTLINT_OUT"), "FACTLINT_OUT is not set")
local timeout_ms = tonumber(os.getenv("FACTLINT_NVIM_TIMEOUT_MS") or "") or 30000

local report = { diagnostics = {}, actions = {}, hover = vim.NIL, messages = {}, exited = vim.NIL }

local function lsp_code(d)
  local lsp = d.user_data and d.user_data.lsp
  return (lsp and lsp.code) or d.code or vim.NIL
end

local function main()
  local client_id = vim.lsp.start_client({
    name = "factlint",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(draft, ":p:h"),
    handlers = {
      ["window/showMessage"] = function(_, result)
        table.insert(report.messages, result and result.message or "")
      end,
    },
    on_exit = function(code, signal)
      report.exited = { code = code, signal = signal }
    end,
  })
  assert(client_id, "cannot start `" .. bin .. " lsp`")

  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  assert(vim.lsp.buf_attach_client(bufnr, client_id), "buf_attach_client failed")

  local got = vim.wait(timeout_ms, function()
    return #vim.diagnostic.get(bufnr) > 0 or report.exited ~= vim.NIL
  end, 50)
  if report.exited ~= vim.NIL then
    error("the server exited: " .. vim.inspect(report.exited))
  elseif not got then
    error("no diagnostics within " .. timeout_ms .. " ms")
  end

  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  for _, d in ipairs(diags) do
    -- lnum/col are 0-based, col in bytes: Neovim converts from the negotiated encoding.
    table.insert(report.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source or vim.NIL,
      code = lsp_code(d),
      message = d.message,
    })
  end

  -- The quick fix and hover for the first finding, with the cursor inside it.
  local first = diags[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col + 2 })
  local client = vim.lsp.get_client_by_id(client_id)
  local encoding = (client and client.offset_encoding) or "utf-16"

  local params = vim.lsp.util.make_range_params(0, encoding)
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, timeout_ms) or {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      local edits = {}
      for _, list in pairs((action.edit and action.edit.changes) or {}) do
        for _, e in ipairs(list) do
          table.insert(edits, e.newText)
        end
      end
      table.insert(report.actions, { title = action.title, kind = action.kind or vim.NIL, new_texts = edits })
    end
  end

  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover",
    vim.lsp.util.make_position_params(0, encoding), timeout_ms) or {}
  for _, response in pairs(hover) do
    local contents = response.result and response.result.contents
    if contents then
      report.hover = contents.value or contents
    end
  end
  report.offset_encoding = encoding

  vim.fn.writefile({ vim.fn.json_encode(report) }, out)
end

local ok, err = pcall(main)
if not ok then
  io.stderr:write("nvim test: " .. tostring(err) .. "\n")
  pcall(function()
    vim.fn.writefile({ vim.fn.json_encode(report) }, out)
  end)
  vim.cmd("cquit 3")
end
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.wait(2000, function()
  return report.exited ~= vim.NIL
end, 20)
vim.cmd("qall!")
