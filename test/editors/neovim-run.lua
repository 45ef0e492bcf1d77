-- Driver for neovim.test.ts, run as `nvim --headless -u NONE -i NONE -n -c 'luafile neovim-run.lua'`.
-- Starts the server through corroborate.lua (the config docs/other-editors.md shows), opens each
-- draft, waits for its diagnostics, and does what a user would: hover, Go to Definition, and the
-- first quick fix through vim.lsp.buf.code_action(). Writes everything as JSON to
-- $CORROBORATE_OUT and quits. Inputs (environment): CORROBORATE_CONFIG (corroborate.lua),
-- CORROBORATE_SERVER, CORROBORATE_ROOT (the workspace), CORROBORATE_DRAFTS (comma-separated,
-- relative to the root), CORROBORATE_SETTINGS (JSON, optional), CORROBORATE_FIX (comma-separated
-- drafts whose first quick fix to apply), CORROBORATE_EDIT (JSON {file, from, to}: change a source on disk, then ask
-- the server to re-index), CORROBORATE_TIMEOUT_MS.
local env = vim.env
local timeout = tonumber(env.CORROBORATE_TIMEOUT_MS or '30000')
local fix = {}
for _, rel in ipairs(vim.split(env.CORROBORATE_FIX or '', ',', { plain = true })) do fix[rel] = true end
local report = { nvim = vim.version(), drafts = {}, messages = {}, publishes = 0, errors = {} }
-- the client's capabilities as sent in initialize (work-done progress among them)
report.work_done_progress = vim.lsp.protocol.make_client_capabilities().window.workDoneProgress

-- Count what the server publishes and record window/showMessage, keeping the default handler.
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local last_publish = vim.loop.now()
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  report.publishes = report.publishes + 1
  last_publish = vim.loop.now()
  return publish(err, result, ctx, config)
end
-- Record the work-done progress the server reports ($/progress), keeping Neovim's own handler.
report.progress = {}
local progress = vim.lsp.handlers['$/progress']
vim.lsp.handlers['$/progress'] = function(err, result, ctx, config)
  local v = result and result.value or {}
  table.insert(report.progress, { token = tostring(result and result.token), kind = v.kind, title = v.title, message = v.message, percentage = v.percentage })
  if progress then return progress(err, result, ctx, config) end
end
vim.lsp.handlers['window/showMessage'] = function(_, result)
  table.insert(report.messages, result)
  return vim.NIL
end
local function quiet_for(ms) return vim.loop.now() - last_publish >= ms end
-- after something that makes the server publish again: wait for that, then for quiet
local function wait_republish(count)
  vim.wait(timeout, function() return report.publishes > count end, 20)
  vim.wait(timeout, function() return quiet_for(500) end, 20)
end

local function diagnostics(buf)
  local out = {}
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  for _, d in ipairs(diags) do
    local related = {}
    local lsp = d.user_data and d.user_data.lsp or {}
    for _, r in ipairs(lsp.relatedInformation or {}) do
      table.insert(related, { uri = r.location.uri, line = r.location.range.start.line, message = r.message })
    end
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
      code = d.code, source = d.source, message = d.message, related = related,
    })
  end
  return out, diags
end

-- a request at a diagnostic's start, with the cursor put there as a user would
local function request_at(buf, d, method)
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local res = vim.lsp.buf_request_sync(buf, method, vim.lsp.util.make_position_params(), timeout)
  for _, r in pairs(res or {}) do
    if r.err then table.insert(report.errors, method .. ': ' .. vim.inspect(r.err)) end
    if r.result then return r.result end
  end
end

local ok, err = pcall(function()
  vim.cmd('filetype on')
  dofile(env.CORROBORATE_CONFIG).setup({
    server = env.CORROBORATE_SERVER,
    settings = env.CORROBORATE_SETTINGS and vim.fn.json_decode(env.CORROBORATE_SETTINGS) or nil,
  })
  for _, rel in ipairs(vim.split(env.CORROBORATE_DRAFTS, ',', { plain = true })) do
    vim.cmd('edit ' .. vim.fn.fnameescape(env.CORROBORATE_ROOT .. '/' .. rel))
    local buf = vim.api.nvim_get_current_buf()
    -- diagnostics have come (every test draft has some) and the server has been quiet for 500 ms
    local got = vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 and quiet_for(500) end, 20)
    local entry = { file = rel, filetype = vim.bo[buf].filetype, timed_out = not got, clients = {} }
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
      table.insert(entry.clients, { name = c.name, root_dir = c.config.root_dir, offset_encoding = c.offset_encoding })
    end
    local raw
    entry.diagnostics, raw = diagnostics(buf)
    if raw[1] then
      local hover = request_at(buf, raw[1], 'textDocument/hover')
      entry.hover = hover and hover.contents and (hover.contents.value or hover.contents) or nil
      entry.definitions = {}
      for _, d in ipairs(raw) do
        local locs = request_at(buf, d, 'textDocument/definition') or {}
        if locs.uri then locs = { locs } end
        local where = {}
        for _, l in ipairs(locs) do table.insert(where, { uri = l.uri or l.targetUri, line = (l.range or l.targetSelectionRange).start.line }) end
        table.insert(entry.definitions, where)
      end
    end
    if fix[rel] and raw[1] then
      -- the quick-fix menu of vim.lsp.buf.code_action(): record the titles, choose the first
      local select = vim.ui.select
      vim.ui.select = function(items, _, on_choice)
        entry.actions = {}
        for _, item in ipairs(items) do table.insert(entry.actions, item[2].title) end
        vim.ui.select = select
        on_choice(items[1], 1)
      end
      local count = report.publishes
      vim.api.nvim_win_set_cursor(0, { raw[1].lnum + 1, raw[1].col })
      vim.lsp.buf.code_action()
      vim.wait(timeout, function() return entry.actions ~= nil end, 20)
      wait_republish(count)
      entry.fixed_line = vim.api.nvim_buf_get_lines(buf, raw[1].lnum, raw[1].lnum + 1, false)[1]
      entry.after_fix = diagnostics(buf)
    end
    table.insert(report.drafts, entry)
  end
  if env.CORROBORATE_EDIT then
    -- a source changes on disk; Neovim 0.7 has no file watcher to tell the server, so ask it
    local edit = vim.fn.json_decode(env.CORROBORATE_EDIT)
    local path = env.CORROBORATE_ROOT .. '/' .. edit.file
    local f = assert(io.open(path, 'rb')); local text = f:read('*a'); f:close()
    local changed = text:gsub(vim.pesc(edit.from), edit.to)
    f = assert(io.open(path, 'wb')); f:write(changed); f:close()
    local buf = vim.api.nvim_get_current_buf()
    local count = report.publishes
    vim.wait(2000, function() return report.publishes > count end, 20)
    report.edit = { republished_by_itself = report.publishes > count }
    count = report.publishes
    local res = vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', { command = 'corroborate.reindex', arguments = {} }, timeout)
    for _, r in pairs(res or {}) do if r.err then table.insert(report.errors, 'reindex: ' .. vim.inspect(r.err)) end end
    wait_republish(count)
    report.edit.after_reindex = diagnostics(buf)
  end
end)
if not ok then table.insert(report.errors, tostring(err)) end
local f = assert(io.open(env.CORROBORATE_OUT, 'w'))
f:write(vim.fn.json_encode(report))
f:close()
vim.cmd('qa!')
