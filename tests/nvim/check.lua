-- Check the JSON written by diagnostics.lua for the sample draft: exactly two
-- diagnostics, the date on line 12 (0-based) over "20-21 March 2023" and the stance on
-- line 19; the quick fix writes "20-22 March 2023"; hover cites the source.
-- Environment: FACTLINT_DRAFT, FACTLINT_OUT. Exits 0 when all hold, 1 otherwise.

local draft = assert(os.getenv("FACTLINT_DRAFT"))
local out = assert(os.getenv("FACTLINT_OUT"))

local failures = {}
local function expect(cond, what)
  if not cond then
    table.insert(failures, what)
  end
end

local report = vim.fn.json_decode(table.concat(vim.fn.readfile(out), "\n"))
local lines = vim.fn.readfile(draft)
local date_start = string.find(lines[13] or "", "20-21 March 2023", 1, true)
expect(date_start ~= nil, "the draft has no `20-21 March 2023` on line 13")
local date_col = (date_start or 1) - 1

local d = report.diagnostics or {}
expect(#d == 2, "expected exactly 2 diagnostics, got " .. #d)
if d[1] then
  expect(d[1].lnum == 12, "first diagnostic on line " .. tostring(d[1].lnum) .. ", expected 12")
  expect(d[1].col == date_col, "first diagnostic at column " .. tostring(d[1].col) .. ", expected " .. date_col)
  expect(d[1].end_lnum == 12 and d[1].end_col == date_col + 16,
    "first diagnostic ends at " .. tostring(d[1].end_lnum) .. ":" .. tostring(d[1].end_col))
  expect(d[1].code == "date/event-date-mismatch", "first code " .. tostring(d[1].code))
  expect(d[1].severity == 1, "first severity " .. tostring(d[1].severity))
end
if d[2] then
  expect(d[2].lnum == 19, "second diagnostic on line " .. tostring(d[2].lnum) .. ", expected 19")
  expect(d[2].code == "stance/contradicts-record", "second code " .. tostring(d[2].code))
end

local fixed = false
for _, a in ipairs(report.actions or {}) do
  for _, t in ipairs(a.new_texts or {}) do
    fixed = fixed or t == "20-22 March 2023"
  end
end
expect(fixed, "no quick fix writing `20-22 March 2023`")
local hover = type(report.hover) == "string" and report.hover or ""
expect(string.find(hover, "en.people.cn", 1, true) ~= nil, "hover does not cite the source")

if #failures > 0 then
  io.stderr:write("nvim test FAILED:\n  " .. table.concat(failures, "\n  ") .. "\n")
  io.stderr:write(table.concat(vim.fn.readfile(out), "\n") .. "\n")
  vim.cmd("cquit 1")
end
io.stdout:write("nvim test: ok (2 diagnostics, quick fix, hover; " .. tostring(report.offset_encoding) .. ")\n")
vim.cmd("qall!")
